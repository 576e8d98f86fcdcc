// Generators of adversarial essays: shapes that make a careless pass over
// paragraphs, sentences, citations or brackets quadratic. Each generator is
// deterministic and returns at least `bytes` bytes of valid UTF-8.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace marginalia::rubrics::testing {

// One adversarial shape: a name for test output, the text generator and,
// optionally, RE2 patterns an inline rubric checks (empty: a built-in
// rubric).
struct AdversarialInput {
  std::string name;
  std::function<std::string(std::size_t bytes)> generate;
  std::vector<std::string> patterns;
};

// Prints the name only (gtest would dump the bytes).
inline void PrintTo(const AdversarialInput& input, std::ostream* out) {
  *out << input.name;
}

// Every shape the time-bound test scores.
std::vector<AdversarialInput> AdversarialInputs();

}  // namespace marginalia::rubrics::testing
