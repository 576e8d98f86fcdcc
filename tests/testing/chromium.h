// Renders local HTML files in headless Chromium (Debian's chromium package,
// installed by scripts/test), as a reader's browser would, for tests that
// check what is on screen.
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace marginalia::testing {

// The DOM Chromium built from the page at `html_path`, serialised after
// loading. FAILED_PRECONDITION when chromium is not installed; INTERNAL
// with its output when it fails.
absl::StatusOr<std::string> RenderDom(const std::string& html_path);

// Saves a `width` x `height` screenshot of the page as PNG at `png_path`.
absl::Status Screenshot(const std::string& html_path,
                        const std::string& png_path, int width, int height);

}  // namespace marginalia::testing
