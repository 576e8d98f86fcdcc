#include "client/batch/essay_identity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::client {
namespace {

using ::testing::HasSubstr;

TEST(BatchRequestIdTest, DependsOnAssignmentAuthorAndTextOnly) {
  std::string id = BatchRequestId("hist101", "ada", "An essay.");
  EXPECT_EQ(id.size(), 40u);
  EXPECT_EQ(id, BatchRequestId("hist101", "ada", "An essay."));
  EXPECT_NE(id, BatchRequestId("hist102", "ada", "An essay."));
  EXPECT_NE(id, BatchRequestId("hist101", "ada", "An essay!"));
  // Identical texts by two students are two requests.
  EXPECT_NE(id, BatchRequestId("hist101", "bo", "An essay."));
  // No ambiguity where the fields meet.
  EXPECT_NE(BatchRequestId("a", "b\nc", "t"), BatchRequestId("a\nb", "c", "t"));
}

TEST(AuthorNamerTest, DefaultIsTheFileStem) {
  absl::StatusOr<AuthorNamer> namer = AuthorNamer::Create("");
  ASSERT_TRUE(namer.ok());
  EXPECT_EQ(*namer->AuthorOf("cohort/ada_lovelace.docx"), "ada_lovelace");
  EXPECT_EQ(*namer->AuthorOf("bo.essay.md"), "bo.essay");
}

TEST(AuthorNamerTest, PatternCapturesTheAuthor) {
  absl::StatusOr<AuthorNamer> namer = AuthorNamer::Create("^([a-z]+)-week");
  ASSERT_TRUE(namer.ok());
  EXPECT_EQ(*namer->AuthorOf("x/ada-week3.txt"), "ada");
  absl::StatusOr<std::string> missing = namer->AuthorOf("week3-ada.txt");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(missing.status().message(), HasSubstr("week3-ada.txt"));
}

TEST(AuthorNamerTest, BadPatternsAreRefusedClearly) {
  EXPECT_THAT(AuthorNamer::Create("(unclosed").status().message(),
              HasSubstr("not a valid RE2 regex"));
  EXPECT_THAT(AuthorNamer::Create("no-group").status().message(),
              HasSubstr("exactly one capture group"));
  EXPECT_THAT(AuthorNamer::Create("(a)(b)").status().message(),
              HasSubstr("it has 2"));
}

}  // namespace
}  // namespace marginalia::client
