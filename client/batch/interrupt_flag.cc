#include "client/batch/interrupt_flag.h"

#include <signal.h>
#include <unistd.h>

namespace marginalia::client {
namespace {

std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free,
              "the signal handler needs a lock-free flag");

// On a terminal the message first clears the progress bar's line.
constexpr char kStopping[] =
    "\r\033[Kstopping: sending no more essays, waiting for the answers in "
    "flight (press Ctrl-C again to quit at once)\n";
constexpr std::size_t kClearLine = 4;      // "\r\033[K"
std::size_t stopping_offset = kClearLine;  // set before the handler runs

// Only async-signal-safe calls: an atomic store and write(2).
void OnSignal(int) {
  interrupted.store(true);
  ssize_t ignored = write(STDERR_FILENO, kStopping + stopping_offset,
                          sizeof kStopping - 1 - stopping_offset);
  (void)ignored;
}

}  // namespace

const std::atomic<bool>* InstallInterruptFlag() {
  static const bool installed = [] {
    stopping_offset = isatty(STDERR_FILENO) == 1 ? 0 : kClearLine;
    struct sigaction action = {};
    action.sa_handler = &OnSignal;
    sigemptyset(&action.sa_mask);
    // The first signal runs the handler and restores the default, so a
    // second Ctrl-C kills a batch that does not stop quickly enough.
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return true;
  }();
  (void)installed;
  return &interrupted;
}

}  // namespace marginalia::client
