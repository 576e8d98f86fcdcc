#include "server/http/web_assets.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "web_assets_embedded.h"

namespace marginalia::server::http {
namespace {

constexpr absl::string_view kIndex = "index.html";

absl::string_view ContentType(absl::string_view name) {
  if (absl::EndsWith(name, ".html")) return "text/html; charset=utf-8";
  if (absl::EndsWith(name, ".js")) return "text/javascript; charset=utf-8";
  if (absl::EndsWith(name, ".css")) return "text/css; charset=utf-8";
  if (absl::EndsWith(name, ".svg")) return "image/svg+xml";
  if (absl::EndsWith(name, ".png")) return "image/png";
  return "application/octet-stream";
}

}  // namespace

std::optional<WebAsset> FindWebAsset(absl::string_view path) {
  if (!absl::ConsumePrefix(&path, "/")) return std::nullopt;
  if (path.empty()) path = kIndex;
  for (const auto& file : embedded::WebAssetFiles()) {
    if (path == file.name) {
      return WebAsset{absl::string_view(file.data, file.size),
                      ContentType(path)};
    }
  }
  return std::nullopt;
}

}  // namespace marginalia::server::http
