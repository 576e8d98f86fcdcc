#include "rubrics/analysis/structure/phrase_set.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace marginalia::rubrics {

PhraseSet::PhraseSet(std::initializer_list<absl::string_view> phrases) {
  for (absl::string_view text : phrases) {
    Phrase phrase;
    for (absl::string_view word : absl::StrSplit(text, ' ')) {
      Word w;
      w.prefix = absl::ConsumeSuffix(&word, "*");
      w.folded = Lexicon::Fold(word);
      w.head = Lexicon::Head(word);
      w.mask = Lexicon::Mask(word.size());
      w.length = word.size();
      if (w.prefix && word.size() > 8) w.long_prefix = std::string(word);
      phrase.push_back(std::move(w));
    }
    int index = static_cast<int>(phrases_.size());
    if (phrase[0].prefix && phrase[0].length < 2) {
      one_byte_prefixes_.push_back(index);
    } else if (phrase[0].prefix) {
      uint16_t pair = static_cast<uint16_t>(phrase[0].head & 0xFFFF);
      by_prefix_pair_.emplace_back(pair, index);
      prefix_pair_filter_.set(pair);
    } else {
      by_first_word_.emplace_back(phrase[0].folded, index);
      first_word_filter_.set(phrase[0].folded & 4095);
    }
    phrases_.push_back(std::move(phrase));
  }
  std::sort(by_first_word_.begin(), by_first_word_.end());
  std::sort(by_prefix_pair_.begin(), by_prefix_pair_.end());
  std::size_t slots = 8;
  while (slots < 4 * by_first_word_.size()) slots *= 2;
  first_word_slots_.resize(slots);
  for (std::size_t k = 0; k < by_first_word_.size();) {
    std::size_t end = k;
    while (end < by_first_word_.size() &&
           by_first_word_[end].first == by_first_word_[k].first) {
      ++end;
    }
    uint64_t folded = by_first_word_[k].first;
    std::size_t slot = folded & (slots - 1);
    while (first_word_slots_[slot].end != 0) slot = (slot + 1) & (slots - 1);
    first_word_slots_[slot] = FirstWordSlot{folded, static_cast<uint32_t>(k),
                                            static_cast<uint32_t>(end)};
    k = end;
  }
}

bool PhraseSet::WordMatches(const Word& word, const Lexicon& lexicon,
                            uint32_t at) {
  if (!word.prefix) return lexicon.folded(at) == word.folded;
  if (lexicon.length(at) < word.length) return false;
  if ((lexicon.head(at) & word.mask) != word.head) return false;
  // Beyond eight bytes the head cannot tell; such prefixes are rare, and a
  // match on the first eight is accepted (they are distinctive already).
  return true;
}

bool PhraseSet::Matches(const Phrase& phrase, const Lexicon& lexicon,
                        uint32_t at, uint32_t end) const {
  if (at + phrase.size() > end) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    if (!WordMatches(phrase[k], lexicon, at + static_cast<uint32_t>(k))) {
      return false;
    }
  }
  return true;
}

int PhraseSet::MatchCandidates(const Lexicon& lexicon, uint32_t at,
                               uint32_t end) const {
  int best = 0;
  // The longest match wins, so the order candidates are tried in does not
  // matter.
  auto try_phrase = [&](int index) {
    const Phrase& phrase = phrases_[index];
    int n = static_cast<int>(phrase.size());
    if (n > best && Matches(phrase, lexicon, at, end)) best = n;
  };
  uint64_t folded = lexicon.folded(at);
  if (first_word_filter_[folded & 4095]) {
    std::size_t mask = first_word_slots_.size() - 1;
    for (std::size_t slot = folded & mask; first_word_slots_[slot].end != 0;
         slot = (slot + 1) & mask) {
      const FirstWordSlot& found = first_word_slots_[slot];
      if (found.folded != folded) continue;
      for (uint32_t k = found.begin; k < found.end; ++k) {
        try_phrase(by_first_word_[k].second);
      }
      break;
    }
  }
  uint16_t pair = static_cast<uint16_t>(lexicon.head(at) & 0xFFFF);
  if (prefix_pair_filter_[pair]) {
    for (auto p =
             std::lower_bound(by_prefix_pair_.begin(), by_prefix_pair_.end(),
                              std::make_pair(pair, 0));
         p != by_prefix_pair_.end() && p->first == pair; ++p) {
      try_phrase(p->second);
    }
  }
  for (int index : one_byte_prefixes_) try_phrase(index);
  return best;
}

int PhraseSet::Count(const Lexicon& lexicon, IndexRange range) const {
  int count = 0;
  for (uint32_t w = range.begin; w < range.end;) {
    int matched = MatchAt(lexicon, w, range.end);
    if (matched > 0) {
      ++count;
      w += static_cast<uint32_t>(matched);
    } else {
      ++w;
    }
  }
  return count;
}

bool PhraseSet::StartsWith(const Lexicon& lexicon, IndexRange range) const {
  return !range.empty() && MatchAt(lexicon, range.begin, range.end) > 0;
}

std::vector<int8_t>& MarkerIndex::Matches(const PhraseSet& set) {
  for (auto& [cached, matches] : matches_) {
    if (cached == &set) return matches;
  }
  matches_.emplace_back(&set, std::vector<int8_t>(words_, kUnknown));
  return matches_.back().second;
}

int MarkerIndex::MatchAt(const PhraseSet& set, std::vector<int8_t>& matches,
                         uint32_t word) {
  if (matches[word] == kUnknown) {
    matches[word] = static_cast<int8_t>(std::min(
        127, set.MatchAt(lexicon_, word, static_cast<uint32_t>(words_))));
  }
  return matches[word];
}

int MarkerIndex::Count(const PhraseSet& set, IndexRange range) {
  std::vector<int8_t>& matches = Matches(set);
  int count = 0;
  for (uint32_t w = range.begin; w < range.end;) {
    int length = MatchAt(set, matches, w);
    // A phrase must end inside the range to count.
    if (length > 0 && w + length <= range.end) {
      ++count;
      w += static_cast<uint32_t>(length);
    } else {
      ++w;
    }
  }
  return count;
}

bool MarkerIndex::StartsWith(const PhraseSet& set, IndexRange range) {
  if (range.empty()) return false;
  int length = MatchAt(set, Matches(set), range.begin);
  return length > 0 && range.begin + length <= range.end;
}

}  // namespace marginalia::rubrics
