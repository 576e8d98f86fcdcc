// The .docx reader on raw bytes: a zip container, its document.xml and the
// XML inside it, all untrusted.
#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "client/input/docx_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  (void)marginalia::client::ReadDocxBytes(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
