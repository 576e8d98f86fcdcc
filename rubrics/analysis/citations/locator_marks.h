// Where the marks that make a bracket a locator stand in a document: ASCII
// digits and "ibid", "n.p", "n.d" in any case. Whether a span holds one is
// then a binary search, so that checking every bracket stays linear however
// deeply brackets nest. Immutable after construction; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

class LocatorMarks {
 public:
  // One pass over `text`.
  explicit LocatorMarks(absl::string_view text);

  // True when `span` holds a digit or the whole of "ibid", "n.p" or "n.d"
  // (ASCII case-insensitive): what lower-casing the span's text and
  // searching it would find.
  bool AnyWithin(TextSpan span) const;

 private:
  // Start offsets, ascending: of digits (one byte), of "ibid" (four) and of
  // "n.p" or "n.d" (three).
  std::vector<uint32_t> digits_;
  std::vector<uint32_t> ibids_;
  std::vector<uint32_t> no_data_;
};

}  // namespace marginalia::rubrics
