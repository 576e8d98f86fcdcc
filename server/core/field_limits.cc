#include "server/core/field_limits.h"

#include "absl/strings/str_cat.h"

namespace marginalia::server {

absl::Status CheckLength(absl::string_view field, absl::string_view value,
                         std::size_t limit) {
  if (value.size() <= limit) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      field, " is ", value.size(), " bytes; the limit is ", limit));
}

}  // namespace marginalia::server
