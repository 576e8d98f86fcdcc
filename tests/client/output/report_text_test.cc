#include "client/output/report_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

v1::Span MakeSpan(uint32_t begin, uint32_t end) {
  v1::Span span;
  span.set_begin(begin);
  span.set_end(end);
  return span;
}

TEST(LatenessTest, LateSubmissionsSayByHowMuch) {
  v1::Submission s;
  s.set_id("sub_1");
  s.set_title("Grain");
  EXPECT_EQ(LatenessLabel(s), "");
  s.mutable_late_by()->set_seconds(2 * 3600 + 5 * 60 + 30);
  EXPECT_EQ(LatenessLabel(s), "late by 2h 5m");
  s.mutable_late_by()->set_seconds(3 * 86400 + 4 * 3600 + 59);
  EXPECT_EQ(LatenessLabel(s), "late by 3d 4h");
  s.mutable_late_by()->set_seconds(20);
  EXPECT_EQ(LatenessLabel(s), "late by under a minute");
  std::ostringstream table;
  s.mutable_late_by()->set_seconds(12 * 60);
  PrintSubmissionTable({s}, table);
  EXPECT_THAT(table.str(), HasSubstr("Grain  (late by 12m)\n"));
}

TEST(SubmissionTableTest, FlagsTextsIdenticalToAnotherStudents) {
  v1::Submission a, b, c;
  a.set_id("sub_a");
  a.set_author("ada");
  a.set_content_sha256("same");
  b = a;
  b.set_id("sub_b");
  b.set_author("bo");
  c = a;
  c.set_id("sub_c");
  c.set_author("cy");
  c.set_content_sha256("other");
  std::ostringstream table;
  PrintSubmissionTable({a, b, c}, table);
  EXPECT_THAT(table.str(), HasSubstr("(identical text: bo)"));
  EXPECT_THAT(table.str(), HasSubstr("(identical text: ada)"));
  EXPECT_THAT(table.str(), HasSubstr("1 text is shared by 2 students"));
}

TEST(ExcerptTest, SqueezesWhiteSpaceAndCutsOnCharacterBoundaries) {
  std::string text = "One\n\ntwo   three \u201cfour\u201d";
  EXPECT_EQ(Excerpt(text, MakeSpan(0, text.size()), 100),
            "One two three \u201cfour\u201d");
  EXPECT_EQ(Excerpt(text, MakeSpan(0, text.size()), 15),
            "One two three \u201c...");
  EXPECT_EQ(Excerpt(text, MakeSpan(50, 60), 10), "");
}

TEST(PrintReportTest, ShowsFindingsWithTheirPassageAndSuggestion) {
  std::string text = "It grew (Meisner., 1986).";
  v1::FeedbackReport report;
  report.set_title("An essay");
  v1::Finding* finding = report.add_findings();
  finding->set_code("citation.nonstandard_format");
  finding->set_severity(v1::SEVERITY_WARNING);
  finding->set_message("Citation punctuation matches no style.");
  finding->set_suggestion("Write (Meisner, 1986).");
  finding->set_paragraph(0);
  *finding->mutable_span() = MakeSpan(8, 24);
  std::ostringstream out;
  PrintReport(report, text, out);
  EXPECT_THAT(out.str(), HasSubstr("citation.nonstandard_format"));
  EXPECT_THAT(out.str(), HasSubstr("\"(Meisner., 1986)\""));
  EXPECT_THAT(out.str(), HasSubstr("-> Write (Meisner, 1986)."));
}

}  // namespace
}  // namespace marginalia::client
