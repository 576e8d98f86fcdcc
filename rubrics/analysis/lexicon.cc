#include "rubrics/analysis/lexicon.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "absl/strings/match.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

constexpr std::array<char, 128> MakeLowerAscii() {
  std::array<char, 128> lower{};
  for (int c = 0; c < 128; ++c) {
    lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return lower;
}
constexpr std::array<char, 128> kLowerAscii = MakeLowerAscii();

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

// Lower-cases ASCII and turns U+2019 into "'", into `out` (at most 64
// bytes; longer words are hashed on their first 64).
std::size_t FoldInto(absl::string_view word, char* out) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < word.size() && n < 64; ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() &&
        static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        static_cast<unsigned char>(word[i + 2]) == 0x99) {
      out[n++] = '\'';
      i += 2;
      continue;
    }
    out[n++] = AsciiLower(static_cast<char>(c));
  }
  return n;
}

uint64_t Hash(const char* data, std::size_t size) {
  uint64_t hash = kFnvOffset;
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= static_cast<unsigned char>(data[i]);
    hash *= kFnvPrime;
  }
  return hash;
}

bool EndsWith(const char* data, std::size_t size, absl::string_view suffix) {
  if (size < suffix.size()) return false;
  const char* tail = data + size - suffix.size();
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (tail[i] != suffix[i]) return false;
  }
  return true;
}

// A light English stemmer: enough to make "plan", "plans", "planned" and
// "planning" share a stem for similarity; not a linguistic analysis.
std::size_t StemLength(const char* w, std::size_t n) {
  if (EndsWith(w, n, "'s")) n -= 2;
  if (n > 4 && EndsWith(w, n, "ies")) return n - 2;  // "policies" -> "polici"
  if (n > 5 && EndsWith(w, n, "sses")) return n - 2;
  if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
      w[n - 2] != 'i') {
    --n;
  }
  if (n > 5 && EndsWith(w, n, "ing")) {
    n -= 3;
  } else if (n > 4 && EndsWith(w, n, "ed")) {
    n -= 2;
  } else if (n > 5 && EndsWith(w, n, "ly")) {
    n -= 2;
  }
  // "planned" -> "plann" -> "plan"
  if (n > 3 && w[n - 1] == w[n - 2] && w[n - 1] != 's' && w[n - 1] != 'l') --n;
  if (n > 4 && w[n - 1] == 'e') --n;  // "nature"/"natural" closer together
  return n;
}

constexpr absl::string_view kStopwords[] = {
    "a",       "about",   "above",    "after",   "again",   "against",
    "all",     "also",    "although", "am",      "among",   "an",
    "and",     "any",     "are",      "as",      "at",      "be",
    "because", "been",    "before",   "being",   "below",   "between",
    "both",    "but",     "by",       "can",     "could",   "did",
    "do",      "does",    "doing",    "down",    "during",  "each",
    "either",  "even",    "ever",     "every",   "few",     "for",
    "from",    "further", "had",      "has",     "have",    "having",
    "he",      "her",     "here",     "hers",    "herself", "him",
    "himself", "his",     "how",      "however", "i",       "if",
    "in",      "into",    "is",       "it",      "its",     "itself",
    "just",    "may",     "me",       "might",   "more",    "most",
    "much",    "must",    "my",       "myself",  "neither", "no",
    "nor",     "not",     "now",      "of",      "off",     "on",
    "once",    "one",     "only",     "or",      "other",   "our",
    "ours",    "out",     "over",     "own",     "same",    "shall",
    "she",     "should",  "so",       "some",    "such",    "than",
    "that",    "the",     "their",    "theirs",  "them",    "themselves",
    "then",    "there",   "these",    "they",    "this",    "those",
    "though",  "through", "thus",     "to",      "too",     "under",
    "until",   "up",      "upon",     "us",      "very",    "was",
    "we",      "were",    "what",     "when",    "where",   "whether",
    "which",   "while",   "who",      "whom",    "whose",   "why",
    "will",    "with",    "within",   "without", "would",   "yet",
    "you",     "your",    "yours",    "it's",    "there's", "let",
    "many",    "several", "well",     "still",   "instead", "rather",
};

// Open addressing on the low bits of the hash: a lookup is a probe or two.
constexpr std::size_t kStopwordSlots = 1024;

std::vector<uint64_t> StopwordTable() {
  std::vector<uint64_t> table(kStopwordSlots, 0);
  for (absl::string_view word : kStopwords) {
    uint64_t hash = Lexicon::Fold(word);
    std::size_t slot = hash & (kStopwordSlots - 1);
    while (table[slot] != 0 && table[slot] != hash) {
      slot = (slot + 1) & (kStopwordSlots - 1);
    }
    table[slot] = hash;
  }
  return table;
}

}  // namespace

uint64_t Lexicon::Fold(absl::string_view word) {
  char buffer[64];
  return Hash(buffer, FoldInto(word, buffer));
}

uint64_t Lexicon::Stem(absl::string_view word) {
  char buffer[64];
  std::size_t n = FoldInto(word, buffer);
  return Hash(buffer, StemLength(buffer, n));
}

uint64_t Lexicon::Head(absl::string_view folded_prefix) {
  uint64_t head = 0;
  std::size_t n = std::min<std::size_t>(8, folded_prefix.size());
  std::memcpy(&head, folded_prefix.data(), n);
  return head;
}

uint64_t Lexicon::Mask(std::size_t prefix_length) {
  return prefix_length >= 8 ? ~uint64_t{0}
                            : (uint64_t{1} << (8 * prefix_length)) - 1;
}

bool Lexicon::IsStopword(uint64_t folded) {
  static const auto* table = new std::vector<uint64_t>(StopwordTable());
  std::size_t slot = folded & (kStopwordSlots - 1);
  while ((*table)[slot] != 0) {
    if ((*table)[slot] == folded) return true;
    slot = (slot + 1) & (kStopwordSlots - 1);
  }
  return false;
}

Lexicon::Lexicon(const Document& document) {
  const auto& words = document.words();
  entries_.resize(words.size());
  char buffer[64];
  // prefix_hash[k] is the hash of the first k folded bytes, so the stem's
  // hash comes for free once its length is known.
  uint64_t prefix_hash[65];
  for (std::size_t i = 0; i < words.size(); ++i) {
    Entry& e = entries_[i];
    absl::string_view text = document.Slice(words[i].span);
    // Fold and hash in one pass; words with non-ASCII bytes (curly
    // apostrophes, accents) take the general fold first.
    std::size_t n = 0;
    uint64_t hash = kFnvOffset;
    prefix_hash[0] = hash;
    bool ascii = true;
    for (std::size_t k = 0; k < text.size() && k < 64; ++k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      char folded = kLowerAscii[c];
      buffer[n++] = folded;
      hash = (hash ^ static_cast<unsigned char>(folded)) * kFnvPrime;
      prefix_hash[n] = hash;
    }
    if (!ascii) {
      n = FoldInto(text, buffer);
      hash = kFnvOffset;
      for (std::size_t k = 0; k < n; ++k) {
        hash = (hash ^ static_cast<unsigned char>(buffer[k])) * kFnvPrime;
        prefix_hash[k + 1] = hash;
      }
    }
    e.folded = hash;
    // Stop words are short: skip the lookup for long words.
    e.stopword = n <= 10 && IsStopword(e.folded);
    e.content = !e.stopword && !words[i].numeric && n >= 3;
    e.stem = e.content ? prefix_hash[StemLength(buffer, n)] : e.folded;
    uint64_t head = 0;
    std::memcpy(&head, buffer, std::min<std::size_t>(8, n));
    e.head = head;
    e.length = static_cast<uint8_t>(std::min<std::size_t>(n, 255));
    e.stem_id = 0;
  }
  // Number the distinct content stems densely.
  std::vector<std::pair<uint64_t, uint32_t>> stems;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].content) stems.emplace_back(entries_[i].stem, i);
  }
  std::sort(stems.begin(), stems.end());
  for (std::size_t k = 0; k < stems.size(); ++k) {
    if (k > 0 && stems[k].first != stems[k - 1].first) ++stem_count_;
    entries_[stems[k].second].stem_id = static_cast<uint32_t>(stem_count_);
  }
  if (!stems.empty()) ++stem_count_;
}

}  // namespace marginalia::rubrics
