#include "server/core/batch_pipeline.h"

#include <algorithm>
#include <deque>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "server/core/caller_waiting.h"
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

  State(SubmissionIntake *intake, GroupCommitter *committer,
        BatchPipelineOptions options, Responder respond)
      : intake(intake),
        committer(committer),
        options(std::move(options)),
        respond(std::move(respond)) {}

  // Runs on the scoring pool: prepares the oldest queued item.
  void PrepareNext();
  // Prepares one item and hands it to the committer: to be stored, or
  // answered as it is on error or replay. Pool threads never write to the
  // stream, so a client that stops reading holds up only its own committer.
  void PrepareOne(Item &item);
  // Answers an accepted item and frees its place in flight.
  void Respond(const std::string &client_ref,
               absl::StatusOr<CreateSubmissionResult> result,
               v1::FeedbackReport *report);
  // Sends one answer, serialised with every other.
  void Send(const std::string &client_ref,
            absl::StatusOr<CreateSubmissionResult> result,
            v1::FeedbackReport *report);

  SubmissionIntake *const intake;
  GroupCommitter *const committer;
  const BatchPipelineOptions options;
  const Responder respond;

  absl::Mutex mutex;
  std::deque<Item> work ABSL_GUARDED_BY(mutex);
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
  committer_ =
      std::make_unique<GroupCommitter>(intake->store(), options.max_group);
  state_ = std::make_shared<State>(intake, committer_.get(), std::move(options),
                                   std::move(respond));
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
    // calls the responder or the committer any more.
    s.mutex.Await(absl::Condition(
        +[](State *p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mutex) {
          return p->in_flight == 0 && p->scheduled == 0;
        },
        &s));
  }
  committer_.reset();
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

void BatchPipeline::State::PrepareOne(Item &item) {
  GroupCommitter::Done done = [this, ref = item.client_ref,
                               with_report = item.with_report](
                                  absl::StatusOr<CreateSubmissionResult> result,
                                  v1::FeedbackReport *report) {
    Respond(ref, std::move(result), with_report ? report : nullptr);
  };
  absl::Status waiting = CallerStillWaiting(options.limits);
  if (!waiting.ok()) {
    committer->Answer(waiting, std::move(done));
    return;
  }
  absl::StatusOr<SubmissionIntake::Prepared> prepared =
      intake->Prepare(item.caller, item.request, options.limits);
  if (!prepared.ok()) {
    committer->Answer(prepared.status(), std::move(done));
  } else if (prepared->replay.has_value()) {
    // Stored by an earlier call: durable already, nothing to commit.
    committer->Answer(
        CreateSubmissionResult{*std::move(prepared->replay), false},
        std::move(done));
  } else {
    committer->Add(
        std::move(prepared->submission),
        [this] { return CallerStillWaiting(options.limits); }, std::move(done));
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
