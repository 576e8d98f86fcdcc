// Escaping text for HTML pages the CLI writes. Pure; thread-safe.
#pragma once

#include <string>

#include "absl/strings/string_view.h"

namespace marginalia::client {

// `text` with &, <, >, " and ' replaced by character references, safe both
// as element content and inside a quoted attribute value.
std::string HtmlEscape(absl::string_view text);

}  // namespace marginalia::client
