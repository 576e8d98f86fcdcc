// Segmentation of the essay Marginalia is built around, checked against a
// hand annotation of it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "rubrics/document/segmenter.h"
#include "tests/testing/test_data.h"

namespace marginalia::rubrics {
namespace {

using ::testing::ElementsAre;

// The 29 parenthetical citations of the sample, in order, as written.
const std::vector<std::string>& AnnotatedCitations() {
  static const auto* citations =
      new std::vector<std::string>{"(Meisner., 1986)",
                                   "(Meisner., 1986)",
                                   "(Meisner., 1986)",
                                   "(Meisner., 1986)",
                                   "(Kraus., 1982)",
                                   "(Kraus., 1982)",
                                   "(Kraus., 1982)",
                                   "(Kraus., 1982)",
                                   "(Bianco and Horko., 2018., p.183)",
                                   "(Meisner., 1986)",
                                   "(Meisner., 1986)",
                                   "(Meisner., 1986)",
                                   "(Bianco and Horko., 2018)",
                                   "(Trifonov., 1958., p.40)",
                                   "(Gillin., 1963)",
                                   "(Bhattacharya., 1994)",
                                   "(Bhattacharya., 1994., p.16)",
                                   "(Bianco and Horko., 2018)",
                                   "(Bianco and Horko., 2018)",
                                   "(Meisner., 1986)",
                                   "(Meisner., 1986)",
                                   "(Meisner., 1986)",
                                   "(Meisner., 1986)",
                                   "(Goldman., 1980)",
                                   "(Goldman., 1980)",
                                   "(Meisner., 1986)",
                                   "(Bianco and Horko., 2018)",
                                   "(Bianco and Horko., 2018., p.169)",
                                   "(Bianco and Horko., 2018., p.169)"};
  return *citations;
}

class SampleEssayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = testing::SampleEssay();
    absl::StatusOr<Document> doc = Segment(text_);
    ASSERT_TRUE(doc.ok()) << doc.status();
    doc_ = *std::move(doc);
  }

  std::vector<std::string> TextsOfKind(BlockKind kind) const {
    std::vector<std::string> texts;
    for (const Paragraph& p : doc_.paragraphs()) {
      if (p.kind == kind) texts.emplace_back(doc_.Slice(p.span));
    }
    return texts;
  }

  std::string text_;
  Document doc_;
};

TEST_F(SampleEssayTest, FindsTheTitle) {
  ASSERT_EQ(doc_.title_paragraph(), 0);
  EXPECT_EQ(doc_.Slice(doc_.paragraphs()[0].span),
            "China Under the Soviet Model: A Clash of Socio-Economic "
            "Conditions and Underlying Ideology");
}

TEST_F(SampleEssayTest, FindsTheThreeHeadings) {
  EXPECT_THAT(
      TextsOfKind(BlockKind::kHeading),
      ElementsAre(
          "Contextualising the First Five Year Plan: China\u2019s Conditions",
          "Ideological Clashes",
          "The succeeding years: overcoming the impact of the First Five "
          "Year Plan"));
}

TEST_F(SampleEssayTest, FindsEveryProseParagraph) {
  std::vector<std::string> prose = TextsOfKind(BlockKind::kProse);
  // 2 introduction + 5 context + 6 ideological + 3 aftermath + 3 conclusion.
  ASSERT_EQ(prose.size(), 19u);
  EXPECT_TRUE(absl::StartsWith(prose.front(), "China\u2019s modern history"));
  EXPECT_EQ(prose.back(),
            "Whether China\u2019s expansion through the First Five Year Plan "
            "was seen as progress, depends on one\u2019s criteria. "
            "Economically, China proved to work against its material "
            "backwardness but at the cost of social progress and equality. "
            "Mao\u2019s belief in the people, however, proved to be a "
            "continued legacy.");
  EXPECT_EQ(doc_.stats().paragraphs, 19u);
  EXPECT_EQ(doc_.stats().headings, 3u);
}

TEST_F(SampleEssayTest, FindsThe29CitationsAsParentheticalSpans) {
  // Expected offsets come from locating each annotated citation in turn.
  std::vector<TextSpan> expected;
  std::size_t from = 0;
  for (const std::string& citation : AnnotatedCitations()) {
    std::size_t at = text_.find(citation, from);
    ASSERT_NE(at, std::string::npos) << citation;
    expected.push_back(TextSpan{static_cast<uint32_t>(at),
                                static_cast<uint32_t>(at + citation.size())});
    from = at + citation.size();
  }
  std::vector<TextSpan> found;
  for (const Parenthetical& p : doc_.parentheticals()) {
    EXPECT_TRUE(p.closed);
    if (doc_.Slice(p.span) == "(CPC)") continue;  // an acronym, not a source
    found.push_back(p.span);
  }
  ASSERT_EQ(found.size(), 29u);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(found[i].begin, expected[i].begin) << AnnotatedCitations()[i];
    EXPECT_EQ(found[i].end, expected[i].end) << AnnotatedCitations()[i];
    EXPECT_EQ(doc_.Slice(found[i]), AnnotatedCitations()[i]);
  }
}

TEST_F(SampleEssayTest, CitationFullStopsDoNotEndSentences) {
  for (const Sentence& s : doc_.sentences()) {
    absl::string_view sentence = doc_.Slice(s.span);
    EXPECT_FALSE(absl::EndsWith(sentence, "(Meisner.")) << sentence;
    EXPECT_FALSE(absl::EndsWith(sentence, "2018.")) << sentence;
    EXPECT_FALSE(absl::EndsWith(sentence, "p.")) << sentence;
  }
  // The paragraph with "(Bianco and Horko., 2018., p.183)" has 5 sentences.
  const Paragraph& p = doc_.paragraphs()[7];
  ASSERT_EQ(p.sentences.size(), 5u);
  EXPECT_TRUE(
      absl::EndsWith(doc_.Slice(doc_.sentences()[p.sentences.begin + 3].span),
                     "(Bianco and Horko., 2018., p.183)."));
}

TEST_F(SampleEssayTest, FindsQuotationsIncludingNestedAndMismatched) {
  int nested = 0;
  int mismatched = 0;
  for (const Quotation& q : doc_.quotations()) {
    EXPECT_TRUE(q.closed) << doc_.Slice(q.span);
    if (q.depth > 0) ++nested;
    if (q.mismatched) {
      ++mismatched;
      // Opened with “, closed with ’ in the Bhattacharya quotation.
      EXPECT_TRUE(absl::StartsWith(doc_.Slice(q.inner), "regarded hundreds"));
    }
  }
  EXPECT_EQ(doc_.quotations().size(), 12u);
  EXPECT_EQ(nested, 2);
  EXPECT_EQ(mismatched, 1);
}

TEST_F(SampleEssayTest, CountsWordsAndSentences) {
  const TextStatistics& stats = doc_.stats();
  EXPECT_EQ(stats.sentences, 77u);
  EXPECT_GT(stats.words, 1900u);
  EXPECT_LT(stats.words, 2100u);
  EXPECT_NEAR(stats.mean_sentence_words, 25.0, 1.5);
  // Dense academic prose: a university-level grade.
  EXPECT_GT(stats.readability_grade, 12.0);
  EXPECT_LT(stats.readability_grade, 20.0);
}

}  // namespace
}  // namespace marginalia::rubrics
