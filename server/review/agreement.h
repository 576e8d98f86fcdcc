// How well two sets of ratings of the same items agree: quadratic weighted
// kappa, Pearson correlation and mean absolute difference. Used to compare a
// grader with the peers' consensus, or two graders with each other.
//
// Conventions shared by every function here:
//  - Inputs are paired by position: a[i] and b[i] rate the same item, so
//    reordering the pairs never changes a result, and swapping a and b
//    never does either (every measure is symmetric).
//  - Empty inputs, or inputs of different lengths, give 0 (and pairs = 0
//    in ComputeAgreement): there is nothing to compare, and a caller
//    comparing by position with mismatched lengths has a bug we should not
//    dress up as a number.
//  - Where a statistic is undefined, the result is 0 ("no evidence of
//    agreement"), never NaN: Pearson with fewer than two pairs or a constant
//    side; kappa when both raters give one and the same rating to every
//    item (no variation to agree about), or when min_rating >= max_rating.
// Pure functions; safe from any thread.
#pragma once

#include <vector>

namespace marginalia::server::review {

struct Agreement {
  int pairs = 0;  // pairs compared (finite on both sides)
  double qwk = 0;
  double pearson = 0;
  double mean_absolute_difference = 0;
};

// Quadratic weighted kappa of integer ratings on [min_rating, max_rating]:
//   kappa = 1 - sum_ij w_ij O_ij / sum_ij w_ij E_ij,  w_ij = (i - j)^2,
// where O is the observed confusion matrix and E = outer(hist_a, hist_b) / N
// the one expected by chance from each rater's own distribution. 1 is
// perfect agreement, 0 chance level, negative worse than chance (-1 for a
// fully reversed ordering of a uniform spread). Ratings outside the range
// are clamped into it.
double QuadraticWeightedKappa(const std::vector<int>& a,
                              const std::vector<int>& b, int min_rating,
                              int max_rating);

// Pearson's r in [-1, 1]. REQUIRES: finite values.
double PearsonCorrelation(const std::vector<double>& a,
                          const std::vector<double>& b);

// Mean of |a[i] - b[i]|. REQUIRES: finite values.
double MeanAbsoluteDifference(const std::vector<double>& a,
                              const std::vector<double>& b);

// All three over the pairs where both values are finite (others are
// dropped and not counted in `pairs`). QWK uses each value rounded to the
// nearest integer (halves away from zero) and clamped into
// [min_rating, max_rating]; Pearson and the mean absolute difference use the
// values as given.
Agreement ComputeAgreement(const std::vector<double>& a,
                           const std::vector<double>& b, int min_rating,
                           int max_rating);

}  // namespace marginalia::server::review
