// Group commit of submissions: one transaction, and so one fsync, for every
// submission queued while the previous transaction ran.
//
// GUARANTEES
//  G1. Durable before answered: `done` runs only after the transaction that
//      holds the submission has committed (or failed, with its status).
//  G2. One bad submission does not fail the others: a group whose
//      transaction fails is stored again one submission at a time.
//  G3. Nothing unwanted is stored: `still_wanted` is asked just before the
//      group's transaction begins, and a submission whose caller has gone
//      (cancelled, past its deadline) is answered with that status instead.
//  G4. Answers in queue order, all on the committer's one thread, never
//      two at once: a `done` that blocks (a slow stream) holds up only this
//      committer.
//
// LIMITS
//  At most `max_group` submissions per transaction. The queue itself is not
//  bounded here: callers bound it (a batch stream's in-flight window, the
//  unary path's admission queue, admission.h).
//
// ERRORS
//  Whatever Store::CreateSubmissions returns for the submission (e.g.
//  ALREADY_EXISTS for a request_id reused for another text, ABORTED when
//  the assignment moved to another rubric version), or `still_wanted`'s
//  status.
//
// Thread-safe; owns its thread, which the destructor joins after answering
// everything queued.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "server/storage/store.h"

namespace marginalia::server {

class GroupCommitter {
 public:
  // The outcome of one entry; `report` is the stored submission's report
  // when this entry created it (the callee may move from it), else null.
  using Done = std::function<void(absl::StatusOr<CreateSubmissionResult>,
                                  marginalia::v1::FeedbackReport* report)>;
  // Asked just before storing; a non-OK status is the entry's answer.
  using StillWanted = std::function<absl::Status()>;

  // `store` must outlive the committer. Default group: 256.
  explicit GroupCommitter(Store* store, std::size_t max_group = 256);
  // Answers every entry queued, then joins the thread.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues `submission` for the next group; `still_wanted` may be empty.
  void Add(NewSubmission submission, StillWanted still_wanted, Done done);
  // Queues an answer that stores nothing, delivered in turn on the
  // committer's thread (for callers that must not answer themselves).
  void Answer(absl::StatusOr<CreateSubmissionResult> result, Done done);
  // Add(), waiting for the outcome: durable when OK.
  absl::StatusOr<CreateSubmissionResult> AddAndWait(NewSubmission submission,
                                                    StillWanted still_wanted);

 private:
  struct Entry {
    std::optional<NewSubmission> submission;  // absent: an answer only
    absl::StatusOr<CreateSubmissionResult> answer;
    StillWanted still_wanted;
    Done done;
  };

  void Loop();
  // Takes the next group: every answer queued, and up to max_group
  // submissions. False once stopping and nothing is left.
  bool Take(std::vector<Entry>& group);
  // Stores the wanted submissions of `group` and answers every entry.
  void Commit(std::vector<Entry>& group);
  // Stores `entries` in one transaction; if it fails, one by one (G2).
  std::vector<absl::StatusOr<CreateSubmissionResult>> StoreAll(
      const std::vector<Entry*>& entries);

  Store* const store_;
  const std::size_t max_group_;
  absl::Mutex mutex_;
  std::deque<Entry> queue_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::thread thread_;
};

}  // namespace marginalia::server
