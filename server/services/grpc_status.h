// The one place where absl::Status and grpc::Status meet. The codes share
// their numbering; the mapping is spelled out so a change in either library
// cannot silently alter what clients see.
#pragma once

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "marginalia/v1/common.pb.h"

namespace marginalia::server {

grpc::Status ToGrpcStatus(const absl::Status& status);

// The error of one item of a batch, with the same code a unary call gives.
marginalia::v1::ItemError ToItemError(const absl::Status& status);

}  // namespace marginalia::server
