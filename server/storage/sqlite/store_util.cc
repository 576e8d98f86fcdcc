#include "server/storage/sqlite/store_util.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>

#include "absl/strings/numbers.h"
#include "server/util/quote.h"

namespace marginalia::server::sqlite_internal {

namespace {
constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;
}  // namespace

absl::StatusOr<int64_t> ParsePageToken(absl::string_view token) {
  if (token.empty()) return 0;
  int64_t seq = 0;
  if (!absl::SimpleAtoi(token, &seq) || seq <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_token ", QuotePrefix(token),
                     " is not valid; pass the next_page_token of an "
                     "earlier response"));
  }
  return seq;
}

absl::StatusOr<int> CheckPageSize(int page_size) {
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must not be negative (got ", page_size, ")"));
  }
  if (page_size == 0) return kDefaultPageSize;
  return std::min(page_size, kMaxPageSize);
}

std::string SerializeDeterministically(const google::protobuf::Message& m) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    m.SerializeToCodedStream(&coded);
  }
  return bytes;
}

absl::Status ParseStored(absl::string_view bytes, absl::string_view what,
                         google::protobuf::Message* message) {
  if (!message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::DataLossError(absl::StrCat("stored ", what, " is corrupt"));
  }
  return absl::OkStatus();
}

}  // namespace marginalia::server::sqlite_internal
