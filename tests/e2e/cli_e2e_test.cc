// The walking skeleton end to end: marginalia-server on a free port with a
// temporary database, driven by the marginalia CLI.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "absl/strings/match.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_rubrics.h"

namespace marginalia {
namespace {

using testing::BinaryPath;
using ::testing::HasSubstr;
using testing::ProcessResult;
using testing::RunProcess;

ProcessResult Cli(const std::string& server,
                  std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), BinaryPath("marginalia"));
  return RunProcess(arguments, {{"MARGINALIA_SERVER", server}});
}

// The value of "key": "value" in JSON printed by the CLI.
std::string JsonString(const std::string& json, const std::string& key) {
  std::string marker = "\"" + key + "\": \"";
  std::size_t at = json.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return json.substr(at, json.find('"', at) - at);
}

TEST(CliEndToEndTest, SubmitFetchRestartFetchAgain) {
  testing::TempDir dir;
  std::string db = dir.File("marginalia.db");
  std::string essay = testing::TestDataPath("soviet-model-essay.txt");

  auto server = std::make_unique<testing::ServerProcess>(db);
  ASSERT_FALSE(server->address().empty()) << "server did not start";
  ProcessResult submitted =
      Cli(server->address(), {"submit", essay, "--assignment", "hist101",
                              "--author", "ada", "--format", "json"});
  ASSERT_EQ(submitted.exit_code, 0) << submitted.err;
  std::string id = JsonString(submitted.out, "id");
  ASSERT_TRUE(absl::StartsWith(id, "sub_")) << submitted.out;

  ProcessResult before =
      Cli(server->address(), {"feedback", id, "--format", "json"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_THAT(before.out, HasSubstr("\"rubricId\": \"history-essay\""));
  EXPECT_THAT(before.out, HasSubstr("China Under the Soviet Model"));

  ProcessResult text = Cli(server->address(), {"feedback", id});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Submission " + id + " by ada"));
  EXPECT_THAT(text.out, HasSubstr("1981 words"));

  EXPECT_EQ(server->Stop(), 0) << "server did not stop cleanly on SIGTERM";
  server = std::make_unique<testing::ServerProcess>(db);
  ASSERT_FALSE(server->address().empty()) << "server did not restart";
  ProcessResult after =
      Cli(server->address(), {"feedback", id, "--format", "json"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, before.out);

  ProcessResult listed =
      Cli(server->address(), {"list", "--assignment", "hist101"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr(id));
  EXPECT_EQ(server->Stop(), 0);
}

TEST(CliEndToEndTest, ResubmittingTheSameFileStoresItOnce) {
  testing::TempDir dir;
  testing::ServerProcess server(dir.File("m.db"));
  std::string essay = testing::TestDataPath("soviet-model-essay.txt");
  std::vector<std::string> submit = {"submit",   essay, "--assignment", "a1",
                                     "--author", "bo",  "--request-id", "k-1"};
  ProcessResult first = Cli(server.address(), submit);
  ProcessResult second = Cli(server.address(), submit);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(first.out, HasSubstr("Stored submission"));
  EXPECT_THAT(second.out, HasSubstr("Already stored"));
  ProcessResult listed =
      Cli(server.address(), {"list", "--assignment", "a1", "--format", "json"});
  std::size_t count = 0;
  for (std::size_t at = listed.out.find("\"id\""); at != std::string::npos;
       at = listed.out.find("\"id\"", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 1u) << listed.out;
}

TEST(CliEndToEndTest, ServerErrorsReachStderrWithExitCodeOne) {
  testing::TempDir dir;
  testing::ServerProcess server(dir.File("m.db"));
  ProcessResult missing = Cli(server.address(), {"feedback", "sub_nope"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("NOT_FOUND"));
  EXPECT_THAT(missing.err, HasSubstr("sub_nope"));

  std::string empty = dir.File("empty.txt");
  testing::WriteFile(empty, "   \n");
  ProcessResult invalid =
      Cli(server.address(), {"submit", empty, "--assignment", "a1"});
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_THAT(invalid.err, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(invalid.err, HasSubstr("empty"));
}

TEST(CliEndToEndTest, UsageErrorsExitWithTwo) {
  ProcessResult no_command = RunProcess({BinaryPath("marginalia")});
  EXPECT_EQ(no_command.exit_code, 2);
  ProcessResult no_assignment =
      RunProcess({BinaryPath("marginalia"), "submit", "essay.txt"});
  EXPECT_EQ(no_assignment.exit_code, 2);
  EXPECT_THAT(no_assignment.err, HasSubstr("--assignment is required"));
  ProcessResult help =
      RunProcess({BinaryPath("marginalia"), "score", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("--rubric"));
}

TEST(CliEndToEndTest, UnreachableServerIsExplained) {
  ProcessResult result = Cli("127.0.0.1:1", {"list"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("cannot reach the server at 127.0.0.1:1"));
}

TEST(CliEndToEndTest, OfflineScoreNeedsNoServer) {
  ProcessResult result = RunProcess(
      {BinaryPath("marginalia"), "score",
       testing::TestDataPath("soviet-model-essay.txt"), "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("\"readabilityGrade\""));
  ProcessResult again = RunProcess(
      {BinaryPath("marginalia"), "score",
       testing::TestDataPath("soviet-model-essay.txt"), "--format", "json"});
  EXPECT_EQ(result.out, again.out);
}

constexpr const char* kRubric = testing::kShortRubric;

TEST(CliEndToEndTest, RubricValidateShowsFileAndLine) {
  testing::TempDir dir;
  std::string good = dir.File("good.textproto");
  testing::WriteFile(good, kRubric);
  ProcessResult valid =
      RunProcess({BinaryPath("marginalia"), "rubric", "validate", good});
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  EXPECT_THAT(valid.out,
              HasSubstr("valid rubric 'short-essay' with 1 criteria"));

  std::string bad = dir.File("bad.textproto");
  std::string text = kRubric;
  text.replace(text.find("mechanics.*"), 11, "mechanics.typo_code");
  testing::WriteFile(bad, text);
  ProcessResult invalid =
      RunProcess({BinaryPath("marginalia"), "rubric", "validate", bad});
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_THAT(invalid.err, HasSubstr(bad + ":9: criterion 'writing': no "
                                           "analyser produces "
                                           "'mechanics.typo_code'"));
}

TEST(CliEndToEndTest, ScoreWithARubricFileNotYetInstalled) {
  testing::TempDir dir;
  std::string rubric = dir.File("short.textproto");
  testing::WriteFile(rubric, kRubric);
  ProcessResult result = RunProcess(
      {BinaryPath("marginalia"), "score",
       testing::TestDataPath("soviet-model-essay.txt"), "--rubric", rubric});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("Rubric: Short essay (short-essay v1)"));
  EXPECT_THAT(result.out, HasSubstr("mechanics.confused_word"));
  // Citation findings matter to no criterion of this rubric: left out.
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("citation.")));
}

TEST(CliEndToEndTest, RubricListShowAndInstall) {
  testing::TempDir dir;
  testing::ServerProcess server(dir.File("m.db"));
  ProcessResult list = Cli(server.address(), {"rubric", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  for (const char* id :
       {"history-essay", "argumentative-essay", "research-report"}) {
    EXPECT_THAT(list.out, HasSubstr(id));
  }
  ProcessResult show =
      Cli(server.address(), {"rubric", "show", "history-essay"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("criteria {"));
  std::string rubric = dir.File("short.textproto");
  testing::WriteFile(rubric, kRubric);
  for (const char* version : {"version 1", "version 2"}) {
    ProcessResult install =
        Cli(server.address(), {"rubric", "install", rubric});
    ASSERT_EQ(install.exit_code, 0) << install.err;
    EXPECT_THAT(install.out, HasSubstr(version));
  }
  ProcessResult missing = Cli(server.address(), {"rubric", "show", "nope"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("NOT_FOUND"));
}

TEST(CliEndToEndTest, ServerRefusesAnUnusableDatabasePath) {
  ProcessResult result =
      RunProcess({BinaryPath("marginalia-server"), "--listen", "127.0.0.1:0",
                  "--db", "/nonexistent-folder/x.db"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("cannot open database"));
}

}  // namespace
}  // namespace marginalia
