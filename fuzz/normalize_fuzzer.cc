// The essay normaliser on raw bytes: never crashes, and what it returns is
// its own normal form (normalising it again gives the same bytes), so that
// a stored essay's hash does not change when it is submitted again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "rubrics/document/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  absl::string_view input(reinterpret_cast<const char*>(data), size);
  auto text = marginalia::rubrics::NormalizeEssayText(input);
  if (!text.ok()) return 0;
  auto again = marginalia::rubrics::NormalizeEssayText(*text);
  if (!again.ok() || *again != *text) std::abort();
  return 0;
}
