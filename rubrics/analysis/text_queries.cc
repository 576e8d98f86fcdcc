#include "rubrics/analysis/text_queries.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace marginalia::rubrics {

int WordsWithin(const Document& document, TextSpan span) {
  const auto& words = document.words();
  auto first = std::lower_bound(
      words.begin(), words.end(), span.begin,
      [](const Word& w, uint32_t offset) { return w.span.begin < offset; });
  auto last = std::upper_bound(
      first, words.end(), span.end,
      [](uint32_t offset, const Word& w) { return offset < w.span.end; });
  return static_cast<int>(std::max<std::ptrdiff_t>(0, last - first));
}

int ReadWords(const Document& document, const Paragraph& paragraph) {
  absl::string_view text = document.text();
  const auto& words = document.words();
  int read = 0;
  // The end of the web address the words are in (0 outside one). Each byte
  // of an address is scanned once: the next address starts after it.
  uint32_t address_end = 0;
  for (uint32_t w = paragraph.words.begin; w < paragraph.words.end; ++w) {
    TextSpan span = words[w].span;
    if (span.begin < address_end) continue;
    absl::string_view rest =
        text.substr(span.begin, paragraph.span.end - span.begin);
    if (absl::StartsWith(rest, "http://") ||
        absl::StartsWith(rest, "https://") || absl::StartsWith(rest, "www.")) {
      std::size_t end = rest.find_first_of(" \t\n)]>\"");
      address_end =
          span.begin + static_cast<uint32_t>(std::min(end, rest.size()));
      continue;
    }
    ++read;
  }
  return read;
}

// A quotation in title case ("The History of England") names a work; it
// does not quote one.
bool IsTitleCase(const Document& document, TextSpan span) {
  const auto& words = document.words();
  auto it = std::lower_bound(
      words.begin(), words.end(), span.begin,
      [](const Word& w, uint32_t offset) { return w.span.begin < offset; });
  int long_words = 0, capitalised = 0;
  for (; it != words.end() && it->span.end <= span.end; ++it) {
    if (it->span.size() < 4 || it->numeric) continue;
    ++long_words;
    if (it->capitalised) ++capitalised;
  }
  return long_words > 0 && capitalised * 10 >= long_words * 7;
}

bool IsEvidenceQuotation(const Document& document, const Quotation& quote) {
  return quote.depth == 0 && quote.closed &&
         WordsWithin(document, quote.inner) >= kMinEvidenceQuoteWords &&
         !IsTitleCase(document, quote.inner);
}

int SentenceAt(const Document& document, uint32_t offset) {
  const auto& sentences = document.sentences();
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), offset,
      [](uint32_t value, const Sentence& s) { return value < s.span.begin; });
  return static_cast<int>(it - sentences.begin()) - 1;
}

std::pair<std::size_t, std::size_t> CitationsInSentence(
    const std::vector<CitationRecord>& citations, int sentence) {
  auto first = std::lower_bound(
      citations.begin(), citations.end(), sentence,
      [](const CitationRecord& c, int s) { return c.sentence < s; });
  auto last = std::upper_bound(
      first, citations.end(), sentence,
      [](int s, const CitationRecord& c) { return s < c.sentence; });
  return {static_cast<std::size_t>(first - citations.begin()),
          static_cast<std::size_t>(last - citations.begin())};
}

bool InsideCitation(const std::vector<CitationRecord>& citations,
                    uint32_t offset) {
  auto it = std::upper_bound(citations.begin(), citations.end(), offset,
                             [](uint32_t value, const CitationRecord& c) {
                               return value < c.span.begin;
                             });
  // Narrative citations can start inside an earlier bracket's reach; look
  // back over the few that begin at or before the offset.
  for (int back = 0; back < 4 && it != citations.begin(); ++back) {
    --it;
    if (offset < it->span.end) return true;
  }
  return false;
}

}  // namespace marginalia::rubrics
