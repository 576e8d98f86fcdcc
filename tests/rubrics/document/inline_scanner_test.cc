#include "rubrics/document/inline_scanner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace marginalia::rubrics {
namespace {

using ::testing::ElementsAre;

class InlineScannerTest : public ::testing::Test {
 protected:
  void Scan(const std::string& text) {
    text_ = text;
    content_ = InlineContent();
    ScanInline(text_, TextSpan{0, static_cast<uint32_t>(text_.size())}, 0,
               &content_);
  }
  std::vector<std::string> Words() const {
    std::vector<std::string> out;
    for (const Word& w : content_.words) out.push_back(Slice(w.span));
    return out;
  }
  std::string Slice(TextSpan span) const {
    return text_.substr(span.begin, span.size());
  }

  std::string text_;
  InlineContent content_;
};

TEST_F(InlineScannerTest, WordsKeepApostrophesHyphensAndNumbers) {
  Scan("Marx\u2019s large-scale plan\u2014costing $1,000.50\u2014don't fail.");
  EXPECT_THAT(Words(), ElementsAre("Marx\u2019s", "large-scale", "plan",
                                   "costing", "1,000.50", "don't", "fail"));
  EXPECT_TRUE(content_.words[4].numeric);
  EXPECT_TRUE(content_.words[0].capitalised);
}

TEST_F(InlineScannerTest, WordsInOtherScripts) {
  Scan("Mao Zedong (\u6bdb\u6cfd\u4e1c) and \u00c9mile");
  EXPECT_EQ(Words().size(), 5u);
  EXPECT_EQ(Words()[4], "\u00c9mile");
}

TEST_F(InlineScannerTest, StraightAndCurlyQuotations) {
  Scan("He said \"go\" and \u201cstay\u201d and \u2018wait\u2019.");
  ASSERT_EQ(content_.quotations.size(), 3u);
  EXPECT_EQ(Slice(content_.quotations[0].inner), "go");
  EXPECT_EQ(Slice(content_.quotations[1].span), "\u201cstay\u201d");
  EXPECT_EQ(Slice(content_.quotations[2].inner), "wait");
  for (const Quotation& q : content_.quotations) EXPECT_TRUE(q.closed);
}

TEST_F(InlineScannerTest, NestedQuotations) {
  Scan("\u201cShe called it \u2018a clean sheet\u2019 then,\u201d he wrote.");
  ASSERT_EQ(content_.quotations.size(), 2u);
  EXPECT_EQ(content_.quotations[0].depth, 0);
  EXPECT_EQ(content_.quotations[1].depth, 1);
  EXPECT_EQ(Slice(content_.quotations[1].inner), "a clean sheet");
}

TEST_F(InlineScannerTest, ApostrophesAreNotQuotations) {
  Scan("The students\u2019 work and Mao\u2019s plan in the \u201990s.");
  EXPECT_TRUE(content_.quotations.empty());
}

TEST_F(InlineScannerTest, UnclosedQuotationRunsToTheEnd) {
  Scan("He wrote \u201cthe plan failed and never");
  ASSERT_EQ(content_.quotations.size(), 1u);
  EXPECT_FALSE(content_.quotations[0].closed);
  EXPECT_EQ(content_.quotations[0].span.end, text_.size());
}

TEST_F(InlineScannerTest, MismatchedClosingMark) {
  Scan("\u201copened double, closed single.\u2019 (Smith, 2000).");
  ASSERT_EQ(content_.quotations.size(), 1u);
  EXPECT_TRUE(content_.quotations[0].closed);
  EXPECT_TRUE(content_.quotations[0].mismatched);
}

TEST_F(InlineScannerTest, NestedAndUnclosedBrackets) {
  Scan("A (b [c] d) and (e and f] g");
  ASSERT_EQ(content_.parentheticals.size(), 3u);
  EXPECT_EQ(Slice(content_.parentheticals[0].span), "(b [c] d)");
  EXPECT_EQ(Slice(content_.parentheticals[1].span), "[c]");
  EXPECT_EQ(content_.parentheticals[1].depth, 1);
  EXPECT_FALSE(content_.parentheticals[2].closed);
  ASSERT_EQ(content_.stray_brackets.size(), 1u);
  EXPECT_EQ(content_.stray_brackets[0].bracket, ']');
}

TEST_F(InlineScannerTest, DeepBracketsDoNotOverflow) {
  std::string deep(100000, '(');
  deep += std::string(100000, ')');
  Scan(deep);
  EXPECT_EQ(content_.parentheticals.size(), 100000u);
  EXPECT_TRUE(content_.stray_brackets.empty());
}

TEST(CountSyllablesTest, CountsVowelGroups) {
  EXPECT_EQ(CountSyllables("cat"), 1);
  EXPECT_EQ(CountSyllables("table"), 2);
  EXPECT_EQ(CountSyllables("plane"), 1);
  EXPECT_EQ(CountSyllables("industry"), 3);
  EXPECT_EQ(CountSyllables("education"), 4);
  EXPECT_EQ(CountSyllables("x"), 1);
}

}  // namespace
}  // namespace marginalia::rubrics
