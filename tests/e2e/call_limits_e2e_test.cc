// A call whose client gives up stops costing the server CPU: scoring a
// large essay with a slow but valid rubric pattern, cancelled or past its
// deadline, stops within a moment, stores nothing, and leaves the
// assignment as it was, for single calls, batch streams and re-scoring.
// The server's CPU time is read from /proc/PID/stat.
// A submission beyond the admission queue is refused at once, saying when
// to retry.
#include <gmock/gmock.h>
#include <google/protobuf/text_format.h>
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "marginalia/v1/scoring.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/e2e/launched_server.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_rubrics.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using testing::LaunchedServer;
using testing::TokenContext;

// The short test rubric with one tutor's pattern whose every empty match
// looks ahead to the end of its paragraph, so one long paragraph costs time
// quadratic in its length: minutes for the essay below, unless scoring
// stops.
std::string SlowRubric() {
  return absl::StrCat(testing::kShortRubric,
                      "patterns { code: \"style.probe\" pattern: "
                      "\"(?:[a ]*z)?\" message: \"Probe.\" }\n");
}

// One paragraph of 512 KiB.
std::string LongParagraph() {
  std::string text;
  while (text.size() < (512u << 10)) text += "aaaaaaa ";
  return text;
}

// The CPU time (user + system) `pid` has used, in seconds; -1 when gone.
double CpuSeconds(pid_t pid) {
  auto stat = testing::ReadFile(absl::StrCat("/proc/", pid, "/stat"));
  if (!stat.ok()) return -1;
  // Fields after the command name, which is in parentheses: state is the
  // first, utime the 12th and stime the 13th.
  std::vector<std::string> fields =
      absl::StrSplit(stat->substr(stat->rfind(')') + 2), ' ');
  if (fields.size() < 13) return -1;
  double ticks = std::stod(fields[11]) + std::stod(fields[12]);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::chrono::system_clock::time_point In(absl::Duration duration) {
  return std::chrono::system_clock::now() + absl::ToChronoSeconds(duration);
}

class CallLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(server_.address().empty()) << server_.log();
    channel_ = grpc::CreateChannel(server_.address(),
                                   grpc::InsecureChannelCredentials());
  }

  // Waits until the server has used `seconds` more CPU than at `from`.
  void WaitForCpu(double from, double seconds) {
    absl::Time end = absl::Now() + absl::Seconds(60);
    while (CpuSeconds(server_.pid()) < from + seconds && absl::Now() < end) {
      absl::SleepFor(absl::Milliseconds(50));
    }
  }

  // The CPU the server uses in the 2 s after a 1 s grace period: nothing
  // much once every call has stopped.
  double CpuAfterwards() {
    absl::SleepFor(absl::Seconds(1));
    double before = CpuSeconds(server_.pid());
    absl::SleepFor(absl::Seconds(2));
    double used = CpuSeconds(server_.pid()) - before;
    std::printf("server CPU in the 2 s after the call ended: %.2f s\n", used);
    return used;
  }

  // Installs SlowRubric() for the fixture's course.
  void InstallSlowRubric(const testing::CourseFixture& course) {
    v1::CreateRubricVersionRequest request;
    request.set_text(SlowRubric());
    request.set_course_id(course.options().course_id);
    v1::CreateRubricVersionResponse response;
    TokenContext context(course.tutor.token);
    grpc::Status status =
        v1::RubricService::NewStub(channel_)->CreateRubricVersion(
            &context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  grpc::Status MoveToSlowRubric(const testing::CourseFixture& course,
                                absl::Duration deadline) {
    v1::UpdateAssignmentRubricRequest request;
    request.set_assignment_id(course.options().assignment_id);
    request.set_rubric_id("short-essay");
    request.set_reason("tutor's style checks");
    v1::UpdateAssignmentRubricResponse response;
    TokenContext context(course.tutor.token);
    context.set_deadline(In(deadline));
    return v1::AdminService::NewStub(channel_)->UpdateAssignmentRubric(
        &context, request, &response);
  }

  grpc::Status Submit(const testing::Person& author,
                      const testing::CourseFixture& course,
                      const std::string& text, absl::Duration deadline) {
    v1::CreateSubmissionRequest request;
    request.set_assignment_id(course.options().assignment_id);
    request.set_text(text);
    v1::CreateSubmissionResponse response;
    TokenContext context(author.token);
    context.set_deadline(In(deadline));
    return v1::SubmissionService::NewStub(channel_)->CreateSubmission(
        &context, request, &response);
  }

  int Submissions(const testing::CourseFixture& course) {
    v1::ListSubmissionsRequest request;
    request.set_assignment_id(course.options().assignment_id);
    v1::ListSubmissionsResponse response;
    TokenContext context(course.tutor.token);
    grpc::Status status =
        v1::SubmissionService::NewStub(channel_)->ListSubmissions(
            &context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.submissions_size();
  }

  // One single submission in progress at a time, so that one slow call
  // fills the admission queue.
  LaunchedServer server_{
      {"--listen", "127.0.0.1:0", "--max-pending-submissions", "1"}};
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(CallLimitsTest, ACancelledScoreStopsConsumingCpu) {
  v1::ScoreTextRequest request;
  request.set_text(LongParagraph());
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      SlowRubric(), request.mutable_rubric()));
  TokenContext context(server_.admin());
  double start = CpuSeconds(server_.pid());
  grpc::Status status;
  std::thread call([&] {
    v1::ScoreTextResponse response;
    status = v1::ScoringService::NewStub(channel_)->ScoreText(&context, request,
                                                              &response);
  });
  WaitForCpu(start, 1.0);  // well into the pattern scan
  context.TryCancel();
  call.join();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_LT(CpuAfterwards(), 0.3) << "the server went on scoring";
}

TEST_F(CallLimitsTest, ASubmissionPastItsDeadlineStopsAndStoresNothing) {
  testing::CourseFixture course(channel_, server_.admin());
  InstallSlowRubric(course);
  ASSERT_TRUE(MoveToSlowRubric(course, absl::Seconds(30)).ok());
  grpc::Status status =
      Submit(course.students[0], course, LongParagraph(), absl::Seconds(2));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(CpuAfterwards(), 0.3) << "the server went on scoring";
  EXPECT_EQ(Submissions(course), 0);
}

TEST_F(CallLimitsTest, ASubmissionBeyondThePendingLimitIsToldWhenToRetry) {
  testing::CourseFixture course(channel_, server_.admin());
  InstallSlowRubric(course);
  ASSERT_TRUE(MoveToSlowRubric(course, absl::Seconds(30)).ok());
  double start = CpuSeconds(server_.pid());
  grpc::Status slow;
  std::thread call([&] {
    slow =
        Submit(course.students[0], course, LongParagraph(), absl::Seconds(4));
  });
  WaitForCpu(start, 0.5);  // the slow one holds the only place
  grpc::Status refused =
      Submit(course.students[1], course, "A short essay.", absl::Seconds(10));
  call.join();
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(
      refused.error_message(),
      ::testing::MatchesRegex("server busy: .*; retry after [0-9]+ ms"));
  EXPECT_EQ(slow.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // Retrying as advised finds the place free once the server has stopped
  // scoring the slow call.
  grpc::Status again = refused;
  absl::Time end = absl::Now() + absl::Seconds(10);
  while (again.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED &&
         absl::Now() < end) {
    int advised_ms = 0;
    std::sscanf(again.error_message().c_str(), "%*[^;]; retry after %d ms",
                &advised_ms);
    absl::SleepFor(absl::Milliseconds(advised_ms));
    again =
        Submit(course.students[1], course, "A short essay.", absl::Seconds(10));
  }
  EXPECT_TRUE(again.ok()) << again.error_message();
}

TEST_F(CallLimitsTest, ACancelledBatchStreamStopsAndStoresNothing) {
  testing::CourseFixture course(channel_, server_.admin());
  InstallSlowRubric(course);
  ASSERT_TRUE(MoveToSlowRubric(course, absl::Seconds(30)).ok());
  auto stub = v1::SubmissionService::NewStub(channel_);
  TokenContext context(course.tutor.token);
  auto stream = stub->BatchCreateSubmissions(&context);
  for (const testing::Person& student : course.students) {
    v1::BatchCreateSubmissionsRequest item;
    item.set_client_ref(student.id);
    item.mutable_submission()->set_assignment_id(
        course.options().assignment_id);
    item.mutable_submission()->set_author(student.id);
    item.mutable_submission()->set_text(LongParagraph());
    ASSERT_TRUE(stream->Write(item));
  }
  double start = CpuSeconds(server_.pid());
  WaitForCpu(start, 1.0);  // both essays are being scored
  context.TryCancel();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_LT(CpuAfterwards(), 0.3) << "the server went on scoring";
  EXPECT_EQ(Submissions(course), 0);
}

TEST_F(CallLimitsTest, ReScoringPastItsDeadlineStopsAndChangesNothing) {
  testing::CourseFixture course(channel_, server_.admin());
  // Quick to score with the assignment's built-in rubric.
  course.Submit(course.students[0], LongParagraph());
  InstallSlowRubric(course);
  grpc::Status status = MoveToSlowRubric(course, absl::Seconds(2));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(CpuAfterwards(), 0.3) << "the server went on re-scoring";

  v1::GetAssignmentRequest request;
  request.set_id(course.options().assignment_id);
  v1::GetAssignmentResponse response;
  TokenContext context(course.tutor.token);
  ASSERT_TRUE(v1::AdminService::NewStub(channel_)
                  ->GetAssignment(&context, request, &response)
                  .ok());
  EXPECT_EQ(response.assignment().rubric_id(), "history-essay");
}

}  // namespace
}  // namespace marginalia
