#include "rubrics/document/block_splitter.h"

#include <algorithm>
#include <cstddef>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

// Lines longer than this (bytes) were not hard-wrapped by an editor.
constexpr std::size_t kWrapWidth = 100;
constexpr int kMaxHeadingWords = 20;
constexpr int kMaxTitleWords = 30;
// Longer lines are never headings (checked before counting words).
constexpr std::size_t kMaxHeadingBytes = 250;

struct Line {
  std::size_t begin = 0;  // first byte of the line
  std::size_t end = 0;    // one past the last byte, before '\n'
  // The content after trimming white space and Markdown markers.
  std::size_t content_begin = 0;
  std::size_t content_end = 0;
  BlockKind kind = BlockKind::kProse;
  uint8_t heading_level = 0;
  bool block_quote = false;
  bool blank = false;
  bool rule = false;  // a Markdown horizontal rule: ---, ***, ___
  // Markup rather than prose: a Liquid tag ({% include %}), an HTML tag, a
  // code fence and its contents, an image. Separates blocks like a rule.
  bool markup = false;
  bool markdown_block = false;  // a heading or list item: always its own block

  std::size_t length() const { return content_end - content_begin; }
};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Trims ASCII and Unicode white space from both ends of [*begin, *end).
void Trim(absl::string_view text, std::size_t* begin, std::size_t* end) {
  while (*begin < *end) {
    std::size_t next = *begin;
    if (!IsSpace(NextCodePoint(text, &next))) break;
    *begin = next;
  }
  while (*end > *begin) {
    std::size_t prev = *end;
    if (!IsSpace(PrevCodePoint(text, &prev))) break;
    *end = prev;
  }
}

bool IsHorizontalRule(absl::string_view content) {
  if (content.size() < 3) return false;
  char mark = content[0];
  if (mark != '-' && mark != '*' && mark != '_') return false;
  int marks = 0;
  for (char c : content) {
    if (c == mark) {
      ++marks;
    } else if (!IsAsciiSpace(c)) {
      return false;
    }
  }
  return marks >= 3;
}

// Recognises "#... ", "- ", "* ", "+ ", "1. ", "1) " and "> " at the start of
// the line's content and moves content_begin past the marker.
void ApplyMarkdownMarkers(absl::string_view text, Line* line) {
  absl::string_view content = text.substr(line->content_begin, line->length());
  if (IsHorizontalRule(content)) {
    line->rule = true;
    return;
  }
  std::size_t skip = 0;
  while (skip < content.size() && content[skip] == '>') {
    line->block_quote = true;
    ++skip;
    while (skip < content.size() && IsAsciiSpace(content[skip])) ++skip;
  }
  content.remove_prefix(skip);
  line->content_begin += skip;
  std::size_t hashes = 0;
  while (hashes < content.size() && content[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && hashes < content.size() &&
      IsAsciiSpace(content[hashes])) {
    line->kind = BlockKind::kHeading;
    line->heading_level = static_cast<uint8_t>(hashes);
    line->markdown_block = true;
    line->content_begin += hashes;
    // Closing hashes ("## Heading ##") are decoration.
    while (line->content_end > line->content_begin &&
           text[line->content_end - 1] == '#') {
      --line->content_end;
    }
    Trim(text, &line->content_begin, &line->content_end);
    return;
  }
  std::size_t marker = 0;
  if (!content.empty() &&
      (content[0] == '-' || content[0] == '*' || content[0] == '+')) {
    marker = 1;
  } else {
    while (marker < content.size() && marker < 4 &&
           absl::ascii_isdigit(content[marker])) {
      ++marker;
    }
    if (marker == 0 || marker >= content.size() ||
        (content[marker] != '.' && content[marker] != ')')) {
      marker = 0;
    } else {
      ++marker;
    }
  }
  if (marker > 0 && marker < content.size() && IsAsciiSpace(content[marker])) {
    line->kind = BlockKind::kListItem;
    line->markdown_block = true;
    line->content_begin += marker;
    Trim(text, &line->content_begin, &line->content_end);
  }
}

// `name="value"` (or `name='value'`), the attribute lines of a template
// tag whose opening line was lost.
bool IsAttributeLine(absl::string_view content) {
  std::size_t i = 0;
  while (i < content.size() &&
         (absl::ascii_isalnum(static_cast<unsigned char>(content[i])) ||
          content[i] == '-' || content[i] == '_')) {
    ++i;
  }
  return i > 0 && i + 1 < content.size() && content[i] == '=' &&
         (content[i + 1] == '"' || content[i + 1] == '\'') &&
         (absl::EndsWith(content, "\"") || absl::EndsWith(content, "'"));
}

// "Figure 2: ...", "Table 1. ...", "Fig. 3 ...": a caption, not prose.
bool IsCaptionLine(absl::string_view content) {
  for (absl::string_view label : {"Figure ", "Table ", "Fig. ", "Image "}) {
    if (!absl::StartsWith(content, label)) continue;
    std::size_t i = label.size();
    std::size_t digits = i;
    while (i < content.size() &&
           absl::ascii_isdigit(static_cast<unsigned char>(content[i]))) {
      ++i;
    }
    return i > digits && i < content.size() &&
           (content[i] == ':' || content[i] == '.');
  }
  return false;
}

bool IsMarkupLine(absl::string_view content) {
  return (absl::StartsWith(content, "<") && absl::EndsWith(content, ">")) ||
         (absl::StartsWith(content, "{{") && absl::EndsWith(content, "}}")) ||
         (absl::StartsWith(content, "![") && absl::EndsWith(content, ")")) ||
         (absl::StartsWith(content, "{:") && absl::EndsWith(content, "}")) ||
         content == "%}" || IsAttributeLine(content) || IsCaptionLine(content);
}

std::vector<Line> SplitLines(absl::string_view text, std::size_t from) {
  std::vector<Line> lines;
  // One allocation: growing a vector of a million lines by doubling costs
  // more in page faults than the split itself.
  lines.reserve(static_cast<std::size_t>(
                    std::count(text.begin() + from, text.end(), '\n')) +
                1);
  bool in_liquid = false;
  bool in_fence = false;
  std::size_t begin = from;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == absl::string_view::npos) end = text.size();
    Line line;
    line.begin = begin;
    line.end = end;
    line.content_begin = begin;
    line.content_end = end;
    Trim(text, &line.content_begin, &line.content_end);
    line.blank = line.content_begin == line.content_end;
    absl::string_view content =
        text.substr(line.content_begin, line.content_end - line.content_begin);
    if (in_fence || in_liquid || absl::StartsWith(content, "```") ||
        absl::StartsWith(content, "{%") || IsMarkupLine(content)) {
      if (absl::StartsWith(content, "```")) in_fence = !in_fence;
      if (absl::StartsWith(content, "{%")) in_liquid = true;
      if (in_liquid && absl::StrContains(content, "%}")) in_liquid = false;
      line.markup = !line.blank || in_fence || in_liquid;
      line.blank = false;
    } else if (!line.blank) {
      ApplyMarkdownMarkers(text, &line);
    }
    lines.push_back(line);
    if (end == text.size()) break;
    begin = end + 1;
  }
  return lines;
}

// A YAML line: "key: value", a list item or an indented continuation.
bool IsYamlLine(absl::string_view line) {
  absl::string_view trimmed = absl::StripLeadingAsciiWhitespace(line);
  if (trimmed.empty() || trimmed.size() < line.size() ||
      absl::StartsWith(trimmed, "- ") || absl::StartsWith(trimmed, "#")) {
    return true;
  }
  std::size_t colon = trimmed.find(':');
  if (colon == 0 || colon == absl::string_view::npos) return false;
  for (char c : trimmed.substr(0, colon)) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' &&
        c != '_') {
      return false;
    }
  }
  return true;
}

// Front matter is a YAML block fenced by "---" lines at the start: the
// fence may be indented or follow blank lines and at most one stray line
// (an upload link), and every line inside must read as YAML.
std::optional<TextSpan> FindFrontMatter(absl::string_view text,
                                        TextSpan* title) {
  std::size_t pos = 0;
  int lines_before = 0;
  bool opened = false;
  TextSpan found_title;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == absl::string_view::npos) end = text.size();
    absl::string_view line = text.substr(pos, end - pos);
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (!opened) {
      if (trimmed == "---") {
        opened = true;
      } else if (!trimmed.empty() && ++lines_before > 1) {
        return std::nullopt;
      }
    } else if (trimmed == "---" || trimmed == "...") {
      *title = found_title;
      return TextSpan{0, static_cast<uint32_t>(std::min(end + 1, text.size()))};
    } else if (!IsYamlLine(line)) {
      return std::nullopt;
    } else if (absl::StartsWith(trimmed, "title:")) {
      std::size_t value_begin = pos + (trimmed.data() - line.data()) + 6;
      std::size_t value_end = end;
      Trim(text, &value_begin, &value_end);
      if (value_end - value_begin >= 2 &&
          (text[value_begin] == '"' || text[value_begin] == '\'') &&
          text[value_end - 1] == text[value_begin]) {
        ++value_begin;
        --value_end;
      }
      found_title = TextSpan{static_cast<uint32_t>(value_begin),
                             static_cast<uint32_t>(value_end)};
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return std::nullopt;
}

Block MakeBlock(const Line& first, const Line& last, BlockKind kind,
                uint32_t lines) {
  Block block;
  block.span = TextSpan{static_cast<uint32_t>(first.content_begin),
                        static_cast<uint32_t>(last.content_end)};
  block.kind = kind;
  block.heading_level = first.heading_level;
  block.block_quote = first.block_quote;
  block.lines = lines;
  return block;
}

// A run of consecutive plain lines (no blank line, no Markdown block between
// them) becomes one block when it was hard-wrapped, else one block per line.
void EmitPlainRun(absl::string_view text, const std::vector<Line>& run,
                  uint32_t blank_lines_before, std::vector<Block>* blocks) {
  if (run.empty()) return;
  std::size_t first_block = blocks->size();
  // Hard-wrapped when most lines but the last are short: a link or a long
  // word may push one wrapped line past the width.
  std::size_t long_lines = 0;
  std::vector<std::size_t> rest_lengths;
  for (std::size_t i = 0; i < run.size(); ++i) {
    if (i + 1 < run.size() && run[i].length() > kWrapWidth) ++long_lines;
    if (i > 0) rest_lengths.push_back(run[i].length());
  }
  bool wrapped = run.size() > 1 && 2 * long_lines < run.size() - 1;
  if (!wrapped) {
    for (const Line& line : run) {
      blocks->push_back(MakeBlock(line, line, BlockKind::kProse, 1));
    }
    (*blocks)[first_block].blank_lines_before = blank_lines_before;
    return;
  }
  std::size_t first = 0;
  absl::string_view head = text.substr(run[0].content_begin, run[0].length());
  // A heading line is much shorter than the paragraph's usual line (its
  // median: a few long unwrapped lines do not make a wrapped line short).
  std::size_t usual_rest = 0;
  if (!rest_lengths.empty()) {
    std::nth_element(rest_lengths.begin(),
                     rest_lengths.begin() + rest_lengths.size() / 2,
                     rest_lengths.end());
    usual_rest = rest_lengths[rest_lengths.size() / 2];
  }
  if (run[0].length() * 10 < usual_rest * 6 &&
      LooksLikeHeading(head, kMaxHeadingWords, /*allow_question=*/false)) {
    blocks->push_back(MakeBlock(run[0], run[0], BlockKind::kProse, 1));
    first = 1;
  }
  blocks->push_back(MakeBlock(run[first], run.back(), BlockKind::kProse,
                              static_cast<uint32_t>(run.size() - first)));
  (*blocks)[first_block].blank_lines_before = blank_lines_before;
}

int CountWords(absl::string_view text) {
  int words = 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    bool alnum = IsAlnum(NextCodePoint(text, &pos));
    if (alnum && !in_word) ++words;
    in_word = alnum;
  }
  return words;
}

// The last code point of `text` that is not a closing quote or bracket.
// The length of the note marker at `at` in `line` ("[^3]", "[^White1]",
// "[12]", "<sup>3</sup>"), or 0 when there is none.
std::size_t NoteMarkerLength(absl::string_view line, std::size_t at) {
  constexpr std::size_t kMaxMarker = 42;
  absl::string_view rest = line.substr(at, kMaxMarker);
  if (absl::StartsWith(rest, "[")) {
    std::size_t close = rest.find(']');
    if (close == absl::string_view::npos || close < 2) return 0;
    absl::string_view label = rest.substr(1, close - 1);
    bool note =
        absl::StartsWith(label, "^") ||
        label.find_first_not_of("0123456789") == absl::string_view::npos;
    return note ? close + 1 : 0;
  }
  if (absl::StartsWithIgnoreCase(rest, "<sup>")) {
    std::size_t close = absl::AsciiStrToLower(rest).find("</sup>");
    return close == std::string::npos ? 0 : close + 6;
  }
  return 0;
}

// `line` without the note markers at its end: "... the plan.[^3]" ends
// with its full stop.
absl::string_view WithoutTrailingNoteMarkers(absl::string_view line) {
  constexpr std::size_t kMaxMarker = 42;
  while (!line.empty() && (line.back() == ']' || line.back() == '>')) {
    std::size_t open = line.find_last_of(line.back() == ']' ? '[' : '<');
    if (line.back() == '>' && open != absl::string_view::npos) {
      // "</sup>": the marker opens at the "<sup>" before it.
      open = open > 0 ? line.substr(0, open).find_last_of('<') : open;
    }
    if (open == absl::string_view::npos || line.size() - open > kMaxMarker ||
        NoteMarkerLength(line, open) != line.size() - open) {
      break;
    }
    line = line.substr(0, open);
  }
  return line;
}

UChar32 LastMeaningful(absl::string_view text) {
  std::size_t pos = text.size();
  while (pos > 0) {
    UChar32 c = PrevCodePoint(text, &pos);
    if (c != '"' && c != '\'' && c != 0x201D && c != 0x2019 && c != ')' &&
        c != '*' && c != '_') {
      return c;
    }
  }
  return -1;
}

void ClassifyBlocks(absl::string_view text, BlockLayout* layout) {
  std::vector<Block>& blocks = layout->blocks;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& block = blocks[i];
    if (block.kind != BlockKind::kProse || block.lines != 1 ||
        block.block_quote) {
      continue;
    }
    bool has_next = i + 1 < blocks.size();
    absl::string_view line = text.substr(block.span.begin, block.span.size());
    bool first = layout->title < 0 && i == 0;
    if (first && has_next && LooksLikeHeading(line, kMaxTitleWords, true)) {
      block.kind = BlockKind::kTitle;
      layout->title = static_cast<int>(i);
      continue;
    }
    bool next_is_list = has_next && blocks[i + 1].kind == BlockKind::kListItem;
    if (has_next && line.size() <= kMaxHeadingBytes &&
        !(next_is_list && LastMeaningful(line) == ':') &&
        LooksLikeHeading(line, kMaxHeadingWords, CountWords(line) <= 10)) {
      block.kind = BlockKind::kHeading;
    }
  }
  // A Markdown level-1 heading opening the essay is its title.
  if (layout->title < 0 && !blocks.empty() &&
      blocks[0].kind == BlockKind::kHeading && blocks[0].heading_level == 1) {
    blocks[0].kind = BlockKind::kTitle;
    layout->title = 0;
  }
}

}  // namespace

bool LooksLikeHeading(absl::string_view line, int max_words,
                      bool allow_question) {
  if (line.empty() || line.size() > kMaxHeadingBytes) return false;
  int words = CountWords(line);
  if (words == 0 || words > max_words) return false;
  UChar32 first = CodePointAt(line, 0);
  if (first == '*' || first == '_') {
    // Markdown emphasis around a heading: "**Background**".
    std::size_t pos = 0;
    while (pos < line.size() && (line[pos] == '*' || line[pos] == '_')) ++pos;
    first = CodePointAt(line, pos);
  }
  if (!IsUpper(first) && !IsDigit(first)) return false;
  UChar32 last = LastMeaningful(WithoutTrailingNoteMarkers(line));
  if (last == '.' || last == ',' || last == ';' || last == '!' ||
      (last == '?' && !allow_question)) {
    return false;
  }
  // A sentence boundary inside the line means it is prose.
  // A note marker may follow the punctuation: "... a story.[^2] Historians".
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    if (line[i] != '.' && line[i] != '!' && line[i] != '?') continue;
    std::size_t space = i + 1 + NoteMarkerLength(line, i + 1);
    if (space < line.size() && line[space] == ' ' && space + 1 < line.size() &&
        absl::ascii_isupper(line[space + 1]) && i > 1 &&
        absl::ascii_islower(line[i - 1]) && absl::ascii_islower(line[i - 2])) {
      return false;
    }
  }
  return true;
}

BlockLayout SplitBlocks(absl::string_view text) {
  BlockLayout layout;
  TextSpan front_title;
  std::size_t start = 0;
  if (auto front = FindFrontMatter(text, &front_title)) {
    layout.front_matter = *front;
    start = front->end;
    if (!front_title.empty()) {
      Block title;
      title.span = front_title;
      title.kind = BlockKind::kTitle;
      layout.blocks.push_back(title);
      layout.title = 0;
    }
  }
  std::vector<Line> lines = SplitLines(text, start);
  std::vector<Line> run;
  uint32_t blanks = 0;      // blank lines seen since the last block
  uint32_t run_blanks = 0;  // blank lines before the current run
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank || line.rule || line.markup || line.markdown_block) {
      EmitPlainRun(text, run, run_blanks, &layout.blocks);
      if (!run.empty()) blanks = 0;
      run.clear();
      if (line.blank) ++blanks;
      if (line.markdown_block) {
        layout.blocks.push_back(MakeBlock(line, line, line.kind, 1));
        layout.blocks.back().blank_lines_before = blanks;
        blanks = 0;
      }
      continue;
    }
    // Consecutive block-quote lines form one quote; a quote never joins prose.
    if (!run.empty() && run.back().block_quote != line.block_quote) {
      EmitPlainRun(text, run, run_blanks, &layout.blocks);
      run.clear();
      blanks = 0;
    }
    if (run.empty()) {
      run_blanks = blanks;
      blanks = 0;
    }
    run.push_back(line);
  }
  EmitPlainRun(text, run, run_blanks, &layout.blocks);
  ClassifyBlocks(text, &layout);
  return layout;
}

}  // namespace marginalia::rubrics
