// The one place where a status meets HTTP: which HTTP status a canonical
// code is answered with, and the JSON error body {"code", "message"}.
// Stateless; thread-safe.
#pragma once

#include <string>

#include "absl/status/status.h"

namespace marginalia::server::http {

// The HTTP status for `code`: OK 200; INVALID_ARGUMENT, FAILED_PRECONDITION
// and OUT_OF_RANGE 400; UNAUTHENTICATED 401; PERMISSION_DENIED 403;
// NOT_FOUND 404; ALREADY_EXISTS and ABORTED 409; RESOURCE_EXHAUSTED 429;
// CANCELLED 499; UNIMPLEMENTED 501; UNAVAILABLE 503; DEADLINE_EXCEEDED 504;
// anything else 500.
int HttpStatusFor(absl::StatusCode code);

// {"code":"NOT_FOUND","message":"..."} for a non-OK `status`; the code is
// the canonical name, the message the status's own (which never holds SQL
// or internals: the gRPC layer has already replaced those).
std::string ErrorJson(const absl::Status& status);

}  // namespace marginalia::server::http
