// Randomness that is reproducible everywhere: the same seed gives the same
// sequence on every platform and standard library.
#pragma once

#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

namespace marginalia::server::review {

// A seeded source of uniform integers and shuffles. std::mt19937_64's output
// is fixed by the C++ standard, but std::uniform_int_distribution and
// std::shuffle are not (libstdc++ and libc++ differ), so both are done here.
// Not thread-safe; cheap to create one per call.
class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : engine_(seed) {}

  // Uniform in [0, bound), without modulo bias. REQUIRES: bound > 0.
  uint64_t Below(uint64_t bound) {
    constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
    // The largest multiple of `bound` that fits: draws at or above it would
    // favour small results, so they are drawn again.
    const uint64_t limit = kMax - kMax % bound;
    uint64_t draw = engine_();
    while (draw >= limit) draw = engine_();
    return draw % bound;
  }

  // Fisher-Yates shuffle.
  template <typename T>
  void Shuffle(std::vector<T>& values) {
    for (size_t i = values.size(); i > 1; --i) {
      std::swap(values[i - 1], values[Below(i)]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace marginalia::server::review
