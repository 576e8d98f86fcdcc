// Reading whole sets of an assignment's submissions through the paged store.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/submission.pb.h"
#include "server/storage/store.h"

namespace marginalia::server {

// Every submission (every draft) of the assignment, in submission order.
absl::StatusOr<std::vector<marginalia::v1::Submission>> AllSubmissions(
    Store& store, absl::string_view assignment_id);

// Each author's latest draft, in the order of the authors' first
// submissions.
std::vector<marginalia::v1::Submission> LatestDrafts(
    const std::vector<marginalia::v1::Submission>& all);

}  // namespace marginalia::server
