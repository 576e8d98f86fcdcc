// Planning how a wave of new students joins the reviewing graph: a circulant
// inside the wave plus tasks and reviewers borrowed from the least-loaded
// students already allocated (the pool). Internal to allocation.cc; see
// allocation.h for the method. Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <vector>

#include "server/review/review_graph.h"

namespace marginalia::server::review {

// One way to allocate a wave: every member gets `tasks` tasks and `reviews`
// reviewers.
struct WavePlan {
  int tasks = 0;
  int reviews = 0;
  std::vector<Task> edges;  // the new tasks
  // The largest task or review count anywhere after the plan.
  int max_load = 0;
  // Task counts, and review counts, differ by at most one over pool + wave.
  bool balanced = false;
};

// The plan for `tasks` = a and `reviews` = b, or nullopt if the pool is too
// small for the borrowed edges. `ring` is the wave in its seeded ring order;
// `rank[s]` breaks load ties between students (lower first). REQUIRES: the
// wave is disjoint from the pool and has no edges yet.
std::optional<WavePlan> PlanWave(const ReviewGraph& graph,
                                 const std::vector<int>& pool,
                                 const std::vector<int>& ring,
                                 const std::vector<int>& rank, int a, int b);

struct WaveChoice {
  // The cheapest balanced plan, ignoring `max_load`.
  std::optional<WavePlan> cheapest_balanced;
  // The cheapest balanced plan whose loads stay within `max_load`.
  std::optional<WavePlan> chosen;
};

// Tries (a, b) from max(k, the pool's largest load - 1) up by at most 3
// each, cheapest (fewest tasks plus reviews per member) first. A balanced
// plan for a wave of one is always among them when the pool is balanced and
// its loads are at least k (allocation.h, G3). `max_load` 0 means no cap.
WaveChoice ChooseWavePlan(const ReviewGraph& graph,
                          const std::vector<int>& pool,
                          const std::vector<int>& ring,
                          const std::vector<int>& rank, int k, int max_load);

}  // namespace marginalia::server::review
