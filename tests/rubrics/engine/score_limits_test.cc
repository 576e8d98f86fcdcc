// Scoring within limits: a passed deadline, an exhausted budget or a
// cancelled call stops scoring with a clear status and no report; without
// limits the report is the same as ever.
#include <gtest/gtest.h>

#include <ctime>
#include <memory>
#include <string>

#include "rubrics/document/normalize.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_registry.h"
#include "tests/rubrics/engine/engine_test_util.h"
#include "tests/testing/test_data.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

class ScoreLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = RubricRegistry::BuiltIn();
    ASSERT_TRUE(registry.ok()) << registry.status();
    auto rubric = registry->Find(kDefaultRubricId);
    ASSERT_TRUE(rubric.ok()) << rubric.status();
    rubric_ = *rubric;
    auto text = NormalizeEssayText(marginalia::testing::SampleEssay());
    ASSERT_TRUE(text.ok()) << text.status();
    essay_ = *text;
  }

  Engine engine_;
  std::shared_ptr<const CompiledRubric> rubric_;
  std::string essay_;
};

TEST_F(ScoreLimitsTest, WithoutLimitsTheReportIsUnchanged) {
  auto plain = engine_.Score(essay_, *rubric_);
  auto limited = engine_.Score(essay_, *rubric_, ScoreLimits());
  ASSERT_TRUE(plain.ok() && limited.ok());
  EXPECT_EQ(plain->SerializeAsString(), limited->SerializeAsString());
}

TEST_F(ScoreLimitsTest, GenerousLimitsGiveTheSameReport) {
  ScoreLimits limits;
  limits.deadline = absl::Now() + absl::Hours(1);
  limits.budget = absl::Hours(1);
  limits.cancelled = [] { return false; };
  auto plain = engine_.Score(essay_, *rubric_);
  auto limited = engine_.Score(essay_, *rubric_, limits);
  ASSERT_TRUE(plain.ok() && limited.ok()) << limited.status();
  EXPECT_EQ(plain->SerializeAsString(), limited->SerializeAsString());
}

TEST_F(ScoreLimitsTest, PassedDeadlineGivesDeadlineExceeded) {
  ScoreLimits limits;
  limits.deadline = absl::Now() - absl::Seconds(1);
  auto report = engine_.Score(essay_, *rubric_, limits);
  ASSERT_EQ(report.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_NE(report.status().message().find("deadline"), std::string::npos)
      << report.status();
}

TEST_F(ScoreLimitsTest, ExhaustedBudgetGivesResourceExhausted) {
  // A clock that moves a second each time it is read: the budget of five
  // seconds runs out a few passes in, whatever the machine's speed.
  absl::Time fake = absl::UnixEpoch();
  ScoreLimits limits;
  limits.budget = absl::Seconds(5);
  limits.now = [&fake] { return fake += absl::Seconds(1); };
  auto report = engine_.Score(essay_, *rubric_, limits);
  ASSERT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(report.status().message().find("time budget of 5s"),
            std::string::npos)
      << report.status();
}

TEST_F(ScoreLimitsTest, CancelledCallGivesCancelled) {
  int asked = 0;
  ScoreLimits limits;
  limits.cancelled = [&asked] { return ++asked > 3; };
  auto report = engine_.Score(essay_, *rubric_, limits);
  ASSERT_EQ(report.status().code(), absl::StatusCode::kCancelled);
  EXPECT_NE(report.status().message().find("cancelled"), std::string::npos);
}

double ThreadCpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + now.tv_nsec * 1e-9;
}

// A pattern whose every empty match looks ahead to the end of the
// paragraph costs time quadratic in the paragraph's length (RE2 is linear
// per search, and each search is one step further on). Cancellation stops
// it within the pattern loop, not after it.
TEST_F(ScoreLimitsTest, CancellationStopsAPatternScanPromptly) {
  std::string paragraph;
  while (paragraph.size() < (1u << 20)) paragraph += "aaaaaaa ";
  auto rubric = testing::WithProbePattern("(?:[a ]*z)?");
  ASSERT_NE(rubric, nullptr);
  bool cancel = false;
  double started = ThreadCpuSeconds();
  ScoreLimits limits;
  limits.cancelled = [&] {
    cancel = cancel || ThreadCpuSeconds() - started > 0.5;
    return cancel;
  };
  auto report = engine_.Score(paragraph, *rubric, limits);
  double spent = ThreadCpuSeconds() - started;
  ASSERT_EQ(report.status().code(), absl::StatusCode::kCancelled);
  EXPECT_NE(report.status().message().find("rubric.patterns"),
            std::string::npos)
      << report.status();
  EXPECT_LT(spent, 1.5) << "scoring went on after the call was cancelled";
}

}  // namespace
}  // namespace marginalia::rubrics
