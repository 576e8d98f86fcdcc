#include "rubrics/analysis/citations/reference_parser.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "rubrics/analysis/citations/citation_parser.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/citations/note_number.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

// Strips "[3] ", "3. ", "3) ", "<sup>3</sup> " and returns the number (0
// when none).
int StripNumber(absl::string_view* text) {
  if (int sup = StripHtmlSuperscript(text); sup > 0) return sup;
  absl::string_view t = *text;
  bool bracket = absl::ConsumePrefix(&t, "[");
  std::size_t digits = 0;
  while (digits < t.size() && digits < 4 && IsDigitByte(t[digits])) ++digits;
  if (digits == 0 || digits >= t.size()) return 0;
  char close = t[digits];
  // "37 Cluxton, R." numbering without punctuation is only taken before a
  // capitalised name and a comma, so "1984 Olympics" stays a title.
  bool bare = !bracket && close == ' ' && digits < t.size() - 1 &&
              absl::ascii_isupper(t[digits + 1]) &&
              t.substr(digits + 1, 40).find(',') != absl::string_view::npos;
  if (bare) {
    std::size_t years_b = 0, years_e = 0;
    if (FindYear(t.substr(0, digits), &years_b, &years_e)) return 0;
  } else if (bracket ? close != ']' : (close != '.' && close != ')')) {
    return 0;
  }
  int number = 0;
  for (std::size_t i = 0; i < digits; ++i) number = number * 10 + (t[i] - '0');
  t.remove_prefix(digits + 1);
  *text = TrimSpace(t);
  return number;
}

bool IsInitials(absl::string_view token) {
  WordList words = SplitWords(token);
  if (words.empty()) return false;
  for (absl::string_view word : words) {
    // "J.", "J.M.", "J-P.", "M"
    if (!StartsUpper(word) || CountCodePoints(word) > 5) return false;
    int letters = 0;
    std::size_t pos = 0;
    while (pos < word.size()) {
      if (IsLetter(NextCodePoint(word, &pos))) ++letters;
    }
    bool dotted = absl::StrContains(word, '.');
    // Undotted initials are upper case: "M", "KJ" (Vancouver style).
    bool capitals = true;
    for (char c : word) capitals = capitals && !absl::ascii_islower(c);
    if (!(dotted || letters == 1 || (capitals && letters <= 2)) ||
        letters > 3) {
      return false;
    }
  }
  return true;
}

std::string LastWord(absl::string_view chunk) {
  WordList words = SplitWords(chunk);
  while (!words.empty()) {
    absl::string_view w = words.back();
    absl::string_view stripped = w;
    while (absl::ConsumeSuffix(&stripped, ".") ||
           absl::ConsumeSuffix(&stripped, ",")) {
    }
    std::string lower = absl::AsciiStrToLower(stripped);
    if (lower == "jr" || lower == "sr" || lower == "ii" || lower == "iii" ||
        lower.empty()) {
      words.pop_back();
      continue;
    }
    return std::string(stripped);
  }
  return "";
}

// The family name in one author chunk: leading initials dropped ("D. H.
// van Hessem" -> "van Hessem"), trailing initials dropped ("Gattellari M" ->
// "Gattellari"); a first, inverted author keeps every word ("De Gaulle").
std::string ChunkFamily(absl::string_view chunk, bool inverted_first) {
  WordList words = SplitWords(chunk);
  while (words.size() > 1 && IsInitials(words.front())) {
    words.erase(words.begin());
    inverted_first = false;
  }
  while (words.size() > 1 && IsInitials(words.back())) words.pop_back();
  if (words.empty()) return "";
  bool corporate = words.size() >= 4 ||
                   std::any_of(words.begin(), words.end(), IsCorporateWord);
  // An inverted first author is one family name, possibly compound
  // ("De Gaulle"); several plain words there are a name in natural order
  // ("Joseph Schumpeter, Capitalism ...").
  if (inverted_first && words.size() >= 2 &&
      !IsNameParticle(absl::AsciiStrToLower(words.front()))) {
    inverted_first = false;
  }
  if (corporate || inverted_first) {
    std::string joined;
    for (absl::string_view w : words) {
      if (!joined.empty()) joined += " ";
      joined += std::string(w);
    }
    while (!joined.empty() && (joined.back() == '.' || joined.back() == ',')) {
      joined.pop_back();
    }
    return joined;
  }
  // Natural order: the last word, with a particle before it ("van Dijk").
  std::string last = LastWord(words.back());
  if (words.size() >= 2 && IsNameParticle(words[words.size() - 2])) {
    return std::string(words[words.size() - 2]) + " " + last;
  }
  return last;
}

// Whether `head`, ending with an initial's full stop, is one inverted name
// ("Kaplan, Steven L.", "Smith, J. R.") and `next`, the text after it,
// starts a title rather than more initials: Chicago's "Kaplan, Steven L.
// Bread, Politics ..." (but not "Jones, Peter M., and Colin Lucas", whose
// full stop is not followed by a space).
bool EndsInvertedName(absl::string_view head, absl::string_view next) {
  std::size_t comma = head.find(',');
  if (comma == absl::string_view::npos ||
      head.find(',', comma + 1) != absl::string_view::npos) {
    return false;
  }
  if (SplitWords(head.substr(comma + 1)).empty()) return false;
  WordList after = SplitWords(next.substr(0, 40));
  return !after.empty() && StartsUpper(after.front()) &&
         !IsInitials(after.front());
}

// Whether an entry with no author punctuation at all is a title: several
// words with lower-case ones among them that no name list has ("in",
// "the"; "and", "&" and particles such as "van" may join names), or an
// article first.
bool IsTitleNotAuthors(absl::string_view segment) {
  constexpr std::size_t kMinTitleWords = 4;
  WordList words = SplitWords(segment);
  if (words.empty()) return false;
  if (IsLeadingArticle(words[0])) return true;
  if (words.size() < kMinTitleWords) return false;
  for (absl::string_view word : words) {
    if (!StartsUpper(word) && word != "and" && word != "&" &&
        !IsNameParticle(word)) {
      return true;
    }
  }
  return false;
}

// The end of the author segment of an entry without a bracketed year: the
// first ". " that does not follow an initial. When that full stop follows a
// year ("Gillin, D. G. 1963. Title"), the segment ends before the year.
std::size_t AuthorSegmentEnd(absl::string_view text) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != '.' || text[i + 1] != ' ') continue;
    std::size_t start = i;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != ',' &&
           text[start - 1] != '.') {
      --start;
    }
    absl::string_view token = text.substr(start, i - start);
    std::size_t yb = 0, ye = 0;
    if (start > 0 && FindYear(token, &yb, &ye) && yb == 0 &&
        ye == token.size()) {
      return start - 1;
    }
    if (CountCodePoints(token) >= 2) return i;
    if (EndsInvertedName(text.substr(0, i + 1), text.substr(i + 2))) return i;
  }
  return absl::string_view::npos;
}

// The last year in `text` (Chicago and MLA put it near the end).
bool FindLastYear(absl::string_view text, std::size_t* begin,
                  std::size_t* end) {
  bool found = false;
  std::size_t offset = 0;
  std::size_t b = 0, e = 0;
  while (FindYear(text.substr(offset), &b, &e)) {
    *begin = offset + b;
    *end = offset + e;
    found = true;
    offset += e;
  }
  return found;
}

std::string TitleAfter(absl::string_view rest) {
  rest = TrimSpace(rest);
  while (absl::ConsumePrefix(&rest, ".") || absl::ConsumePrefix(&rest, ")") ||
         absl::ConsumePrefix(&rest, ",")) {
    rest = TrimSpace(rest);
  }
  // A quoted title: "..." or “...”.
  for (auto [open, close] : {std::pair<absl::string_view, absl::string_view>{
                                 "\xE2\x80\x9C", "\xE2\x80\x9D"},
                             {"\"", "\""}}) {
    if (absl::StartsWith(rest, open)) {
      absl::string_view inner = rest.substr(open.size());
      std::size_t stop = inner.find(close);
      if (stop != absl::string_view::npos) {
        absl::string_view title = TrimSpace(inner.substr(0, stop));
        absl::ConsumeSuffix(&title, ",");
        absl::ConsumeSuffix(&title, ".");
        return std::string(title);
      }
    }
  }
  std::size_t stop = std::string::npos;
  for (absl::string_view end : {". ", "? ", "! "}) {
    std::size_t at = rest.find(end);
    if (at != absl::string_view::npos) stop = std::min(stop, at + 1);
  }
  absl::string_view title = rest.substr(0, stop);
  absl::ConsumeSuffix(&title, ".");
  return std::string(TrimSpace(title));
}

// Whether `heading`, lower-cased and without Markdown emphasis, heading
// marks or a trailing colon, is one of `names`.
template <std::size_t N>
bool HeadingIsOneOf(absl::string_view heading,
                    const absl::string_view (&names)[N]) {
  std::string text = absl::AsciiStrToLower(TrimSpace(heading));
  absl::StrReplaceAll({{"*", ""}, {"_", ""}, {"#", ""}}, &text);
  absl::string_view t = TrimSpace(text);
  absl::ConsumeSuffix(&t, ":");
  t = TrimSpace(t);
  return std::find(std::begin(names), std::end(names), t) != std::end(names);
}

}  // namespace

bool IsReferenceHeading(absl::string_view heading) {
  static constexpr absl::string_view kNames[] = {"references",
                                                 "reference list",
                                                 "bibliography",
                                                 "works cited",
                                                 "work cited",
                                                 "sources",
                                                 "sources cited",
                                                 "literature cited",
                                                 "works consulted",
                                                 "citations",
                                                 "cited works",
                                                 "references cited",
                                                 "select bibliography",
                                                 "selected bibliography",
                                                 "reference"};
  return HeadingIsOneOf(heading, kNames);
}

bool IsNotesHeading(absl::string_view heading) {
  static constexpr absl::string_view kNames[] = {"notes", "endnotes",
                                                 "end notes", "footnotes"};
  return HeadingIsOneOf(heading, kNames);
}

bool IsCitedWorksHeading(absl::string_view heading) {
  std::string text = absl::AsciiStrToLower(heading);
  for (absl::string_view consulted :
       {"bibliography", "consulted", "further reading", "sources"}) {
    if (absl::StrContains(text, consulted) &&
        !absl::StrContains(text, "cited")) {
      return false;
    }
  }
  return true;
}

bool LooksLikeReferenceEntry(absl::string_view text) {
  text = TrimSpace(text);
  if (text.size() < 15 || text.size() > 1500) return false;
  std::size_t b = 0, e = 0;
  if (!FindYear(text, &b, &e)) return false;
  absl::string_view rest = text;
  if (StripNumber(&rest) > 0) return !rest.empty() && StartsUpper(rest);
  std::size_t comma = rest.find(',');
  std::size_t stop = rest.find(". ");
  std::size_t bracket = rest.find(" (");
  std::size_t head_end = std::min({comma, stop, bracket});
  if (head_end == absl::string_view::npos || head_end == 0 || head_end > 60) {
    return false;
  }
  // The head is a name: capitalised words only.
  for (absl::string_view word : SplitWords(rest.substr(0, head_end))) {
    if (!StartsUpper(word) && !IsNameParticle(word) && word != "of" &&
        word != "the" && word != "for" && word != "and") {
      return false;
    }
  }
  return SplitWords(rest).size() >= 4;
}

std::vector<std::string> ReferenceFamilyNames(absl::string_view authors) {
  std::string text(TrimSpace(authors));
  while (!text.empty() && (text.back() == '.' || text.back() == ',')) {
    text.pop_back();
  }
  if (IsCorporateName(text)) {
    absl::StrReplaceAll({{";", ","}}, &text);
  } else {
    absl::StrReplaceAll({{" & ", ", "},
                         {", and ", ", "},
                         {" and ", ", "},
                         {";", ","},
                         {"et al", ""}},
                        &text);
  }
  std::vector<absl::string_view> tokens;
  for (absl::string_view t : absl::StrSplit(text, ',')) {
    t = TrimSpace(t);
    // "eds." and "(Ed.)" mark editors; they are not names.
    std::string lower = absl::AsciiStrToLower(t);
    absl::StrReplaceAll({{"(", ""}, {")", ""}, {".", ""}}, &lower);
    if (lower == "ed" || lower == "eds" || lower == "editor" ||
        lower == "editors") {
      continue;
    }
    if (!t.empty()) tokens.push_back(t);
  }
  std::vector<std::string> names;
  if (tokens.empty()) return names;
  bool inverted = absl::StrContains(authors, ',');
  if (!inverted) {
    for (absl::string_view chunk : tokens) {
      names.push_back(ChunkFamily(chunk, false));
    }
    return names;
  }
  names.push_back(ChunkFamily(tokens[0], true));
  std::size_t i = 1;
  // The first author's given names or initials ("M.", "Maurice"), unless the
  // token is itself a family name followed by initials ("Smith, Jones, K.").
  if (i < tokens.size()) {
    bool next_is_initials = i + 1 < tokens.size() && IsInitials(tokens[i + 1]);
    if (IsInitials(tokens[i]) ||
        (SplitWords(tokens[i]).size() <= 3 && !next_is_initials)) {
      ++i;
    }
  }
  for (; i < tokens.size(); ++i) {
    absl::string_view t = tokens[i];
    if (IsInitials(t)) continue;
    WordList words = SplitWords(t);
    // "Horko" of "Horko, S.", "Horko S.", or "John Smith".
    names.push_back(words.size() == 1 ? LastWord(t) : ChunkFamily(t, false));
  }
  names.erase(std::remove_if(names.begin(), names.end(),
                             [](const std::string& n) { return n.empty(); }),
              names.end());
  return names;
}

ParsedReference ParseReferenceEntry(absl::string_view text) {
  ParsedReference entry;
  absl::string_view rest = TrimSpace(text);
  entry.number = StripNumber(&rest);
  // Markdown footnote definitions: "[^3]: ...".
  if (absl::ConsumePrefix(&rest, "[^")) {
    std::size_t close = rest.find("]:");
    if (close != absl::string_view::npos) {
      int number = 0;
      std::size_t digits = 0;
      for (; digits < close && IsDigitByte(rest[digits]); ++digits) {
        number = AppendNoteDigit(number, rest[digits] - '0');
      }
      entry.number = number;
      if (digits < close) {
        entry.number = 0;
        entry.label = std::string(rest.substr(0, close));
      }
      rest = TrimSpace(rest.substr(close + 2));
    }
  }
  std::size_t paren = rest.find(" (");
  std::size_t b = 0, e = 0;
  bool bracketed_year = paren != absl::string_view::npos && paren < 200 &&
                        FindYear(rest.substr(paren + 2, 24), &b, &e) && b == 0;
  if (bracketed_year) {
    // APA "Author. (1986). Title." or Harvard "Author (1986) Title". A
    // quoted title before the bracket ends the authors: Chicago's
    // "Author. “Title.” Journal 4, no. 3 (2006): 488."
    absl::string_view author_part = rest.substr(0, paren);
    absl::string_view year_part = rest.substr(paren + 2);
    entry.year = std::string(year_part.substr(b, e - b));
    std::size_t quote =
        std::min(author_part.find('"'), author_part.find("\xE2\x80\x9C"));
    if (quote != absl::string_view::npos && quote > 0) {
      entry.authors = ReferenceFamilyNames(author_part.substr(0, quote));
      entry.title = TitleAfter(author_part.substr(quote));
      entry.style = v1::CITATION_STYLE_CHICAGO;
      return entry;
    }
    entry.authors = ReferenceFamilyNames(author_part);
    std::size_t close = year_part.find(')');
    absl::string_view after =
        close == absl::string_view::npos ? "" : year_part.substr(close + 1);
    entry.style = absl::StartsWith(after, ".") ? v1::CITATION_STYLE_APA
                                               : v1::CITATION_STYLE_HARVARD;
    entry.title = TitleAfter(after);
    return entry;
  }
  std::size_t author_end = AuthorSegmentEnd(rest);
  if (author_end == absl::string_view::npos) author_end = rest.find(',');
  absl::string_view authors =
      author_end == absl::string_view::npos ? rest : rest.substr(0, author_end);
  absl::string_view after = author_end == absl::string_view::npos
                                ? rest
                                : rest.substr(author_end + 1);
  // Harvard without brackets: "Meisner, M. 1986. Title."
  std::size_t yb = 0, ye = 0;
  absl::string_view trimmed_after = TrimSpace(after);
  if (FindYear(trimmed_after, &yb, &ye) && yb == 0) {
    entry.year = std::string(trimmed_after.substr(yb, ye - yb));
    entry.style = v1::CITATION_STYLE_HARVARD;
    entry.authors = ReferenceFamilyNames(authors);
    entry.title = TitleAfter(trimmed_after.substr(ye));
    return entry;
  }
  if (author_end == absl::string_view::npos && IsTitleNotAuthors(authors)) {
    // "Traditions and Trajectories in the Historiography of ...": a note or
    // entry that names the work by its title alone.
    entry.title = std::string(TrimSpace(authors));
    if (FindLastYear(after, &yb, &ye)) {
      entry.year = std::string(after.substr(yb, ye - yb));
    }
    return entry;
  }
  entry.authors = ReferenceFamilyNames(authors);
  if (FindLastYear(after, &yb, &ye)) {
    entry.year = std::string(after.substr(yb, ye - yb));
  }
  entry.title = TitleAfter(after);
  entry.style = absl::StrContains(after.substr(0, yb), ": ")
                    ? v1::CITATION_STYLE_CHICAGO
                    : v1::CITATION_STYLE_MLA;
  if (entry.number > 0) entry.style = v1::CITATION_STYLE_NUMERIC;
  return entry;
}

namespace {

// Strips the note number from the start of `text` and returns it (0 when
// there is none). Within a Notes section any leading number is the note's:
// "3 Joan Scott", "3. Ibid.", "[3] ...", "³ ...".
int StripNoteNumber(absl::string_view* text) {
  if (int sup = StripHtmlSuperscript(text); sup > 0) return sup;
  absl::string_view t = *text;
  bool bracket = absl::ConsumePrefix(&t, "[");
  // Markdown's "[^3]" and "[^3]:".
  if (bracket) absl::ConsumePrefix(&t, "^");
  int number = 0;
  std::size_t digits = 0;
  while (digits < t.size() && digits < 4 && IsDigitByte(t[digits])) {
    number = number * 10 + (t[digits] - '0');
    ++digits;
  }
  if (digits == 0) {
    // Superscript digits, as some editors export note numbers.
    if (bracket) return 0;
    std::size_t pos = 0;
    while (pos < t.size()) {
      std::size_t next = pos;
      int value = SuperscriptDigit(NextCodePoint(t, &next));
      if (value < 0) break;
      number = AppendNoteDigit(number, value);
      pos = next;
    }
    if (pos == 0) return 0;
    *text = TrimSpace(t.substr(pos));
    return number;
  }
  if (digits == t.size()) return 0;
  char after = t[digits];
  if (bracket
          ? after != ']'
          : (after != ' ' && after != '.' && after != ')' && after != '\t')) {
    return 0;
  }
  t.remove_prefix(digits + 1);
  if (bracket) absl::ConsumePrefix(&t, ":");
  *text = TrimSpace(t);
  return number;
}

// Whether `text` opens with a quotation mark (a quoted title).
bool OpensWithQuote(absl::string_view text) {
  return absl::StartsWith(text, "\xE2\x80\x9C") || absl::StartsWith(text, "\"");
}

// Whether `chunk` reads as a person's name: a few capitalised words
// ("Joan Scott", "Scott", "J. W. Scott", "Maria van Dijk").
bool LooksLikeName(absl::string_view chunk) {
  WordList words = SplitWords(chunk);
  return !words.empty() && words.size() <= 4 &&
         std::all_of(words.begin(), words.end(), [](absl::string_view w) {
           return StartsUpper(w) || IsNameParticle(absl::AsciiStrToLower(w));
         });
}

// Reads the authors at the start of a note into `families` and returns
// the text after them: "Joan Scott, Gender ..." {Scott}; "Hall and Rendall,
// Defining ..." {Hall, Rendall}; "Catherine Hall, Keith McClelland, and
// Jane Rendall, Defining ..." {Hall, McClelland, Rendall}, the list closed
// by its "and" (so that "Douglas Northrup, Veiled Empire, ..." is one
// author and a title). A note that opens with a title (quoted, in italics,
// or too long for a name) has none.
absl::string_view NoteAuthors(absl::string_view text,
                              std::vector<std::string>* families,
                              std::string* year) {
  if (OpensWithQuote(text) || absl::StartsWith(text, "*") ||
      absl::StartsWith(text, "_")) {
    return text;
  }
  // The name-like comma-separated chunks at the start, each with the offset
  // just past it; a full stop that does not end an initial ends the last
  // ("J. W. Scott. Gender ...", "E.B. Thompson. Exploitation ...").
  struct Chunk {
    absl::string_view text;
    std::size_t end;
    bool closes;  // starts with "and": the last author of a list
  };
  std::vector<Chunk> names;
  std::size_t from = 0;
  bool stop = false;
  while (from < text.size() && !stop) {
    std::size_t end = text.size();
    for (std::size_t i = from; i < text.size(); ++i) {
      if (text[i] == ',') {
        end = i;
        break;
      }
      if (text[i] != '.') continue;
      std::size_t start = i;
      while (start > from && text[start - 1] != ' ') --start;
      if (!IsInitials(text.substr(start, i + 1 - start))) {
        end = i;
        stop = true;
        break;
      }
    }
    absl::string_view chunk = TrimSpace(text.substr(from, end - from));
    bool closes = absl::ConsumePrefix(&chunk, "and ");
    // An author-date short note: "Marx and Engels 2014, 30."
    std::size_t space = chunk.rfind(' ');
    std::size_t yb = 0, ye = 0;
    if (space != absl::string_view::npos &&
        FindYear(chunk.substr(space + 1), &yb, &ye) && yb == 0 &&
        ye == chunk.size() - space - 1) {
      *year = std::string(chunk.substr(space + 1));
      chunk = TrimSpace(chunk.substr(0, space));
    }
    bool names_only = true;
    for (absl::string_view name : absl::StrSplit(chunk, " and ")) {
      names_only = names_only && LooksLikeName(name);
    }
    if (!names_only) break;
    names.push_back({chunk, end, closes});
    if (closes) break;
    from = end + 1;
  }
  if (names.empty()) return text;
  // Several authors only when an "and" closes the list.
  if (!names.back().closes) names.resize(1);
  for (const Chunk& chunk : names) {
    for (absl::string_view name : absl::StrSplit(chunk.text, " and ")) {
      std::string family = ChunkFamily(TrimSpace(name), false);
      if (!family.empty()) families->push_back(family);
    }
  }
  std::size_t end = names.back().end;
  return end < text.size() ? TrimSpace(text.substr(end + 1)) : "";
}

// A note's title: in quotation marks, or up to the publication details
// ("Defining the Victorian Nation (Cambridge: ...)", "Veiled Empire, 54.").
std::string NoteTitle(absl::string_view rest) {
  if (OpensWithQuote(rest)) return TitleAfter(rest);
  std::size_t stop = rest.size();
  for (absl::string_view end : {" (", ", ", ". "}) {
    stop = std::min(stop, rest.find(end));
  }
  absl::string_view title = TrimSpace(rest.substr(0, stop));
  while (absl::ConsumePrefix(&title, "*") || absl::ConsumePrefix(&title, "_")) {
  }
  while (absl::ConsumeSuffix(&title, "*") || absl::ConsumeSuffix(&title, "_") ||
         absl::ConsumeSuffix(&title, ".")) {
  }
  return std::string(title);
}

}  // namespace

int NoteNumber(absl::string_view line) {
  absl::string_view t = TrimSpace(line);
  return StripNoteNumber(&t);
}

ParsedReference ParseNoteEntry(absl::string_view text) {
  ParsedReference entry;
  entry.note = true;
  entry.style = v1::CITATION_STYLE_NUMERIC;
  absl::string_view rest = TrimSpace(text);
  entry.number = StripNoteNumber(&rest);
  // A Markdown note with a label rather than a number: "[^White1]: ...".
  if (std::size_t close = rest.find("]:");
      entry.number == 0 && absl::StartsWith(rest, "[^") &&
      close != absl::string_view::npos && close <= kMaxNoteLabel) {
    entry.label = std::string(rest.substr(2, close - 2));
    rest = TrimSpace(rest.substr(close + 2));
  }
  if (absl::StartsWithIgnoreCase(rest, "ibid")) {
    entry.ibid = true;
    return entry;
  }
  absl::string_view after = NoteAuthors(rest, &entry.authors, &entry.year);
  entry.authors.erase(
      std::remove(entry.authors.begin(), entry.authors.end(), std::string()),
      entry.authors.end());
  std::size_t yb = 0, ye = 0;
  if (entry.year.empty() && FindLastYear(after, &yb, &ye)) {
    entry.year = std::string(after.substr(yb, ye - yb));
  }
  entry.title = NoteTitle(after);
  return entry;
}

}  // namespace marginalia::rubrics
