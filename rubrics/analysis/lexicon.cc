#include "rubrics/analysis/lexicon.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include "absl/numeric/int128.h"
#include "absl/strings/match.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

// Folded words are hashed eight bytes at a time, one 64x64->128 multiply
// per chunk (FNV takes one multiply per byte, each waiting on the last):
// the lexicon hashes every word of an essay. Constants from wyhash.
constexpr uint64_t kHashSeed = 0xa0761d6478bd642fULL;
constexpr uint64_t kChunkKey = 0xe7037ed1a0b428dbULL;

uint64_t MixChunk(uint64_t hash, uint64_t chunk) {
  absl::uint128 product = absl::uint128(chunk ^ kChunkKey) * hash;
  return absl::Uint128Low64(product) ^ absl::Uint128High64(product);
}

// The first `bytes` bytes of a little-endian chunk (all eight for 8 or
// more).
uint64_t LowBytes(uint64_t chunk, std::size_t bytes) {
  return chunk & Lexicon::Mask(bytes);
}

// The top bit of every byte: set in a chunk that holds a non-ASCII byte.
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Hash of the n folded bytes at `padded`, which must be readable up to the
// next multiple of eight: each chunk is one eight-byte load, the last one
// masked to the word.
uint64_t HashPadded(const char* padded, std::size_t n) {
  uint64_t hash = kHashSeed ^ n;
  for (std::size_t k = 0; k < n; k += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, padded + k, 8);
    hash = MixChunk(hash, LowBytes(chunk, n - k));
  }
  return hash;
}

// ASCII upper case to lower case in all eight bytes of a chunk at once;
// every byte must be ASCII (below 0x80), so no addition carries into the
// next byte.
uint64_t LowerAsciiChunk(uint64_t chunk) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  uint64_t at_least_a = chunk + (0x80 - 'A') * kOnes;
  uint64_t above_z = chunk + (0x7F - 'Z') * kOnes;
  uint64_t upper = at_least_a & ~above_z & kHighBits;
  return chunk | (upper >> 2);  // 0x80 >> 2 is the case bit 0x20
}

// FNV-1a of n bytes: orders the stem ids (see StemNumbering).
uint64_t Fnv(const char* data, std::size_t size) {
  uint64_t hash = kFnvOffset;
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= static_cast<unsigned char>(data[i]);
    hash *= kFnvPrime;
  }
  return hash;
}

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

// A fold buffer: 64 folded bytes and the slack HashPadded reads past them.
using FoldBuffer = std::array<char, 72>;

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

// Folds word[0, n) (n <= 64) eight bytes at a time into `out` and returns
// its hash, or nullopt at a non-ASCII byte (the caller then takes the
// general fold). `text_end` bounds the loads: a chunk that would read past
// it is copied byte by byte. Most words are folded here.
std::optional<uint64_t> FoldAsciiChunks(const char* word, std::size_t n,
                                        const char* text_end, char* out) {
  uint64_t hash = kHashSeed ^ n;
  for (std::size_t k = 0; k < n; k += 8) {
    uint64_t chunk = 0;
    if (text_end - (word + k) >= 8) {
      std::memcpy(&chunk, word + k, 8);
    } else {
      std::memcpy(&chunk, word + k, std::min<std::size_t>(8, n - k));
    }
    chunk = LowBytes(chunk, n - k);
    if (chunk & kHighBits) return std::nullopt;
    chunk = LowerAsciiChunk(chunk);
    std::memcpy(out + k, &chunk, 8);
    hash = MixChunk(hash, chunk);
  }
  return hash;
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

// Numbers the distinct stems of content words densely, as they come.
// Ids follow the order of the stems' FNV-1a hashes (a stable order that
// fixes the order similarity sums run in, and so their last bits), and
// only distinct stems pay for that hash.
class StemNumbering {
 public:
  // `words` bounds the number of distinct stems.
  explicit StemNumbering(std::size_t words) {
    while (slots_ < 2 * words) slots_ *= 2;
    table_.assign(slots_, kEmpty);
    hashes_.reserve(words);
    distinct_.reserve(words);
  }

  // The stem's index among distinct stems (its id once Ids() maps it).
  uint32_t Add(uint64_t stem, const char* folded, std::size_t length) {
    std::size_t slot = (stem ^ (stem >> 32)) & (slots_ - 1);
    while (table_[slot] != kEmpty && hashes_[table_[slot]] != stem) {
      slot = (slot + 1) & (slots_ - 1);
    }
    if (table_[slot] == kEmpty) {
      table_[slot] = static_cast<uint32_t>(distinct_.size());
      hashes_.push_back(stem);
      distinct_.emplace_back(Fnv(folded, length), table_[slot]);
    }
    return table_[slot];
  }

  // For each index Add() returned, the stem's dense id.
  std::vector<uint32_t> Ids() {
    SortByHash(&distinct_);
    std::vector<uint32_t> id_of(distinct_.size());
    for (std::size_t rank = 0; rank < distinct_.size(); ++rank) {
      id_of[distinct_[rank].second] = static_cast<uint32_t>(rank);
    }
    return id_of;
  }

 private:
  static constexpr uint32_t kEmpty = ~uint32_t{0};
  std::size_t slots_ = 16;
  std::vector<uint32_t> table_;   // index into distinct_ and hashes_
  std::vector<uint64_t> hashes_;  // the stems
  std::vector<std::pair<uint64_t, uint32_t>> distinct_;  // (FNV-1a, index)
};

}  // namespace

uint64_t Lexicon::Fold(absl::string_view word) {
  FoldBuffer buffer;
  return HashPadded(buffer.data(), FoldInto(word, buffer.data()));
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
  const char* text_end = text + document.text().size();
  entries_.reserve(words.size());
  StemNumbering stems(words.size());
  // Zeroed once: bytes past a word are a previous word's, which every
  // reader masks off, so loads from it are fixed eight-byte loads.
  FoldBuffer buffer{};
  for (std::size_t i = 0; i < words.size(); ++i) {
    // Filled in place: an entry built aside and copied in is reloaded
    // whole right after its fields were stored one by one, and that load
    // stalls waiting for the stores.
    Entry& e = entries_.emplace_back();
    const char* word = text + words[i].span.begin;
    std::size_t n = std::min<std::size_t>(words[i].span.size(), 64);
    std::optional<uint64_t> ascii =
        FoldAsciiChunks(word, n, text_end, buffer.data());
    if (ascii.has_value()) {
      e.folded = *ascii;
    } else {
      // Curly apostrophes, accents: the general fold.
      n = FoldInto(absl::string_view(word, words[i].span.size()),
                   buffer.data());
      e.folded = HashPadded(buffer.data(), n);
    }
    // Stop words are short: skip the lookup for long words.
    e.stopword = n <= 10 && IsStopwordIn(stopwords, e.folded);
    e.content = !e.stopword && !words[i].numeric && n >= 3;
    e.stem_id = 0;
    if (e.content) {
      std::size_t stem_length = StemLength(buffer.data(), n);
      uint64_t stem =
          stem_length == n ? e.folded : HashPadded(buffer.data(), stem_length);
      e.stem_id = stems.Add(stem, buffer.data(), stem_length);
    }
    uint64_t head;
    std::memcpy(&head, buffer.data(), 8);
    e.head = LowBytes(head, n);
    e.length = static_cast<uint8_t>(n);
  }
  std::vector<uint32_t> id_of = stems.Ids();
  for (Entry& e : entries_) {
    if (e.content) e.stem_id = id_of[e.stem_id];
  }
  stem_count_ = id_of.size();
}

}  // namespace marginalia::rubrics
