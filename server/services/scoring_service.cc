#include "server/services/scoring_service.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rubrics/document/normalize.h"
#include "rubrics/rubric/rubric_loader.h"
#include "rubrics/rubric/rubric_registry.h"
#include "server/core/submission_intake.h"
#include "server/core/visibility.h"
#include "server/services/call_limits.h"
#include "server/services/grpc_status.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

// The rubric given inline, or an installed one `reader` may see.
absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>> ResolveRubric(
    const v1::ScoreTextRequest& request, RubricCatalog* catalog,
    VisibilityPolicy& reader) {
  if (request.has_rubric()) {
    rubrics::RubricValidation validation =
        rubrics::ValidateRubric(request.rubric(), "rubric");
    if (!validation.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "invalid rubric:\n", absl::StrJoin(validation.errors, "\n")));
    }
    return validation.rubric;
  }
  absl::string_view id = request.rubric_id().empty()
                             ? rubrics::kDefaultRubricId
                             : absl::string_view(request.rubric_id());
  return catalog->GetForReader(reader, id, request.rubric_version());
}

}  // namespace

grpc::Status ScoringServiceImpl::ScoreText(grpc::ServerContext* context,
                                           const v1::ScoreTextRequest* request,
                                           v1::ScoreTextResponse* response) {
  absl::StatusOr<Access> access = auth_->Authorize(
      context, "marginalia.v1.ScoringService/ScoreText", *request);
  if (!access.ok()) return ToGrpcStatus(access.status());
  if (absl::Status size =
          CheckEssaySize(request->text().size(), max_essay_bytes_);
      !size.ok()) {
    return ToGrpcStatus(size);
  }
  absl::StatusOr<std::string> text =
      rubrics::NormalizeEssayText(request->text());
  if (!text.ok()) return ToGrpcStatus(text.status());
  VisibilityPolicy reader(store_, *access);
  auto rubric = ResolveRubric(*request, rubrics_, reader);
  if (!rubric.ok()) return ToGrpcStatus(rubric.status());
  absl::StatusOr<v1::FeedbackReport> report =
      engine_->Score(*text, **rubric, CallScoreLimits(context));
  if (!report.ok()) return ToGrpcStatus(report.status());
  *response->mutable_report() = *std::move(report);
  return grpc::Status::OK;
}

}  // namespace marginalia::server
