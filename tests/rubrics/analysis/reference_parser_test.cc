#include "rubrics/analysis/citations/reference_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::ElementsAre;

TEST(ReferenceParserTest, Headings) {
  EXPECT_TRUE(IsReferenceHeading("References"));
  EXPECT_TRUE(IsReferenceHeading("**Works Cited:**"));
  EXPECT_TRUE(IsReferenceHeading("BIBLIOGRAPHY"));
  EXPECT_FALSE(IsReferenceHeading("Ideological Clashes"));
}

TEST(ReferenceParserTest, ApaEntry) {
  ParsedReference r = ParseReferenceEntry(
      "Bianco, L., & Horko, S. (2018). Stalin and Mao: A comparison of the "
      "Russian and Chinese revolutions. Chinese University Press.");
  EXPECT_THAT(r.authors, ElementsAre("Bianco", "Horko"));
  EXPECT_EQ(r.year, "2018");
  EXPECT_EQ(r.title,
            "Stalin and Mao: A comparison of the Russian and Chinese "
            "revolutions");
  EXPECT_EQ(r.style, v1::CITATION_STYLE_APA);
}

TEST(ReferenceParserTest, MlaEntryWithAYearInTheTitle) {
  ParsedReference r = ParseReferenceEntry(
      "Kraus, Richard. Class Conflict in Chinese Socialism, 1949-1979. "
      "Columbia UP, 1982.");
  EXPECT_THAT(r.authors, ElementsAre("Kraus"));
  EXPECT_EQ(r.year, "1982");
  EXPECT_EQ(r.title, "Class Conflict in Chinese Socialism, 1949-1979");
}

TEST(ReferenceParserTest, ChicagoEntryWithTwoAuthors) {
  ParsedReference r = ParseReferenceEntry(
      "Meisner, Maurice, and John Smith. Mao's China. New York: Free Press, "
      "1986.");
  EXPECT_THAT(r.authors, ElementsAre("Meisner", "Smith"));
  EXPECT_EQ(r.year, "1986");
  EXPECT_EQ(r.style, v1::CITATION_STYLE_CHICAGO);
}

TEST(ReferenceParserTest, HarvardEntry) {
  ParsedReference r = ParseReferenceEntry(
      "Gillin, D. G. 1963. Peasant nationalism in the history of Chinese "
      "communism. Journal of Asian Studies.");
  EXPECT_THAT(r.authors, ElementsAre("Gillin"));
  EXPECT_EQ(r.year, "1963");
  EXPECT_EQ(r.style, v1::CITATION_STYLE_HARVARD);
}

TEST(ReferenceParserTest, NumberedAndCorporateEntries) {
  ParsedReference numbered = ParseReferenceEntry(
      "[3] M. Meisner, \"Mao's China and After,\" Free Press, 1986.");
  EXPECT_EQ(numbered.number, 3);
  EXPECT_EQ(numbered.year, "1986");
  ParsedReference corporate = ParseReferenceEntry(
      "World Health Organization. (2020). Global report on health. WHO.");
  EXPECT_THAT(corporate.authors, ElementsAre("World Health Organization"));
  EXPECT_EQ(corporate.year, "2020");
}

TEST(ReferenceParserTest, RecognisesEntries) {
  EXPECT_TRUE(LooksLikeReferenceEntry(
      "Meisner, M. (1986). Mao's China and after. Free Press."));
  EXPECT_TRUE(LooksLikeReferenceEntry("[2] Smith, J. Title. Press, 2001."));
  EXPECT_FALSE(LooksLikeReferenceEntry(
      "The plan of 1953 was modelled on the Soviet one, as we saw."));
  EXPECT_FALSE(LooksLikeReferenceEntry("Short 1999."));
}

}  // namespace
}  // namespace marginalia::rubrics
