// Gives freed heap memory back to the system every few seconds, so that a
// burst (a large rejected message, a load peak) does not leave the server's
// resident size at its peak for good. Uses tcmalloc's ReleaseFreeMemory when
// the binary is linked with tcmalloc, else glibc's malloc_trim. Owns one
// thread; thread-safe.
#pragma once

#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace marginalia::server {

class MemoryReleaser {
 public:
  explicit MemoryReleaser(absl::Duration period);
  // Stops and joins the thread.
  ~MemoryReleaser();
  MemoryReleaser(const MemoryReleaser&) = delete;
  MemoryReleaser& operator=(const MemoryReleaser&) = delete;

  // Returns free memory to the system now.
  static void ReleaseNow();

 private:
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace marginalia::server
