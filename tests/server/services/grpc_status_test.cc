// The one place statuses become gRPC statuses (grpc_status.h).
#include "server/services/grpc_status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(GrpcStatusTest, ExpectedErrorsKeepTheirMessage) {
  grpc::Status status =
      ToGrpcStatus(absl::InvalidArgumentError("title is too long"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "title is too long");
}

TEST(GrpcStatusTest, InternalErrorsTellTheClientNothingOfTheInternals) {
  for (const absl::Status& internal :
       {absl::InternalError("storage: no such column in: SELECT a FROM b"),
        absl::DataLossError("stored report of submission 'sub_1' is corrupt"),
        absl::UnknownError("SELECT 1")}) {
    grpc::Status status = ToGrpcStatus(internal);
    EXPECT_NE(status.error_code(), grpc::StatusCode::OK);
    EXPECT_THAT(status.error_message(), Not(HasSubstr("SELECT")));
    EXPECT_THAT(status.error_message(), Not(HasSubstr("sub_1")));
    EXPECT_THAT(status.error_message(), HasSubstr("internal error"));
  }
}

}  // namespace
}  // namespace marginalia::server
