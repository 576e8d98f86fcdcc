#include "rubrics/document/segmenter.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "rubrics/document/block_splitter.h"
#include "rubrics/document/inline_scanner.h"
#include "rubrics/document/sentence_splitter.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

bool HasSentences(BlockKind kind) {
  return kind == BlockKind::kProse || kind == BlockKind::kListItem;
}

IndexRange Range(std::size_t begin, std::size_t end) {
  return IndexRange{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// Gives each sentence the range of its words (both are in text order).
void AssignSentenceWords(const std::vector<Word>& words,
                         std::vector<Sentence>* sentences) {
  std::size_t w = 0;
  for (Sentence& sentence : *sentences) {
    while (w < words.size() && words[w].span.begin < sentence.span.begin) ++w;
    std::size_t first = w;
    while (w < words.size() && words[w].span.end <= sentence.span.end) ++w;
    sentence.words = Range(first, w);
  }
}

TextStatistics ComputeStatistics(absl::string_view text,
                                 const std::vector<Paragraph>& paragraphs,
                                 const std::vector<Word>& words,
                                 std::size_t sentences) {
  TextStatistics stats;
  stats.bytes = static_cast<uint32_t>(text.size());
  stats.characters = static_cast<uint32_t>(CountCodePoints(text));
  stats.words = static_cast<uint32_t>(words.size());
  stats.sentences = static_cast<uint32_t>(sentences);
  for (const Paragraph& paragraph : paragraphs) {
    if (paragraph.kind == BlockKind::kHeading) ++stats.headings;
    if (!HasSentences(paragraph.kind)) continue;
    ++stats.paragraphs;
    for (uint32_t i = paragraph.words.begin; i < paragraph.words.end; ++i) {
      ++stats.prose_words;
      stats.syllables += words[i].numeric ? 1 : words[i].syllables;
    }
  }
  if (stats.sentences > 0 && stats.prose_words > 0) {
    double words_per_sentence =
        static_cast<double>(stats.prose_words) / stats.sentences;
    double syllables_per_word =
        static_cast<double>(stats.syllables) / stats.prose_words;
    stats.mean_sentence_words = words_per_sentence;
    stats.readability_grade = std::max(
        0.0, 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59);
  }
  if (stats.paragraphs > 0) {
    stats.mean_paragraph_words =
        static_cast<double>(stats.prose_words) / stats.paragraphs;
  }
  return stats;
}

// A paragraph that is one quotation, perhaps with its citation after it:
// a block quotation set off without Markdown's "> " (as pasted from a word
// processor).
bool IsSetOffQuotation(const Paragraph& paragraph,
                       const std::vector<Quotation>& quotations) {
  for (uint32_t q = paragraph.quotations.begin; q < paragraph.quotations.end;
       ++q) {
    const Quotation& quote = quotations[q];
    if (quote.depth != 0 || !quote.closed) continue;
    // Markup such as "_" or "*" may wrap the quotation marks.
    return quote.span.begin <= paragraph.span.begin + 2 &&
           quote.span.size() * 10 >= paragraph.span.size() * 7;
  }
  return false;
}

}  // namespace

Document Segmenter::Build(absl::string_view text, bool borrow) {
  Document doc;
  if (borrow) {
    doc.borrowed_text_ = text;
    doc.borrowed_ = true;
  } else {
    doc.text_ = std::string(text);
  }
  absl::string_view view = doc.text();
  BlockLayout layout = SplitBlocks(view);
  doc.front_matter_ = layout.front_matter;
  doc.title_paragraph_ = layout.title;
  InlineContent content;
  std::vector<Parenthetical> top_level;
  // Typical English prose: a word per ~6 bytes, a sentence per ~120.
  content.words.reserve(view.size() / 5 + 16);
  doc.sentences_.reserve(view.size() / 80 + 4);
  doc.paragraphs_.reserve(layout.blocks.size());
  for (std::size_t i = 0; i < layout.blocks.size(); ++i) {
    const Block& block = layout.blocks[i];
    Paragraph paragraph;
    paragraph.span = block.span;
    paragraph.kind = block.kind;
    paragraph.heading_level = block.heading_level;
    paragraph.block_quote = block.block_quote;
    paragraph.blank_lines_before =
        static_cast<uint8_t>(std::min<uint32_t>(block.blank_lines_before, 255));
    std::size_t words = content.words.size();
    std::size_t quotes = content.quotations.size();
    std::size_t parens = content.parentheticals.size();
    ScanInline(view, block.span, static_cast<uint32_t>(i), &content);
    paragraph.words = Range(words, content.words.size());
    paragraph.quotations = Range(quotes, content.quotations.size());
    paragraph.parentheticals = Range(parens, content.parentheticals.size());
    std::size_t sentences = doc.sentences_.size();
    if (HasSentences(block.kind)) {
      // Only closed top-level brackets can hide a full stop; nested ones lie
      // inside them. Keeping them disjoint keeps the splitter linear.
      top_level.clear();
      for (std::size_t b = parens; b < content.parentheticals.size(); ++b) {
        const Parenthetical& p = content.parentheticals[b];
        if (p.closed && p.depth == 0) top_level.push_back(p);
      }
      SplitSentences(view, block.span, static_cast<uint32_t>(i),
                     top_level.data(), top_level.size(), &doc.sentences_);
    }
    paragraph.sentences = Range(sentences, doc.sentences_.size());
    if (!paragraph.block_quote && block.kind == BlockKind::kProse) {
      paragraph.block_quote = IsSetOffQuotation(paragraph, content.quotations);
    }
    doc.paragraphs_.push_back(paragraph);
  }
  doc.words_ = std::move(content.words);
  doc.quotations_ = std::move(content.quotations);
  doc.parentheticals_ = std::move(content.parentheticals);
  doc.stray_brackets_ = std::move(content.stray_brackets);
  AssignSentenceWords(doc.words_, &doc.sentences_);
  doc.stats_ = ComputeStatistics(view, doc.paragraphs_, doc.words_,
                                 doc.sentences_.size());
  return doc;
}

namespace {

absl::Status CheckSegmentable(absl::string_view text) {
  if (text.size() > kMaxSegmentableBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "text is ", text.size(), " bytes; the engine accepts at most ",
        kMaxSegmentableBytes));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Document> Segment(absl::string_view text) {
  if (absl::Status status = CheckSegmentable(text); !status.ok()) {
    return status;
  }
  return Segmenter::Build(text);
}

absl::StatusOr<Document> SegmentBorrowed(absl::string_view text) {
  if (absl::Status status = CheckSegmentable(text); !status.ok()) {
    return status;
  }
  return Segmenter::Build(text, /*borrow=*/true);
}

int Document::ParagraphAt(uint32_t offset) const {
  auto it = std::upper_bound(
      paragraphs_.begin(), paragraphs_.end(), offset,
      [](uint32_t value, const Paragraph& p) { return value < p.span.begin; });
  if (it == paragraphs_.begin()) return -1;
  --it;
  if (offset >= it->span.end && !(offset == it->span.begin)) return -1;
  return static_cast<int>(it - paragraphs_.begin());
}

}  // namespace marginalia::rubrics
