// The rubric loader and validator on raw text; a rubric that loads scores a
// short essay, so that its patterns run. A budget bounds patterns whose
// empty matches look ahead (quadratic by nature; the engine stops them).
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_loader.h"

namespace {

constexpr absl::string_view kEssay =
    "The Printing Press\n\n"
    "The press changed Europe (Eisenstein, 1979, p. 4). \"Books multiplied,\" "
    "as Febvre writes.\n\n"
    "It spread quickly, and cafe\xCC\x81 owners read news aloud.\n\n"
    "References\n\n"
    "Eisenstein, E. (1979). The printing press as an agent of change. "
    "Cambridge University Press.\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  static const marginalia::rubrics::Engine* engine =
      new marginalia::rubrics::Engine();
  absl::string_view text(reinterpret_cast<const char*>(data), size);
  marginalia::rubrics::RubricValidation validation =
      marginalia::rubrics::ValidateRubricText(text, "fuzz.textproto");
  if (!validation.ok()) return 0;
  // The text form the validator prints must load again.
  std::string printed =
      marginalia::rubrics::RubricToText(validation.rubric->proto());
  (void)marginalia::rubrics::ValidateRubricText(printed, "printed");
  marginalia::rubrics::ScoreLimits limits;
  limits.budget = absl::Seconds(2);
  (void)engine->Score(kEssay, *validation.rubric, limits);
  return 0;
}
