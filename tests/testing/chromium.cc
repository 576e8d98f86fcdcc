#include "tests/testing/chromium.h"

#include <unistd.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::testing {
namespace {

constexpr char kChromium[] = "/usr/bin/chromium";

// The flags that work on a machine without network or GPU: no sandbox (we
// run as root), no background connections, a fresh profile each time.
absl::StatusOr<ProcessResult> RunChromium(std::vector<std::string> flags,
                                          const std::string& html_path) {
  if (access(kChromium, X_OK) != 0) {
    return absl::FailedPreconditionError(
        "chromium is not installed; scripts/install-deps --test installs it");
  }
  TempDir profile;
  std::vector<std::string> argv = {
      "/usr/bin/timeout",
      "120",
      kChromium,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--hide-scrollbars",
      absl::StrCat("--user-data-dir=", profile.path())};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.push_back(absl::StrCat("file://", html_path));
  ProcessResult result = RunProcess(argv);
  if (result.exit_code != 0) {
    return absl::InternalError(absl::StrCat(
        "chromium exited with ", result.exit_code, ": ", result.err));
  }
  return result;
}

}  // namespace

absl::StatusOr<std::string> RenderDom(const std::string& html_path) {
  absl::StatusOr<ProcessResult> result = RunChromium({"--dump-dom"}, html_path);
  if (!result.ok()) return result.status();
  return result->out;
}

absl::Status Screenshot(const std::string& html_path,
                        const std::string& png_path, int width, int height) {
  unlink(png_path.c_str());
  absl::StatusOr<ProcessResult> result =
      RunChromium({absl::StrCat("--screenshot=", png_path),
                   absl::StrCat("--window-size=", width, ",", height)},
                  html_path);
  if (!result.ok()) return result.status();
  if (access(png_path.c_str(), R_OK) != 0) {
    return absl::InternalError(
        absl::StrCat("no screenshot at ", png_path, ": ", result->err));
  }
  return absl::OkStatus();
}

}  // namespace marginalia::testing
