// Hashed forms of every word of a document, computed once, so analysers can
// compare, look up and count words without allocating strings.
// Immutable after construction; thread-compatible.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

class Lexicon {
 public:
  explicit Lexicon(const Document& document);

  // Hash of the word lower-cased (ASCII), curly apostrophes made straight.
  uint64_t folded(std::size_t word) const { return entries_[word].folded; }
  // English function words ("the", "of", "which") carry no topic.
  bool stopword(std::size_t word) const { return entries_[word].stopword; }
  // A content word: not a stop word, not a number, at least 3 letters.
  bool content(std::size_t word) const { return entries_[word].content; }
  // The first eight bytes of the folded word, zero-padded, for fast prefix
  // tests: a word starts with folded prefix P (|P| <= 8) when
  // (head(word) & Mask(|P|)) == Head(P).
  uint64_t head(std::size_t word) const { return entries_[word].head; }
  // A dense number (0 .. stem_count()-1) for the light stem of a content
  // word ("plans", "planned" -> "plan"), the same for every word sharing
  // the stem; for fast bag-of-words maths.
  uint32_t stem_id(std::size_t word) const { return entries_[word].stem_id; }
  std::size_t stem_count() const { return stem_count_; }
  std::size_t length(std::size_t word) const { return entries_[word].length; }
  static uint64_t Head(absl::string_view folded_prefix);
  static uint64_t Mask(std::size_t prefix_length);

  // The folded hash of a literal word.
  static uint64_t Fold(absl::string_view word);
  static bool IsStopword(uint64_t folded);

 private:
  struct Entry {
    uint64_t folded;
    uint64_t head;
    uint32_t stem_id;
    uint8_t length;
    bool stopword;
    bool content;
  };
  std::vector<Entry> entries_;
  std::size_t stem_count_ = 0;
};

// True when the folded hashes of `word` and `literal` agree, e.g.
// Matches(lexicon, i, "however").
inline bool WordIs(const Lexicon& lexicon, std::size_t word,
                   absl::string_view literal) {
  return lexicon.folded(word) == Lexicon::Fold(literal);
}

}  // namespace marginalia::rubrics
