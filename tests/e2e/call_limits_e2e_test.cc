// A call whose client gives up stops costing the server CPU: scoring a
// large essay with a slow but valid rubric pattern, cancelled or past its
// deadline, stops within a moment, stores nothing, and leaves the
// assignment as it was. The server's CPU time is read from /proc/PID/stat.
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

#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "marginalia/v1/scoring.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/e2e/launched_server.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using testing::LaunchedServer;
using testing::TokenContext;

// Every empty match of this pattern looks ahead to the end of its paragraph,
// so one long paragraph costs time quadratic in its length: minutes for the
// essay below, unless scoring stops.
constexpr char kSlowRubric[] =
    R"pb(id: "slow-patterns"
         name: "Slow patterns"
         criteria {
           id: "writing"
           name: "Writing"
           max_score: 10
           levels { level: 0 description: "Many slips." }
           levels { level: 1 description: "Clean." }
           rules { finding { code: "mechanics.*" per_finding: 0.5 } }
         }
         patterns {
           code: "style.probe"
           pattern: "(?:[a ]*z)?"
           message: "Probe."
         }
    )pb";

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

  // Installs kSlowRubric for the fixture's course.
  void InstallSlowRubric(const testing::CourseFixture& course) {
    v1::CreateRubricVersionRequest request;
    request.set_text(kSlowRubric);
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
    request.set_rubric_id("slow-patterns");
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

  LaunchedServer server_{{"--listen", "127.0.0.1:0"}};
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(CallLimitsTest, ACancelledScoreStopsConsumingCpu) {
  v1::ScoreTextRequest request;
  request.set_text(LongParagraph());
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      kSlowRubric, request.mutable_rubric()));
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
