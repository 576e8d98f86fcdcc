// Protobuf JSON mapping of API messages, as the CLI prints them.
#pragma once

#include <google/protobuf/message.h>

#include <string>

namespace marginalia::client {

// The message in the canonical Protobuf JSON mapping (lowerCamelCase field
// names, enums by name), indented, with zero values printed so that every
// field a script may read is present. Deterministic for a given message.
std::string ToJson(const google::protobuf::Message& message);

}  // namespace marginalia::client
