// Turns the "authorization: Bearer <token>" metadata of a call into the
// user behind it, logging failures (never the token) and refusing a peer
// that fails too often. Thread-safe; holds no state beyond the store and
// the throttle.
#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/auth/authenticator_throttle.h"
#include "server/auth/caller.h"
#include "server/storage/directory_store.h"

namespace marginalia::server {

// Bearer token -> Caller, by the SHA-256 of the secret. Thread-safe.
class Authenticator {
 public:
  // `store` and `throttle` (null: no limit) must outlive the authenticator.
  explicit Authenticator(DirectoryStore* store,
                         AuthenticatorThrottle* throttle = nullptr)
      : store_(store), throttle_(throttle) {}

  // The caller named by `authorization` (the metadata value, empty when the
  // call had none), from `peer` (gRPC's peer string). UNAUTHENTICATED,
  // saying which, when it is missing, not "Bearer <token>", unknown or
  // revoked; RESOURCE_EXHAUSTED, before any lookup, when the peer's
  // address has failed too often lately.
  absl::StatusOr<Caller> Authenticate(absl::string_view authorization,
                                      absl::string_view peer = "") const;

  // Checks again a token that authenticated a call still open (a stream's
  // next item): UNAUTHENTICATED once it is revoked or its user is gone.
  // Not throttled, since the call was admitted already.
  absl::Status Recheck(absl::string_view authorization) const;

 private:
  absl::StatusOr<Caller> Lookup(absl::string_view authorization) const;

  DirectoryStore* store_;
  AuthenticatorThrottle* throttle_;
};

}  // namespace marginalia::server
