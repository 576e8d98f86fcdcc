// The reviewing graph used while allocating: students are numbered by their
// position in AllocationRequest::authors. Internal to allocation.cc and its
// helpers; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace marginalia::server::review {

// A reviewing task between two student positions.
using Task = std::pair<int, int>;  // (reviewer, author)

// Who reviews whom, with each student's load both ways. The set is only
// queried for membership, so its hash order never reaches a result.
class ReviewGraph {
 public:
  // `expected_edges` only sizes the edge set up front.
  explicit ReviewGraph(int students, size_t expected_edges = 0)
      : tasks_(students), reviews_(students) {
    edges_.reserve(expected_edges);
  }

  int size() const { return static_cast<int>(tasks_.size()); }
  bool Has(int reviewer, int author) const {
    return edges_.contains(Key(reviewer, author));
  }
  // REQUIRES: !Has(reviewer, author), reviewer != author.
  void Add(int reviewer, int author) {
    edges_.insert(Key(reviewer, author));
    ++tasks_[reviewer];
    ++reviews_[author];
  }

  // Submissions `student` reviews / reviews `student`'s submission receives.
  const std::vector<int>& tasks() const { return tasks_; }
  const std::vector<int>& reviews() const { return reviews_; }

 private:
  static uint64_t Key(int reviewer, int author) {
    return static_cast<uint64_t>(reviewer) << 32 |
           static_cast<uint32_t>(author);
  }

  std::vector<int> tasks_;
  std::vector<int> reviews_;
  absl::flat_hash_set<uint64_t> edges_;
};

}  // namespace marginalia::server::review
