#include "client/output/cohort_html.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/output/html_escape.h"
#include "client/output/report_html.h"

namespace marginalia::client {
namespace {

constexpr int kBins = 10;
constexpr int kChartWidth = 420;
constexpr int kChartHeight = 160;
constexpr int kAxisHeight = 34;

std::string HistogramFor(const std::vector<double>& values, double max,
                         const std::string& title) {
  double high = max;
  for (double v : values) high = std::max(high, v);
  return SvgHistogram(MakeHistogram(values, 0, std::max(high, 1.0), kBins),
                      title);
}

std::string FindingsTable(const CohortStats& stats) {
  if (stats.findings.empty()) {
    return "<p class=\"empty\">No findings in any essay.</p>";
  }
  std::string html =
      "<table class=\"findings\"><tr><th>Essays</th><th>Times</th>"
      "<th>Code</th><th>What it means</th></tr>\n";
  for (const FindingFrequency& f : stats.findings) {
    absl::StrAppend(&html, "<tr><td>", f.essays, " of ", stats.essays,
                    "</td><td>", f.occurrences, "</td><td><code>",
                    HtmlEscape(f.code), "</code></td><td>",
                    HtmlEscape(f.description), "</td></tr>\n");
  }
  return html + "</table>";
}

std::string EssayRow(const CohortEssay& essay) {
  const marginalia::v1::Submission& s = essay.outcome.submission;
  std::string name = HtmlEscape(essay.outcome.author);
  if (!essay.page.empty()) {
    name =
        absl::StrCat("<a href=\"", HtmlEscape(essay.page), "\">", name, "</a>");
  }
  std::string score =
      s.id().empty()
          ? ""
          : absl::StrFormat("%.1f / %.1f", s.total_score(), s.max_score());
  return absl::StrCat(
      "<tr><td>", name, "</td><td>", HtmlEscape(essay.outcome.path),
      "</td><td>", StateName(essay.outcome.state), "</td><td>", score,
      "</td><td>", HtmlEscape(essay.outcome.reason), "</td></tr>\n");
}

}  // namespace

std::string SvgHistogram(const Histogram& histogram, const std::string& title) {
  int bins = static_cast<int>(histogram.bins.size());
  int tallest = std::max(
      1, *std::max_element(histogram.bins.begin(), histogram.bins.end()));
  double bar_width = static_cast<double>(kChartWidth) / bins;
  double bin_width = (histogram.high - histogram.low) / bins;
  std::string svg = absl::StrFormat(
      "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
      "height=\"%d\" role=\"img\" aria-label=\"%s\"><title>%s</title>\n",
      kChartWidth, kChartHeight + kAxisHeight, HtmlEscape(title),
      HtmlEscape(title));
  for (int i = 0; i < bins; ++i) {
    double height =
        static_cast<double>(histogram.bins[i]) * (kChartHeight - 14) / tallest;
    double x = i * bar_width;
    double y = kChartHeight - height;
    absl::StrAppend(
        &svg,
        absl::StrFormat("<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
                        "width=\"%.1f\" height=\"%.1f\" fill=\"#4a78b5\">"
                        "<title>%.1f-%.1f: %d</title></rect>",
                        x + 1, y, bar_width - 2, height,
                        histogram.low + i * bin_width,
                        histogram.low + (i + 1) * bin_width, histogram.bins[i]),
        absl::StrFormat("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
                        "%d</text>",
                        x + bar_width / 2, y - 3, histogram.bins[i]),
        absl::StrFormat("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                        "%.3g</text>\n",
                        x + bar_width / 2, kChartHeight + 14,
                        histogram.low + (i + 0.5) * bin_width));
  }
  absl::StrAppend(&svg,
                  absl::StrFormat("<line x1=\"0\" y1=\"%d\" x2=\"%d\" "
                                  "y2=\"%d\" stroke=\"#333\"/>",
                                  kChartHeight, kChartWidth, kChartHeight),
                  "</svg><figcaption>", HtmlEscape(title),
                  "</figcaption></figure>\n");
  return svg;
}

std::string RenderCohortHtml(const std::string& assignment,
                             const std::vector<CohortEssay>& essays,
                             const std::vector<std::size_t>& scored,
                             const CohortStats& stats) {
  std::string html = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Cohort: ",
      HtmlEscape(assignment), "</title><style>", PageStyle(),
      "figure{display:inline-block;margin:0 1.5rem 1rem 0}</style></head>\n"
      "<body><h1>Cohort: ",
      HtmlEscape(assignment), "</h1>\n",
      absl::StrFormat("<p class=\"meta\">%d essays, %d scored; mean total "
                      "%.1f, median %.1f, sd %.1f</p>\n",
                      essays.size(), stats.essays, stats.total.mean,
                      stats.total.median, stats.total.stdev));
  absl::StrAppend(&html, "<h2>Scores</h2>\n");
  if (stats.max_total > 0 || !stats.criteria.empty()) {
    absl::StrAppend(&html,
                    HistogramFor(stats.totals, stats.max_total, "Total score"));
    for (const CriterionStats& c : stats.criteria) {
      absl::StrAppend(&html, HistogramFor(c.scores, c.max_score,
                                          c.name.empty() ? c.id : c.name));
    }
  } else {
    absl::StrAppend(&html,
                    "<p class=\"empty\">No scores: the reports carry "
                    "statistics and the outline only.</p>\n");
  }
  if (stats.essays > 0) {
    absl::StrAppend(&html,
                    HistogramFor(stats.word_counts, 0, "Essay length (words)"));
  }
  absl::StrAppend(&html, "<h2>Findings across the cohort</h2>\n",
                  FindingsTable(stats));
  if (!stats.outliers.empty()) {
    absl::StrAppend(&html, "<h2>Outliers</h2><ul>");
    for (const Outlier& o : stats.outliers) {
      absl::StrAppend(
          &html, "<li>", HtmlEscape(essays[scored[o.essay]].outcome.author),
          absl::StrFormat(": %.1f (z = %+.1f)", o.total, o.z), "</li>");
    }
    absl::StrAppend(&html, "</ul>\n");
  }
  absl::StrAppend(&html,
                  "<h2>Essays</h2><table class=\"essays\"><tr><th>Author</th>"
                  "<th>File</th><th>Status</th><th>Score</th><th>Reason</th>"
                  "</tr>\n");
  for (const CohortEssay& essay : essays)
    absl::StrAppend(&html, EssayRow(essay));
  absl::StrAppend(&html, "</table></body></html>\n");
  return html;
}

}  // namespace marginalia::client
