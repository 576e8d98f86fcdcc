#include "rubrics/document/normalize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::rubrics {
namespace {

using ::testing::HasSubstr;

TEST(NormalizeTest, UnifiesLineEnds) {
  EXPECT_EQ(*NormalizeEssayText("a\r\nb\rc\n"), "a\nb\nc\n");
}

TEST(NormalizeTest, RemovesByteOrderMark) {
  EXPECT_EQ(*NormalizeEssayText("\xEF\xBB\xBFTitle"), "Title");
}

// Found by normalize_fuzzer: with one of two marks removed, normalising
// the result removed the other, so normalised text was not its own normal
// form (and two marks alone were accepted as an essay).
TEST(NormalizeTest, RemovesEveryLeadingByteOrderMark) {
  EXPECT_EQ(*NormalizeEssayText("\xEF\xBB\xBF\xEF\xBB\xBFTitle"), "Title");
  EXPECT_EQ(NormalizeEssayText("\xEF\xBB\xBF\xEF\xBB\xBF").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(NormalizeTest, AppliesNfc) {
  // "e" + COMBINING ACUTE ACCENT becomes the precomposed "é".
  EXPECT_EQ(*NormalizeEssayText("caf\x65\xCC\x81"), "caf\xC3\xA9");
}

TEST(NormalizeTest, RejectsEmptyText) {
  absl::StatusOr<std::string> result = NormalizeEssayText("");
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("empty"));
}

TEST(NormalizeTest, RejectsWhiteSpaceOnly) {
  absl::StatusOr<std::string> result = NormalizeEssayText(" \n\t\xC2\xA0\n");
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("white space"));
}

TEST(NormalizeTest, RejectsInvalidUtf8WithItsOffset) {
  absl::StatusOr<std::string> result = NormalizeEssayText("ok \xC3\x28 bad");
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("not valid UTF-8"));
  EXPECT_THAT(result.status().message(), HasSubstr("byte offset 3"));
}

TEST(NormalizeTest, RejectsOverlongAndSurrogateEncodings) {
  EXPECT_FALSE(NormalizeEssayText("\xC0\xAF").ok());
  EXPECT_FALSE(NormalizeEssayText("\xED\xA0\x80").ok());
}

TEST(Sha256Test, MatchesKnownVector) {
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace marginalia::rubrics
