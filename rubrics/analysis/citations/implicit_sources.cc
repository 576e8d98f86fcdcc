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
  return absl::EndsWith(before, "\"") || absl::EndsWith(before, "”") ||
         absl::EndsWith(before, "'") || absl::EndsWith(before, "’");
}

std::vector<std::string> ImplicitSources::ForPage(
    const Parenthetical& bracket,
    const std::vector<CitationRecord>& so_far) const {
  std::vector<std::string> named = NamedInSentence(bracket);
  if (!named.empty()) return named;
  if (!so_far.empty() &&
      so_far.back().paragraph == static_cast<int>(bracket.paragraph) &&
      !so_far.back().authors.empty()) {
    return so_far.back().authors;
  }
  return only_work_;
}

std::vector<std::string> ImplicitSources::ForBareLocator(
    const Parenthetical& bracket,
    const std::vector<CitationRecord>& so_far) const {
  if (FollowsQuotation(bracket)) return ForPage(bracket, so_far);
  return NamedInSentence(bracket);
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

}  // namespace marginalia::rubrics
