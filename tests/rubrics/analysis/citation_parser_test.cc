#include "rubrics/analysis/citations/citation_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

ParsedCitation One(absl::string_view inner) {
  std::vector<ParsedCitation> all = ParseBracketCitations(inner);
  EXPECT_EQ(all.size(), 1u) << inner;
  return all.empty() ? ParsedCitation() : all[0];
}

TEST(CitationParserTest, Apa) {
  ParsedCitation c = One("Smith, 2019, p. 4");
  EXPECT_THAT(c.authors, ElementsAre("Smith"));
  EXPECT_EQ(c.year, "2019");
  EXPECT_EQ(c.locator, "p. 4");
  EXPECT_EQ(c.style, v1::CITATION_STYLE_APA);
  EXPECT_FALSE(c.irregular_page);
  EXPECT_TRUE(c.format_problem.empty());
}

TEST(CitationParserTest, Harvard) {
  ParsedCitation c = One("Smith 2019: 4");
  EXPECT_EQ(c.style, v1::CITATION_STYLE_HARVARD);
  EXPECT_EQ(c.locator, "4");
  ParsedCitation bare = One("Smith 2019");
  EXPECT_EQ(bare.style, v1::CITATION_STYLE_HARVARD);
  EXPECT_TRUE(bare.chicago_compatible);
}

TEST(CitationParserTest, Chicago) {
  ParsedCitation c = One("Smith 2019, 4");
  EXPECT_EQ(c.style, v1::CITATION_STYLE_CHICAGO);
  EXPECT_EQ(c.locator, "4");
}

TEST(CitationParserTest, Mla) {
  ParsedCitation c = One("Smith 45");
  EXPECT_EQ(c.style, v1::CITATION_STYLE_MLA);
  EXPECT_THAT(c.authors, ElementsAre("Smith"));
  EXPECT_EQ(c.year, "");
  EXPECT_EQ(c.locator, "45");
}

TEST(CitationParserTest, FullStopAfterNameIsNonstandard) {
  ParsedCitation c = One("Meisner., 1986");
  EXPECT_THAT(c.authors, ElementsAre("Meisner"));
  EXPECT_EQ(c.year, "1986");
  EXPECT_EQ(c.style, v1::CITATION_STYLE_NONSTANDARD);
  EXPECT_EQ(c.format_problem, "puts a full stop after the author's name");
}

TEST(CitationParserTest, FullStopsAfterNameAndYear) {
  ParsedCitation c = One("Bianco and Horko., 2018., p.169");
  EXPECT_THAT(c.authors, ElementsAre("Bianco", "Horko"));
  EXPECT_EQ(c.year, "2018");
  EXPECT_EQ(c.locator, "p.169");
  EXPECT_TRUE(c.uses_and);
  EXPECT_EQ(c.style, v1::CITATION_STYLE_NONSTANDARD);
  EXPECT_EQ(c.format_problem,
            "puts a full stop after the author's name and after the year");
}

TEST(CitationParserTest, SeveralInOneBracket) {
  std::vector<ParsedCitation> all =
      ParseBracketCitations("Adams, 2001; Baker & Cole, 2002");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_THAT(all[0].authors, ElementsAre("Adams"));
  EXPECT_THAT(all[1].authors, ElementsAre("Baker", "Cole"));
  EXPECT_TRUE(all[1].uses_ampersand);
}

TEST(CitationParserTest, EtAlCorporateSuffixedAndUndated) {
  ParsedCitation et_al = One("Nguyen et al., 2020");
  EXPECT_TRUE(et_al.et_al);
  EXPECT_THAT(et_al.authors, ElementsAre("Nguyen"));
  EXPECT_EQ(et_al.style, v1::CITATION_STYLE_APA);
  EXPECT_THAT(One("World Health Organization, 2020").authors,
              ElementsAre("World Health Organization"));
  EXPECT_EQ(One("Smith, 2018a").year, "2018a");
  EXPECT_EQ(One("Smith, n.d.").year, "n.d.");
}

TEST(CitationParserTest, SeveralYearsOfOneAuthor) {
  std::vector<ParsedCitation> all = ParseBracketCitations("Smith, 2001, 2005");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].year, "2001");
  EXPECT_EQ(all[1].year, "2005");
  EXPECT_THAT(all[1].authors, ElementsAre("Smith"));
}

TEST(CitationParserTest, NarrativeBracketsAndPages) {
  EXPECT_TRUE(One("2019").year_only);
  ParsedCitation with_page = One("1986, p. 12");
  EXPECT_TRUE(with_page.year_only);
  EXPECT_EQ(with_page.locator, "p. 12");
  EXPECT_TRUE(One("p. 45").locator_only);
  EXPECT_TRUE(One("see Smith, 2019").authors.size() == 1);
}

TEST(CitationParserTest, IrregularPages) {
  EXPECT_TRUE(One("Smith, 2019, p.4").irregular_page);
  EXPECT_TRUE(One("Smith, 2019, pg. 4").irregular_page);
  EXPECT_TRUE(One("Smith, 2019, 4").irregular_page);
  EXPECT_FALSE(One("Smith, 2019, pp. 4\xE2\x80\x93"
                   "5")
                   .irregular_page);
}

TEST(CitationParserTest, NotCitations) {
  EXPECT_THAT(ParseBracketCitations("CPC"), IsEmpty());
  EXPECT_THAT(ParseBracketCitations("1949-1953"), IsEmpty());
  EXPECT_THAT(ParseBracketCitations("1949\xE2\x80\x93"
                                    "1953"),
              IsEmpty());
  EXPECT_THAT(ParseBracketCitations("the plan was launched in 1953"),
              IsEmpty());
  EXPECT_THAT(ParseBracketCitations("in 1953"), IsEmpty());
  EXPECT_THAT(ParseBracketCitations("Post-1949"), IsEmpty());
  EXPECT_THAT(ParseBracketCitations("see below"), IsEmpty());
}

TEST(CitationParserTest, NumericCitations) {
  EXPECT_THAT(ParseNumericCitation("3"), ElementsAre(3));
  EXPECT_THAT(ParseNumericCitation("1\xE2\x80\x93"
                                   "3"),
              ElementsAre(1, 2, 3));
  EXPECT_THAT(ParseNumericCitation("1, 4"), ElementsAre(1, 4));
  EXPECT_THAT(ParseNumericCitation("3, p. 5"), ElementsAre(3));
  EXPECT_THAT(ParseNumericCitation("see 3"), IsEmpty());
  EXPECT_THAT(ParseNumericCitation("text"), IsEmpty());
}

TEST(CitationParserTest, NormalizesLocators) {
  bool irregular = false;
  EXPECT_EQ(NormalizeLocator("p.169", true, &irregular), "p. 169");
  EXPECT_TRUE(irregular);
  EXPECT_EQ(NormalizeLocator("pp 4-5", true, &irregular),
            "pp. 4\xE2\x80\x93"
            "5");
  EXPECT_EQ(NormalizeLocator("p. 7", true, &irregular), "p. 7");
  EXPECT_FALSE(irregular);
  EXPECT_EQ(NormalizeLocator("ch. 3", true, &irregular), "ch. 3");
}

TEST(CitationParserTest, FormatsInEachStyle) {
  std::vector<std::string> two = {"Bianco", "Horko"};
  EXPECT_EQ(FormatCitation(two, false, "2018", "p.169", v1::CITATION_STYLE_APA),
            "(Bianco & Horko, 2018, p. 169)");
  EXPECT_EQ(FormatCitation({"Meisner"}, false, "1986", "",
                           v1::CITATION_STYLE_APA, true),
            "(Meisner, 1986, p. __)");
  EXPECT_EQ(
      FormatCitation(two, false, "2018", "169", v1::CITATION_STYLE_HARVARD),
      "(Bianco and Horko 2018, p. 169)");
  EXPECT_EQ(
      FormatCitation({"Smith"}, false, "2019", "4", v1::CITATION_STYLE_CHICAGO),
      "(Smith 2019, 4)");
  EXPECT_EQ(FormatCitation({"Smith"}, false, "", "45", v1::CITATION_STYLE_MLA),
            "(Smith 45)");
  EXPECT_EQ(FormatCitation({"A", "B", "C"}, false, "2001", "",
                           v1::CITATION_STYLE_APA),
            "(A et al., 2001)");
}

}  // namespace
}  // namespace marginalia::rubrics
