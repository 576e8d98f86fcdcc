#include "server/review/wave_plan.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace marginalia::server::review {
namespace {

// The `count` members of `pool` with the smallest `load`, ties by `rank`.
std::vector<int> PickLeastLoaded(const std::vector<int>& pool,
                                 const std::vector<int>& load,
                                 const std::vector<int>& rank, int count) {
  std::vector<int> picked = pool;
  auto lighter = [&](int x, int y) {
    return std::tie(load[x], rank[x]) < std::tie(load[y], rank[y]);
  };
  std::partial_sort(picked.begin(), picked.begin() + count, picked.end(),
                    lighter);
  picked.resize(count);
  return picked;
}

// Largest value of `load` over `students`, 0 if there are none.
int MaxOver(const std::vector<int>& students, const std::vector<int>& load) {
  int max = 0;
  for (int s : students) max = std::max(max, load[s]);
  return max;
}

// Fills in max_load and balanced from the loads after the plan.
void Evaluate(const std::vector<int>& pool, const std::vector<int>& ring,
              const std::vector<int>& tasks, const std::vector<int>& reviews,
              WavePlan& plan) {
  std::array<int, 2> min = {tasks[ring[0]], reviews[ring[0]]};
  std::array<int, 2> max = min;
  auto visit = [&](int s) {
    min = {std::min(min[0], tasks[s]), std::min(min[1], reviews[s])};
    max = {std::max(max[0], tasks[s]), std::max(max[1], reviews[s])};
  };
  for (int s : pool) visit(s);
  for (int s : ring) visit(s);
  plan.max_load = std::max(max[0], max[1]);
  plan.balanced = max[0] - min[0] <= 1 && max[1] - min[1] <= 1;
}

}  // namespace

std::optional<WavePlan> PlanWave(const ReviewGraph& graph,
                                 const std::vector<int>& pool,
                                 const std::vector<int>& ring,
                                 const std::vector<int>& rank, int a, int b) {
  const int m = static_cast<int>(ring.size());
  const int pool_size = static_cast<int>(pool.size());
  // As much as possible inside the wave, so the pool's loads stay put.
  const int inside = std::min({a, b, m - 1});
  if (m == 0 || a - inside > pool_size || b - inside > pool_size) {
    return std::nullopt;
  }
  WavePlan plan;
  plan.tasks = a;
  plan.reviews = b;
  std::vector<int> tasks = graph.tasks();
  std::vector<int> reviews = graph.reviews();
  auto add = [&](int reviewer, int author) {
    plan.edges.emplace_back(reviewer, author);
    ++tasks[reviewer];
    ++reviews[author];
  };
  for (int i = 0; i < m; ++i) {
    for (int step = 1; step <= inside; ++step)
      add(ring[i], ring[(i + step) % m]);
  }
  // Picking per member keeps each member's partners distinct; since pool
  // loads start within one of each other, repeated least-loaded picks are
  // exact water-filling and keep them within one.
  for (int w : ring) {
    for (int p : PickLeastLoaded(pool, reviews, rank, a - inside)) add(w, p);
  }
  for (int w : ring) {
    for (int p : PickLeastLoaded(pool, tasks, rank, b - inside)) add(p, w);
  }
  Evaluate(pool, ring, tasks, reviews, plan);
  return plan;
}

WaveChoice ChooseWavePlan(const ReviewGraph& graph,
                          const std::vector<int>& pool,
                          const std::vector<int>& ring,
                          const std::vector<int>& rank, int k, int max_load) {
  // A member's load must end within one of the pool's largest, which only
  // grows, so nothing below (largest - 1) can balance.
  const int a_low = std::max(k, MaxOver(pool, graph.tasks()) - 1);
  const int b_low = std::max(k, MaxOver(pool, graph.reviews()) - 1);
  constexpr int kSpan = 4;
  std::vector<std::pair<int, int>> candidates;
  for (int a = a_low; a < a_low + kSpan; ++a) {
    for (int b = b_low; b < b_low + kSpan; ++b) candidates.emplace_back(a, b);
  }
  std::sort(candidates.begin(), candidates.end(), [](auto x, auto y) {
    return std::make_tuple(x.first + x.second, std::max(x.first, x.second),
                           x.first) <
           std::make_tuple(y.first + y.second, std::max(y.first, y.second),
                           y.first);
  });
  WaveChoice choice;
  for (const auto& [a, b] : candidates) {
    std::optional<WavePlan> plan = PlanWave(graph, pool, ring, rank, a, b);
    if (!plan.has_value() || !plan->balanced) continue;
    if (!choice.cheapest_balanced.has_value()) choice.cheapest_balanced = plan;
    if (max_load == 0 || plan->max_load <= max_load) {
      choice.chosen = std::move(plan);
      break;
    }
  }
  return choice;
}

}  // namespace marginalia::server::review
