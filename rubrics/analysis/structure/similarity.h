// Bag-of-words similarity between passages, on light stems of content words
// (numbered densely per document by the Lexicon).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "rubrics/analysis/lexicon.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

class DenseTermVector;
class IdfTable;

// A passage's content-word stems with weights (counts to begin with),
// sorted by stem id.
class TermVector {
 public:
  TermVector() = default;
  // The content words among words [range.begin, range.end).
  TermVector(const Lexicon& lexicon, IndexRange range);

  void Add(const TermVector& other);
  bool empty() const { return terms_.empty(); }
  // Distinct stems.
  std::size_t size() const { return terms_.size(); }

  // Cosine similarity, 0 to 1.
  double Cosine(const TermVector& other) const;
  // The same, against a vector laid out densely (bit for bit the same sum).
  double Cosine(const DenseTermVector& other) const;
  // Share of this vector's distinct stems that `other` also has.
  double CoveredBy(const TermVector& other) const;

  // The vector with each stem's weight multiplied by its inverse document
  // frequency (log N/df); stems in every passage drop out.
  TermVector Weighted(const IdfTable& idf) const;

  // The sum of the vectors, each scaled to unit length first. For unit
  // vectors, sums of cosines become dot products with this sum.
  static TermVector UnitSum(const std::vector<TermVector>& vectors,
                            std::size_t stem_count);
  double SquaredNorm() const { return norm_ * norm_; }

 private:
  friend class DenseTermVector;
  friend class IdfTable;
  void Normalise();

  std::vector<std::pair<uint32_t, double>> terms_;
  double norm_ = 0;
};

// A TermVector laid out by stem id (0 where a stem is absent). A Cosine
// against it looks each of the other vector's stems up instead of merging
// two lists, which pays when this side is long (the sum of every body
// paragraph) and is compared with many short ones.
class DenseTermVector {
 public:
  DenseTermVector(const TermVector& vector, std::size_t stem_count);

 private:
  friend class TermVector;
  std::vector<double> weights_;
  double norm_ = 0;
};

// Inverse document frequencies of stems over a set of passages.
class IdfTable {
 public:
  IdfTable(const std::vector<TermVector>& passages, std::size_t stem_count);
  // log(N / df); log(N + 1) for a stem in no passage.
  double Idf(uint32_t stem) const { return idf_[stem]; }

 private:
  std::vector<double> idf_;
};

}  // namespace marginalia::rubrics
