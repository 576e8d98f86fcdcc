// Peer-review allocation: who reviews whose submission.
//
// METHOD
//
// Students are the nodes of a directed graph; an edge reviewer -> author is
// one reviewing task. A student's *tasks* are their out-edges, the *reviews*
// their submission receives are their in-edges. "Allocated" students are
// those that appear in `existing` or in `created`. One call:
//
//  1. Validates the request (see ERRORS).
//  2. Splits `authors` into the allocated pool (students named by `existing`)
//     and the wave (everyone else: the first cohort, or late arrivals).
//  3. Allocates the wave as a whole if it can: a seeded permutation of the
//     wave is placed on a ring and each member reviews the next c members
//     (a circulant: exactly c tasks and c reviewers each, inside the wave),
//     c = min(a, b, wave size - 1). Each member then gets a - c more tasks
//     on the pool's least-reviewed submissions and b - c more reviewers
//     among the pool's least-tasked students. (a, b) is the cheapest pair
//     (fewest a + b) with a, b >= k whose result keeps loads within one of
//     each other (and within `max_load`), tried from max(k, the pool's
//     largest load - 1), below which nothing can balance. A wave larger
//     than a reviews only itself: the pool's loads do not move at all.
//  4. Otherwise it allocates the wave one student at a time, in submission
//     order, as waves of one: each reviews the least-reviewed earlier
//     submissions and is reviewed by the least-tasked earlier students.
//     This always balances: if pool task counts are in {T, T + 1} and review
//     counts in {R, R + 1}, a newcomer with T + 1 tasks and R + 1 reviewers
//     fits whatever least-loaded-first increments the pool takes, and
//     T + 1 <= pool size since nobody in the pool can review more than the
//     others in it.
//  5. Tops up anyone still below k tasks or k reviews, least-loaded partners
//     first. Only needed when `existing` was not made by this function with
//     the same k (e.g. after k was raised, or tasks assigned by hand).
// Ties between equally loaded students are broken by a seeded permutation.
//
// GUARANTEES (after every successful call; "all" = every allocated student)
//
//  G1. No self-review, no duplicate (reviewer, author) edge.
//  G2. All have >= k tasks and >= k reviewers.
//  G3. Task counts differ by at most one across all students, and so do
//      review counts, provided `existing` itself satisfied G2 and G3 for
//      this k (as the union of earlier results with the same k does).
//      Otherwise the result is best effort: G1, G2, G4-G6 still hold.
//  G4. The result only adds edges; `existing` is never changed.
//  G5. Every author in the request is allocated by this call unless
//      `max_load` stops it (then it is in `pending`, with the reason): a late
//      submitter is never made to wait by default.
//  G6. Deterministic: the same request gives the same result on every
//      platform (own Fisher-Yates over std::mt19937_64, no std
//      distributions, no hash-order dependence); different seeds generally
//      give different allocations.
//
// LIMITS
//
// G3 has a price when stragglers arrive one at a time. A lone late student
// adds at least 2 * L edges (L = the current minimum load): they must be
// within one of everyone else's load both ways, and every edge touching them
// also lands on an earlier student. The mean load therefore grows by a
// factor of about (N + 2) / (N + 1) per straggler, i.e. loads reach roughly
// k * (N + 1) / (N0 + 1) after the class grows from N0 to N students one at
// a time. With 30 on-time students and k = 3, five stragglers leave loads in
// {3, 4}; with only k + 1 on-time students and dozens of stragglers, loads
// grow well past 2k (measured figures in README.md). Waves of more than L
// students cost nothing. Set `max_load` to cap loads: stragglers that would
// exceed it stay pending until enough late students accumulate to review
// each other. With max_load = k + 1, at most k stragglers wait at any time:
// the (k + 1)-th lets all of them review each other at load k.
//
// ERRORS
//
//  INVALID_ARGUMENT: k outside [1, 50]; 0 < max_load < k; an empty or
//    duplicate author id; an existing edge that is a self-review, a
//    duplicate, or names a student missing from `authors`.
//  FAILED_PRECONDITION: fewer than k + 1 students in total ("k=3 needs at
//    least 4 students with submissions; there are 2"), since nobody could
//    get k distinct submissions to review.
//
// Pure function of its arguments; safe to call from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace marginalia::server::review {

// One reviewing job: `reviewer` reviews the submission written by `author`.
struct ReviewEdge {
  std::string reviewer;
  std::string author;
};

struct AllocationRequest {
  // Students with a submission taking part, in submission order. A student
  // id names both the student and their (single, latest) submission.
  std::vector<std::string> authors;
  // Tasks given earlier; never changed, removed or moved.
  std::vector<ReviewEdge> existing;
  int reviews_per_submission = 2;  // k
  uint64_t seed = 0;
  // Optional ceiling on any student's tasks and on any submission's reviews
  // received. New authors whose allocation would push a load above it stay
  // pending (and are allocated in a later call, once enough of them exist to
  // review each other). 0 means no ceiling. Default: 0. REQUIRES: 0 or >= k.
  int max_load = 0;
};

struct AllocationResult {
  std::vector<ReviewEdge> created;  // only the new tasks, sorted by the
                                    // reviewer's, then the author's position
                                    // in `authors`
  std::vector<std::string>
      pending;  // authors that could not be allocated yet, in submission
                // order, each with why in `pending_reasons`
  std::vector<std::string> pending_reasons;
};

// Adds the reviewing tasks that allocate every author in `request` (see the
// file comment for the method and its guarantees). Returns INVALID_ARGUMENT
// or FAILED_PRECONDITION with a plain-words reason when it cannot.
absl::StatusOr<AllocationResult> AllocateReviews(
    const AllocationRequest& request);

}  // namespace marginalia::server::review
