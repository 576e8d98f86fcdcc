// The HTTP front's stable strings: paths, header and cookie names, and the
// security headers every response carries. Declared once here; the server,
// the web app's scripts and the tests all spell them this way.
#pragma once

#include "absl/strings/string_view.h"

namespace marginalia::server::http {

// POST kApiPrefix + "{Service}/{Method}" calls marginalia.v1.{Service}.
inline constexpr absl::string_view kApiPrefix = "/api/v1/";
// The package whose services the transcoder serves.
inline constexpr absl::string_view kApiPackage = "marginalia.v1";
// POST signs in (body {"token": "..."}), GET says who is signed in,
// DELETE signs out.
inline constexpr absl::string_view kSessionPath = "/api/session";

// The cookie that holds the server-side session id.
inline constexpr absl::string_view kSessionCookie = "marginalia_session";
// The header a cookie-authenticated call repeats its CSRF token in.
inline constexpr absl::string_view kCsrfHeader = "X-CSRF-Token";
inline constexpr absl::string_view kAuthorizationHeader = "Authorization";
inline constexpr absl::string_view kBearerPrefix = "Bearer ";
inline constexpr absl::string_view kJsonContentType = "application/json";

// Sent with every response: no inline script, nothing from another origin,
// no framing, no MIME sniffing, no referrer.
inline constexpr absl::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
inline constexpr absl::string_view kCspHeader = "Content-Security-Policy";

}  // namespace marginalia::server::http
