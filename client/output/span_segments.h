// Cuts a text into non-overlapping segments for highlighting: marks that
// nest or overlap become runs of segments, each listing the marks that
// cover it. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace marginalia::client {

// A byte range [begin, end) of the text to highlight, e.g. a finding's span.
struct MarkRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  int id = 0;
};

// A run of the text covered by the same marks, in order of `id`.
struct Segment {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<int> marks;
};

// Moves `offset` back to the start of the UTF-8 character it falls in, and
// clamps it to the text.
std::size_t FloorToCharBoundary(absl::string_view text, std::size_t offset);
// Moves `offset` forward to the end of the UTF-8 character it falls in.
std::size_t CeilToCharBoundary(absl::string_view text, std::size_t offset);

// The segments of text[from, to) under `marks`: consecutive, non-empty,
// covering the range exactly, with boundaries on UTF-8 character
// boundaries (mark offsets are clamped and snapped outwards). Empty marks
// are ignored.
std::vector<Segment> SplitIntoSegments(absl::string_view text, std::size_t from,
                                       std::size_t to,
                                       const std::vector<MarkRange>& marks);

}  // namespace marginalia::client
