// The gradebook of one assignment: every enrolled student with their
// latest draft's grade, formatted for export (grade_export.h). Thread-safe.
#pragma once

#include "absl/status/statusor.h"
#include "marginalia/v1/grade.pb.h"
#include "server/core/grading.h"
#include "server/storage/store.h"

namespace marginalia::server {

// Builds an assignment's export rows and formats them. Thread-safe.
class Gradebook {
 public:
  // Both must outlive this.
  Gradebook(Store* store, Grading* grading, RubricCatalog* rubrics)
      : store_(store), grading_(grading), rubrics_(rubrics) {}

  // INVALID_ARGUMENT for an unspecified format.
  absl::StatusOr<marginalia::v1::ExportGradesResponse> Export(
      const marginalia::v1::ExportGradesRequest& request);

 private:
  Store* store_;
  Grading* grading_;
  RubricCatalog* rubrics_;
};

}  // namespace marginalia::server
