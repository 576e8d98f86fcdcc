// Idempotency keys (the request_id of CreateSubmission, CreateComment and
// SubmitReview). A key is scoped to its caller and target (the store looks
// it up with both), so one user's key never finds another's row; the
// fingerprint tells a retry (same body: the first result is returned) from
// a key reused for another body (ALREADY_EXISTS). Pure functions;
// thread-safe. The store side (RequestKey, ReusedRequestIdError) is in
// server/storage/request_key.h.
#pragma once

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "server/storage/request_key.h"

namespace marginalia::server {

// Longest request_id accepted.
inline constexpr std::size_t kMaxRequestIdBytes = 128;

// INVALID_ARGUMENT naming the limit when `request_id` is too long.
absl::Status CheckRequestId(absl::string_view request_id);

// Hex SHA-256 of the deterministic serialisation of `request` with its
// `request_id` field cleared: equal for a retry of the same request.
std::string RequestFingerprint(const google::protobuf::Message& request);

}  // namespace marginalia::server
