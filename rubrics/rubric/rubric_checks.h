// The semantic checks of a parsed rubric (ids, scales, rules, patterns).
#pragma once

#include <google/protobuf/text_format.h>

#include "absl/strings/string_view.h"
#include "marginalia/v1/rubric.pb.h"
#include "rubrics/rubric/rubric_loader.h"

namespace marginalia::rubrics {

// Checks `rubric`; `tree` (may be null) gives the line of each field for
// error messages. On success the result holds the compiled rubric, which
// keeps `source` (or, when empty, the rubric printed as text).
RubricValidation CheckRubric(
    marginalia::v1::Rubric rubric, absl::string_view file_name,
    const google::protobuf::TextFormat::ParseInfoTree* tree,
    absl::string_view source);

// True for a well-formed finding code ("citation.quote_without_page").
bool IsValidFindingCode(absl::string_view code);

}  // namespace marginalia::rubrics
