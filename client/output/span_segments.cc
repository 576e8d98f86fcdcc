#include "client/output/span_segments.h"

#include <algorithm>
#include <set>

namespace marginalia::client {
namespace {

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

std::size_t FloorToCharBoundary(absl::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  while (offset > 0 && offset < text.size() && IsContinuationByte(text[offset]))
    --offset;
  return offset;
}

std::size_t CeilToCharBoundary(absl::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  while (offset < text.size() && IsContinuationByte(text[offset])) ++offset;
  return offset;
}

std::vector<Segment> SplitIntoSegments(absl::string_view text, std::size_t from,
                                       std::size_t to,
                                       const std::vector<MarkRange>& marks) {
  from = FloorToCharBoundary(text, from);
  to = CeilToCharBoundary(text, to);
  std::vector<Segment> segments;
  if (from >= to) return segments;
  // Snapped, clipped marks, and every offset where coverage may change.
  std::vector<MarkRange> clipped;
  std::set<std::size_t> cuts = {from, to};
  for (const MarkRange& mark : marks) {
    std::size_t begin = std::max(FloorToCharBoundary(text, mark.begin), from);
    std::size_t end = std::min(CeilToCharBoundary(text, mark.end), to);
    if (begin >= end) continue;
    clipped.push_back({begin, end, mark.id});
    cuts.insert(begin);
    cuts.insert(end);
  }
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    Segment segment{*it, *std::next(it), {}};
    for (const MarkRange& mark : clipped) {
      if (mark.begin <= segment.begin && segment.end <= mark.end) {
        segment.marks.push_back(mark.id);
      }
    }
    std::sort(segment.marks.begin(), segment.marks.end());
    segments.push_back(std::move(segment));
  }
  return segments;
}

}  // namespace marginalia::client
