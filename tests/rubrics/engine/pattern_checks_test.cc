// A tutor's RE2 patterns: each non-empty match is a finding; empty matches
// are stepped over; each search sees the paragraph's text before it, so
// that ^ and \b mean what they say.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rubrics/engine/engine.h"
#include "tests/rubrics/engine/engine_test_util.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

// The texts the pattern matched in `text`, in order.
std::vector<std::string> Matches(const std::string& text,
                                 const std::string& regex) {
  std::shared_ptr<const CompiledRubric> rubric =
      testing::WithProbePattern(regex);
  if (rubric == nullptr) return {};
  Engine engine;
  auto report = engine.Score(text, *rubric);
  EXPECT_TRUE(report.ok()) << report.status();
  std::vector<std::string> found;
  for (const v1::Finding& f : report->findings()) {
    if (f.code() == testing::kProbeCode) {
      found.push_back(testing::SpanText(text, f.span()));
    }
  }
  return found;
}

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(PatternChecksTest, EmptyMatchesGiveNoFindings) {
  EXPECT_THAT(Matches("Two words here.", "\\b"), IsEmpty());
  EXPECT_THAT(Matches("Two words here.", "(?:)"), IsEmpty());
}

TEST(PatternChecksTest, NonEmptyMatchesAfterEmptyOnesAreFound) {
  EXPECT_THAT(Matches("Tax, or axes.", "x*"), ElementsAre("x", "x"));
  EXPECT_THAT(Matches("a " + std::string(5000, '-') + " b", "\\b\\w"),
              ElementsAre("a", "b"));
}

TEST(PatternChecksTest, AnchorsSeeTheTextBeforeTheSearch) {
  // Each search used to start on a fresh piece of the paragraph, where ^
  // matched again: "^\w" found every letter of the first word.
  EXPECT_THAT(Matches("Hello world.", "^\\w"), ElementsAre("H"));
}

TEST(PatternChecksTest, EmptyMatchesStepByWholeCharacters) {
  EXPECT_THAT(Matches("Caf\u00e9 \u00e9t\u00e9.", "\u00e9?"),
              ElementsAre("\u00e9", "\u00e9", "\u00e9"));
}

}  // namespace
}  // namespace marginalia::rubrics
