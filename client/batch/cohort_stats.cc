#include "client/batch/cohort_stats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "rubrics/analysis/finding_catalog.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

// Outliers need a cohort big enough for a spread to mean something.
constexpr int kMinEssaysForOutliers = 5;
constexpr double kOutlierZ = 2.0;

std::vector<CriterionStats> CriterionColumns(
    const std::vector<const v1::FeedbackReport*>& reports) {
  std::vector<CriterionStats> criteria;
  std::map<std::string, std::size_t> index;
  for (const v1::FeedbackReport* report : reports) {
    for (const v1::CriterionScore& c : report->criteria()) {
      auto [it, inserted] = index.emplace(c.id(), criteria.size());
      if (inserted)
        criteria.push_back({c.id(), c.name(), c.max_score(), {}, {}});
      criteria[it->second].scores.push_back(c.score());
      criteria[it->second].max_score =
          std::max(criteria[it->second].max_score, c.max_score());
    }
  }
  for (CriterionStats& c : criteria) c.distribution = Describe(c.scores);
  return criteria;
}

std::vector<FindingFrequency> FindingFrequencies(
    const std::vector<const v1::FeedbackReport*>& reports) {
  std::map<std::string, FindingFrequency> by_code;
  for (const v1::FeedbackReport* report : reports) {
    std::set<std::string> seen;
    for (const v1::Finding& f : report->findings()) {
      FindingFrequency& entry = by_code[f.code()];
      if (entry.code.empty()) {
        entry.code = f.code();
        const rubrics::FindingKind* kind = rubrics::FindFindingKind(f.code());
        entry.description =
            kind != nullptr ? std::string(kind->plural) : f.message();
      }
      ++entry.occurrences;
      if (seen.insert(f.code()).second) ++entry.essays;
    }
  }
  std::vector<FindingFrequency> out;
  for (auto& [code, entry] : by_code) out.push_back(std::move(entry));
  std::stable_sort(out.begin(), out.end(),
                   [](const FindingFrequency& a, const FindingFrequency& b) {
                     return a.essays > b.essays;
                   });
  return out;
}

}  // namespace

Distribution Describe(std::vector<double> values) {
  Distribution d;
  d.count = static_cast<int>(values.size());
  if (values.empty()) return d;
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (double v : values) sum += v;
  d.mean = sum / values.size();
  std::size_t mid = values.size() / 2;
  d.median =
      values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  double squares = 0;
  for (double v : values) squares += (v - d.mean) * (v - d.mean);
  d.stdev = std::sqrt(squares / values.size());
  d.min = values.front();
  d.max = values.back();
  return d;
}

Histogram MakeHistogram(const std::vector<double>& values, double low,
                        double high, int bins) {
  Histogram h{low, high, std::vector<int>(std::max(bins, 1), 0)};
  double width = (high - low) / h.bins.size();
  for (double v : values) {
    int bin = width > 0 ? static_cast<int>((v - low) / width) : 0;
    bin = std::clamp(bin, 0, static_cast<int>(h.bins.size()) - 1);
    ++h.bins[bin];
  }
  return h;
}

CohortStats ComputeCohortStats(
    const std::vector<const v1::FeedbackReport*>& reports) {
  CohortStats stats;
  stats.essays = static_cast<int>(reports.size());
  for (const v1::FeedbackReport* report : reports) {
    stats.word_counts.push_back(report->stats().words());
    stats.totals.push_back(report->total_score());
    stats.max_total = std::max(stats.max_total, report->max_score());
  }
  stats.total = Describe(stats.totals);
  stats.words = Describe(stats.word_counts);
  stats.criteria = CriterionColumns(reports);
  stats.findings = FindingFrequencies(reports);
  if (stats.essays >= kMinEssaysForOutliers && stats.total.stdev > 0) {
    for (std::size_t i = 0; i < stats.totals.size(); ++i) {
      double z = (stats.totals[i] - stats.total.mean) / stats.total.stdev;
      if (std::abs(z) >= kOutlierZ)
        stats.outliers.push_back({i, stats.totals[i], z});
    }
    std::sort(stats.outliers.begin(), stats.outliers.end(),
              [](const Outlier& a, const Outlier& b) {
                return std::abs(a.z) > std::abs(b.z);
              });
  }
  return stats;
}

}  // namespace marginalia::client
