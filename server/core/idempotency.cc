#include "server/core/idempotency.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "rubrics/document/normalize.h"

namespace marginalia::server {

absl::Status CheckRequestId(absl::string_view request_id) {
  if (request_id.size() <= kMaxRequestIdBytes) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("request_id is ", request_id.size(), " bytes; the limit is ",
                   kMaxRequestIdBytes));
}

std::string RequestFingerprint(const google::protobuf::Message& request) {
  std::unique_ptr<google::protobuf::Message> copy(request.New());
  copy->CopyFrom(request);
  const google::protobuf::FieldDescriptor* key =
      copy->GetDescriptor()->FindFieldByName("request_id");
  if (key != nullptr) copy->GetReflection()->ClearField(copy.get(), key);
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    copy->SerializeToCodedStream(&coded);
  }
  return rubrics::Sha256Hex(bytes);
}

}  // namespace marginalia::server
