// Reading another process's figures from /proc/PID/status, for tests that
// bound a server's threads and memory. Stateless; thread-safe.
#pragma once

#include <sys/types.h>

#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "tests/testing/test_data.h"

namespace marginalia::testing {

// The number after "FIELD:" in /proc/PID/status (VmRSS in kB, Threads), or
// -1 when the process or the field is gone.
inline long ProcStatus(pid_t pid, absl::string_view field) {
  auto status = ReadFile(absl::StrCat("/proc/", pid, "/status"));
  if (!status.ok()) return -1;
  for (absl::string_view line : absl::StrSplit(*status, '\n')) {
    if (!absl::ConsumePrefix(&line, field) || !absl::ConsumePrefix(&line, ":"))
      continue;
    line = absl::StripAsciiWhitespace(line);
    absl::ConsumeSuffix(&line, " kB");
    long value = -1;
    return absl::SimpleAtoi(line, &value) ? value : -1;
  }
  return -1;
}

}  // namespace marginalia::testing
