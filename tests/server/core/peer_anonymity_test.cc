#include "server/core/peer_anonymity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(PeerAnonymityTest, BlanksIdentityFieldsAndKeepsOffsets) {
  std::string text =
      "---\n"
      "title: The Soviet model\n"
      "Author: Ada Lovelace\n"
      "authors:\n"
      "  - Bo Diddley\n"
      "  - Cy Young\n"
      "student_id: 12345\n"
      "email: ada@example.edu\n"
      "course: hist\n"
      "---\n"
      "Ada Lovelace wrote this body.\n";
  std::string blanked = BlankFrontMatterIdentity(text);
  ASSERT_EQ(blanked.size(), text.size());
  EXPECT_THAT(blanked, Not(HasSubstr("Lovelace\n")));
  EXPECT_THAT(blanked, Not(HasSubstr("Bo Diddley")));
  EXPECT_THAT(blanked, Not(HasSubstr("Cy Young")));
  EXPECT_THAT(blanked, Not(HasSubstr("12345")));
  EXPECT_THAT(blanked, Not(HasSubstr("example.edu")));
  EXPECT_THAT(blanked, HasSubstr("title: The Soviet model\n"));
  EXPECT_THAT(blanked, HasSubstr("Author:             \n"));
  EXPECT_THAT(blanked, HasSubstr("course: hist\n"));
  // The body is the author's own business, and is kept byte for byte.
  EXPECT_EQ(blanked.substr(blanked.find("---\nAda")),
            text.substr(text.find("---\nAda")));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_EQ(blanked[i], '\n') << i;
    }
  }
}

TEST(PeerAnonymityTest, TextWithoutFrontMatterIsUnchanged) {
  std::string text = "author: not front matter\nBody.\n";
  EXPECT_EQ(BlankFrontMatterIdentity(text), text);
  std::string unterminated = "---\nauthor: Ada\n";
  EXPECT_EQ(BlankFrontMatterIdentity(unterminated), "---\nauthor:    \n");
}

}  // namespace
}  // namespace marginalia::server
