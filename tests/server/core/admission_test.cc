#include "server/core/admission.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "tests/testing/fake_clock.h"

namespace marginalia::server {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// One worker, room for 100 tickets, at most 50 ms of expected wait.
AdmissionOptions OneWorker() {
  AdmissionOptions options;
  options.max_pending = 100;
  options.workers = 1;
  options.max_wait = absl::Milliseconds(50);
  return options;
}

// The message of `result`'s status.
template <typename T>
std::string ErrorText(const absl::StatusOr<T>& result) {
  return std::string(result.status().message());
}

// Teaches `admission` that one submission alone takes `cost`.
void Learn(Admission& admission, testing::FakeClock& clock,
           absl::Duration cost) {
  for (int i = 0; i < 200; ++i) {
    absl::StatusOr<Admission::Ticket> ticket = admission.Admit();
    ASSERT_TRUE(ticket.ok()) << ticket.status();
    clock.Advance(cost);
  }
}

TEST(AdmissionTest, ARefusalAtTheHardLimitSaysWhenToRetry) {
  testing::FakeClock clock;
  AdmissionOptions options;
  options.max_pending = 1;
  Admission admission(&clock, options);
  absl::StatusOr<Admission::Ticket> held = admission.Admit();
  ASSERT_TRUE(held.ok());
  absl::StatusOr<Admission::Ticket> refused = admission.Admit();
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(ErrorText(refused), StartsWith(kServerBusy));
  EXPECT_THAT(ErrorText(refused), HasSubstr(kRetryAfter));
}

TEST(AdmissionTest, RefusesWhenTheExpectedWaitExceedsTheLimit) {
  testing::FakeClock clock;
  Admission admission(&clock, OneWorker());
  Learn(admission, clock, absl::Milliseconds(20));
  std::vector<Admission::Ticket> held;
  // Expected waits 0, 20 and 40 ms: admitted; the fourth would wait 60.
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<Admission::Ticket> ticket = admission.Admit();
    ASSERT_TRUE(ticket.ok()) << i << ": " << ticket.status();
    held.push_back(*std::move(ticket));
  }
  absl::StatusOr<Admission::Ticket> refused = admission.Admit();
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(ErrorText(refused), StartsWith(kServerBusy));
  // The advice: about when the three ahead will have finished.
  EXPECT_THAT(ErrorText(refused),
              HasSubstr(absl::StrCat(kRetryAfter, "60 ms")));
}

TEST(AdmissionTest, WorkersShareTheWait) {
  testing::FakeClock clock;
  AdmissionOptions options = OneWorker();
  options.workers = 2;
  Admission admission(&clock, options);
  Learn(admission, clock, absl::Milliseconds(20));
  std::vector<Admission::Ticket> held;
  // Two workers: waits 0, 10, ..., 50 ms for the first six.
  for (int i = 0; i < 6; ++i) {
    absl::StatusOr<Admission::Ticket> ticket = admission.Admit();
    ASSERT_TRUE(ticket.ok()) << i << ": " << ticket.status();
    held.push_back(*std::move(ticket));
  }
  EXPECT_FALSE(admission.Admit().ok());
}

TEST(AdmissionTest, CostIsLearntPerSubmissionNotPerQueue) {
  testing::FakeClock clock;
  AdmissionOptions options = OneWorker();
  options.max_wait = absl::Seconds(1);
  Admission admission(&clock, options);
  // Four at a time on one worker, answered together after 80 ms: each
  // cost 20 ms of the worker.
  for (int round = 0; round < 50; ++round) {
    std::vector<Admission::Ticket> held;
    for (int i = 0; i < 4; ++i) held.push_back(*admission.Admit());
    clock.Advance(absl::Milliseconds(80));
  }
  std::optional<Admission::Ticket> one(*admission.Admit());
  EXPECT_NEAR(absl::ToDoubleMilliseconds(admission.ExpectedWait()), 20, 3);
}

TEST(AdmissionTest, RefusesWhenTheExpectedWaitIsPastTheDeadline) {
  testing::FakeClock clock;
  Admission admission(&clock, OneWorker());
  Learn(admission, clock, absl::Milliseconds(20));
  absl::StatusOr<Admission::Ticket> held = admission.Admit();
  ASSERT_TRUE(held.ok());
  absl::StatusOr<Admission::Ticket> hurried =
      admission.Admit(clock.Now() + absl::Milliseconds(10));
  EXPECT_EQ(hurried.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(ErrorText(hurried), HasSubstr("deadline"));
  EXPECT_TRUE(admission.Admit(clock.Now() + absl::Seconds(1)).ok());
}

TEST(AdmissionTest, AnIdleServerAdmitsAfterASlowOutlier) {
  testing::FakeClock clock;
  Admission admission(&clock, OneWorker());
  Learn(admission, clock, absl::Seconds(10));
  EXPECT_TRUE(admission.Admit(clock.Now() + absl::Milliseconds(1)).ok());
}

}  // namespace
}  // namespace marginalia::server
