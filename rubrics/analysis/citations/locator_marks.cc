#include "rubrics/analysis/citations/locator_marks.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace marginalia::rubrics {
namespace {

// True when an entry of `starts` begins at or after span.begin and its
// `length` bytes end by span.end.
bool StartsWithin(const std::vector<uint32_t>& starts, uint32_t length,
                  TextSpan span) {
  if (span.end < span.begin + length) return false;
  auto it = std::lower_bound(starts.begin(), starts.end(), span.begin);
  return it != starts.end() && *it + length <= span.end;
}

}  // namespace

LocatorMarks::LocatorMarks(absl::string_view text) {
  const std::size_t n = text.size();
  auto lower_at = [&](std::size_t i) {
    return i < n ? static_cast<char>(static_cast<unsigned char>(text[i]) | 0x20)
                 : '\0';
  };
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      digits_.push_back(static_cast<uint32_t>(i));
      continue;
    }
    // Most bytes are neither 'i' nor 'n': one comparison each.
    char lower = static_cast<char>(c | 0x20);
    if (lower == 'i' && lower_at(i + 1) == 'b' && lower_at(i + 2) == 'i' &&
        lower_at(i + 3) == 'd') {
      ibids_.push_back(static_cast<uint32_t>(i));
    } else if (lower == 'n' && i + 2 < n && text[i + 1] == '.' &&
               (lower_at(i + 2) == 'p' || lower_at(i + 2) == 'd')) {
      no_data_.push_back(static_cast<uint32_t>(i));
    }
  }
}

bool LocatorMarks::AnyWithin(TextSpan span) const {
  return StartsWithin(digits_, 1, span) || StartsWithin(ibids_, 4, span) ||
         StartsWithin(no_data_, 3, span);
}

}  // namespace marginalia::rubrics
