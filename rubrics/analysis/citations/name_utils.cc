#include "rubrics/analysis/citations/name_utils.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "absl/strings/strip.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {

std::string FoldName(absl::string_view name) {
  std::string out;
  out.reserve(name.size());
  UErrorCode error = U_ZERO_ERROR;
  // Asked for at the first non-ASCII letter: most names are ASCII.
  const icu::Normalizer2* nfd = nullptr;
  std::size_t pos = 0;
  while (pos < name.size()) {
    UChar32 c = NextCodePoint(name, &pos);
    if (c < 0) continue;
    if (c < 128) {
      out.push_back(AsciiLower(static_cast<char>(c)));
      continue;
    }
    if (c == 0x2019) {
      out.push_back('\'');
      continue;
    }
    // Keep the base letter of a decomposed accented letter.
    if (nfd == nullptr && U_SUCCESS(error)) {
      nfd = icu::Normalizer2::getNFDInstance(error);
    }
    icu::UnicodeString decomposed;
    if (U_SUCCESS(error)) {
      decomposed = nfd->normalize(icu::UnicodeString(c), error);
    }
    UChar32 base = decomposed.length() > 0 ? decomposed.char32At(0) : c;
    if (base < 128) {
      out.push_back(AsciiLower(static_cast<char>(base)));
    } else {
      UChar32 lower = u_tolower(base);
      char buffer[4];
      int32_t length = 0;
      UBool failed = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, lower, failed);
      if (!failed) out.append(buffer, static_cast<std::size_t>(length));
    }
  }
  return out;
}

int EditDistance(absl::string_view a, absl::string_view b) {
  if (a.size() > 64 || b.size() > 64) return 64;
  std::array<int, 65> previous{};
  std::array<int, 65> current{};
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] =
          std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    previous = current;
  }
  return previous[b.size()];
}

bool IsNearMissName(absl::string_view a, absl::string_view b) {
  if (a == b || a.empty() || b.empty()) return false;
  std::size_t shorter = std::min(a.size(), b.size());
  if (shorter < 4) return false;
  int allowed = shorter >= 8 ? 2 : 1;
  return EditDistance(a, b) <= allowed;
}

bool IsNameParticle(absl::string_view word) {
  static constexpr absl::string_view kParticles[] = {
      "al",  "bin", "da", "de", "del", "della", "der", "di",  "dos", "du", "el",
      "ibn", "la",  "le", "st", "ten", "ter",   "van", "von", "y",   "zu"};
  for (absl::string_view particle : kParticles) {
    if (word == particle) return true;
  }
  return false;
}

bool IsCorporateWord(absl::string_view word) {
  static constexpr absl::string_view kWords[] = {
      "Agency",       "Association",  "Bank",       "Board",      "Bureau",
      "Centre",       "Centres",      "Center",     "Centers",    "Commission",
      "Committee",    "Council",      "Department", "Foundation", "Government",
      "Institute",    "Library",      "Ministry",   "Museum",     "Office",
      "Organisation", "Organization", "Party",      "Press",      "Service",
      "Services",     "Society",      "Trust",      "University", "Nations"};
  for (absl::string_view corporate : kWords) {
    if (word == corporate) return true;
  }
  return false;
}

namespace {

// The leading words of `text` that can name an author: up to a word that
// opens a title (a quotation, emphasis, a bracket) and through a word that
// closes the name (a comma, a colon, a full stop after a word rather than an
// initial).
WordList NameWords(absl::string_view text) {
  WordList name;
  for (absl::string_view word : SplitWords(text)) {
    if (absl::string_view("\"'_*([").find(word.front()) !=
            absl::string_view::npos ||
        absl::StartsWith(word, "\xE2\x80\x9C") ||
        absl::StartsWith(word, "\xE2\x80\x98")) {
      break;
    }
    name.push_back(word);
    if (absl::EndsWith(word, ",") || absl::EndsWith(word, ":") ||
        (absl::EndsWith(word, ".") && CountCodePoints(word) > 2)) {
      break;
    }
  }
  return name;
}

}  // namespace

bool IsCorporateName(absl::string_view text) {
  // A body's name is short; a longer run of capitalised words is a title
  // ("Statute of the International Criminal Tribunal for ...").
  constexpr std::size_t kMaxWords = 10;
  WordList words = NameWords(text);
  if (words.empty() || words.size() > kMaxWords) return false;
  if (words.front() == "The") return true;
  for (std::size_t i = 1; i < words.size(); ++i) {
    // Not the first word: "Bank, John" is a person.
    if (IsCorporateWord(words[i])) return true;
    if ((words[i] == "of" || words[i] == "for") && i + 1 < words.size() &&
        StartsUpper(words[i - 1]) && StartsUpper(words[i + 1])) {
      return true;
    }
  }
  return false;
}

bool StartsUpper(absl::string_view word) {
  return !word.empty() && IsUpper(CodePointAt(word, 0));
}

absl::string_view TrimSpace(absl::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end) {
    std::size_t next = begin;
    if (!IsSpace(NextCodePoint(text, &next))) break;
    begin = next;
  }
  while (end > begin) {
    std::size_t prev = end;
    if (!IsSpace(PrevCodePoint(text, &prev))) break;
    end = prev;
  }
  return text.substr(begin, end - begin);
}

WordList SplitWords(absl::string_view text) {
  WordList words;
  std::size_t pos = 0;
  std::size_t start = std::string::npos;
  while (pos < text.size()) {
    std::size_t at = pos;
    bool space = IsSpace(NextCodePoint(text, &pos));
    if (space && start != std::string::npos) {
      words.push_back(text.substr(start, at - start));
      start = std::string::npos;
    } else if (!space && start == std::string::npos) {
      start = at;
    }
  }
  if (start != std::string::npos) words.push_back(text.substr(start));
  return words;
}

std::string FoldNameInText(absl::string_view word) {
  absl::ConsumeSuffix(&word, "'s") || absl::ConsumeSuffix(&word, "’s");
  return FoldName(word);
}

bool IsLeadingArticle(absl::string_view word) {
  return word == "The" || word == "A" || word == "An";
}

bool LooksLikeAuthorName(absl::string_view name) {
  name = TrimSpace(name);
  constexpr std::size_t kMaxNameBytes = 60;
  constexpr std::size_t kMaxNameWords = 6;
  if (name.empty() || name.size() > kMaxNameBytes) return false;
  for (absl::string_view bad :
       {"http", "www.", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
    if (name.find(bad) != absl::string_view::npos) return false;
  }
  for (char c : name) {
    if ((c >= '0' && c <= '9') || c == '"' || c == ':' || c == '/' ||
        c == '[' || c == ']' || c == '(' || c == ')' || c == '_' || c == '*' ||
        c == '|') {
      return false;
    }
  }
  WordList words = SplitWords(name);
  if (words.empty()) return false;
  if (words.size() > kMaxNameWords && !IsCorporateName(name)) return false;
  return StartsUpper(words[0]) || IsNameParticle(words[0]);
}

}  // namespace marginalia::rubrics
