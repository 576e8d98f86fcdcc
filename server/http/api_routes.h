// The HTTP front's routes: the transcoded API and the session endpoints,
// and how a request's caller is identified (bearer header, or session
// cookie plus CSRF header). See http_front.h for the routes' contract.
// Thread-safe: the sessions lock themselves, the rest is immutable.
#pragma once

#include <grpcpp/channel.h>
#include <httplib.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "server/http/http_options.h"
#include "server/http/sessions.h"
#include "server/http/transcoder.h"
#include "server/util/clock.h"

namespace marginalia::server::http {

// Routes of the JSON API and the browser sessions. Thread-safe.
class ApiRoutes {
 public:
  // `secure`: served over TLS, so the cookie is marked Secure.
  ApiRoutes(const HttpOptions& options, std::shared_ptr<grpc::Channel> channel,
            bool secure);

  // Adds the routes, the pre-routing checks and the JSON error handler.
  void Register(httplib::Server& server);

 private:
  // Before the body is read: refuses what no API route serves (wrong
  // method, overlong path), and serves the web app's files.
  httplib::Server::HandlerResponse PreRoute(const httplib::Request& request,
                                            httplib::Response& response);
  void CallApi(const httplib::Request& request, httplib::Response& response);
  void SignIn(const httplib::Request& request, httplib::Response& response);
  void WhoIsSignedIn(const httplib::Request& request,
                     httplib::Response& response);
  void SignOut(const httplib::Request& request, httplib::Response& response);

  // The caller of an API call: its bearer header, or its session's token
  // when the CSRF header matches. UNAUTHENTICATED for an ended session,
  // PERMISSION_DENIED for a missing or wrong CSRF token.
  absl::StatusOr<CallerIdentity> Identify(const httplib::Request& request);
  // The session named by the request's cookie, with its id.
  struct SessionRef {
    std::string id;
    SessionStore::Found session;
  };
  absl::StatusOr<SessionRef> CookieSession(const httplib::Request& request);
  // GetCurrentUser's answer to `caller`, as JSON.
  absl::StatusOr<std::string> CurrentUser(const CallerIdentity& caller) const;
  std::string SessionCookie(const std::string& id, bool clear) const;

  RealClock clock_;
  SessionStore sessions_;
  JsonTranscoder transcoder_;
  bool secure_;
};

}  // namespace marginalia::server::http
