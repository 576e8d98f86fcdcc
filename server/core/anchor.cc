#include "server/core/anchor.h"

#include "absl/strings/str_cat.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Whether `offset` falls between two UTF-8 characters of `text`.
bool OnBoundary(absl::string_view text, std::size_t offset) {
  return offset == text.size() || !IsContinuationByte(text[offset]);
}

// `text` cut to at most kMaxQuotedBytes on a character boundary.
std::string Quote(absl::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return std::string(text);
  std::size_t end = kMaxQuotedBytes;
  while (end > 0 && IsContinuationByte(text[end])) --end;
  return absl::StrCat(text.substr(0, end), "\xE2\x80\xA6");  // ellipsis
}

absl::StatusOr<ResolvedAnchor> ResolveSpan(const v1::Span& span,
                                           absl::string_view text) {
  if (span.begin() >= span.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("anchor span [", span.begin(), ", ", span.end(),
                     ") is empty; end must be greater than begin"));
  }
  if (span.end() > text.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "anchor span [", span.begin(), ", ", span.end(),
        ") lies outside the text, which is ", text.size(), " bytes long"));
  }
  for (uint32_t offset : {span.begin(), span.end()}) {
    if (!OnBoundary(text, offset)) {
      return absl::InvalidArgumentError(
          absl::StrCat("anchor span [", span.begin(), ", ", span.end(),
                       ") splits a UTF-8 character at byte offset ", offset));
    }
  }
  ResolvedAnchor resolved;
  *resolved.anchor.mutable_span() = span;
  resolved.quoted_text =
      Quote(text.substr(span.begin(), span.end() - span.begin()));
  return resolved;
}

}  // namespace

absl::StatusOr<ResolvedAnchor> ResolveAnchor(const v1::Anchor& anchor,
                                             absl::string_view text,
                                             const v1::FeedbackReport& report) {
  switch (anchor.target_case()) {
    case v1::Anchor::kSpan:
      return ResolveSpan(anchor.span(), text);
    case v1::Anchor::kParagraph: {
      int index = anchor.paragraph();
      if (index < 0 || index >= report.paragraphs_size()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "anchor paragraph ", index, " does not exist; the essay has ",
            report.paragraphs_size(), " paragraphs (0 to ",
            report.paragraphs_size() - 1, ")"));
      }
      ResolvedAnchor resolved;
      resolved.anchor.set_paragraph(index);
      const v1::Span& span = report.paragraphs(index).span();
      if (span.end() <= text.size() && span.begin() < span.end()) {
        resolved.quoted_text =
            Quote(text.substr(span.begin(), span.end() - span.begin()));
      }
      return resolved;
    }
    case v1::Anchor::kWhole: {
      ResolvedAnchor resolved;
      resolved.anchor.set_whole(true);
      return resolved;
    }
    default:
      return absl::InvalidArgumentError(
          "anchor is required: a span, a paragraph or the whole essay");
  }
}

}  // namespace marginalia::server
