#include "tests/e2e/cli_harness.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "tests/testing/test_data.h"

namespace marginalia::testing {

CliHarness::CliHarness(std::vector<std::string> server_flags)
    : server_(std::move(server_flags)) {
  server_.Ok(server_.admin(), {"course", "create", course_});
  tutor_token_ = server_.User("tutor");
  server_.Ok(server_.admin(),
             {"enrol", "tutor", "--course", course_, "--role", "tutor"});
  server_.Ok(tutor_token_, {"assignment", "create", assignment_, "--course",
                            course_, "--rubric", "history-essay"});
}

void CliHarness::EnrolStudents(const std::vector<std::string>& users) {
  std::vector<std::string> arguments = {"enrol"};
  arguments.insert(arguments.end(), users.begin(), users.end());
  arguments.insert(arguments.end(), {"--course", course_, "--create-users"});
  server_.Ok(server_.admin(), arguments);
}

ProcessResult CliHarness::Cli(std::vector<std::string> arguments) const {
  return marginalia::Cli(server_.address(), tutor_token_, arguments);
}

std::unique_ptr<ChildProcess> CliHarness::StartCli(
    std::vector<std::string> arguments) const {
  arguments.insert(arguments.begin(),
                   {BinaryPath("marginalia"), "--server", server_.address(),
                    "--token", tutor_token_});
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
