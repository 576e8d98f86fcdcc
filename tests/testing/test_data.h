// Where tests find their data and the built binaries.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace marginalia::testing {

// tests/data/<name>.
std::string TestDataPath(absl::string_view name);
// ../shared/<relative> (the corpora and the sample), beside the checkout.
std::string SharedPath(absl::string_view relative);
// <build>/bin/<name>.
std::string BinaryPath(absl::string_view name);
// <build>/test-artefacts/<name>, for files a test keeps for people to look
// at (screenshots); the folder is created if missing.
std::string ArtefactPath(absl::string_view name);

// The whole file, or NOT_FOUND.
absl::StatusOr<std::string> ReadFile(const std::string& path);
// Reads tests/data/<name>; aborts the test binary if it is missing, since
// every test that asks for it needs it.
std::string ReadTestData(absl::string_view name);

// The sample essay the product is built around.
inline std::string SampleEssay() {
  return ReadTestData("soviet-model-essay.txt");
}

}  // namespace marginalia::testing
