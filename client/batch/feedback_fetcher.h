// Reads back what the server stored for the essays of a batch: each one's
// feedback and, for HTML pages, its stored text. A few threads fetch while
// the batch is still streaming, so the reports are ready when it ends.
// Add() is thread-safe; Finish() is called once, by the owner.
#pragma once

#include <grpcpp/client_context.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "client/batch/cohort.h"
#include "marginalia/v1/submission.grpc.pb.h"

namespace marginalia::client {

using CallContextFactory =
    std::function<std::unique_ptr<grpc::ClientContext>()>;

class FeedbackFetcher {
 public:
  // `stub` must outlive the fetcher; `new_context` is called from several
  // threads at once. `essays` is the number of essays in the batch.
  FeedbackFetcher(marginalia::v1::SubmissionService::StubInterface* stub,
                  CallContextFactory new_context, bool with_text, int threads,
                  std::size_t essays);
  ~FeedbackFetcher();
  FeedbackFetcher(const FeedbackFetcher&) = delete;
  FeedbackFetcher& operator=(const FeedbackFetcher&) = delete;

  // Queues the essay at `index`, stored as `submission_id`.
  void Add(std::size_t index, std::string submission_id);
  // Waits for every fetch and fills `feedback`, `text` and `has_feedback`
  // of the essays added; an essay whose calls failed gets the error in its
  // outcome's reason instead.
  void Finish(std::vector<CohortEssay>* essays);

 private:
  struct Fetched {
    bool done = false;
    grpc::Status status;
    marginalia::v1::GetFeedbackResponse feedback;
    std::string text;
  };
  void WorkLoop();
  void FetchOne(const std::string& submission_id, Fetched* out);

  marginalia::v1::SubmissionService::StubInterface* stub_;
  CallContextFactory new_context_;
  bool with_text_;
  // One slot per essay, each written by the one thread that fetched it.
  std::vector<Fetched> fetched_;

  absl::Mutex mutex_;
  std::vector<std::pair<std::size_t, std::string>> queue_
      ABSL_GUARDED_BY(mutex_);
  bool closed_ ABSL_GUARDED_BY(mutex_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace marginalia::client
