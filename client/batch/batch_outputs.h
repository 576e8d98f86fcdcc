// Writes what a batch produced to files: the results table (CSV or JSON by
// the file's extension) and the HTML pages (one per scored essay plus the
// cohort page, index.html).
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "client/batch/cohort.h"
#include "client/batch/cohort_stats.h"

namespace marginalia::client {

// INVALID_ARGUMENT unless `path` ends in .csv or .json.
absl::Status CheckResultsPath(const std::string& path);

// Writes ResultsCsv or ResultsJson to `path`; the error names the file.
absl::Status WriteResults(const std::string& path,
                          const std::vector<CohortEssay>& essays);

// Creates `folder` if needed and writes <submission id>.html for each
// essay with feedback (setting its `page`) and index.html for the cohort.
absl::Status WriteHtmlPages(const std::string& folder,
                            const std::string& assignment,
                            std::vector<CohortEssay>* essays,
                            const std::vector<std::size_t>& scored,
                            const CohortStats& stats);

// Writes `contents` to `path`, replacing it; the error names the file.
absl::Status WriteTextFile(const std::string& path,
                           const std::string& contents);

}  // namespace marginalia::client
