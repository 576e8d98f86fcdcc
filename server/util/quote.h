// Quoting client input in error messages: at most a short prefix, so that a
// message never carries a long (or someone else's) value back. Pure
// functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace marginalia::server {

// Longest prefix of client input an error message quotes.
inline constexpr std::size_t kQuotedPrefixBytes = 32;

// `value` in single quotes, cut to at most `max_bytes` bytes on a UTF-8
// character boundary and ending in "..." when cut: 'abc', 'abcdef...'.
std::string QuotePrefix(absl::string_view value,
                        std::size_t max_bytes = kQuotedPrefixBytes);

// NOT_FOUND "no <what> with id '<id>'", the id quoted by QuotePrefix. The
// store and the access policy both use it, so that a resource hidden from
// the caller reads exactly like a missing one.
absl::Status NoSuchId(absl::string_view what, absl::string_view id);

// NOT_FOUND "no rubric '<id>'" (with " version <n>" when `version` > 0): the
// store's answer for a missing rubric, and the catalogue's for one the
// caller may not see.
absl::Status NoSuchRubric(absl::string_view id, int version);

}  // namespace marginalia::server
