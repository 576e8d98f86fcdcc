// First start: create the administrator and hand its token to whoever
// started the server, through a file only they can read.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "server/storage/directory_store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

// The user id of the administrator created on first start.
inline constexpr char kBootstrapAdminId[] = "admin";

// "<folder of db_path>/admin-token".
std::string DefaultAdminTokenPath(const std::string& db_path);

// When the store has no administrator: creates user "admin" and a token,
// writing the secret (and a newline) to `token_path` with mode 0600 before
// the user is stored. The file is created exclusively and never
// overwritten: FAILED_PRECONDITION naming it when it already exists. Returns
// whether an administrator was created; does nothing when one exists.
absl::StatusOr<bool> EnsureAdmin(DirectoryStore& store, Clock& clock,
                                 IdGenerator& ids,
                                 const std::string& token_path);

}  // namespace marginalia::server
