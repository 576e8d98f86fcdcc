#include "server/auth/authenticator.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "server/auth/tokens.h"

namespace marginalia::server {

absl::StatusOr<Caller> Authenticator::Authenticate(
    absl::string_view authorization) const {
  if (authorization.empty()) {
    return absl::UnauthenticatedError(
        "this call needs an API token: send 'authorization: Bearer <token>' "
        "(the CLI takes --token or MARGINALIA_TOKEN)");
  }
  absl::string_view secret = authorization;
  if (!absl::StartsWithIgnoreCase(secret, "Bearer ")) {
    return absl::UnauthenticatedError(
        "the authorization metadata must be 'Bearer <token>'");
  }
  secret = absl::StripAsciiWhitespace(secret.substr(7));
  if (secret.empty()) {
    return absl::UnauthenticatedError("the bearer token is empty");
  }
  ASSIGN_OR_RETURN(std::optional<marginalia::v1::Token> token,
                   store_->FindTokenBySecretHash(HashTokenSecret(secret)));
  if (!token.has_value()) {
    return absl::UnauthenticatedError("the API token is not valid");
  }
  if (token->revoked()) {
    return absl::UnauthenticatedError(
        absl::StrCat("the API token ", token->id(), " has been revoked"));
  }
  absl::StatusOr<marginalia::v1::User> user = store_->GetUser(token->user_id());
  if (absl::IsNotFound(user.status())) {
    return absl::UnauthenticatedError("the API token's user no longer exists");
  }
  RETURN_IF_ERROR(user.status());
  return Caller{*std::move(user)};
}

}  // namespace marginalia::server
