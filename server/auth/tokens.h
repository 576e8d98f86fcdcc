// API tokens: 256 random bits from OpenSSL, shown once as hex; only their
// SHA-256 is stored.
#pragma once

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/admin.pb.h"
#include "server/storage/directory_store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

// 32 bytes from RAND_bytes as 64 lower-case hex digits. INTERNAL when the
// system's random source fails.
absl::StatusOr<std::string> NewTokenSecret();

// Lower-case hex SHA-256 of a secret: what the store keeps.
std::string HashTokenSecret(absl::string_view secret);

// A new token for `user_id`, not yet stored, and its secret.
struct IssuedToken {
  TokenRecord record;
  std::string secret;
};
absl::StatusOr<IssuedToken> MakeToken(absl::string_view user_id,
                                      absl::string_view label, Clock& clock,
                                      IdGenerator& ids);

}  // namespace marginalia::server
