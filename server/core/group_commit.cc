#include "server/core/group_commit.h"

#include <algorithm>
#include <utility>

#include "absl/synchronization/notification.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

GroupCommitter::GroupCommitter(Store* store, std::size_t max_group)
    : store_(store), max_group_(std::max<std::size_t>(max_group, 1)) {
  thread_ = std::thread([this] { Loop(); });
}

GroupCommitter::~GroupCommitter() {
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  thread_.join();
}

void GroupCommitter::Add(NewSubmission submission, StillWanted still_wanted,
                         Done done) {
  absl::MutexLock lock(&mutex_);
  queue_.push_back(Entry{std::move(submission), CreateSubmissionResult{},
                         std::move(still_wanted), std::move(done)});
}

void GroupCommitter::Answer(absl::StatusOr<CreateSubmissionResult> result,
                            Done done) {
  absl::MutexLock lock(&mutex_);
  queue_.push_back(
      Entry{std::nullopt, std::move(result), nullptr, std::move(done)});
}

absl::StatusOr<CreateSubmissionResult> GroupCommitter::AddAndWait(
    NewSubmission submission, StillWanted still_wanted) {
  absl::Notification answered;
  absl::StatusOr<CreateSubmissionResult> outcome;
  Add(std::move(submission), std::move(still_wanted),
      [&](absl::StatusOr<CreateSubmissionResult> result, v1::FeedbackReport*) {
        outcome = std::move(result);
        answered.Notify();
      });
  answered.WaitForNotification();
  return outcome;
}

void GroupCommitter::Loop() {
  std::vector<Entry> group;
  while (Take(group)) {
    Commit(group);
    group.clear();
  }
}

bool GroupCommitter::Take(std::vector<Entry>& group) {
  absl::MutexLock lock(&mutex_);
  mutex_.Await(absl::Condition(
      +[](GroupCommitter* c) ABSL_EXCLUSIVE_LOCKS_REQUIRED(c->mutex_) {
        return !c->queue_.empty() || c->stopping_;
      },
      this));
  std::size_t submissions = 0;
  while (!queue_.empty() && submissions < max_group_) {
    if (queue_.front().submission.has_value()) ++submissions;
    group.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  return !group.empty();
}

void GroupCommitter::Commit(std::vector<Entry>& group) {
  std::vector<Entry*> wanted;
  for (Entry& entry : group) {
    if (!entry.submission.has_value()) continue;
    absl::Status still =
        entry.still_wanted ? entry.still_wanted() : absl::OkStatus();
    if (still.ok()) {
      wanted.push_back(&entry);
    } else {
      entry.submission.reset();
      entry.answer = still;
    }
  }
  std::vector<absl::StatusOr<CreateSubmissionResult>> stored = StoreAll(wanted);
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    wanted[i]->answer = std::move(stored[i]);
  }
  for (Entry& entry : group) {
    // A request_id stored concurrently by another call leaves `created`
    // false: the stored report is then that call's, not this one's.
    bool own = entry.submission.has_value() && entry.answer.ok() &&
               entry.answer->created;
    entry.done(std::move(entry.answer),
               own ? &entry.submission->report : nullptr);
  }
}

std::vector<absl::StatusOr<CreateSubmissionResult>> GroupCommitter::StoreAll(
    const std::vector<Entry*>& entries) {
  std::vector<const NewSubmission*> all;
  for (const Entry* entry : entries) all.push_back(&*entry->submission);
  std::vector<absl::StatusOr<CreateSubmissionResult>> results;
  if (all.empty()) return results;
  absl::StatusOr<std::vector<CreateSubmissionResult>> together =
      store_->CreateSubmissions(all);
  if (together.ok()) {
    for (CreateSubmissionResult& result : *together) {
      results.push_back(std::move(result));
    }
    return results;
  }
  if (all.size() == 1) return {together.status()};
  // The group's transaction rolled back: store alone to find which
  // submissions fail (e.g. a request_id reused for another text).
  for (const NewSubmission* one : all) {
    absl::StatusOr<std::vector<CreateSubmissionResult>> alone =
        store_->CreateSubmissions({one});
    if (alone.ok()) {
      results.push_back(std::move(alone->front()));
    } else {
      results.push_back(alone.status());
    }
  }
  return results;
}

}  // namespace marginalia::server
