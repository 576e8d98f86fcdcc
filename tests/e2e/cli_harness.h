// The set-up every CLI end-to-end test shares: a marginalia-server on a
// temporary database and the marginalia CLI pointed at it, with the
// assignment the essays go to. Kept in one place so that when submissions
// need an existing assignment and a token, only this file changes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::testing {

class CliHarness {
 public:
  explicit CliHarness(std::vector<std::string> server_flags = {});

  const TempDir& dir() const { return dir_; }
  const std::string& assignment() const { return assignment_; }
  const std::string& server_address() const { return server_->address(); }

  // Runs `marginalia ARGS...` against the server to completion.
  ProcessResult Cli(std::vector<std::string> arguments) const;
  // Starts `marginalia ARGS...` in the background, stdout and stderr merged
  // into one pipe readable line by line.
  std::unique_ptr<ChildProcess> StartCli(
      std::vector<std::string> arguments) const;
  // `marginalia batch PATHS... --assignment A EXTRA...`.
  std::vector<std::string> BatchArguments(
      const std::vector<std::string>& paths,
      const std::vector<std::string>& extra = {}) const;
  // How many submissions the server lists for the assignment.
  int CountSubmissions() const;

 private:
  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::string assignment_ = "hist101";
};

}  // namespace marginalia::testing
