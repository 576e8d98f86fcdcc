#include "tests/e2e/cli_harness.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "tests/testing/test_data.h"

namespace marginalia::testing {

CliHarness::CliHarness(std::vector<std::string> server_flags)
    : server_(std::make_unique<ServerProcess>(dir_.File("marginalia.db"),
                                              server_flags)) {}

ProcessResult CliHarness::Cli(std::vector<std::string> arguments) const {
  arguments.insert(arguments.begin(), BinaryPath("marginalia"));
  return RunProcess(arguments, {{"MARGINALIA_SERVER", server_->address()}});
}

std::unique_ptr<ChildProcess> CliHarness::StartCli(
    std::vector<std::string> arguments) const {
  arguments.insert(arguments.begin(),
                   {BinaryPath("marginalia"), "--server", server_->address()});
  return std::make_unique<ChildProcess>(arguments, "");
}

std::vector<std::string> CliHarness::BatchArguments(
    const std::vector<std::string>& paths,
    const std::vector<std::string>& extra) const {
  std::vector<std::string> arguments = {"batch"};
  arguments.insert(arguments.end(), paths.begin(), paths.end());
  arguments.insert(arguments.end(), {"--assignment", assignment_});
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  return arguments;
}

int CliHarness::CountSubmissions() const {
  ProcessResult listed = Cli({"list", "--assignment", assignment_});
  int count = 0;
  for (absl::string_view line : absl::StrSplit(listed.out, '\n')) {
    if (absl::StartsWith(line, "sub_")) ++count;
  }
  return count;
}

}  // namespace marginalia::testing
