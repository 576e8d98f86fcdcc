// Streams a batch of essay files over SubmissionService.BatchCreateSubmissions
// with several essays in flight: a writer thread reads files and sends them
// while the calling thread reads the answers. A stop flag (set by Ctrl-C)
// stops the sending; answers already in flight are still collected.
// One Run() per object; not thread-safe.
#pragma once

#include <grpcpp/client_context.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "client/batch/batch_inputs.h"
#include "client/batch/essay_identity.h"
#include "marginalia/v1/submission.grpc.pb.h"

namespace marginalia::client {

// What became of one input file.
enum class EssayState {
  kNotSent,        // the batch stopped before sending it
  kInFlight,       // sent, not yet answered
  kStored,         // stored by this run
  kAlreadyStored,  // stored by an earlier run (same assignment and text)
  kFailed,         // see `reason`
};

struct EssayOutcome {
  std::string path;
  std::string author;
  EssayState state = EssayState::kNotSent;
  std::string reason;
  // Set for kStored and kAlreadyStored.
  marginalia::v1::Submission submission;
  // The engine's report, when the server answered with it (kStored only).
  std::optional<marginalia::v1::FeedbackReport> report;
};

// Running totals, passed to the progress callback.
struct BatchCounts {
  int total = 0;
  int stored = 0;
  int already_stored = 0;
  int failed = 0;
  int answered() const { return stored + already_stored + failed; }
};

struct BatchRunOptions {
  std::string assignment;
  // Essays sent but not yet answered. Default: 64.
  int max_in_flight = 64;
};

class BatchRunner {
 public:
  // Called after each essay is settled (answered or failed locally), from
  // the runner's threads, one call at a time.
  // `index` is the essay's position in the inputs.
  using Progress = std::function<void(
      std::size_t index, const EssayOutcome& essay, const BatchCounts& counts)>;

  // `stub`, `authors` and `stop` must outlive the runner.
  BatchRunner(marginalia::v1::SubmissionService::StubInterface* stub,
              const AuthorNamer* authors, BatchRunOptions options,
              const std::atomic<bool>* stop)
      : stub_(stub), authors_(authors), options_(options), stop_(stop) {}

  // Submits every input over one stream using `context` (credentials, no
  // deadline). Returns the outcome of each input, in input order, and sets
  // `*stream_status` to the status the stream finished with.
  std::vector<EssayOutcome> Run(const std::vector<BatchInput>& inputs,
                                grpc::ClientContext* context,
                                const Progress& progress,
                                grpc::Status* stream_status);

 private:
  using Stream = grpc::ClientReaderWriterInterface<
      marginalia::v1::BatchCreateSubmissionsRequest,
      marginalia::v1::BatchCreateSubmissionsResponse>;

  void WriteAll(const std::vector<BatchInput>& inputs, Stream* stream);
  // Waits for room in the window; false when the batch must stop sending.
  bool AwaitSlot();
  // Reads and checks one file into `request`; false (and the outcome
  // failed) when it cannot be sent.
  bool BuildRequest(std::size_t index, const BatchInput& input,
                    marginalia::v1::BatchCreateSubmissionsRequest* request);
  void ReadAnswers(Stream* stream);
  void Settle(
      std::size_t index, EssayState state, std::string reason,
      marginalia::v1::Submission submission,
      std::optional<marginalia::v1::FeedbackReport> report = std::nullopt);

  marginalia::v1::SubmissionService::StubInterface* stub_;
  const AuthorNamer* authors_;
  BatchRunOptions options_;
  const std::atomic<bool>* stop_;
  const Progress* progress_ = nullptr;

  absl::Mutex mutex_;
  std::vector<EssayOutcome> outcomes_ ABSL_GUARDED_BY(mutex_);
  BatchCounts counts_ ABSL_GUARDED_BY(mutex_);
  int in_flight_ ABSL_GUARDED_BY(mutex_) = 0;
  bool reading_done_ ABSL_GUARDED_BY(mutex_) = false;
};

}  // namespace marginalia::client
