#include "client/batch/feedback_fetcher.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "absl/strings/str_cat.h"
#include "client/cli_context.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

void FetchOne(v1::SubmissionService::StubInterface* stub,
              const CallContextFactory& new_context, bool with_text,
              CohortEssay* essay) {
  const std::string& id = essay->outcome.submission.id();
  v1::GetFeedbackRequest request;
  request.set_submission_id(id);
  grpc::Status status =
      stub->GetFeedback(new_context().get(), request, &essay->feedback);
  if (status.ok() && with_text) {
    v1::GetSubmissionRequest get;
    get.set_id(id);
    get.set_view(v1::SUBMISSION_VIEW_FULL);
    v1::GetSubmissionResponse response;
    status = stub->GetSubmission(new_context().get(), get, &response);
    if (status.ok())
      essay->text = std::move(*response.mutable_submission()->mutable_text());
  }
  if (status.ok()) {
    essay->has_feedback = true;
  } else {
    essay->outcome.reason = absl::StrCat(
        "stored, but its feedback could not be read: ",
        StatusCodeName(status.error_code()), ": ", status.error_message());
  }
}

}  // namespace

void FetchFeedback(v1::SubmissionService::StubInterface* stub,
                   const CallContextFactory& new_context, bool with_text,
                   int threads, std::vector<CohortEssay>* essays) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < essays->size(); i = next++) {
      CohortEssay& essay = (*essays)[i];
      if (!essay.outcome.submission.id().empty()) {
        FetchOne(stub, new_context, with_text, &essay);
      }
    }
  };
  std::vector<std::thread> pool;
  for (int i = 0; i < std::max(threads, 1); ++i) pool.emplace_back(work);
  for (std::thread& thread : pool) thread.join();
}

}  // namespace marginalia::client
