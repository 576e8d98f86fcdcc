#include "client/batch/identical_texts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::ElementsAre;

v1::Submission Make(const std::string& id, const std::string& author,
                    const std::string& sha) {
  v1::Submission s;
  s.set_id(id);
  s.set_author(author);
  s.set_content_sha256(sha);
  return s;
}

TEST(IdenticalTextsTest, GroupsTextsSharedByDifferentAuthors) {
  std::vector<v1::Submission> all = {
      Make("s1", "ada", "aaa"), Make("s2", "bo", "bbb"),
      Make("s3", "cy", "aaa"),  Make("s4", "bo", "ccc"),
      Make("s5", "bo", "ccc"),  // one author's two drafts: not flagged
      Make("s6", "di", "aaa")};
  std::vector<IdenticalText> groups = FindIdenticalTexts(all);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].content_sha256, "aaa");
  EXPECT_THAT(groups[0].authors, ElementsAre("ada", "cy", "di"));
  EXPECT_THAT(groups[0].indices, ElementsAre(0u, 2u, 5u));
}

TEST(IdenticalTextsTest, OthersWithTheSameTextNamesTheOtherAuthors) {
  std::vector<v1::Submission> all = {Make("s1", "ada", "aaa"),
                                     Make("s2", "bo", "aaa"),
                                     Make("s3", "cy", "ccc")};
  std::vector<std::vector<std::string>> others = OthersWithSameText(all);
  ASSERT_EQ(others.size(), 3u);
  EXPECT_THAT(others[0], ElementsAre("bo"));
  EXPECT_THAT(others[1], ElementsAre("ada"));
  EXPECT_TRUE(others[2].empty());
}

TEST(IdenticalTextsTest, EmptyHashesAreNeverIdentical) {
  EXPECT_TRUE(FindIdenticalTexts({Make("s1", "ada", ""), Make("s2", "bo", "")})
                  .empty());
}

}  // namespace
}  // namespace marginalia::client
