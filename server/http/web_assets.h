// The web app's files (web/), compiled into the binary so that it serves
// them from any folder and fetches nothing at run time. Immutable;
// thread-safe.
#pragma once

#include <optional>

#include "absl/strings/string_view.h"

namespace marginalia::server::http {

// One file of the web app.
struct WebAsset {
  absl::string_view content;
  absl::string_view content_type;
};

// The file served at `path`: "/" is index.html, "/NAME" the file NAME of
// web/; nullopt for anything else (no folders, no "..").
std::optional<WebAsset> FindWebAsset(absl::string_view path);

}  // namespace marginalia::server::http
