#include "server/auth/authenticator.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "server/auth/tokens.h"
#include "server/util/log.h"

namespace marginalia::server {

absl::StatusOr<Caller> Authenticator::Authenticate(
    absl::string_view authorization, absl::string_view peer) const {
  if (throttle_ != nullptr) {
    absl::Status admitted = throttle_->Admit(peer);
    if (!admitted.ok()) return admitted;
  }
  absl::StatusOr<Caller> caller = Lookup(authorization);
  if (absl::IsUnauthenticated(caller.status())) {
    // The messages name a token by its id at most, never its secret.
    LogInfo("authentication failed from ", peer, ": ",
            caller.status().message());
    if (throttle_ != nullptr && throttle_->RecordFailure(peer)) {
      LogError("throttling ", AuthenticatorThrottle::PeerAddress(peer),
               ": too many failed authentications");
    }
  }
  return caller;
}

absl::Status Authenticator::Recheck(absl::string_view authorization) const {
  absl::Status status = Lookup(authorization).status();
  if (absl::IsUnauthenticated(status)) {
    LogInfo("an open call lost its authentication: ", status.message());
  }
  return status;
}

absl::StatusOr<Caller> Authenticator::Lookup(
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
