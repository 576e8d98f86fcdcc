#include "rubrics/analysis/evidence/statistics.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "rubrics/analysis/structure/phrase_set.h"
#include "rubrics/analysis/text_queries.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

const PhraseSet& Magnitudes() {
  static const auto* set = new PhraseSet{
      "percent",  "per cent", "million",  "millions",  "billion",
      "billions", "trillion", "thousand", "thousands", "hundred thousand"};
  return *set;
}

const PhraseSet& Units() {
  static const auto* set = new PhraseSet{
      "km",      "kilometres", "kilometers", "miles",   "mile",      "tons",
      "tonnes",  "ton",        "tonne",      "kg",      "kilograms", "hectares",
      "acres",   "metres",     "meters",     "dollars", "pounds",    "yuan",
      "roubles", "rubles",     "euros",      "yen",     "francs"};
  return *set;
}

bool IsCurrency(UChar32 c) {
  return c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5;
}

bool LooksLikeYear(absl::string_view word) {
  if (word.size() != 4 && !(word.size() == 5 && word.back() == 's')) {
    return false;
  }
  for (std::size_t i = 0; i < 4; ++i) {
    if (!absl::ascii_isdigit(word[i])) return false;
  }
  int year = (word[0] - '0') * 1000 + (word[1] - '0') * 100;
  return year >= 1000 && year <= 2000;
}

// "12,1784" (a date missing its space) and "19,20" (a list of pages): a
// comma that does not group thousands.
bool IsGroupedThousands(absl::string_view word) {
  std::size_t comma = word.find(',');
  if (comma == absl::string_view::npos) return true;
  if (comma == 0 || comma > 3) return false;
  // Every group after the first has exactly three digits.
  std::size_t pos = comma;
  while (pos < word.size()) {
    if (word[pos] != ',') return false;
    std::size_t next = word.find(',', pos + 1);
    std::size_t group_end =
        next == absl::string_view::npos ? word.size() : next;
    std::size_t digits = group_end - pos - 1;
    if (group_end == word.size()) {
      // The last group may carry decimals: "1,000.5".
      std::size_t dot = word.find('.', pos + 1);
      if (dot != absl::string_view::npos) digits = dot - pos - 1;
    }
    if (digits != 3) return false;
    pos = group_end;
  }
  return true;
}

// Inside a link target or an address ("...%20...", "(https://...)").
// Looks back at most kMaxAddressLookBack bytes, to stay linear.
bool InsideAddress(absl::string_view text, uint32_t begin) {
  constexpr uint32_t kMaxAddressLookBack = 200;
  uint32_t from = begin > kMaxAddressLookBack ? begin - kMaxAddressLookBack : 0;
  absl::string_view before = text.substr(from, begin - from);
  std::size_t space = before.find_last_of(" \t\n");
  absl::string_view token =
      space == absl::string_view::npos ? before : before.substr(space + 1);
  return absl::StrContains(token, "http") || absl::StrContains(token, "www.") ||
         absl::StrContains(token, "](") || absl::StrContains(token, "/");
}

}  // namespace

std::vector<Statistic> FindStatistics(const Document& document,
                                      const Lexicon& lexicon) {
  std::vector<Statistic> found;
  const auto& words = document.words();
  absl::string_view text = document.text();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].numeric) continue;
    absl::string_view word = document.Slice(words[i].span);
    bool letters = false;
    for (char c : word) letters = letters || absl::ascii_isalpha(c);
    if (letters) continue;  // "5-year", "1950s" handled as text
    uint32_t end = words[i].span.end;
    bool percent = end < text.size() && text[end] == '%';
    bool money = words[i].span.begin > 0 &&
                 IsCurrency(CodePointBefore(text, words[i].span.begin));
    uint32_t paragraph_end =
        document.paragraphs()[words[i].paragraph].words.end;
    uint32_t next = static_cast<uint32_t>(i + 1);
    int magnitude = next < paragraph_end
                        ? Magnitudes().MatchAt(lexicon, next, paragraph_end)
                        : 0;
    int unit = next < paragraph_end
                   ? Units().MatchAt(lexicon, next, paragraph_end)
                   : 0;
    if (!IsGroupedThousands(word) || InsideAddress(text, words[i].span.begin)) {
      continue;
    }
    bool large = absl::StrContains(word, ',') && word.size() >= 5;
    bool decimal_unit = unit > 0 && !LooksLikeYear(word);
    if (!(percent || money || magnitude > 0 || large || decimal_unit)) continue;
    if (LooksLikeYear(word) && !percent && !money) continue;
    Statistic s;
    s.span = words[i].span;
    if (percent) s.span.end += 1;
    if (magnitude > 0) s.span.end = words[i + magnitude].span.end;
    s.paragraph = words[i].paragraph;
    s.sentence = SentenceAt(document, s.span.begin);
    found.push_back(s);
  }
  return found;
}

}  // namespace marginalia::rubrics
