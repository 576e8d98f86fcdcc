// Minimal timestamped logging to stderr (Debian's Abseil has no absl/log).
#pragma once

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace marginalia::server {

// Writes "<UTC time> <level> <message>" as one line to stderr. Thread-safe.
void LogLine(absl::string_view level, absl::string_view message);

template <typename... Args>
void LogInfo(const Args&... args) {
  LogLine("INFO", absl::StrCat(args...));
}

template <typename... Args>
void LogError(const Args&... args) {
  LogLine("ERROR", absl::StrCat(args...));
}

}  // namespace marginalia::server
