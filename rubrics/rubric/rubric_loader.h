// Parses and validates rubrics written in Protobuf text format.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/rubric.pb.h"
#include "rubrics/rubric/compiled_rubric.h"

namespace marginalia::rubrics {

// The outcome of checking a rubric: every problem found, each as
// "file:line: what is wrong" (1-based lines), and the compiled rubric when
// there were none.
struct RubricValidation {
  std::vector<std::string> errors;
  std::shared_ptr<const CompiledRubric> rubric;

  bool ok() const { return errors.empty(); }
};

// Parses `text` (Protobuf text format of marginalia.v1.Rubric) and checks it.
// `file_name` prefixes every error. Never fails outright: syntax and semantic
// errors are all reported in the result.
RubricValidation ValidateRubricText(absl::string_view text,
                                    absl::string_view file_name,
                                    int version = 0);

// Checks an already-parsed rubric (errors carry no line numbers).
RubricValidation ValidateRubric(const marginalia::v1::Rubric& rubric,
                                absl::string_view name);

// Like ValidateRubricText, but returns INVALID_ARGUMENT listing the errors.
// A positive `version` replaces the version written in the text (a stored
// rubric's version is the one the server assigned).
absl::StatusOr<std::shared_ptr<const CompiledRubric>> LoadRubricText(
    absl::string_view text, absl::string_view file_name, int version = 0);

// Reads and loads a rubric file. NOT_FOUND when it cannot be read.
absl::StatusOr<std::shared_ptr<const CompiledRubric>> LoadRubricFile(
    const std::string& path);

// The rubric as Protobuf text format, as a tutor would edit it.
std::string RubricToText(const marginalia::v1::Rubric& rubric);

}  // namespace marginalia::rubrics
