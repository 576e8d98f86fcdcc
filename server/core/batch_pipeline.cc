#include "server/core/batch_pipeline.h"

#include <algorithm>
#include <utility>

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

BatchPipeline::BatchPipeline(SubmissionIntake* intake,
                             BatchPipelineOptions options, Responder respond)
    : intake_(intake), options_(options), respond_(std::move(respond)) {
  int workers = options_.workers > 0
                    ? options_.workers
                    : static_cast<int>(std::thread::hardware_concurrency());
  options_.max_in_flight = std::max<std::size_t>(options_.max_in_flight, 1);
  options_.max_group = std::max<std::size_t>(options_.max_group, 1);
  for (int i = 0; i < std::max(workers, 1); ++i) {
    workers_.emplace_back([this] { WorkLoop(); });
  }
  committer_ = std::thread([this] { CommitLoop(); });
}

BatchPipeline::~BatchPipeline() { Finish(); }

void BatchPipeline::Add(std::string client_ref, std::string caller,
                        v1::CreateSubmissionRequest request, bool with_report) {
  absl::MutexLock lock(&mutex_);
  mutex_.Await(absl::Condition(
      +[](BatchPipeline* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mutex_) {
        return p->in_flight_ < p->options_.max_in_flight;
      },
      this));
  ++in_flight_;
  work_.push_back(Item{std::move(client_ref), std::move(caller),
                       std::move(request), with_report});
}

void BatchPipeline::Reject(const std::string& client_ref,
                           const absl::Status& status) {
  Send(client_ref, status, nullptr);  // never counted as in flight
}

void BatchPipeline::Finish() {
  if (joined_) return;
  {
    absl::MutexLock lock(&mutex_);
    closed_ = true;
  }
  for (std::thread& worker : workers_) worker.join();
  committer_.join();
  joined_ = true;
}

void BatchPipeline::WorkLoop() {
  while (true) {
    Item item;
    {
      absl::MutexLock lock(&mutex_);
      mutex_.Await(absl::Condition(
          +[](BatchPipeline* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mutex_) {
            return !p->work_.empty() || p->closed_;
          },
          this));
      if (work_.empty()) return;  // closed and nothing left
      item = std::move(work_.front());
      work_.pop_front();
    }
    PrepareOne(item);
  }
}

void BatchPipeline::PrepareOne(const Item& item) {
  absl::StatusOr<SubmissionIntake::Prepared> prepared =
      intake_->Prepare(item.caller, item.request);
  if (!prepared.ok()) {
    Respond(item.client_ref, prepared.status());
  } else if (prepared->replay.has_value()) {
    // Stored by an earlier call: durable already, nothing to commit.
    Respond(item.client_ref,
            CreateSubmissionResult{*std::move(prepared->replay), false});
  } else {
    absl::MutexLock lock(&mutex_);
    ready_.push_back(Ready{item.client_ref, std::move(prepared->submission),
                           item.with_report});
  }
}

void BatchPipeline::CommitLoop() {
  while (true) {
    std::vector<Ready> group;
    {
      absl::MutexLock lock(&mutex_);
      // Done once closed and every item is answered: nothing can arrive.
      mutex_.Await(absl::Condition(
          +[](BatchPipeline* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mutex_) {
            return !p->ready_.empty() || (p->closed_ && p->in_flight_ == 0);
          },
          this));
      if (ready_.empty()) return;
      while (!ready_.empty() && group.size() < options_.max_group) {
        group.push_back(std::move(ready_.front()));
        ready_.pop_front();
      }
    }
    StoreGroup(group);
  }
}

void BatchPipeline::StoreGroup(std::vector<Ready>& group) {
  std::vector<const NewSubmission*> all;
  for (const Ready& ready : group) all.push_back(&ready.submission);
  absl::StatusOr<std::vector<CreateSubmissionResult>> stored =
      intake_->StoreAll(all);
  for (std::size_t i = 0; i < group.size(); ++i) {
    absl::StatusOr<CreateSubmissionResult> result;
    if (stored.ok()) {
      result = std::move((*stored)[i]);
    } else if (group.size() == 1) {
      result = stored.status();
    } else {
      // The group's transaction rolled back: retry alone to find which
      // items fail (e.g. a request_id reused for another text).
      absl::StatusOr<std::vector<CreateSubmissionResult>> alone =
          intake_->StoreAll({all[i]});
      result = alone.ok() ? absl::StatusOr<CreateSubmissionResult>(
                                std::move(alone->front()))
                          : alone.status();
    }
    // A request_id stored concurrently by another call leaves `created`
    // false: the stored report is then that call's, not this one.
    bool own_report = group[i].with_report && result.ok() && result->created;
    Respond(group[i].client_ref, std::move(result),
            own_report ? &group[i].submission.report : nullptr);
  }
}

void BatchPipeline::Send(const std::string& client_ref,
                         absl::StatusOr<CreateSubmissionResult> result,
                         v1::FeedbackReport* report) {
  absl::MutexLock lock(&respond_mutex_);
  if (!peer_gone_ && !respond_(client_ref, std::move(result), report)) {
    peer_gone_ = true;
  }
}

void BatchPipeline::Respond(const std::string& client_ref,
                            absl::StatusOr<CreateSubmissionResult> result,
                            v1::FeedbackReport* report) {
  Send(client_ref, std::move(result), report);
  absl::MutexLock lock(&mutex_);
  --in_flight_;
}

}  // namespace marginalia::server
