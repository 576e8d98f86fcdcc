// The walking skeleton end to end: marginalia-server on a free port with a
// temporary database, driven by the marginalia CLI.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tests/e2e/cli_server.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_rubrics.h"

namespace marginalia {
namespace {

using testing::BinaryPath;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ProcessResult;
using testing::RunProcess;

TEST(CliEndToEndTest, SubmitFetchRestartFetchAgain) {
  CliServer server;
  ASSERT_FALSE(server.address().empty()) << "server did not start";
  ASSERT_EQ(server.admin().size(), 64u) << "no admin token file";
  std::string essay = testing::TestDataPath("soviet-model-essay.txt");
  std::string ada = server.User("ada");
  server.Ok(server.admin(), {"course", "create", "hist"});
  server.Ok(server.admin(), {"enrol", "ada", "--course", "hist"});
  server.Ok(server.admin(), {"assignment", "create", "hist101", "--course",
                             "hist", "--engine-feedback-now"});
  ProcessResult submitted =
      Cli(server.address(), ada,
          {"submit", essay, "--assignment", "hist101", "--format", "json"});
  ASSERT_EQ(submitted.exit_code, 0) << submitted.err;
  std::string id = JsonString(submitted.out, "id");
  ASSERT_TRUE(absl::StartsWith(id, "sub_")) << submitted.out;
  EXPECT_EQ(JsonString(submitted.out, "author"), "ada");

  ProcessResult before =
      Cli(server.address(), ada, {"feedback", id, "--format", "json"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_THAT(before.out, HasSubstr("\"rubricId\": \"history-essay\""));
  EXPECT_THAT(before.out, HasSubstr("China Under the Soviet Model"));

  ProcessResult text = Cli(server.address(), ada, {"feedback", id});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Submission " + id + " by ada"));
  EXPECT_THAT(text.out, HasSubstr("1981 words"));

  EXPECT_EQ(server.Stop(), 0) << "server did not stop cleanly on SIGTERM";
  server.Start();
  ASSERT_FALSE(server.address().empty()) << "server did not restart";
  ProcessResult after =
      Cli(server.address(), ada, {"feedback", id, "--format", "json"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, before.out);

  ProcessResult listed =
      Cli(server.address(), ada, {"list", "--assignment", "hist101"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr(id));
  EXPECT_EQ(server.Stop(), 0);
}

TEST(CliEndToEndTest, ResubmittingTheSameFileStoresItOnce) {
  CliServer server;
  std::string bo = server.User("bo");
  server.Ok(server.admin(), {"course", "create", "c1"});
  server.Ok(server.admin(), {"enrol", "bo", "--course", "c1"});
  server.Ok(server.admin(), {"assignment", "create", "a1", "--course", "c1"});
  std::string essay = testing::TestDataPath("soviet-model-essay.txt");
  std::vector<std::string> submit = {"submit", essay,          "--assignment",
                                     "a1",     "--request-id", "k-1"};
  ProcessResult first = Cli(server.address(), bo, submit);
  ProcessResult second = Cli(server.address(), bo, submit);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(first.out, HasSubstr("Stored submission"));
  EXPECT_THAT(second.out, HasSubstr("Already stored"));
  std::string listed = server.Ok(
      server.admin(), {"list", "--assignment", "a1", "--format", "json"});
  EXPECT_EQ(JsonStrings(listed, "id").size(), 1u) << listed;
}

// A tutor locks a late assignment; one student gets an extension.
TEST(CliEndToEndTest, LockedAssignmentRefusesDraftsButForAnExtension) {
  CliServer server;
  std::string bo = server.User("bo");
  std::string cy = server.User("cy");
  server.Ok(server.admin(), {"course", "create", "c1"});
  server.Ok(server.admin(), {"enrol", "bo", "cy", "--course", "c1"});
  server.Ok(server.admin(), {"assignment", "create", "a1", "--course", "c1",
                             "--due", "2001-09-09T00:00:00Z"});
  std::string essay = testing::TestDataPath("soviet-model-essay.txt");
  std::vector<std::string> submit = {"submit", essay, "--assignment", "a1"};
  EXPECT_THAT(
      server.Ok(server.admin(), {"assignment", "lock", "a1", "--after-due"}),
      HasSubstr("stops taking drafts after its due time"));
  ProcessResult refused = Cli(server.address(), bo, submit);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("FAILED_PRECONDITION"));
  EXPECT_THAT(refused.err, HasSubstr("extension"));
  server.Ok(server.admin(), {"assignment", "extend", "a1", "--student", "bo",
                             "--until", "2096-01-01T00:00:00Z"});
  EXPECT_THAT(server.Ok(bo, submit), HasSubstr("Stored submission"));
  EXPECT_EQ(Cli(server.address(), cy, submit).exit_code, 1);
}

TEST(CliEndToEndTest, ServerErrorsReachStderrWithExitCodeOne) {
  CliServer server;
  ProcessResult missing =
      Cli(server.address(), server.admin(), {"feedback", "sub_nope"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("NOT_FOUND"));
  EXPECT_THAT(missing.err, HasSubstr("sub_nope"));

  ProcessResult anonymous = Cli(server.address(), "", {"list"});
  EXPECT_EQ(anonymous.exit_code, 1);
  EXPECT_THAT(anonymous.err, HasSubstr("UNAUTHENTICATED"));
  EXPECT_THAT(anonymous.err, HasSubstr("MARGINALIA_TOKEN"));

  std::string empty = server.dir().File("empty.txt");
  testing::WriteFile(empty, "   \n");
  server.Ok(server.admin(), {"course", "create", "c1"});
  std::string cy = server.User("cy");
  server.Ok(server.admin(), {"enrol", "cy", "--course", "c1"});
  server.Ok(server.admin(), {"assignment", "create", "a1", "--course", "c1"});
  ProcessResult invalid =
      Cli(server.address(), cy, {"submit", empty, "--assignment", "a1"});
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_THAT(invalid.err, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(invalid.err, HasSubstr("empty"));
}

TEST(CliEndToEndTest, EnrolCreateUsersEnrolsARosterInOneGo) {
  CliServer server;
  server.Ok(server.admin(), {"course", "create", "c1"});
  std::string cy = server.User("cy");
  std::string out = server.Ok(
      server.admin(),
      {"enrol", "cy", "dee", "eve", "--course", "c1", "--create-users"});
  // cy existed already; dee and eve are new.
  EXPECT_THAT(out, Not(HasSubstr("Created user cy")));
  EXPECT_THAT(out, HasSubstr("Created user dee\n"));
  EXPECT_THAT(out, HasSubstr("Enrolled eve in c1 as student\n"));
  std::string roster = server.Ok(
      server.admin(), {"course", "members", "c1", "--format", "json"});
  for (const char* user : {"cy", "dee", "eve"}) {
    EXPECT_THAT(roster, HasSubstr(absl::StrCat("\"", user, "\""))) << roster;
  }
  // Only administrators create users.
  ProcessResult denied =
      Cli(server.address(), cy,
          {"enrol", "fay", "--course", "c1", "--create-users"});
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_THAT(denied.err, HasSubstr("PERMISSION_DENIED"));
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
  ProcessResult result = Cli("127.0.0.1:1", "", {"list"});
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
  CliServer server;
  const std::string& admin = server.admin();
  ProcessResult list = Cli(server.address(), admin, {"rubric", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  for (const char* id :
       {"history-essay", "argumentative-essay", "research-report"}) {
    EXPECT_THAT(list.out, HasSubstr(id));
  }
  ProcessResult show =
      Cli(server.address(), admin, {"rubric", "show", "history-essay"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("criteria {"));
  testing::TempDir dir;
  std::string rubric = dir.File("short.textproto");
  testing::WriteFile(rubric, kRubric);
  // The same file twice is one version.
  for (const char* said : {"Installed rubric 'short-essay' version 1",
                           "version 1 has the same text: nothing installed"}) {
    ProcessResult install =
        Cli(server.address(), admin, {"rubric", "install", rubric});
    ASSERT_EQ(install.exit_code, 0) << install.err;
    EXPECT_THAT(install.out, HasSubstr(said));
  }
  // Built-in rubrics never change, not even for an administrator.
  std::string history = dir.File("history.textproto");
  testing::WriteFile(history, show.out);
  ProcessResult built_in =
      Cli(server.address(), admin, {"rubric", "install", history});
  EXPECT_EQ(built_in.exit_code, 1);
  EXPECT_THAT(built_in.err, HasSubstr("built in"));
  ProcessResult missing =
      Cli(server.address(), admin, {"rubric", "show", "nope"});
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
