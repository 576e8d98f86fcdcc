#include "tests/testing/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "absl/strings/match.h"
#include "tests/testing/test_data.h"

namespace marginalia::testing {
namespace {

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

[[noreturn]] void ExecChild(std::vector<std::string> argv,
                            const std::map<std::string, std::string>& env) {
  for (const auto& [key, value] : env) setenv(key.c_str(), value.c_str(), 1);
  std::vector<char*> args = CStrings(argv);
  execv(args[0], args.data());
  std::fprintf(stderr, "exec %s: %s\n", args[0], std::strerror(errno));
  _exit(127);
}

int WaitFor(pid_t pid, int* signal_out) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (signal_out != nullptr && WIFSIGNALED(status))
    *signal_out = WTERMSIG(status);
  return -1;
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env,
                         const std::string& input) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) std::abort();
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1],
                   err_pipe[0], err_pipe[1]}) {
      close(fd);
    }
    ExecChild(argv, env);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  // Feed stdin and drain both outputs together so that no pipe fills up.
  signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  if (input.empty()) {
    close(in_pipe[1]);
    in_pipe[1] = -1;
  }
  ProcessResult result;
  pollfd fds[3] = {{out_pipe[0], POLLIN, 0},
                   {err_pipe[0], POLLIN, 0},
                   {in_pipe[1], POLLOUT, 0}};
  int open_outputs = 2;
  char buffer[65536];
  while (open_outputs > 0) {
    nfds_t count = in_pipe[1] >= 0 ? 3 : 2;
    if (poll(fds, count, -1) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_outputs;
      } else {
        (i == 0 ? result.out : result.err).append(buffer, n);
      }
    }
    if (in_pipe[1] >= 0 && (fds[2].revents & (POLLOUT | POLLERR))) {
      ssize_t n =
          write(in_pipe[1], input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == input.size()) {
        close(in_pipe[1]);
        in_pipe[1] = -1;
      }
    }
  }
  if (in_pipe[1] >= 0) close(in_pipe[1]);
  result.exit_code = WaitFor(pid, &result.signal);
  return result;
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::string& stderr_path) {
  int out_pipe[2];
  if (pipe(out_pipe)) std::abort();
  pid_ = fork();
  if (pid_ == 0) {
    int err = stderr_path.empty() ? dup(out_pipe[1])
                                  : open(stderr_path.c_str(),
                                         O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(out_pipe[1], 1);
    if (err >= 0) dup2(err, 2);
    close(out_pipe[0]);
    close(out_pipe[1]);
    ExecChild(argv, {});
  }
  close(out_pipe[1]);
  stdout_fd_ = out_pipe[0];
}

ChildProcess::~ChildProcess() {
  if (!exited_) Stop(SIGKILL);
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::string ChildProcess::ReadLine() {
  while (true) {
    std::size_t newline = buffer_.find('\n');
    if (newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      return line;
    }
    char chunk[4096];
    ssize_t n = read(stdout_fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::string();
    buffer_.append(chunk, n);
  }
}

std::string ChildProcess::ReadRest() {
  std::string rest = std::move(buffer_);
  buffer_.clear();
  char chunk[4096];
  while (true) {
    ssize_t n = read(stdout_fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return rest;
    rest.append(chunk, n);
  }
}

int ChildProcess::Stop(int signal_number) {
  if (exited_) return -1;
  kill(pid_, signal_number);
  exited_ = true;
  return WaitFor(pid_, nullptr);
}

ServerProcess::ServerProcess(const std::string& db_path,
                             const std::vector<std::string>& extra_flags)
    : stderr_path_(db_path + ".server.log"),
      child_(
          [&] {
            std::vector<std::string> argv = {BinaryPath("marginalia-server"),
                                             "--listen", "127.0.0.1:0", "--db",
                                             db_path};
            argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
            return argv;
          }(),
          stderr_path_) {
  // The server prints "listening on HOST:PORT" once it is serving.
  std::string line = child_.ReadLine();
  constexpr absl::string_view kPrefix = "listening on ";
  if (absl::StartsWith(line, kPrefix)) address_ = line.substr(kPrefix.size());
  // Then, with --http, "http on URL".
  if (address_.empty() || std::find(extra_flags.begin(), extra_flags.end(),
                                    "--http") == extra_flags.end()) {
    return;
  }
  line = child_.ReadLine();
  constexpr absl::string_view kHttpPrefix = "http on ";
  if (absl::StartsWith(line, kHttpPrefix)) {
    http_url_ = line.substr(kHttpPrefix.size());
  }
}

}  // namespace marginalia::testing
