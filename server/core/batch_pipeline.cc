#include "server/core/batch_pipeline.h"

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "server/core/work_pool.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

struct BatchPipeline::State {
  struct Item {
    std::string client_ref;
    std::string caller;
    v1::CreateSubmissionRequest request;
    bool with_report = false;
  };
  struct Ready {
    std::string client_ref;
    NewSubmission submission;
    bool with_report = false;
  };
  // An item answered without a commit (an error or a replay).
  struct Answer {
    std::string client_ref;
    absl::StatusOr<CreateSubmissionResult> result;
  };

  State(SubmissionIntake *intake, BatchPipelineOptions options,
        Responder respond)
      : intake(intake), options(options), respond(std::move(respond)) {}

  // Runs on the scoring pool: prepares the oldest queued item.
  void PrepareNext();
  // Prepares one item and queues it for the committer: to be stored, or
  // answered as it is on error or replay. Pool threads never write to the
  // stream, so a client that stops reading holds up only its own committer.
  void PrepareOne(const Item &item);
  void CommitLoop();
  // Sends the answers queued without a commit.
  void SendAnswers(std::deque<Answer> &answers);
  // Stores a group in one transaction; if that fails, item by item, so
  // that one bad item does not fail the others.
  void StoreGroup(std::vector<Ready> &group);
  // Answers an accepted item and frees its place in flight.
  void Respond(const std::string &client_ref,
               absl::StatusOr<CreateSubmissionResult> result,
               v1::FeedbackReport *report = nullptr);
  // Sends one answer, serialised with every other.
  void Send(const std::string &client_ref,
            absl::StatusOr<CreateSubmissionResult> result,
            v1::FeedbackReport *report);

  SubmissionIntake *const intake;
  const BatchPipelineOptions options;
  const Responder respond;

  absl::Mutex mutex;
  std::deque<Item> work ABSL_GUARDED_BY(mutex);
  std::deque<Ready> ready ABSL_GUARDED_BY(mutex);
  std::deque<Answer> answers ABSL_GUARDED_BY(mutex);
  std::size_t in_flight ABSL_GUARDED_BY(mutex) = 0;
  // Tasks scheduled on the pool and not yet finished.
  std::size_t scheduled ABSL_GUARDED_BY(mutex) = 0;
  bool closed ABSL_GUARDED_BY(mutex) = false;

  // Serialises answers; never held together with mutex.
  absl::Mutex respond_mutex;
  bool peer_gone ABSL_GUARDED_BY(respond_mutex) = false;
};

BatchPipeline::BatchPipeline(SubmissionIntake *intake,
                             BatchPipelineOptions options, Responder respond) {
  options.max_in_flight = std::max<std::size_t>(options.max_in_flight, 1);
  options.max_group = std::max<std::size_t>(options.max_group, 1);
  state_ = std::make_shared<State>(intake, options, std::move(respond));
  committer_ = std::thread([state = state_] { state->CommitLoop(); });
}

BatchPipeline::~BatchPipeline() { Finish(); }

void BatchPipeline::Add(std::string client_ref, std::string caller,
                        v1::CreateSubmissionRequest request, bool with_report) {
  {
    State &s = *state_;
    absl::MutexLock lock(&s.mutex);
    s.mutex.Await(absl::Condition(
        +[](State *p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mutex) {
          return p->in_flight < p->options.max_in_flight;
        },
        &s));
    ++s.in_flight;
    ++s.scheduled;
    s.work.push_back(State::Item{std::move(client_ref), std::move(caller),
                                 std::move(request), with_report});
  }
  WorkPool::Scoring().Schedule([state = state_] { state->PrepareNext(); });
}

void BatchPipeline::Reject(const std::string &client_ref,
                           const absl::Status &status) {
  state_->Send(client_ref, status, nullptr);  // never counted as in flight
}

void BatchPipeline::Finish() {
  if (joined_) return;
  {
    State &s = *state_;
    absl::MutexLock lock(&s.mutex);
    s.closed = true;
    // Once every item is answered and every task has returned, nothing
    // calls the responder any more.
    s.mutex.Await(absl::Condition(
        +[](State *p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mutex) {
          return p->in_flight == 0 && p->scheduled == 0;
        },
        &s));
  }
  committer_.join();
  joined_ = true;
}

void BatchPipeline::State::PrepareNext() {
  Item item;
  {
    absl::MutexLock lock(&mutex);
    item = std::move(work.front());  // one task is scheduled per item
    work.pop_front();
  }
  PrepareOne(item);
  absl::MutexLock lock(&mutex);
  --scheduled;
}

void BatchPipeline::State::PrepareOne(const Item &item) {
  absl::StatusOr<SubmissionIntake::Prepared> prepared =
      intake->Prepare(item.caller, item.request);
  absl::MutexLock lock(&mutex);
  if (!prepared.ok()) {
    answers.push_back(Answer{item.client_ref, prepared.status()});
  } else if (prepared->replay.has_value()) {
    // Stored by an earlier call: durable already, nothing to commit.
    answers.push_back(
        Answer{item.client_ref,
               CreateSubmissionResult{*std::move(prepared->replay), false}});
  } else {
    ready.push_back(Ready{item.client_ref, std::move(prepared->submission),
                          item.with_report});
  }
}

void BatchPipeline::State::SendAnswers(std::deque<Answer> &to_send) {
  for (Answer &answer : to_send) {
    Respond(answer.client_ref, std::move(answer.result));
  }
}

void BatchPipeline::State::CommitLoop() {
  while (true) {
    std::vector<Ready> group;
    std::deque<Answer> to_send;
    {
      absl::MutexLock lock(&mutex);
      // Done once closed and every item is answered: nothing can arrive.
      mutex.Await(absl::Condition(
          +[](State *p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mutex) {
            return !p->ready.empty() || !p->answers.empty() ||
                   (p->closed && p->in_flight == 0);
          },
          this));
      if (ready.empty() && answers.empty()) return;
      to_send.swap(answers);
      while (!ready.empty() && group.size() < options.max_group) {
        group.push_back(std::move(ready.front()));
        ready.pop_front();
      }
    }
    SendAnswers(to_send);
    if (!group.empty()) StoreGroup(group);
  }
}

void BatchPipeline::State::StoreGroup(std::vector<Ready> &group) {
  std::vector<const NewSubmission *> all;
  for (const Ready &item : group) all.push_back(&item.submission);
  absl::StatusOr<std::vector<CreateSubmissionResult>> stored =
      intake->StoreAll(all);
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
          intake->StoreAll({all[i]});
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

void BatchPipeline::State::Send(const std::string &client_ref,
                                absl::StatusOr<CreateSubmissionResult> result,
                                v1::FeedbackReport *report) {
  absl::MutexLock lock(&respond_mutex);
  if (!peer_gone && !respond(client_ref, std::move(result), report)) {
    peer_gone = true;
  }
}

void BatchPipeline::State::Respond(
    const std::string &client_ref,
    absl::StatusOr<CreateSubmissionResult> result, v1::FeedbackReport *report) {
  Send(client_ref, std::move(result), report);
  absl::MutexLock lock(&mutex);
  --in_flight;
}

}  // namespace marginalia::server
