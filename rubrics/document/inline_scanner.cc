#include "rubrics/document/inline_scanner.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "absl/base/attributes.h"
#include "absl/strings/ascii.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

bool IsNumberJoiner(UChar32 c) { return c == '.' || c == ','; }

// Hyphens join the parts of a compound ("large-scale"); dashes do not.
bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool IsOpeningContext(UChar32 before) {
  return before < 0 || IsSpace(before) || before == '(' || before == '[' ||
         before == '{' || IsDash(before) || before == '/' || before == 0x201C ||
         before == 0x2018 || before == '"' || before == '\'' || before == 0xAB;
}

constexpr unsigned char kVowel = 1;
constexpr unsigned char kLetterBit = 2;
constexpr unsigned char kDigitBit = 4;
constexpr std::array<unsigned char, 256> MakeClasses() {
  std::array<unsigned char, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kLetterBit;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kLetterBit;
  for (char c : {'a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O', 'U', 'Y'}) {
    classes[static_cast<unsigned char>(c)] |= kVowel;
  }
  for (int c = '0'; c <= '9'; ++c) classes[c] = kDigitBit;
  return classes;
}
// Per byte: whether it is an ASCII vowel (for syllables), letter or digit.
// Bytes of multi-byte characters are in no class.
constexpr std::array<unsigned char, 256> kClasses = MakeClasses();

// Counts English syllables as vowel groups, fed one code point at a time,
// less a silent final "e" ("plane") but not "-le" ("table"). Non-ASCII
// letters count as vowels, each run one group. Kept branch-light: it runs
// on every letter of the essay.
class SyllableCounter {
 public:
  void Add(UChar32 c) {
    unsigned char cls = c >= 0 && c < 128 ? kClasses[c] : kVowel;
    groups_ += cls & ~in_vowel_ & kVowel;
    in_vowel_ = cls & kVowel;
    before_last_ = last_;
    last_ = c;
  }
  // Adds the run of ASCII letters and digits at text[pos, end) and returns
  // the offset just past it: Add() for each, in one tight loop over raw
  // bytes, since most of an essay's bytes pass through here.
  std::size_t AddAsciiRun(absl::string_view text, std::size_t pos,
                          std::size_t end) {
    const unsigned char* bytes =
        reinterpret_cast<const unsigned char*>(text.data());
    std::size_t start = pos;
    unsigned groups = groups_, previous = in_vowel_;
    while (pos < end) {
      unsigned cls = kClasses[bytes[pos]];
      if (cls == 0) break;
      groups += cls & ~previous & kVowel;  // a vowel after a non-vowel
      previous = cls;
      ++pos;
    }
    groups_ = groups;
    in_vowel_ = previous & kVowel;
    if (pos - start >= 2) {
      before_last_ = bytes[pos - 2];
      last_ = bytes[pos - 1];
    } else if (pos - start == 1) {
      before_last_ = last_;
      last_ = bytes[pos - 1];
    }
    return pos;
  }
  // The syllables of `word`, the text everything added came from.
  uint8_t Finish(absl::string_view word) const {
    int groups = static_cast<int>(groups_);
    if (groups > 1 && (last_ == 'e' || last_ == 'E') && before_last_ >= 0 &&
        before_last_ < 128 && before_last_ != 'l' && before_last_ != 'L' &&
        !(kClasses[before_last_] & kVowel) && AsciiLetters(word) > 2) {
      --groups;
    }
    return static_cast<uint8_t>(std::clamp(groups, 1, 255));
  }

 private:
  // Counted only when a final "e" makes it matter, rather than per letter.
  static int AsciiLetters(absl::string_view word) {
    int letters = 0;
    for (char c : word) {
      letters += (kClasses[static_cast<unsigned char>(c)] & kLetterBit) != 0;
    }
    return letters;
  }

  unsigned groups_ = 0;
  unsigned in_vowel_ = 0;
  UChar32 last_ = -1;
  UChar32 before_last_ = -1;
};

// ASCII bytes the scanner must look at: word characters, quotation marks
// and brackets. Everything else (spaces, most punctuation) is skipped.
constexpr std::array<bool, 128> MakeTracked() {
  std::array<bool, 128> tracked{};
  for (int c = 'a'; c <= 'z'; ++c) tracked[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) tracked[c] = true;
  for (int c = '0'; c <= '9'; ++c) tracked[c] = true;
  for (char c : {'(', ')', '[', ']', '"', '\''}) {
    tracked[static_cast<unsigned char>(c)] = true;
  }
  return tracked;
}
constexpr std::array<bool, 128> kTracked = MakeTracked();

// Bytes that may continue a word after its letters and digits: apostrophes,
// hyphens, number punctuation, and multi-byte characters (letters, curly
// apostrophes, Unicode hyphens).
constexpr std::array<bool, 256> MakeMayJoin() {
  std::array<bool, 256> join{};
  for (char c : {'\'', '-', '.', ','})
    join[static_cast<unsigned char>(c)] = true;
  for (int b = 0x80; b < 256; ++b) join[b] = true;
  return join;
}
constexpr std::array<bool, 256> kMayJoin = MakeMayJoin();

// The quote stack entry of an open quotation.
struct OpenQuote {
  uint32_t begin;
  uint32_t inner_begin;
  QuoteMark mark;
  bool is_double;
};

struct OpenBracket {
  uint32_t begin;
  char bracket;
};

class Scanner {
 public:
  Scanner(absl::string_view text, TextSpan span, uint32_t paragraph,
          InlineContent* out)
      : text_(text), span_(span), paragraph_(paragraph), out_(out) {}

  void Run() {
    std::size_t first_quote = out_->quotations.size();
    std::size_t first_paren = out_->parentheticals.size();
    std::size_t pos = span_.begin;
    while (pos < span_.end) {
      unsigned char byte = static_cast<unsigned char>(text_.data()[pos]);
      // Fast paths: an ASCII letter or digit starts a word; other ASCII that
      // is not a mark the scanner tracks (spaces, most punctuation) is
      // skipped.
      if (kClasses[byte] != 0) {
        pos = ScanWord(pos, byte);
        continue;
      }
      if (byte < 0x80 && !kTracked[byte]) {
        ++pos;
        continue;
      }
      std::size_t at = pos;
      UChar32 c = NextCodePoint(text_, &pos);
      if (pos > span_.end) pos = span_.end;
      if (IsAlnum(c)) {
        pos = ScanWord(at, c);
        continue;
      }
      HandlePunctuation(c, at, pos);
    }
    CloseAll();
    std::sort(out_->quotations.begin() + first_quote, out_->quotations.end(),
              [](const Quotation& a, const Quotation& b) {
                return a.span.begin < b.span.begin;
              });
    std::sort(out_->parentheticals.begin() + first_paren,
              out_->parentheticals.end(),
              [](const Parenthetical& a, const Parenthetical& b) {
                return a.span.begin < b.span.begin;
              });
    CountClosedEnclosers(first_paren);
  }

 private:
  UChar32 At(std::size_t pos) const {
    return pos < span_.end ? CodePointAt(text_, pos) : -1;
  }
  UChar32 Before(std::size_t pos) const {
    return pos > span_.begin ? CodePointBefore(text_, pos) : -1;
  }

  // Returns the offset just past the word that starts at `begin` with
  // `first`. Counts the word's syllables (vowel groups) in the same pass.
  // Inlined into Run(): it runs once per word, and a call's register saves
  // cost as much as scanning a short word.
  ABSL_ATTRIBUTE_ALWAYS_INLINE std::size_t ScanWord(std::size_t begin,
                                                    UChar32 first) {
    std::size_t pos = begin;
    UChar32 prev = -1;
    SyllableCounter syllables;
    while (pos < span_.end) {
      std::size_t run_end = syllables.AddAsciiRun(text_, pos, span_.end);
      if (run_end > pos) {
        prev = static_cast<unsigned char>(text_.data()[run_end - 1]);
        pos = run_end;
        if (pos >= span_.end) break;
      }
      // Only apostrophes, hyphens and number punctuation can join; any other
      // ASCII character ends the word (most words end at a space).
      if (!kMayJoin[static_cast<unsigned char>(text_.data()[pos])]) break;
      std::size_t next = pos;
      UChar32 c = NextCodePoint(text_, &next);
      if (IsAlnum(c)) {
        syllables.Add(c);
        prev = c;
        pos = next;
        continue;
      }
      UChar32 after = next < span_.end ? CodePointAt(text_, next) : -1;
      bool joins = false;
      if ((IsApostrophe(c) || IsHyphen(c)) && IsAlnum(prev) && IsAlnum(after)) {
        joins = IsLetter(prev) || IsLetter(after) || IsHyphen(c);
      } else if (IsNumberJoiner(c) && IsDigit(prev) && IsDigit(after)) {
        joins = true;
      }
      if (!joins) break;
      syllables.Add(c);
      prev = c;
      pos = next;
    }
    // Filled in place: a Word built aside and copied in is reloaded whole
    // right after its narrow fields were stored, and that load stalls
    // waiting for the stores (a fifth of the scan's time).
    Word& word = out_->words.emplace_back();
    word.span =
        TextSpan{static_cast<uint32_t>(begin), static_cast<uint32_t>(pos)};
    word.paragraph = paragraph_;
    word.numeric = IsDigit(first);
    word.capitalised = IsUpper(first);
    word.syllables = word.numeric ? 0
                                  : syllables.Finish(absl::string_view(
                                        text_.data() + begin, pos - begin));
    return pos;
  }

  void HandlePunctuation(UChar32 c, std::size_t at, std::size_t next) {
    switch (c) {
      case '(':
      case '[':
        brackets_.push_back({static_cast<uint32_t>(at), static_cast<char>(c)});
        return;
      case ')':
      case ']':
        CloseBracket(c == ')' ? '(' : '[', at, next);
        return;
      case 0x201C:  // “ opens, or closes a „ quotation.
        if (!quotes_.empty() && quotes_.back().mark == QuoteMark::kLowDouble) {
          CloseQuote(quotes_.size() - 1, QuoteMark::kCurlyDoubleClose, at, next,
                     false);
        } else {
          Open(at, next, QuoteMark::kCurlyDoubleOpen, true);
        }
        return;
      case 0x201E:  // „
        Open(at, next, QuoteMark::kLowDouble, true);
        return;
      case 0x201D:  // ”
        HandleClosingDouble(at, next, QuoteMark::kCurlyDoubleClose);
        return;
      case '"':
        if (IsOpeningContext(Before(at)) && !IsSpace(At(next)) &&
            At(next) >= 0) {
          Open(at, next, QuoteMark::kStraightDouble, true);
        } else {
          HandleClosingDouble(at, next, QuoteMark::kStraightDouble);
        }
        return;
      case 0xAB:    // «
      case 0x2039:  // ‹
        Open(at, next, QuoteMark::kGuillemetOpen, c == 0xAB);
        return;
      case 0xBB:    // »
      case 0x203A:  // ›
        HandleGuillemetClose(at, next);
        return;
      case 0x2018:  // ‘
        if (!IsLetter(Before(at))) {
          Open(at, next, QuoteMark::kCurlySingleOpen, false);
        }
        return;
      case 0x2019:  // ’
      case '\'':
        HandleSingle(c, at, next);
        return;
      default:
        return;
    }
  }

  void Open(std::size_t at, std::size_t next, QuoteMark mark, bool is_double) {
    quotes_.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(next),
                       mark, is_double});
  }

  // Index of the innermost open quotation of the given kind, or -1.
  int FindOpen(bool is_double) const {
    for (int i = static_cast<int>(quotes_.size()) - 1; i >= 0; --i) {
      if (quotes_[i].is_double == is_double) return i;
    }
    return -1;
  }

  void HandleClosingDouble(std::size_t at, std::size_t next, QuoteMark mark) {
    int open = FindOpen(true);
    if (open >= 0) {
      CloseQuote(open, mark, at, next, false);
    } else if (IsOpeningContext(Before(at)) && !IsSpace(At(next))) {
      // A closing mark used to open ("”like this”").
      Open(at, next, mark, true);
    }
  }

  void HandleGuillemetClose(std::size_t at, std::size_t next) {
    for (int i = static_cast<int>(quotes_.size()) - 1; i >= 0; --i) {
      if (quotes_[i].mark == QuoteMark::kGuillemetOpen) {
        CloseQuote(i, QuoteMark::kGuillemetClose, at, next, false);
        return;
      }
    }
  }

  void HandleSingle(UChar32 c, std::size_t at, std::size_t next) {
    UChar32 before = Before(at);
    UChar32 after = At(next);
    if (IsAlnum(before) && IsAlnum(after)) return;  // don't, Marx's
    QuoteMark close_mark =
        c == '\'' ? QuoteMark::kStraightSingle : QuoteMark::kCurlySingleClose;
    if (IsOpeningContext(before) && after >= 0 && !IsSpace(after)) {
      if (c == 0x2019 && IsAlnum(after)) return;  // ’tis, ’90s
      Open(at, next, close_mark, false);
      return;
    }
    int open = FindOpen(false);
    if (open >= 0) {
      CloseQuote(open, close_mark, at, next, false);
      return;
    }
    if (IsLetter(before)) return;  // students’ work
    // A single mark closing a double quotation: mismatched marks.
    int open_double = FindOpen(true);
    if (open_double >= 0 && c == 0x2019) {
      CloseQuote(open_double, close_mark, at, next, true);
    }
  }

  void CloseQuote(std::size_t index, QuoteMark mark, std::size_t at,
                  std::size_t next, bool mismatched) {
    // Quotations opened inside this one and never closed end here too.
    while (quotes_.size() > index + 1) {
      EmitQuote(quotes_.back(), quotes_.size() - 1, QuoteMark::kNone, at, at,
                false, false);
      quotes_.pop_back();
    }
    EmitQuote(quotes_[index], index, mark, at, next, true, mismatched);
    quotes_.pop_back();
  }

  void EmitQuote(const OpenQuote& open, std::size_t depth, QuoteMark close,
                 std::size_t inner_end, std::size_t end, bool closed,
                 bool mismatched) {
    Quotation quote;
    quote.span = TextSpan{open.begin, static_cast<uint32_t>(end)};
    quote.inner = TextSpan{open.inner_begin, static_cast<uint32_t>(inner_end)};
    quote.paragraph = paragraph_;
    quote.depth = static_cast<uint16_t>(std::min<std::size_t>(depth, 0xFFFF));
    quote.open = open.mark;
    quote.close = close;
    quote.closed = closed;
    quote.mismatched = mismatched;
    out_->quotations.push_back(quote);
  }

  void CloseBracket(char opener, std::size_t at, std::size_t next) {
    for (int i = static_cast<int>(brackets_.size()) - 1; i >= 0; --i) {
      if (brackets_[i].bracket != opener) continue;
      while (static_cast<int>(brackets_.size()) > i + 1) {
        EmitBracket(brackets_.back(), brackets_.size() - 1, at, at, false);
        brackets_.pop_back();
      }
      EmitBracket(brackets_.back(), brackets_.size() - 1, at, next, true);
      brackets_.pop_back();
      return;
    }
    out_->stray_brackets.push_back(
        {static_cast<uint32_t>(at), paragraph_, opener == '(' ? ')' : ']'});
  }

  void EmitBracket(const OpenBracket& open, std::size_t depth,
                   std::size_t inner_end, std::size_t end, bool closed) {
    Parenthetical paren;
    paren.span = TextSpan{open.begin, static_cast<uint32_t>(end)};
    paren.inner = TextSpan{open.begin + 1, static_cast<uint32_t>(inner_end)};
    paren.paragraph = paragraph_;
    paren.depth = static_cast<uint16_t>(std::min<std::size_t>(depth, 0xFFFF));
    paren.open = open.bracket;
    paren.closed = closed;
    out_->parentheticals.push_back(paren);
  }

  // Sets each bracket's closed_depth. Brackets nest (an unclosed one ends
  // where the bracket around it closes), so one sweep in order of opening
  // with a stack of the brackets still around the current one does it.
  void CountClosedEnclosers(std::size_t first) {
    auto& parens = out_->parentheticals;
    enclosers_.clear();
    std::size_t closed = 0;
    for (std::size_t i = first; i < parens.size(); ++i) {
      Parenthetical& p = parens[i];
      while (!enclosers_.empty() &&
             parens[enclosers_.back()].span.end <= p.span.begin) {
        closed -= parens[enclosers_.back()].closed ? 1 : 0;
        enclosers_.pop_back();
      }
      p.closed_depth =
          static_cast<uint16_t>(std::min<std::size_t>(closed, 0xFFFF));
      enclosers_.push_back(i);
      closed += p.closed ? 1 : 0;
    }
  }

  // Whatever is still open at the end of the block is unclosed.
  void CloseAll() {
    while (!quotes_.empty()) {
      EmitQuote(quotes_.back(), quotes_.size() - 1, QuoteMark::kNone, span_.end,
                span_.end, false, false);
      quotes_.pop_back();
    }
    while (!brackets_.empty()) {
      EmitBracket(brackets_.back(), brackets_.size() - 1, span_.end, span_.end,
                  false);
      brackets_.pop_back();
    }
  }

  absl::string_view text_;
  TextSpan span_;
  uint32_t paragraph_;
  InlineContent* out_;
  std::vector<OpenQuote> quotes_;
  std::vector<OpenBracket> brackets_;
  std::vector<std::size_t> enclosers_;
};

}  // namespace

void ScanInline(absl::string_view text, TextSpan span, uint32_t paragraph,
                InlineContent* out) {
  Scanner(text, span, paragraph, out).Run();
}

uint8_t CountSyllables(absl::string_view word) {
  SyllableCounter counter;
  std::size_t pos = 0;
  while (pos < word.size()) counter.Add(NextCodePoint(word, &pos));
  return counter.Finish(word);
}

}  // namespace marginalia::rubrics
