// Opaque resource ids ("sub_3f9a2c7d1e4b5a60"), injectable for tests.
#pragma once

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/random/random.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace marginalia::server {

// Makes new ids. Implementations are thread-safe.
class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  // A new id with the given prefix, e.g. NewId("sub").
  virtual std::string NewId(absl::string_view prefix) = 0;
};

// 64 random bits per id: ids neither collide in practice nor reveal how many
// resources exist.
class RandomIdGenerator : public IdGenerator {
 public:
  std::string NewId(absl::string_view prefix) override {
    absl::MutexLock lock(&mutex_);
    return absl::StrFormat("%s_%016x", prefix, absl::Uniform<uint64_t>(bits_));
  }

 private:
  absl::Mutex mutex_;
  absl::BitGen bits_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace marginalia::server
