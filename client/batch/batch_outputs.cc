#include "client/batch/batch_outputs.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "client/output/cohort_html.h"
#include "client/output/report_html.h"
#include "client/output/results_table.h"

namespace marginalia::client {

absl::Status CheckResultsPath(const std::string& path) {
  std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".csv") || absl::EndsWith(lower, ".json")) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("--out ", path, ": the file must end in .csv or .json"));
}

absl::Status WriteTextFile(const std::string& path,
                           const std::string& contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  out.close();
  if (!out) {
    return absl::UnavailableError(
        absl::StrCat("cannot write ", path, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

absl::Status WriteResults(const std::string& path,
                          const std::vector<CohortEssay>& essays) {
  bool json = absl::EndsWith(absl::AsciiStrToLower(path), ".json");
  return WriteTextFile(path, json ? ResultsJson(essays) : ResultsCsv(essays));
}

absl::Status WriteHtmlPages(const std::string& folder,
                            const std::string& assignment,
                            std::vector<CohortEssay>* essays,
                            const std::vector<std::size_t>& scored,
                            const CohortStats& stats) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("cannot create ", folder, ": ", error.message()));
  }
  for (CohortEssay& essay : *essays) {
    if (!essay.has_feedback) continue;
    essay.page = absl::StrCat(essay.outcome.submission.id(), ".html");
    absl::Status written = WriteTextFile(
        absl::StrCat(folder, "/", essay.page),
        RenderEssayHtml(essay.feedback, essay.text, {"index.html"}));
    if (!written.ok()) return written;
  }
  return WriteTextFile(absl::StrCat(folder, "/index.html"),
                       RenderCohortHtml(assignment, *essays, scored, stats));
}

}  // namespace marginalia::client
