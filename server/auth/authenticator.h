// Turns the "authorization: Bearer <token>" metadata of a call into the
// user behind it. Thread-safe; holds no state beyond the store.
#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/auth/caller.h"
#include "server/storage/directory_store.h"

namespace marginalia::server {

// Bearer token -> Caller, by the SHA-256 of the secret. Thread-safe.
class Authenticator {
 public:
  // `store` must outlive the authenticator.
  explicit Authenticator(DirectoryStore* store) : store_(store) {}

  // The caller named by `authorization` (the metadata value, empty when the
  // call had none). UNAUTHENTICATED, saying which, when it is missing, not
  // "Bearer <token>", unknown or revoked.
  absl::StatusOr<Caller> Authenticate(absl::string_view authorization) const;

 private:
  DirectoryStore* store_;
};

}  // namespace marginalia::server
