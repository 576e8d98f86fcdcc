#include "rubrics/analysis/citations/quote_attribution.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/text_queries.h"

namespace marginalia::rubrics {
namespace {

// Each look at the text around a quotation is bounded, so that the checks
// stay linear on a pathological essay (one sentence of a million bytes).
constexpr int kMaxBracketsLooked = 16;
constexpr int kMaxWordsLooked = 200;
constexpr std::size_t kMaxBytesLooked = 4096;

// Names this short are too often ordinary words ("Mark", "Hall") to count
// as an attribution on their own.
constexpr std::size_t kMinAuthorLength = 3;

bool ContainsLower(absl::string_view text, absl::string_view lower) {
  return absl::StrContains(absl::AsciiStrToLower(text), lower);
}

// Superscript digits (U+00B9, U+00B2, U+00B3, U+2070-U+2079), Markdown
// "[^n]" and HTML "<sup>".
bool ContainsFootnoteMarker(absl::string_view text) {
  return absl::StrContains(text, "\xC2\xB9") ||
         absl::StrContains(text, "\xC2\xB2") ||
         absl::StrContains(text, "\xC2\xB3") ||
         absl::StrContains(text, "\xE2\x81") || absl::StrContains(text, "[^") ||
         ContainsLower(text, "<sup");
}

}  // namespace

QuoteAttribution::QuoteAttribution(const Document& document,
                                   const AnalysisResult& result)
    : doc_(document) {
  auto add = [this](absl::string_view name) {
    std::string folded = FoldName(name);
    if (folded.size() >= kMinAuthorLength) authors_.insert(folded);
  };
  for (const ReferenceRecord& r : result.references) {
    for (const std::string& a : r.authors) add(a);
  }
  for (const CitationRecord& c : result.citations) {
    for (const std::string& a : c.authors) add(a);
  }
}

TextSpan QuoteAttribution::Sentences(int first, int last) const {
  const auto& sentences = doc_.sentences();
  first = std::max(first, 0);
  last = std::min(last, static_cast<int>(sentences.size()) - 1);
  if (first > last) return TextSpan{};
  uint32_t paragraph = sentences[first].paragraph;
  while (last > first && sentences[last].paragraph != paragraph) --last;
  return TextSpan{sentences[first].span.begin, sentences[last].span.end};
}

bool QuoteAttribution::HasLocatorBracket(uint32_t begin, uint32_t end) const {
  const auto& brackets = doc_.parentheticals();
  auto it = std::lower_bound(brackets.begin(), brackets.end(), begin,
                             [](const Parenthetical& p, uint32_t offset) {
                               return p.span.begin < offset;
                             });
  for (int seen = 0; it != brackets.end() && it->span.begin < end &&
                     seen < kMaxBracketsLooked;
       ++it, ++seen) {
    if (!locators_) locators_.emplace(doc_.text());
    if (locators_->AnyWithin(it->inner)) return true;
  }
  return false;
}

bool QuoteAttribution::HasFootnoteMarker(uint32_t begin, uint32_t end) const {
  absl::string_view text = doc_.Slice(TextSpan{begin, end});
  if (text.size() > kMaxBytesLooked) text = text.substr(0, kMaxBytesLooked);
  return ContainsFootnoteMarker(text);
}

bool QuoteAttribution::NamesKnownAuthor(uint32_t begin, uint32_t end) const {
  if (authors_.empty()) return false;
  const auto& words = doc_.words();
  auto first = std::lower_bound(
      words.begin(), words.end(), begin,
      [](const Word& w, uint32_t offset) { return w.span.begin < offset; });
  int seen = 0;
  for (auto it = first;
       it != words.end() && it->span.begin < end && seen++ < kMaxWordsLooked;
       ++it) {
    const Word& w = *it;
    if (!w.capitalised) continue;
    if (authors_.contains(FoldNameInText(doc_.Slice(w.span)))) return true;
  }
  return false;
}

bool QuoteAttribution::HasUnreadCitationMarks(
    const AnalysisResult& result) const {
  for (const Parenthetical& p : doc_.parentheticals()) {
    if (InsideCitation(result.citations, p.span.begin)) continue;
    if (HasLocatorBracket(p.span.begin, p.span.begin + 1)) return true;
  }
  // One look at the whole text: linear, and a marker may stand anywhere.
  return ContainsFootnoteMarker(doc_.text());
}

bool QuoteAttribution::LooksAttributed(const Quotation& quote) const {
  int sentence = SentenceAt(doc_, quote.span.begin);
  int last = SentenceAt(doc_, quote.span.end > 0 ? quote.span.end - 1 : 0);
  if (sentence < 0 || last < 0) return false;
  TextSpan after = Sentences(last, last + 1);
  after.begin =
      std::max(after.begin, quote.span.end > 0 ? quote.span.end - 1 : 0);
  if (HasLocatorBracket(after.begin, after.end) ||
      HasFootnoteMarker(after.begin, after.end)) {
    return true;
  }
  TextSpan lead = Sentences(sentence - 1, last);
  lead.end = std::max(lead.end, quote.span.end);
  const Paragraph& paragraph = doc_.paragraphs()[quote.paragraph];
  bool block =
      paragraph.block_quote || (paragraph.quotations.size() == 1 &&
                                quote.span.begin <= paragraph.span.begin + 1);
  if (block && quote.paragraph > 0) {
    // A block quotation's lead-in ends the paragraph before; its citation
    // may open the paragraph after.
    const Paragraph& before = doc_.paragraphs()[quote.paragraph - 1];
    if (!before.sentences.empty()) {
      lead.begin = std::min(
          lead.begin, doc_.sentences()[before.sentences.end - 1].span.begin);
    }
    if (quote.paragraph + 1 < doc_.paragraphs().size()) {
      const Paragraph& next = doc_.paragraphs()[quote.paragraph + 1];
      if (!next.sentences.empty()) {
        TextSpan opening = doc_.sentences()[next.sentences.begin].span;
        if (HasLocatorBracket(opening.begin, opening.end)) return true;
      }
    }
  }
  return NamesKnownAuthor(lead.begin, lead.end);
}

}  // namespace marginalia::rubrics
