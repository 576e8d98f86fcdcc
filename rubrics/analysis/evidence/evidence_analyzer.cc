#include "rubrics/analysis/evidence/evidence_analyzer.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "rubrics/analysis/citations/citation_checker.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/citations/quote_attribution.h"
#include "rubrics/analysis/evidence/statistics.h"
#include "rubrics/analysis/finding_codes.h"
#include "rubrics/analysis/structure/structure_checker.h"
#include "rubrics/analysis/text_queries.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

// Fewer citations than this make shares meaningless.
constexpr int kMinCitationsForShare = 5;
// A body paragraph shorter than this is a link, not a claim.
constexpr int kMinClaimWords = 30;
// A source must carry this many citations before over-reliance on it is
// sure enough to raise.
constexpr int kSureOverrelianceCitations = 8;

class Checker {
 public:
  Checker(const AnalysisInput& input, AnalysisResult* result)
      : input_(input), doc_(input.document), result_(result) {}

  void Run() {
    statistics_ = FindStatistics(doc_, input_.lexicon);
    CountPerParagraph();
    CheckParagraphSupport();
    CheckStatistics();
    CheckSources();
    CheckQuotations();
    CheckConclusion();
  }

 private:
  v1::SectionRole Role(std::size_t paragraph) const {
    return paragraph < result_->roles.size() ? result_->roles[paragraph].role
                                             : v1::SECTION_ROLE_UNSPECIFIED;
  }

  void CountPerParagraph() {
    std::size_t n = doc_.paragraphs().size();
    citations_.assign(n, 0);
    quotes_.assign(n, 0);
    figures_.assign(n, 0);
    for (const CitationRecord& c : result_->citations) {
      if (c.paragraph >= 0) ++citations_[c.paragraph];
    }
    for (const Quotation& q : doc_.quotations()) {
      if (IsEvidenceQuotation(doc_, q)) ++quotes_[q.paragraph];
    }
    for (const Statistic& s : statistics_) ++figures_[s.paragraph];
  }

  // 100,000 or more, or a number with a magnitude word ("26 million").
  static bool IsLargeFigure(absl::string_view figure) {
    if (absl::StrContains(figure, ' ')) return true;
    std::size_t digits = 0;
    for (char c : figure) {
      if (c == '.' || c == '%') break;
      if (absl::ascii_isdigit(static_cast<unsigned char>(c))) ++digits;
    }
    return digits >= 6 && !absl::StrContains(figure, '%');
  }

  bool NextToBlockQuote(std::size_t i) const {
    const auto& paragraphs = doc_.paragraphs();
    return (i > 0 && paragraphs[i - 1].block_quote) ||
           (i + 1 < paragraphs.size() && paragraphs[i + 1].block_quote);
  }

  void CheckParagraphSupport() {
    QuoteAttribution attribution(doc_, *result_);
    int body = 0, supported = 0;
    for (std::size_t i = 0; i < doc_.paragraphs().size(); ++i) {
      if (!IsBodyRole(Role(i))) continue;
      const Paragraph& p = doc_.paragraphs()[i];
      if (p.kind != BlockKind::kProse || p.block_quote) continue;
      ++body;
      if (citations_[i] + quotes_[i] + figures_[i] > 0) {
        ++supported;
        continue;
      }
      if (static_cast<int>(p.words.size()) < kMinClaimWords) continue;
      bool discusses_source =
          attribution.MentionsSource(p.span) || NextToBlockQuote(i);
      result_->AddFinding(
          FindingCodes::kEvidenceUnsupportedParagraph, p.span,
          static_cast<int>(i),
          absl::StrCat("This body paragraph makes its case in ",
                       p.sentences.size(),
                       p.sentences.size() == 1 ? " sentence" : " sentences",
                       " without a citation, quotation or figure to back it."),
          "Support its main claim with evidence from a source (a cited "
          "paraphrase, a quotation or a figure) and explain what it shows.");
      // Naming a source, an unread bracket or marker, or a block quotation
      // beside it: the paragraph likely rests on a source we did not read.
      if (discusses_source) result_->SetLastConfidence(0.4);
    }
    result_->SetMetric("evidence.supported_paragraph_ratio",
                       body == 0 ? 1 : static_cast<double>(supported) / body);
    // When a quarter or more of the body paragraphs seem unsupported, the
    // essay more likely cites in a way we did not read than argues without
    // evidence.
    if (body >= 3 && 4 * supported < 3 * body) {
      bool any = false;
      for (v1::Finding& f : *result_->mutable_findings()) {
        if (FindingCodes::kEvidenceUnsupportedParagraph == f.code()) {
          f.set_confidence(std::min(f.confidence(), 0.5));
          any = true;
        }
      }
      if (any) {
        result_->AddQuestion(absl::StrCat(
            "Many body paragraphs (", body - supported, " of ", body,
            ") show no citation we could read. If the essay cites in a form "
            "we do not recognise, check each paragraph names its source; if "
            "not, support the main claims with cited evidence."));
      }
    }
  }

  void CheckStatistics() {
    int unsourced = 0;
    int read_sentence = -1;
    bool attributes = false;
    absl::flat_hash_set<absl::string_view> sourced_figures;
    uint32_t sourced_paragraph = 0;
    for (const Statistic& s : statistics_) {
      if (Role(s.paragraph) == v1::SECTION_ROLE_REFERENCES) continue;
      // A citation in the same sentence or the next one covers a figure.
      bool sourced = false;
      for (int sentence : {s.sentence, s.sentence + 1}) {
        if (s.sentence < 0) break;
        auto [first, last] = CitationsInSentence(result_->citations, sentence);
        for (std::size_t i = first; i < last && !sourced; ++i) {
          sourced =
              result_->citations[i].paragraph == static_cast<int>(s.paragraph);
        }
      }
      // "According to the UNHCR, ..." names where the figure comes from.
      // Figures come in text order: each sentence is read once.
      if (!sourced && s.sentence >= 0) {
        if (s.sentence != read_sentence) {
          read_sentence = s.sentence;
          TextSpan sentence = doc_.sentences()[s.sentence].span;
          attributes = absl::StrContains(
              absl::AsciiStrToLower(doc_.Slice(sentence)), "according to ");
        }
        sourced = attributes;
      }
      // A figure sourced earlier in its paragraph is sourced when repeated
      // there ("... saved up to 500,000 soldiers" after "(Linenthal, 54)");
      // another paragraph must cite it again.
      if (s.paragraph != sourced_paragraph) {
        sourced_paragraph = s.paragraph;
        sourced_figures.clear();
      }
      absl::string_view figure = doc_.Slice(s.span);
      if (sourced) {
        sourced_figures.insert(figure);
        continue;
      }
      if (sourced_figures.contains(figure)) continue;
      ++unsourced;
      result_->AddFinding(
          FindingCodes::kEvidenceUnsourcedStatistic, s.span,
          static_cast<int>(s.paragraph),
          absl::StrCat("The figure \"", doc_.Slice(s.span),
                       "\" has no source, so a reader cannot check it."),
          "Cite where the figure comes from, in the same sentence.");
      // A modest count or share is often common knowledge or worked out in
      // the essay; a large, specific figure plainly needs a source.
      if (!IsLargeFigure(doc_.Slice(s.span))) result_->SetLastConfidence(0.55);
    }
    result_->SetMetric("evidence.statistics",
                       static_cast<double>(statistics_.size()));
    result_->SetMetric("evidence.unsourced_statistics", unsourced);
  }

  // Whether the first of `authors` is named in the title or the first
  // prose paragraph.
  bool NamedInOpening(const std::vector<std::string>& authors) const {
    if (authors.empty()) return false;
    std::string family = FoldName(authors[0]);
    int prose_seen = 0;
    for (const Paragraph& p : doc_.paragraphs()) {
      bool prose = p.kind == BlockKind::kProse;
      if (prose && ++prose_seen > 1) break;
      for (uint32_t w = p.words.begin; w < p.words.end; ++w) {
        if (FoldNameInText(doc_.Slice(doc_.words()[w].span)) == family) {
          return true;
        }
      }
    }
    return false;
  }

  void CheckSources() {
    int total = 0;
    const SourceRecord* top = nullptr;
    int distinct = 0;
    for (const SourceRecord& s : result_->sources) {
      total += s.citations;
      if (s.citations > 0) ++distinct;
      if (top == nullptr || s.citations > top->citations) top = &s;
    }
    double share = total == 0 || top == nullptr
                       ? 0
                       : static_cast<double>(top->citations) / total;
    result_->SetMetric("evidence.sources", distinct);
    result_->SetMetric("evidence.max_source_share", share);
    double words = std::max<double>(1, doc_.stats().prose_words);
    result_->SetMetric("evidence.citations_per_1000_words",
                       1000.0 * result_->citations.size() / words);
    int listed = 0;
    for (const ReferenceRecord& r : result_->references) {
      if (!r.note) ++listed;
    }
    if (distinct < input_.settings.min_sources) {
      result_->AddFinding(
          FindingCodes::kEvidenceFewSources, TextSpan{0, 0}, -1,
          distinct == 0 ? std::string("The essay cites no sources at all.")
                        : absl::StrCat("The essay draws on only ", distinct,
                                       distinct == 1 ? " source" : " sources",
                                       "; ", input_.settings.min_sources,
                                       " or more give a balanced argument."),
          "Find further scholarly sources and cite them where they support "
          "or challenge your claims.");
      // A reference list or notes naming more works than were matched
      // means citations went unread, not that sources are missing; an
      // essay on one text named in its opening is meant to use few.
      QuoteAttribution attribution(doc_, *result_);
      if (listed >= input_.settings.min_sources ||
          (top != nullptr && NamedInOpening(top->authors)) ||
          (distinct == 0 && (result_->has_reference_list() ||
                             attribution.HasUnreadCitationMarks(*result_)))) {
        result_->SetLastConfidence(0.3);
      } else if (distinct == 0) {
        // Nothing cited and nothing that looks like a citation: sure.
        result_->SetLastConfidence(0.85);
      }
      if (distinct == 0 && result_->has_reference_list()) {
        result_->AddQuestion(
            "The essay has a reference list, but we could not match any "
            "in-text citation to it. Check that the text cites its sources, "
            "e.g. (Author, year, page).");
      }
    }
    if (top != nullptr && distinct >= 2 && total >= kMinCitationsForShare &&
        share > input_.settings.max_source_share) {
      const CitationRecord& first =
          result_->citations[top->citation_indices.front()];
      std::string label = SourceLabel(top->authors, top->year);
      result_->AddFinding(
          FindingCodes::kEvidenceSourceOverreliance, first.span,
          first.paragraph,
          absl::StrFormat("%s carries %d of the %d citations (%.0f%%), so much "
                          "of the argument rests on one view.",
                          label, top->citations, total, 100 * share),
          absl::StrCat("Balance ", label,
                       " with other sources, especially for claims only it "
                       "supports."));
      // The text an essay studies, named in its title or first paragraph,
      // is meant to carry its citations.
      if (NamedInOpening(top->authors)) {
        result_->SetLastConfidence(0.3);
      } else if (top->citations < kSureOverrelianceCitations) {
        // A handful of citations is too few to call a pattern.
        result_->SetLastConfidence(0.5);
      }
      for (std::size_t k = 1; k < top->citation_indices.size(); ++k) {
        const CitationRecord& c = result_->citations[top->citation_indices[k]];
        v1::Span* related = result_->last_finding().add_related_spans();
        related->set_begin(c.span.begin);
        related->set_end(c.span.end);
      }
    }
  }

  void CheckQuotations() {
    int quoted = 0;
    for (const Quotation& q : doc_.quotations()) {
      if (!IsEvidenceQuotation(doc_, q) || !IsBodyRole(Role(q.paragraph)))
        continue;
      quoted += WordsWithin(doc_, q.inner);
      if (IsDropped(q)) {
        result_->AddFinding(
            FindingCodes::kEvidenceDroppedQuote, q.span,
            static_cast<int>(q.paragraph),
            "This quotation stands as a sentence on its own, with no words of "
            "yours to introduce or explain it.",
            "Introduce it with a signal phrase (\"As Smith argues, ...\") and "
            "say what it shows.");
      }
    }
    int body_words = 0;
    for (std::size_t i = 0; i < doc_.paragraphs().size(); ++i) {
      if (IsBodyRole(Role(i))) {
        body_words += static_cast<int>(doc_.paragraphs()[i].words.size());
      }
    }
    double share =
        body_words == 0 ? 0 : static_cast<double>(quoted) / body_words;
    result_->SetMetric("evidence.quoted_share", share);
    if (share > input_.settings.max_quoted_share) {
      result_->AddFinding(
          FindingCodes::kEvidenceQuoteHeavy, TextSpan{0, 0}, -1,
          absl::StrFormat("Quotations make up %.0f%% of the body; the essay's "
                          "own analysis gets crowded out.",
                          100 * share),
          "Paraphrase most sources in your own words and keep quotations "
          "for wording that matters.");
    }
  }

  // A quotation that is its sentence: nothing of the writer's own before it
  // and nothing after it but a citation.
  bool IsDropped(const Quotation& q) const {
    int sentence = SentenceAt(doc_, q.span.begin);
    if (sentence < 0) return false;
    const Sentence& s = doc_.sentences()[sentence];
    for (uint32_t w = s.words.begin; w < s.words.end; ++w) {
      const TextSpan& span = doc_.words()[w].span;
      if (q.span.Contains(span)) continue;
      if (!InsideCitation(result_->citations, span.begin)) return false;
    }
    return true;
  }

  // Evidence is new in the conclusion only when the body never used it: a
  // source not cited before, a figure not given before.
  void CheckConclusion() {
    absl::flat_hash_set<int> cited_before;
    for (const CitationRecord& c : result_->citations) {
      if (c.paragraph >= 0 && c.source >= 0 &&
          Role(c.paragraph) != v1::SECTION_ROLE_CONCLUSION) {
        cited_before.insert(c.source);
      }
    }
    absl::flat_hash_set<absl::string_view> figures_before;
    for (const Statistic& s : statistics_) {
      if (Role(s.paragraph) != v1::SECTION_ROLE_CONCLUSION) {
        figures_before.insert(doc_.Slice(s.span));
      }
    }
    std::vector<bool> reported(doc_.paragraphs().size(), false);
    for (const CitationRecord& c : result_->citations) {
      if (c.paragraph < 0 || Role(c.paragraph) != v1::SECTION_ROLE_CONCLUSION ||
          cited_before.contains(c.source) || reported[c.paragraph]) {
        continue;
      }
      reported[c.paragraph] = true;
      result_->AddFinding(
          FindingCodes::kEvidenceNewMaterialInConclusion, c.span, c.paragraph,
          "The conclusion brings in a source the body never used; a "
          "conclusion should draw together what the essay has already shown.",
          "Move this evidence into the body, and keep the conclusion to your "
          "answer and its significance.");
    }
    for (const Statistic& s : statistics_) {
      if (Role(s.paragraph) != v1::SECTION_ROLE_CONCLUSION ||
          figures_before.contains(doc_.Slice(s.span)) ||
          reported[s.paragraph]) {
        continue;
      }
      reported[s.paragraph] = true;
      result_->AddFinding(
          FindingCodes::kEvidenceNewMaterialInConclusion, s.span,
          static_cast<int>(s.paragraph),
          "The conclusion introduces a new figure.",
          "Present the figure in the body where it supports a point.");
    }
  }

  const AnalysisInput& input_;
  const Document& doc_;
  AnalysisResult* result_;
  std::vector<Statistic> statistics_;
  std::vector<int> citations_, quotes_, figures_;
};

}  // namespace

void EvidenceAnalyzer::Analyze(const AnalysisInput& input,
                               AnalysisResult* result) const {
  Checker(input, result).Run();
}

}  // namespace marginalia::rubrics
