#include "client/batch/feedback_fetcher.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/cli_context.h"

namespace marginalia::client {

namespace v1 = ::marginalia::v1;

FeedbackFetcher::FeedbackFetcher(v1::SubmissionService::StubInterface* stub,
                                 CallContextFactory new_context, bool with_text,
                                 int threads, std::size_t essays)
    : stub_(stub),
      new_context_(std::move(new_context)),
      with_text_(with_text),
      fetched_(essays) {
  for (int i = 0; i < std::max(threads, 1); ++i) {
    threads_.emplace_back([this] { WorkLoop(); });
  }
}

FeedbackFetcher::~FeedbackFetcher() {
  {
    absl::MutexLock lock(&mutex_);
    closed_ = true;
  }
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void FeedbackFetcher::Add(std::size_t index, std::string submission_id) {
  absl::MutexLock lock(&mutex_);
  queue_.emplace_back(index, std::move(submission_id));
}

void FeedbackFetcher::WorkLoop() {
  while (true) {
    std::pair<std::size_t, std::string> item;
    {
      absl::MutexLock lock(&mutex_);
      mutex_.Await(absl::Condition(
          +[](FeedbackFetcher* f) ABSL_EXCLUSIVE_LOCKS_REQUIRED(f->mutex_) {
            return !f->queue_.empty() || f->closed_;
          },
          this));
      if (queue_.empty()) return;
      item = std::move(queue_.back());
      queue_.pop_back();
    }
    FetchOne(item.second, &fetched_[item.first]);
  }
}

void FeedbackFetcher::FetchOne(const std::string& submission_id, Fetched* out) {
  v1::GetFeedbackRequest request;
  request.set_submission_id(submission_id);
  out->status =
      stub_->GetFeedback(new_context_().get(), request, &out->feedback);
  if (out->status.ok() && with_text_) {
    v1::GetSubmissionRequest get;
    get.set_id(submission_id);
    get.set_view(v1::SUBMISSION_VIEW_FULL);
    v1::GetSubmissionResponse response;
    out->status = stub_->GetSubmission(new_context_().get(), get, &response);
    out->text = std::move(*response.mutable_submission()->mutable_text());
  }
  out->done = true;
}

void FeedbackFetcher::Finish(std::vector<CohortEssay>* essays) {
  {
    absl::MutexLock lock(&mutex_);
    closed_ = true;
  }
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
  for (std::size_t i = 0; i < essays->size() && i < fetched_.size(); ++i) {
    Fetched& fetched = fetched_[i];
    CohortEssay& essay = (*essays)[i];
    if (!fetched.done) continue;
    if (!fetched.status.ok()) {
      essay.outcome.reason =
          absl::StrCat("stored, but its feedback could not be read: ",
                       StatusCodeName(fetched.status.error_code()), ": ",
                       fetched.status.error_message());
      // A report the stream brought is dropped too: without its text an
      // HTML page cannot be drawn, and a half-read essay is easier to spot.
      essay.has_feedback = false;
      essay.feedback.Clear();
      continue;
    }
    essay.has_feedback = true;
    essay.feedback = std::move(fetched.feedback);
    essay.text = std::move(fetched.text);
  }
}

}  // namespace marginalia::client
