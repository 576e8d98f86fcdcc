#include "client/batch/progress_display.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace marginalia::client {
namespace {

using ::testing::HasSubstr;

BatchCounts Counts(int total, int stored, int failed) {
  BatchCounts counts;
  counts.total = total;
  counts.stored = stored;
  counts.failed = failed;
  return counts;
}

TEST(ProgressDisplayTest, DescribesRateAndTimeLeft) {
  EXPECT_EQ(ProgressDisplay::Describe(Counts(300, 100, 20), absl::Seconds(2)),
            "120/300 done (40%), 60 essays/s, about 3s left, 20 failed");
  EXPECT_EQ(ProgressDisplay::Describe(Counts(10, 10, 0), absl::Seconds(1)),
            "10/10 done (100%), 10 essays/s, 0 failed");
}

TEST(ProgressDisplayTest, PlainOutputPrintsALineEveryInterval) {
  std::ostringstream out;
  absl::Time start = absl::UnixEpoch();
  ProgressDisplay display(&out, {}, start);
  display.Update(Counts(10, 1, 0), start + absl::Seconds(1));
  display.Update(Counts(10, 2, 0), start + absl::Seconds(2));  // too soon
  display.Update(Counts(10, 3, 0), start + absl::Seconds(3.5));
  display.PrintLine("failed: x.txt: empty");
  display.Finish(Counts(10, 9, 1), start + absl::Seconds(4));
  EXPECT_EQ(out.str(),
            "batch: 1/10 done (10%), 1 essays/s, about 9s left, 0 failed\n"
            "batch: 3/10 done (30%), 1 essays/s, about 9s left, 0 failed\n"
            "failed: x.txt: empty\n"
            "batch: 10/10 done (100%), 2 essays/s, 1 failed\n");
}

TEST(ProgressDisplayTest, TerminalRedrawsABarInPlace) {
  std::ostringstream out;
  ProgressOptions options;
  options.terminal = true;
  absl::Time start = absl::UnixEpoch();
  ProgressDisplay display(&out, options, start);
  display.Update(Counts(4, 2, 0), start + absl::Seconds(1));
  display.PrintLine("failed: y.md: bad");
  display.Finish(Counts(4, 3, 1), start + absl::Seconds(2));
  EXPECT_THAT(out.str(), HasSubstr("\r\033[K[##############..............] "
                                   "2/4 done (50%)"));
  EXPECT_THAT(out.str(), HasSubstr("\r\033[Kfailed: y.md: bad\n"));
  EXPECT_THAT(out.str(),
              HasSubstr("] 4/4 done (100%), 2 essays/s, 1 failed\n"));
}

}  // namespace
}  // namespace marginalia::client
