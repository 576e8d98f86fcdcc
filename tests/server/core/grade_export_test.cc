// The export CSV has the documented layout (grade_export.h): the header
// each gradebook import expects, one row per student, the final grade, and
// RFC 4180 quoting.
#include "server/core/grade_export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

ExportInput Cohort() {
  ExportInput input;
  input.assignment.set_id("hist101");
  input.assignment.set_course_id("hist");
  input.assignment.set_title("Essay 1: \"Soviet\" model, China");
  input.criteria = {"structure", "evidence"};
  input.max_score = 50;
  ExportRow ada;
  ada.student.set_id("ada");
  ada.student.set_display_name("Lovelace, Ada");
  ada.student.set_email("ada@example.edu");
  ada.submission.emplace();
  ada.submission->set_id("sub_1");
  ada.submission->set_draft(2);
  ada.grade.set_total(41.256);
  ada.grade.set_max_score(50);
  ada.grade.set_released(true);
  ada.latest_draft = 3;
  v1::CriterionGrade* structure = ada.grade.add_criteria();
  structure->set_criterion_id("structure");
  structure->set_effective_score(20);
  v1::CriterionGrade* evidence = ada.grade.add_criteria();
  evidence->set_criterion_id("evidence");
  evidence->set_effective_score(21.256);
  ExportRow bo;
  bo.student.set_id("bo");
  bo.student.set_display_name("Bo");
  input.rows = {ada, bo};
  return input;
}

TEST(GradeExportTest, MoodleLayout) {
  auto file = FormatGradeExport(Cohort(), v1::EXPORT_FORMAT_MOODLE_CSV);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->content(),
            "Username,Email address,Full name,\"Essay 1: \"\"Soviet\"\" model, "
            "China\"\r\n"
            "ada,ada@example.edu,\"Lovelace, Ada\",41.26\r\n"
            "bo,,Bo,\r\n");
  EXPECT_EQ(file->rows(), 2);
  EXPECT_EQ(file->file_name(), "hist101-moodle.csv");
}

TEST(GradeExportTest, CanvasLayoutWithPointsPossible) {
  auto file = FormatGradeExport(Cohort(), v1::EXPORT_FORMAT_CANVAS_CSV);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->content(),
            "Student,ID,SIS User ID,SIS Login ID,Section,\"Essay 1: "
            "\"\"Soviet\"\" model, China\"\r\n"
            "Points Possible,,,,,50.00\r\n"
            "\"Lovelace, Ada\",,ada,ada,hist,41.26\r\n"
            "Bo,,bo,bo,hist,\r\n");
}

TEST(GradeExportTest, PlainLayoutHasEveryCriterion) {
  auto file = FormatGradeExport(Cohort(), v1::EXPORT_FORMAT_CSV);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->content(),
            "student,submission_id,draft,structure,evidence,total,max_score,"
            "released,latest_draft\r\n"
            "ada,sub_1,2,20.00,21.26,41.26,50.00,yes,3\r\n"
            "bo,,,,,,,,\r\n");
}

TEST(GradeExportTest, UnspecifiedFormatIsInvalid) {
  auto file = FormatGradeExport(Cohort(), v1::EXPORT_FORMAT_UNSPECIFIED);
  EXPECT_EQ(file.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(GradeExportTest, CsvFieldQuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
}

}  // namespace
}  // namespace marginalia::server
