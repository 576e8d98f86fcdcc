// Driving the real binaries from end-to-end tests: a marginalia-server on a
// temporary database, and the marginalia CLI run against it with a token.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_data.h"

namespace marginalia {

using testing::BinaryPath;
using testing::ProcessResult;
using testing::RunProcess;

// Runs the CLI against `server` with `token` in MARGINALIA_TOKEN.
inline ProcessResult Cli(const std::string& server, const std::string& token,
                         std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), BinaryPath("marginalia"));
  return RunProcess(
      arguments, {{"MARGINALIA_SERVER", server}, {"MARGINALIA_TOKEN", token}});
}

// The value of "key": "value" in JSON printed by the CLI.
inline std::string JsonString(const std::string& json, const std::string& key) {
  std::string marker = "\"" + key + "\": \"";
  std::size_t at = json.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return json.substr(at, json.find('"', at) - at);
}

// Every value of "key": "value", in order.
inline std::vector<std::string> JsonStrings(const std::string& json,
                                            const std::string& key) {
  std::vector<std::string> values;
  std::string marker = "\"" + key + "\": \"";
  for (std::size_t at = json.find(marker); at != std::string::npos;
       at = json.find(marker, at)) {
    at += marker.size();
    values.push_back(json.substr(at, json.find('"', at) - at));
  }
  return values;
}

// A server on a temporary database, and the administrator's token from the
// file its first start wrote.
class CliServer {
 public:
  explicit CliServer(std::vector<std::string> flags = {})
      : flags_(std::move(flags)) {
    Start();
  }

  void Start() {
    server_ = std::make_unique<testing::ServerProcess>(db(), flags_);
    auto token = testing::ReadFile(dir_.File("admin-token"));
    admin_token_ = token.ok()
                       ? std::string(absl::StripTrailingAsciiWhitespace(*token))
                       : "";
  }
  int Stop() { return server_->Stop(); }
  std::string db() const { return dir_.File("marginalia.db"); }
  const std::string& address() const { return server_->address(); }
  // With --http among the flags: "http://127.0.0.1:PORT/".
  const std::string& http_url() const { return server_->http_url(); }
  const std::string& admin() const { return admin_token_; }
  const testing::TempDir& dir() const { return dir_; }

  // Runs the CLI with `token`; fails the test when it does not exit 0.
  std::string Ok(const std::string& token, std::vector<std::string> args) {
    ProcessResult result = Cli(address(), token, args);
    EXPECT_EQ(result.exit_code, 0) << absl::StrJoin(args, " ") << "\n"
                                   << result.err;
    return result.out;
  }

  // Creates a user (as admin) and returns their new token's secret.
  std::string User(const std::string& id) {
    Ok(admin(), {"user", "create", id, "--name", "User " + id});
    return JsonString(Ok(admin(), {"token", "create", "--user", id, "--label",
                                   "e2e", "--format", "json"}),
                      "secret");
  }

 private:
  std::vector<std::string> flags_;
  testing::TempDir dir_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::string admin_token_;
};

}  // namespace marginalia
