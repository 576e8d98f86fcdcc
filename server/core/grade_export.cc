#include "server/core/grade_export.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

constexpr char kLineEnd[] = "\r\n";

std::string Score(double value) { return absl::StrFormat("%.2f", value); }

std::string Line(const std::vector<std::string>& fields) {
  std::vector<std::string> quoted;
  quoted.reserve(fields.size());
  for (const std::string& field : fields) quoted.push_back(CsvField(field));
  return absl::StrCat(absl::StrJoin(quoted, ","), kLineEnd);
}

std::string GradeCell(const ExportRow& row) {
  return row.submission.has_value() ? Score(row.grade.total()) : "";
}

std::string ItemName(const v1::Assignment& assignment) {
  return assignment.title().empty() ? assignment.id() : assignment.title();
}

std::string Moodle(const ExportInput& in) {
  std::string out =
      Line({"Username", "Email address", "Full name", ItemName(in.assignment)});
  for (const ExportRow& row : in.rows) {
    out += Line({row.student.id(), row.student.email(),
                 row.student.display_name(), GradeCell(row)});
  }
  return out;
}

std::string Canvas(const ExportInput& in) {
  std::string out = Line({"Student", "ID", "SIS User ID", "SIS Login ID",
                          "Section", ItemName(in.assignment)});
  out += Line({"Points Possible", "", "", "", "", Score(in.max_score)});
  for (const ExportRow& row : in.rows) {
    std::string name = row.student.display_name().empty()
                           ? row.student.id()
                           : row.student.display_name();
    out += Line({name, "", row.student.id(), row.student.id(),
                 in.assignment.course_id(), GradeCell(row)});
  }
  return out;
}

std::string Plain(const ExportInput& in) {
  std::vector<std::string> header = {"student", "submission_id", "draft"};
  header.insert(header.end(), in.criteria.begin(), in.criteria.end());
  header.insert(header.end(),
                {"total", "max_score", "released", "latest_draft"});
  std::string out = Line(header);
  for (const ExportRow& row : in.rows) {
    std::vector<std::string> fields = {row.student.id()};
    std::string latest =
        row.latest_draft > 0 ? absl::StrCat(row.latest_draft) : "";
    if (!row.submission.has_value()) {
      fields.resize(header.size());
      fields.back() = latest;
      out += Line(fields);
      continue;
    }
    fields.push_back(row.submission->id());
    fields.push_back(absl::StrCat(row.submission->draft()));
    for (const std::string& id : in.criteria) {
      auto it = std::find_if(
          row.grade.criteria().begin(), row.grade.criteria().end(),
          [&](const v1::CriterionGrade& g) { return g.criterion_id() == id; });
      fields.push_back(
          it == row.grade.criteria().end() ? "" : Score(it->effective_score()));
    }
    fields.push_back(Score(row.grade.total()));
    fields.push_back(Score(row.grade.max_score()));
    fields.push_back(row.grade.released() ? "yes" : "no");
    fields.push_back(latest);
    out += Line(fields);
  }
  return out;
}

}  // namespace

std::string CsvField(const std::string& value) {
  bool quote =
      value.find_first_of(",\"\r\n") != std::string::npos ||
      (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return value;
  return absl::StrCat("\"", absl::StrReplaceAll(value, {{"\"", "\"\""}}), "\"");
}

absl::StatusOr<v1::ExportGradesResponse> FormatGradeExport(
    const ExportInput& input, v1::ExportFormat format) {
  v1::ExportGradesResponse response;
  std::string suffix;
  switch (format) {
    case v1::EXPORT_FORMAT_MOODLE_CSV:
      response.set_content(Moodle(input));
      suffix = "moodle";
      break;
    case v1::EXPORT_FORMAT_CANVAS_CSV:
      response.set_content(Canvas(input));
      suffix = "canvas";
      break;
    case v1::EXPORT_FORMAT_CSV:
      response.set_content(Plain(input));
      suffix = "grades";
      break;
    default:
      return absl::InvalidArgumentError(
          "format is required: EXPORT_FORMAT_CSV, EXPORT_FORMAT_MOODLE_CSV or "
          "EXPORT_FORMAT_CANVAS_CSV");
  }
  response.set_file_name(
      absl::StrCat(input.assignment.id(), "-", suffix, ".csv"));
  response.set_rows(static_cast<int32_t>(input.rows.size()));
  return response;
}

}  // namespace marginalia::server
