#include "rubrics/document/block_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace marginalia::rubrics {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

std::vector<std::pair<BlockKind, std::string>> Blocks(const std::string& text) {
  BlockLayout layout = SplitBlocks(text);
  std::vector<std::pair<BlockKind, std::string>> out;
  for (const Block& block : layout.blocks) {
    out.emplace_back(block.kind,
                     text.substr(block.span.begin, block.span.size()));
  }
  return out;
}

const std::string kLong =
    "This sentence is long enough that no editor would have wrapped the line "
    "here, which is how essays pasted from a word processor look.";

TEST(BlockSplitterTest, BlankLinesSeparateParagraphs) {
  EXPECT_THAT(Blocks("Title Here\n\nFirst para.\n\n\nSecond para.\n"),
              ElementsAre(Pair(BlockKind::kTitle, "Title Here"),
                          Pair(BlockKind::kProse, "First para."),
                          Pair(BlockKind::kProse, "Second para.")));
}

TEST(BlockSplitterTest, OneParagraphPerLine) {
  EXPECT_THAT(Blocks("Should we compete?\n" + kLong + "\n" + kLong + "\n"),
              ElementsAre(Pair(BlockKind::kTitle, "Should we compete?"),
                          Pair(BlockKind::kProse, kLong),
                          Pair(BlockKind::kProse, kLong)));
}

TEST(BlockSplitterTest, HardWrappedLinesJoin) {
  std::string wrapped =
      "The plan was modelled on the Soviet one and\n"
      "drew on its advisers, its textbooks and its\n"
      "methods of central planning.";
  auto blocks = Blocks("Intro line that is prose.\n\n" + wrapped + "\n");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[1].second, wrapped);
}

TEST(BlockSplitterTest, HeadingOnTheLineAboveItsParagraph) {
  EXPECT_THAT(Blocks("Essay Title\n\nBackground\n" + kLong + "\n"),
              ElementsAre(Pair(BlockKind::kTitle, "Essay Title"),
                          Pair(BlockKind::kHeading, "Background"),
                          Pair(BlockKind::kProse, kLong)));
}

TEST(BlockSplitterTest, AWrappedParagraphWithSomeLongLinesKeepsItsFirstLine) {
  // Wrapped at 78 columns but for two lines an editor left long: the first
  // line is as long as most, so it is not a heading above the rest.
  std::string paragraph =
      "Some of the most innovative and influential historiographic changes "
      "in the\n"
      "twentieth-century came from a group of French historians known as "
      "the Annales\n" +
      kLong + " " + kLong +
      "\n"
      "School. The methods they introduced challenged the traditional focus "
      "on the\n"
      "powerful, and turned to the long lives of ordinary people and of "
      "their land.\n"
      "Their journal gave the school its name and carried its methods to "
      "new readers.";
  EXPECT_THAT(Blocks("The Annales School\n\n" + paragraph + "\n"),
              ElementsAre(Pair(BlockKind::kTitle, "The Annales School"),
                          Pair(BlockKind::kProse, paragraph)));
}

TEST(BlockSplitterTest, MarkdownHeadingsListsAndQuotes) {
  EXPECT_THAT(
      Blocks("# The Title\n\n## Context ##\n\nText here.\n\n- one\n- two\n\n"
             "> quoted words\n"),
      ElementsAre(Pair(BlockKind::kTitle, "The Title"),
                  Pair(BlockKind::kHeading, "Context"),
                  Pair(BlockKind::kProse, "Text here."),
                  Pair(BlockKind::kListItem, "one"),
                  Pair(BlockKind::kListItem, "two"),
                  Pair(BlockKind::kProse, "quoted words")));
  EXPECT_TRUE(SplitBlocks("> quoted words\n").blocks[0].block_quote);
}

TEST(BlockSplitterTest, FrontMatterTitle) {
  std::string text =
      "---\nlayout: default\ntitle: \"Why Historiography?\"\n---\n\nBody.\n";
  BlockLayout layout = SplitBlocks(text);
  ASSERT_EQ(layout.title, 0);
  EXPECT_EQ(
      text.substr(layout.blocks[0].span.begin, layout.blocks[0].span.size()),
      "Why Historiography?");
  EXPECT_EQ(layout.front_matter.begin, 0u);
  EXPECT_EQ(layout.blocks.size(), 2u);
}

TEST(BlockSplitterTest, SentencesAreNotHeadings) {
  EXPECT_THAT(Blocks("First paragraph is here.\n\nShort line.\n\nThen more."),
              ElementsAre(Pair(BlockKind::kProse, "First paragraph is here."),
                          Pair(BlockKind::kProse, "Short line."),
                          Pair(BlockKind::kProse, "Then more.")));
}

TEST(BlockSplitterTest, LineIntroducingAListIsNotAHeading) {
  auto blocks = Blocks("A start.\n\nThe reasons were these:\n\n- one\n");
  EXPECT_EQ(blocks[1].first, BlockKind::kProse);
}

TEST(BlockSplitterTest, LooksLikeHeading) {
  EXPECT_TRUE(LooksLikeHeading("Ideological Clashes", 20, false));
  EXPECT_TRUE(LooksLikeHeading("2. Methods", 20, false));
  EXPECT_FALSE(LooksLikeHeading("ideological clashes", 20, false));
  EXPECT_FALSE(LooksLikeHeading("It ended.", 20, false));
  EXPECT_FALSE(LooksLikeHeading("Why did it end?", 20, false));
  EXPECT_TRUE(LooksLikeHeading("Why did it end?", 20, true));
}

TEST(BlockSplitterTest, AnyBytesHaveALayout) {
  std::string junk("\xff\xfe\n\n\x80 (\n#\n\n- \n>>>\n---\n");
  BlockLayout layout = SplitBlocks(junk);
  for (const Block& block : layout.blocks) {
    EXPECT_LE(block.span.end, junk.size());
    EXPECT_LE(block.span.begin, block.span.end);
  }
}

}  // namespace
}  // namespace marginalia::rubrics

namespace marginalia::rubrics {
namespace {

TEST(BlockSplitterTest, CountsBlankLinesBeforeEachBlock) {
  BlockLayout layout = SplitBlocks("One.\n\nTwo.\n\n\n\nThree.\n## Four\n");
  ASSERT_EQ(layout.blocks.size(), 4u);
  EXPECT_EQ(layout.blocks[0].blank_lines_before, 0u);
  EXPECT_EQ(layout.blocks[1].blank_lines_before, 1u);
  EXPECT_EQ(layout.blocks[2].blank_lines_before, 3u);
  EXPECT_EQ(layout.blocks[3].blank_lines_before, 0u);
}

}  // namespace
}  // namespace marginalia::rubrics
