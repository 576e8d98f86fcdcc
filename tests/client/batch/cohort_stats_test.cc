#include "client/batch/cohort_stats.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace marginalia::client {
namespace {

using ::testing::ElementsAre;
namespace v1 = ::marginalia::v1;

v1::FeedbackReport Report(double total, std::vector<std::string> codes) {
  v1::FeedbackReport report;
  report.set_total_score(total);
  report.set_max_score(20);
  auto* c = report.add_criteria();
  c->set_id("evidence");
  c->set_name("Evidence");
  c->set_score(total / 2);
  c->set_max_score(10);
  for (const std::string& code : codes) {
    auto* f = report.add_findings();
    f->set_code(code);
    f->set_message("about " + code);
  }
  return report;
}

TEST(DescribeTest, MeanMedianSpread) {
  Distribution d = Describe({4, 1, 3, 2});
  EXPECT_EQ(d.count, 4);
  EXPECT_DOUBLE_EQ(d.mean, 2.5);
  EXPECT_DOUBLE_EQ(d.median, 2.5);
  EXPECT_DOUBLE_EQ(d.min, 1);
  EXPECT_DOUBLE_EQ(d.max, 4);
  EXPECT_NEAR(d.stdev, 1.118, 1e-3);
  EXPECT_DOUBLE_EQ(Describe({5, 1, 3}).median, 3);
  EXPECT_EQ(Describe({}).count, 0);
}

TEST(HistogramTest, LastBinIncludesTheTop) {
  Histogram h = MakeHistogram({0, 5, 10, 19.9, 20}, 0, 20, 4);
  EXPECT_THAT(h.bins, ElementsAre(1, 1, 1, 2));
}

TEST(CohortStatsTest, FindingsCountEssaysNotOccurrences) {
  std::vector<v1::FeedbackReport> reports = {
      Report(10, {"q", "q", "c"}), Report(12, {"q"}), Report(14, {"c", "x"})};
  std::vector<const v1::FeedbackReport*> pointers;
  for (const auto& r : reports) pointers.push_back(&r);
  CohortStats stats = ComputeCohortStats(pointers);
  ASSERT_EQ(stats.findings.size(), 3u);
  EXPECT_EQ(stats.findings[0].code, "c");  // 2 essays; ties by code
  EXPECT_EQ(stats.findings[0].essays, 2);
  EXPECT_EQ(stats.findings[1].code, "q");
  EXPECT_EQ(stats.findings[1].essays, 2);
  EXPECT_EQ(stats.findings[1].occurrences, 3);
  EXPECT_EQ(stats.findings[2].essays, 1);
  EXPECT_EQ(stats.findings[0].description, "about c");
  ASSERT_EQ(stats.criteria.size(), 1u);
  EXPECT_DOUBLE_EQ(stats.criteria[0].distribution.mean, 6);
  EXPECT_DOUBLE_EQ(stats.total.median, 12);
  EXPECT_DOUBLE_EQ(stats.max_total, 20);
  EXPECT_TRUE(stats.outliers.empty());  // too few essays to tell
}

TEST(CohortStatsTest, KnownCodesAreDescribedInThePlural) {
  v1::FeedbackReport report = Report(10, {"citation.quote_without_page"});
  CohortStats stats = ComputeCohortStats({&report});
  ASSERT_EQ(stats.findings.size(), 1u);
  EXPECT_EQ(stats.findings[0].description, "quotations without page numbers");
}

TEST(CohortStatsTest, FindsTheOutlier) {
  std::vector<v1::FeedbackReport> reports;
  for (int i = 0; i < 9; ++i) reports.push_back(Report(15 + i % 2, {}));
  reports.push_back(Report(2, {}));
  std::vector<const v1::FeedbackReport*> pointers;
  for (const auto& r : reports) pointers.push_back(&r);
  CohortStats stats = ComputeCohortStats(pointers);
  ASSERT_EQ(stats.outliers.size(), 1u);
  EXPECT_EQ(stats.outliers[0].essay, 9u);
  EXPECT_LT(stats.outliers[0].z, -2);
}

}  // namespace
}  // namespace marginalia::client
