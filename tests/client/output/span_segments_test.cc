#include "client/output/span_segments.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::client {
namespace {

using ::testing::ElementsAre;

std::vector<std::pair<std::string, std::vector<int>>> Pieces(
    absl::string_view text, const std::vector<MarkRange>& marks) {
  std::vector<std::pair<std::string, std::vector<int>>> pieces;
  for (const Segment& s : SplitIntoSegments(text, 0, text.size(), marks)) {
    pieces.emplace_back(std::string(text.substr(s.begin, s.end - s.begin)),
                        s.marks);
  }
  return pieces;
}

using Piece = std::pair<std::string, std::vector<int>>;

TEST(SpanSegmentsTest, OverlappingMarksSplitIntoThreeRuns) {
  EXPECT_THAT(Pieces("abcdefgh", {{1, 5, 0}, {3, 7, 1}}),
              ElementsAre(Piece{"a", {}}, Piece{"bc", {0}}, Piece{"de", {0, 1}},
                          Piece{"fg", {1}}, Piece{"h", {}}));
}

TEST(SpanSegmentsTest, NestedAndIdenticalMarks) {
  EXPECT_THAT(
      Pieces("abcdef", {{0, 6, 2}, {2, 4, 1}, {2, 4, 0}}),
      ElementsAre(Piece{"ab", {2}}, Piece{"cd", {0, 1, 2}}, Piece{"ef", {2}}));
}

TEST(SpanSegmentsTest, OffsetsSnapOutwardsToCharacterBoundaries) {
  // "é" is two bytes (1 and 2); a mark from inside it widens to include it.
  std::string text = "a\xC3\xA9z";
  EXPECT_THAT(
      Pieces(text, {{2, 3, 0}}),
      ElementsAre(Piece{"a", {}}, Piece{"\xC3\xA9", {0}}, Piece{"z", {}}));
}

TEST(SpanSegmentsTest, EmptyAndOutOfRangeMarksAreIgnoredOrClamped) {
  EXPECT_THAT(Pieces("abc", {{2, 2, 0}, {10, 20, 1}, {1, 99, 2}}),
              ElementsAre(Piece{"a", {}}, Piece{"bc", {2}}));
}

TEST(SpanSegmentsTest, RangeLimitsTheSegments) {
  std::vector<Segment> segments =
      SplitIntoSegments("abcdef", 2, 4, {{0, 3, 0}});
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].begin, 2u);
  EXPECT_EQ(segments[0].end, 3u);
  EXPECT_THAT(segments[0].marks, ElementsAre(0));
  EXPECT_TRUE(segments[1].marks.empty());
}

}  // namespace
}  // namespace marginalia::client
