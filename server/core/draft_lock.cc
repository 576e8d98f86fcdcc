#include "server/core/draft_lock.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace marginalia::server {

absl::Status CheckDraftOpen(absl::string_view assignment_id,
                            const DraftFacts& facts, absl::Time now) {
  if (facts.extension_until.has_value() && now < *facts.extension_until) {
    return absl::OkStatus();
  }
  if (facts.lock.after_due() && facts.due_time.has_value() &&
      now > *facts.due_time) {
    return absl::FailedPreconditionError(
        absl::StrCat("assignment '", assignment_id,
                     "' is locked: its due time has passed; a tutor may "
                     "grant an extension"));
  }
  if (facts.lock.after_release() && facts.released_draft) {
    return absl::FailedPreconditionError(
        absl::StrCat("assignment '", assignment_id,
                     "' is locked: feedback on an earlier draft was "
                     "released; a tutor may grant an extension"));
  }
  return absl::OkStatus();
}

absl::Status CheckDraftOpen(Store& store, absl::string_view assignment_id,
                            absl::string_view author, absl::Time now) {
  ASSIGN_OR_RETURN(DraftFacts facts,
                   store.ReadDraftFacts(assignment_id, author));
  return CheckDraftOpen(assignment_id, facts, now);
}

DraftRule DraftRuleAt(std::string assignment_id, Clock* clock) {
  return [assignment_id = std::move(assignment_id),
          clock](const DraftFacts& facts) {
    return CheckDraftOpen(assignment_id, facts, clock->Now());
  };
}

}  // namespace marginalia::server
