// A set of word sequences ("in contrast", "on the other hand") matched
// against a document's words by their folded hashes. Immutable after
// construction; thread-safe.
#pragma once

#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "rubrics/analysis/lexicon.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

class PhraseSet {
 public:
  // Phrases are lower-case words separated by single spaces. A trailing "*"
  // on a word matches any word starting with it ("compar*" matches
  // "comparison", "compared").
  PhraseSet(std::initializer_list<absl::string_view> phrases);

  // Words matched by the longest phrase starting at word `at` (0 if none).
  // Matching stops at `end` (exclusive).
  int MatchAt(const Lexicon& lexicon, uint32_t at, uint32_t end) const {
    // Most words start no phrase: the filters say so without a call.
    if (!first_word_filter_[lexicon.folded(at) & 4095] &&
        !prefix_pair_filter_[lexicon.head(at) & 0xFFFF] &&
        one_byte_prefixes_.empty()) {
      return 0;
    }
    return MatchCandidates(lexicon, at, end);
  }
  // Phrase occurrences among words [range.begin, range.end).
  int Count(const Lexicon& lexicon, IndexRange range) const;
  // Whether a phrase starts at the first word of `range`.
  bool StartsWith(const Lexicon& lexicon, IndexRange range) const;

 private:
  struct Word {
    uint64_t folded = 0;  // whole-word match
    // Prefix match: the folded prefix's head, mask and length.
    bool prefix = false;
    uint64_t head = 0;
    uint64_t mask = 0;
    std::size_t length = 0;
    std::string long_prefix;  // prefixes over 8 bytes, checked in full
  };
  using Phrase = std::vector<Word>;

  int MatchCandidates(const Lexicon& lexicon, uint32_t at, uint32_t end) const;
  static bool WordMatches(const Word& word, const Lexicon& lexicon,
                          uint32_t at);
  bool Matches(const Phrase& phrase, const Lexicon& lexicon, uint32_t at,
               uint32_t end) const;

  std::vector<Phrase> phrases_;
  // (first word's hash, phrase index) of phrases starting with a whole
  // word, sorted.
  std::vector<std::pair<uint64_t, int>> by_first_word_;
  // Where each first word's phrases lie in by_first_word_: a hash table
  // (open addressing on the low bits), since the common words ("the",
  // "in") that start phrases pass the filter below.
  struct FirstWordSlot {
    uint64_t folded = 0;
    uint32_t begin = 0;
    uint32_t end = 0;  // 0 for a free slot
  };
  std::vector<FirstWordSlot> first_word_slots_;
  // A filter on first words' hashes: most words start no phrase, and this
  // says so without a search.
  std::bitset<4096> first_word_filter_;
  // Phrases starting with a prefix, by the prefix's first two bytes (the
  // low 16 bits of its head), sorted, so that a word is tried only against
  // prefixes it could start with; a filter on those bytes says "none" for
  // most words without a search. One-byte prefixes are kept apart.
  std::vector<std::pair<uint16_t, int>> by_prefix_pair_;
  std::bitset<65536> prefix_pair_filter_;
  std::vector<int> one_byte_prefixes_;
};

// Where phrase sets match in one document: each word is tested against a
// set at most once, and only when some query covers it.
// Not thread-safe: one per document analysis.
class MarkerIndex {
 public:
  explicit MarkerIndex(const Lexicon& lexicon, std::size_t words)
      : lexicon_(lexicon), words_(words) {}

  int Count(const PhraseSet& set, IndexRange range);
  bool StartsWith(const PhraseSet& set, IndexRange range);

 private:
  static constexpr int8_t kUnknown = -1;
  // Per word: the length of the phrase matched there, 0 for none,
  // kUnknown before the word was tested.
  std::vector<int8_t>& Matches(const PhraseSet& set);
  int MatchAt(const PhraseSet& set, std::vector<int8_t>& matches,
              uint32_t word);

  const Lexicon& lexicon_;
  std::size_t words_;
  std::vector<std::pair<const PhraseSet*, std::vector<int8_t>>> matches_;
};

}  // namespace marginalia::rubrics
