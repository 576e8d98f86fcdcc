#include "rubrics/analysis/structure/similarity.h"

#include <algorithm>
#include <cmath>

namespace marginalia::rubrics {

TermVector::TermVector(const Lexicon& lexicon, IndexRange range) {
  std::vector<uint32_t> stems;
  stems.reserve(range.size());
  for (uint32_t w = range.begin; w < range.end; ++w) {
    if (lexicon.content(w)) stems.push_back(lexicon.stem_id(w));
  }
  std::sort(stems.begin(), stems.end());
  terms_.reserve(stems.size());
  for (std::size_t i = 0; i < stems.size();) {
    std::size_t j = i;
    while (j < stems.size() && stems[j] == stems[i]) ++j;
    terms_.emplace_back(stems[i], static_cast<double>(j - i));
    i = j;
  }
  Normalise();
}

void TermVector::Normalise() {
  norm_ = 0;
  for (const auto& [stem, weight] : terms_) norm_ += weight * weight;
  norm_ = std::sqrt(norm_);
}

TermVector TermVector::Weighted(const IdfTable& idf) const {
  TermVector weighted;
  weighted.terms_.reserve(terms_.size());
  for (const auto& [stem, weight] : terms_) {
    double factor = idf.Idf(stem);
    if (factor > 0) weighted.terms_.emplace_back(stem, weight * factor);
  }
  weighted.Normalise();
  return weighted;
}

IdfTable::IdfTable(const std::vector<TermVector>& passages,
                   std::size_t stem_count) {
  std::vector<int> frequency(stem_count, 0);
  for (const TermVector& passage : passages) {
    for (const auto& [stem, weight] : passage.terms_) ++frequency[stem];
  }
  double n = static_cast<double>(passages.size());
  // A frequency is at most the number of passages: one logarithm per
  // frequency rather than per stem.
  std::vector<double> log_of(passages.size() + 1);
  log_of[0] = std::log(n + 1);
  for (std::size_t f = 1; f < log_of.size(); ++f) {
    log_of[f] = std::log(n / static_cast<int>(f));
  }
  idf_.resize(stem_count);
  for (std::size_t s = 0; s < stem_count; ++s) idf_[s] = log_of[frequency[s]];
}

TermVector TermVector::UnitSum(const std::vector<TermVector>& vectors,
                               std::size_t stem_count) {
  std::vector<double> dense(stem_count, 0.0);
  for (const TermVector& v : vectors) {
    if (v.norm_ == 0) continue;
    for (const auto& [stem, weight] : v.terms_) dense[stem] += weight / v.norm_;
  }
  TermVector sum;
  for (std::size_t s = 0; s < stem_count; ++s) {
    if (dense[s] != 0)
      sum.terms_.emplace_back(static_cast<uint32_t>(s), dense[s]);
  }
  sum.Normalise();
  return sum;
}

void TermVector::Add(const TermVector& other) {
  std::vector<std::pair<uint32_t, double>> merged;
  merged.reserve(terms_.size() + other.terms_.size());
  std::size_t i = 0, j = 0;
  while (i < terms_.size() || j < other.terms_.size()) {
    if (j == other.terms_.size() ||
        (i < terms_.size() && terms_[i].first < other.terms_[j].first)) {
      merged.push_back(terms_[i++]);
    } else if (i == terms_.size() || other.terms_[j].first < terms_[i].first) {
      merged.push_back(other.terms_[j++]);
    } else {
      merged.emplace_back(terms_[i].first,
                          terms_[i].second + other.terms_[j].second);
      ++i;
      ++j;
    }
  }
  terms_ = std::move(merged);
  Normalise();
}

double TermVector::Cosine(const TermVector& other) const {
  if (norm_ == 0 || other.norm_ == 0) return 0;
  double dot = 0;
  // A short vector (an opening sentence) against a long one (a paragraph):
  // look each short-side stem up rather than walk both lists. The products
  // are added in the same (stem) order, so the sum is the same.
  const auto& shorter =
      terms_.size() <= other.terms_.size() ? terms_ : other.terms_;
  const auto& longer = &shorter == &terms_ ? other.terms_ : terms_;
  if (shorter.size() * 3 < longer.size()) {
    auto from = longer.begin();
    for (const auto& [stem, weight] : shorter) {
      from = std::lower_bound(from, longer.end(), stem,
                              [](const std::pair<uint32_t, double>& t,
                                 uint32_t s) { return t.first < s; });
      if (from == longer.end()) break;
      if (from->first == stem) dot += weight * from->second;
    }
    return dot / (norm_ * other.norm_);
  }
  std::size_t i = 0, j = 0;
  while (i < terms_.size() && j < other.terms_.size()) {
    uint32_t a = terms_[i].first;
    uint32_t b = other.terms_[j].first;
    if (a == b) dot += terms_[i].second * other.terms_[j].second;
    i += a <= b;
    j += b <= a;
  }
  return dot / (norm_ * other.norm_);
}

double TermVector::Cosine(const DenseTermVector& other) const {
  if (norm_ == 0 || other.norm_ == 0) return 0;
  double dot = 0;
  for (const auto& [stem, weight] : terms_) {
    double other_weight = other.weights_[stem];
    if (other_weight != 0) dot += weight * other_weight;
  }
  return dot / (norm_ * other.norm_);
}

DenseTermVector::DenseTermVector(const TermVector& vector,
                                 std::size_t stem_count)
    : weights_(stem_count, 0.0), norm_(vector.norm_) {
  for (const auto& [stem, weight] : vector.terms_) weights_[stem] = weight;
}

double TermVector::CoveredBy(const TermVector& other) const {
  if (terms_.empty()) return 0;
  std::size_t shared = 0;
  std::size_t i = 0, j = 0;
  while (i < terms_.size() && j < other.terms_.size()) {
    uint32_t a = terms_[i].first;
    uint32_t b = other.terms_[j].first;
    shared += a == b;
    i += a <= b;
    j += b <= a;
  }
  return static_cast<double>(shared) / terms_.size();
}

}  // namespace marginalia::rubrics
