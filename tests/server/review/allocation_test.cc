#include "server/review/allocation.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace marginalia::server::review {
namespace {

using ::testing::AssertionFailure;
using ::testing::AssertionResult;
using ::testing::AssertionSuccess;
using ::testing::HasSubstr;

std::vector<std::string> Students(int from, int to) {
  std::vector<std::string> ids;
  for (int i = from; i < to; ++i) ids.push_back(absl::StrCat("s", i));
  return ids;
}

using EdgeKeys = absl::flat_hash_set<std::pair<std::string, std::string>>;

EdgeKeys EdgeSet(const std::vector<ReviewEdge>& edges) {
  EdgeKeys set;
  for (const ReviewEdge& e : edges) set.emplace(e.reviewer, e.author);
  return set;
}

// Task and review counts per student over `edges`.
struct Loads {
  absl::flat_hash_map<std::string, int> tasks;
  absl::flat_hash_map<std::string, int> reviews;
};

Loads CountLoads(const std::vector<ReviewEdge>& edges) {
  Loads loads;
  for (const ReviewEdge& e : edges) {
    ++loads.tasks[e.reviewer];
    ++loads.reviews[e.author];
  }
  return loads;
}

struct Expectations {
  bool balanced = true;  // G3 applies (existing came from earlier calls)
};

// The edges and loads of `existing`, kept across calls by RunWaves so that
// checking a call costs O(new edges + students), not O(all edges).
struct Ledger {
  explicit Ledger(const std::vector<ReviewEdge>& existing)
      : edges(EdgeSet(existing)), loads(CountLoads(existing)) {}
  EdgeKeys edges;
  Loads loads;
};

// Checks the guarantees of allocation.h on one call's request and result;
// `ledger` holds request.existing and gains result.created.
AssertionResult Holds(const AllocationRequest& request,
                      const AllocationResult& result, Ledger& ledger,
                      Expectations expect = {}) {
  const int k = request.reviews_per_submission;
  const absl::flat_hash_set<std::string> authors(request.authors.begin(),
                                                 request.authors.end());
  const absl::flat_hash_set<std::string> pending(result.pending.begin(),
                                                 result.pending.end());
  if (result.pending_reasons.size() != result.pending.size()) {
    return AssertionFailure() << "pending and pending_reasons differ in size";
  }
  for (const std::string& reason : result.pending_reasons) {
    if (reason.empty()) return AssertionFailure() << "empty pending reason";
  }
  if (request.max_load == 0 && !pending.empty()) {
    return AssertionFailure() << result.pending[0]
                              << " left pending: " << result.pending_reasons[0];
  }
  for (const ReviewEdge& e : result.created) {
    const std::string edge = absl::StrCat(e.reviewer, "->", e.author);
    if (e.reviewer == e.author) return AssertionFailure() << "self " << edge;
    if (!authors.count(e.reviewer) || !authors.count(e.author)) {
      return AssertionFailure() << "unknown student in " << edge;
    }
    if (pending.count(e.reviewer) || pending.count(e.author)) {
      return AssertionFailure() << "pending student in " << edge;
    }
    if (!ledger.edges.emplace(e.reviewer, e.author).second) {
      return AssertionFailure() << "duplicate " << edge;
    }
    ++ledger.loads.tasks[e.reviewer];
    ++ledger.loads.reviews[e.author];
  }
  Loads& loads = ledger.loads;
  int min_tasks = 1 << 30, max_tasks = 0, min_reviews = 1 << 30,
      max_reviews = 0;
  for (const std::string& s : request.authors) {
    if (pending.count(s)) continue;
    const int t = loads.tasks[s], r = loads.reviews[s];
    if (t < k || r < k) {
      return AssertionFailure() << s << " has " << t << " tasks and " << r
                                << " reviewers; k=" << k;
    }
    min_tasks = std::min(min_tasks, t);
    max_tasks = std::max(max_tasks, t);
    min_reviews = std::min(min_reviews, r);
    max_reviews = std::max(max_reviews, r);
  }
  if (expect.balanced &&
      (max_tasks - min_tasks > 1 || max_reviews - min_reviews > 1)) {
    return AssertionFailure()
           << "unbalanced: tasks " << min_tasks << ".." << max_tasks
           << ", reviews " << min_reviews << ".." << max_reviews;
  }
  if (request.max_load != 0 &&
      std::max(max_tasks, max_reviews) > request.max_load) {
    return AssertionFailure() << "load above max_load=" << request.max_load;
  }
  return AssertionSuccess();
}

AssertionResult Holds(const AllocationRequest& request,
                      const AllocationResult& result,
                      Expectations expect = {}) {
  Ledger ledger(request.existing);
  return Holds(request, result, ledger, expect);
}

// Runs waves of arrivals (sizes in `waves`) through AllocateReviews the way
// a server would: earlier results become `existing`, newcomers are appended
// to `authors`. Checks every call; returns the last request and result.
struct LastCall {
  AllocationRequest request;
  AllocationResult result;
};

AssertionResult RunWaves(const std::vector<int>& waves, int k, uint64_t seed,
                         int max_load = 0, LastCall* last = nullptr) {
  AllocationRequest request;
  request.reviews_per_submission = k;
  request.seed = seed;
  request.max_load = max_load;
  Ledger ledger(request.existing);
  int students = 0;
  for (size_t call = 0; call < waves.size(); ++call) {
    for (const std::string& s : Students(students, students + waves[call])) {
      request.authors.push_back(s);
    }
    students += waves[call];
    absl::StatusOr<AllocationResult> result = AllocateReviews(request);
    const std::string where =
        absl::StrCat(" (call ", call, ", ", students, " students, k=", k,
                     ", seed ", seed, ")");
    if (!result.ok()) {
      if (request.existing.empty() && students < k + 1 &&
          result.status().code() == absl::StatusCode::kFailedPrecondition) {
        continue;  // too few students so far: the documented refusal
      }
      return AssertionFailure() << result.status() << where;
    }
    if (AssertionResult ok = Holds(request, *result, ledger); !ok) {
      return ok << where;
    }
    if (last != nullptr) *last = {request, *result};
    request.existing.insert(request.existing.end(), result->created.begin(),
                            result->created.end());
  }
  return AssertionSuccess();
}

// Wave sizes adding up to `total`: one of several arrival patterns.
std::vector<int> Pattern(int pattern, int total, int k, std::mt19937_64& rng) {
  std::vector<int> waves;
  auto fill = [&](int first, auto next_size) {
    waves.push_back(std::min(first, total));
    for (int sum = waves[0]; sum < total;) {
      const int size = std::min(next_size(), total - sum);
      waves.push_back(size);
      sum += size;
    }
  };
  switch (pattern) {
    case 0:  // everyone on time
      waves.push_back(total);
      break;
    case 1:  // half on time, then stragglers one at a time
      fill(std::max(k + 1, total / 2), [] { return 1; });
      break;
    case 2:  // the smallest possible class, then stragglers
      fill(k + 1, [] { return 1; });
      break;
    default:  // a random mix of stragglers, small and big waves
      fill(std::max(k + 1, total / 3), [&] {
        const int kind = static_cast<int>(rng() % 4);
        if (kind <= 1) return 1;
        if (kind == 2) return 2 + static_cast<int>(rng() % (k + 1));
        return k + 1 + static_cast<int>(rng() % (total / 4 + 1));
      });
  }
  return waves;
}

TEST(ReviewAllocationTest, EveryInvariantHoldsForSmallClassesAndAllK) {
  std::mt19937_64 rng(20240611);
  for (int total = 1; total <= 40; ++total) {
    for (int k = 1; k <= 5; ++k) {
      for (int pattern = 0; pattern < 5; ++pattern) {
        const std::vector<int> waves = Pattern(pattern, total, k, rng);
        ASSERT_TRUE(RunWaves(waves, k, rng())) << "pattern " << pattern;
      }
    }
  }
}

TEST(ReviewAllocationTest, EveryInvariantHoldsForLargeClasses) {
  // Each call rebuilds the graph from `existing`, so patterns with hundreds
  // of one-student calls are sampled below 300 students only, to keep the
  // sanitizer build quick.
  std::mt19937_64 rng(77);
  for (int total : {57, 128, 261, 500}) {
    for (int k = 1; k <= 5; ++k) {
      std::vector<int> patterns = {0, 3, 3};
      if (total < 300) patterns.push_back(1);
      for (int pattern : patterns) {
        const std::vector<int> waves = Pattern(pattern, total, k, rng);
        ASSERT_TRUE(RunWaves(waves, k, rng())) << "pattern " << pattern;
      }
    }
  }
  for (int k = 1; k <= 5; ++k) {
    // From a class of k + 1, loads grow to about 100 * k / (k + 2).
    ASSERT_TRUE(RunWaves(Pattern(2, 100, k, rng), k, rng()));
  }
}

TEST(ReviewAllocationTest, OnTimeClassGetsExactlyKBothWays) {
  LastCall run;
  ASSERT_TRUE(RunWaves({23}, 3, 5, 0, &run));
  ASSERT_EQ(run.result.created.size(), 23u * 3);
  Loads loads = CountLoads(run.result.created);
  for (const std::string& s : run.request.authors) {
    EXPECT_EQ(loads.tasks[s], 3) << s;
    EXPECT_EQ(loads.reviews[s], 3) << s;
  }
}

TEST(ReviewAllocationTest, BigLateWavesDoNotRaiseLoads) {
  // Waves of more than k students review each other: loads stay exactly k
  // instead of drifting towards 2k.
  for (int k = 1; k <= 5; ++k) {
    LastCall run;
    ASSERT_TRUE(RunWaves({30, k + 1, 17, 40}, k, 9, 0, &run));
    std::vector<ReviewEdge> all = run.request.existing;
    all.insert(all.end(), run.result.created.begin(), run.result.created.end());
    Loads loads = CountLoads(all);
    for (const std::string& s : run.request.authors) {
      EXPECT_EQ(loads.tasks[s], k) << s;
      EXPECT_EQ(loads.reviews[s], k) << s;
    }
  }
}

TEST(ReviewAllocationTest, StragglerReviewsEarlierWorkAtOnce) {
  AllocationRequest request;
  request.authors = Students(0, 10);
  request.reviews_per_submission = 3;
  request.seed = 11;
  absl::StatusOr<AllocationResult> first = AllocateReviews(request);
  ASSERT_TRUE(first.ok()) << first.status();
  request.existing = first->created;
  request.authors.push_back("late");
  absl::StatusOr<AllocationResult> late = AllocateReviews(request);
  ASSERT_TRUE(late.ok()) << late.status();
  ASSERT_TRUE(Holds(request, *late));
  int tasks = 0, reviewers = 0;
  for (const ReviewEdge& e : late->created) {
    // Only the straggler's edges are new, so everyone else reviews k or
    // k + 1 submissions.
    ASSERT_TRUE(e.reviewer == "late" || e.author == "late");
    tasks += e.reviewer == "late";
    reviewers += e.author == "late";
  }
  EXPECT_EQ(tasks, 3);
  EXPECT_EQ(reviewers, 3);
}

TEST(ReviewAllocationTest, StragglersAreReviewedByTheLeastLoadedFirst) {
  LastCall run;
  ASSERT_TRUE(RunWaves({12, 1}, 2, 3, 0, &run));
  std::vector<ReviewEdge> all = run.request.existing;
  all.insert(all.end(), run.result.created.begin(), run.result.created.end());
  AllocationRequest request = run.request;
  request.existing = all;
  request.authors.push_back("later");
  const Loads before = CountLoads(all);
  absl::StatusOr<AllocationResult> result = AllocateReviews(request);
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_TRUE(Holds(request, *result));
  for (const ReviewEdge& e : result->created) {
    if (e.author == "later") {
      EXPECT_EQ(before.tasks.at(e.reviewer), 2) << e.reviewer;
    } else {
      EXPECT_EQ(before.reviews.at(e.author), 2) << e.author;
    }
  }
}

TEST(ReviewAllocationTest, FewStragglersOnALargeClassStayNearK) {
  // allocation.h: 30 on time, k = 3, five stragglers -> loads in {3, 4}.
  LastCall run;
  ASSERT_TRUE(RunWaves({30, 1, 1, 1, 1, 1}, 3, 21, 0, &run));
  std::vector<ReviewEdge> all = run.request.existing;
  all.insert(all.end(), run.result.created.begin(), run.result.created.end());
  Loads loads = CountLoads(all);
  for (const std::string& s : run.request.authors) {
    EXPECT_LE(loads.tasks[s], 4) << s;
    EXPECT_LE(loads.reviews[s], 4) << s;
  }
}

TEST(ReviewAllocationTest, MaxLoadHoldsStragglersUntilTheyCanReviewEachOther) {
  // k = 2 with loads capped at 3: every straggler adds 2k = 4 tasks, so the
  // mean load would pass 3 by 21 students; from then on stragglers wait, and
  // as soon as k + 1 = 3 wait they can review each other at load k.
  AllocationRequest request;
  request.authors = Students(0, 10);
  request.reviews_per_submission = 2;
  request.max_load = 3;
  request.seed = 4;
  int calls_with_pending = 0;
  for (int arrival = 10; arrival < 40; ++arrival) {
    absl::StatusOr<AllocationResult> result = AllocateReviews(request);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_TRUE(Holds(request, *result)) << arrival << " students";
    ASSERT_LE(result->pending.size(), 2u) << arrival << " students";
    if (!result->pending.empty()) {
      ++calls_with_pending;
      EXPECT_THAT(result->pending_reasons[0], HasSubstr("max_load=3"));
    }
    request.existing.insert(request.existing.end(), result->created.begin(),
                            result->created.end());
    request.authors.push_back(absl::StrCat("s", arrival));
  }
  EXPECT_GT(calls_with_pending, 0);
}

TEST(ReviewAllocationTest, SameRequestSameResultOtherSeedOtherResult) {
  AllocationRequest request;
  request.authors = Students(0, 20);
  request.reviews_per_submission = 3;
  request.seed = 42;
  absl::StatusOr<AllocationResult> a = AllocateReviews(request);
  absl::StatusOr<AllocationResult> b = AllocateReviews(request);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(EdgeSet(a->created), EdgeSet(b->created));
  int differing = 0;
  for (uint64_t seed = 43; seed < 48; ++seed) {
    request.seed = seed;
    absl::StatusOr<AllocationResult> c = AllocateReviews(request);
    ASSERT_TRUE(c.ok());
    differing += EdgeSet(c->created) != EdgeSet(a->created);
  }
  EXPECT_EQ(differing, 5);
}

TEST(ReviewAllocationTest, TooFewStudentsSaysWhy) {
  AllocationRequest request;
  request.authors = {"ada", "bo"};
  request.reviews_per_submission = 3;
  absl::StatusOr<AllocationResult> result = AllocateReviews(request);
  ASSERT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(result.status().message(),
            "k=3 needs at least 4 students with submissions; there are 2");
}

TEST(ReviewAllocationTest, RejectsBadParameters) {
  AllocationRequest request;
  request.authors = Students(0, 5);
  for (int k : {0, -1, 51}) {
    request.reviews_per_submission = k;
    absl::StatusOr<AllocationResult> result = AllocateReviews(request);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(result.status().message(), HasSubstr("between 1 and 50"));
  }
  request.reviews_per_submission = 2;
  request.max_load = 1;
  EXPECT_EQ(AllocateReviews(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ReviewAllocationTest, RejectsBadAuthorsAndExistingTasks) {
  auto status_of = [](std::vector<std::string> authors,
                      std::vector<ReviewEdge> existing) {
    AllocationRequest request;
    request.authors = std::move(authors);
    request.existing = std::move(existing);
    return AllocateReviews(request).status();
  };
  const std::vector<std::string> five = Students(0, 5);
  absl::Status status = status_of({"a", "b", "a", "c"}, {});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("\"a\" is listed twice"));
  EXPECT_EQ(status_of({"a", "", "c"}, {}).code(),
            absl::StatusCode::kInvalidArgument);
  status = status_of(five, {{"s1", "s1"}});
  EXPECT_THAT(status.message(), HasSubstr("reviewing themselves"));
  status = status_of(five, {{"s1", "s2"}, {"s1", "s2"}});
  EXPECT_THAT(status.message(), HasSubstr("listed twice"));
  status = status_of(five, {{"s1", "ghost"}});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("\"ghost\", who is not in authors"));
}

TEST(ReviewAllocationTest, RaisingKTopsEveryoneUp) {
  LastCall run;
  ASSERT_TRUE(RunWaves({12}, 2, 8, 0, &run));
  AllocationRequest request = run.request;
  request.existing = run.result.created;
  request.reviews_per_submission = 3;
  absl::StatusOr<AllocationResult> result = AllocateReviews(request);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(Holds(request, *result, Expectations{false}));
}

TEST(ReviewAllocationTest, UnbalancedExistingTasksStillGiveEveryoneK) {
  // Tasks made by hand: s0 reviews everyone, nobody else reviews anything.
  AllocationRequest request;
  request.authors = Students(0, 8);
  request.reviews_per_submission = 2;
  for (int i = 1; i < 6; ++i) {
    request.existing.push_back({"s0", absl::StrCat("s", i)});
  }
  absl::StatusOr<AllocationResult> result = AllocateReviews(request);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(Holds(request, *result, Expectations{false}));
}

}  // namespace
}  // namespace marginalia::server::review
