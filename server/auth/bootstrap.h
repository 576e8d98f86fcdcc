// First start: create the database and its administrator and hand the
// token to whoever started the server, through a file only they can read;
// atomically, so that a start killed half-way never leaves a server that
// refuses to start. Functions; thread-compatible (one start at a time).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/storage/directory_store.h"
#include "server/storage/store.h"
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

// Opens (creating the file when there is none) the store at a path.
using StoreOpener =
    std::function<absl::StatusOr<std::unique_ptr<Store>>(const std::string&)>;

// Called after each step of a first start with the step's name; tests end
// the process there, as a kill would.
using FirstStartHookForTest = std::function<void(absl::string_view step)>;

struct OpenedStore {
  std::unique_ptr<Store> store;
  // Whether this start created the administrator.
  bool created_admin = false;
};

// Opens the database at `db_path` with its administrator. On first start
// (no file at `db_path`) the database, with the administrator, and the
// token file are made beside their places ("<path>.first-start") and then
// renamed into place, the database first: a start killed at any point
// leaves either no database, and the next start begins again (removing
// what the killed one left), or a complete one whose token file the next
// start puts in place. A database without an administrator gets one as
// EnsureAdmin does. FAILED_PRECONDITION, before anything is made, when
// `token_path` exists but `db_path` does not (the file is never
// overwritten).
absl::StatusOr<OpenedStore> OpenWithAdmin(
    const std::string& db_path, const std::string& token_path,
    const StoreOpener& open, Clock& clock, IdGenerator& ids,
    const FirstStartHookForTest& hook = nullptr);

}  // namespace marginalia::server
