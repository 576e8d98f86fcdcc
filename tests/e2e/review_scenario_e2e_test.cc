// The review workflow end to end, through the CLI against a real server:
// an administrator sets up a course with a tutor and four students; the
// students submit; peer review is allocated with k=2 and done; the tutor
// comments on a passage, overrides a criterion with a reason and releases.
// Before the release the student sees none of it; after it, the comment on
// the right text, the peers' scores without their names, and the audit log
// shows the override. A restart loses nothing. A second draft after the
// release leaves the released grade with the first draft, and the tutor is
// told of the newer one. Identical essays of two students in a tutor's
// batch are both stored and flagged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/e2e/cli_server.h"

namespace marginalia {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char kPhrase[] = "China Under the Soviet Model";

class ReviewScenarioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(server_.address().empty()) << "server did not start";
    server_.Ok(admin(), {"course", "create", "hist", "--title", "History"});
    tutor_ = server_.User("tutor");
    server_.Ok(admin(),
               {"enrol", "tutor", "--course", "hist", "--role", "tutor"});
    for (const char* id : {"amy", "ben", "cat", "dan"}) {
      students_[id] = server_.User(id);
      // New users are in no course yet, so the administrator enrols them
      // (a tutor enrols only people already in a course they teach).
      server_.Ok(admin(), {"enrol", id, "--course", "hist"});
    }
    server_.Ok(tutor_, {"assignment", "create", "hist101", "--course", "hist",
                        "--title", "The Soviet model", "--reviews", "2",
                        "--peer-weight", "0.2"});
  }

  std::string admin() const { return server_.admin(); }

  // Submits the sample essay (with a personal last line, and `more` after
  // it for a later draft) as `id`.
  std::string SubmitAs(const std::string& id, const std::string& more = "") {
    std::string text =
        *testing::ReadFile(testing::TestDataPath("soviet-model-essay.txt"));
    std::string file = server_.dir().File(id + ".txt");
    testing::WriteFile(file,
                       text + "\nWritten by student " + id + ".\n" + more);
    std::string out = server_.Ok(
        students_[id],
        {"submit", file, "--assignment", "hist101", "--format", "json"});
    return JsonString(out, "id");
  }

  // The rubric's criterion ids (the rubric's own id comes first).
  std::vector<std::string> Criteria() {
    std::vector<std::string> ids =
        JsonStrings(server_.Ok(tutor_, {"rubric", "show", "history-essay",
                                        "--version", "1", "--format", "json"}),
                    "id");
    return std::vector<std::string>(ids.begin() + 1, ids.end());
  }

  CliServer server_;
  std::string tutor_;
  std::map<std::string, std::string> students_;
};

TEST_F(ReviewScenarioTest, FromSubmissionToReleasedFeedback) {
  std::map<std::string, std::string> submission;
  for (const auto& [id, token] : students_) submission[id] = SubmitAs(id);
  std::string amy = submission["amy"];

  // Peer allocation, k = 2: every student gets two tasks.
  std::string allocated = server_.Ok(
      tutor_,
      {"peer", "allocate", "--assignment", "hist101", "--format", "json"});
  EXPECT_EQ(JsonStrings(allocated, "reviewerLabel").size(), 8u) << allocated;
  std::vector<std::string> criteria = Criteria();
  ASSERT_FALSE(criteria.empty());
  int level = 1;
  for (const auto& [id, token] : students_) {
    std::string tasks =
        server_.Ok(token, {"review", "tasks", "--format", "json"});
    std::vector<std::string> task_ids = JsonStrings(tasks, "id");
    ASSERT_EQ(task_ids.size(), 2u) << id << " " << tasks;
    for (const std::string& task : task_ids) {
      std::string shown = server_.Ok(token, {"review", "show", task});
      EXPECT_THAT(shown, Not(HasSubstr("Written by student " + id)))
          << "a student was given their own essay";
      std::vector<std::string> args = {"review", "submit", task, "--overall",
                                       "Clear argument."};
      for (const std::string& c : criteria) {
        args.push_back("--score");
        args.push_back(absl::StrCat(c, "=", level));
      }
      server_.Ok(token, args);
    }
    level = level % 3 + 1;
  }

  // The tutor comments on a passage and overrides one criterion.
  std::string span = absl::StrCat("0:", sizeof(kPhrase) - 1);
  server_.Ok(tutor_, {"comment", "add", amy, "--span", span, "--body",
                      "A strong, specific title."});
  server_.Ok(tutor_, {"grade", "set", amy, "--criterion", criteria[0],
                      "--score", "20", "--reason", "the roadmap is explicit"});

  // Before release: amy sees none of it.
  std::string before =
      server_.Ok(students_["amy"], {"feedback", amy, "--format", "json"});
  EXPECT_THAT(before, HasSubstr("\"reportWithheld\": true"));
  EXPECT_THAT(before, HasSubstr("\"released\": false"));
  EXPECT_THAT(before, Not(HasSubstr("A strong, specific title.")));
  EXPECT_THAT(before, Not(HasSubstr("the roadmap is explicit")));
  EXPECT_THAT(server_.Ok(students_["amy"], {"review", "list", amy}),
              Not(HasSubstr("Reviewer")));
  EXPECT_THAT(server_.Ok(students_["amy"], {"grade", "show", amy}),
              HasSubstr("not released yet"));
  EXPECT_THAT(server_.Ok(students_["amy"], {"comment", "list", amy}),
              Not(HasSubstr("A strong")));

  server_.Ok(tutor_, {"grade", "release", "--assignment", "hist101"});

  // After release: the comment on the right text, anonymous peer scores.
  std::string after = server_.Ok(students_["amy"], {"feedback", amy});
  EXPECT_THAT(after, HasSubstr("A strong, specific title."));
  EXPECT_THAT(after, HasSubstr(absl::StrCat("\"", kPhrase, "\"")));
  EXPECT_THAT(after, HasSubstr("the roadmap is explicit"));
  EXPECT_THAT(after, HasSubstr("0.8 x tutor"));
  std::string reviews = server_.Ok(students_["amy"], {"review", "list", amy});
  EXPECT_THAT(reviews, HasSubstr("Reviewer 1"));
  EXPECT_THAT(reviews, HasSubstr("Reviewer 2"));
  for (const char* id : {"ben", "cat", "dan"}) {
    EXPECT_THAT(reviews, Not(HasSubstr(id))) << "a reviewer's name leaked";
  }
  std::string summary = server_.Ok(students_["amy"], {"peer", "summary", amy});
  EXPECT_THAT(summary, HasSubstr("consensus"));
  EXPECT_THAT(summary, Not(HasSubstr("weight")));

  // The tutor sees reviewer weights; the audit log shows the override.
  EXPECT_THAT(server_.Ok(tutor_, {"peer", "summary", amy}),
              HasSubstr("weight"));
  std::string audit = server_.Ok(tutor_, {"audit", "--submission", amy});
  EXPECT_THAT(audit, HasSubstr("criterion_override"));
  EXPECT_THAT(audit, HasSubstr("the roadmap is explicit"));
  EXPECT_THAT(audit, HasSubstr("tutor"));
  EXPECT_THAT(audit, HasSubstr("release"));

  // A restart loses nothing acknowledged.
  std::string json_before =
      server_.Ok(students_["amy"], {"feedback", amy, "--format", "json"});
  ASSERT_EQ(server_.Stop(), 0);
  server_.Start();
  EXPECT_EQ(server_.Ok(students_["amy"], {"feedback", amy, "--format", "json"}),
            json_before);
  EXPECT_EQ(server_.Ok(tutor_, {"audit", "--submission", amy}), audit);

  // A second draft after release: the released grade stays with the first
  // draft, and the tutor is told a newer, ungraded draft exists.
  std::vector<std::string> export_args = {"export", "--assignment", "hist101",
                                          "--format", "moodle"};
  std::string exported = server_.Ok(tutor_, export_args);
  EXPECT_THAT(exported, HasSubstr("\r\namy,,User amy,"));
  std::string second = SubmitAs("amy", "A paragraph added after release.\n");
  ASSERT_NE(second, amy);
  ProcessResult after_draft = Cli(server_.address(), tutor_, export_args);
  EXPECT_EQ(after_draft.exit_code, 0) << after_draft.err;
  EXPECT_EQ(after_draft.out, exported) << "the released grade moved";
  EXPECT_THAT(after_draft.err,
              HasSubstr("amy: exported draft 1, latest draft 2 (" + second));
  EXPECT_THAT(server_.Ok(students_["amy"], {"grade", "show", second}),
              HasSubstr("not released yet"));
  EXPECT_THAT(server_.Ok(students_["amy"], {"grade", "show", amy}),
              Not(HasSubstr("not released yet")));
}

// A tutor hands in a batch in which two students' essays are identical:
// both are stored, one each, and flagged as identical.
TEST_F(ReviewScenarioTest, IdenticalEssaysInABatchAreBothStoredAndFlagged) {
  std::string text =
      *testing::ReadFile(testing::TestDataPath("soviet-model-essay.txt"));
  std::string folder = server_.dir().File("batch");
  ASSERT_EQ(mkdir(folder.c_str(), 0700), 0);
  testing::WriteFile(folder + "/ben.txt", text);
  testing::WriteFile(folder + "/cat.txt", text);
  std::string out =
      server_.Ok(tutor_, {"batch", folder, "--assignment", "hist101"});
  EXPECT_THAT(out, HasSubstr("2 essays: 2 stored, 0 already stored, 0 failed"));
  EXPECT_THAT(out, HasSubstr("Identical texts"));
  EXPECT_THAT(out, HasSubstr("ben, cat"));
  std::string listed = server_.Ok(tutor_, {"list", "--assignment", "hist101"});
  EXPECT_THAT(listed, HasSubstr("(identical text: cat)"));
  EXPECT_THAT(listed, HasSubstr("(identical text: ben)"));
  for (const char* id : {"ben", "cat"}) {
    std::string own = server_.Ok(students_[id], {"list", "--format", "json"});
    EXPECT_EQ(JsonStrings(own, "id").size(), 1u) << id << ": " << own;
  }
}

TEST_F(ReviewScenarioTest, ExportListsEveryStudentWithTheirGrade) {
  std::string amy = SubmitAs("amy");
  server_.Ok(tutor_,
             {"grade", "set", amy, "--final", "21.5", "--reason", "moderated"});
  // Unreleased grades are exported only when asked for.
  std::string held = server_.Ok(
      tutor_, {"export", "--assignment", "hist101", "--format", "moodle"});
  EXPECT_THAT(held, HasSubstr("amy,,User amy,\r\n"));
  EXPECT_THAT(
      server_.Ok(tutor_, {"export", "--assignment", "hist101", "--format",
                          "moodle", "--include-unreleased"}),
      HasSubstr("amy,,User amy,21.50\r\n"));
  server_.Ok(tutor_, {"grade", "release", "--submission", amy});
  std::string csv = server_.Ok(
      tutor_, {"export", "--assignment", "hist101", "--format", "moodle"});
  EXPECT_THAT(
      csv, HasSubstr("Username,Email address,Full name,The Soviet model\r\n"));
  EXPECT_THAT(csv, HasSubstr("amy,,User amy,21.50\r\n"));
  EXPECT_THAT(csv, HasSubstr("ben,,User ben,\r\n"));
  ProcessResult denied = Cli(server_.address(), students_["amy"],
                             {"export", "--assignment", "hist101"});
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_THAT(denied.err, HasSubstr("PERMISSION_DENIED"));
}

TEST_F(ReviewScenarioTest, AdministratorsReadTheWholeAuditLogFromTheCli) {
  std::string log = server_.Ok(admin(), {"audit"});
  // From the first start on: the administrator, then everything set up.
  EXPECT_THAT(log, HasSubstr("marginalia user_create: - -> admin "
                             "(administrator) (reason: first start)"));
  EXPECT_THAT(log, HasSubstr("admin course_create"));
  EXPECT_THAT(log, HasSubstr("admin enrolment: - -> amy in hist as student"));
  // A tutor reads the log of what they grade, not the whole of it.
  ProcessResult refused = Cli(server_.address(), tutor_, {"audit"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("PERMISSION_DENIED"));
}

}  // namespace
}  // namespace marginalia
