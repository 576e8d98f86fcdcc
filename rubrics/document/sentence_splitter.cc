#include "rubrics/document/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "rubrics/document/byte_scan.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

// Lower-case abbreviations after which a full stop rarely ends a sentence.
// Sorted, for binary search. "etc" is deliberately absent: it often ends one.
constexpr std::array<absl::string_view, 60> kAbbreviations = {
    "al",   "approx", "apr",  "aug",  "c",    "ca",   "capt", "cf",  "ch",
    "chap", "co",     "col",  "corp", "dec",  "dept", "dr",   "ed",  "eds",
    "esp",  "est",    "feb",  "ff",   "fig",  "figs", "gen",  "hon", "ibid",
    "inc",  "jan",    "jr",   "jul",  "jun",  "lt",   "ltd",  "mr",  "mrs",
    "ms",   "mt",     "n",    "nn",   "nov",  "oct",  "op",   "p",   "para",
    "pg",   "pp",     "prof", "pt",   "rev",  "sec",  "sept", "sgt", "sr",
    "st",   "trans",  "viz",  "vol",  "vols", "vs",
};

bool IsTerminal(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

bool IsCloser(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' ||
         c == ']' || c == 0xBB || c == '*' || c == '_';
}

bool IsOpener(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == '(' ||
         c == '[' || c == 0xAB || c == '*' || c == '_';
}

// The letters-and-dots token ending at `end` (exclusive), e.g. "e.g" for
// "e.g." or "Dr" for "Dr.".
absl::string_view TokenBefore(absl::string_view text, std::size_t begin,
                              std::size_t end) {
  std::size_t pos = end;
  while (pos > begin) {
    std::size_t prev = pos;
    UChar32 c = PrevCodePoint(text, &prev);
    if (!IsLetter(c) && c != '.') break;
    pos = prev;
  }
  while (pos < end && text[pos] == '.') ++pos;
  return text.substr(pos, end - pos);
}

// Footnote markers after a sentence's stop belong to that sentence:
// "France.¹ Prices", "systems.[5] Thus", "rule.[^2] Then". Returns the
// offset past those at `pos`.
std::size_t SkipNoteMarkers(absl::string_view text, std::size_t pos,
                            std::size_t end) {
  while (pos < end) {
    std::size_t next = pos;
    UChar32 c = NextCodePoint(text, &next);
    if (SuperscriptDigit(c) >= 0) {
      pos = next;
      continue;
    }
    if (c != '[') break;
    std::size_t close = next;
    if (close < end && text[close] == '^') ++close;
    std::size_t digits = close;
    while (close < end && (IsDigit(text[close]) || text[close] == ',' ||
                           text[close] == '-' || text[close] == ' ')) {
      ++close;
    }
    if (close == digits || close >= end || text[close] != ']' ||
        !IsDigit(text[digits])) {
      break;
    }
    pos = close + 1;
  }
  return pos;
}

}  // namespace

bool IsNonTerminalAbbreviation(absl::string_view token) {
  if (token.empty()) return false;
  // Initials ("J.") and dotted abbreviations ("e.g", "U.S").
  if (token.find('.') != absl::string_view::npos) return true;
  if (CountCodePoints(token) == 1) {
    return IsUpper(CodePointAt(token, 0)) || token == "p" || token == "c" ||
           token == "n";
  }
  if (token.size() > 6) return false;
  char lower[8] = {};
  for (std::size_t i = 0; i < token.size(); ++i)
    lower[i] = AsciiLower(token[i]);
  return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(),
                            absl::string_view(lower, token.size()));
}

void SplitSentences(absl::string_view text, TextSpan span, uint32_t paragraph,
                    const Parenthetical* parentheticals,
                    std::size_t parenthetical_count,
                    std::vector<Sentence>* out) {
  std::size_t start = span.begin;
  std::size_t paren = 0;  // first parenthetical that may contain `pos`
  std::size_t pos = span.begin;
  auto emit = [&](std::size_t end) {
    std::size_t b = start;
    std::size_t e = end;
    while (b < e && IsSpace(CodePointAt(text, b))) NextCodePoint(text, &b);
    while (e > b && IsSpace(CodePointBefore(text, e))) PrevCodePoint(text, &e);
    if (b < e) {
      Sentence sentence;
      sentence.span =
          TextSpan{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
      sentence.paragraph = paragraph;
      out->push_back(sentence);
    }
  };
  while (pos < span.end) {
    // Most bytes cannot end a sentence: skip to one that may (. ! ? or the
    // first byte of a multi-byte character, for U+2026).
    pos = FindByte<true, '.', '!', '?'>(text, pos, span.end);
    if (pos == span.end) break;
    std::size_t at = pos;
    UChar32 c = NextCodePoint(text, &pos);
    if (!IsTerminal(c)) continue;
    // Skip the rest of the terminal run ("?!", "...") and the closers.
    std::size_t run_end = pos;
    while (run_end < span.end && IsTerminal(CodePointAt(text, run_end))) {
      NextCodePoint(text, &run_end);
    }
    std::size_t closers_end = run_end;
    while (closers_end < span.end && IsCloser(CodePointAt(text, closers_end))) {
      NextCodePoint(text, &closers_end);
    }
    closers_end = SkipNoteMarkers(text, closers_end, span.end);
    // Inside a closed bracket, only a stop right before the bracket closes
    // ends a sentence: "(It failed.) Then".
    while (paren < parenthetical_count &&
           parentheticals[paren].span.end <= at) {
      ++paren;
    }
    bool inside = false;
    if (paren < parenthetical_count) {
      const Parenthetical& p = parentheticals[paren];
      inside = p.closed && p.span.begin < at && at < p.span.end &&
               p.span.end > closers_end;
    }
    pos = run_end;
    if (inside) continue;
    if (closers_end >= span.end) break;
    if (!IsSpace(CodePointAt(text, closers_end))) continue;
    std::size_t next = closers_end;
    while (next < span.end && IsSpace(CodePointAt(text, next))) {
      NextCodePoint(text, &next);
    }
    if (next >= span.end) break;
    std::size_t after = next;
    UChar32 n = NextCodePoint(text, &after);
    if (IsOpener(n) && after < span.end) n = CodePointAt(text, after);
    if (IsLower(n) || n == ',' || n == ';' || n == ':' || IsTerminal(n)) {
      continue;
    }
    if (c == '.' && run_end == at + 1 &&
        IsNonTerminalAbbreviation(TokenBefore(text, span.begin, at))) {
      continue;
    }
    emit(closers_end);
    start = next;
  }
  emit(span.end);
}

}  // namespace marginalia::rubrics
