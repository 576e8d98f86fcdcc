// Whether an assignment still takes a student's drafts: the one place that
// decides it, for single submissions and batches alike. A tutor may lock an
// assignment after its due time and/or once a student's feedback is
// released (DraftLock in admin.proto); a student's extension reopens it for
// them until it ends. Thread-safe (holds nothing).
#pragma once

#include <optional>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "marginalia/v1/admin.pb.h"
#include "server/storage/store.h"

namespace marginalia::server {

// The facts the rule decides from.
struct DraftFacts {
  // The author has a draft whose feedback was released.
  bool released_draft = false;
  // The end of the author's extension, if they have one.
  std::optional<absl::Time> extension_until;
};

// OK when the assignment takes a new draft from the author at `now`;
// FAILED_PRECONDITION saying why not and what a tutor can do otherwise.
absl::Status CheckDraftOpen(const marginalia::v1::Assignment& assignment,
                            const DraftFacts& facts, absl::Time now);

// Reads the facts from the store and applies CheckDraftOpen. Errors are the
// store's, or CheckDraftOpen's.
absl::Status CheckDraftOpen(Store& store,
                            const marginalia::v1::Assignment& assignment,
                            absl::string_view author, absl::Time now);

}  // namespace marginalia::server
