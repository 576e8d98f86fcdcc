#include "server/http/sessions.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <utility>

#include "absl/strings/escaping.h"

namespace marginalia::server::http {
namespace {

constexpr int kRandomBytes = 32;  // 256 bits

// 64 hex digits from the system's cryptographic generator.
absl::StatusOr<std::string> RandomHex() {
  unsigned char bytes[kRandomBytes];
  if (RAND_bytes(bytes, kRandomBytes) != 1) {
    return absl::UnavailableError("no random bytes for a session");
  }
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), kRandomBytes));
}

}  // namespace

SessionStore::SessionStore(Clock* clock, SessionOptions options)
    : clock_(clock), options_(options) {}

bool SessionStore::Expired(const Session& session, absl::Time now) const {
  return now - session.last_used >= options_.idle_timeout ||
         now - session.created >= options_.lifetime;
}

void SessionStore::DropExpired(absl::Time now) {
  absl::erase_if(sessions_,
                 [&](const auto& entry) { return Expired(entry.second, now); });
}

absl::StatusOr<NewSession> SessionStore::Create(std::string token) {
  NewSession created;
  absl::StatusOr<std::string> id = RandomHex();
  absl::StatusOr<std::string> csrf = RandomHex();
  if (!id.ok()) return id.status();
  if (!csrf.ok()) return csrf.status();
  created.id = *std::move(id);
  created.csrf = *std::move(csrf);
  absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  if (sessions_.size() >= options_.max_sessions) DropExpired(now);
  if (sessions_.size() >= options_.max_sessions) {
    return absl::ResourceExhaustedError(
        "too many browser sessions; sign in again in a few minutes");
  }
  sessions_[created.id] = Session{std::move(token), created.csrf, now, now};
  return created;
}

std::optional<SessionStore::Found> SessionStore::Find(absl::string_view id) {
  absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  auto found = sessions_.find(id);
  if (found == sessions_.end()) return std::nullopt;
  if (Expired(found->second, now)) {
    sessions_.erase(found);
    return std::nullopt;
  }
  found->second.last_used = now;
  return Found{found->second.token, found->second.csrf};
}

void SessionStore::Remove(absl::string_view id) {
  absl::MutexLock lock(&mutex_);
  sessions_.erase(id);
}

bool SessionStore::CsrfMatches(absl::string_view expected,
                               absl::string_view given) {
  return !expected.empty() && expected.size() == given.size() &&
         CRYPTO_memcmp(expected.data(), given.data(), given.size()) == 0;
}

}  // namespace marginalia::server::http
