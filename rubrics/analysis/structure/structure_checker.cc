#include "rubrics/analysis/structure/structure_checker.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "rubrics/analysis/finding_codes.h"
#include "rubrics/analysis/structure/discourse_markers.h"
#include "rubrics/analysis/structure/similarity.h"
#include "rubrics/analysis/text_queries.h"

namespace marginalia::rubrics {
namespace {

// A single paragraph this long is an essay without paragraph breaks.
constexpr uint32_t kMinUnbrokenWords = 250;

namespace v1 = ::marginalia::v1;

// Below this share of the introduction's key words, a conclusion does not
// answer it.
constexpr double kMinConclusionOverlap = 0.08;
// Order is judged on at least and at most this many body paragraphs.
constexpr std::size_t kMinOrderedParagraphs = 6;
constexpr std::size_t kMaxOrderedParagraphs = 120;

class Checker {
 public:
  Checker(const AnalysisInput& input, AnalysisResult* result)
      : input_(input), doc_(input.document), result_(result) {
    for (std::size_t i = 0; i < result_->roles.size(); ++i) {
      v1::SectionRole role = result_->roles[i].role;
      const Paragraph& p = doc_.paragraphs()[i];
      bool prose =
          p.kind == BlockKind::kProse || p.kind == BlockKind::kListItem;
      if (!prose) continue;
      if (role == v1::SECTION_ROLE_INTRODUCTION) intro_.push_back(i);
      if (role == v1::SECTION_ROLE_CONCLUSION) conclusion_.push_back(i);
      if (IsBodyRole(role)) body_.push_back(i);
    }
  }

  void Run() {
    if (Unmeasurable()) {
      // Without paragraph breaks there is no outline to judge: no finding,
      // no structure metric, so the rubric deducts nothing for it.
      result_->AddQuestion(
          "The essay has no paragraph breaks, so its structure (introduction "
          "and thesis, body, conclusion) could not be judged and is not "
          "scored. Break it into paragraphs to have its structure read.");
      return;
    }
    CheckParts();
    CheckConclusion();
    CheckParagraphs();
    MeasureFlow();
  }

 private:
  // One prose paragraph of some length: an essay pasted without its
  // paragraph breaks.
  bool Unmeasurable() const {
    int prose = 0;
    uint32_t words = 0;
    for (const Paragraph& p : doc_.paragraphs()) {
      if (p.kind != BlockKind::kProse || p.block_quote) continue;
      ++prose;
      words += p.words.size();
    }
    return prose == 1 && words >= kMinUnbrokenWords;
  }

  bool Has(v1::SectionRole role) const {
    for (const SectionRecord& s : result_->sections) {
      if (s.role == role) return true;
    }
    return false;
  }
  TextSpan Span(std::size_t paragraph) const {
    return doc_.paragraphs()[paragraph].span;
  }
  IndexRange Words(std::size_t paragraph) const {
    return doc_.paragraphs()[paragraph].words;
  }
  TermVector Terms(const std::vector<std::size_t>& paragraphs) const {
    TermVector terms;
    for (std::size_t p : paragraphs)
      terms.Add(TermVector(input_.lexicon, Words(p)));
    return terms;
  }

  void CheckParts() {
    const AnalysisSettings& settings = input_.settings;
    bool has_title = doc_.title_paragraph() >= 0;
    result_->SetMetric("structure.has_title", has_title ? 1 : 0);
    if (!has_title) {
      result_->AddFinding(FindingCodes::kStructureNoTitle, TextSpan{0, 0}, -1,
                          "The essay has no title.",
                          "Add a title that names the question the essay "
                          "answers.");
    }
    bool has_intro = !intro_.empty();
    if (!has_intro && settings.Expects(v1::SECTION_ROLE_INTRODUCTION)) {
      result_->AddFinding(FindingCodes::kStructureNoIntroduction,
                          TextSpan{0, 0}, -1, "The essay has no introduction.",
                          "Open with a paragraph that sets out the question "
                          "and your answer to it.");
    }
    bool has_thesis = result_->thesis_sentence >= 0;
    result_->SetMetric("structure.has_thesis", has_thesis ? 1 : 0);
    if (has_intro && !has_thesis) {
      TextSpan span{Span(intro_.front()).begin, Span(intro_.back()).end};
      result_->AddFinding(
          FindingCodes::kStructureNoThesis, span,
          static_cast<int>(intro_.front()),
          "The introduction does not say what the essay will argue.",
          "State your thesis in the introduction, e.g. \"This essay argues "
          "that ...\", and say how the essay will show it.");
    }
    bool has_roadmap = result_->roadmap_sentence >= 0;
    result_->SetMetric("structure.has_roadmap", has_roadmap ? 1 : 0);
    if (has_intro && !has_roadmap && body_.size() >= 5) {
      TextSpan span{Span(intro_.front()).begin, Span(intro_.back()).end};
      result_->AddFinding(
          FindingCodes::kStructureNoRoadmap, span,
          static_cast<int>(intro_.front()),
          "The introduction does not tell the reader how the essay is "
          "organised.",
          "Add a sentence outlining the steps, e.g. \"First ..., then ..., "
          "finally ...\".");
    }
    int words = 0, markers = 0;
    for (std::size_t p : body_) {
      words += static_cast<int>(Words(p).size());
      markers += input_.markers->Count(ComparisonMarkers(), Words(p));
    }
    result_->SetMetric("structure.comparison_density",
                       words == 0 ? 0 : 100.0 * markers / words);
    bool has_context = Has(v1::SECTION_ROLE_CONTEXT);
    bool has_comparison = Has(v1::SECTION_ROLE_COMPARISON);
    result_->SetMetric("structure.has_context", has_context ? 1 : 0);
    result_->SetMetric("structure.has_comparison", has_comparison ? 1 : 0);
    result_->SetMetric("structure.has_conclusion", conclusion_.empty() ? 0 : 1);
    TextSpan body_span = body_.empty() ? TextSpan{0, 0}
                                       : TextSpan{Span(body_.front()).begin,
                                                  Span(body_.front()).end};
    int body_paragraph = body_.empty() ? -1 : static_cast<int>(body_.front());
    if (!has_context && settings.Expects(v1::SECTION_ROLE_CONTEXT)) {
      result_->AddFinding(
          FindingCodes::kStructureNoContext, body_span, body_paragraph,
          "The essay gives no historical context before its analysis.",
          "Add a short context or background section (ideally with a "
          "heading) that sets the scene the argument depends on.");
    }
    if (!has_comparison && settings.Expects(v1::SECTION_ROLE_COMPARISON)) {
      result_->AddFinding(
          FindingCodes::kStructureNoComparison, body_span, body_paragraph,
          "The essay describes its subjects but never sets them side by side.",
          "Compare explicitly: say where they are alike and where they differ "
          "(\"whereas\", \"in contrast\", \"both\").");
    }
    if (conclusion_.empty() && settings.Expects(v1::SECTION_ROLE_CONCLUSION) &&
        !body_.empty()) {
      std::size_t last = body_.back();
      result_->AddFinding(
          FindingCodes::kStructureNoConclusion, Span(last),
          static_cast<int>(last),
          "The essay stops without a conclusion: its last paragraph carries "
          "on the argument.",
          "Add a concluding paragraph that answers the question set in the "
          "introduction and draws the sections together.");
      // Sure only when the last paragraph plainly carries on the argument;
      // a plain closing paragraph may sum up in words we do not know, and
      // a report with sections may close under a heading we do not read as
      // a conclusion ("Discussion", "Limitations").
      if (!input_.markers->StartsWith(BodyOpeners(), Words(last)) ||
          HasHeadings()) {
        result_->SetLastConfidence(0.5);
      }
    }
  }

  bool HasHeadings() const {
    for (const Paragraph& p : input_.document.paragraphs()) {
      if (p.kind == BlockKind::kHeading) return true;
    }
    return false;
  }

  void CheckConclusion() {
    if (intro_.empty() || conclusion_.empty()) return;
    double overlap = Terms(intro_).CoveredBy(Terms(conclusion_));
    result_->SetMetric("structure.conclusion_overlap", overlap);
    if (overlap < kMinConclusionOverlap) {
      TextSpan span{Span(conclusion_.front()).begin,
                    Span(conclusion_.back()).end};
      result_->AddFinding(
          FindingCodes::kStructureConclusionUnrelated, span,
          static_cast<int>(conclusion_.front()),
          "The conclusion barely takes up the introduction's terms, so it "
          "does not read as an answer to it.",
          "Return to the question and thesis from the introduction and say "
          "what the essay has shown about them.");
    }
  }

  void CheckParagraphs() {
    int limit = input_.settings.max_paragraph_words;
    std::vector<double> lengths;
    for (std::size_t i = 0; i < result_->roles.size(); ++i) {
      const Paragraph& p = doc_.paragraphs()[i];
      if (p.kind != BlockKind::kProse || p.block_quote) continue;
      v1::SectionRole role = result_->roles[i].role;
      if (role == v1::SECTION_ROLE_REFERENCES) continue;
      int words = static_cast<int>(p.words.size());
      if (IsBodyRole(role)) lengths.push_back(words);
      // "About 300": a few words over is no fault a tutor would mark.
      int tolerated = limit + limit / 20;
      if (words > tolerated && (words = ReadWords(doc_, p)) > tolerated) {
        result_->AddFinding(
            FindingCodes::kStructureParagraphTooLong, p.span,
            static_cast<int>(i),
            absl::StrCat("This paragraph runs to ", words,
                         " words; readers lose the thread past about ", limit,
                         "."),
            "Split it where the point changes, each part with its own "
            "opening sentence.");
      }
      if (p.sentences.size() == 1 && words >= 3 && IsBodyRole(role)) {
        result_->AddFinding(
            FindingCodes::kStructureSingleSentenceParagraph, p.span,
            static_cast<int>(i),
            "This paragraph is a single sentence, too thin to develop a point.",
            "Develop it with evidence and explanation, or merge it with the "
            "paragraph it belongs to.");
      }
    }
    result_->SetMetric("structure.body_paragraphs",
                       static_cast<double>(body_.size()));
    double mean = 0;
    for (double l : lengths) mean += l;
    mean = lengths.empty() ? 0 : mean / lengths.size();
    double variance = 0;
    for (double l : lengths) variance += (l - mean) * (l - mean);
    double cv = lengths.size() < 2 || mean == 0
                    ? 0
                    : std::sqrt(variance / lengths.size()) / mean;
    result_->SetMetric("structure.paragraph_length_cv", cv);
  }

  void MeasureFlow() {
    int linked = 0;
    for (std::size_t k = 1; k < body_.size(); ++k) {
      if (input_.markers->StartsWith(TransitionOpeners(), Words(body_[k]))) {
        ++linked;
      }
    }
    double ratio =
        body_.size() < 2 ? 1 : static_cast<double>(linked) / (body_.size() - 1);
    result_->SetMetric("structure.transition_ratio", ratio);
    if (body_.size() >= 5 && ratio < 0.1) {
      result_->AddFinding(
          FindingCodes::kStructureWeakTransitions, Span(body_[1]),
          static_cast<int>(body_[1]),
          "Body paragraphs start abruptly, with nothing linking each to the "
          "one before.",
          "Open paragraphs with a link: \"However, ...\", \"This shows ...\", "
          "\"By contrast, ...\".");
    }
    MeasureOrder();
  }

  // How the order of the body holds together, from two signals on TF-IDF
  // vectors (terms every paragraph shares carry no weight):
  //  - coherence: neighbouring paragraphs' similarity relative to all
  //    pairs' (above 1 when related paragraphs sit together);
  //  - bridging: how much a paragraph's first sentence takes up the
  //    paragraph before it, relative to the others (writers open by
  //    linking back).
  // Both are about 1 for a random order. With fewer than
  // kMinOrderedParagraphs body paragraphs there are too few pairs to tell
  // order from chance, and the metrics are left out (rubric rules on them
  // then deduct nothing).
  void MeasureOrder() const {
    double coherence = 1, bridging = 1;
    // Pairwise comparisons grow with the square of the paragraphs; the
    // first kMaxOrderedParagraphs say enough about an essay's order.
    std::size_t n = std::min(body_.size(), kMaxOrderedParagraphs);
    if (n < kMinOrderedParagraphs) return;
    {
      std::vector<TermVector> raw;
      raw.reserve(n);
      for (std::size_t k = 0; k < n; ++k) {
        raw.emplace_back(input_.lexicon, Words(body_[k]));
      }
      IdfTable idf(raw, input_.lexicon.stem_count());
      std::vector<TermVector> weighted;
      weighted.reserve(n);
      for (const TermVector& v : raw) weighted.push_back(v.Weighted(idf));
      TermVector unit_sum =
          TermVector::UnitSum(weighted, input_.lexicon.stem_count());
      coherence = RelativeAdjacency(weighted, unit_sum);
      bridging = Bridging(idf, weighted, unit_sum);
    }
    result_->SetMetric("structure.coherence", coherence);
    result_->SetMetric("structure.bridging", bridging);
    result_->SetMetric("structure.flow", (coherence + bridging) / 2);
  }

  // For unit vectors u_i with sum S, the sum of cosines over all pairs is
  // (|S|^2 - n) / 2 and a vector's summed cosine with the others is
  // u.S - 1: one pass instead of comparing every pair.
  static double RelativeAdjacency(const std::vector<TermVector>& terms,
                                  const TermVector& unit_sum) {
    double n = static_cast<double>(terms.size());
    double adjacent = 0;
    for (std::size_t i = 0; i + 1 < terms.size(); ++i) {
      adjacent += terms[i].Cosine(terms[i + 1]);
    }
    adjacent /= n - 1;
    double all = (unit_sum.SquaredNorm() - Nonzero(terms)) / (n * (n - 1));
    return all <= 1e-12 ? 1 : std::min(3.0, adjacent / all);
  }

  static double Nonzero(const std::vector<TermVector>& terms) {
    double count = 0;
    for (const TermVector& t : terms) count += t.empty() ? 0 : 1;
    return count;
  }

  double Bridging(const IdfTable& idf, const std::vector<TermVector>& weighted,
                  const TermVector& unit_sum) const {
    double to_previous = 0, to_others = 0;
    double n = static_cast<double>(weighted.size());
    DenseTermVector dense_sum(unit_sum, input_.lexicon.stem_count());
    for (std::size_t k = 1; k < weighted.size(); ++k) {
      const Paragraph& p = doc_.paragraphs()[body_[k]];
      if (p.sentences.empty()) continue;
      TermVector opening =
          TermVector(input_.lexicon, doc_.sentences()[p.sentences.begin].words)
              .Weighted(idf);
      to_previous += opening.Cosine(weighted[k - 1]);
      double others =
          opening.Cosine(dense_sum) * std::sqrt(unit_sum.SquaredNorm()) -
          opening.Cosine(weighted[k]);
      to_others += others / (n - 1);
    }
    return to_others <= 1e-12 ? 1 : std::min(3.0, to_previous / to_others);
  }

  const AnalysisInput& input_;
  const Document& doc_;
  AnalysisResult* result_;
  std::vector<std::size_t> intro_;
  std::vector<std::size_t> conclusion_;
  std::vector<std::size_t> body_;
};

}  // namespace

bool IsBodyRole(v1::SectionRole role) {
  return role == v1::SECTION_ROLE_BODY || role == v1::SECTION_ROLE_CONTEXT ||
         role == v1::SECTION_ROLE_COMPARISON;
}

void StructureChecker::Analyze(const AnalysisInput& input,
                               AnalysisResult* result) const {
  Checker(input, result).Run();
}

}  // namespace marginalia::rubrics
