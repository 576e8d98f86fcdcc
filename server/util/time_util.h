// Conversions between absl::Time, stored microseconds and Protobuf
// timestamps and durations.
#pragma once

#include <google/protobuf/duration.pb.h>
#include <google/protobuf/timestamp.pb.h>

#include <cstdint>

#include "absl/time/time.h"

namespace marginalia::server {

inline google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  google::protobuf::Timestamp proto;
  int64_t micros = absl::ToUnixMicros(time);
  int64_t seconds = micros / 1000000;
  int64_t rest = micros % 1000000;
  if (rest < 0) {
    rest += 1000000;
    --seconds;
  }
  proto.set_seconds(seconds);
  proto.set_nanos(static_cast<int32_t>(rest * 1000));
  return proto;
}

inline google::protobuf::Timestamp MicrosToTimestamp(int64_t micros) {
  return ToTimestamp(absl::FromUnixMicros(micros));
}

inline int64_t TimestampToMicros(const google::protobuf::Timestamp& proto) {
  return proto.seconds() * 1000000 + proto.nanos() / 1000;
}

// A non-negative span of microseconds as a Protobuf duration.
inline google::protobuf::Duration MicrosToDuration(int64_t micros) {
  google::protobuf::Duration proto;
  proto.set_seconds(micros / 1000000);
  proto.set_nanos(static_cast<int32_t>(micros % 1000000 * 1000));
  return proto;
}

}  // namespace marginalia::server
