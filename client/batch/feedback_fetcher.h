// Reads back what the server stored for the essays of a batch: each one's
// feedback and, for HTML pages, its stored text, with a few calls in
// parallel.
#pragma once

#include <grpcpp/client_context.h>

#include <functional>
#include <memory>
#include <vector>

#include "client/batch/cohort.h"
#include "marginalia/v1/submission.grpc.pb.h"

namespace marginalia::client {

using CallContextFactory =
    std::function<std::unique_ptr<grpc::ClientContext>()>;

// Fills `feedback` (and `text` when `with_text`) of every essay that has a
// submission id. An essay whose calls fail keeps has_feedback false and
// gets the error in its outcome's reason. `new_context` is called from
// several threads at once.
void FetchFeedback(marginalia::v1::SubmissionService::StubInterface* stub,
                   const CallContextFactory& new_context, bool with_text,
                   int threads, std::vector<CohortEssay>* essays);

}  // namespace marginalia::client
