#include "server/review/consensus.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

namespace marginalia::server::review {
namespace {

// One score inside an item: which reviewer, what level.
struct Entry {
  int reviewer;
  double level;
};

// The scores grouped by item (submission, criterion), in sorted order, each
// item's entries sorted by reviewer, so every sum runs in one fixed order.
struct Grouped {
  std::vector<std::string> reviewers;                      // sorted
  std::vector<std::pair<std::string, std::string>> items;  // sorted
  std::vector<std::vector<Entry>> entries;                 // per item
};

Grouped Group(const std::vector<PeerScore>& scores) {
  // (submission, criterion, reviewer) -> level; a later duplicate replaces.
  std::map<std::tuple<std::string, std::string, std::string>, double> latest;
  std::map<std::string, int> reviewer_index;
  for (const PeerScore& s : scores) {
    if (!std::isfinite(s.level)) continue;
    latest[{s.submission, s.criterion, s.reviewer}] = s.level;
    reviewer_index.emplace(s.reviewer, 0);
  }
  Grouped grouped;
  for (auto& [name, index] : reviewer_index) {
    index = static_cast<int>(grouped.reviewers.size());
    grouped.reviewers.push_back(name);
  }
  for (const auto& [key, level] : latest) {
    const auto& [submission, criterion, reviewer] = key;
    if (grouped.items.empty() || grouped.items.back().first != submission ||
        grouped.items.back().second != criterion) {
      grouped.items.emplace_back(submission, criterion);
      grouped.entries.emplace_back();
    }
    grouped.entries.back().push_back({reviewer_index[reviewer], level});
  }
  return grouped;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  if (n == 0) return 0;
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Which reviewers gave one level to everything, with enough evidence.
std::vector<bool> UniformScorers(const Grouped& grouped,
                                 const ConsensusOptions& options) {
  const size_t n = grouped.reviewers.size();
  std::vector<int> scores(n, 0);
  std::vector<std::vector<std::string>> submissions(n);
  std::vector<double> first(n, 0);
  std::vector<bool> same(n, true);
  for (size_t i = 0; i < grouped.items.size(); ++i) {
    for (const Entry& e : grouped.entries[i]) {
      if (scores[e.reviewer]++ == 0) first[e.reviewer] = e.level;
      if (e.level != first[e.reviewer]) same[e.reviewer] = false;
      // Items come sorted by submission, so a new one shows at the end.
      auto& seen = submissions[e.reviewer];
      if (seen.empty() || seen.back() != grouped.items[i].first) {
        seen.push_back(grouped.items[i].first);
      }
    }
  }
  std::vector<bool> uniform(n);
  for (size_t r = 0; r < n; ++r) {
    const bool enough = static_cast<int>(submissions[r].size()) >=
                            options.uniform_min_reviews ||
                        scores[r] >= options.uniform_min_scores;
    uniform[r] = same[r] && enough;
  }
  return uniform;
}

// What the other reviewers of an item say, for each of its entries: the
// median of the others (the robust first round) or their weighted mean.
std::vector<double> OthersView(const std::vector<Entry>& entries,
                               const std::vector<double>& weights,
                               bool use_median) {
  std::vector<double> view(entries.size());
  double sum = 0, total = 0;
  for (const Entry& e : entries) {
    sum += weights[e.reviewer] * e.level;
    total += weights[e.reviewer];
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    if (use_median) {
      std::vector<double> others;
      for (size_t j = 0; j < entries.size(); ++j) {
        if (j != i) others.push_back(entries[j].level);
      }
      view[i] = Median(std::move(others));
    } else {
      const double w = weights[entries[i].reviewer];
      view[i] = (sum - w * entries[i].level) / (total - w);
    }
  }
  return view;
}

// New weights: 1 / (floor + shrunk mean squared deviation from the others),
// scaled so that the median reviewer has weight 1.
std::vector<double> Reweight(const Grouped& grouped,
                             const std::vector<double>& weights,
                             const std::vector<bool>& uniform, bool use_median,
                             const ConsensusOptions& options) {
  const size_t n = grouped.reviewers.size();
  std::vector<double> squares(n, 0), counts(n, 0);
  double all_squares = 0, all_counts = 0;
  for (const std::vector<Entry>& entries : grouped.entries) {
    // A lone score has nobody to agree or disagree with.
    if (entries.size() < 2) continue;
    const std::vector<double> view = OthersView(entries, weights, use_median);
    for (size_t i = 0; i < entries.size(); ++i) {
      const double d = entries[i].level - view[i];
      squares[entries[i].reviewer] += d * d;
      counts[entries[i].reviewer] += 1;
      all_squares += d * d;
      all_counts += 1;
    }
  }
  const double typical = all_counts > 0 ? all_squares / all_counts : 1;
  std::vector<double> next(n);
  for (size_t r = 0; r < n; ++r) {
    const double variance = (squares[r] + options.prior_strength * typical) /
                            (counts[r] + options.prior_strength);
    next[r] = 1 / (options.variance_floor + variance);
    // Never zero, whatever the options say: the consensus divides by the sum.
    if (uniform[r]) next[r] *= std::max(options.uniform_scorer_factor, 1e-9);
  }
  const double median = Median(next);
  for (double& w : next) w /= median;
  return next;
}

std::vector<double> ReliabilityWeights(const Grouped& grouped,
                                       const std::vector<bool>& uniform,
                                       const ConsensusOptions& options) {
  std::vector<double> weights(grouped.reviewers.size(), 1);
  for (int round = 0; round < std::max(1, options.max_iterations); ++round) {
    std::vector<double> next =
        Reweight(grouped, weights, uniform, /*use_median=*/round == 0, options);
    double moved = 0;
    for (size_t r = 0; r < next.size(); ++r) {
      moved = std::max(moved, std::fabs(next[r] - weights[r]));
    }
    weights = std::move(next);
    if (round > 0 && moved <= options.tolerance) break;
  }
  return weights;
}

CriterionConsensus Summarise(const std::pair<std::string, std::string>& item,
                             const std::vector<Entry>& entries,
                             const std::vector<double>& weights) {
  CriterionConsensus c;
  c.submission = item.first;
  c.criterion = item.second;
  c.reviews = static_cast<int>(entries.size());
  std::vector<double> levels;
  double sum = 0, total = 0;
  for (const Entry& e : entries) {
    levels.push_back(e.level);
    sum += weights[e.reviewer] * e.level;
    total += weights[e.reviewer];
  }
  const auto [min, max] = std::minmax_element(levels.begin(), levels.end());
  c.spread = *max - *min;
  c.median = Median(std::move(levels));
  c.consensus = sum / total;
  return c;
}

}  // namespace

ConsensusResult ComputeConsensus(const std::vector<PeerScore>& scores,
                                 const ConsensusOptions& options) {
  const Grouped grouped = Group(scores);
  const std::vector<bool> uniform = UniformScorers(grouped, options);
  const std::vector<double> weights =
      ReliabilityWeights(grouped, uniform, options);
  ConsensusResult result;
  for (size_t i = 0; i < grouped.items.size(); ++i) {
    result.criteria.push_back(
        Summarise(grouped.items[i], grouped.entries[i], weights));
  }
  for (size_t r = 0; r < grouped.reviewers.size(); ++r) {
    ReviewerReliability& reviewer = result.reviewers.emplace_back();
    reviewer.reviewer = grouped.reviewers[r];
    reviewer.weight = weights[r];
    reviewer.down_weighted = weights[r] < options.down_weight_ratio;
    reviewer.uniform_scorer = uniform[r];
  }
  return result;
}

GradeConfidence ConfidenceFromSpread(double spread, double max_level) {
  if (std::isnan(spread)) return GradeConfidence::kLow;
  if (!(max_level > 0)) {
    return spread <= 0 ? GradeConfidence::kHigh : GradeConfidence::kLow;
  }
  const double relative = spread / max_level;
  if (relative <= 0.25) return GradeConfidence::kHigh;
  if (relative <= 0.5) return GradeConfidence::kMedium;
  return GradeConfidence::kLow;
}

}  // namespace marginalia::server::review
