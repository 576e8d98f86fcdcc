#include "server/util/memory_release.h"

#include <malloc.h>

// tcmalloc's C entry point, present only when the binary links tcmalloc.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace marginalia::server {

MemoryReleaser::MemoryReleaser(absl::Duration period)
    : thread_([this, period] {
        while (!stop_.WaitForNotificationWithTimeout(period)) ReleaseNow();
      }) {}

MemoryReleaser::~MemoryReleaser() {
  stop_.Notify();
  thread_.join();
}

void MemoryReleaser::ReleaseNow() {
  if (MallocExtension_ReleaseFreeMemory != nullptr) {
    MallocExtension_ReleaseFreeMemory();
  } else {
    malloc_trim(0);
  }
}

}  // namespace marginalia::server
