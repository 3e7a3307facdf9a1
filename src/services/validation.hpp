#pragma once
/// Checks shared by the services for text typed into forms: each adds a field error to one
/// validation Error, so a form shows every problem at once.

#include <cstddef>
#include <string>

#include "domain/clock.hpp"
#include "domain/error.hpp"

namespace thidua::services {

/// An empty validation error, to collect field errors in.
Error invalid();
/// Cleans a required text field into `out` (NFC, trimmed), adding field errors to `e`.
void required_text(Error& e, const std::string& field, const std::string& value, std::size_t max, std::string& out);
/// The same for a field that may be empty.
void optional_text(Error& e, const std::string& field, const std::string& value, std::size_t max, std::string& out);
/// A date typed as dd/mm/yyyy (or ISO) as ISO; empty input gives "" (and an error when
/// `required`); a bad date adds `date.invalid` to `field`.
std::string date_field(Error& e, const std::string& field, const std::string& value, bool required);
/// Today's date (UTC) as "YYYY-MM-DD".
std::string today_iso(TimePoint now);

}  // namespace thidua::services
