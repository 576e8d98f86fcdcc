#include "server/auth/tokens.h"

#include <openssl/rand.h>

#include <array>

#include "absl/strings/escaping.h"
#include "common/status_macros.h"
#include "rubrics/document/normalize.h"
#include "server/util/time_util.h"

namespace marginalia::server {

absl::StatusOr<std::string> NewTokenSecret() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return absl::InternalError("the system's random source failed");
  }
  return absl::BytesToHexString(absl::string_view(
      reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string HashTokenSecret(absl::string_view secret) {
  return rubrics::Sha256Hex(secret);
}

absl::StatusOr<IssuedToken> MakeToken(absl::string_view user_id,
                                      absl::string_view label, Clock& clock,
                                      IdGenerator& ids) {
  IssuedToken issued;
  ASSIGN_OR_RETURN(issued.secret, NewTokenSecret());
  marginalia::v1::Token& token = issued.record.token;
  token.set_id(ids.NewId("tok"));
  token.set_user_id(std::string(user_id));
  token.set_label(std::string(label));
  *token.mutable_create_time() = ToTimestamp(clock.Now());
  issued.record.secret_sha256 = HashTokenSecret(issued.secret);
  return issued;
}

}  // namespace marginalia::server
