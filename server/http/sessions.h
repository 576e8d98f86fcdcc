// Browser sessions of the HTTP front: a random 256-bit session id (held in
// the browser's HttpOnly cookie) mapped, in memory only, to the API token
// it stands for and a CSRF token the page repeats in a header. Sessions
// expire after a quiet spell and after a fixed lifetime, and are lost when
// the server restarts (the browser signs in again). Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/util/clock.h"

namespace marginalia::server::http {

struct SessionOptions {
  // A session unused this long ends. Default: 2 hours.
  absl::Duration idle_timeout = absl::Hours(2);
  // A session ends this long after sign-in however it is used. Default: 12
  // hours.
  absl::Duration lifetime = absl::Hours(12);
  // Sessions held at once; beyond it, expired ones are dropped, and if none
  // has expired, signing in is refused (RESOURCE_EXHAUSTED). Default:
  // 10,000.
  std::size_t max_sessions = 10000;
};

// What a new session hands the browser.
struct NewSession {
  std::string id;    // for the cookie only
  std::string csrf;  // for the page, repeated in the CSRF header
};

// The live sessions. Thread-safe.
class SessionStore {
 public:
  // `clock` must outlive the store.
  SessionStore(Clock* clock, SessionOptions options = {});

  // A new session for `token` (already checked by the caller): fresh random
  // id and CSRF token, 64 hex digits each. RESOURCE_EXHAUSTED when full.
  absl::StatusOr<NewSession> Create(std::string token);

  // The session's API token and CSRF token, refreshing its idle timer;
  // nullopt for an unknown or expired id.
  struct Found {
    std::string token;
    std::string csrf;
  };
  std::optional<Found> Find(absl::string_view id);

  // Ends the session (signing out); nothing for an unknown id.
  void Remove(absl::string_view id);

  // True when `given` is the session's CSRF token (constant-time compare).
  static bool CsrfMatches(absl::string_view expected, absl::string_view given);

 private:
  struct Session {
    std::string token;
    std::string csrf;
    absl::Time created;
    absl::Time last_used;
  };
  bool Expired(const Session& session, absl::Time now) const;
  void DropExpired(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  Clock* clock_;
  SessionOptions options_;
  absl::Mutex mutex_;
  absl::flat_hash_map<std::string, Session> sessions_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace marginalia::server::http
