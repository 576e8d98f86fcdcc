#include "rubrics/analysis/citations/reference_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rubrics/analysis/citations/note_number.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::ElementsAre;

// Found by engine_fuzzer: a note number of eleven digits overflowed int
// (undefined behaviour; UBSan aborted). Numbers that long saturate.
TEST(ReferenceParserTest, OverlongNoteNumbersSaturate) {
  EXPECT_EQ(
      ParseReferenceEntry("[^99999999999]: Smith, J. (2001). A title.").number,
      kMaxNoteNumber);
  EXPECT_EQ(ParseNoteEntry("\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078"
                           "\u2079\u00b9\u00b2\u00b3 Ibid., 4.")
                .number,
            kMaxNoteNumber);
  EXPECT_EQ(ParseReferenceEntry("[^12]: Smith, J. (2001). A title.").number,
            12);
}

TEST(ReferenceParserTest, Headings) {
  EXPECT_TRUE(IsReferenceHeading("References"));
  EXPECT_TRUE(IsReferenceHeading("**Works Cited:**"));
  EXPECT_TRUE(IsReferenceHeading("BIBLIOGRAPHY"));
  EXPECT_FALSE(IsReferenceHeading("Ideological Clashes"));
}

TEST(ReferenceParserTest, NotesHeadings) {
  EXPECT_TRUE(IsNotesHeading("Notes"));
  EXPECT_TRUE(IsNotesHeading("FOOTNOTES"));
  EXPECT_TRUE(IsNotesHeading("## Endnotes:"));
  EXPECT_FALSE(IsNotesHeading("Notes on method"));
  EXPECT_FALSE(IsReferenceHeading("Notes"));
}

TEST(ReferenceParserTest, FullNoteWithOneAuthor) {
  ParsedReference r = ParseNoteEntry(
      "1 Joan Scott, \xE2\x80\x9CGender as a Useful Category of Historical "
      "Analysis,\xE2\x80\x9D in Gender and the Politics of History (New York: "
      "Columbia UP, 1988), 32-33.");
  EXPECT_TRUE(r.note);
  EXPECT_FALSE(r.ibid);
  EXPECT_EQ(r.number, 1);
  EXPECT_THAT(r.authors, ElementsAre("Scott"));
  EXPECT_EQ(r.year, "1988");
  EXPECT_EQ(r.title, "Gender as a Useful Category of Historical Analysis");
}

TEST(ReferenceParserTest, NotesWithSeveralAuthorsCloseTheListWithAnd) {
  ParsedReference three = ParseNoteEntry(
      "5. Catherine Hall, Keith McClelland, and Jane Rendall, Defining the "
      "Victorian Nation (Cambridge: Cambridge UP, 2000), 33.");
  EXPECT_EQ(three.number, 5);
  EXPECT_THAT(three.authors, ElementsAre("Hall", "McClelland", "Rendall"));
  EXPECT_EQ(three.title, "Defining the Victorian Nation");
  // Without a closing "and" the next chunk is the title, not an author.
  ParsedReference one = ParseNoteEntry(
      "[12] Douglas Northrop, Veiled Empire, (Ithaca: Cornell UP, 2004), 37.");
  EXPECT_EQ(one.number, 12);
  EXPECT_THAT(one.authors, ElementsAre("Northrop"));
  EXPECT_EQ(one.title, "Veiled Empire");
  ParsedReference two = ParseNoteEntry(
      "[^9]: Peter M. Jones and Colin Lucas, The Peasantry, 77.");
  EXPECT_EQ(two.number, 9);
  EXPECT_THAT(two.authors, ElementsAre("Jones", "Lucas"));
}

TEST(ReferenceParserTest, ShortIbidAndTitleFirstNotes) {
  ParsedReference short_note = ParseNoteEntry("7 Scott, Gender, 50.");
  EXPECT_THAT(short_note.authors, ElementsAre("Scott"));
  ParsedReference author_date = ParseNoteEntry("10 Marx and Engels 2014, 30.");
  EXPECT_THAT(author_date.authors, ElementsAre("Marx", "Engels"));
  EXPECT_EQ(author_date.year, "2014");
  ParsedReference initials =
      ParseNoteEntry("8 E.B. Thompson. Exploitation (New York, 1999), 46.");
  EXPECT_THAT(initials.authors, ElementsAre("Thompson"));
  ParsedReference ibid = ParseNoteEntry("\xC2\xB3 Ibid., 44.");
  EXPECT_EQ(ibid.number, 3);
  EXPECT_TRUE(ibid.ibid);
  EXPECT_TRUE(ibid.authors.empty());
  ParsedReference title_first =
      ParseNoteEntry("4 “Famine Plots,” The Times, 3 May 1789.");
  EXPECT_TRUE(title_first.authors.empty());
  EXPECT_EQ(title_first.title, "Famine Plots");
  EXPECT_EQ(NoteNumber("Ibid."), 0);
}

TEST(ReferenceParserTest, ChicagoBibliographyEntryWithAMiddleInitial) {
  ParsedReference r = ParseReferenceEntry(
      "Kaplan, Steven L. Bread, Politics and Political Economy in the Reign "
      "of Louis XV. The Hague: Nijhoff, 1976.");
  EXPECT_THAT(r.authors, ElementsAre("Kaplan"));
  EXPECT_EQ(r.year, "1976");
  ParsedReference initials_only =
      ParseReferenceEntry("Smith, J. R. Grain Riots. London: Verso, 1990.");
  EXPECT_THAT(initials_only.authors, ElementsAre("Smith"));
}

TEST(ReferenceParserTest, EditorsMarkIsNotAnAuthor) {
  ParsedReference r = ParseReferenceEntry(
      "Dettmar, Kevin, and William Richey, eds. Reading Rock and Roll. "
      "Columbia University Press, 1999.");
  EXPECT_THAT(r.authors, ElementsAre("Dettmar", "Richey"));
  EXPECT_EQ(r.year, "1999");
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
