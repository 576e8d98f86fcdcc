// The gradebook of one assignment: every enrolled student with the grade of
// the draft a tutor graded (graded_drafts.h says which), formatted for
// export (grade_export.h). Thread-safe.
#pragma once

#include "absl/status/statusor.h"
#include "marginalia/v1/grade.pb.h"
#include "server/auth/caller.h"
#include "server/core/grading.h"
#include "server/storage/store.h"

namespace marginalia::server {

// Builds an assignment's export rows and formats them. Thread-safe.
class Gradebook {
 public:
  // Both must outlive this.
  Gradebook(Store* store, Grading* grading, RubricCatalog* rubrics)
      : store_(store), grading_(grading), rubrics_(rubrics) {}

  // INVALID_ARGUMENT for an unspecified format. Released grades only
  // unless request.include_unreleased; newer_drafts lists the students
  // whose latest draft is newer than the one exported.
  absl::StatusOr<marginalia::v1::ExportGradesResponse> Export(
      const Access& access, const marginalia::v1::ExportGradesRequest& request);

 private:
  Store* store_;
  Grading* grading_;
  RubricCatalog* rubrics_;
};

}  // namespace marginalia::server
