// The peers' consensus on each criterion of each submission: a mean that
// weights reviewers by how well they agree with the others (iterative
// reliability weighting), plus flags for reviewers who look careless.
// server/review/README.md gives the method, its formulas and its limits.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <vector>

namespace marginalia::server::review {

// One reviewer's level for one criterion of one submission.
struct PeerScore {
  std::string reviewer;
  std::string submission;
  std::string criterion;
  double level;
};

struct ConsensusOptions {
  // Stop after this many reweighting rounds. Default: 50.
  int max_iterations = 50;
  // Stop once no reviewer's weight moves by more than this. Default: 1e-6.
  double tolerance = 1e-6;
  // Pseudo-observations of the cohort's typical squared deviation mixed into
  // each reviewer's own, so a reviewer seen on few items is judged mostly by
  // the cohort rather than by a couple of lucky or unlucky scores.
  // Default: 2.
  double prior_strength = 2;
  // Added to every reviewer's error variance (in squared levels) before it is
  // inverted into a weight, so agreeing perfectly on a few items cannot give
  // one reviewer an unbounded say. Default: 0.25 (half a level, squared).
  double variance_floor = 0.25;
  // A reviewer is down_weighted when their weight is below this fraction of
  // the median reviewer's weight. Default: 0.5.
  double down_weight_ratio = 0.5;
  // A uniform scorer's weight is multiplied by this: their levels say nothing
  // about how submissions differ, yet a constant near the class average
  // deviates little from the others and would otherwise keep a normal
  // weight. Kept above zero so that an item scored only by uniform scorers
  // still has a consensus. Default: 0.25. REQUIRES: > 0.
  double uniform_scorer_factor = 0.25;
  // Same level for everything is only called uniform once the reviewer has
  // at least this many reviews (submissions) ... Default: 2.
  int uniform_min_reviews = 2;
  // ... or at least this many scores. Default: 4.
  int uniform_min_scores = 4;
};

struct CriterionConsensus {
  std::string submission;
  std::string criterion;
  double median = 0;     // plain median of the peers' levels
  double consensus = 0;  // reliability-weighted mean of the peers' levels
  double spread = 0;     // max - min of the peers' levels
  int reviews = 0;       // peers who scored it
};

struct ReviewerReliability {
  std::string reviewer;
  // Relative weight; the median reviewer has 1.
  double weight = 1;
  // weight < down_weight_ratio (of the median reviewer's, i.e. of 1). With
  // the default options this includes nearly every uniform scorer.
  bool down_weighted = false;
  // Gave one and the same level to every criterion of every review, with
  // enough reviews or scores to tell (see ConsensusOptions).
  bool uniform_scorer = false;
};

struct ConsensusResult {
  std::vector<CriterionConsensus> criteria;  // sorted by submission, criterion
  std::vector<ReviewerReliability> reviewers;  // sorted by reviewer
};

// Consensus of `scores`. Scores with a non-finite level are ignored; when a
// reviewer scored the same criterion of the same submission twice, the later
// score replaces the earlier (a resubmitted review). Deterministic: the
// result depends only on the set of scores, not their order (apart from
// which duplicate is later). Empty input gives an empty result.
ConsensusResult ComputeConsensus(const std::vector<PeerScore>& scores,
                                 const ConsensusOptions& options = {});

enum class GradeConfidence { kHigh, kMedium, kLow };

// How far to trust a consensus, from the peers' spread on a criterion scale
// of 0..`max_level`. With r = spread / max_level:
//   r <= 0.25 -> kHigh    (on a 0-4 scale: peers within one level)
//   r <= 0.5  -> kMedium  (within two levels)
//   otherwise -> kLow     (three or more levels apart)
// A non-positive max_level gives kHigh for a zero spread and kLow otherwise;
// a NaN spread gives kLow.
GradeConfidence ConfidenceFromSpread(double spread, double max_level);

}  // namespace marginalia::server::review
