// Grades belong to drafts: the export carries the draft a tutor graded and
// released, not whatever the student handed in since, says which draft
// each row is and which students have a newer one, and exports only
// released grades unless asked otherwise.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TokenContext;

class GradebookTest : public ::testing::Test {
 protected:
  GradebookTest()
      : course_(server_.channel(), server_.admin_token()),
        grade_(v1::GradeService::NewStub(server_.channel())) {}

  void SetFinal(const std::string& id, double score) {
    v1::SetFinalGradeRequest request;
    request.set_submission_id(id);
    request.set_score(score);
    request.set_reason("moderated");
    v1::SetFinalGradeResponse response;
    TokenContext context(course_.tutor.token);
    ASSERT_TRUE(grade_->SetFinalGrade(&context, request, &response).ok());
  }

  void Release(const std::string& id) {
    v1::ReleaseFeedbackRequest request;
    request.set_submission_id(id);
    v1::ReleaseFeedbackResponse response;
    TokenContext context(course_.tutor.token);
    ASSERT_TRUE(grade_->ReleaseFeedback(&context, request, &response).ok());
  }

  v1::ExportGradesResponse Export(bool include_unreleased) {
    v1::ExportGradesRequest request;
    request.set_assignment_id("hist101");
    request.set_format(v1::EXPORT_FORMAT_CSV);
    request.set_include_unreleased(include_unreleased);
    v1::ExportGradesResponse response;
    TokenContext context(course_.tutor.token);
    EXPECT_TRUE(grade_->ExportGrades(&context, request, &response).ok());
    return response;
  }

  // The CSV row of `student`, without its line end.
  static std::string Row(const v1::ExportGradesResponse& file,
                         const std::string& student) {
    for (absl::string_view line : absl::StrSplit(file.content(), "\r\n")) {
      if (absl::StartsWith(line, student + ",")) return std::string(line);
    }
    return "";
  }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::GradeService::Stub> grade_;
};

TEST_F(GradebookTest, HeaderNamesTheDraftColumns) {
  v1::ExportGradesResponse file = Export(false);
  EXPECT_THAT(file.content(), HasSubstr(",total,max_score,released,"
                                        "latest_draft\r\n"));
}

TEST_F(GradebookTest, ANewDraftDoesNotReplaceTheReleasedGrade) {
  const testing::Person& ada = course_.students[0];
  std::string first = course_.Submit(ada, testing::SampleEssay());
  SetFinal(first, 30);
  Release(first);
  std::string second =
      course_.Submit(ada, testing::SampleEssay() + "\nA second draft.");

  // Released grades only: the graded first draft, and a note that a newer
  // one exists.
  v1::ExportGradesResponse file = Export(false);
  EXPECT_THAT(Row(file, ada.id), HasSubstr("," + first + ",1,"));
  EXPECT_THAT(Row(file, ada.id), HasSubstr(",30.00,"));
  EXPECT_THAT(Row(file, ada.id), ::testing::EndsWith(",yes,2"));
  ASSERT_EQ(file.newer_drafts_size(), 1);
  EXPECT_EQ(file.newer_drafts(0).student(), ada.id);
  EXPECT_EQ(file.newer_drafts(0).exported_draft(), 1);
  EXPECT_EQ(file.newer_drafts(0).latest_draft(), 2);
  EXPECT_EQ(file.newer_drafts(0).latest_submission_id(), second);

  // Unreleased grades too: still the first, since nobody graded the second.
  EXPECT_THAT(Row(Export(true), ada.id), HasSubstr("," + first + ",1,"));

  // Graded but not released: the default export keeps the released one.
  SetFinal(second, 40);
  EXPECT_THAT(Row(Export(false), ada.id), HasSubstr("," + first + ",1,"));
  v1::ExportGradesResponse all = Export(true);
  EXPECT_THAT(Row(all, ada.id), HasSubstr("," + second + ",2,"));
  EXPECT_THAT(Row(all, ada.id), HasSubstr(",40.00,"));
  EXPECT_THAT(Row(all, ada.id), ::testing::EndsWith(",no,2"));
  EXPECT_EQ(all.newer_drafts_size(), 0);

  Release(second);
  EXPECT_THAT(Row(Export(false), ada.id), HasSubstr("," + second + ",2,"));
  EXPECT_EQ(Export(false).newer_drafts_size(), 0);
}

TEST_F(GradebookTest, UnreleasedGradesAreLeftOutUnlessAsked) {
  const testing::Person& bo = course_.students[1];
  std::string only = course_.Submit(bo, testing::SampleEssay());
  // Nothing released: an empty grade by default.
  std::string row = Row(Export(false), bo.id);
  EXPECT_THAT(row, ::testing::StartsWith(bo.id + ","));
  EXPECT_THAT(row, Not(HasSubstr(only)));
  // Asked for: the engine's grade of the draft, marked unreleased.
  std::string all = Row(Export(true), bo.id);
  EXPECT_THAT(all, HasSubstr("," + only + ",1,"));
  EXPECT_THAT(all, ::testing::EndsWith(",no,1"));
}

}  // namespace
}  // namespace marginalia
