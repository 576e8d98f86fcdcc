// A marginalia-server started with a command line the test chooses (its
// address, TLS files, or a wrapper such as prlimit), on a temporary
// database, with the administrator's token it wrote. Not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_data.h"

namespace marginalia::testing {

class LaunchedServer {
 public:
  // Runs `prefix... marginalia-server --db DB flags...` and waits for its
  // "listening on" line; address() is empty if it did not start.
  explicit LaunchedServer(const std::vector<std::string>& flags,
                          const std::vector<std::string>& prefix = {}) {
    std::vector<std::string> argv = prefix;
    argv.insert(argv.end(), {BinaryPath("marginalia-server"), "--db",
                             dir_.File("marginalia.db")});
    argv.insert(argv.end(), flags.begin(), flags.end());
    child_ = std::make_unique<ChildProcess>(argv, log_path());
    std::string line = child_->ReadLine();
    constexpr absl::string_view kPrefix = "listening on ";
    if (absl::StartsWith(line, kPrefix)) address_ = line.substr(kPrefix.size());
    auto token = ReadFile(dir_.File("admin-token"));
    if (token.ok()) {
      admin_ = std::string(absl::StripTrailingAsciiWhitespace(*token));
    }
  }

  const std::string& address() const { return address_; }
  // The port of address().
  std::string port() const { return address_.substr(address_.rfind(':') + 1); }
  const std::string& admin() const { return admin_; }
  pid_t pid() const { return child_->pid(); }
  std::string log_path() const { return dir_.File("server.log"); }
  std::string log() const {
    auto text = ReadFile(log_path());
    return text.ok() ? *text : "";
  }
  // SIGTERM; the exit code.
  int Stop() { return child_->Stop(15); }

 private:
  TempDir dir_;
  std::unique_ptr<ChildProcess> child_;
  std::string address_;
  std::string admin_;
};

}  // namespace marginalia::testing
