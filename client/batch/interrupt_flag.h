// Ctrl-C handling for long commands: the first SIGINT or SIGTERM only sets
// a flag the command polls, so it can stop cleanly; the handler resets
// itself, so a second Ctrl-C ends the process at once.
#pragma once

#include <atomic>

namespace marginalia::client {

// Installs the handlers (once; later calls return the same flag) and
// returns the flag they set. The handler only stores to a lock-free atomic
// and writes a fixed "stopping: ..." line to stderr with write(2), both
// async-signal-safe.
const std::atomic<bool>* InstallInterruptFlag();

// The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells
// report it.
inline constexpr int kExitInterrupted = 130;

}  // namespace marginalia::client
