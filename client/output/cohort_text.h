// The cohort summary a batch prints on the terminal: counts, the total and
// each criterion's mean, median and spread, a histogram of totals, the most
// frequent findings and the outliers. Pure; thread-safe.
#pragma once

#include <ostream>
#include <vector>

#include "client/batch/cohort.h"
#include "client/batch/cohort_stats.h"

namespace marginalia::client {

// `stats` must have been computed from the reports of `essays` that have
// feedback, in order (`scored[i]` is the essay of report i).
void PrintCohortSummary(const std::vector<CohortEssay>& essays,
                        const std::vector<std::size_t>& scored,
                        const CohortStats& stats, std::ostream& out);

}  // namespace marginalia::client
