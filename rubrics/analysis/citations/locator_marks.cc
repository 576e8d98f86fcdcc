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
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (absl::ascii_isdigit(c)) {
      digits_.push_back(static_cast<uint32_t>(i));
      continue;
    }
    char lower = absl::ascii_tolower(c);
    if (lower == 'i' && absl::StartsWithIgnoreCase(text.substr(i), "ibid")) {
      ibids_.push_back(static_cast<uint32_t>(i));
    } else if (lower == 'n' &&
               (absl::StartsWithIgnoreCase(text.substr(i), "n.p") ||
                absl::StartsWithIgnoreCase(text.substr(i), "n.d"))) {
      no_data_.push_back(static_cast<uint32_t>(i));
    }
  }
}

bool LocatorMarks::AnyWithin(TextSpan span) const {
  return StartsWithin(digits_, 1, span) || StartsWithin(ibids_, 4, span) ||
         StartsWithin(no_data_, 3, span);
}

}  // namespace marginalia::rubrics
