// `marginalia batch` end to end: the real server and CLI, a folder of
// .txt, .md and .docx essays with broken files among them, interrupted and
// repeated runs.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <regex>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tests/e2e/cli_harness.h"
#include "tests/testing/test_data.h"

namespace marginalia {
namespace {

using ::testing::HasSubstr;
using testing::ProcessResult;

// Small enough that a test file can exceed it cheaply.
const std::vector<std::string> kServerFlags = {"--max-essay-bytes", "100000"};

std::string Corpus(const std::string& name) {
  return testing::SharedPath(
      absl::StrCat("corpora/metahistory_essays/essays/introduction/", name));
}

void Copy(const std::string& from, const std::string& to) {
  absl::StatusOr<std::string> data = testing::ReadFile(from);
  ASSERT_TRUE(data.ok()) << data.status();
  testing::WriteFile(to, *data);
}

// Four good essays (.txt, two .md, .docx) and four broken files, each
// author (the file name) enrolled, plus the author of a file renamed later.
std::string MakeCohort(testing::CliHarness& cli) {
  cli.EnrolStudents({"ada_lovelace", "ada_renamed", "cy_young", "di_ward",
                     "bo_diddley", "broken", "empty", "latin1", "huge"});
  std::string folder = cli.dir().File("cohort");
  mkdir(folder.c_str(), 0755);
  Copy(testing::TestDataPath("soviet-model-essay.txt"),
       folder + "/ada_lovelace.txt");
  Copy(Corpus("about.md"), folder + "/cy_young.md");
  Copy(Corpus("why-historiography.md"), folder + "/di_ward.md");
  Copy(testing::TestDataPath("printing-press.docx"),
       folder + "/bo_diddley.docx");
  testing::WriteFile(folder + "/broken.docx", "not a zip at all");
  testing::WriteFile(folder + "/empty.txt", " \n\n ");
  testing::WriteFile(folder + "/latin1.txt", "Caf\xE9 society.\n");
  testing::WriteFile(folder + "/huge.txt", std::string(150000, 'a'));
  return folder;
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

TEST(BatchEndToEndTest, ScoresAFolderListsBrokenFilesAndStoresNothingTwice) {
  testing::CliHarness cli(kServerFlags);
  std::string folder = MakeCohort(cli);
  std::string csv = cli.dir().File("results.csv");
  ProcessResult first = cli.Cli(cli.BatchArguments({folder}, {"--out", csv}));
  EXPECT_EQ(first.exit_code, 1) << "some failed: " << first.out << first.err;
  EXPECT_THAT(first.out,
              HasSubstr("8 essays: 4 stored, 0 already stored, 4 failed\n"));
  EXPECT_THAT(first.out, HasSubstr("broken.docx: not a readable .docx"));
  EXPECT_THAT(first.out, HasSubstr("empty.txt: INVALID_ARGUMENT: text is "
                                   "empty"));
  EXPECT_THAT(first.out, HasSubstr("latin1.txt: INVALID_ARGUMENT: text is not "
                                   "valid UTF-8"));
  EXPECT_THAT(first.out, HasSubstr("huge.txt: INVALID_ARGUMENT: text is 150000 "
                                   "bytes, over the limit of 100000"));
  EXPECT_THAT(first.err, HasSubstr("batch: 8/8 done (100%)"));
  EXPECT_EQ(cli.CountSubmissions(), 4);

  // Every good essay has a report; the .docx was read as Word text.
  absl::StatusOr<std::string> rows = testing::ReadFile(csv);
  ASSERT_TRUE(rows.ok());
  std::smatch docx;
  ASSERT_TRUE(std::regex_search(*rows, docx,
                                std::regex("bo_diddley,[^,]*,(sub_[0-9a-f]+),"
                                           "stored,")))
      << *rows;
  ProcessResult feedback = cli.Cli({"feedback", docx[1], "--format", "json"});
  EXPECT_THAT(
      feedback.out,
      HasSubstr("\"title\": \"The Printing Press and the Reformation\""));

  // Again, with a file moved to another folder (same author, same text):
  // nothing new, and it finishes.
  mkdir((folder + "/moved").c_str(), 0755);
  ASSERT_EQ(rename((folder + "/ada_lovelace.txt").c_str(),
                   (folder + "/moved/ada_lovelace.txt").c_str()),
            0);
  ProcessResult second = cli.Cli(cli.BatchArguments({folder}));
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_THAT(second.out,
              HasSubstr("8 essays: 0 stored, 4 already stored, 4 failed\n"));
  EXPECT_EQ(cli.CountSubmissions(), 4);
}

// Identical essays from two students are two submissions, one each, and
// both the summary and the tutor's list say that the texts are identical.
TEST(BatchEndToEndTest, IdenticalTextsOfTwoStudentsAreEachStoredAndFlagged) {
  testing::CliHarness cli(kServerFlags);
  cli.EnrolStudents({"ada_lovelace", "bo_diddley"});
  std::string folder = cli.dir().File("twins");
  mkdir(folder.c_str(), 0755);
  Copy(testing::TestDataPath("soviet-model-essay.txt"),
       folder + "/ada_lovelace.txt");
  Copy(testing::TestDataPath("soviet-model-essay.txt"),
       folder + "/bo_diddley.txt");
  ProcessResult first = cli.Cli(cli.BatchArguments({folder}));
  EXPECT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_THAT(first.out,
              HasSubstr("2 essays: 2 stored, 0 already stored, 0 failed\n"));
  EXPECT_THAT(first.out, HasSubstr("Identical texts"));
  EXPECT_THAT(first.out, HasSubstr("ada_lovelace, bo_diddley"));
  EXPECT_EQ(cli.CountSubmissions(), 2);
  ProcessResult list = cli.Cli({"list", "--assignment", "hist101"});
  EXPECT_THAT(list.out, HasSubstr("(identical text: bo_diddley)"));
  EXPECT_THAT(list.out, HasSubstr("(identical text: ada_lovelace)"));

  ProcessResult again = cli.Cli(cli.BatchArguments({folder}));
  EXPECT_THAT(again.out,
              HasSubstr("2 essays: 0 stored, 2 already stored, 0 failed\n"));
  EXPECT_EQ(cli.CountSubmissions(), 2);
}

TEST(BatchEndToEndTest, CsvAndJsonHoldARowPerEssay) {
  testing::CliHarness cli(kServerFlags);
  std::string folder = MakeCohort(cli);
  std::string csv = cli.dir().File("r.csv");
  std::string json = cli.dir().File("r.json");
  ASSERT_EQ(cli.Cli(cli.BatchArguments({folder}, {"--out", csv})).exit_code, 1);
  ASSERT_EQ(cli.Cli(cli.BatchArguments({folder}, {"--out", json})).exit_code,
            1);
  std::vector<std::string> rows = Lines(*testing::ReadFile(csv));
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_THAT(rows[0],
              ::testing::StartsWith(
                  "author,file,submission_id,status,total,max_score,"));
  EXPECT_THAT(rows[0], ::testing::EndsWith(",findings,reason"));
  std::string all_rows = absl::StrJoin(rows, "\n");
  for (const char* author :
       {"ada_lovelace", "bo_diddley", "cy_young", "di_ward"}) {
    EXPECT_TRUE(std::regex_search(
        all_rows, std::regex(absl::StrCat("\n", author,
                                          ",[^,]+,sub_[0-9a-f]+,"
                                          "stored,"))))
        << author << "\n"
        << all_rows;
  }
  EXPECT_THAT(all_rows, HasSubstr("\nbroken,"));
  EXPECT_THAT(all_rows, HasSubstr(",failed,"));

  std::string objects = *testing::ReadFile(json);
  int count = 0;
  for (std::size_t at = objects.find("{\"author\""); at != std::string::npos;
       at = objects.find("{\"author\"", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 8);
  EXPECT_THAT(objects, HasSubstr("\"author\": \"bo_diddley\""));
  EXPECT_THAT(objects, HasSubstr("\"status\": \"already_stored\""));
  EXPECT_THAT(objects, HasSubstr("\"criteria\": {"));
  EXPECT_THAT(objects, HasSubstr("\"findings\": ["));
  EXPECT_THAT(objects, HasSubstr("\"reason\": \"not a readable .docx"));
}

TEST(BatchEndToEndTest, RubricOptionRefusesAnAssignmentScoredWithAnother) {
  testing::CliHarness cli(kServerFlags);
  std::string folder = MakeCohort(cli);
  ProcessResult wrong = cli.Cli(
      cli.BatchArguments({folder}, {"--rubric", "argumentative-essay"}));
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_THAT(wrong.err, HasSubstr("assignment 'hist101' is scored with "
                                   "rubric 'history-essay' v1, not "
                                   "'argumentative-essay'"));
  EXPECT_EQ(cli.CountSubmissions(), 0);
  ProcessResult right =
      cli.Cli(cli.BatchArguments({folder}, {"--rubric", "history-essay"}));
  EXPECT_THAT(right.out,
              HasSubstr("8 essays: 4 stored, 0 already stored, 4 failed\n"));
}

// A cohort of `count` distinct essays in which the essay at `fifo_index` is
// a named pipe: the CLI blocks opening it, so the test knows the batch is
// still running when it acts. Returns the text that belongs in the pipe.
std::string MakeBlockingCohort(testing::CliHarness& cli,
                               const std::string& folder, int count,
                               int fifo_index) {
  mkdir(folder.c_str(), 0755);
  std::string sample = testing::SampleEssay();
  std::vector<std::string> authors;
  for (int i = 0; i < count; ++i) {
    authors.push_back(absl::StrFormat("student%03d", i));
  }
  cli.EnrolStudents(authors);
  std::string blocked_text;
  for (int i = 0; i < count; ++i) {
    std::string path = absl::StrFormat("%s/%s.txt", folder, authors[i]);
    std::string text = absl::StrCat(sample, "\nVariant ", i, ".\n");
    if (i == fifo_index) {
      mkfifo(path.c_str(), 0644);
      blocked_text = text;
    } else {
      testing::WriteFile(path, text);
    }
  }
  return blocked_text;
}

// Reads the CLI's merged output until `count` essays were reported stored.
void AwaitStoredLines(testing::ChildProcess& child, int count) {
  int stored = 0;
  while (stored < count) {
    std::string line = child.ReadLine();
    ASSERT_FALSE(line.empty() && stored < count) << "CLI ended early";
    if (absl::StartsWith(line, "stored: ")) ++stored;
  }
}

TEST(BatchEndToEndTest, KilledMidBatchThenRerunStoresEveryEssayOnce) {
  testing::CliHarness cli;
  std::string folder = cli.dir().File("cohort");
  std::string blocked = MakeBlockingCohort(cli, folder, 200, 120);
  {
    auto child =
        cli.StartCli(cli.BatchArguments({folder}, {"-v", "--jobs", "8"}));
    AwaitStoredLines(*child, 60);
    child->Stop(SIGKILL);
  }
  int after_kill = cli.CountSubmissions();
  EXPECT_GE(after_kill, 60);
  EXPECT_LT(after_kill, 200);

  std::string fifo = folder + "/student120.txt";
  unlink(fifo.c_str());
  testing::WriteFile(fifo, blocked);
  ProcessResult rerun = cli.Cli(cli.BatchArguments({folder}));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.out << rerun.err;
  // The server may still have committed essays it had read when the client
  // died, so the rerun finds at least as many as were listed after the kill.
  std::smatch counts;
  ASSERT_TRUE(std::regex_search(
      rerun.out, counts,
      std::regex("200 essays: ([0-9]+) stored, ([0-9]+) already stored, "
                 "0 failed\n")))
      << rerun.out;
  int stored = std::stoi(counts[1]);
  int already = std::stoi(counts[2]);
  EXPECT_EQ(stored + already, 200);
  EXPECT_GE(already, after_kill);
  EXPECT_EQ(cli.CountSubmissions(), 200);
}

TEST(BatchEndToEndTest, CtrlCStopsSendingKeepsWhatWasStoredAndExits130) {
  testing::CliHarness cli;
  std::string folder = cli.dir().File("cohort");
  std::string blocked = MakeBlockingCohort(cli, folder, 40, 30);
  std::string fifo = folder + "/student030.txt";
  auto child = cli.StartCli(cli.BatchArguments({folder}, {"-v"}));
  AwaitStoredLines(*child, 30);
  kill(child->pid(), SIGINT);
  std::string line;
  do {
    line = child->ReadLine();
  } while (!line.empty() && !absl::StartsWith(line, "stopping: "));
  ASSERT_FALSE(line.empty()) << "no 'stopping:' line after Ctrl-C";
  // Unblock the reader; the CLI must not send this essay any more.
  testing::WriteFile(fifo, blocked);
  std::string rest = child->ReadRest();
  EXPECT_EQ(child->Stop(0), 130) << rest;
  EXPECT_THAT(rest, HasSubstr("40 essays: 30 stored, 0 already stored, 0 "
                              "failed, 10 not stored (stopped by Ctrl-C; run "
                              "again to finish)"));
  EXPECT_EQ(cli.CountSubmissions(), 30);
}

}  // namespace
}  // namespace marginalia
