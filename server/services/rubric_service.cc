#include "server/services/rubric_service.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "rubrics/rubric/rubric_loader.h"
#include "server/core/visibility.h"
#include "server/services/grpc_status.h"
#include "server/services/handler.h"
#include "server/util/quote.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

std::string Method(absl::string_view name) {
  return absl::StrCat("marginalia.v1.RubricService/", name);
}

}  // namespace

grpc::Status RubricServiceImpl::ListRubrics(
    grpc::ServerContext* context, const v1::ListRubricsRequest* request,
    v1::ListRubricsResponse* response) {
  absl::StatusOr<Access> access =
      auth_->Authorize(context, Method("ListRubrics"), *request);
  if (!access.ok()) return ToGrpcStatus(access.status());
  VisibilityPolicy reader(store_, *access);
  absl::StatusOr<std::vector<v1::RubricInfo>> all =
      catalog_->List(reader, request->all_versions());
  if (!all.ok()) return ToGrpcStatus(all.status());
  std::size_t offset = 0;
  if (!request->page_token().empty() &&
      (!absl::SimpleAtoi(request->page_token(), &offset) ||
       offset > all->size())) {
    return ToGrpcStatus(absl::InvalidArgumentError(absl::StrCat(
        "page_token ", QuotePrefix(request->page_token()), " is not valid")));
  }
  if (request->page_size() < 0) {
    return ToGrpcStatus(
        absl::InvalidArgumentError("page_size must not be negative"));
  }
  std::size_t size =
      request->page_size() == 0 ? 50 : std::min(request->page_size(), 1000);
  std::size_t end = std::min(all->size(), offset + size);
  for (std::size_t i = offset; i < end; ++i) {
    *response->add_rubrics() = std::move((*all)[i]);
  }
  if (end < all->size()) response->set_next_page_token(absl::StrCat(end));
  return grpc::Status::OK;
}

grpc::Status RubricServiceImpl::GetRubric(grpc::ServerContext* context,
                                          const v1::GetRubricRequest* request,
                                          v1::GetRubricResponse* response) {
  absl::StatusOr<Access> access =
      auth_->Authorize(context, Method("GetRubric"), *request);
  if (!access.ok()) return ToGrpcStatus(access.status());
  if (request->id().empty()) {
    return ToGrpcStatus(absl::InvalidArgumentError("id is required"));
  }
  VisibilityPolicy reader(store_, *access);
  absl::StatusOr<v1::GetRubricResponse> rubric =
      catalog_->Read(reader, request->id(), request->version());
  if (!rubric.ok()) return ToGrpcStatus(rubric.status());
  *response = *std::move(rubric);
  return grpc::Status::OK;
}

grpc::Status RubricServiceImpl::CreateRubricVersion(
    grpc::ServerContext* context, const v1::CreateRubricVersionRequest* request,
    v1::CreateRubricVersionResponse* response) {
  absl::StatusOr<Access> access =
      auth_->Authorize(context, Method("CreateRubricVersion"), *request);
  if (!access.ok()) return ToGrpcStatus(access.status());
  absl::StatusOr<v1::CreateRubricVersionResponse> installed =
      catalog_->CreateVersion(request->text(), access->caller.id(),
                              request->course_id());
  if (!installed.ok()) return ToGrpcStatus(installed.status());
  *response = *std::move(installed);
  return grpc::Status::OK;
}

grpc::Status RubricServiceImpl::ValidateRubric(
    grpc::ServerContext* context, const v1::ValidateRubricRequest* request,
    v1::ValidateRubricResponse* response) {
  absl::StatusOr<Access> access =
      auth_->Authorize(context, Method("ValidateRubric"), *request);
  if (!access.ok()) return ToGrpcStatus(access.status());
  rubrics::RubricValidation validation = rubrics::ValidateRubricText(
      request->text(),
      request->file_name().empty() ? "rubric" : request->file_name());
  response->set_valid(validation.ok());
  for (std::string& error : validation.errors) {
    response->add_errors(std::move(error));
  }
  if (validation.rubric)
    *response->mutable_rubric() = validation.rubric->proto();
  return grpc::Status::OK;
}

}  // namespace marginalia::server
