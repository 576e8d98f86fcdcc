#include "client/batch/batch_inputs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "tests/testing/temp_dir.h"

namespace marginalia::client {
namespace {

std::vector<std::string> Describe(const std::vector<BatchInput>& inputs,
                                  const std::string& root) {
  std::vector<std::string> out;
  for (const BatchInput& input : inputs) {
    std::string path = input.path.substr(0, root.size()) == root
                           ? input.path.substr(root.size() + 1)
                           : input.path;
    out.push_back(input.problem.empty() ? path : path + ": " + input.problem);
  }
  return out;
}

TEST(BatchInputsTest, FoldersGlobsAndFiles) {
  testing::TempDir dir;
  mkdir(dir.File("cohort").c_str(), 0755);
  mkdir(dir.File("cohort/late").c_str(), 0755);
  mkdir(dir.File("cohort/.git").c_str(), 0755);
  for (const char* name :
       {"cohort/b.txt", "cohort/a.md", "cohort/c.DOCX", "cohort/notes.pdf",
        "cohort/.hidden.txt", "cohort/late/d.txt", "cohort/.git/e.txt",
        "other.txt", "other.csv"}) {
    testing::WriteFile(dir.File(name), "x");
  }
  std::vector<BatchInput> inputs = ExpandBatchInputs(
      {dir.File("cohort"), dir.File("cohort/b.txt"), dir.File("o*"),
       dir.File("other.csv"), dir.File("missing.txt"), dir.File("none*.md")});
  EXPECT_THAT(
      Describe(inputs, dir.path()),
      ::testing::ElementsAre(
          "cohort/a.md", "cohort/b.txt", "cohort/c.DOCX", "cohort/late/d.txt",
          "other.txt",
          "other.csv: unsupported file type (expected .txt, .md or .docx)",
          "missing.txt: no such file or folder", "none*.md: no file matches"));
}

}  // namespace
}  // namespace marginalia::client
