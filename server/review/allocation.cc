#include "server/review/allocation.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/review/review_graph.h"
#include "server/review/seeded_random.h"
#include "server/review/wave_plan.h"

namespace marginalia::server::review {
namespace {

constexpr int kMaxReviewsPerSubmission = 50;

using AuthorIndex = absl::flat_hash_map<std::string, int>;

absl::Status CheckParameters(const AllocationRequest& request) {
  const int k = request.reviews_per_submission;
  if (k < 1 || k > kMaxReviewsPerSubmission) {
    return absl::InvalidArgumentError(
        absl::StrCat("reviews_per_submission must be between 1 and ",
                     kMaxReviewsPerSubmission, "; it is ", k));
  }
  if (request.max_load != 0 && request.max_load < k) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_load=", request.max_load, " is below k=", k,
        ": nobody could get k reviews; use 0 for no ceiling or at least ", k));
  }
  return absl::OkStatus();
}

absl::StatusOr<AuthorIndex> IndexAuthors(
    const std::vector<std::string>& authors) {
  AuthorIndex index;
  index.reserve(authors.size());
  for (int i = 0; i < static_cast<int>(authors.size()); ++i) {
    if (authors[i].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("author #", i + 1, " has an empty id"));
    }
    if (!index.emplace(authors[i], i).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("author \"", authors[i],
                       "\" is listed twice; each student takes part once, "
                       "with their latest submission"));
    }
  }
  return index;
}

// Position of `id` in authors, or an error naming the task that uses it.
absl::StatusOr<int> Find(const AuthorIndex& index, const std::string& id,
                         const ReviewEdge& edge) {
  auto it = index.find(id);
  if (it == index.end()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "existing task \"", edge.reviewer, "\" reviews \"", edge.author,
        "\" names \"", id, "\", who is not in authors"));
  }
  return it->second;
}

absl::StatusOr<ReviewGraph> BuildGraph(const AllocationRequest& request,
                                       const AuthorIndex& index) {
  // Room for the tasks this call adds too: about k per student.
  ReviewGraph graph(
      static_cast<int>(request.authors.size()),
      request.existing.size() +
          request.authors.size() * request.reviews_per_submission);
  for (const ReviewEdge& edge : request.existing) {
    ASSIGN_OR_RETURN(int reviewer, Find(index, edge.reviewer, edge));
    ASSIGN_OR_RETURN(int author, Find(index, edge.author, edge));
    if (reviewer == author) {
      return absl::InvalidArgumentError(absl::StrCat(
          "existing task has \"", edge.reviewer, "\" reviewing themselves"));
    }
    if (graph.Has(reviewer, author)) {
      return absl::InvalidArgumentError(
          absl::StrCat("existing task \"", edge.reviewer, "\" reviews \"",
                       edge.author, "\" is listed twice"));
    }
    graph.Add(reviewer, author);
  }
  return graph;
}

// Position of each student in a seeded permutation: breaks load ties.
std::vector<int> TieRanks(int students, SeededRandom& random) {
  std::vector<int> order(students);
  std::iota(order.begin(), order.end(), 0);
  random.Shuffle(order);
  std::vector<int> rank(students);
  for (int i = 0; i < students; ++i) rank[order[i]] = i;
  return rank;
}

// The least-loaded partner for `student` among `members` by `key` (smaller
// first), skipping `student` and those `linked` already; -1 if none.
template <typename Key, typename Linked>
int BestPartner(const std::vector<int>& members, int student, Key key,
                Linked linked) {
  int best = -1;
  for (int m : members) {
    if (m == student || linked(m)) continue;
    if (best == -1 || key(m) < key(best)) best = m;
  }
  return best;
}

// Raises every member to k tasks and k reviewers, pairing students short of
// reviewers with students short of tasks first so that the fewest loads
// rise. Only needed when `existing` came from elsewhere or k was raised.
// Returns false if someone cannot reach k (fewer than k + 1 members).
bool TopUp(ReviewGraph& graph, std::vector<int> members,
           const std::vector<int>& rank, int k, std::vector<Task>& created) {
  std::sort(members.begin(), members.end(),
            [&](int x, int y) { return rank[x] < rank[y]; });
  const std::vector<int>& tasks = graph.tasks();
  const std::vector<int>& reviews = graph.reviews();
  for (int u : members) {
    while (tasks[u] < k) {
      int v = BestPartner(
          members, u,
          [&](int s) {
            return std::make_tuple(reviews[s] >= k, reviews[s], rank[s]);
          },
          [&](int s) { return graph.Has(u, s); });
      if (v == -1) return false;
      graph.Add(u, v);
      created.emplace_back(u, v);
    }
  }
  for (int v : members) {
    while (reviews[v] < k) {
      int u = BestPartner(
          members, v, [&](int s) { return std::make_tuple(tasks[s], rank[s]); },
          [&](int s) { return graph.Has(s, v); });
      if (u == -1) return false;
      graph.Add(u, v);
      created.emplace_back(u, v);
    }
  }
  return true;
}

void Apply(const WavePlan& plan, ReviewGraph& graph,
           std::vector<Task>& created) {
  for (const auto& [reviewer, author] : plan.edges) {
    graph.Add(reviewer, author);
    created.emplace_back(reviewer, author);
  }
}

std::string PendingReason(const std::string& author, const WaveChoice& choice,
                          int max_load) {
  if (choice.cheapest_balanced.has_value()) {
    return absl::StrCat(
        "allocating \"", author, "\" now would raise the largest load to ",
        choice.cheapest_balanced->max_load, ", above max_load=", max_load,
        "; waits until enough late submissions arrive to review each other");
  }
  return absl::StrCat("\"", author,
                      "\" cannot be allocated within max_load=", max_load,
                      " while keeping loads within one of each other");
}

// The allocation state of one call.
struct Allocation {
  ReviewGraph graph;
  std::vector<int> pool;  // allocated students
  std::vector<Task> created;
  std::vector<int> pending;
  std::vector<std::string> pending_reasons;
};

// Allocates `wave` (in submission order) as a whole if it can, else one
// student at a time; see allocation.h, steps 3 and 4.
void AllocateWave(const AllocationRequest& request,
                  const std::vector<int>& wave, const std::vector<int>& rank,
                  SeededRandom& random, Allocation& state) {
  const int k = request.reviews_per_submission;
  std::vector<int> ring = wave;
  random.Shuffle(ring);
  WaveChoice whole =
      ChooseWavePlan(state.graph, state.pool, ring, rank, k, request.max_load);
  if (whole.chosen.has_value()) {
    Apply(*whole.chosen, state.graph, state.created);
    state.pool.insert(state.pool.end(), wave.begin(), wave.end());
    return;
  }
  for (int w : wave) {
    WaveChoice one =
        ChooseWavePlan(state.graph, state.pool, {w}, rank, k, request.max_load);
    if (one.chosen.has_value()) {
      Apply(*one.chosen, state.graph, state.created);
    } else if (request.max_load != 0) {
      state.pending.push_back(w);
      state.pending_reasons.push_back(
          PendingReason(request.authors[w], one, request.max_load));
      continue;
    }
    // Without a balanced plan (only when `existing` was unbalanced), the
    // student joins with no edges and TopUp gives them k both ways.
    state.pool.push_back(w);
  }
}

AllocationResult MakeResult(const AllocationRequest& request,
                            Allocation& state) {
  std::sort(state.created.begin(), state.created.end());
  AllocationResult result;
  result.created.reserve(state.created.size());
  for (const auto& [reviewer, author] : state.created) {
    result.created.push_back(
        {request.authors[reviewer], request.authors[author]});
  }
  for (int p : state.pending) result.pending.push_back(request.authors[p]);
  result.pending_reasons = std::move(state.pending_reasons);
  return result;
}

}  // namespace

absl::StatusOr<AllocationResult> AllocateReviews(
    const AllocationRequest& request) {
  RETURN_IF_ERROR(CheckParameters(request));
  const int k = request.reviews_per_submission;
  ASSIGN_OR_RETURN(AuthorIndex index, IndexAuthors(request.authors));
  ASSIGN_OR_RETURN(ReviewGraph graph, BuildGraph(request, index));
  const int students = static_cast<int>(request.authors.size());
  if (students < k + 1) {
    return absl::FailedPreconditionError(
        absl::StrCat("k=", k, " needs at least ", k + 1,
                     " students with submissions; there are ", students));
  }
  Allocation state{std::move(graph), {}, {}, {}, {}};
  std::vector<int> wave;
  for (int s = 0; s < students; ++s) {
    const bool allocated =
        state.graph.tasks()[s] > 0 || state.graph.reviews()[s] > 0;
    (allocated ? state.pool : wave).push_back(s);
  }
  SeededRandom random(request.seed);
  const std::vector<int> rank = TieRanks(students, random);
  if (!wave.empty()) AllocateWave(request, wave, rank, random, state);
  if (!TopUp(state.graph, state.pool, rank, k, state.created)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "k=", k, " needs at least ", k + 1, " allocated students; there are ",
        state.pool.size(), " (the others are pending)"));
  }
  return MakeResult(request, state);
}

}  // namespace marginalia::server::review
