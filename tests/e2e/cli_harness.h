// The set-up every batch and HTML end-to-end test shares: a
// marginalia-server on a temporary database, a course with an assignment
// scored by the shipped history-essay rubric, and the marginalia CLI run as
// the course's tutor. Kept in one place so a change to what submitting
// needs touches only this file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tests/e2e/cli_server.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::testing {

class CliHarness {
 public:
  explicit CliHarness(std::vector<std::string> server_flags = {});

  const TempDir& dir() const { return server_.dir(); }
  const std::string& assignment() const { return assignment_; }
  const std::string& server_address() const { return server_.address(); }

  // Creates the users that do not exist yet and enrols them as students,
  // so staff may submit on their behalf.
  void EnrolStudents(const std::vector<std::string>& users);

  // Runs `marginalia ARGS...` as the tutor, to completion.
  ProcessResult Cli(std::vector<std::string> arguments) const;
  // Starts `marginalia ARGS...` as the tutor in the background, stdout and
  // stderr merged into one pipe readable line by line.
  std::unique_ptr<ChildProcess> StartCli(
      std::vector<std::string> arguments) const;
  // `marginalia batch PATHS... --assignment A EXTRA...`.
  std::vector<std::string> BatchArguments(
      const std::vector<std::string>& paths,
      const std::vector<std::string>& extra = {}) const;
  // How many submissions the server lists for the assignment.
  int CountSubmissions() const;

 private:
  CliServer server_;
  std::string course_ = "hist";
  std::string assignment_ = "hist101";
  std::string tutor_token_;
};

}  // namespace marginalia::testing
