// Citation forms seen in real student essays (eval/ gold, issue 12) that
// the engine once failed to read, each in an essay written for this test:
// the citation is read, its source named where the essay makes it clear,
// and look-alikes (links, life spans, lone numbers) are not citations.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rubrics/engine/engine_test_util.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Each citation as "text -> first author" of the citation or, for a note
// marker, of its source ("?" when the source is unknown).
std::vector<std::string> Cited(const std::string& essay,
                               const v1::FeedbackReport& report) {
  std::vector<std::string> out;
  for (const v1::Citation& c : report.citations()) {
    std::string author = "?";
    if (!c.authors().empty()) {
      author = c.authors(0);
    } else if (c.source() >= 0 && c.source() < report.sources_size() &&
               !report.sources(c.source()).authors().empty()) {
      author = report.sources(c.source()).authors(0);
    }
    out.push_back(testing::SpanText(essay, c.span()) + " -> " + author);
  }
  return out;
}

std::vector<std::string> CitedIn(const std::string& essay) {
  return Cited(essay, testing::Score(essay));
}

TEST(CitationFormsTest, NamedMarkdownFootnotesAreCitations) {
  const std::string essay = R"(Narrative in History

Hayden White argued that narrative imposes a plot on events.[^White1] Later he softened the claim.[White2] See the [Narrative](https://example.org/narrative) entry for the word itself.

[^White1]: White, Hayden. "The Question of Narrative." History and Theory 23 (1984): 1.

[^White2]: White, Hayden. "Interpretation in History." New Literary History 4 (1973): 281.
)";
  v1::FeedbackReport report = testing::Score(essay);
  EXPECT_THAT(Cited(essay, report),
              ElementsAre("[^White1] -> White", "[White2] -> White"));
  for (const v1::Citation& c : report.citations()) {
    EXPECT_EQ(c.kind(), v1::CITATION_KIND_FOOTNOTE);
  }
}

TEST(CitationFormsTest, AMarkerWithoutCaretNeedsANoteOfThatName) {
  EXPECT_THAT(CitedIn("Title\n\nThe list item [Draft] is a placeholder, and "
                      "so is [^] here.\n"),
              IsEmpty());
}

TEST(CitationFormsTest, PageAfterQuotationIsCitedEvenWithoutAKnownSource) {
  // A book review: no reference list, the book named in prose.
  const std::string essay = R"(Renewal

Martin rarely praises the Council. He calls its work "misdirected" (9) and its results "tragic" (11), and he wants "a personal relationship" (41) in its place.
)";
  EXPECT_THAT(CitedIn(essay),
              ElementsAre("(9) -> ?", "(11) -> ?", "(41) -> ?"));
}

TEST(CitationFormsTest, PageInsideTheClosingQuotationMarkIsCited) {
  const std::string essay =
      "Law\n\nEgeus insists: \"As she is mine, I may dispose of her (1.1.41-44)"
      "\" and Theseus agrees that \"she should obey (1.1.46).\"\n";
  EXPECT_THAT(CitedIn(essay), ElementsAre("(1.1.41-44) -> ?", "(1.1.46) -> ?"));
}

TEST(CitationFormsTest, BarePageEndingAParaphraseCountsWhereTheEssayCitesSo) {
  const std::string cites_pages = R"(Medicine

De Kruif calls the hunters "saviors" (182) and asks "where are their monuments?" (317). Doctors began to charge fees for their work (85).
)";
  EXPECT_THAT(CitedIn(cites_pages),
              ElementsAre("(182) -> ?", "(317) -> ?", "(85) -> ?"));
  // Without bare pages after quotations, a lone number is not a page.
  EXPECT_THAT(CitedIn("Medicine\n\nDoctors began to charge fees for their "
                      "work (85).\n"),
              IsEmpty());
}

TEST(CitationFormsTest, LifeSpansAreNotPages) {
  const std::string essay = R"(Scotland

David Hume (1711-1776) wrote a history of England that sold well (Hume 12).

Works Cited

Hume, David. The History of England. London: Millar, 1754.
)";
  EXPECT_THAT(CitedIn(essay), ElementsAre("(Hume 12) -> Hume"));
}

TEST(CitationFormsTest, IbidRepeatsTheWorkCitedBefore) {
  const std::string essay = R"(Prices

Prices rose sharply after the war (Keynes 1919, 109). They fell again within two years (ibid., 121).

References

Keynes, John Maynard. 1919. The Economic Consequences of the Peace. London: Macmillan.
)";
  v1::FeedbackReport report = testing::Score(essay);
  EXPECT_THAT(Cited(essay, report), ElementsAre("(Keynes 1919, 109) -> Keynes",
                                                "(ibid., 121) -> Keynes"));
  ASSERT_EQ(report.citations_size(), 2);
  EXPECT_EQ(report.citations(1).source(), report.citations(0).source());
}

TEST(CitationFormsTest, IrregularPagesAndSeveralPagesKeepTheirAuthor) {
  const std::string essay = R"(Rhetoric

Cicero wanted history to persuade (Kelly, pg.56), and the age of acquisition matters (Jones 264, 267). Polybius saw a cycle of constitutions (Polybius 6.4).

Works Cited

Jones, Ann. Language and Age. Boston: Beacon, 1990.

Kelly, Donald. Faces of History. New Haven: Yale UP, 1998.

Polybius. The Histories. Trans. Robin Waterfield. Oxford: Oxford UP, 2010.
)";
  EXPECT_THAT(CitedIn(essay), ElementsAre("(Kelly, pg.56) -> Kelly",
                                          "(Jones 264, 267) -> Jones",
                                          "(Polybius 6.4) -> Polybius"));
}

TEST(CitationFormsTest, PossessiveNarrativeCitationNamesItsAuthor) {
  const std::string essay = R"(Signing

Francis' (1999) study finds a disparity between early and late learners.

References

Francis, J. (1999). Sign language acquisition. Deaf Studies, 4, 420-445.
)";
  EXPECT_THAT(CitedIn(essay), ElementsAre("Francis' (1999) -> Francis"));
}

TEST(CitationFormsTest, YearAndPageWithoutANamedAuthorIsStillACitation) {
  const std::string essay = R"(Nursing

She holds that scholarship "is the content on which we base our practice" (2005, p.3). Pain relief needs patient education (1996, p. 78). The ward opened in (1996).
)";
  EXPECT_THAT(CitedIn(essay),
              ElementsAre("(2005, p.3) -> ?", "(1996, p. 78) -> ?"));
}

TEST(CitationFormsTest, BracketLeftOpenEarlierDoesNotHideLaterCitations) {
  const std::string essay = R"(Barcia

Andres Gonzalez de Barcia (born 1673, an archivist, was one of the first publishers of the Indies. "He believed the product of study depended on its sources." (Carlyon, 22) The crown watched his editions closely (Carlyon, 23).

Works Cited

Carlyon, Jonathan. Andres Gonzalez de Barcia. Toronto: U of Toronto P, 2005.
)";
  EXPECT_THAT(CitedIn(essay), ElementsAre("(Carlyon, 22) -> Carlyon",
                                          "(Carlyon, 23) -> Carlyon"));
}

TEST(CitationFormsTest, ANameAfterAQuotationIsItsSource) {
  const std::string essay = R"(Science

History became "a story filled with impurities" (Kelley), and its method was "the need for a critical judgment" (Gibbs, Critique). The campaign was called the "Great Leap Forward" (GLF), the state the "Volksgemeinschaft" (People's Community).
)";
  EXPECT_THAT(CitedIn(essay),
              ElementsAre("(Kelley) -> Kelley", "(Gibbs, Critique) -> Gibbs"));
}

TEST(CitationFormsTest, ANoteNamingTheWorkByTitleCitesItsListedAuthor) {
  const std::string essay = R"(Witches

Historians long read the trials as a war on women.[^1] Recent work reads them as a war on the poor.

[^1]: Traditions and Trajectories in the Historiography of European Witch Hunting

Bibliography

Fudge, Thomas A. “Traditions and Trajectories in the Historiography of European Witch Hunting.” History Compass 4, no. 3 (2006): 488-527.
)";
  EXPECT_THAT(CitedIn(essay), ElementsAre("[^1] -> Fudge"));
}

TEST(CitationFormsTest, ATitleAfterAQuotationIsACitationOfAnUnnamedWork) {
  const std::string essay = R"(Machiavelli

The prince must learn "how not to be good, and to use this knowledge" (The Prince).
)";
  EXPECT_THAT(CitedIn(essay), ElementsAre("(The Prince) -> ?"));
}

TEST(CitationFormsTest, ABodyWhoseNameHasAndIsOneAuthor) {
  const std::string essay = R"(Suicide Prevention

Suicide is a leading cause of death among the young (Centers for Disease Control and Prevention, 2004). Two historians of the family disagree (Green and Troup, 1999).

References

Centers for Disease Control and Prevention. (2004). Suicide: Fact sheet. National Center for Injury Prevention and Control.

Green, A., & Troup, K. (1999). The houses of history. Manchester University Press.
)";
  v1::FeedbackReport report = testing::Score(essay);
  EXPECT_THAT(Cited(essay, report),
              ElementsAre("(Centers for Disease Control and Prevention, 2004) "
                          "-> Centers for Disease Control and Prevention",
                          "(Green and Troup, 1999) -> Green"));
  ASSERT_EQ(report.citations_size(), 2);
  EXPECT_EQ(report.citations(0).authors_size(), 1);
  EXPECT_EQ(report.citations(1).authors_size(), 2);
  // Each citation finds its entry: neither source is left unlisted.
  for (const v1::Citation& c : report.citations()) {
    ASSERT_GE(c.source(), 0);
    EXPECT_TRUE(report.sources(c.source()).in_reference_list())
        << testing::SpanText(essay, c.span());
  }
}

TEST(CitationFormsTest, AuthorsJoinedAcrossALineBreakAreTwo) {
  v1::FeedbackReport report = testing::Score(
      "The Annales\n\nThe school turned to ordinary lives (Green and\nTroup "
      "1999, 94).\n\nWorks Cited\n\nGreen, Anna, and Kathleen Troup. 1999. "
      "The Houses of History. Manchester: Manchester University Press.\n");
  ASSERT_EQ(report.citations_size(), 1);
  EXPECT_THAT(report.citations(0).authors(), ElementsAre("Green", "Troup"));
  ASSERT_GE(report.citations(0).source(), 0);
  EXPECT_TRUE(report.sources(report.citations(0).source()).in_reference_list());
}

TEST(CitationFormsTest, AVolumeAfterTheNameIsNotPartOfIt) {
  EXPECT_THAT(
      CitedIn("Pascal\n\nThe heart has its reasons (Pascal III, 233), "
              "and reason does not know them (Pascal IV 12).\n"),
      ElementsAre("(Pascal III, 233) -> Pascal", "(Pascal IV 12) -> Pascal"));
}

TEST(CitationFormsTest, HtmlSuperscriptNotesCiteTheWorkTheirNoteNames) {
  const std::string essay = R"(The Enlightenment

Vico saw history as a cycle.<sup>1</sup> Gibbon saw it as decline.<Sup>2</Sup>

<sup>1</sup> Donald R. Kelley, _Faces of History_ (Yale, 1998), 224.

<Sup>2</Sup> Edward Gibbon, _The History of the Decline and Fall of the Roman Empire_ (New York, 1836), 1.

Bibliography

Kelley, Donald R. Faces of History. New Haven: Yale University Press, 1998.
)";
  v1::FeedbackReport report = testing::Score(essay);
  // The notes' publication brackets ("(Yale, 1998)") are not citations.
  EXPECT_THAT(Cited(essay, report),
              ElementsAre("<sup>1</sup> -> Kelley", "<Sup>2</Sup> -> Gibbon"));
  ASSERT_EQ(report.citations_size(), 2);
  EXPECT_TRUE(report.sources(report.citations(0).source()).in_reference_list());
}

TEST(CitationFormsTest, ANoteOpeningWithATitleNamesNoAuthor) {
  const std::string essay = R"(Narrative History

Narrative history tells a story.[^Narrative] Historians still write it.[^2]

[^Narrative]: "Narrative History." Wikipedia, September 21, 2018. https://en.wikipedia.org/wiki/Narrative_history.

[^2]: Alex Rosenberg, "Why Most Narrative History Is Wrong," Salon, October 7, 2018.
)";
  // The site that published the article is not its author.
  EXPECT_THAT(CitedIn(essay),
              ElementsAre("[^Narrative] -> ?", "[^2] -> Rosenberg"));
}

}  // namespace
}  // namespace marginalia::rubrics
