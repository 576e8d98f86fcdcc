// Whether an assignment still takes a student's drafts: the one place that
// decides it, for single submissions and batches alike. A tutor may lock an
// assignment after its due time and/or once a student's feedback is
// released (DraftLock in admin.proto); a student's extension reopens it for
// them until it ends. A draft is scored outside any lock, so the rule is
// applied twice: before scoring (so a locked assignment costs no scoring)
// and again in the transaction that stores the draft (DraftRuleAt), so that
// a lock or a release made meanwhile still holds. Thread-safe (holds
// nothing but a clock, which must be thread-safe).
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/storage/store.h"
#include "server/util/clock.h"

namespace marginalia::server {

// OK when the assignment takes a new draft from the author at `now`;
// FAILED_PRECONDITION saying why not and what a tutor can do otherwise.
absl::Status CheckDraftOpen(absl::string_view assignment_id,
                            const DraftFacts& facts, absl::Time now);

// Reads the facts from the store and applies CheckDraftOpen. Errors are the
// store's (NOT_FOUND for an unknown assignment), or CheckDraftOpen's.
absl::Status CheckDraftOpen(Store& store, absl::string_view assignment_id,
                            absl::string_view author, absl::Time now);

// CheckDraftOpen at the clock's time of storing, for NewSubmission's
// draft_rule. `clock` must outlive the rule.
DraftRule DraftRuleAt(std::string assignment_id, Clock* clock);

}  // namespace marginalia::server
