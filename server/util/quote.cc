#include "server/util/quote.h"

#include "absl/strings/str_cat.h"

namespace marginalia::server {

std::string QuotePrefix(absl::string_view value, std::size_t max_bytes) {
  if (value.size() <= max_bytes) return absl::StrCat("'", value, "'");
  std::size_t end = max_bytes;
  // Back up over UTF-8 continuation bytes (10xxxxxx).
  while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) {
    --end;
  }
  return absl::StrCat("'", value.substr(0, end), "...'");
}

absl::Status NoSuchId(absl::string_view what, absl::string_view id) {
  return absl::NotFoundError(
      absl::StrCat("no ", what, " with id ", QuotePrefix(id)));
}

absl::Status NoSuchRubric(absl::string_view id, int version) {
  return absl::NotFoundError(absl::StrCat(
      "no rubric ", QuotePrefix(id),
      version > 0 ? absl::StrCat(" version ", version) : std::string()));
}

}  // namespace marginalia::server
