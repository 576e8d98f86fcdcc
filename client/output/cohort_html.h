// The cohort page of a batch: SVG histograms of the total and of each
// criterion, the table of frequent findings, outliers, and a row per essay
// linking to its page. Self-contained like the essay pages. Pure;
// thread-safe.
#pragma once

#include <string>
#include <vector>

#include "client/batch/cohort.h"
#include "client/batch/cohort_stats.h"

namespace marginalia::client {

// An inline <svg> bar chart of `histogram`, titled `title`.
std::string SvgHistogram(const Histogram& histogram, const std::string& title);

// `scored[i]` is the index in `essays` of the report stats were made from.
std::string RenderCohortHtml(const std::string& assignment,
                             const std::vector<CohortEssay>& essays,
                             const std::vector<std::size_t>& scored,
                             const CohortStats& stats);

}  // namespace marginalia::client
