// The audit actions (AuditEvent.action) of administrative changes, and the
// names events give their subjects. Each event names the actor, the time
// and the ids changed, never a secret. Declared here, below core, because
// the first start (bootstrap.h) records them too.
#pragma once

#include <string>

#include "absl/strings/str_cat.h"
#include "marginalia/v1/admin.pb.h"

namespace marginalia::server {

inline constexpr char kUserCreateAction[] = "user_create";
inline constexpr char kCourseCreateAction[] = "course_create";
inline constexpr char kEnrolAction[] = "enrolment";
inline constexpr char kTokenCreateAction[] = "token_create";
inline constexpr char kTokenRevokeAction[] = "token_revoke";

// The actor of what the server does on its own (the first administrator).
inline constexpr char kServerActor[] = "marginalia";

// A user as user_create events name them.
inline std::string UserAuditName(const marginalia::v1::User& user) {
  return absl::StrCat(user.id(), user.admin() ? " (administrator)" : "");
}

// A token as token events name it: by id and owner, never by secret.
inline std::string TokenAuditName(const marginalia::v1::Token& token) {
  return absl::StrCat(token.id(), " for ", token.user_id());
}

}  // namespace marginalia::server
