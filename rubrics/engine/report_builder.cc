#include "rubrics/engine/report_builder.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

v1::ParagraphKind ToProto(BlockKind kind) {
  switch (kind) {
    case BlockKind::kTitle:
      return v1::PARAGRAPH_KIND_TITLE;
    case BlockKind::kHeading:
      return v1::PARAGRAPH_KIND_HEADING;
    case BlockKind::kProse:
      return v1::PARAGRAPH_KIND_PROSE;
    case BlockKind::kListItem:
      return v1::PARAGRAPH_KIND_LIST_ITEM;
  }
  return v1::PARAGRAPH_KIND_UNSPECIFIED;
}

}  // namespace

v1::Span ToProto(TextSpan span) {
  v1::Span proto;
  proto.set_begin(span.begin);
  proto.set_end(span.end);
  return proto;
}

v1::TextStats BuildStats(const Document& document) {
  const TextStatistics& s = document.stats();
  v1::TextStats stats;
  stats.set_characters(static_cast<int32_t>(s.characters));
  stats.set_bytes(static_cast<int32_t>(s.bytes));
  stats.set_words(static_cast<int32_t>(s.words));
  stats.set_sentences(static_cast<int32_t>(s.sentences));
  stats.set_paragraphs(static_cast<int32_t>(s.paragraphs));
  stats.set_headings(static_cast<int32_t>(s.headings));
  stats.set_mean_sentence_words(s.mean_sentence_words);
  stats.set_mean_paragraph_words(s.mean_paragraph_words);
  stats.set_readability_grade(s.readability_grade);
  stats.set_quotations(static_cast<int32_t>(document.quotations().size()));
  stats.set_parentheticals(
      static_cast<int32_t>(document.parentheticals().size()));
  return stats;
}

void AddParagraphOutline(const Document& document, v1::FeedbackReport* report) {
  const auto& paragraphs = document.paragraphs();
  if (document.title_paragraph() >= 0) {
    report->set_title(std::string(
        document.Slice(paragraphs[document.title_paragraph()].span)));
  }
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& paragraph = paragraphs[i];
    v1::ParagraphOutline* outline = report->add_paragraphs();
    outline->set_index(static_cast<int32_t>(i));
    outline->set_kind(ToProto(paragraph.kind));
    *outline->mutable_span() = ToProto(paragraph.span);
    outline->set_sentences(static_cast<int32_t>(paragraph.sentences.size()));
    outline->set_words(static_cast<int32_t>(paragraph.words.size()));
    outline->set_quotations(static_cast<int32_t>(paragraph.quotations.size()));
  }
}

}  // namespace marginalia::rubrics
