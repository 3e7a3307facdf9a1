#pragma once
/// Deterministic random choices for the data generator.
///
/// std::mt19937_64's output sequence is fixed by the C++ standard, but the std::*_distribution
/// classes are not: libstdc++ and libc++ turn the same engine output into different numbers.
/// So every choice here is integer arithmetic on the raw engine output, and the same seed gives
/// the same data with any standard library.

#include <cstdint>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

namespace thidua::gen {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  /// A seed for one generator: the run's seed mixed with the generator's name, so adding a
  /// generator (or reordering them) never changes what the others produce.
  static std::uint64_t derive(std::uint64_t seed, std::string_view name) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (char c : name) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    return splitmix(seed ^ splitmix(h));
  }

  std::uint64_t next() { return engine_(); }

  /// Uniform in [0, n), without modulo bias: draws below 2^64 mod n are rejected. n > 0.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      std::uint64_t r = next();
      if (r >= threshold) return r % n;
    }
  }

  /// Uniform in [lo, hi], both included. lo <= hi.
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  /// True with probability per_mille / 1000.
  bool chance(int per_mille) { return static_cast<int>(below(1000)) < per_mille; }

  /// An index drawn with the given integer weights (not all zero).
  std::size_t weighted(const std::vector<int>& weights) {
    std::uint64_t total = 0;
    for (int w : weights) total += static_cast<std::uint64_t>(w);
    std::uint64_t r = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      auto w = static_cast<std::uint64_t>(weights[i]);
      if (r < w) return i;
      r -= w;
    }
    return weights.size() - 1;
  }

  /// Fisher–Yates with our own uniform draw (std::shuffle's result is library-specific).
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      std::size_t j = below(i);
      std::swap(v[i - 1], v[j]);
    }
  }

 private:
  static std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
  }

  std::mt19937_64 engine_;
};

}  // namespace thidua::gen
