// The evaluation's scoring of one report against one gold file: what counts
// as a right finding, a found citation and a named source.
#include "eval/essay_eval.h"

#include <gtest/gtest.h>

#include "google/protobuf/text_format.h"

namespace marginalia::eval {
namespace {

namespace v1 = ::marginalia::v1;

constexpr char kText[] =
    "Intro sentence here.\n\nBody cites (Kelly 20) and says \"a quoted line "
    "of seven words here\".\n\nKelly, Joan. Women. 1984.";

template <typename M>
M Parse(const char* text) {
  M message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message));
  return message;
}

v1::Rubric CountingRubric() {
  return Parse<v1::Rubric>(
      "id: 'r' criteria { id: 'c' rules { finding { code: 'citation.*' } } "
      "rules { finding { code: 'structure.*' } } }");
}

EssayGold Gold() {
  return Parse<EssayGold>(R"pb(
    path: "x.md"
    citations {
      span { begin: 33 end: 43 text: "(Kelly 20)" }
      source: "kelly"
      author: "Kelly"
    }
    references {
      key: "kelly"
      authors: "Kelly"
      year: "1984"
      span { begin: 91 end: 116 }
    }
    quotations {
      span { begin: 53 end: 89 }
      cited: false
    }
    thesis_present: true
    thesis { begin: 0 end: 20 }
    roadmap_present: true
    conclusion_present: false
  )pb");
}

v1::FeedbackReport Report() {
  return Parse<v1::FeedbackReport>(R"pb(
    paragraphs {
      index: 0
      span { begin: 0 end: 20 }
      role: SECTION_ROLE_INTRODUCTION
    }
    paragraphs {
      index: 1
      span { begin: 22 end: 90 }
      role: SECTION_ROLE_BODY
    }
    paragraphs {
      index: 2
      span { begin: 91 end: 116 }
      role: SECTION_ROLE_REFERENCES
    }
    citations {
      span { begin: 33 end: 43 }
      authors: "Kelly"
      source: 0
    }
    citations {
      span { begin: 60 end: 65 }
      authors: "Line"
      source: -1
    }
    sources {
      authors: "Kelly"
      year: "1984"
      in_reference_list: true
      reference_span { begin: 91 end: 116 }
    }
    findings {
      code: "citation.quote_without_citation"
      paragraph: 1
      severity: SEVERITY_ERROR
      span { begin: 53 end: 89 }
    }
    findings {
      code: "structure.no_title"
      paragraph: -1
      severity: SEVERITY_INFO
    }
    thesis { begin: 0 end: 20 }
  )pb");
}

TEST(EssayEvalTest, CountsFindingsAgainstExpectedAndDerivedOnes) {
  Tally tally;
  EvaluateEssay("x", Gold(), kText, CountingRubric(), Report(), &tally);
  // The uncited quotation implies the quote finding; no_title is unasked.
  EXPECT_EQ(
      tally.ratios().at("precision:citation.quote_without_citation").right, 1);
  EXPECT_EQ(tally.ratios().at("precision:structure.no_title").right, 0);
  // no_conclusion is implied by the gold and was not raised.
  EXPECT_EQ(tally.ratios().at("recall:structure.no_conclusion").right, 0);
  EXPECT_DOUBLE_EQ(tally.Value("findings.precision"), 0.5);
}

TEST(EssayEvalTest, CountsCitationsSourcesAndOutline) {
  Tally tally;
  EvaluateEssay("x", Gold(), kText, CountingRubric(), Report(), &tally);
  EXPECT_DOUBLE_EQ(tally.Value("citations.recall"), 1.0);
  EXPECT_DOUBLE_EQ(tally.Value("citations.precision"), 0.5);
  EXPECT_DOUBLE_EQ(tally.Value("citations.resolved"), 1.0);
  EXPECT_DOUBLE_EQ(tally.Value("references.read"), 1.0);
  EXPECT_DOUBLE_EQ(tally.Value("thesis.present_absent"), 1.0);
  EXPECT_DOUBLE_EQ(tally.Value("thesis.located"), 1.0);
  EXPECT_DOUBLE_EQ(tally.Value("conclusion.present_absent"), 1.0);
  EXPECT_DOUBLE_EQ(tally.Value("roadmap.present_absent"), 0.0);
}

TEST(EssayEvalTest, DropsImpliedFindingsTheRubricDoesNotCount) {
  Tally tally;
  v1::Rubric citations_only = Parse<v1::Rubric>(
      "id: 'r' criteria { id: 'c' rules { finding { code: 'citation.*' } } }");
  EvaluateEssay("x", Gold(), kText, citations_only, Report(), &tally);
  EXPECT_EQ(tally.Value("recall:structure.no_conclusion"), -1);
}

TEST(EssayEvalTest, RejectsASpanThatNoLongerCoversItsText) {
  EssayGold gold = Gold();
  gold.mutable_citations(0)->mutable_span()->set_begin(34);
  absl::Status status = CheckGoldSpans(gold, kText);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckGoldSpans(Gold(), kText), absl::OkStatus());
}

}  // namespace
}  // namespace marginalia::eval
