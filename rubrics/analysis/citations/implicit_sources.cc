#include "rubrics/analysis/citations/implicit_sources.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/text_queries.h"

namespace marginalia::rubrics {

ImplicitSources::ImplicitSources(const Document& document,
                                 const AnalysisResult& result)
    : doc_(document) {
  int listed = 0;
  const ReferenceRecord* only = nullptr;
  for (const ReferenceRecord& r : result.references) {
    if (r.note || r.authors.empty()) continue;
    ++listed;
    only = &r;
    by_family_.emplace(FoldName(r.authors[0]), r.authors);
  }
  if (listed == 1) only_work_ = only->authors;
  for (const Parenthetical& bracket : document.parentheticals()) {
    if (bracket.closed && bracket.open == '(' &&
        IsBareLocator(document.Slice(bracket.inner)) &&
        FollowsQuotation(bracket)) {
      ++quoted_bare_pages_;
    }
  }
}

std::vector<std::string> ImplicitSources::NamedInSentence(
    const Parenthetical& bracket) const {
  int sentence = SentenceAt(doc_, bracket.span.begin);
  if (sentence < 0) return {};
  // The words just before the bracket, at most kMaxWordsBefore of them, so
  // that a sentence of many brackets is read in linear time.
  constexpr uint32_t kMaxWordsBefore = 60;
  const Sentence& s = doc_.sentences()[sentence];
  const auto& words = doc_.words();
  uint32_t stop = static_cast<uint32_t>(
      std::lower_bound(words.begin() + s.words.begin,
                       words.begin() + s.words.end, bracket.span.begin,
                       [](const Word& w, uint32_t offset) {
                         return w.span.begin < offset;
                       }) -
      words.begin());
  uint32_t from = stop > s.words.begin + kMaxWordsBefore
                      ? stop - kMaxWordsBefore
                      : s.words.begin;
  for (uint32_t w = from; w < stop; ++w) {
    const Word& word = words[w];
    if (!word.capitalised) continue;
    auto it = by_family_.find(FoldNameInText(doc_.Slice(word.span)));
    if (it != by_family_.end()) return it->second;
  }
  return {};
}

bool ImplicitSources::FollowsQuotation(const Parenthetical& bracket) const {
  absl::string_view before = doc_.text().substr(0, bracket.span.begin);
  while (!before.empty() && (before.back() == ' ' || before.back() == ',')) {
    before.remove_suffix(1);
  }
  if (absl::EndsWith(before, "\"") || absl::EndsWith(before, "”") ||
      absl::EndsWith(before, "'") || absl::EndsWith(before, "’")) {
    return true;
  }
  absl::string_view after = doc_.text().substr(bracket.span.end, 4);
  absl::ConsumePrefix(&after, ".") || absl::ConsumePrefix(&after, ",");
  return absl::StartsWith(after, "”") ||
         (absl::StartsWith(after, "\"") &&
          (after.size() == 1 || after[1] == ' ' || after[1] == '\n'));
}

bool ImplicitSources::FollowsLongQuotation(const Parenthetical& bracket) const {
  constexpr int kMinWords = 4;
  const Paragraph& p = doc_.paragraphs()[bracket.paragraph];
  const auto& quotes = doc_.quotations();
  // The last quotation of the paragraph that ends before the bracket.
  auto it = std::lower_bound(
      quotes.begin() + p.quotations.begin, quotes.begin() + p.quotations.end,
      bracket.span.begin,
      [](const Quotation& q, uint32_t offset) { return q.span.end <= offset; });
  // A few steps back at most: nested quotations could make it many.
  constexpr int kMaxSteps = 8;
  for (int step = 0;
       step < kMaxSteps && it != quotes.begin() + p.quotations.begin; ++step) {
    --it;
    if (it->span.end > bracket.span.begin || it->depth > 0) continue;
    // Its first bytes tell: four words fit in them.
    constexpr std::size_t kLook = 200;
    absl::string_view quoted = doc_.Slice(it->inner).substr(0, kLook);
    int words = 1;
    for (std::size_t i = 0; i < quoted.size() && words < kMinWords; ++i) {
      words += quoted[i] == ' ' ? 1 : 0;
    }
    return words >= kMinWords;
  }
  return false;
}

bool ImplicitSources::IsPageOfParaphrase(const Parenthetical& bracket) const {
  constexpr int kMinQuotedBarePages = 2;
  if (quoted_bare_pages_ < kMinQuotedBarePages) return false;
  absl::string_view after = doc_.text().substr(bracket.span.end, 1);
  return after == "." || after == ";" || after == "!" || after == "?";
}

std::vector<std::string> ImplicitSources::ForPage(
    const Parenthetical& bracket,
    const std::vector<CitationRecord>& so_far) const {
  std::vector<std::string> named = NamedInSentence(bracket);
  if (!named.empty()) return named;
  if (!only_work_.empty()) return only_work_;
  // MLA: a page alone goes on citing the work cited last.
  if (!so_far.empty() && !so_far.back().authors.empty()) {
    return so_far.back().authors;
  }
  return {};
}

std::vector<std::string> ImplicitSources::ForBareLocator(
    const Parenthetical& bracket,
    const std::vector<CitationRecord>& so_far) const {
  if (FollowsQuotation(bracket)) return ForPage(bracket, so_far);
  if (IsLifeSpan(doc_.Slice(bracket.inner))) return {};
  return NamedInSentence(bracket);
}

bool ImplicitSources::IsLifeSpan(absl::string_view inner) {
  inner = TrimSpace(inner);
  auto year_at = [&](std::size_t at) {
    int year = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(inner[i]))) return 0;
      year = year * 10 + (inner[i] - '0');
    }
    return year;
  };
  std::size_t dash =
      inner.size() == 9 && inner[4] == '-'                         ? 1
      : inner.size() == 11 && inner.substr(4, 3) == "\xE2\x80\x93" ? 3
                                                                   : 0;
  if (dash == 0) return false;
  int born = year_at(0), died = year_at(4 + dash);
  constexpr int kMinYear = 1000, kMaxYear = 2100, kMaxAge = 120;
  return born >= kMinYear && died <= kMaxYear && died > born &&
         died - born <= kMaxAge;
}

bool ImplicitSources::IsBareLocator(absl::string_view inner) {
  inner = TrimSpace(inner);
  if (inner.empty() || inner.size() > 20 ||
      !absl::ascii_isdigit(static_cast<unsigned char>(inner[0]))) {
    return false;
  }
  for (std::size_t i = 0; i < inner.size(); ++i) {
    char c = inner[i];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-' ||
        c == '.' || c == ',' || c == ' ') {
      continue;
    }
    if (inner.substr(i, 3) == "\xE2\x80\x93") {  // en dash
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

std::vector<std::string> ImplicitSources::ForAuthorOnly(
    absl::string_view inner) const {
  absl::string_view name = TrimSpace(inner);
  absl::ConsumeSuffix(&name, " et al.") || absl::ConsumeSuffix(&name, " et al");
  WordList words = SplitWords(name);
  if (words.empty() || words.size() > 3 || !StartsUpper(words[0])) return {};
  auto it = by_family_.find(FoldName(name));
  return it == by_family_.end() ? std::vector<std::string>() : it->second;
}

std::optional<std::vector<std::string>> ImplicitSources::NameAfterQuotation(
    const Parenthetical& bracket) const {
  constexpr std::size_t kMaxBytes = 50, kMaxWords = 5;
  if (!FollowsQuotation(bracket) || !FollowsLongQuotation(bracket))
    return std::nullopt;
  absl::string_view inner = TrimSpace(doc_.Slice(bracket.inner));
  if (inner.empty() || inner.size() > kMaxBytes) return std::nullopt;
  WordList words = SplitWords(inner);
  if (words.empty() || words.size() > kMaxWords || !StartsUpper(words[0])) {
    return std::nullopt;
  }
  int commas = 0;
  for (absl::string_view word : words) {
    for (char c : word) {
      if (absl::ascii_isdigit(static_cast<unsigned char>(c)))
        return std::nullopt;
      commas += c == ',' ? 1 : 0;
    }
    // Lower-case glue may join a short title after the comma only.
    bool glue = commas > 0 && (word == "of" || word == "the" || word == "and");
    if (!StartsUpper(word) && !IsNameParticle(word) && !glue)
      return std::nullopt;
  }
  // "(GLF)" names the quoted term, not its source; "(The Prince)" is a
  // title, the work rather than who wrote it.
  bool acronym = words.size() == 1 &&
                 absl::AsciiStrToUpper(words[0]) == std::string(words[0]);
  if (commas > 1 || acronym) return std::nullopt;
  if (IsLeadingArticle(words[0])) {
    return std::vector<std::string>();
  }
  absl::string_view name = inner.substr(0, inner.find(','));
  return std::vector<std::string>{std::string(TrimSpace(name))};
}

}  // namespace marginalia::rubrics
