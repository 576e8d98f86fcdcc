#include "server/http/api_routes.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/http/http_names.h"
#include "server/http/http_status.h"
#include "server/http/web_assets.h"

namespace marginalia::server::http {
namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

// Longer API paths cannot name a method (names are at most 128 bytes), and
// are refused before the route's pattern looks at them.
constexpr std::size_t kMaxApiPath = 300;

void ReplyJson(Response& response, int status, std::string body) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(std::move(body), std::string(kJsonContentType));
}

void ReplyError(Response& response, const absl::Status& status) {
  ReplyJson(response, HttpStatusFor(status.code()), ErrorJson(status));
}

std::string Header(const Request& request, absl::string_view name) {
  return request.get_header_value(std::string(name));
}

// "ipv4:IP:PORT" or "ipv6:[IP]:PORT", as gRPC names peers.
std::string PeerOf(const Request& request) {
  if (request.remote_addr.empty()) return "";
  bool v6 = absl::StrContains(request.remote_addr, ':');
  return v6 ? absl::StrCat("ipv6:[", request.remote_addr,
                           "]:", request.remote_port)
            : absl::StrCat("ipv4:", request.remote_addr, ":",
                           request.remote_port);
}

// POST bodies must be declared JSON: a cross-site HTML form cannot send
// that type, so no form can post to the API behind the page's back.
absl::Status RequireJson(const Request& request) {
  std::string header = Header(request, "Content-Type");
  std::string lowered = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(absl::string_view(header).substr(0, 64)));
  if (lowered == kJsonContentType ||
      absl::StartsWith(lowered, absl::StrCat(kJsonContentType, ";"))) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "the body must be sent as Content-Type: ", kJsonContentType));
}

// The value of cookie `name` in the Cookie header, or "".
std::string CookieValue(const Request& request, absl::string_view name) {
  std::string header = Header(request, "Cookie");
  for (absl::string_view part : absl::StrSplit(header, ';')) {
    std::pair<absl::string_view, absl::string_view> pair = absl::StrSplit(
        absl::StripAsciiWhitespace(part), absl::MaxSplits('=', 1));
    if (pair.first == name) return std::string(pair.second);
  }
  return "";
}

// The "token" string of a sign-in body; a fixed message otherwise.
absl::StatusOr<std::string> TokenOf(const std::string& body) {
  google::protobuf::Struct parsed;
  const absl::Status bad = absl::InvalidArgumentError(
      "the body must be {\"token\": \"<API token>\"}");
  if (!google::protobuf::util::JsonStringToMessage(body, &parsed).ok()) {
    return bad;
  }
  auto token = parsed.fields().find("token");
  if (token == parsed.fields().end() || !token->second.has_string_value() ||
      token->second.string_value().empty()) {
    return bad;
  }
  return token->second.string_value();
}

// What signing in answers: the page's CSRF token and GetCurrentUser's
// answer. The token is hex, so it needs no escaping.
std::string SessionBody(const std::string& csrf, const std::string& current) {
  return absl::StrCat("{\"csrfToken\":\"", csrf, "\",\"currentUser\":", current,
                      "}");
}

// PERMISSION_DENIED unless the request repeats the session's CSRF token.
absl::Status CheckCsrf(const Request& request,
                       const SessionStore::Found& session) {
  if (SessionStore::CsrfMatches(session.csrf, Header(request, kCsrfHeader))) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat("a call made with the session cookie needs the session's "
                   "CSRF token in the ",
                   kCsrfHeader, " header"));
}

}  // namespace

ApiRoutes::ApiRoutes(const HttpOptions& options,
                     std::shared_ptr<grpc::Channel> channel, bool secure)
    : sessions_(&clock_, options.sessions),
      transcoder_(std::move(channel),
                  JsonTranscoder::Options{options.call_deadline}),
      secure_(secure) {}

void ApiRoutes::Register(httplib::Server& server) {
  server.set_pre_routing_handler(
      [this](const Request& request, Response& response) {
        return PreRoute(request, response);
      });
  server.Post(absl::StrCat(kApiPrefix, "([A-Za-z0-9_]+)/([A-Za-z0-9_]+)"),
              [this](const Request& request, Response& response) {
                CallApi(request, response);
              });
  const std::string session(kSessionPath);
  server.Post(session, [this](const Request& request, Response& response) {
    SignIn(request, response);
  });
  server.Get(session, [this](const Request& request, Response& response) {
    WhoIsSignedIn(request, response);
  });
  server.Delete(session, [this](const Request& request, Response& response) {
    SignOut(request, response);
  });
  // httplib's own refusals (unknown path, body too large, bad request) get
  // the same JSON body as ours; ours already have one.
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const Request&, Response& response) {
        if (!response.body.empty()) return HandlerResponse::Unhandled;
        absl::StatusCode code = absl::StatusCode::kInvalidArgument;
        std::string message = "bad request";
        if (response.status == 404) {
          code = absl::StatusCode::kNotFound;
          message = "no such page";
        } else if (response.status == 413) {
          code = absl::StatusCode::kResourceExhausted;
          message = "the request body is too large";
        }
        int status = response.status;
        ReplyJson(response, status, ErrorJson(absl::Status(code, message)));
        return HandlerResponse::Handled;
      }));
}

HandlerResponse ApiRoutes::PreRoute(const Request& request,
                                    Response& response) {
  if (absl::StartsWith(request.path, kApiPrefix)) {
    if (request.path.size() > kMaxApiPath) {
      ReplyError(response, JsonTranscoder::FindMethod("", "").status());
      return HandlerResponse::Handled;
    }
    if (request.method != "POST") {
      ReplyJson(response, 405,
                ErrorJson(absl::InvalidArgumentError(
                    "API methods are called with POST")));
      response.set_header("Allow", "POST");
      return HandlerResponse::Handled;
    }
    return HandlerResponse::Unhandled;
  }
  if (request.method == "GET" || request.method == "HEAD") {
    std::optional<WebAsset> asset = FindWebAsset(request.path);
    if (asset.has_value()) {
      response.status = 200;
      response.set_header("Cache-Control", "no-cache");
      response.set_content(std::string(asset->content),
                           std::string(asset->content_type));
      return HandlerResponse::Handled;
    }
  }
  return HandlerResponse::Unhandled;
}

absl::StatusOr<ApiRoutes::SessionRef> ApiRoutes::CookieSession(
    const Request& request) {
  SessionRef ref;
  ref.id = CookieValue(request, kSessionCookie);
  std::optional<SessionStore::Found> found =
      ref.id.empty() ? std::nullopt : sessions_.Find(ref.id);
  if (!found.has_value()) {
    return absl::UnauthenticatedError(
        "not signed in, or the session has ended; sign in again");
  }
  ref.session = *std::move(found);
  return ref;
}

absl::StatusOr<CallerIdentity> ApiRoutes::Identify(const Request& request) {
  CallerIdentity caller;
  caller.peer = PeerOf(request);
  if (request.has_header(std::string(kAuthorizationHeader))) {
    // Scripts: the bearer token as gRPC takes it; no cookie, no CSRF.
    caller.authorization = Header(request, kAuthorizationHeader);
    return caller;
  }
  if (CookieValue(request, kSessionCookie).empty()) return caller;
  absl::StatusOr<SessionRef> ref = CookieSession(request);
  if (!ref.ok()) return ref.status();
  absl::Status csrf = CheckCsrf(request, ref->session);
  if (!csrf.ok()) return csrf;
  caller.authorization = absl::StrCat(kBearerPrefix, ref->session.token);
  return caller;
}

void ApiRoutes::CallApi(const Request& request, Response& response) {
  absl::Status json = RequireJson(request);
  if (!json.ok()) return ReplyError(response, json);
  absl::StatusOr<CallerIdentity> caller = Identify(request);
  if (!caller.ok()) return ReplyError(response, caller.status());
  absl::StatusOr<std::string> answer =
      transcoder_.Call(request.matches[1].str(), request.matches[2].str(),
                       request.body, *caller);
  if (!answer.ok()) return ReplyError(response, answer.status());
  ReplyJson(response, 200, *std::move(answer));
}

absl::StatusOr<std::string> ApiRoutes::CurrentUser(
    const CallerIdentity& caller) const {
  return transcoder_.Call("AdminService", "GetCurrentUser", "", caller);
}

std::string ApiRoutes::SessionCookie(const std::string& id, bool clear) const {
  return absl::StrCat(kSessionCookie, "=", clear ? "" : id,
                      "; Path=/; HttpOnly; SameSite=Strict",
                      secure_ ? "; Secure" : "", clear ? "; Max-Age=0" : "");
}

void ApiRoutes::SignIn(const Request& request, Response& response) {
  absl::Status json = RequireJson(request);
  if (!json.ok()) return ReplyError(response, json);
  absl::StatusOr<std::string> token = TokenOf(request.body);
  if (!token.ok()) return ReplyError(response, token.status());
  CallerIdentity caller{absl::StrCat(kBearerPrefix, *token), PeerOf(request)};
  absl::StatusOr<std::string> current = CurrentUser(caller);
  if (!current.ok()) return ReplyError(response, current.status());
  absl::StatusOr<NewSession> session = sessions_.Create(*std::move(token));
  if (!session.ok()) return ReplyError(response, session.status());
  response.set_header("Set-Cookie", SessionCookie(session->id, false));
  ReplyJson(response, 200, SessionBody(session->csrf, *current));
}

void ApiRoutes::WhoIsSignedIn(const Request& request, Response& response) {
  absl::StatusOr<SessionRef> ref = CookieSession(request);
  if (!ref.ok()) return ReplyError(response, ref.status());
  CallerIdentity caller{absl::StrCat(kBearerPrefix, ref->session.token),
                        PeerOf(request)};
  absl::StatusOr<std::string> current = CurrentUser(caller);
  if (!current.ok()) return ReplyError(response, current.status());
  ReplyJson(response, 200, SessionBody(ref->session.csrf, *current));
}

void ApiRoutes::SignOut(const Request& request, Response& response) {
  absl::StatusOr<SessionRef> ref = CookieSession(request);
  if (ref.ok()) {
    absl::Status csrf = CheckCsrf(request, ref->session);
    if (!csrf.ok()) return ReplyError(response, csrf);
    sessions_.Remove(ref->id);
  }
  response.set_header("Set-Cookie", SessionCookie("", true));
  ReplyJson(response, 200, "{}");
}

}  // namespace marginalia::server::http
