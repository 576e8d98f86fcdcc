#include "server/core/draft_lock.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

absl::Status CheckDraftOpen(const v1::Assignment& assignment,
                            const DraftFacts& facts, absl::Time now) {
  const v1::DraftLock& lock = assignment.draft_lock();
  if (facts.extension_until.has_value() && now < *facts.extension_until) {
    return absl::OkStatus();
  }
  if (lock.after_due() && assignment.has_due_time() &&
      now > absl::FromUnixMicros(TimestampToMicros(assignment.due_time()))) {
    return absl::FailedPreconditionError(
        absl::StrCat("assignment '", assignment.id(),
                     "' is locked: its due time has passed; a tutor may "
                     "grant an extension"));
  }
  if (lock.after_release() && facts.released_draft) {
    return absl::FailedPreconditionError(
        absl::StrCat("assignment '", assignment.id(),
                     "' is locked: feedback on an earlier draft was "
                     "released; a tutor may grant an extension"));
  }
  return absl::OkStatus();
}

absl::Status CheckDraftOpen(Store& store, const v1::Assignment& assignment,
                            absl::string_view author, absl::Time now) {
  const v1::DraftLock& lock = assignment.draft_lock();
  if (!lock.after_due() && !lock.after_release()) return absl::OkStatus();
  DraftFacts facts;
  if (lock.after_release()) {
    ASSIGN_OR_RETURN(facts.released_draft,
                     store.HasReleasedDraft(assignment.id(), author));
  }
  ASSIGN_OR_RETURN(std::optional<v1::Extension> extension,
                   store.GetExtension(assignment.id(), author));
  if (extension.has_value()) {
    facts.extension_until =
        absl::FromUnixMicros(TimestampToMicros(extension->until()));
  }
  return CheckDraftOpen(assignment, facts, now);
}

}  // namespace marginalia::server
