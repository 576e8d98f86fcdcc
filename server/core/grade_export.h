// Gradebook export: final grades as CSV in layouts that Moodle's and
// Canvas's gradebook imports accept. A pure formatting function.
//
// EXPORT_FORMAT_MOODLE_CSV (Moodle "Import grades: CSV file"):
//   Username,Email address,Full name,<assignment title>
//   one row per student; on import map "Username" (or "Email address") to
//   the matching user field and the last column to the grade item.
// EXPORT_FORMAT_CANVAS_CSV (Canvas Gradebook "Import"):
//   Student,ID,SIS User ID,SIS Login ID,Section,<assignment title>
//   Points Possible,,,,,<max score>
//   one row per student; ID (Canvas's own number) is left empty, so Canvas
//   matches rows by SIS User ID / SIS Login ID, which hold the Marginalia
//   user id; Section holds the course id.
// EXPORT_FORMAT_CSV (plain):
//   student,submission_id,draft,<criterion ids...>,total,max_score,released,
//   latest_draft
//   `draft` is the draft whose grade the row carries (graded_drafts.h);
//   `latest_draft` the student's latest, which is newer when a tutor has
//   not graded it yet.
//
// All three: RFC 4180 (fields with a comma, quote or line break are quoted,
// quotes doubled), CRLF line ends, UTF-8, scores with two decimals, one row
// per enrolled student in user id order; a student with no submission has
// an empty grade.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "marginalia/v1/admin.pb.h"
#include "marginalia/v1/grade.pb.h"
#include "marginalia/v1/submission.pb.h"

namespace marginalia::server {

// One student, the draft whose grade the export carries, if any, and the
// number of their latest draft (0 when they have none).
struct ExportRow {
  marginalia::v1::User student;
  std::optional<marginalia::v1::Submission> submission;
  marginalia::v1::Grade grade;
  int latest_draft = 0;
};

struct ExportInput {
  marginalia::v1::Assignment assignment;
  // Criterion ids in rubric order (plain CSV columns).
  std::vector<std::string> criteria;
  double max_score = 0;
  std::vector<ExportRow> rows;
};

// The file in `format`. INVALID_ARGUMENT for an unspecified format.
absl::StatusOr<marginalia::v1::ExportGradesResponse> FormatGradeExport(
    const ExportInput& input, marginalia::v1::ExportFormat format);

// One CSV field, quoted when RFC 4180 requires it.
std::string CsvField(const std::string& value);

}  // namespace marginalia::server
