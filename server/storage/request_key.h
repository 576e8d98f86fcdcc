// The idempotency key of a write as the store keeps it. The store scopes
// the key to the record's caller and target (comment: author and
// submission; review: reviewer and task; submission: SubmissionRequestKey),
// so the same request_id from anyone else, or for another target, is
// another request.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/util/quote.h"

namespace marginalia::server {

struct RequestKey {
  // Empty: no key; the write is always stored.
  std::string request_id;
  // Tells a retry (same fingerprint: the first record is returned) from
  // the key reused for another request (ALREADY_EXISTS). See
  // core/idempotency.h.
  std::string fingerprint;
};

// ALREADY_EXISTS for `request_id` reused for a different `what` ("text",
// "comment on this submission"). Quotes a short prefix of the key and
// nothing of the stored record.
inline absl::Status ReusedRequestIdError(absl::string_view request_id,
                                         absl::string_view what) {
  return absl::AlreadyExistsError(absl::StrCat(
      "request_id ", QuotePrefix(request_id),
      " was already used for a different ", what, "; use a new request_id"));
}

}  // namespace marginalia::server
