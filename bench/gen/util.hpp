#pragma once
/// Small helpers shared by the generators: calendar dates as ISO text ("2024-06-30") drawn
/// with Rng, and ASCII lower case for logins.

#include <cstdio>
#include <string>

#include "rng.hpp"

namespace thidua::gen {

inline std::string date(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

inline int days_in(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

/// A day of `year`, every day as likely.
inline std::string random_date(Rng& rng, int year) {
  const int m = rng.between(1, 12);
  return date(year, m, rng.between(1, days_in(year, m)));
}

/// A day in months `m1`–`m2` of `year`.
inline std::string random_date_in(Rng& rng, int year, int m1, int m2) {
  const int m = rng.between(m1, m2);
  return date(year, m, rng.between(1, days_in(year, m)));
}

/// `iso` plus up to `days` days, staying in the same year (a review a little after the event).
inline std::string days_after(const std::string& iso, int days) {
  int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2)) + days;
  while (d > days_in(y, m)) {
    d -= days_in(y, m);
    if (++m > 12) return date(y, 12, 31);
  }
  return date(y, m, d);
}

inline std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

}  // namespace thidua::gen
