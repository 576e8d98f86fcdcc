#include "client/output/json_output.h"

#include <google/protobuf/util/json_util.h>

namespace marginalia::client {

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  std::string json;
  // Only fails for messages with unresolvable Any fields, which ours lack.
  if (!google::protobuf::util::MessageToJsonString(message, &json, options)
           .ok()) {
    json = "{}";
  }
  return json;
}

}  // namespace marginalia::client
