// Findings a tutor would sign: the defect families found by annotating real
// essays (eval/), each on a minimal essay that shows it. A false accusation
// costs more than a missed finding, so most of these check that the engine
// stays silent, or asks, where it cannot be sure.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/rubrics/engine/engine_test_util.h"
#include "tests/testing/test_data.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using ::marginalia::rubrics::testing::FindingsOf;
using ::marginalia::rubrics::testing::Score;
using ::marginalia::rubrics::testing::SpanText;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Four body sentences of filler that make a paragraph long enough to judge.
constexpr char kFiller[] =
    "The records of the period show how slowly the change came about, and "
    "how unevenly it reached the provinces. Historians still disagree about "
    "its causes, though most accept the economic account. ";

std::string Essay(const std::string& body, const std::string& references) {
  return absl::StrCat(
      "# Women in the Renaissance\n\n"
      "This essay argues that the Renaissance did not include women in its "
      "gains, and it shows this first through law and then through "
      "education.\n\n",
      body, "\n\n## Works Cited\n\n", references, "\n");
}

const v1::Citation* CitationWithText(const v1::FeedbackReport& report,
                                     const std::string& text) {
  for (const v1::Citation& c : report.citations()) {
    if (c.text() == text) return &c;
  }
  return nullptr;
}

TEST(TrustTest, EveryFindingCarriesAConfidenceAboveTheRaiseThreshold) {
  v1::FeedbackReport report = Score(marginalia::testing::SampleEssay());
  ASSERT_GT(report.findings_size(), 0);
  for (const v1::Finding& f : report.findings()) {
    EXPECT_GE(f.confidence(), 0.6) << f.code();
    EXPECT_LE(f.confidence(), 1.0) << f.code();
  }
}

TEST(TrustTest, AnUnreadCitationFormDoesNotCascadeIntoAccusations) {
  // Every quotation is cited in a form the finder does not read as a
  // citation; the reference list is there.
  std::string body;
  for (int i = 0; i < 4; ++i) {
    absl::StrAppend(&body, kFiller,
                    "As one scholar puts it, “the laws of the city bound "
                    "women more tightly than before” [Kelly: ",
                    40 + i, "].\n\n");
  }
  v1::FeedbackReport report = Score(
      Essay(body,
            "Kelly, Joan. Women, History and Theory. Chicago: University of "
            "Chicago Press, 1984."));
  EXPECT_THAT(FindingsOf(report, "citation.quote_without_citation"), IsEmpty());
  for (const v1::Finding& f : FindingsOf(report, "evidence.few_sources")) {
    EXPECT_THAT(f.message(), ::testing::Not(HasSubstr("no sources at all")));
  }
}

TEST(TrustTest, PageOnlyCitationTakesTheAuthorNamedInItsSentence) {
  v1::FeedbackReport report = Score(Essay(
      absl::StrCat(kFiller,
                   "Kelly asks whether women had a Renaissance, and answers "
                   "that “the state, society and culture pressed women into "
                   "a narrower role” (49)."),
      "Kelly, Joan. Women, History and Theory. Chicago: University of "
      "Chicago Press, 1984."));
  const v1::Citation* c = CitationWithText(report, "(49)");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->authors_size(), 1);
  EXPECT_EQ(c->authors(0), "Kelly");
  EXPECT_EQ(c->locator(), "49");
  ASSERT_GE(c->source(), 0);
  EXPECT_TRUE(report.sources(c->source()).in_reference_list());
}

TEST(TrustTest, ReadsCitationsTypedWithoutSpacesOrWithPg) {
  v1::FeedbackReport report = Score(Essay(
      absl::StrCat(kFiller, "The guilds closed their doors (Popkin,154). ",
                   "Convents kept learning alive (Kelly, pg. 19). ",
                   "Some sources name only their author (Ritchie)."),
      "Kelly, Joan. Women, History and Theory. Chicago: University of "
      "Chicago Press, 1984.\n\nPopkin, Jeremy. From Herodotus to H-Net. "
      "Oxford: Oxford University Press, 2016.\n\nRitchie, Donald. Doing Oral "
      "History. Oxford: Oxford University Press, 2014."));
  const v1::Citation* popkin = CitationWithText(report, "(Popkin,154)");
  ASSERT_NE(popkin, nullptr);
  EXPECT_EQ(popkin->authors(0), "Popkin");
  EXPECT_EQ(popkin->locator(), "154");
  const v1::Citation* kelly = CitationWithText(report, "(Kelly, pg. 19)");
  ASSERT_NE(kelly, nullptr);
  EXPECT_EQ(kelly->authors(0), "Kelly");
  EXPECT_THAT(kelly->locator(), HasSubstr("19"));
  const v1::Citation* ritchie = CitationWithText(report, "(Ritchie)");
  ASSERT_NE(ritchie, nullptr);
  EXPECT_GE(ritchie->source(), 0);
}

TEST(TrustTest, CrossReferencesAreNotCitations) {
  v1::FeedbackReport report = Score(Essay(
      absl::StrCat(kFiller,
                   "The numbers fell after 1500 (see Figure 1), and again "
                   "later (Table 2). Herodotus tells the story in full "
                   "(Book 7)."),
      "Kelly, Joan. Women, History and Theory. Chicago: University of "
      "Chicago Press, 1984."));
  EXPECT_EQ(CitationWithText(report, "(see Figure 1)"), nullptr);
  EXPECT_EQ(CitationWithText(report, "(Table 2)"), nullptr);
  EXPECT_EQ(CitationWithText(report, "(Book 7)"), nullptr);
  EXPECT_THAT(FindingsOf(report, "citation.missing_reference_entry"),
              IsEmpty());
}

TEST(TrustTest, AShortQuotedPhraseIsNotAnUncitedQuotation) {
  v1::FeedbackReport report = Score(Essay(
      absl::StrCat(kFiller, "Kelly traces the loss of rights (Kelly 19). ",
                   kFiller,
                   "For many widows remarriage was “the kiss of death” for "
                   "their independence."),
      "Kelly, Joan. Women, History and Theory. Chicago: University of "
      "Chicago Press, 1984."));
  EXPECT_THAT(FindingsOf(report, "citation.quote_without_citation"), IsEmpty());
}

TEST(TrustTest, DatesAndPageListsAreNotStatistics) {
  v1::FeedbackReport report = Score(Essay(
      absl::StrCat("Kelly traces the loss of rights (Kelly 19). ", kFiller,
                   "The decree was signed on October 12,1784 and repeated "
                   "on pages 19,20 of the register."),
      "Kelly, Joan. Women, History and Theory. Chicago: University of "
      "Chicago Press, 1984."));
  EXPECT_THAT(FindingsOf(report, "evidence.unsourced_statistic"), IsEmpty());
}

TEST(TrustTest, ReferenceEntriesWrittenFirstNameFirstStayInTheList) {
  // Entries without a final full stop read like headings by layout.
  v1::FeedbackReport report = Score(absl::StrCat(
      "# Machiavelli\n\nThis essay argues that Machiavelli wrote history to "
      "teach princes, first through fortune and then through virtue.\n\n",
      kFiller, "Fortune rules half our actions (Lemon, 94).\n\n", kFiller,
      "Florence taught him this (Phillips, 95).\n\n## Bibliography\n\n"
      "M.C. Lemon, Philosophy of History A Guide for Students, 2003, "
      "Routledge\n\nMark Phillis, Machiavelli and the Tradition of "
      "Vernacular Historiography, 1979, Oxford University Press\n"));
  EXPECT_THAT(FindingsOf(report, "citation.missing_reference_entry"),
              IsEmpty());
  std::vector<std::string> listed;
  for (const v1::Source& s : report.sources()) {
    if (s.in_reference_list() && s.authors_size() > 0) {
      listed.push_back(s.authors(0));
    }
  }
  EXPECT_THAT(listed, Contains("Lemon"));
}

TEST(TrustTest, FrontMatterAfterAStrayLineIsNotProse) {
  std::string text = absl::StrCat(
      "[draft.md](https://example.org/files/draft.md)\n---\ntitle: Fortune "
      "and Virtue\nauthor: A. Student\ndate: 2019-12-13\n---\n\n",
      "This essay argues that Machiavelli wrote history to teach princes, "
      "first through fortune and then through virtue.\n\n",
      kFiller, "\n");
  v1::FeedbackReport report = Score(text);
  EXPECT_EQ(report.title(), "Fortune and Virtue");
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    std::string opening = SpanText(text, p.span()).substr(0, 7);
    EXPECT_NE(opening, "author:");
    EXPECT_NE(opening, "date: 2");
  }
}

TEST(TrustTest, TemplateAttributeLinesAndCaptionsAreNotParagraphs) {
  std::string text = absl::StrCat(
      "# Empire\n\nThis essay argues that maps served the empire, first as "
      "tools and then as symbols.\n\n",
      "  caption=\"A map of 1886 and its colonies.\"\n"
      "  image-url=\"map.jpg\"\n%}\n\n",
      kFiller, "\n\nFigure 2: Courtesy of the archive.\n\n", kFiller, "\n");
  v1::FeedbackReport report = Score(text);
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    std::string opening = SpanText(text, p.span()).substr(0, 10);
    EXPECT_FALSE(absl::StartsWith(opening, "caption=")) << opening;
    EXPECT_FALSE(absl::StartsWith(opening, "image-url")) << opening;
    EXPECT_FALSE(absl::StartsWith(opening, "Figure 2")) << opening;
  }
}

TEST(TrustTest, AHardWrappedParagraphWithOneLongLineStaysOneParagraph) {
  std::string wrapped =
      "The founding of the school can be traced back to two French\n"
      "historians who wanted a history of whole societies, of [their economies "
      "and their mentalities](https://example.org/a-long-address)\n"
      "rather than of kings, and who founded a journal to publish it in\n"
      "the years between the wars.";
  v1::FeedbackReport report = Score(absl::StrCat(
      "# The Annales\n\nThis essay argues that the Annales changed history, "
      "first in method and then in scope.\n\n",
      wrapped, "\n"));
  int prose = 0;
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    if (p.kind() == v1::PARAGRAPH_KIND_PROSE) ++prose;
  }
  EXPECT_EQ(prose, 2);
}

TEST(TrustTest, AnEssayOpeningOnASecondPointHasNoThesis) {
  v1::FeedbackReport report = Score(
      "Secondly, students who work part-time learn to manage their money, "
      "and this lesson stays with them for life. For example, a student who "
      "pays her own rent soon learns to budget. Such habits should be "
      "encouraged by every university.\n\n"
      "Another reason is that work teaches responsibility to others. A "
      "waiter who arrives late lets down the whole team, and he soon learns "
      "this. Universities cannot teach it as well.\n\n"
      "However, some people argue that work distracts students from their "
      "studies, and there is some truth in this. A student who works thirty "
      "hours a week will struggle to keep up.\n",
      "argumentative-essay");
  EXPECT_EQ(report.thesis().end(), report.thesis().begin());
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    EXPECT_NE(p.role(), v1::SECTION_ROLE_CONCLUSION) << p.index();
  }
}

TEST(TrustTest, UnreadableSourceNamesAreLeftOutRatherThanGarbled) {
  // Notes that give a title and a page where an author belongs.
  v1::FeedbackReport report = Score(absl::StrCat(
      "# Witches\n\nThis essay argues that the study of witches changed "
      "with women's history, first in method and then in scope.\n\n",
      kFiller, "Witches were rarely wealthy.[^1] ", kFiller,
      "Most were widows.[^2]\n\n",
      "[^1]: International Trends: The Witch “She”/The Historian “He” pg "
      "78\n\n[^2]: On Studying Witchcraft as Women’s History p. 12\n"));
  ASSERT_GT(report.sources_size(), 0);
  for (const v1::Source& s : report.sources()) {
    for (const std::string& author : s.authors()) {
      EXPECT_FALSE(absl::StrContains(author, "78")) << author;
      EXPECT_FALSE(absl::StrContains(author, "12")) << author;
      EXPECT_FALSE(absl::StrContains(author, ":")) << author;
    }
  }
}

TEST(TrustTest, FootnoteMarkersLateInALongEssayStillCountAsCitationMarks) {
  // Quotations without a read citation, in an essay whose only citation
  // marks are footnote markers past its first few kilobytes: it cites in a
  // form we do not read, so it is asked, not told it quotes without sources.
  std::string body;
  for (int i = 0; i < 30; ++i) absl::StrAppend(&body, kFiller, "\n\n");
  absl::StrAppend(
      &body, kFiller,
      "One witness wrote that “the whole town turned out to "
      "watch the trial of the accused women” that spring.\n\n",
      kFiller, "The sentence was harsh.[^trial] It was soon repealed.[^law]\n");
  v1::FeedbackReport report = Score(absl::StrCat(
      "# Witches\n\nThis essay argues that the trials changed over time, "
      "first in law and then in custom.\n\n",
      body));
  EXPECT_THAT(FindingsOf(report, "citation.quote_without_citation"), IsEmpty());
  EXPECT_THAT(FindingsOf(report, "evidence.few_sources"), IsEmpty());
}

TEST(TrustTest, AnEssayWithoutParagraphBreaksIsNotJudgedOnStructure) {
  std::string unbroken;
  for (int i = 0; i < 10; ++i) absl::StrAppend(&unbroken, kFiller);
  v1::FeedbackReport report = Score(unbroken);
  for (const v1::Finding& f : report.findings()) {
    EXPECT_FALSE(absl::StartsWith(f.code(), "structure.")) << f.code();
  }
  for (const v1::Metric& m : report.metrics()) {
    EXPECT_NE(m.name(), "structure.has_conclusion");
  }
  EXPECT_THAT(report.notes(), Contains(HasSubstr("no paragraph breaks")));
}

TEST(TrustTest, OneEntryUnderAMisspeltHeadingIsStillAReferenceList) {
  // A critique of one article, its list headed "Resouces".
  const std::string essay = absl::StrCat(
      "# The Effects of Psychotherapy\n\n"
      "Eysenck claimed that therapy does no better than time alone "
      "(Eysenck, 1952, p. 322). ",
      kFiller, "\n\nHis figures came from insurance records (Eysenck, 1952). ",
      kFiller,
      "\n\n## Resouces\n\n"
      "Eysenck, H.J. (1952). The Effects Of Psychotherapy: An Evaluation. "
      "Journal of Consulting Psychology, 16, 319-324.\n");
  v1::FeedbackReport report = Score(essay, "research-report");
  EXPECT_THAT(FindingsOf(report, "citation.missing_reference_list"), IsEmpty());
  for (const v1::Citation& c : report.citations()) {
    EXPECT_FALSE(absl::StrContains(SpanText(essay, c.span()), "J. (1952)"))
        << "the entry's initials read as a citation";
  }
}

TEST(TrustTest, AReportWithSectionsIsNotToldItStopsWithoutAConclusion) {
  // A lab report closes on its limitations under a "Discussion" heading.
  const std::string essay = absl::StrCat(
      "# Colour and Preference\n\n## Introduction\n\n"
      "We argue that red is preferred to blue by young children, and we "
      "test this first with drawings and then with toys.\n\n"
      "## Method\n\n",
      kFiller, "\n\n## Discussion\n\n", kFiller,
      "\n\nAnother limitation we had in our study was the limited access "
      "to children outside one school. ",
      kFiller, "\n");
  EXPECT_THAT(
      FindingsOf(Score(essay, "research-report"), "structure.no_conclusion"),
      IsEmpty());
}

TEST(TrustTest, MightAndMayAsNounsAreNotCouldOf) {
  const std::string essay = Essay(
      absl::StrCat("Kelly traces the loss of rights (Kelly 19). ", kFiller,
                   "The economic might of the cities grew, and in May of "
                   "1520 the guilds petitioned the council. The council "
                   "could of course refuse, but a wiser council would of "
                   "listened."),
      "Kelly, Joan. Women, History and Theory. Chicago: University of "
      "Chicago Press, 1984.");
  v1::FeedbackReport report = Score(essay);
  std::vector<std::string> flagged;
  for (const v1::Finding& f : FindingsOf(report, "mechanics.confused_word")) {
    flagged.push_back(SpanText(essay, f.span()));
  }
  EXPECT_THAT(flagged, ::testing::ElementsAre("of"));
}

TEST(TrustTest, WebAddressesDoNotLengthenAParagraph) {
  // About 240 words a reader reads, and 20 links whose addresses split into
  // 8 words each: not a paragraph past the 300 words the rubric allows.
  std::string body = "Kelly traces the loss of rights (Kelly 19). ";
  for (int i = 0; i < 20; ++i) {
    absl::StrAppend(
        &body, "The [guild records](https://www.example.org/archive/guild-", i,
        "/records.html) of the city show the change clearly. ");
  }
  absl::StrAppend(&body, kFiller);
  v1::FeedbackReport report = Score(
      Essay(body,
            "Kelly, Joan. Women, History and Theory. Chicago: University of "
            "Chicago Press, 1984."));
  EXPECT_THAT(FindingsOf(report, "structure.paragraph_too_long"), IsEmpty());
}

TEST(TrustTest, AParagraphAFewWordsPastTheLimitIsNotFaulted) {
  // "Readers lose the thread past about 300": 308 words is about 300.
  auto paragraph_of = [](int sentences) {
    std::string body = "Kelly traces the loss of rights (Kelly 19). ";
    for (int i = 0; i < sentences; ++i) {
      absl::StrAppend(&body, "The records show change. ");
    }
    return Score(Essay(body,
                       "Kelly, Joan. Women, History and Theory. Chicago: "
                       "University of Chicago Press, 1984."));
  };
  EXPECT_THAT(FindingsOf(paragraph_of(75), "structure.paragraph_too_long"),
              IsEmpty());
  EXPECT_EQ(FindingsOf(paragraph_of(85), "structure.paragraph_too_long").size(),
            1u);
}

TEST(TrustTest, AFigureAttributedInItsSentenceIsSourced) {
  auto figures_flagged = [](const std::string& sentence) {
    return FindingsOf(
               Score(Essay(absl::StrCat("Kelly traces the loss of rights "
                                        "(Kelly 19). ",
                                        kFiller, sentence, " ", kFiller),
                           "Kelly, Joan. Women, History and Theory. Chicago: "
                           "University of Chicago Press, 1984.")),
               "evidence.unsourced_statistic")
        .size();
  };
  EXPECT_EQ(figures_flagged("According to the city council, 120,000 people "
                            "left the city in the famine."),
            0u);
  EXPECT_EQ(figures_flagged("In the famine 120,000 people left the city."), 1u);
}

TEST(TrustTest, AFigureRepeatedInItsParagraphKeepsItsSource) {
  const std::string essay = Essay(
      absl::StrCat("Kelly traces the loss of rights (Kelly 19). ", kFiller,
                   "Other reports had estimated 500,000 dead (Kelly 54). If "
                   "the bombing saved up to 500,000 soldiers, it was "
                   "justified.\n\n",
                   kFiller, "Yet 500,000 soldiers did not die in 1945."),
      "Kelly, Joan. Women, History and Theory. Chicago: University of "
      "Chicago Press, 1984.");
  // Only the figure in the next paragraph, which cites nothing, is flagged.
  std::vector<v1::Finding> flagged =
      FindingsOf(Score(essay), "evidence.unsourced_statistic");
  ASSERT_EQ(flagged.size(), 1u);
  EXPECT_EQ(flagged[0].span().begin(), essay.find("500,000 soldiers did"));
}

}  // namespace
}  // namespace marginalia::rubrics
