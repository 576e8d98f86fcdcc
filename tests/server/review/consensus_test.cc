#include "server/review/consensus.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "server/review/allocation.h"

namespace marginalia::server::review {
namespace {

// ---------------------------------------------------------------------------
// A simulated cohort: every student writes one submission and reviews the
// ones AllocateReviews gives them, on four criteria with levels 0-4.
// ---------------------------------------------------------------------------

enum class Kind { kHonest, kRandom, kConstant };

struct CohortOptions {
  int students = 200;
  int criteria = 4;
  int k = 3;
  uint64_t seed = 1;
  double noise = 0.8;          // honest reviewers' Gaussian noise, in levels
  double careless = 0.2;       // fraction of careless reviewers
  bool integer_truth = false;  // true levels are whole levels
};

struct Cohort {
  std::vector<PeerScore> scores;
  std::map<std::pair<std::string, std::string>, double> truth;
  std::map<std::string, Kind> kind;
};

Cohort Simulate(const CohortOptions& o) {
  std::mt19937_64 rng(o.seed);
  AllocationRequest request;
  for (int i = 0; i < o.students; ++i) {
    request.authors.push_back(absl::StrCat("s", i));
  }
  request.reviews_per_submission = o.k;
  request.seed = o.seed;
  absl::StatusOr<AllocationResult> allocation = AllocateReviews(request);
  EXPECT_TRUE(allocation.ok()) << allocation.status();
  Cohort cohort;
  // The truth is a latent quality on the 0-4 scale unless integer_truth;
  // reviewers can only answer in whole levels either way.
  std::uniform_real_distribution<double> quality(0, 4);
  std::uniform_int_distribution<int> level(0, 4);
  std::normal_distribution<double> noise(0, o.noise);
  for (const std::string& s : request.authors) {
    for (int c = 0; c < o.criteria; ++c) {
      cohort.truth[{s, absl::StrCat("c", c)}] =
          o.integer_truth ? level(rng) : quality(rng);
    }
  }
  std::vector<std::string> order = request.authors;
  std::shuffle(order.begin(), order.end(), rng);
  const int careless = static_cast<int>(o.careless * o.students);
  std::map<std::string, int> constant;
  for (int i = 0; i < o.students; ++i) {
    // Careless reviewers alternate: random levels, one level for all.
    cohort.kind[order[i]] = i >= careless ? Kind::kHonest
                            : i % 2 == 0  ? Kind::kRandom
                                          : Kind::kConstant;
    constant[order[i]] = level(rng);
  }
  for (const ReviewEdge& e : allocation->created) {
    for (int c = 0; c < o.criteria; ++c) {
      const std::string criterion = absl::StrCat("c", c);
      double given = 0;
      switch (cohort.kind[e.reviewer]) {
        case Kind::kHonest:
          given = std::clamp(
              std::round(cohort.truth[{e.author, criterion}] + noise(rng)), 0.0,
              4.0);
          break;
        case Kind::kRandom:
          given = level(rng);
          break;
        case Kind::kConstant:
          given = constant[e.reviewer];
          break;
      }
      cohort.scores.push_back({e.reviewer, e.author, criterion, given});
    }
  }
  return cohort;
}

struct Errors {
  double median = 0;
  double mean = 0;  // the unweighted mean of the peers' levels
  double consensus = 0;
};

Errors MeanAbsoluteErrors(const Cohort& cohort, const ConsensusResult& result) {
  std::map<std::pair<std::string, std::string>, std::pair<double, int>> sums;
  for (const PeerScore& s : cohort.scores) {
    auto& [sum, count] = sums[{s.submission, s.criterion}];
    sum += s.level;
    ++count;
  }
  Errors errors;
  for (const CriterionConsensus& c : result.criteria) {
    const double truth = cohort.truth.at({c.submission, c.criterion});
    const auto& [sum, count] = sums.at({c.submission, c.criterion});
    errors.median += std::fabs(c.median - truth);
    errors.mean += std::fabs(sum / count - truth);
    errors.consensus += std::fabs(c.consensus - truth);
  }
  const double n = static_cast<double>(result.criteria.size());
  return {errors.median / n, errors.mean / n, errors.consensus / n};
}

TEST(ReviewConsensusTest, BeatsTheMedianOnASimulatedCohort) {
  for (int k : {3, 4, 5}) {
    for (uint64_t seed : {1, 2, 3, 4}) {
      CohortOptions options;
      options.k = k;
      options.seed = seed * 7919 + k;
      const Cohort cohort = Simulate(options);
      const ConsensusResult result = ComputeConsensus(cohort.scores);
      ASSERT_EQ(result.criteria.size(), 200u * 4);
      const Errors errors = MeanAbsoluteErrors(cohort, result);
      std::cout << absl::StrFormat(
          "k=%d seed=%d  MAE median %.4f  mean %.4f  consensus %.4f\n", k, seed,
          errors.median, errors.mean, errors.consensus);
      EXPECT_LT(errors.consensus, errors.median) << "k=" << k << " " << seed;
      EXPECT_LT(errors.consensus, errors.mean) << "k=" << k << " " << seed;
    }
  }
}

TEST(ReviewConsensusTest, BeatsThePlainMeanWhenTheTruthIsWholeLevels) {
  // With whole-level truth and mostly-agreeing peers the median is often
  // exactly right while any mean is fractional, so the median can win on
  // MAE (README.md, Limits); reliability weighting must still beat the
  // unweighted mean.
  for (int k : {3, 5}) {
    CohortOptions options;
    options.k = k;
    options.seed = 31 + k;
    options.integer_truth = true;
    const Cohort cohort = Simulate(options);
    const Errors errors =
        MeanAbsoluteErrors(cohort, ComputeConsensus(cohort.scores));
    std::cout << absl::StrFormat(
        "whole-level truth k=%d  MAE median %.4f  mean %.4f  consensus "
        "%.4f\n",
        k, errors.median, errors.mean, errors.consensus);
    EXPECT_LT(errors.consensus, errors.mean) << "k=" << k;
  }
}

TEST(ReviewConsensusTest, FlagsCarelessReviewers) {
  for (int k : {3, 5}) {
    CohortOptions options;
    options.k = k;
    options.seed = 1000 + k;
    const Cohort cohort = Simulate(options);
    const ConsensusResult result = ComputeConsensus(cohort.scores);
    std::map<Kind, int> count, down, uniform;
    std::map<Kind, double> weight;
    for (const ReviewerReliability& r : result.reviewers) {
      const Kind kind = cohort.kind.at(r.reviewer);
      ++count[kind];
      down[kind] += r.down_weighted;
      uniform[kind] += r.uniform_scorer;
      weight[kind] += r.weight;
    }
    std::cout << absl::StrFormat(
        "k=%d down-weighted: random %d/%d, constant %d/%d, honest %d/%d\n", k,
        down[Kind::kRandom], count[Kind::kRandom], down[Kind::kConstant],
        count[Kind::kConstant], down[Kind::kHonest], count[Kind::kHonest]);
    // Every constant scorer is caught; nobody honest is called uniform.
    EXPECT_EQ(uniform[Kind::kConstant], count[Kind::kConstant]);
    EXPECT_EQ(uniform[Kind::kHonest], 0);
    EXPECT_EQ(uniform[Kind::kRandom], 0);
    // Careless reviewers are down-weighted, honest ones rarely.
    EXPECT_EQ(down[Kind::kConstant], count[Kind::kConstant]);
    // With k = 3 a reviewer has only 12 scores and honest and random
    // weights overlap (README.md, Limits); five reviews tell them apart.
    EXPECT_GE(down[Kind::kRandom], (k == 3 ? 0.5 : 0.8) * count[Kind::kRandom]);
    EXPECT_LE(down[Kind::kHonest], 0.05 * count[Kind::kHonest]);
    const double honest = weight[Kind::kHonest] / count[Kind::kHonest];
    EXPECT_LT(weight[Kind::kRandom] / count[Kind::kRandom], honest / 2);
    EXPECT_LT(weight[Kind::kConstant] / count[Kind::kConstant], honest / 2);
  }
}

TEST(ReviewConsensusTest, ReweightingConverges) {
  CohortOptions cohort_options;
  cohort_options.students = 60;
  cohort_options.seed = 17;
  const Cohort cohort = Simulate(cohort_options);
  ConsensusOptions exhaustive;
  exhaustive.max_iterations = 1000;
  exhaustive.tolerance = 0;
  const ConsensusResult settled = ComputeConsensus(cohort.scores, exhaustive);
  const ConsensusResult usual = ComputeConsensus(cohort.scores);
  ConsensusOptions one_round;
  one_round.max_iterations = 1;
  const ConsensusResult first = ComputeConsensus(cohort.scores, one_round);
  double usual_gap = 0, first_gap = 0;
  for (size_t i = 0; i < settled.criteria.size(); ++i) {
    const double target = settled.criteria[i].consensus;
    usual_gap =
        std::max(usual_gap, std::fabs(usual.criteria[i].consensus - target));
    first_gap =
        std::max(first_gap, std::fabs(first.criteria[i].consensus - target));
  }
  EXPECT_LT(usual_gap, 1e-5);
  // The rounds after the median start matter: one round is visibly off.
  EXPECT_GT(first_gap, 1e-3);
}

// ---------------------------------------------------------------------------
// Small hand-made cases.
// ---------------------------------------------------------------------------

TEST(ReviewConsensusTest, EmptyInputGivesEmptyResult) {
  const ConsensusResult result = ComputeConsensus({});
  EXPECT_TRUE(result.criteria.empty());
  EXPECT_TRUE(result.reviewers.empty());
}

TEST(ReviewConsensusTest, SingleReviewIsItsOwnConsensus) {
  const ConsensusResult result =
      ComputeConsensus({{"ada", "sub1", "thesis", 3}});
  ASSERT_EQ(result.criteria.size(), 1u);
  const CriterionConsensus& c = result.criteria[0];
  EXPECT_EQ(c.submission, "sub1");
  EXPECT_EQ(c.criterion, "thesis");
  EXPECT_EQ(c.consensus, 3);
  EXPECT_EQ(c.median, 3);
  EXPECT_EQ(c.spread, 0);
  EXPECT_EQ(c.reviews, 1);
  ASSERT_EQ(result.reviewers.size(), 1u);
  EXPECT_EQ(result.reviewers[0].weight, 1);
  EXPECT_FALSE(result.reviewers[0].down_weighted);
  EXPECT_FALSE(result.reviewers[0].uniform_scorer);
}

// Three reviewers who agree on every item of six submissions x two criteria
// plus one who answers at random-looking levels.
std::vector<PeerScore> ThreeAgreeOneWild() {
  const int wild[] = {4, 0, 0, 4, 1, 4, 4, 0, 3, 0, 0, 4};
  std::vector<PeerScore> scores;
  for (int s = 0; s < 6; ++s) {
    for (int c = 0; c < 2; ++c) {
      const std::string sub = absl::StrCat("sub", s);
      const std::string crit = absl::StrCat("crit", c);
      const double level = (s + c) % 3 + 1;  // 1..3
      for (const char* r : {"ann", "ben", "cat"}) {
        scores.push_back({r, sub, crit, level});
      }
      scores.push_back({"wil", sub, crit, double(wild[s * 2 + c])});
    }
  }
  return scores;
}

TEST(ReviewConsensusTest, AWildReviewerCannotCaptureTheConsensus) {
  const ConsensusResult result = ComputeConsensus(ThreeAgreeOneWild());
  ASSERT_EQ(result.reviewers.size(), 4u);
  EXPECT_EQ(result.reviewers[3].reviewer, "wil");
  EXPECT_TRUE(result.reviewers[3].down_weighted);
  for (int r = 0; r < 3; ++r) {
    EXPECT_FALSE(result.reviewers[r].down_weighted);
    EXPECT_GT(result.reviewers[r].weight, 4 * result.reviewers[3].weight);
  }
  for (const CriterionConsensus& c : result.criteria) {
    // The three agreeing reviewers' level is the median; the consensus
    // stays within a fifth of a level of it, where a plain mean of four
    // moves up to 0.75.
    EXPECT_NEAR(c.consensus, c.median, 0.2) << c.submission << c.criterion;
    EXPECT_EQ(c.reviews, 4);
  }
}

TEST(ReviewConsensusTest, UnanimousReviewersAllWeighOne) {
  std::vector<PeerScore> scores;
  for (const PeerScore& s : ThreeAgreeOneWild()) {
    if (s.reviewer != "wil") scores.push_back(s);
  }
  const ConsensusResult result = ComputeConsensus(scores);
  for (const ReviewerReliability& r : result.reviewers) {
    EXPECT_DOUBLE_EQ(r.weight, 1) << r.reviewer;
    EXPECT_FALSE(r.down_weighted);
  }
  for (const CriterionConsensus& c : result.criteria) {
    EXPECT_DOUBLE_EQ(c.consensus, c.median);
    EXPECT_EQ(c.spread, 0);
  }
}

TEST(ReviewConsensusTest, UniformScorerNeedsEnoughEvidence) {
  std::vector<PeerScore> scores;
  // One review, three criteria, all 2: too little to tell.
  for (const char* c : {"a", "b", "c"}) scores.push_back({"one", "s1", c, 2});
  // One review, four criteria, all 2: enough scores.
  for (const char* c : {"a", "b", "c", "d"}) {
    scores.push_back({"four", "s1", c, 2});
  }
  // Two reviews of one criterion each, both 3: enough reviews.
  scores.push_back({"two", "s1", "a", 3});
  scores.push_back({"two", "s2", "a", 3});
  // Two reviews with different levels: not uniform.
  scores.push_back({"mixed", "s1", "a", 3});
  scores.push_back({"mixed", "s2", "a", 1});
  const ConsensusResult result = ComputeConsensus(scores);
  std::map<std::string, bool> uniform;
  for (const ReviewerReliability& r : result.reviewers) {
    uniform[r.reviewer] = r.uniform_scorer;
  }
  EXPECT_FALSE(uniform["one"]);
  EXPECT_TRUE(uniform["four"]);
  EXPECT_TRUE(uniform["two"]);
  EXPECT_FALSE(uniform["mixed"]);
}

TEST(ReviewConsensusTest, OutputIsSortedAndIndependentOfInputOrder) {
  std::vector<PeerScore> scores = ThreeAgreeOneWild();
  const ConsensusResult first = ComputeConsensus(scores);
  std::mt19937_64 rng(5);
  std::shuffle(scores.begin(), scores.end(), rng);
  const ConsensusResult second = ComputeConsensus(scores);
  ASSERT_EQ(first.criteria.size(), second.criteria.size());
  for (size_t i = 0; i < first.criteria.size(); ++i) {
    EXPECT_EQ(first.criteria[i].submission, second.criteria[i].submission);
    EXPECT_EQ(first.criteria[i].criterion, second.criteria[i].criterion);
    EXPECT_EQ(first.criteria[i].consensus, second.criteria[i].consensus);
    if (i > 0) {
      EXPECT_LT(
          std::tie(first.criteria[i - 1].submission,
                   first.criteria[i - 1].criterion),
          std::tie(first.criteria[i].submission, first.criteria[i].criterion));
    }
  }
  ASSERT_EQ(first.reviewers.size(), second.reviewers.size());
  for (size_t i = 0; i < first.reviewers.size(); ++i) {
    EXPECT_EQ(first.reviewers[i].reviewer, second.reviewers[i].reviewer);
    EXPECT_EQ(first.reviewers[i].weight, second.reviewers[i].weight);
    if (i > 0) {
      EXPECT_LT(first.reviewers[i - 1].reviewer, first.reviewers[i].reviewer);
    }
  }
}

TEST(ReviewConsensusTest, LaterDuplicateWinsAndNonFiniteLevelsAreIgnored) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const ConsensusResult result = ComputeConsensus({
      {"ada", "s1", "a", 1},
      {"ada", "s1", "a", 4},  // a resubmitted review replaces the first
      {"bo", "s1", "a", nan},
  });
  ASSERT_EQ(result.criteria.size(), 1u);
  EXPECT_EQ(result.criteria[0].reviews, 1);
  EXPECT_EQ(result.criteria[0].consensus, 4);
  ASSERT_EQ(result.reviewers.size(), 1u);
  EXPECT_EQ(result.reviewers[0].reviewer, "ada");
}

TEST(ReviewConsensusTest, MedianAndSpreadOfAnEvenNumberOfReviews) {
  const ConsensusResult result = ComputeConsensus({
      {"a", "s", "c", 1},
      {"b", "s", "c", 2},
      {"c", "s", "c", 4},
      {"d", "s", "c", 4},
  });
  ASSERT_EQ(result.criteria.size(), 1u);
  EXPECT_EQ(result.criteria[0].median, 3);
  EXPECT_EQ(result.criteria[0].spread, 3);
  EXPECT_EQ(result.criteria[0].reviews, 4);
}

TEST(ReviewConsensusTest, ConfidenceFollowsTheDocumentedThresholds) {
  EXPECT_EQ(ConfidenceFromSpread(0, 4), GradeConfidence::kHigh);
  EXPECT_EQ(ConfidenceFromSpread(1, 4), GradeConfidence::kHigh);
  EXPECT_EQ(ConfidenceFromSpread(1.5, 4), GradeConfidence::kMedium);
  EXPECT_EQ(ConfidenceFromSpread(2, 4), GradeConfidence::kMedium);
  EXPECT_EQ(ConfidenceFromSpread(3, 4), GradeConfidence::kLow);
  EXPECT_EQ(ConfidenceFromSpread(4, 4), GradeConfidence::kLow);
  // The thresholds are relative to the scale.
  EXPECT_EQ(ConfidenceFromSpread(2, 10), GradeConfidence::kHigh);
  EXPECT_EQ(ConfidenceFromSpread(1, 1), GradeConfidence::kLow);
  EXPECT_EQ(ConfidenceFromSpread(0, 0), GradeConfidence::kHigh);
  EXPECT_EQ(ConfidenceFromSpread(1, 0), GradeConfidence::kLow);
  EXPECT_EQ(ConfidenceFromSpread(std::numeric_limits<double>::quiet_NaN(), 4),
            GradeConfidence::kLow);
}

}  // namespace
}  // namespace marginalia::server::review
