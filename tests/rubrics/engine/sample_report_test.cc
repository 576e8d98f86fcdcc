// The report on the essay Marginalia is built for, checked against what a
// tutor marking it would say. Every finding is accounted for: a wrong one
// fails as surely as a missing one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "tests/rubrics/engine/engine_test_util.h"
#include "tests/testing/test_data.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using testing::CodeCounts;
using ::testing::ElementsAre;
using testing::FindingsOf;
using ::testing::HasSubstr;
using ::testing::Pair;
using testing::SpanText;
using ::testing::UnorderedElementsAre;

class SampleReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = marginalia::testing::SampleEssay();
    report_ = testing::Score(text_);
  }
  std::string text_;
  v1::FeedbackReport report_;
};

TEST_F(SampleReportTest, EveryFindingIsExpected) {
  EXPECT_THAT(CodeCounts(report_),
              UnorderedElementsAre(Pair("citation.missing_reference_list", 1),
                                   Pair("citation.nonstandard_format", 29),
                                   Pair("citation.quote_without_page", 3),
                                   Pair("evidence.source_overreliance", 1),
                                   Pair("evidence.unsupported_paragraph", 2),
                                   Pair("evidence.unsourced_statistic", 1),
                                   Pair("mechanics.confused_word", 1),
                                   Pair("mechanics.repeated_punctuation", 1),
                                   Pair("mechanics.unbalanced_quotes", 1)));
}

TEST_F(SampleReportTest, FindsAll29CitationsAndTheir7Sources) {
  ASSERT_EQ(report_.citations_size(), 29);
  for (const v1::Citation& c : report_.citations()) {
    EXPECT_EQ(SpanText(text_, c.span()), c.text());
    EXPECT_TRUE(absl::StartsWith(c.text(), "(")) << c.text();
    EXPECT_EQ(c.kind(), v1::CITATION_KIND_PARENTHETICAL);
    EXPECT_GE(c.source(), 0);
  }
  std::vector<std::string> sources;
  for (const v1::Source& s : report_.sources()) {
    sources.push_back(s.authors(0) + " " + s.year());
    EXPECT_FALSE(s.in_reference_list());
  }
  EXPECT_THAT(sources, ElementsAre("Meisner 1986", "Kraus 1982", "Bianco 2018",
                                   "Trifonov 1958", "Gillin 1963",
                                   "Bhattacharya 1994", "Goldman 1980"));
  EXPECT_THAT(report_.sources(2).authors(), ElementsAre("Bianco", "Horko"));
  EXPECT_EQ(report_.stats().citations(), 29);
  EXPECT_EQ(report_.stats().sources(), 7);
}

TEST_F(SampleReportTest, SaysThereIsNoReferenceList) {
  auto found = FindingsOf(report_, "citation.missing_reference_list");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message(), HasSubstr("cites 7 sources"));
  EXPECT_THAT(found[0].suggestion(), HasSubstr("Meisner (1986)"));
  EXPECT_THAT(found[0].suggestion(), HasSubstr("Bianco and Horko (2018)"));
  EXPECT_EQ(found[0].related_spans_size(), 7);
}

TEST_F(SampleReportTest, FlagsEachQuotationWithoutAPage) {
  std::vector<std::string> quotes;
  for (const v1::Finding& f :
       FindingsOf(report_, "citation.quote_without_page")) {
    quotes.push_back(SpanText(text_, f.span()));
    ASSERT_EQ(f.related_spans_size(), 1);
    EXPECT_THAT(f.suggestion(), HasSubstr(", p. __)"));
  }
  EXPECT_THAT(
      quotes,
      ElementsAre("\u201ceven greater determination to overcome it\u201d",
                  "\u201craging winds and driving rain\u201d",
                  "\u201c"
                  "benefitted from all kinds of advantages, "
                  "both symbolic and substantial\u201d"));
  auto first = FindingsOf(report_, "citation.quote_without_page")[0];
  EXPECT_EQ(first.suggestion(), "Add the page number: (Meisner, 1986, p. __).");
  EXPECT_EQ(SpanText(text_, first.related_spans(0)), "(Meisner., 1986)");
}

TEST_F(SampleReportTest, CorrectsTheNonstandardPunctuation) {
  auto found = FindingsOf(report_, "citation.nonstandard_format");
  ASSERT_EQ(found.size(), 29u);
  std::map<std::string, std::string> corrected;
  for (const v1::Finding& f : found) {
    corrected[SpanText(text_, f.span())] = f.suggestion();
  }
  EXPECT_EQ(corrected["(Meisner., 1986)"], "Write (Meisner, 1986) (APA).");
  EXPECT_EQ(corrected["(Bianco and Horko., 2018., p.169)"],
            "Write (Bianco & Horko, 2018, p. 169) (APA).");
  EXPECT_EQ(corrected["(Trifonov., 1958., p.40)"],
            "Write (Trifonov, 1958, p. 40) (APA).");
  EXPECT_THAT(found[0].message(),
              HasSubstr("puts a full stop after the author's name"));
  for (const v1::Citation& c : report_.citations()) {
    EXPECT_EQ(c.style(), v1::CITATION_STYLE_NONSTANDARD);
    EXPECT_FALSE(c.corrected().empty());
  }
}

TEST_F(SampleReportTest, FindsTheBodyParagraphsWithoutSupport) {
  std::vector<std::string> openings;
  for (const v1::Finding& f :
       FindingsOf(report_, "evidence.unsupported_paragraph")) {
    openings.push_back(SpanText(text_, f.span()).substr(0, 40));
  }
  EXPECT_THAT(openings,
              ElementsAre("The ideology behind an intense focus on ",
                          "The campaigns and political movements su"));
}

TEST_F(SampleReportTest, NamesTheSourceCarryingTheLargestShare) {
  auto found = FindingsOf(report_, "evidence.source_overreliance");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message(),
              HasSubstr("Meisner (1986) carries 12 of the 29 citations (41%)"));
  EXPECT_EQ(found[0].related_spans_size(), 11);
  EXPECT_NEAR(report_.sources(0).citation_share(), 12.0 / 29, 1e-9);
}

TEST_F(SampleReportTest, FindsTheDoubleFullStopAndTenants) {
  auto stop = FindingsOf(report_, "mechanics.repeated_punctuation");
  ASSERT_EQ(stop.size(), 1u);
  EXPECT_EQ(SpanText(text_, stop[0].span()), ". .");
  EXPECT_TRUE(absl::StrContains(text_.substr(stop[0].span().begin() - 11, 22),
                                "distinction. . Despite"));
  auto word = FindingsOf(report_, "mechanics.confused_word");
  ASSERT_EQ(word.size(), 1u);
  EXPECT_EQ(SpanText(text_, word[0].span()), "tenants");
  EXPECT_EQ(word[0].suggestion(), "Write \"tenets\".");
}

TEST_F(SampleReportTest, FlagsTheQuotationClosedWithTheWrongMark) {
  auto found = FindingsOf(report_, "mechanics.unbalanced_quotes");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(SpanText(text_, found[0].span()), "\u2019");
  EXPECT_THAT(found[0].message(), HasSubstr("opens with \u201c"));
}

TEST_F(SampleReportTest, OutlinesIntroductionContextComparisonConclusion) {
  std::vector<std::pair<v1::SectionRole, std::pair<int, int>>> sections;
  for (const v1::Section& s : report_.sections()) {
    sections.push_back({s.role(), {s.first_paragraph(), s.last_paragraph()}});
  }
  EXPECT_THAT(sections,
              ElementsAre(Pair(v1::SECTION_ROLE_TITLE, Pair(0, 0)),
                          Pair(v1::SECTION_ROLE_INTRODUCTION, Pair(1, 2)),
                          Pair(v1::SECTION_ROLE_CONTEXT, Pair(3, 8)),
                          Pair(v1::SECTION_ROLE_COMPARISON, Pair(9, 15)),
                          Pair(v1::SECTION_ROLE_BODY, Pair(16, 19)),
                          Pair(v1::SECTION_ROLE_CONCLUSION, Pair(20, 22))));
  EXPECT_EQ(
      report_.sections(2).heading(),
      "Contextualising the First Five Year Plan: China\u2019s Conditions");
  EXPECT_EQ(testing::Metric(report_, "structure.has_roadmap"), 1);
  EXPECT_EQ(testing::Metric(report_, "structure.has_thesis"), 1);
}

TEST_F(SampleReportTest, ScoresEachCriterionWithARationale) {
  ASSERT_EQ(report_.criteria_size(), 5);
  for (const v1::CriterionScore& c : report_.criteria()) {
    EXPECT_THAT(c.rationale(), ::testing::StartsWith("Reached level "));
    EXPECT_FALSE(c.level_descriptor().empty());
    EXPECT_LE(c.score(), c.max_score());
  }
  EXPECT_EQ(testing::CriterionScore(report_, "structure"), 25);
  // Sources cited, but no reference list and no standard style: level 1.
  EXPECT_EQ(report_.criteria(3).id(), "citations");
  EXPECT_EQ(report_.criteria(3).level(), 1);
  EXPECT_THAT(report_.criteria(3).rationale(),
              HasSubstr("a missing reference list"));
  EXPECT_THAT(report_.criteria(3).finding_codes(),
              ::testing::Contains("citation.quote_without_page"));
  EXPECT_GT(report_.criteria(3).spans_size(), 0);
  EXPECT_EQ(report_.max_score(), 100);
  for (const v1::Finding& f : report_.findings()) {
    EXPECT_FALSE(f.criterion_id().empty()) << f.code();
    EXPECT_FALSE(f.suggestion().empty()) << f.code();
  }
}

TEST_F(SampleReportTest, SameEssaySameReportByteForByte) {
  std::string first, second;
  ASSERT_TRUE(report_.SerializeToString(&first));
  ASSERT_TRUE(testing::Score(text_).SerializeToString(&second));
  EXPECT_EQ(first, second);
}

}  // namespace
}  // namespace marginalia::rubrics
