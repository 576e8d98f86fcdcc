#include "rubrics/document/sentence_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rubrics/document/segmenter.h"

namespace marginalia::rubrics {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Sentences(const std::string& text) {
  absl::StatusOr<Document> doc = Segment(text);
  std::vector<std::string> out;
  for (const Sentence& s : doc->sentences()) {
    out.emplace_back(doc->Slice(s.span));
  }
  return out;
}

TEST(SentenceSplitterTest, SplitsOnTerminalPunctuation) {
  EXPECT_THAT(Sentences("It rained. Was it cold? Yes! It was."),
              ElementsAre("It rained.", "Was it cold?", "Yes!", "It was."));
}

TEST(SentenceSplitterTest, FootnoteMarkersStayWithTheirSentence) {
  EXPECT_THAT(
      Sentences("The harvest failed.¹² Prices doubled.[3] Crowds gathered."
                "[^4] Officials fled. The king [sic] stayed."),
      ElementsAre("The harvest failed.¹²", "Prices doubled.[3]",
                  "Crowds gathered.[^4]", "Officials fled.",
                  "The king [sic] stayed."));
}

TEST(SentenceSplitterTest, PageAbbreviationDoesNotSplit) {
  EXPECT_THAT(Sentences("See p. 4 of the report. Then stop."),
              ElementsAre("See p. 4 of the report.", "Then stop."));
}

TEST(SentenceSplitterTest, EtAlDoesNotSplit) {
  EXPECT_THAT(
      Sentences("Smith et al. Found this first (Smith et al. 2019). Next."),
      ElementsAre("Smith et al. Found this first (Smith et al. 2019).",
                  "Next."));
}

TEST(SentenceSplitterTest, LatinAbbreviationsDoNotSplit) {
  EXPECT_THAT(
      Sentences("Some states, e.g. Prussia, i.e. Germany, grew. Ok."),
      ElementsAre("Some states, e.g. Prussia, i.e. Germany, grew.", "Ok."));
}

TEST(SentenceSplitterTest, InitialsDoNotSplit) {
  EXPECT_THAT(Sentences("J. M. Swales wrote it. Dr. Ädel agreed."),
              ElementsAre("J. M. Swales wrote it.", "Dr. Ädel agreed."));
}

TEST(SentenceSplitterTest, DecimalsDoNotSplit) {
  EXPECT_THAT(Sentences("Output rose 3.5 per cent. It fell in 1958."),
              ElementsAre("Output rose 3.5 per cent.", "It fell in 1958."));
}

TEST(SentenceSplitterTest, FullStopsInsideCitationsDoNotSplit) {
  EXPECT_THAT(
      Sentences("It grew (Bianco and Horko., 2018., p.169). Then it fell."),
      ElementsAre("It grew (Bianco and Horko., 2018., p.169).",
                  "Then it fell."));
}

TEST(SentenceSplitterTest, ClosingQuoteStaysWithItsSentence) {
  EXPECT_THAT(
      Sentences("He said \u201cnever again.\u201d Nobody listened."),
      ElementsAre("He said \u201cnever again.\u201d", "Nobody listened."));
}

TEST(SentenceSplitterTest, BracketedSentenceEndsAtTheBracket) {
  EXPECT_THAT(
      Sentences("It failed. (Nobody was surprised.) Then it rose."),
      ElementsAre("It failed.", "(Nobody was surprised.)", "Then it rose."));
}

TEST(SentenceSplitterTest, LowerCaseAfterStopDoesNotSplit) {
  EXPECT_THAT(Sentences("It was mobilised\u2026 as their mind. End."),
              ElementsAre("It was mobilised\u2026 as their mind.", "End."));
}

TEST(SentenceSplitterTest, RecognisesAbbreviations) {
  EXPECT_TRUE(IsNonTerminalAbbreviation("p"));
  EXPECT_TRUE(IsNonTerminalAbbreviation("al"));
  EXPECT_TRUE(IsNonTerminalAbbreviation("e.g"));
  EXPECT_TRUE(IsNonTerminalAbbreviation("Dr"));
  EXPECT_TRUE(IsNonTerminalAbbreviation("J"));
  EXPECT_FALSE(IsNonTerminalAbbreviation("rain"));
  EXPECT_FALSE(IsNonTerminalAbbreviation("etc"));
  EXPECT_FALSE(IsNonTerminalAbbreviation(""));
}

}  // namespace
}  // namespace marginalia::rubrics
