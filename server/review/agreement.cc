#include "server/review/agreement.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace marginalia::server::review {
namespace {

bool Comparable(size_t a_size, size_t b_size) {
  return a_size > 0 && a_size == b_size;
}

}  // namespace

double QuadraticWeightedKappa(const std::vector<int>& a,
                              const std::vector<int>& b, int min_rating,
                              int max_rating) {
  if (!Comparable(a.size(), b.size()) || min_rating >= max_rating) return 0;
  const int categories = max_rating - min_rating + 1;
  auto category = [&](int rating) {
    return std::clamp(rating, min_rating, max_rating) - min_rating;
  };
  std::vector<double> hist_a(categories), hist_b(categories);
  // Sum of w_ij O_ij, straight from the pairs.
  double observed = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const int x = category(a[i]);
    const int y = category(b[i]);
    ++hist_a[x];
    ++hist_b[y];
    observed += static_cast<double>((x - y) * (x - y));
  }
  double expected = 0;
  for (int x = 0; x < categories; ++x) {
    for (int y = 0; y < categories; ++y) {
      expected +=
          static_cast<double>((x - y) * (x - y)) * hist_a[x] * hist_b[y];
    }
  }
  expected /= static_cast<double>(a.size());
  // Zero only when both raters used one and the same category throughout.
  if (expected == 0) return 0;
  return 1 - observed / expected;
}

double PearsonCorrelation(const std::vector<double>& a,
                          const std::vector<double>& b) {
  if (!Comparable(a.size(), b.size()) || a.size() < 2) return 0;
  const double n = static_cast<double>(a.size());
  double mean_a = 0, mean_b = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    mean_a += a[i];
    mean_b += b[i];
  }
  mean_a /= n;
  mean_b /= n;
  // Two passes (deviations from the means), which stay accurate when the
  // values are large compared with their spread.
  double covariance = 0, variance_a = 0, variance_b = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const double da = a[i] - mean_a;
    const double db = b[i] - mean_b;
    covariance += da * db;
    variance_a += da * da;
    variance_b += db * db;
  }
  if (variance_a == 0 || variance_b == 0) return 0;
  return std::clamp(covariance / std::sqrt(variance_a * variance_b), -1.0, 1.0);
}

double MeanAbsoluteDifference(const std::vector<double>& a,
                              const std::vector<double>& b) {
  if (!Comparable(a.size(), b.size())) return 0;
  double sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += std::fabs(a[i] - b[i]);
  return sum / static_cast<double>(a.size());
}

Agreement ComputeAgreement(const std::vector<double>& a,
                           const std::vector<double>& b, int min_rating,
                           int max_rating) {
  Agreement agreement;
  if (!Comparable(a.size(), b.size())) return agreement;
  // Ordered bounds even for a reversed range, which QWK then scores 0.
  const double low = std::min(min_rating, max_rating);
  const double high = std::max(min_rating, max_rating);
  std::vector<double> kept_a, kept_b;
  std::vector<int> rounded_a, rounded_b;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!std::isfinite(a[i]) || !std::isfinite(b[i])) continue;
    kept_a.push_back(a[i]);
    kept_b.push_back(b[i]);
    // Clamp before rounding so that huge values cannot overflow lround.
    auto to_rating = [&](double v) {
      return static_cast<int>(std::lround(std::clamp(v, low, high)));
    };
    rounded_a.push_back(to_rating(a[i]));
    rounded_b.push_back(to_rating(b[i]));
  }
  agreement.pairs = static_cast<int>(kept_a.size());
  agreement.qwk =
      QuadraticWeightedKappa(rounded_a, rounded_b, min_rating, max_rating);
  agreement.pearson = PearsonCorrelation(kept_a, kept_b);
  agreement.mean_absolute_difference = MeanAbsoluteDifference(kept_a, kept_b);
  return agreement;
}

}  // namespace marginalia::server::review
