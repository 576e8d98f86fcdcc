// Builds a Document from text: blocks, then inline content, then sentences,
// then statistics.
#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

// The largest text the engine segments (offsets are 32-bit).
inline constexpr std::size_t kMaxSegmentableBytes = 256u << 20;

// Segments `text`, which should already be normalised (NormalizeEssayText),
// though any bytes are accepted: ill-formed UTF-8 is skipped over, never read
// past. Returns INVALID_ARGUMENT only for text over kMaxSegmentableBytes.
absl::StatusOr<Document> Segment(absl::string_view text);

// Like Segment(), but the Document reads `text` in place instead of copying
// it: `text` must outlive the Document (the engine scores a text it was
// handed within one call).
absl::StatusOr<Document> SegmentBorrowed(absl::string_view text);

// Friend of Document that fills it in; use Segment().
class Segmenter {
 public:
  // `borrow`: see SegmentBorrowed().
  static Document Build(absl::string_view text, bool borrow = false);
};

}  // namespace marginalia::rubrics
