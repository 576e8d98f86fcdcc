#include "client/output/results_table.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string JsonString(absl::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// A score as it reads best: no trailing zeros.
std::string Number(double value) { return absl::StrFormat("%g", value); }

std::vector<std::string> CriterionIds(const std::vector<CohortEssay>& essays) {
  std::vector<std::string> ids;
  for (const CohortEssay& essay : essays) {
    for (const v1::CriterionScore& c : essay.feedback.report().criteria()) {
      if (std::find(ids.begin(), ids.end(), c.id()) == ids.end()) {
        ids.push_back(c.id());
      }
    }
  }
  return ids;
}

std::map<std::string, double> Scores(const CohortEssay& essay) {
  std::map<std::string, double> scores;
  for (const v1::CriterionScore& c : essay.feedback.report().criteria()) {
    scores[c.id()] = c.score();
  }
  return scores;
}

const v1::Submission& SubmissionOf(const CohortEssay& essay) {
  return essay.outcome.submission;
}

}  // namespace

std::string ResultsCsv(const std::vector<CohortEssay>& essays) {
  std::vector<std::string> ids = CriterionIds(essays);
  std::vector<std::string> header = {"author", "file",  "submission_id",
                                     "status", "total", "max_score"};
  for (const std::string& id : ids) header.push_back(CsvField(id));
  header.push_back("findings");
  header.push_back("reason");
  std::string csv = absl::StrCat(absl::StrJoin(header, ","), "\n");
  for (const CohortEssay& essay : essays) {
    bool stored = !SubmissionOf(essay).id().empty();
    std::vector<std::string> row = {
        CsvField(essay.outcome.author),
        CsvField(essay.outcome.path),
        CsvField(SubmissionOf(essay).id()),
        StateName(essay.outcome.state),
        stored ? Number(SubmissionOf(essay).total_score()) : "",
        stored ? Number(SubmissionOf(essay).max_score()) : ""};
    std::map<std::string, double> scores = Scores(essay);
    for (const std::string& id : ids) {
      auto it = scores.find(id);
      row.push_back(it == scores.end() ? "" : Number(it->second));
    }
    row.push_back(
        CsvField(absl::StrJoin(FindingCodes(essay.feedback.report()), " ")));
    row.push_back(CsvField(essay.outcome.reason));
    absl::StrAppend(&csv, absl::StrJoin(row, ","), "\n");
  }
  return csv;
}

std::string ResultsJson(const std::vector<CohortEssay>& essays) {
  std::vector<std::string> rows;
  for (const CohortEssay& essay : essays) {
    bool stored = !SubmissionOf(essay).id().empty();
    std::vector<std::string> criteria;
    for (const v1::CriterionScore& c : essay.feedback.report().criteria()) {
      criteria.push_back(
          absl::StrCat(JsonString(c.id()), ": ", Number(c.score())));
    }
    std::vector<std::string> codes;
    for (const std::string& code : FindingCodes(essay.feedback.report())) {
      codes.push_back(JsonString(code));
    }
    rows.push_back(absl::StrCat(
        "  {\"author\": ", JsonString(essay.outcome.author),
        ", \"file\": ", JsonString(essay.outcome.path),
        ", \"submissionId\": ", JsonString(SubmissionOf(essay).id()),
        ", \"status\": ", JsonString(StateName(essay.outcome.state)),
        ", \"total\": ",
        stored ? Number(SubmissionOf(essay).total_score()) : "null",
        ", \"maxScore\": ",
        stored ? Number(SubmissionOf(essay).max_score()) : "null",
        ", \"criteria\": {", absl::StrJoin(criteria, ", "),
        "}, \"findings\": [", absl::StrJoin(codes, ", "),
        "], \"reason\": ", JsonString(essay.outcome.reason), "}"));
  }
  return absl::StrCat("[\n", absl::StrJoin(rows, ",\n"),
                      rows.empty() ? "" : "\n", "]\n");
}

}  // namespace marginalia::client
