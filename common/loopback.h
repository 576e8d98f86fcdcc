// Whether a gRPC address stays on this machine, which decides whether a
// plaintext connection is acceptable by default (see the README, "TLS").
// Header-only, stateless, thread-safe.
#pragma once

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace marginalia {

// The host part of "host:port", "[v6]:port", "ipv4:host:port" or
// "dns:///host:port" (the forms gRPC accepts), without brackets.
inline absl::string_view TargetHost(absl::string_view target) {
  absl::ConsumePrefix(&target, "dns:///");
  absl::ConsumePrefix(&target, "ipv4:");
  absl::ConsumePrefix(&target, "ipv6:");
  if (absl::ConsumePrefix(&target, "[")) {
    return target.substr(0, target.find(']'));
  }
  std::size_t colon = target.rfind(':');
  // More than one colon without brackets: a bare IPv6 address, no port.
  if (colon != absl::string_view::npos && target.find(':') == colon) {
    target = target.substr(0, colon);
  }
  return target;
}

// True for localhost, 127.0.0.0/8, ::1 and Unix-domain sockets; false for
// every other address, including the wildcards 0.0.0.0 and ::, which
// listen on every interface.
inline bool IsLoopbackTarget(absl::string_view target) {
  if (absl::StartsWith(target, "unix:") ||
      absl::StartsWith(target, "unix-abstract:")) {
    return true;
  }
  absl::string_view host = TargetHost(target);
  if (absl::EqualsIgnoreCase(host, "localhost") || host == "::1") return true;
  std::vector<absl::string_view> octets = absl::StrSplit(host, '.');
  int first = 0;
  return octets.size() == 4 && absl::SimpleAtoi(octets[0], &first) &&
         first == 127;
}

}  // namespace marginalia
