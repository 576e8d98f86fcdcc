#include "client/output/cohort_text.h"

#include <algorithm>

#include "absl/strings/str_format.h"

namespace marginalia::client {
namespace {

// Findings listed in the summary.
constexpr std::size_t kTopFindings = 10;
constexpr int kHistogramBins = 10;
constexpr int kBarWidth = 40;

void PrintDistributions(const CohortStats& stats, std::ostream& out) {
  out << absl::StrFormat("  %-30s %7s %7s %7s %13s\n", "", "mean", "median",
                         "sd", "range");
  auto row = [&out](const std::string& name, const Distribution& d,
                    double max) {
    out << absl::StrFormat("  %-30s %7.1f %7.1f %7.1f %5.1f-%-5.1f /%g\n",
                           name.substr(0, 30), d.mean, d.median, d.stdev, d.min,
                           d.max, max);
  };
  if (stats.max_total > 0 || !stats.criteria.empty()) {
    row("Total", stats.total, stats.max_total);
  }
  for (const CriterionStats& c : stats.criteria) {
    row(c.name.empty() ? c.id : c.name, c.distribution, c.max_score);
  }
  out << absl::StrFormat("  %-30s %7.0f %7.0f %7.0f %5.0f-%-5.0f\n", "Words",
                         stats.words.mean, stats.words.median,
                         stats.words.stdev, stats.words.min, stats.words.max);
  if (stats.max_total <= 0 && stats.criteria.empty()) {
    out << "  No scores: the reports carry statistics and the outline only.\n";
  }
}

void PrintHistogram(const CohortStats& stats, std::ostream& out) {
  double high = stats.max_total > 0 ? stats.max_total : stats.total.max;
  if (high <= 0) return;
  Histogram h = MakeHistogram(stats.totals, 0, high, kHistogramBins);
  int tallest = *std::max_element(h.bins.begin(), h.bins.end());
  out << "\nTotal scores\n";
  double width = (h.high - h.low) / h.bins.size();
  for (std::size_t i = 0; i < h.bins.size(); ++i) {
    int bar = tallest > 0 ? (h.bins[i] * kBarWidth + tallest - 1) / tallest : 0;
    out << absl::StrFormat("  %5.1f-%-5.1f %-*s %d\n", h.low + i * width,
                           h.low + (i + 1) * width, kBarWidth,
                           std::string(bar, '#'), h.bins[i]);
  }
}

void PrintFindings(const CohortStats& stats, std::ostream& out) {
  if (stats.findings.empty()) return;
  out << "\nMost frequent findings\n";
  for (std::size_t i = 0; i < std::min(kTopFindings, stats.findings.size());
       ++i) {
    const FindingFrequency& f = stats.findings[i];
    out << absl::StrFormat("  %3d of %d essays: %s (%s)\n", f.essays,
                           stats.essays, f.description, f.code);
  }
}

void PrintOutliers(const std::vector<CohortEssay>& essays,
                   const std::vector<std::size_t>& scored,
                   const CohortStats& stats, std::ostream& out) {
  if (stats.outliers.empty()) return;
  out << "\nOutliers (total 2 or more standard deviations from the mean)\n";
  for (const Outlier& o : stats.outliers) {
    const CohortEssay& essay = essays[scored[o.essay]];
    out << absl::StrFormat("  %-24s %6.1f  (z = %+.1f)  %s\n",
                           essay.outcome.author, o.total, o.z,
                           essay.outcome.path);
  }
}

}  // namespace

void PrintCohortSummary(const std::vector<CohortEssay>& essays,
                        const std::vector<std::size_t>& scored,
                        const CohortStats& stats, std::ostream& out) {
  if (stats.essays == 0) return;
  out << absl::StrFormat("\nCohort of %d scored essays\n", stats.essays);
  PrintDistributions(stats, out);
  PrintHistogram(stats, out);
  PrintFindings(stats, out);
  PrintOutliers(essays, scored, stats, out);
}

}  // namespace marginalia::client
