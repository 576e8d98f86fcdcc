#include "client/batch/batch_runner.h"

#include <map>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "client/cli_context.h"
#include "client/input/essay_file.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

// How often a writer waiting for room looks at the stop flag, which a
// signal handler sets and so cannot wake a condition variable.
constexpr absl::Duration kStopPollInterval = absl::Milliseconds(50);

}  // namespace

std::vector<EssayOutcome> BatchRunner::Run(
    const std::vector<BatchInput>& inputs, grpc::ClientContext* context,
    const Progress& progress, grpc::Status* stream_status) {
  progress_ = &progress;
  {
    absl::MutexLock lock(&mutex_);
    outcomes_.assign(inputs.size(), EssayOutcome{});
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      outcomes_[i].path = inputs[i].path;
    }
    counts_ = BatchCounts{};
    counts_.total = static_cast<int>(inputs.size());
  }
  std::unique_ptr<Stream> stream = stub_->BatchCreateSubmissions(context);
  std::thread writer([&] { WriteAll(inputs, stream.get()); });
  ReadAnswers(stream.get());
  writer.join();
  *stream_status = stream->Finish();
  absl::MutexLock lock(&mutex_);
  return std::move(outcomes_);
}

void BatchRunner::WriteAll(const std::vector<BatchInput>& inputs,
                           Stream* stream) {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!AwaitSlot()) break;
    v1::BatchCreateSubmissionsRequest request;
    if (!BuildRequest(i, inputs[i], &request)) continue;
    if (stop_->load()) break;  // stopped while reading the file
    {
      absl::MutexLock lock(&mutex_);
      ++in_flight_;
      outcomes_[i].state = EssayState::kInFlight;
    }
    if (!stream->Write(request)) {
      // The stream broke; the reader sees why and marks what is unanswered.
      absl::MutexLock lock(&mutex_);
      --in_flight_;
      outcomes_[i].state = EssayState::kNotSent;
      break;
    }
  }
  stream->WritesDone();
}

bool BatchRunner::AwaitSlot() {
  absl::MutexLock lock(&mutex_);
  while (true) {
    if (stop_->load() || reading_done_) return false;
    if (in_flight_ < options_.max_in_flight) return true;
    mutex_.AwaitWithTimeout(
        absl::Condition(
            +[](BatchRunner* r) ABSL_EXCLUSIVE_LOCKS_REQUIRED(r->mutex_) {
              return r->in_flight_ < r->options_.max_in_flight ||
                     r->reading_done_;
            },
            this),
        kStopPollInterval);
  }
}

bool BatchRunner::BuildRequest(std::size_t index, const BatchInput& input,
                               v1::BatchCreateSubmissionsRequest* request) {
  absl::StatusOr<std::string> author = authors_->AuthorOf(input.path);
  {
    absl::MutexLock lock(&mutex_);
    if (author.ok()) outcomes_[index].author = *author;
  }
  if (!input.problem.empty()) {
    Settle(index, EssayState::kFailed, input.problem, {});
    return false;
  }
  if (!author.ok()) {
    Settle(index, EssayState::kFailed, std::string(author.status().message()),
           {});
    return false;
  }
  absl::StatusOr<std::string> text = ReadEssayFile(input.path);
  if (!text.ok()) {
    Settle(index, EssayState::kFailed, std::string(text.status().message()),
           {});
    return false;
  }
  request->set_client_ref(input.path);
  v1::CreateSubmissionRequest* submission = request->mutable_submission();
  submission->set_assignment_id(options_.assignment);
  submission->set_author(*author);
  submission->set_file_name(BaseName(input.path));
  submission->set_request_id(
      BatchRequestId(options_.assignment, *author, *text));
  submission->set_text(*std::move(text));
  request->set_include_report(true);  // saves a GetFeedback per essay
  return true;
}

void BatchRunner::ReadAnswers(Stream* stream) {
  std::map<std::string, std::size_t> index_of;
  {
    absl::MutexLock lock(&mutex_);
    for (std::size_t i = 0; i < outcomes_.size(); ++i) {
      index_of[outcomes_[i].path] = i;
    }
  }
  v1::BatchCreateSubmissionsResponse answer;
  while (stream->Read(&answer)) {
    auto it = index_of.find(answer.client_ref());
    if (it == index_of.end()) continue;  // not ours; ignore
    {
      absl::MutexLock lock(&mutex_);
      --in_flight_;
    }
    if (answer.has_error()) {
      Settle(it->second, EssayState::kFailed,
             absl::StrCat(StatusCodeName(static_cast<grpc::StatusCode>(
                              answer.error().code())),
                          ": ", answer.error().message()),
             {});
    } else {
      std::optional<v1::FeedbackReport> report;
      if (answer.has_report()) report = std::move(*answer.mutable_report());
      Settle(
          it->second,
          answer.created() ? EssayState::kStored : EssayState::kAlreadyStored,
          "", std::move(*answer.mutable_submission()), std::move(report));
    }
  }
  absl::MutexLock lock(&mutex_);
  reading_done_ = true;
}

void BatchRunner::Settle(std::size_t index, EssayState state,
                         std::string reason, v1::Submission submission,
                         std::optional<v1::FeedbackReport> report) {
  absl::MutexLock lock(&mutex_);
  EssayOutcome& outcome = outcomes_[index];
  outcome.state = state;
  outcome.reason = std::move(reason);
  outcome.submission = std::move(submission);
  outcome.report = std::move(report);
  if (state == EssayState::kStored) ++counts_.stored;
  if (state == EssayState::kAlreadyStored) ++counts_.already_stored;
  if (state == EssayState::kFailed) ++counts_.failed;
  if (*progress_) (*progress_)(index, outcome, counts_);
}

}  // namespace marginalia::client
