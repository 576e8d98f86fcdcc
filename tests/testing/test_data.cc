#include "tests/testing/test_data.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace marginalia::testing {

std::string TestDataPath(absl::string_view name) {
  return absl::StrCat(MARGINALIA_TEST_DATA_DIR, "/", name);
}

std::string SharedPath(absl::string_view relative) {
  return absl::StrCat(MARGINALIA_SHARED_DIR, "/", relative);
}

std::string BinaryPath(absl::string_view name) {
  return absl::StrCat(MARGINALIA_BIN_DIR, "/", name);
}

std::string ArtefactPath(absl::string_view name) {
  mkdir(MARGINALIA_ARTEFACT_DIR, 0755);
  return absl::StrCat(MARGINALIA_ARTEFACT_DIR, "/", name);
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string ReadTestData(absl::string_view name) {
  absl::StatusOr<std::string> data = ReadFile(TestDataPath(name));
  if (!data.ok()) {
    std::fprintf(stderr, "%s\n", data.status().ToString().c_str());
    std::abort();
  }
  return *std::move(data);
}

}  // namespace marginalia::testing
