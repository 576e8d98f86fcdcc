// Scores and stores the items of one batch stream: a small pool of workers
// checks and scores items while one committer stores them in group commits
// (one transaction for every item ready when the previous commit ends), and
// each item is answered only once its transaction has committed, so an
// acknowledged essay is durable. Thread-safe; owns its threads.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "marginalia/v1/submission.pb.h"
#include "server/core/submission_intake.h"

namespace marginalia::server {

struct BatchPipelineOptions {
  // Threads that check and score. Default: the machine's cores (at least 1).
  int workers = 0;
  // Items accepted but not yet answered; Add() blocks beyond it, which is
  // the stream's flow control. Default: 64.
  std::size_t max_in_flight = 64;
  // Most items stored in one transaction. Default: 256.
  std::size_t max_group = 256;
};

class BatchPipeline {
 public:
  // Sends the outcome of the item `client_ref`; false when the peer has gone
  // (later answers are then dropped, but items already accepted are still
  // stored). `report` is the engine's report of a submission this item
  // created, when Add() asked for it, else null; the responder may move
  // from it. Called from the pipeline's threads, never twice at once.
  using Responder =
      std::function<bool(const std::string& client_ref,
                         absl::StatusOr<CreateSubmissionResult> result,
                         marginalia::v1::FeedbackReport* report)>;

  // `intake` must outlive the pipeline.
  BatchPipeline(SubmissionIntake* intake, BatchPipelineOptions options,
                Responder respond);
  // Finishes (see Finish) and joins the threads.
  ~BatchPipeline();
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;

  // Queues one item sent by `caller`; blocks while max_in_flight items are
  // unanswered. With `with_report`, a created submission is answered with
  // its report.
  void Add(std::string client_ref, std::string caller,
           marginalia::v1::CreateSubmissionRequest request, bool with_report);
  // Answers an item at once with an error, without scoring or storing it
  // (e.g. the caller may not submit it).
  void Reject(const std::string& client_ref, const absl::Status& status);
  // No more items: returns once every item added has been answered (or
  // dropped because the peer went away). Idempotent.
  void Finish();

 private:
  struct Item {
    std::string client_ref;
    std::string caller;
    marginalia::v1::CreateSubmissionRequest request;
    bool with_report = false;
  };
  struct Ready {
    std::string client_ref;
    NewSubmission submission;
    bool with_report = false;
  };

  void WorkLoop();
  void CommitLoop();
  // Prepares one item: answers it at once on error or replay, else queues
  // it for the committer.
  void PrepareOne(const Item& item);
  // Stores a group in one transaction; if that fails, item by item, so
  // that one bad item does not fail the others.
  void StoreGroup(std::vector<Ready>& group);
  // Answers an accepted item and frees its place in flight.
  void Respond(const std::string& client_ref,
               absl::StatusOr<CreateSubmissionResult> result,
               marginalia::v1::FeedbackReport* report = nullptr);
  // Sends one answer, serialised with every other.
  void Send(const std::string& client_ref,
            absl::StatusOr<CreateSubmissionResult> result,
            marginalia::v1::FeedbackReport* report);

  SubmissionIntake* intake_;
  BatchPipelineOptions options_;
  Responder respond_;

  absl::Mutex mutex_;
  std::deque<Item> work_ ABSL_GUARDED_BY(mutex_);
  std::deque<Ready> ready_ ABSL_GUARDED_BY(mutex_);
  std::size_t in_flight_ ABSL_GUARDED_BY(mutex_) = 0;
  bool closed_ ABSL_GUARDED_BY(mutex_) = false;

  // Serialises answers; never held together with mutex_.
  absl::Mutex respond_mutex_;
  bool peer_gone_ ABSL_GUARDED_BY(respond_mutex_) = false;

  std::vector<std::thread> workers_;
  std::thread committer_;
  bool joined_ = false;
};

}  // namespace marginalia::server
