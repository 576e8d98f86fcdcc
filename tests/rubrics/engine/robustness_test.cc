// 10,000 random and mutated inputs: each gives a report whose spans lie
// inside the text on character boundaries, or a clear INVALID_ARGUMENT;
// never a crash (the suite also runs under ASan and UBSan).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "rubrics/document/normalize.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_registry.h"
#include "tests/testing/test_data.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

class RobustnessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry_ = std::make_unique<RubricRegistry>(*RubricRegistry::BuiltIn());
    rubrics_ = registry_->All();
    sample_ = marginalia::testing::SampleEssay();
  }

  static bool OnBoundary(const std::string& text, uint32_t offset) {
    return offset == text.size() ||
           (offset < text.size() &&
            (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
  }

  void CheckSpan(const std::string& text, const v1::Span& span,
                 const std::string& what) {
    ASSERT_LE(span.begin(), span.end()) << what;
    ASSERT_LE(span.end(), text.size()) << what;
    ASSERT_TRUE(OnBoundary(text, span.begin()) && OnBoundary(text, span.end()))
        << what << " splits a character";
  }

  // Runs one input through normalisation and every built-in rubric.
  void Check(const std::string& input, int case_number) {
    absl::StatusOr<std::string> text = NormalizeEssayText(input);
    if (!text.ok()) {
      ASSERT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument)
          << "case " << case_number;
      ASSERT_FALSE(text.status().message().empty());
      return;
    }
    const CompiledRubric& rubric = *rubrics_[case_number % rubrics_.size()];
    absl::StatusOr<v1::FeedbackReport> report = engine_.Score(*text, rubric);
    ASSERT_TRUE(report.ok())
        << "case " << case_number << ": " << report.status();
    for (const v1::Finding& f : report->findings()) {
      CheckSpan(*text, f.span(), f.code());
      ASSERT_LT(f.paragraph(), report->paragraphs_size()) << f.code();
      for (const v1::Span& span : f.related_spans())
        CheckSpan(*text, span, f.code());
    }
    for (const v1::Citation& c : report->citations()) {
      CheckSpan(*text, c.span(), "citation");
      ASSERT_LT(c.source(), report->sources_size());
    }
    for (const v1::ParagraphOutline& p : report->paragraphs()) {
      CheckSpan(*text, p.span(), "paragraph");
    }
    for (const v1::CriterionScore& c : report->criteria()) {
      ASSERT_GE(c.score(), 0);
      ASSERT_LE(c.score(), c.max_score());
      ASSERT_FALSE(c.rationale().empty());
    }
    ++reports_;
  }

  std::string RandomBytes(std::mt19937_64& random, std::size_t size) {
    std::string s(size, '\0');
    for (char& c : s) c = static_cast<char>(random() & 0xFF);
    return s;
  }

  // Text from an alphabet heavy in what the segmenter treats specially.
  std::string RandomMarkup(std::mt19937_64& random, std::size_t size) {
    static const std::vector<std::string> kPieces = {"(",
                                                     ")",
                                                     "[",
                                                     "]",
                                                     "\"",
                                                     "'",
                                                     "\u201c",
                                                     "\u201d",
                                                     "\u2018",
                                                     "\u2019",
                                                     ".",
                                                     ". ",
                                                     "..",
                                                     "?",
                                                     "!",
                                                     ",",
                                                     ";",
                                                     ":",
                                                     " ",
                                                     " ",
                                                     " ",
                                                     "\n",
                                                     "\n\n",
                                                     "p.",
                                                     "et al.",
                                                     "Smith",
                                                     "2019",
                                                     "1986",
                                                     "#",
                                                     "## ",
                                                     "- ",
                                                     "> ",
                                                     "[^1]",
                                                     "\u00b9",
                                                     "%",
                                                     "$",
                                                     "e.g.",
                                                     "References",
                                                     "n.d.",
                                                     "word",
                                                     "the",
                                                     "The",
                                                     "\u2026",
                                                     "---\n",
                                                     "1.",
                                                     "Meisner., ",
                                                     "\nNotes\n\n",
                                                     "Ibid., 4.",
                                                     "\n2 Smith, Title, 4.",
                                                     "\u00b2",
                                                     "[3]",
                                                     "and ",
                                                     "Bibliography\n\n",
                                                     "Kaplan, Steven L. "};
    std::string s;
    while (s.size() < size) s += kPieces[random() % kPieces.size()];
    return s;
  }

  std::string Mutate(std::mt19937_64& random) {
    std::string s = sample_;
    int edits = 1 + static_cast<int>(random() % 20);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      std::size_t at = random() % s.size();
      std::size_t length = std::min<std::size_t>(s.size() - at, random() % 400);
      switch (random() % 5) {
        case 0:
          s.erase(at, length);
          break;
        case 1:
          s.insert(at, s.substr(random() % s.size(), length));
          break;
        case 2:
          s[at] = static_cast<char>(random() & 0xFF);
          break;
        case 3:
          s.insert(at, RandomMarkup(random, length / 4 + 1));
          break;
        default:
          std::reverse(s.begin() + at, s.begin() + at + length);
      }
    }
    return s;
  }

  Engine engine_;
  std::unique_ptr<RubricRegistry> registry_;
  std::vector<std::shared_ptr<const CompiledRubric>> rubrics_;
  std::string sample_;
  int reports_ = 0;
};

TEST_F(RobustnessTest, TenThousandInputsGiveAReportOrAClearError) {
  std::mt19937_64 random(20261128);
  int cases = 0;
  // Pathological shapes first.
  std::vector<std::string> shapes = {
      "",
      " ",
      "\n\n\n",
      std::string(1 << 20, 'a'),
      std::string(100000, '(') + std::string(100000, ')'),
      std::string(200000, '('),
      std::string(200000, ')'),
      std::string(50000, '['),
      std::string(100000, '"'),
      std::string(30000, '\xE2') + "x",
  };
  std::string quotes;
  while (quotes.size() < 300000) quotes += "\u201c\u2018\u201d\u2019\"'";
  shapes.push_back(quotes);
  std::string paragraph;
  while (paragraph.size() < (1u << 20)) {
    paragraph += "It grew (Smith, 2001, p. 4) as \u201cthe plan failed\u201d. ";
  }
  shapes.push_back(paragraph);
  std::string lines;
  while (lines.size() < (1u << 20)) lines += "Heading\nA line.\n\n";
  shapes.push_back(lines);
  std::string periods(500000, '.');
  shapes.push_back(periods);
  // Thousands of footnote markers, each an "Ibid." of the note before.
  std::string notes = "Notes essay\n\n";
  for (int i = 1; i <= 5000; ++i) notes += "Claim.[" + std::to_string(i) + "] ";
  notes += "\n\nNotes\n\n";
  for (int i = 1; i <= 5000; ++i) notes += std::to_string(i) + " Ibid., 4.\n";
  shapes.push_back(notes);
  // Note numbers too long for an int (found by engine_fuzzer; UBSan).
  shapes.push_back(
      "A claim.\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
      "\u00b9\u00b2\u00b3 More.\n\n[^99999999999]: Smith, J. (2001). A "
      "title.\n");
  for (const std::string& shape : shapes) Check(shape, cases++);
  while (cases < 2500) Check(RandomBytes(random, random() % 3000), cases++);
  while (cases < 5000) Check(RandomMarkup(random, random() % 3000), cases++);
  while (cases < 10000) Check(Mutate(random), cases++);
  EXPECT_EQ(cases, 10000);
  // Random bytes and flipped bytes are mostly invalid UTF-8 (a clear error);
  // the markup soup and most mutations are valid and must give reports.
  EXPECT_GT(reports_, 3000);
}

}  // namespace
}  // namespace marginalia::rubrics
