// The document model: an essay segmented into blocks, sentences, words,
// quotations and parenthetical spans, all as byte offsets into the text.
// A Document is immutable once built (see Segment() in segmenter.h) and safe
// to read from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace marginalia::rubrics {

// Half-open byte range [begin, end) of the document's text.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(TextSpan other) const {
    return begin <= other.begin && other.end <= end;
  }
  bool operator==(const TextSpan& other) const {
    return begin == other.begin && end == other.end;
  }
};

// Half-open range of indices into one of the Document's vectors.
struct IndexRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
};

// What a block of text is.
enum class BlockKind : uint8_t {
  kTitle,
  kHeading,
  kProse,
  kListItem,
};

// A paragraph-level block: a title, a heading, a prose paragraph or a list
// item. The span excludes Markdown markers ("## ", "- ", "> ").
struct Paragraph {
  TextSpan span;
  BlockKind kind = BlockKind::kProse;
  // 1-6 for Markdown headings ("#" = 1); 0 for headings found by layout.
  uint8_t heading_level = 0;
  // A Markdown block quote ("> ").
  bool block_quote = false;
  // Blank lines before this block; a wider gap than the essay's usual one
  // often starts a new, unheaded section.
  uint8_t blank_lines_before = 0;
  IndexRange sentences;
  IndexRange words;
  IndexRange quotations;
  IndexRange parentheticals;
};

struct Sentence {
  TextSpan span;
  IndexRange words;
  uint32_t paragraph = 0;
};

// A word: letters and digits, with internal apostrophes and hyphens
// ("Marx's", "large-scale") and number punctuation ("1,000", "3.5").
struct Word {
  TextSpan span;
  uint32_t paragraph = 0;
  uint8_t syllables = 0;
  bool numeric = false;      // starts with a digit
  bool capitalised = false;  // starts with an upper-case letter
};

// The quotation marks a quotation opened or closed with.
enum class QuoteMark : uint8_t {
  kNone,              // unclosed
  kStraightDouble,    // "
  kStraightSingle,    // '
  kCurlyDoubleOpen,   // U+201C
  kCurlyDoubleClose,  // U+201D
  kCurlySingleOpen,   // U+2018
  kCurlySingleClose,  // U+2019
  kGuillemetOpen,     // U+00AB or U+2039
  kGuillemetClose,    // U+00BB or U+203A
  kLowDouble,         // U+201E
};

// A quoted passage. `span` includes the marks, `inner` does not. Nested
// quotations have depth > 0. An unclosed quotation runs to the end of its
// paragraph; a mismatched one closed with a mark of the other kind (opened
// with a double mark, closed with a single one).
struct Quotation {
  TextSpan span;
  TextSpan inner;
  uint32_t paragraph = 0;
  uint16_t depth = 0;
  QuoteMark open = QuoteMark::kNone;
  QuoteMark close = QuoteMark::kNone;
  bool closed = false;
  bool mismatched = false;
};

// A bracketed span, "(...)" or "[...]". `span` includes the brackets.
// An unclosed one runs to the end of its paragraph.
struct Parenthetical {
  TextSpan span;
  TextSpan inner;
  uint32_t paragraph = 0;
  uint16_t depth = 0;
  // Enclosing brackets that close: "(Smith, 4)" after a "(" left open
  // earlier in the paragraph is nested by `depth` but by nothing here.
  uint16_t closed_depth = 0;
  char open = '(';
  bool closed = false;
};

// A closing bracket with no opening one, e.g. the ")" of "1)".
struct StrayBracket {
  uint32_t offset = 0;
  uint32_t paragraph = 0;
  char bracket = ')';
};

// Counts and readability over the whole text. Sentences and readability
// consider prose and list items only; words count every block.
struct TextStatistics {
  uint32_t bytes = 0;
  uint32_t characters = 0;
  uint32_t words = 0;
  uint32_t prose_words = 0;
  uint32_t sentences = 0;
  uint32_t paragraphs = 0;  // prose paragraphs and list items
  uint32_t headings = 0;
  uint32_t syllables = 0;
  double mean_sentence_words = 0;
  double mean_paragraph_words = 0;
  // Flesch-Kincaid grade level (0 when there are no sentences).
  double readability_grade = 0;
};

// An essay segmented for analysis. Owns a copy of its text, unless built
// by SegmentBorrowed().
class Document {
 public:
  Document() = default;

  absl::string_view text() const {
    return borrowed_ ? borrowed_text_ : absl::string_view(text_);
  }
  absl::string_view Slice(TextSpan span) const {
    return text().substr(span.begin, span.size());
  }

  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  const std::vector<Word>& words() const { return words_; }
  const std::vector<Quotation>& quotations() const { return quotations_; }
  const std::vector<Parenthetical>& parentheticals() const {
    return parentheticals_;
  }
  const std::vector<StrayBracket>& stray_brackets() const {
    return stray_brackets_;
  }
  const TextStatistics& stats() const { return stats_; }

  // Index of the title block, or -1 when the essay has none.
  int title_paragraph() const { return title_paragraph_; }
  // The byte range of YAML front matter ("---" ... "---"), empty if none.
  TextSpan front_matter() const { return front_matter_; }

  // Index of the paragraph containing byte `offset`, or -1.
  int ParagraphAt(uint32_t offset) const;

 private:
  friend class Segmenter;

  std::string text_;
  // A view rather than a copy, set by SegmentBorrowed() (a view into
  // text_ would dangle once a short, in-place string moved).
  absl::string_view borrowed_text_;
  bool borrowed_ = false;
  std::vector<Paragraph> paragraphs_;
  std::vector<Sentence> sentences_;
  std::vector<Word> words_;
  std::vector<Quotation> quotations_;
  std::vector<Parenthetical> parentheticals_;
  std::vector<StrayBracket> stray_brackets_;
  TextStatistics stats_;
  int title_paragraph_ = -1;
  TextSpan front_matter_;
};

}  // namespace marginalia::rubrics
