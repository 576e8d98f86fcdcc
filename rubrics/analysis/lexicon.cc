#include "rubrics/analysis/lexicon.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "absl/strings/match.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

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

// Whether w[0, n) ends with the string literal `suffix`; a memcmp of a
// constant size, which compiles to a load and a compare.
template <std::size_t N>
bool EndsWith(const char* w, std::size_t n, const char (&suffix)[N]) {
  constexpr std::size_t kLength = N - 1;
  return n >= kLength && std::memcmp(w + n - kLength, suffix, kLength) == 0;
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

// The stop word table, built on first use.
const std::vector<uint64_t>& Stopwords() {
  static const auto* table = new std::vector<uint64_t>(StopwordTable());
  return *table;
}

bool IsStopwordIn(const std::vector<uint64_t>& table, uint64_t folded) {
  std::size_t slot = folded & (kStopwordSlots - 1);
  while (table[slot] != 0) {
    if (table[slot] == folded) return true;
    slot = (slot + 1) & (kStopwordSlots - 1);
  }
  return false;
}

constexpr std::array<unsigned char, 128> MakeLowerAscii() {
  std::array<unsigned char, 128> lower{};
  for (int c = 0; c < 128; ++c) {
    lower[c] =
        static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return lower;
}
constexpr std::array<unsigned char, 128> kLowerAscii = MakeLowerAscii();

// Folds the n (<= 64) bytes at `word` as FoldInto does and hashes them in
// the same pass: out[k] is the k-th folded byte and prefix_hash[k] the hash
// of the first k. Returns false at a non-ASCII byte (the caller then takes
// the general fold). Most words are folded here, in one tight loop over
// raw bytes.
bool FoldAndHashAscii(const char* word, std::size_t n, char* out,
                      uint64_t* prefix_hash) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(word);
  uint64_t hash = kFnvOffset;
  prefix_hash[0] = hash;
  for (std::size_t k = 0; k < n; ++k) {
    unsigned char c = bytes[k];
    if (c >= 0x80) return false;
    c = kLowerAscii[c];
    out[k] = static_cast<char>(c);
    hash = (hash ^ c) * kFnvPrime;
    prefix_hash[k + 1] = hash;
  }
  return true;
}

// Sorts (hash, index) pairs with distinct hashes by hash, as std::sort
// would, in about linear time: the hashes spread evenly, so a counting sort
// on their top bits leaves buckets of one or two, each then sorted in place
// (std::sort there bounds the worst case).
void SortByHash(std::vector<std::pair<uint64_t, uint32_t>>* items) {
  std::size_t n = items->size();
  int bits = 1;
  while ((std::size_t{1} << bits) < n) ++bits;
  std::size_t buckets = std::size_t{1} << bits;
  int shift = 64 - bits;
  std::vector<uint32_t> start(buckets + 1, 0);
  for (const auto& item : *items) ++start[(item.first >> shift) + 1];
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  std::vector<std::pair<uint64_t, uint32_t>> sorted(n);
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (const auto& item : *items) sorted[next[item.first >> shift]++] = item;
  for (std::size_t b = 0; b < buckets; ++b) {
    if (start[b + 1] - start[b] > 1) {
      std::sort(sorted.begin() + start[b], sorted.begin() + start[b + 1]);
    }
  }
  items->swap(sorted);
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
  return IsStopwordIn(Stopwords(), folded);
}

Lexicon::Lexicon(const Document& document) {
  const auto& words = document.words();
  const std::vector<uint64_t>& stopwords = Stopwords();
  const char* text = document.text().data();
  // Reserved, not resized: each entry is written once, whole.
  entries_.reserve(words.size());
  std::size_t content = 0;
  // Zeroed once: bytes past a word are a previous word's, which the head's
  // mask clears, so the head is a fixed eight-byte load, not a memcpy call.
  char buffer[64] = {};
  // prefix_hash[k] is the hash of the first k folded bytes, so the stem's
  // hash comes for free once its length is known.
  uint64_t prefix_hash[65];
  for (std::size_t i = 0; i < words.size(); ++i) {
    Entry e;
    absl::string_view word(text + words[i].span.begin, words[i].span.size());
    // Words with non-ASCII bytes (curly apostrophes, accents) take the
    // general fold.
    std::size_t n = std::min<std::size_t>(word.size(), 64);
    if (!FoldAndHashAscii(word.data(), n, buffer, prefix_hash)) {
      n = FoldInto(word, buffer);
      uint64_t hash = kFnvOffset;
      prefix_hash[0] = hash;
      for (std::size_t k = 0; k < n; ++k) {
        hash = (hash ^ static_cast<unsigned char>(buffer[k])) * kFnvPrime;
        prefix_hash[k + 1] = hash;
      }
    }
    uint64_t hash = prefix_hash[n];
    e.folded = hash;
    // Stop words are short: skip the lookup for long words.
    e.stopword = n <= 10 && IsStopwordIn(stopwords, e.folded);
    e.content = !e.stopword && !words[i].numeric && n >= 3;
    e.stem = e.content ? prefix_hash[StemLength(buffer, n)] : e.folded;
    uint64_t head;
    std::memcpy(&head, buffer, 8);
    e.head = head & Mask(n);
    e.length = static_cast<uint8_t>(n);
    e.stem_id = 0;
    content += e.content ? 1 : 0;
    entries_.push_back(e);
  }
  NumberStems(content);
}

void Lexicon::NumberStems(std::size_t content) {
  // Distinct stems first (an open-addressing set of them), so that only
  // those are sorted; ids follow the order of the stems' hashes, which fixes
  // the order similarity sums run in.
  if (content == 0) return;
  std::size_t slots = 16;
  while (slots < 2 * content) slots *= 2;
  constexpr uint32_t kEmpty = ~uint32_t{0};
  std::vector<uint32_t> table(slots, kEmpty);           // index into `distinct`
  std::vector<std::pair<uint64_t, uint32_t>> distinct;  // (stem, index)
  distinct.reserve(content);
  // stem_id holds the index into `distinct` until the ids are known.
  for (Entry& e : entries_) {
    if (!e.content) continue;
    std::size_t slot = (e.stem ^ (e.stem >> 32)) & (slots - 1);
    while (table[slot] != kEmpty && distinct[table[slot]].first != e.stem) {
      slot = (slot + 1) & (slots - 1);
    }
    if (table[slot] == kEmpty) {
      table[slot] = static_cast<uint32_t>(distinct.size());
      distinct.emplace_back(e.stem, table[slot]);
    }
    e.stem_id = table[slot];
  }
  SortByHash(&distinct);
  std::vector<uint32_t> id_of_distinct(distinct.size());
  for (std::size_t rank = 0; rank < distinct.size(); ++rank) {
    id_of_distinct[distinct[rank].second] = static_cast<uint32_t>(rank);
  }
  for (Entry& e : entries_) {
    if (e.content) e.stem_id = id_of_distinct[e.stem_id];
  }
  stem_count_ = distinct.size();
}

}  // namespace marginalia::rubrics
