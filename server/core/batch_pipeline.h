// Scores and stores the items of one batch stream: the process's shared
// scoring pool (WorkPool::Scoring(), one thread per core for every stream)
// checks and scores items within the stream's limits while the stream's own
// GroupCommitter (group_commit.h) stores them in group commits and answers
// each only once its transaction has committed, so an acknowledged essay is
// durable; once the stream is cancelled or past its deadline, items stop
// being scored and stored. Thread-safe; owns its committer.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "marginalia/v1/submission.pb.h"
#include "rubrics/control/score_limits.h"
#include "server/core/group_commit.h"
#include "server/core/submission_intake.h"

namespace marginalia::server {

struct BatchPipelineOptions {
  // Items accepted but not yet answered; Add() blocks beyond it, which is
  // the stream's flow control. Default: 64.
  std::size_t max_in_flight = 64;
  // Most items stored in one transaction. Default: 256.
  std::size_t max_group = 256;
  // The stream's deadline and cancellation, for every item. Default: none.
  rubrics::ScoreLimits limits;
};

class BatchPipeline {
 public:
  // Sends the outcome of the item `client_ref`; false when the peer has gone
  // (later answers are then dropped, but items already accepted are still
  // stored). `report` is the engine's report of a submission this item
  // created, when Add() asked for it, else null; the responder may move
  // from it. Called from the pipeline's threads, never twice at once.
  using Responder =
      std::function<bool(const std::string &client_ref,
                         absl::StatusOr<CreateSubmissionResult> result,
                         marginalia::v1::FeedbackReport *report)>;

  // `intake` must outlive the pipeline.
  BatchPipeline(SubmissionIntake *intake, BatchPipelineOptions options,
                Responder respond);
  // Finishes (see Finish) and joins the committer.
  ~BatchPipeline();
  BatchPipeline(const BatchPipeline &) = delete;
  BatchPipeline &operator=(const BatchPipeline &) = delete;

  // Queues one item sent by `caller`; blocks while max_in_flight items are
  // unanswered. With `with_report`, a created submission is answered with
  // its report.
  void Add(std::string client_ref, std::string caller,
           marginalia::v1::CreateSubmissionRequest request, bool with_report);
  // Answers an item at once with an error, without scoring or storing it
  // (e.g. the caller may not submit it).
  void Reject(const std::string &client_ref, const absl::Status &status);
  // No more items: returns once every item added has been answered (or
  // dropped because the peer went away). Idempotent.
  void Finish();

 private:
  // Everything the scoring tasks touch; they keep it alive, so a task still
  // finishing when the pipeline is destroyed never touches freed memory.
  struct State;

  std::unique_ptr<GroupCommitter> committer_;
  std::shared_ptr<State> state_;
  bool joined_ = false;
};

}  // namespace marginalia::server
