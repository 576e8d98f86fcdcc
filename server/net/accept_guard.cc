#include "server/net/accept_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>

namespace marginalia::server {
namespace {

std::atomic<int> ceiling{0};
std::atomic<int> spare_fd{-1};
std::atomic<std::uint64_t> shed{0};

int RealAccept4(int fd, sockaddr* address, socklen_t* length, int flags) {
  return static_cast<int>(syscall(SYS_accept4, fd, address, length, flags));
}

int OpenSpare() { return open("/dev/null", O_RDONLY | O_CLOEXEC); }

// With no descriptor left, frees the spare one to accept a pending
// connection and close it, so the listener's queue drains. False when
// nothing was pending (or the spare is gone too).
bool ShedWithSpare(int listener) {
  int spare = spare_fd.exchange(-1);
  if (spare < 0) return false;
  close(spare);
  int connection = RealAccept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
  int saved = errno;
  if (connection >= 0) close(connection);
  spare_fd.store(OpenSpare());
  errno = saved;
  if (connection < 0) return false;
  shed.fetch_add(1);
  return true;
}

}  // namespace

void GuardAccepts(int new_ceiling) {
  if (spare_fd.load() < 0) spare_fd.store(OpenSpare());
  ceiling.store(new_ceiling);
}

std::uint64_t ShedConnections() { return shed.load(); }

}  // namespace marginalia::server

using marginalia::server::ceiling;
using marginalia::server::RealAccept4;
using marginalia::server::shed;
using marginalia::server::ShedWithSpare;

// Replaces libc's accept4() for the process (gRPC calls it through the
// dynamic linker, which finds the executable's definition first).
extern "C" int accept4(int fd, sockaddr* address, socklen_t* length,
                       int flags) {
  socklen_t asked = length != nullptr ? *length : 0;
  while (true) {
    if (length != nullptr) *length = asked;
    int connection = RealAccept4(fd, address, length, flags);
    int limit = ceiling.load(std::memory_order_relaxed);
    if (limit <= 0) return connection;
    if (connection >= 0) {
      if (connection < limit) return connection;
      close(connection);
      shed.fetch_add(1);
      continue;
    }
    if (errno != EMFILE && errno != ENFILE) return -1;
    // Nothing pending any more: tell the caller to wait for the next one.
    if (!ShedWithSpare(fd)) {
      errno = EAGAIN;
      return -1;
    }
  }
}
