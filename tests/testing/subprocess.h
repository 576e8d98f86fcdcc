// Runs the project's binaries as child processes, as a user would: with
// arguments, environment, stdin, and captured stdout/stderr.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace marginalia::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
};

// Runs `argv` to completion with `input` on stdin. `env` entries are added to
// (or override) the test's environment.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {},
                         const std::string& input = "");

// A long-running child (a server). Its stdout is readable line by line; its
// stderr goes to a file, or, when `stderr_path` is empty, into the same pipe
// as stdout.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv,
               const std::string& stderr_path);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Blocks until a line arrives on the child's stdout; empty at EOF.
  std::string ReadLine();
  // Everything the child still writes to stdout, until it closes it.
  std::string ReadRest();
  // Sends `signal` and waits; returns the exit code (-1 if signalled).
  int Stop(int signal);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffer_;
  bool exited_ = false;
};

// A marginalia-server on a free loopback port with the given database.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& db_path,
                         const std::vector<std::string>& extra_flags = {});
  // "127.0.0.1:PORT", or empty if the server failed to start.
  const std::string& address() const { return address_; }
  // With --http among the flags: the web front's "http://127.0.0.1:PORT/",
  // or empty if it did not start.
  const std::string& http_url() const { return http_url_; }
  // SIGTERM, then the server's exit code.
  int Stop() { return child_.Stop(15); }
  const std::string& stderr_path() const { return stderr_path_; }

 private:
  std::string stderr_path_;
  ChildProcess child_;
  std::string address_;
  std::string http_url_;
};

}  // namespace marginalia::testing
