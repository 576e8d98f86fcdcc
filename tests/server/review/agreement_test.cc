#include "server/review/agreement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "gtest/gtest.h"

namespace marginalia::server::review {
namespace {

TEST(ReviewAgreementTest, PerfectAgreementIsOne) {
  const std::vector<int> ratings = {0, 1, 2, 3, 4, 2, 1};
  EXPECT_DOUBLE_EQ(QuadraticWeightedKappa(ratings, ratings, 0, 4), 1);
  const std::vector<double> values(ratings.begin(), ratings.end());
  EXPECT_DOUBLE_EQ(PearsonCorrelation(values, values), 1);
  EXPECT_DOUBLE_EQ(MeanAbsoluteDifference(values, values), 0);
}

TEST(ReviewAgreementTest, KappaOfAHandComputedExample) {
  // Pairs (0,0) (1,2) (2,2) (2,1) on 0..2, weights (i-j)^2.
  //   Observed: 0 + 1 + 0 + 1 = 2.
  //   Histograms: a = b = [1, 1, 2], N = 4. Expected = sum (i-j)^2 h_a h_b / N
  //     = (0->1: 1*1*1 + 0->2: 4*1*2 + 1->0: 1 + 1->2: 1*1*2
  //        + 2->0: 4*2*1 + 2->1: 1*2*1) / 4 = 22 / 4 = 5.5.
  //   kappa = 1 - 2 / 5.5 = 7 / 11.
  EXPECT_NEAR(QuadraticWeightedKappa({0, 1, 2, 2}, {0, 2, 2, 1}, 0, 2),
              7.0 / 11.0, 1e-12);
}

TEST(ReviewAgreementTest, KappaOfAReversedOrderIsMinusOne) {
  // Observed 4 + 0 + 4 = 8; uniform histograms give expected
  // (1 + 4 + 1 + 1 + 4 + 1) / 3 = 4; kappa = 1 - 8 / 4.
  EXPECT_NEAR(QuadraticWeightedKappa({0, 1, 2}, {2, 1, 0}, 0, 2), -1, 1e-12);
}

TEST(ReviewAgreementTest, KappaIsSymmetricAndIgnoresPairOrder) {
  const std::vector<int> a = {0, 1, 2, 3, 4, 4, 2, 1, 0, 3};
  const std::vector<int> b = {0, 2, 2, 3, 3, 4, 1, 1, 1, 4};
  const double kappa = QuadraticWeightedKappa(a, b, 0, 4);
  EXPECT_NEAR(QuadraticWeightedKappa(b, a, 0, 4), kappa, 1e-12);
  std::vector<int> order = {9, 3, 0, 7, 1, 5, 8, 2, 6, 4};
  std::vector<int> a2, b2;
  for (int i : order) {
    a2.push_back(a[i]);
    b2.push_back(b[i]);
  }
  EXPECT_NEAR(QuadraticWeightedKappa(a2, b2, 0, 4), kappa, 1e-12);
  EXPECT_GT(kappa, 0.5);
  EXPECT_LT(kappa, 1);
}

TEST(ReviewAgreementTest, KappaClampsOutOfRangeRatings) {
  EXPECT_DOUBLE_EQ(QuadraticWeightedKappa({-3, 1, 9}, {0, 1, 2}, 0, 2), 1);
}

TEST(ReviewAgreementTest, UndefinedCasesAreZero) {
  // Both raters constant and equal: no variation to agree about.
  EXPECT_EQ(QuadraticWeightedKappa({2, 2, 2}, {2, 2, 2}, 0, 4), 0);
  // Both constant but different: defined, and exactly chance level.
  EXPECT_NEAR(QuadraticWeightedKappa({1, 1, 1}, {3, 3, 3}, 0, 4), 0, 1e-12);
  EXPECT_EQ(QuadraticWeightedKappa({1, 2}, {1, 2}, 3, 3), 0);
  EXPECT_EQ(QuadraticWeightedKappa({1, 2}, {1, 2}, 4, 0), 0);
  EXPECT_EQ(PearsonCorrelation({1, 1, 1}, {1, 2, 3}), 0);
  EXPECT_EQ(PearsonCorrelation({5}, {5}), 0);
}

TEST(ReviewAgreementTest, EmptyOrMismatchedInputIsZero) {
  EXPECT_EQ(QuadraticWeightedKappa({}, {}, 0, 4), 0);
  EXPECT_EQ(QuadraticWeightedKappa({1, 2}, {1}, 0, 4), 0);
  EXPECT_EQ(PearsonCorrelation({}, {}), 0);
  EXPECT_EQ(PearsonCorrelation({1, 2, 3}, {1, 2}), 0);
  EXPECT_EQ(MeanAbsoluteDifference({}, {}), 0);
  EXPECT_EQ(MeanAbsoluteDifference({1, 2}, {1}), 0);
  const Agreement agreement = ComputeAgreement({1, 2, 3}, {1, 2}, 0, 4);
  EXPECT_EQ(agreement.pairs, 0);
  EXPECT_EQ(agreement.qwk, 0);
  EXPECT_EQ(agreement.pearson, 0);
  EXPECT_EQ(agreement.mean_absolute_difference, 0);
}

TEST(ReviewAgreementTest, PearsonOfAHandComputedExample) {
  // a = 1,2,3 (mean 2), b = 2,4,7 (mean 13/3). Deviations -1,0,1 and
  // -7/3,-1/3,8/3: covariance sum 7/3 + 8/3 = 5, sum of squares 2 and
  // (49 + 1 + 64) / 9 = 38/3. r = 5 / sqrt(2 * 38/3) = 5 / sqrt(76/3).
  EXPECT_NEAR(PearsonCorrelation({1, 2, 3}, {2, 4, 7}), 5 / std::sqrt(76.0 / 3),
              1e-12);
  EXPECT_NEAR(PearsonCorrelation({1, 2, 3}, {3, 2, 1}), -1, 1e-12);
  // Invariant to shifting and (positively) scaling either side.
  EXPECT_NEAR(PearsonCorrelation({1, 2, 3}, {2, 4, 7}),
              PearsonCorrelation({1001, 1002, 1003}, {20, 40, 70}), 1e-9);
}

TEST(ReviewAgreementTest, MeanAbsoluteDifferenceIsAverageGap) {
  EXPECT_DOUBLE_EQ(MeanAbsoluteDifference({0, 1, 4}, {1, 1, 2}), 1);
  EXPECT_DOUBLE_EQ(MeanAbsoluteDifference({1, 1, 2}, {0, 1, 4}), 1);
}

TEST(ReviewAgreementTest, ComputeAgreementRoundsForKappaOnly) {
  // Rounded: a = 0,1,2,2 and b = 0,2,2,1: the hand-computed 7/11 above.
  const std::vector<double> a = {0.2, 1.4, 2.0, 1.6};
  const std::vector<double> b = {-0.3, 2.4, 1.5, 0.9};
  const Agreement agreement = ComputeAgreement(a, b, 0, 2);
  EXPECT_EQ(agreement.pairs, 4);
  EXPECT_NEAR(agreement.qwk, 7.0 / 11.0, 1e-12);
  EXPECT_NEAR(agreement.pearson, PearsonCorrelation(a, b), 1e-12);
  // |0.5| + |-1.0| + |0.5| + |0.7| = 2.7.
  EXPECT_NEAR(agreement.mean_absolute_difference, 2.7 / 4, 1e-12);
}

TEST(ReviewAgreementTest, ComputeAgreementDropsNonFinitePairs) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const Agreement agreement =
      ComputeAgreement({0, nan, 1, 2, 3}, {0, 1, 1, inf, 3}, 0, 4);
  EXPECT_EQ(agreement.pairs, 3);
  EXPECT_DOUBLE_EQ(agreement.qwk, 1);
  EXPECT_DOUBLE_EQ(agreement.pearson, 1);
  EXPECT_DOUBLE_EQ(agreement.mean_absolute_difference, 0);
}

}  // namespace
}  // namespace marginalia::server::review
