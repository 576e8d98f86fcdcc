// SubmissionService against an in-process server and a real SQLite file.
#include <gmock/gmock.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include <map>
#include <thread>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

class SubmissionServiceTest : public ::testing::Test {
 protected:
  explicit SubmissionServiceTest(server::ServerOptions options = {})
      : server_(options), course_(server_.channel(), server_.admin_token()) {}

  const testing::Person& ada() const { return course_.students[0]; }

  v1::SubmissionService::Stub& stub() {
    if (!stub_) stub_ = v1::SubmissionService::NewStub(server_.channel());
    return *stub_;
  }

  grpc::Status Submit(const std::string& text,
                      v1::CreateSubmissionResponse* out,
                      const std::string& request_id = "",
                      const std::string& assignment = "hist101") {
    v1::CreateSubmissionRequest request;
    request.set_assignment_id(assignment);
    request.set_text(text);
    request.set_request_id(request_id);
    testing::TokenContext context(ada().token);
    return stub().CreateSubmission(&context, request, out);
  }

  int CountSubmissions() {
    v1::ListSubmissionsRequest request;
    request.set_page_size(1000);
    v1::ListSubmissionsResponse response;
    testing::TokenContext context(server_.admin_token());
    EXPECT_TRUE(stub().ListSubmissions(&context, request, &response).ok());
    return response.submissions_size();
  }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::SubmissionService::Stub> stub_;
};

TEST_F(SubmissionServiceTest, StoresTheSampleAndServesItsFeedback) {
  v1::CreateSubmissionResponse created;
  ASSERT_TRUE(Submit(testing::SampleEssay(), &created).ok());
  EXPECT_TRUE(created.created());
  const v1::Submission& s = created.submission();
  EXPECT_THAT(s.id(), ::testing::StartsWith("sub_"));
  EXPECT_EQ(s.draft(), 1);
  EXPECT_EQ(s.title(),
            "China Under the Soviet Model: A Clash of Socio-Economic "
            "Conditions and Underlying Ideology");
  EXPECT_EQ(s.content_sha256().size(), 64u);

  v1::GetFeedbackRequest request;
  request.set_submission_id(s.id());
  v1::GetFeedbackResponse feedback;
  testing::TokenContext context(course_.tutor.token);
  ASSERT_TRUE(stub().GetFeedback(&context, request, &feedback).ok());
  EXPECT_FALSE(feedback.report_withheld());
  EXPECT_EQ(feedback.report().rubric_id(), "history-essay");
  EXPECT_EQ(feedback.report().stats().paragraphs(), 19);
  EXPECT_EQ(feedback.report().stats().headings(), 3);
  EXPECT_EQ(feedback.report().paragraphs_size(), 23);
}

// Late submissions are stored and scored, and say by how much they are late
// wherever a submission is read; on-time ones say nothing.
TEST(SubmissionLatenessTest, LateSubmissionsCarryHowLateTheyAre) {
  for (bool late : {true, false}) {
    testing::TestServer server;
    testing::CourseOptions options;
    // 2001-09-09 (past) or 2286-11-20 (future).
    options.due_unix_seconds = late ? 1000000000 : 10000000000;
    testing::CourseFixture course(server.channel(), server.admin_token(),
                                  options);
    auto stub = v1::SubmissionService::NewStub(server.channel());
    v1::CreateSubmissionRequest request;
    request.set_assignment_id("hist101");
    request.set_text(testing::SampleEssay());
    v1::CreateSubmissionResponse created;
    testing::TokenContext as_student(course.students[0].token);
    ASSERT_TRUE(stub->CreateSubmission(&as_student, request, &created).ok());
    EXPECT_TRUE(created.created());
    // The assignment holds engine feedback until release: the student is
    // told the score is withheld.
    EXPECT_TRUE(created.submission().score_withheld());

    v1::GetSubmissionRequest get;
    get.set_id(created.submission().id());
    v1::GetSubmissionResponse got;
    testing::TokenContext as_tutor(course.tutor.token);
    ASSERT_TRUE(stub->GetSubmission(&as_tutor, get, &got).ok());
    v1::ListSubmissionsRequest list;
    list.set_assignment_id("hist101");
    v1::ListSubmissionsResponse listed;
    testing::TokenContext as_tutor_again(course.tutor.token);
    ASSERT_TRUE(stub->ListSubmissions(&as_tutor_again, list, &listed).ok());
    ASSERT_EQ(listed.submissions_size(), 1);
    for (const v1::Submission* s :
         {&created.submission(), &got.submission(), &listed.submissions(0)}) {
      EXPECT_EQ(s->has_late_by(), late) << s->id();
      if (late) {
        // Handed in now, so late by the time since the due time.
        int64_t expected = absl::ToUnixSeconds(absl::Now()) - 1000000000;
        EXPECT_NEAR(s->late_by().seconds(), expected, 600);
      }
    }
  }
}

TEST_F(SubmissionServiceTest, StoresTextNormalised) {
  v1::CreateSubmissionResponse created;
  ASSERT_TRUE(Submit("Title\r\n\r\nCafe\xCC\x81 text.\r\n", &created).ok());
  v1::GetSubmissionRequest request;
  request.set_id(created.submission().id());
  request.set_view(v1::SUBMISSION_VIEW_FULL);
  v1::GetSubmissionResponse response;
  testing::TokenContext context(ada().token);
  ASSERT_TRUE(stub().GetSubmission(&context, request, &response).ok());
  EXPECT_EQ(response.submission().text(), "Title\n\nCaf\xC3\xA9 text.\n");
}

TEST_F(SubmissionServiceTest, SameRequestIdStoresOneSubmission) {
  v1::CreateSubmissionResponse first, second;
  ASSERT_TRUE(Submit("An essay.", &first, "retry-key-1").ok());
  ASSERT_TRUE(Submit("An essay.", &second, "retry-key-1").ok());
  EXPECT_TRUE(first.created());
  EXPECT_FALSE(second.created());
  EXPECT_EQ(first.submission().id(), second.submission().id());
  EXPECT_EQ(CountSubmissions(), 1);
}

TEST_F(SubmissionServiceTest, RequestIdReusedForDifferentTextIsRefused) {
  v1::CreateSubmissionResponse first, second;
  ASSERT_TRUE(Submit("An essay.", &first, "key").ok());
  grpc::Status status = Submit("Another essay.", &second, "key");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(status.error_message(), HasSubstr("request_id 'key'"));
  EXPECT_EQ(CountSubmissions(), 1);
}

TEST_F(SubmissionServiceTest, EmptyTextIsInvalid) {
  v1::CreateSubmissionResponse out;
  grpc::Status status = Submit("", &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("text is empty"));
  status = Submit("  \n\t ", &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("only white space"));
  EXPECT_EQ(CountSubmissions(), 0);
}

TEST_F(SubmissionServiceTest, InvalidUtf8IsInvalid) {
  v1::CreateSubmissionResponse out;
  grpc::Status status = Submit(std::string("Essay \xFF\xFE text"), &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("not valid UTF-8"));
  EXPECT_THAT(status.error_message(), HasSubstr("byte offset 6"));
}

TEST_F(SubmissionServiceTest, MissingAssignmentIsInvalid) {
  v1::CreateSubmissionResponse out;
  grpc::Status status = Submit("Essay.", &out, "", "");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("assignment_id"));
}

TEST_F(SubmissionServiceTest, OverlongRequestIdIsInvalid) {
  v1::CreateSubmissionResponse out;
  grpc::Status status = Submit("Essay.", &out, std::string(200, 'k'));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("request_id"));
}

TEST_F(SubmissionServiceTest, UnknownAssignmentIsNotFound) {
  v1::CreateSubmissionResponse out;
  grpc::Status status = Submit("Essay.", &out, "", "no-such-assignment");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("no-such-assignment"));
  EXPECT_EQ(CountSubmissions(), 0);
}

TEST_F(SubmissionServiceTest, ScoresWithTheAssignmentsPinnedRubric) {
  v1::CreateSubmissionResponse created;
  ASSERT_TRUE(Submit("An essay.", &created).ok());
  EXPECT_EQ(created.submission().rubric_id(), "history-essay");
  EXPECT_EQ(created.submission().rubric_version(), 1);
  EXPECT_EQ(created.submission().author(), ada().id);
}

TEST_F(SubmissionServiceTest, StaffSubmitOnAStudentsBehalfStudentsDoNot) {
  v1::CreateSubmissionRequest request;
  request.set_assignment_id("hist101");
  request.set_text("Essay.");
  request.set_author(course_.students[1].id);
  v1::CreateSubmissionResponse out;
  testing::TokenContext as_tutor(course_.tutor.token);
  ASSERT_TRUE(stub().CreateSubmission(&as_tutor, request, &out).ok());
  EXPECT_EQ(out.submission().author(), course_.students[1].id);

  testing::TokenContext as_ada(ada().token);
  grpc::Status status = stub().CreateSubmission(&as_ada, request, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  request.set_author("nobody");
  testing::TokenContext again(course_.tutor.token);
  status = stub().CreateSubmission(&again, request, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("not a student"));
}

TEST_F(SubmissionServiceTest, UnknownIdsAreNotFound) {
  v1::GetSubmissionRequest get;
  get.set_id("sub_doesnotexist");
  v1::GetSubmissionResponse submission;
  testing::TokenContext c1(ada().token);
  grpc::Status status = stub().GetSubmission(&c1, get, &submission);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("sub_doesnotexist"));

  v1::GetFeedbackRequest feedback_request;
  feedback_request.set_submission_id("sub_doesnotexist");
  v1::GetFeedbackResponse feedback;
  testing::TokenContext c2(ada().token);
  status = stub().GetFeedback(&c2, feedback_request, &feedback);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("sub_doesnotexist"));
}

TEST_F(SubmissionServiceTest, BatchStoresGoodItemsAndReportsBadOnes) {
  testing::TokenContext context(ada().token);
  auto stream = stub().BatchCreateSubmissions(&context);
  const std::vector<std::pair<std::string, std::string>> items = {
      {"a.txt", "First essay."}, {"b.txt", ""}, {"c.txt", "Third essay."}};
  for (const auto& [ref, text] : items) {
    v1::BatchCreateSubmissionsRequest request;
    request.set_client_ref(ref);
    request.mutable_submission()->set_assignment_id("hist101");
    request.mutable_submission()->set_text(text);
    ASSERT_TRUE(stream->Write(request));
  }
  stream->WritesDone();
  std::map<std::string, v1::BatchCreateSubmissionsResponse> responses;
  v1::BatchCreateSubmissionsResponse response;
  while (stream->Read(&response)) responses[response.client_ref()] = response;
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_TRUE(responses["a.txt"].has_submission());
  EXPECT_TRUE(responses["c.txt"].has_submission());
  ASSERT_TRUE(responses["b.txt"].has_error());
  EXPECT_EQ(responses["b.txt"].error().code(),
            static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(responses["b.txt"].error().message(), HasSubstr("empty"));
  EXPECT_EQ(CountSubmissions(), 2);
}

// Sends (client_ref, text, request_id) items over one batch stream, as
// `staff` on behalf of `author`, and returns the answers by client_ref.
std::map<std::string, v1::BatchCreateSubmissionsResponse> SendBatch(
    v1::SubmissionService::Stub& stub, const testing::Person& staff,
    const std::string& author,
    const std::vector<std::tuple<std::string, std::string, std::string>>& items,
    bool include_report = false) {
  testing::TokenContext context(staff.token);
  auto stream = stub.BatchCreateSubmissions(&context);
  // Write everything before reading: the server must keep taking items
  // (answers are buffered by gRPC) without deadlocking.
  std::thread writer([&] {
    for (const auto& [ref, text, request_id] : items) {
      v1::BatchCreateSubmissionsRequest request;
      request.set_client_ref(ref);
      request.mutable_submission()->set_assignment_id("hist101");
      request.mutable_submission()->set_author(author);
      request.mutable_submission()->set_text(text);
      request.mutable_submission()->set_request_id(request_id);
      request.set_include_report(include_report);
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });
  std::map<std::string, v1::BatchCreateSubmissionsResponse> answers;
  v1::BatchCreateSubmissionsResponse response;
  while (stream->Read(&response)) answers[response.client_ref()] = response;
  writer.join();
  EXPECT_TRUE(stream->Finish().ok());
  return answers;
}

TEST_F(SubmissionServiceTest, BatchStoresEachRequestIdOnceAcrossRepeats) {
  // 300 items: 100 essays, each sent three times under its request id, so
  // repeats land in the same group commit and in later ones.
  std::vector<std::tuple<std::string, std::string, std::string>> items;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 100; ++i) {
      items.emplace_back(absl::StrCat("r", round, "-e", i),
                         absl::StrCat("Essay number ", i, "."),
                         absl::StrCat("key-", i));
    }
  }
  auto answers = SendBatch(stub(), course_.tutor, ada().id, items);
  ASSERT_EQ(answers.size(), 300u);
  int created = 0;
  std::map<std::string, std::string> id_of_key;
  for (const auto& [ref, text, key] : items) {
    const auto& answer = answers[ref];
    ASSERT_TRUE(answer.has_submission()) << ref << answer.error().message();
    created += answer.created() ? 1 : 0;
    auto [it, first] = id_of_key.emplace(key, answer.submission().id());
    EXPECT_EQ(it->second, answer.submission().id()) << ref;
  }
  EXPECT_EQ(created, 100);
  EXPECT_EQ(CountSubmissions(), 100);
}

TEST_F(SubmissionServiceTest, BatchAuthorisesEachItemLikeASingleSubmission) {
  // The tutor may submit for enrolled students only; the stream goes on
  // past a refused item.
  auto by_tutor =
      SendBatch(stub(), course_.tutor, "nobody", {{"n", "Essay N.", "key-n"}});
  ASSERT_TRUE(by_tutor["n"].has_error());
  EXPECT_EQ(by_tutor["n"].error().code(),
            static_cast<int>(grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(by_tutor["n"].error().message(), HasSubstr("'nobody'"));
  // A student may not submit as a classmate, but may as themselves.
  auto as_other = SendBatch(stub(), ada(), course_.students[1].id,
                            {{"o", "Essay O.", "key-o"}});
  ASSERT_TRUE(as_other["o"].has_error());
  EXPECT_EQ(as_other["o"].error().code(),
            static_cast<int>(grpc::StatusCode::PERMISSION_DENIED));
  auto as_self =
      SendBatch(stub(), ada(), ada().id, {{"s", "Essay S.", "key-s"}});
  ASSERT_TRUE(as_self["s"].has_submission()) << as_self["s"].error().message();
  EXPECT_EQ(as_self["s"].submission().author(), ada().id);
  EXPECT_EQ(CountSubmissions(), 1);
}

TEST_F(SubmissionServiceTest, BatchAnswersStaffWithTheReportFeedbackServes) {
  const std::string essay = testing::SampleEssay();
  auto first = SendBatch(stub(), course_.tutor, ada().id,
                         {{"a", essay, "key-a"}}, /*include_report=*/true);
  ASSERT_TRUE(first["a"].created()) << first["a"].error().message();
  ASSERT_TRUE(first["a"].has_report());
  v1::GetFeedbackRequest request;
  request.set_submission_id(first["a"].submission().id());
  v1::GetFeedbackResponse feedback;
  testing::TokenContext context(course_.tutor.token);
  ASSERT_TRUE(stub().GetFeedback(&context, request, &feedback).ok());
  // The very report that was stored, not a second scoring of the text.
  EXPECT_EQ(first["a"].report().SerializeAsString(),
            feedback.report().SerializeAsString());
  EXPECT_EQ(first["a"].report().stats().paragraphs(), 19);

  // Not for an essay stored earlier, nor when it was not asked for.
  auto again = SendBatch(stub(), course_.tutor, ada().id,
                         {{"a", essay, "key-a"}}, /*include_report=*/true);
  EXPECT_FALSE(again["a"].created());
  EXPECT_FALSE(again["a"].has_report());
  auto unasked = SendBatch(stub(), course_.tutor, ada().id,
                           {{"b", essay + "\nMore.", "key-b"}});
  EXPECT_TRUE(unasked["b"].created());
  EXPECT_FALSE(unasked["b"].has_report());
}

TEST_F(SubmissionServiceTest, BatchWithholdsTheReportFromAStudent) {
  // Before release a student reads the report only through GetFeedback,
  // which applies the assignment's release rules.
  auto own = SendBatch(stub(), ada(), ada().id, {{"s", "Essay S.", "key-s"}},
                       /*include_report=*/true);
  ASSERT_TRUE(own["s"].created()) << own["s"].error().message();
  EXPECT_FALSE(own["s"].has_report());
}

TEST_F(SubmissionServiceTest, BatchIsolatesARequestIdReusedForAnotherText) {
  // A key is the caller's for one author: the tutor's earlier "taken".
  auto first = SendBatch(stub(), course_.tutor, ada().id,
                         {{"first", "The original essay.", "taken"}});
  ASSERT_TRUE(first["first"].created());
  // "x1" and "x2" share a new key but differ in text: whether or not they
  // meet in one group commit, one is stored and the other refused, and the
  // items around them are unaffected.
  auto answers = SendBatch(stub(), course_.tutor, ada().id,
                           {{"a", "Essay A.", "key-a"},
                            {"clash", "A different essay.", "taken"},
                            {"x1", "Text one.", "dup"},
                            {"x2", "Text two.", "dup"},
                            {"b", "Essay B.", "key-b"}});
  ASSERT_EQ(answers.size(), 5u);
  EXPECT_TRUE(answers["a"].has_submission());
  EXPECT_TRUE(answers["b"].has_submission());
  ASSERT_TRUE(answers["clash"].has_error());
  EXPECT_EQ(answers["clash"].error().code(),
            static_cast<int>(grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_NE(answers["x1"].has_submission(), answers["x2"].has_submission());
  EXPECT_EQ(CountSubmissions(), 4);
}

TEST_F(SubmissionServiceTest, AcknowledgedSubmissionsSurviveARestart) {
  v1::CreateSubmissionResponse created;
  ASSERT_TRUE(Submit(testing::SampleEssay(), &created).ok());
  server_.Restart();
  stub_.reset();
  v1::GetFeedbackRequest request;
  request.set_submission_id(created.submission().id());
  v1::GetFeedbackResponse feedback;
  testing::TokenContext context(ada().token);
  ASSERT_TRUE(stub().GetFeedback(&context, request, &feedback).ok());
  EXPECT_EQ(feedback.submission().content_sha256(),
            created.submission().content_sha256());
}

// A server whose essay limit is small enough to hit in a test.
class SmallLimitTest : public SubmissionServiceTest {
 protected:
  SmallLimitTest()
      : SubmissionServiceTest([] {
          server::ServerOptions options;
          options.max_essay_bytes = 1000;
          return options;
        }()) {}
};

TEST_F(SmallLimitTest, TextOverTheLimitNamesTheLimit) {
  v1::CreateSubmissionResponse out;
  grpc::Status status = Submit(std::string(1001, 'a'), &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("1001 bytes"));
  EXPECT_THAT(status.error_message(), HasSubstr("limit of 1000 bytes"));
  EXPECT_TRUE(Submit(std::string(1000, 'a'), &out).ok());
}

}  // namespace
}  // namespace marginalia
