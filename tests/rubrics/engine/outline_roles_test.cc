// Paragraph roles read the way essays annotated by hand read them (issue
// 12): comparison markers alone do not make a comparison section, a heading
// that merely says "historical" is not the context, back matter after the
// last paragraph does not hide the conclusion, and a wider gap between
// paragraphs marks a conclusion only where the spacing is otherwise regular.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/rubrics/engine/engine_test_util.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::Contains;
using ::testing::Not;

// The role of the paragraph that starts with `opening`.
v1::SectionRole RoleOf(const std::string& essay,
                       const v1::FeedbackReport& report,
                       const std::string& opening) {
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    if (testing::SpanText(essay, p.span()).rfind(opening, 0) == 0) {
      return p.role();
    }
  }
  ADD_FAILURE() << "no paragraph opens with: " << opening;
  return v1::SECTION_ROLE_UNSPECIFIED;
}

std::vector<v1::SectionRole> Roles(const v1::FeedbackReport& report) {
  std::vector<v1::SectionRole> roles;
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    roles.push_back(p.role());
  }
  return roles;
}

constexpr char kArgument[] =
    "The records of the parish show the same families holding the same land "
    "for three generations, and the court rolls name them as jurors, "
    "constables and churchwardens in turn. ";

TEST(OutlineRolesTest, ComparisonMarkersAloneDoNotMakeAComparison) {
  const std::string essay = absl::StrCat(
      "The Manor and the Parish\n\n"
      "This essay argues that the parish, not the manor, ordered village "
      "life in the sixteenth century.\n\n",
      kArgument, kArgument, "\n\n",
      "However, the lords kept their courts, whereas the parish had none; "
      "both met monthly, but in contrast to the vestry the court could fine. "
      "Similarly, both kept rolls; however, only the vestry kept accounts, "
      "while the court kept none. ",
      kArgument, "\n\n", kArgument, kArgument, "\n\n",
      "In conclusion, the parish ordered village life because its officers "
      "were the villagers themselves.\n");
  v1::FeedbackReport report = testing::Score(essay);
  EXPECT_THAT(Roles(report), Not(Contains(v1::SECTION_ROLE_COMPARISON)));
  EXPECT_EQ(RoleOf(essay, report, "However, the lords"), v1::SECTION_ROLE_BODY);
}

TEST(OutlineRolesTest, HeadingsNameTheComparisonButHistoricalIsNoContext) {
  // In a history essay "historical" heads any section; "Background" or
  // "Context" heads the context, "Compared" the comparison.
  const std::string essay = absl::StrCat(
      "The Manor and the Parish\n\n"
      "This essay argues that the parish, not the manor, ordered village "
      "life in the sixteenth century.\n\n"
      "## The Advent of Historical Records\n\n",
      kArgument, "\n\n## Manor and Parish Compared\n\n", kArgument,
      "\n\n## Conclusion\n\nThe parish ordered village life.\n");
  v1::FeedbackReport report = testing::Score(essay);
  std::vector<v1::SectionRole> sections;
  for (const v1::Section& s : report.sections()) sections.push_back(s.role());
  EXPECT_THAT(sections, ::testing::ElementsAre(v1::SECTION_ROLE_TITLE,
                                               v1::SECTION_ROLE_INTRODUCTION,
                                               v1::SECTION_ROLE_BODY,
                                               v1::SECTION_ROLE_COMPARISON,
                                               v1::SECTION_ROLE_CONCLUSION));
}

TEST(OutlineRolesTest, AConclusionBeforeAnAppendixIsTheConclusion) {
  const std::string essay = absl::StrCat(
      "Nursing Theory\n\n"
      "This paper argues that nursing research, practice and theory depend "
      "on each other.\n\n",
      kArgument, kArgument, "\n\n", kArgument, kArgument, "\n\n",
      "In conclusion, nursing practice, research and theory are intertwined, "
      "and each improves the others.\n\n"
      "Appendix\n\n"
      "Figure 1. The theory of acute pain management.\n\n"
      "References\n\n"
      "Good, M., & Moore, S. M. (1996). Clinical practice guidelines as a "
      "new source of middle-range theory. Nursing Outlook, 44(2), 74-79.\n");
  v1::FeedbackReport report = testing::Score(essay, "research-report");
  EXPECT_EQ(RoleOf(essay, report, "In conclusion"),
            v1::SECTION_ROLE_CONCLUSION);
}

TEST(OutlineRolesTest, AWiderGapAmongIrregularGapsMarksNoConclusion) {
  // Paragraphs separated by no blank line, one and two, as pages exported
  // with their figures removed are.
  const std::string essay = absl::StrCat(
      "Osprey Histories of the War\n\n"
      "This paper looks at what the Osprey authors say of the battles.\n",
      kArgument, "\n", kArgument, "\n", kArgument, "\n\n\n",
      "The second book is about the fall of Brittany. ", kArgument, "\n\n",
      "The third book is about the liberation of St Lo. ", kArgument, "\n\n",
      "The fourth book is about the fall of the Reich. ", kArgument, "\n");
  v1::FeedbackReport report = testing::Score(essay);
  EXPECT_NE(RoleOf(essay, report, "The second book"),
            v1::SECTION_ROLE_CONCLUSION);
  EXPECT_NE(RoleOf(essay, report, "The third book"),
            v1::SECTION_ROLE_CONCLUSION);
}

}  // namespace
}  // namespace marginalia::rubrics
