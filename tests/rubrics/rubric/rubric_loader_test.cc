#include "rubrics/rubric/rubric_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_registry.h"
#include "tests/testing/test_rubrics.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kValid = marginalia::testing::kShortRubric;

TEST(RubricLoaderTest, BuiltInRubricsAreValid) {
  absl::StatusOr<RubricRegistry> registry = RubricRegistry::BuiltIn();
  ASSERT_TRUE(registry.ok()) << registry.status();
  std::vector<std::string> ids;
  for (const auto& rubric : registry->All()) ids.push_back(rubric->id());
  EXPECT_THAT(ids, ElementsAre("argumentative-essay", "history-essay",
                               "research-report"));
  EXPECT_EQ((*registry->Find("history-essay"))->MaxScore(), 100);
  EXPECT_EQ(registry->Find("nope").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(RubricLoaderTest, ValidRubricCompiles) {
  RubricValidation v = ValidateRubricText(kValid, "short.textproto");
  ASSERT_TRUE(v.ok()) << v.errors[0];
  EXPECT_EQ(v.rubric->version(), 1);
  EXPECT_EQ(v.rubric->source(), kValid);
}

TEST(RubricLoaderTest, SyntaxErrorsGiveFileLineAndColumn) {
  RubricValidation v = ValidateRubricText(
      "id: \"x\"\nname: \"X\"\ncriteria { max_score: \"ten\" }\n",
      "draft.textproto");
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_THAT(v.errors[0], StartsWith("draft.textproto:3:"));
}

TEST(RubricLoaderTest, UnknownCodesAndMetricsAreCaughtWithTheirLine) {
  std::string text = kValid;
  text.replace(text.find("mechanics.*"), 11, "citation.quote_without_pages");
  text.insert(text.rfind('}'),
              "  rules { metric { metric: \"structure.shape\" good: 1 bad: 0 "
              "max_deduction: 1 } }\n");
  RubricValidation v = ValidateRubricText(text, "r.textproto");
  EXPECT_THAT(v.errors,
              Contains(HasSubstr("r.textproto:9: criterion 'writing': no "
                                 "analyser produces "
                                 "'citation.quote_without_pages'")));
  EXPECT_THAT(v.errors,
              Contains(HasSubstr("r.textproto:10: criterion 'writing': "
                                 "'structure.shape' is not a metric")));
}

TEST(RubricLoaderTest, BadPatternsAreReported) {
  std::string text = std::string(kValid) +
                     "patterns { code: \"mechanics.mine\" pattern: \"(\" "
                     "message: \"m\" criterion_id: \"nope\" }\n";
  RubricValidation v = ValidateRubricText(text, "p.textproto");
  EXPECT_THAT(v.errors, Contains(HasSubstr("built-in namespace 'mechanics.'")));
  EXPECT_THAT(v.errors, Contains(HasSubstr("is not valid RE2: missing )")));
  EXPECT_THAT(v.errors, Contains(HasSubstr("criterion 'nope'")));
}

TEST(RubricLoaderTest, ScalesMustBeNumberedFromZero) {
  std::string text = kValid;
  text.replace(text.find("level: 1"), 8, "level: 2");
  RubricValidation v = ValidateRubricText(text, "s.textproto");
  EXPECT_THAT(v.errors, Contains(HasSubstr("level 1 is numbered 2")));
}

TEST(RubricLoaderTest, VersionOverrideAndRoundTrip) {
  auto rubric = LoadRubricText(kValid, "short", 7);
  ASSERT_TRUE(rubric.ok());
  EXPECT_EQ((*rubric)->version(), 7);
  auto again = LoadRubricText(RubricToText((*rubric)->proto()), "again");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ((*again)->proto().criteria(0).id(), "writing");
}

TEST(RubricLoaderTest, PatternChecksBecomeFindings) {
  std::string text = std::string(kValid) +
                     "patterns { code: \"style.contraction\" pattern: "
                     "\"\\\\b(can't|won't|don't)\\\\b\" case_insensitive: true "
                     "severity: SEVERITY_INFO message: \"Contraction.\" "
                     "suggestion: \"Write it out in full.\" criterion_id: "
                     "\"writing\" }\n";
  auto rubric = LoadRubricText(text, "patterns");
  ASSERT_TRUE(rubric.ok()) << rubric.status();
  Engine engine;
  auto report = engine.Score(
      "Title here\n\nWe can't stop. They WON'T agree. Nor do we.\n", **rubric);
  ASSERT_TRUE(report.ok());
  std::vector<std::string> found;
  for (const v1::Finding& f : report->findings()) {
    if (f.code() == "style.contraction") {
      found.push_back(f.message());
      EXPECT_EQ(f.criterion_id(), "writing");
      EXPECT_EQ(f.severity(), v1::SEVERITY_INFO);
    }
  }
  EXPECT_EQ(found.size(), 2u);
}

TEST(RubricLoaderTest, FindingsNoCriterionCountsAreLeftOut) {
  auto rubric = LoadRubricText(kValid, "short");
  ASSERT_TRUE(rubric.ok());
  Engine engine;
  // No citations: the engine notices, but this rubric does not care.
  auto report = engine.Score(
      "A title\n\nThe the plan failed. It was not a success at all, and "
      "many said so.\n",
      **rubric);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->findings_size(), 1);
  EXPECT_EQ(report->findings(0).code(), "mechanics.repeated_word");
}

TEST(RubricLoaderTest, RationalesGiveCountsAsNumbersAndSharesAsPercentages) {
  // One citation in two body paragraphs: a count of 1 must not read as
  // "100%", nor a share of one half as "0.5".
  std::string text = kValid;
  text.insert(text.rfind('}'),
              "  rules { metric { metric: \"citation.count\" good: 5 bad: 0 "
              "max_deduction: 2 label: \"in-text citations\" } }\n"
              "  rules { metric { metric: "
              "\"evidence.supported_paragraph_ratio\" good: 1 bad: 0 "
              "max_deduction: 2 label: \"body paragraphs with evidence\" } "
              "}\n");
  auto rubric = LoadRubricText(text, "units");
  ASSERT_TRUE(rubric.ok()) << rubric.status();
  Engine engine;
  auto report = engine.Score(
      "The Plan\n\n"
      "This essay argues that the plan failed, first in farming and then in "
      "industry.\n\n"
      "Farming output fell sharply in the first years of the plan, and the "
      "villages paid for it (Smith, 2001, p. 4). Prices rose while wages "
      "stood still.\n\n"
      "Industry grew, but far more slowly than the planners had promised, "
      "and the factories struggled to find workers who could run them. Many "
      "never opened at all.\n\n"
      "In conclusion, the plan failed in farming and in industry alike.\n",
      **rubric);
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->criteria_size(), 1);
  const std::string& rationale = report->criteria(0).rationale();
  EXPECT_THAT(rationale, HasSubstr("in-text citations at 1 ("));
  EXPECT_THAT(rationale, HasSubstr("body paragraphs with evidence at 50% ("));
}

}  // namespace
}  // namespace marginalia::rubrics
