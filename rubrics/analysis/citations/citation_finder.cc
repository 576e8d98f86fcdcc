#include "rubrics/analysis/citations/citation_finder.h"

#include <algorithm>
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "rubrics/analysis/citations/citation_parser.h"
#include "rubrics/analysis/citations/implicit_sources.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/citations/note_number.h"
#include "rubrics/analysis/citations/reference_parser.h"
#include "rubrics/analysis/text_queries.h"
#include "rubrics/document/byte_scan.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

constexpr absl::string_view kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Words that start a capitalised phrase before a year without naming an
// author: "In (1986)", "Since", "During".
bool IsCommonLeadWord(const Lexicon& lexicon, std::size_t word) {
  if (lexicon.stopword(word)) return true;
  for (absl::string_view month : kMonths) {
    if (WordIs(lexicon, word, month)) return true;
  }
  return false;
}

// A Markdown footnote definition ("[^3]: ...", "[^White1]: ..."), an HTML
// one ("<sup>3</sup> ...") or a link definition ("[wiki]: https://..."): a
// note or a source, not prose.
bool IsLinkOrNoteDefinition(absl::string_view text) {
  std::size_t sup_length = 0;
  if (HtmlSuperscriptNumber(text, &sup_length) > 0) return true;
  if (!absl::StartsWith(text, "[")) return false;
  std::size_t close = text.find("]:");
  return close != absl::string_view::npos && close > 1 &&
         close <= kMaxNoteLabel &&
         text.substr(0, close).find(']') == absl::string_view::npos;
}

bool HasYearOrAddress(absl::string_view text) {
  std::size_t b = 0, e = 0;
  return FindYear(text, &b, &e) || absl::StrContains(text, "http") ||
         absl::StrContains(text, "www.");
}

// Adds the blocks under heading `heading`, up to the next heading, and
// returns the index just past them.
int AddSection(const Document& doc, int heading, AnalysisResult* result) {
  const auto& paragraphs = doc.paragraphs();
  int i = heading + 1;
  for (; i < static_cast<int>(paragraphs.size()); ++i) {
    const Paragraph& p = paragraphs[i];
    // A short entry without a final full stop reads as a heading by
    // layout; one with a year or an address is still an entry.
    bool entry_like_heading = p.kind == BlockKind::kHeading &&
                              p.heading_level == 0 &&
                              HasYearOrAddress(doc.Slice(p.span));
    if ((p.kind == BlockKind::kHeading && !entry_like_heading) ||
        p.kind == BlockKind::kTitle) {
      break;
    }
    result->reference_paragraphs.push_back(i);
  }
  return i;
}

// The reference list: the blocks under a references heading, or else a
// trailing run of entry-like blocks; the notes under a Notes heading; plus
// Markdown footnote definitions. Returns the index just past the Notes
// section (-1 without one).
int FindReferenceList(const Document& doc, AnalysisResult* result) {
  const auto& paragraphs = doc.paragraphs();
  int heading = -1;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    if ((p.kind == BlockKind::kHeading || p.kind == BlockKind::kProse) &&
        p.span.size() < 60) {
      absl::string_view text = doc.Slice(p.span);
      if (IsReferenceHeading(text)) heading = static_cast<int>(i);
      if (IsNotesHeading(text)) result->notes_heading = static_cast<int>(i);
    }
  }
  int notes_end = -1;
  if (result->notes_heading >= 0) {
    notes_end = AddSection(doc, result->notes_heading, result);
  }
  if (heading >= 0) {
    result->reference_heading = heading;
    AddSection(doc, heading, result);
  } else if (result->notes_heading < 0) {
    int first = static_cast<int>(paragraphs.size());
    while (first > 0 && paragraphs[first - 1].kind != BlockKind::kHeading &&
           LooksLikeReferenceEntry(doc.Slice(paragraphs[first - 1].span))) {
      --first;
    }
    int run = static_cast<int>(paragraphs.size()) - first;
    // One entry alone counts under a heading we do not know ("Resouces",
    // "Text"), when it is as short as an entry, not a body paragraph.
    constexpr std::size_t kMaxLoneEntryBytes = 400;
    bool lone_entry_under_heading =
        run == 1 && first > 0 &&
        paragraphs[first - 1].kind == BlockKind::kHeading &&
        paragraphs[first].span.size() <= kMaxLoneEntryBytes;
    if (run >= 2 || lone_entry_under_heading) {
      for (int i = first; i < static_cast<int>(paragraphs.size()); ++i) {
        result->reference_paragraphs.push_back(i);
      }
    }
  }
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (IsLinkOrNoteDefinition(doc.Slice(paragraphs[i].span))) {
      result->reference_paragraphs.push_back(static_cast<int>(i));
    }
  }
  // Sorted, each once (a definition may also sit under a heading).
  std::sort(result->reference_paragraphs.begin(),
            result->reference_paragraphs.end());
  result->reference_paragraphs.erase(
      std::unique(result->reference_paragraphs.begin(),
                  result->reference_paragraphs.end()),
      result->reference_paragraphs.end());
  return notes_end;
}

// Splits a block of notes into notes: each starts on a line that opens
// with a note number.
std::vector<TextSpan> SplitNotes(const Document& doc, TextSpan block) {
  absl::string_view text = doc.Slice(block);
  std::vector<TextSpan> notes;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == absl::string_view::npos) end = text.size();
    TextSpan span{static_cast<uint32_t>(block.begin + start),
                  static_cast<uint32_t>(block.begin + end)};
    if (notes.empty() || NoteNumber(text.substr(start, end - start)) > 0) {
      notes.push_back(span);
    } else {
      notes.back().end = span.end;
    }
    start = end + 1;
  }
  return notes;
}

// Splits a reference block into entries: a block typed without blank lines
// between entries holds several, each starting on a new line after a line
// that ended with a full stop.
std::vector<TextSpan> SplitEntries(const Document& doc, TextSpan block) {
  absl::string_view text = doc.Slice(block);
  std::vector<TextSpan> entries;
  std::size_t start = 0;
  bool previous_ended = false;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == absl::string_view::npos) end = text.size();
    absl::string_view line = TrimSpace(text.substr(start, end - start));
    TextSpan span{static_cast<uint32_t>(block.begin + start),
                  static_cast<uint32_t>(block.begin + end)};
    if (entries.empty() || (previous_ended && LooksLikeReferenceEntry(line))) {
      entries.push_back(span);
    } else {
      entries.back().end = span.end;
    }
    previous_ended = absl::EndsWith(line, ".");
    start = end + 1;
  }
  return entries;
}

// MLA and Chicago write "---." (three hyphens or em dashes) for the same
// author(s) as the entry before.
bool RepeatsPreviousAuthors(absl::string_view entry) {
  for (absl::string_view dash : {"---", "\xE2\x80\x94\xE2\x80\x94", "___"}) {
    if (absl::StartsWith(entry, dash)) return true;
  }
  return false;
}

// Parses the entries (or, in a Notes section, the notes) of block `index`.
void ParseReferenceBlock(const Document& doc, int index, bool notes,
                         AnalysisResult* result) {
  TextSpan block = doc.paragraphs()[index].span;
  for (TextSpan span :
       notes ? SplitNotes(doc, block) : SplitEntries(doc, block)) {
    absl::string_view text = TrimSpace(doc.Slice(span));
    if (text.empty()) continue;
    ParsedReference parsed =
        notes ? ParseNoteEntry(text) : ParseReferenceEntry(text);
    ReferenceRecord record;
    record.span = span;
    record.paragraph = index;
    record.authors = std::move(parsed.authors);
    record.year = std::move(parsed.year);
    record.title = std::move(parsed.title);
    record.number = parsed.number;
    record.label = std::move(parsed.label);
    record.style = parsed.style;
    record.note = parsed.note;
    record.ibid = parsed.ibid;
    if (!notes && RepeatsPreviousAuthors(text) && !result->references.empty() &&
        !result->references.back().note) {
      record.authors = result->references.back().authors;
    }
    result->references.push_back(std::move(record));
  }
}

// The author a narrative citation names just before its bracket:
// "Smith (2019)", "Smith and Jones (2019)", "Smith et al. (2019)",
// "Smith's (2019)". Returns false when the words there are not a name.
bool NarrativeAuthors(const AnalysisInput& input, const AnalysisResult& result,
                      const std::vector<uint64_t>& lower_case_words,
                      const Parenthetical& bracket, CitationRecord* out) {
  const Document& doc = input.document;
  const auto& words = doc.words();
  const Paragraph& p = doc.paragraphs()[bracket.paragraph];
  auto it = std::lower_bound(
      words.begin() + p.words.begin, words.begin() + p.words.end,
      bracket.span.begin,
      [](const Word& w, uint32_t offset) { return w.span.end <= offset; });
  int last = static_cast<int>(it - words.begin()) - 1;
  if (last < static_cast<int>(p.words.begin)) return false;
  absl::string_view gap = doc.text().substr(
      words[last].span.end, bracket.span.begin - words[last].span.end);
  // "Smith. (2019)" slips a full stop in; "Francis' (1999)" is possessive.
  absl::string_view trimmed_gap = TrimSpace(gap);
  if (!trimmed_gap.empty() && trimmed_gap != "." && trimmed_gap != "'" &&
      trimmed_gap != "\xE2\x80\x99") {
    return false;
  }
  int name = last;
  if (WordIs(input.lexicon, name, "al") && name >= 1 &&
      WordIs(input.lexicon, name - 1, "et")) {
    out->et_al = true;
    name -= 2;
  }
  if (name < static_cast<int>(p.words.begin)) return false;
  auto is_name = [&](int w) {
    if (!words[w].capitalised || IsCommonLeadWord(input.lexicon, w)) {
      return false;
    }
    // A word the essay also writes in lower case is not a name ("the
    // Revolution (1966)" when "revolution" appears elsewhere).
    return !std::binary_search(lower_case_words.begin(), lower_case_words.end(),
                               input.lexicon.folded(w));
  };
  if (!is_name(name)) return false;
  // The capitalised run before the bracket: "World Health Organization",
  // "Historian Beverley Southgate". A run that ends with a reference's
  // author, or names an organisation, is kept whole; otherwise the family
  // name is its last word.
  int run_start = name;
  while (run_start - 1 >= static_cast<int>(p.words.begin) &&
         name - run_start < 4 && words[run_start - 1].capitalised &&
         doc.text().substr(words[run_start - 1].span.end,
                           words[run_start].span.begin -
                               words[run_start - 1].span.end) == " ") {
    --run_start;
  }
  int first_word = name;
  for (int start = run_start; start < name; ++start) {
    std::string candidate(
        doc.text().substr(words[start].span.begin,
                          words[name].span.end - words[start].span.begin));
    bool known = false;
    for (const ReferenceRecord& ref : result.references) {
      known = known || (!ref.authors.empty() &&
                        FoldName(ref.authors[0]) == FoldName(candidate));
    }
    bool organisation =
        name - start >= 2 && (WordIs(input.lexicon, name, "organization") ||
                              WordIs(input.lexicon, name, "organisation") ||
                              WordIs(input.lexicon, name, "association") ||
                              WordIs(input.lexicon, name, "institute") ||
                              WordIs(input.lexicon, name, "council") ||
                              WordIs(input.lexicon, name, "commission") ||
                              WordIs(input.lexicon, name, "bank"));
    if (known || organisation) {
      first_word = start;
      break;
    }
  }
  std::string family(
      doc.text().substr(words[first_word].span.begin,
                        words[name].span.end - words[first_word].span.begin));
  for (absl::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
    if (absl::EndsWith(family, suffix))
      family.resize(family.size() - suffix.size());
  }
  out->authors.insert(out->authors.begin(), family);
  name = first_word;
  uint32_t begin = words[name].span.begin;
  if (name - 2 >= static_cast<int>(p.words.begin) &&
      (WordIs(input.lexicon, name - 1, "and")) && is_name(name - 2)) {
    out->authors.insert(out->authors.begin(),
                        std::string(doc.Slice(words[name - 2].span)));
    out->uses_and = true;
    begin = words[name - 2].span.begin;
  } else if (name - 1 >= static_cast<int>(p.words.begin) && is_name(name - 1) &&
             absl::StrContains(doc.text().substr(words[name - 1].span.end,
                                                 words[name].span.begin -
                                                     words[name - 1].span.end),
                               '&')) {
    out->authors.insert(out->authors.begin(),
                        std::string(doc.Slice(words[name - 1].span)));
    out->uses_ampersand = true;
    begin = words[name - 1].span.begin;
  }
  out->span = TextSpan{begin, bracket.span.end};
  return true;
}

// Folded forms of every word the essay writes starting in lower case.
std::vector<uint64_t> LowerCaseWords(const AnalysisInput& input) {
  std::vector<uint64_t> folded;
  const auto& words = input.document.words();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].capitalised && !words[i].numeric) {
      folded.push_back(input.lexicon.folded(i));
    }
  }
  std::sort(folded.begin(), folded.end());
  folded.erase(std::unique(folded.begin(), folded.end()), folded.end());
  return folded;
}

CitationRecord FromParsed(ParsedCitation parsed, const Parenthetical& bracket) {
  CitationRecord record;
  record.span = bracket.span;
  record.kind = v1::CITATION_KIND_PARENTHETICAL;
  record.style = parsed.style;
  record.authors = std::move(parsed.authors);
  record.et_al = parsed.et_al;
  record.year = std::move(parsed.year);
  record.locator = std::move(parsed.locator);
  record.paragraph = static_cast<int>(bracket.paragraph);
  record.format_problem = std::move(parsed.format_problem);
  record.irregular_page = parsed.irregular_page;
  record.uses_and = parsed.uses_and;
  record.uses_ampersand = parsed.uses_ampersand;
  record.chicago_compatible = parsed.chicago_compatible;
  return record;
}

// "(Ibid., 109)": the work of the citation before, at page 109; its
// source is unknown when nothing was cited before.
CitationRecord IbidCitation(absl::string_view inner,
                            const Parenthetical& bracket,
                            const std::vector<CitationRecord>& so_far) {
  CitationRecord record;
  if (!so_far.empty()) {
    const CitationRecord& before = so_far.back();
    record.authors = before.authors;
    record.et_al = before.et_al;
    record.year = before.year;
    record.numbers = before.numbers;
    record.label = before.label;
  }
  record.span = bracket.span;
  record.kind = v1::CITATION_KIND_PARENTHETICAL;
  record.style = v1::CITATION_STYLE_CHICAGO;
  record.paragraph = static_cast<int>(bracket.paragraph);
  absl::string_view rest = TrimSpace(inner).substr(4);
  absl::ConsumePrefix(&rest, ".");
  absl::ConsumePrefix(&rest, ",");
  record.locator = std::string(TrimSpace(rest));
  return record;
}

// Whether `inner` (of "[^inner]", or of "[inner]" without `caret`) names a
// footnote: after a caret any short one-line label does (Markdown gives
// the caret no other use); without one only a label a note defines.
bool IsFootnoteLabel(absl::string_view inner, bool caret,
                     const absl::flat_hash_set<std::string>& note_labels) {
  if (inner.empty() || inner.size() > kMaxNoteLabel ||
      absl::StrContains(inner, '\n')) {
    return false;
  }
  return caret || note_labels.contains(inner);
}

// A footnote marker at `span` naming note `number`, in paragraph `index`.
CitationRecord FootnoteMarker(TextSpan span, int number, int index) {
  CitationRecord record;
  record.span = span;
  record.kind = v1::CITATION_KIND_FOOTNOTE;
  record.style = v1::CITATION_STYLE_NUMERIC;
  record.numbers.push_back(number);
  record.paragraph = index;
  return record;
}

// Superscript digits used as footnote markers: "...the plan.¹²"
void FindSuperscriptMarkers(const Document& doc, const Paragraph& paragraph,
                            int index, AnalysisResult* result) {
  absl::string_view text = doc.text();
  std::size_t pos = paragraph.span.begin;
  while (pos < paragraph.span.end) {
    // Superscripts are multi-byte characters: skip ASCII.
    pos = FindByte<true>(text, pos, paragraph.span.end);
    if (pos == paragraph.span.end) break;
    std::size_t at = pos;
    UChar32 c = NextCodePoint(text, &pos);
    int digit = SuperscriptDigit(c);
    if (digit < 0 || at == paragraph.span.begin) continue;
    int number = digit;
    std::size_t end = pos;
    while (end < paragraph.span.end) {
      std::size_t next = end;
      UChar32 d = NextCodePoint(text, &next);
      int more = SuperscriptDigit(d);
      if (more < 0) break;
      number = AppendNoteDigit(number, more);
      end = next;
    }
    result->citations.push_back(FootnoteMarker(
        TextSpan{static_cast<uint32_t>(at), static_cast<uint32_t>(end)}, number,
        index));
    pos = end;
  }
}

// HTML superscripts used as footnote markers: "...the plan.<sup>3</sup>"
void FindHtmlSuperscriptMarkers(const Document& doc, const Paragraph& paragraph,
                                int index, AnalysisResult* result) {
  absl::string_view text =
      doc.text().substr(0, paragraph.span.end).substr(paragraph.span.begin);
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != absl::string_view::npos) {
    std::size_t length = 0;
    int number = HtmlSuperscriptNumber(text.substr(pos), &length);
    if (number == 0) {
      ++pos;
      continue;
    }
    uint32_t at = paragraph.span.begin + static_cast<uint32_t>(pos);
    result->citations.push_back(FootnoteMarker(
        TextSpan{at, at + static_cast<uint32_t>(length)}, number, index));
    pos += length;
  }
}

}  // namespace

void CitationFinder::Analyze(const AnalysisInput& input,
                             AnalysisResult* result) const {
  const Document& doc = input.document;
  int notes_end = FindReferenceList(doc, result);
  for (int index : result->reference_paragraphs) {
    // An HTML or Markdown note ("<sup>3</sup> Joan Scott, ...", "[^3]: ...")
    // is a note wherever it stands.
    absl::string_view text = doc.Slice(doc.paragraphs()[index].span);
    std::size_t sup_length = 0;
    bool notes = (index > result->notes_heading && index < notes_end) ||
                 HtmlSuperscriptNumber(text, &sup_length) > 0 ||
                 (absl::StartsWith(text, "[^") && IsLinkOrNoteDefinition(text));
    ParseReferenceBlock(doc, index, notes, result);
  }
  const ImplicitSources implicit(doc, *result);
  absl::flat_hash_set<std::string> note_labels;
  for (const ReferenceRecord& r : result->references) {
    if (!r.label.empty()) note_labels.insert(r.label);
  }
  // Built on the first narrative candidate only: most brackets are not.
  std::vector<uint64_t> lower_case_words;
  bool have_lower_case_words = false;
  const auto& paragraphs = doc.paragraphs();
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    if (p.kind != BlockKind::kProse && p.kind != BlockKind::kListItem) continue;
    if (std::binary_search(result->reference_paragraphs.begin(),
                           result->reference_paragraphs.end(),
                           static_cast<int>(i))) {
      continue;
    }
    for (uint32_t b = p.parentheticals.begin; b < p.parentheticals.end; ++b) {
      const Parenthetical& bracket = doc.parentheticals()[b];
      if (!bracket.closed || bracket.closed_depth > 0) continue;
      absl::string_view inner = doc.Slice(bracket.inner);
      if (bracket.open == '[') {
        CitationRecord record;
        record.span = bracket.span;
        record.paragraph = static_cast<int>(i);
        bool caret = absl::ConsumePrefix(&inner, "^");
        record.kind =
            caret ? v1::CITATION_KIND_FOOTNOTE : v1::CITATION_KIND_NUMERIC;
        record.style = v1::CITATION_STYLE_NUMERIC;
        record.numbers = ParseNumericCitation(inner);
        // "[Narrative](https://...)" is a link.
        bool link = !caret && bracket.span.end < p.span.end &&
                    (doc.text()[bracket.span.end] == '(' ||
                     doc.text()[bracket.span.end] == '[');
        if (record.numbers.empty() && !link &&
            IsFootnoteLabel(inner, caret, note_labels)) {
          // "[^White1]", or "[White1]" with the caret forgotten when a
          // "[^White1]: ..." note defines it.
          record.kind = v1::CITATION_KIND_FOOTNOTE;
          record.label = std::string(inner);
        }
        if (!record.numbers.empty() || !record.label.empty())
          result->citations.push_back(std::move(record));
        continue;
      }
      if (absl::StartsWithIgnoreCase(TrimSpace(inner), "ibid")) {
        result->citations.push_back(
            IbidCitation(inner, bracket, result->citations));
        continue;
      }
      std::vector<ParsedCitation> parsed_citations =
          ParseBracketCitations(inner);
      if (parsed_citations.empty()) {
        // "(49)" after a quotation, or "(Ritchie)": a page, or an author of
        // the reference list, alone.
        bool bare = ImplicitSources::IsBareLocator(inner);
        std::vector<std::string> authors =
            bare ? implicit.ForBareLocator(bracket, result->citations)
                 : implicit.ForAuthorOnly(inner);
        // A page after a quotation is a citation even when its source is
        // not clear: the quotation is cited, and its source is unknown.
        bool cited_page = bare && !ImplicitSources::IsLifeSpan(inner) &&
                          (implicit.FollowsQuotation(bracket) ||
                           implicit.IsPageOfParaphrase(bracket));
        bool cited_work = false;
        if (authors.empty() && !bare) {
          std::optional<std::vector<std::string>> named =
              implicit.NameAfterQuotation(bracket);
          cited_work = named.has_value();
          if (named) authors = std::move(*named);
        }
        if (!authors.empty() || cited_page || cited_work) {
          ParsedCitation author_only;
          author_only.authors = std::move(authors);
          author_only.style = v1::CITATION_STYLE_MLA;
          if (bare) author_only.locator = std::string(TrimSpace(inner));
          result->citations.push_back(
              FromParsed(std::move(author_only), bracket));
        }
        continue;
      }
      for (ParsedCitation& parsed : parsed_citations) {
        if (parsed.locator_only) {
          // "(p. 45)" gives the page of the citation just before it.
          if (!result->citations.empty() &&
              result->citations.back().paragraph == static_cast<int>(i) &&
              result->citations.back().locator.empty()) {
            result->citations.back().locator = parsed.locator;
            result->citations.back().irregular_page = parsed.irregular_page;
            continue;
          }
          // MLA's "(49)": a page of the work named or cited just before.
          parsed.authors = implicit.ForPage(bracket, result->citations);
          parsed.style = v1::CITATION_STYLE_MLA;
          if (parsed.authors.empty()) {
            // As for a bare page: cited, source unknown.
            if (implicit.FollowsQuotation(bracket)) {
              result->citations.push_back(
                  FromParsed(std::move(parsed), bracket));
            }
            continue;
          }
        }
        CitationRecord record = FromParsed(std::move(parsed), bracket);
        if (record.authors.empty()) {
          if (!have_lower_case_words) {
            lower_case_words = LowerCaseWords(input);
            have_lower_case_words = true;
          }
          if (!NarrativeAuthors(input, *result, lower_case_words, bracket,
                                &record)) {
            // "(2005, p. 3)" cites a page although its author is not named
            // where we can read it; so does "(2005)" closing a quotation.
            if (!record.locator.empty() || implicit.FollowsQuotation(bracket))
              result->citations.push_back(std::move(record));
            continue;
          }
          record.kind = v1::CITATION_KIND_NARRATIVE;
          record.style = v1::CITATION_STYLE_UNSPECIFIED;
        }
        result->citations.push_back(std::move(record));
      }
    }
    FindSuperscriptMarkers(doc, p, static_cast<int>(i), result);
    FindHtmlSuperscriptMarkers(doc, p, static_cast<int>(i), result);
  }
  auto by_position = [](const CitationRecord& a, const CitationRecord& b) {
    return a.span.begin < b.span.begin;
  };
  // Found in text order but for superscript markers, which come after the
  // brackets of their paragraph: most essays need no sort (and sorting
  // records moves strings).
  if (!std::is_sorted(result->citations.begin(), result->citations.end(),
                      by_position)) {
    std::stable_sort(result->citations.begin(), result->citations.end(),
                     by_position);
  }
  for (CitationRecord& c : result->citations) {
    c.sentence = SentenceAt(doc, c.span.begin);
  }
}

}  // namespace marginalia::rubrics
