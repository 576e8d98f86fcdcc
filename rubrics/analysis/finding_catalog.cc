#include "rubrics/analysis/finding_catalog.h"

#include <algorithm>

#include "rubrics/analysis/finding_codes.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
constexpr v1::Severity kInfo = v1::SEVERITY_INFO;
constexpr v1::Severity kWarning = v1::SEVERITY_WARNING;
constexpr v1::Severity kError = v1::SEVERITY_ERROR;

std::vector<FindingKind> SortedFindings() {
  std::vector<FindingKind> kinds = {
      {FindingCodes::kCitationAmpersandMix.str(), kInfo,
       "mix of \"&\" and \"and\"", "mixes of \"&\" and \"and\""},
      {FindingCodes::kCitationEtAl.str(), kWarning, "misuse of \"et al.\"",
       "misuses of \"et al.\""},
      {FindingCodes::kCitationInconsistentStyle.str(), kWarning,
       "citation in a different style from the rest",
       "citations in a different style from the rest", 0.5},
      {FindingCodes::kCitationMissingReferenceEntry.str(), kError,
       "cited source missing from the references",
       "cited sources missing from the references", 0.55},
      {FindingCodes::kCitationMissingReferenceList.str(), kError,
       "missing reference list", "missing reference lists"},
      {FindingCodes::kCitationNameMismatch.str(), kWarning,
       "author name spelt differently from the reference",
       "author names spelt differently from the references"},
      {FindingCodes::kCitationNonstandardFormat.str(), kWarning,
       "citation punctuated in no standard style",
       "citations punctuated in no standard style"},
      {FindingCodes::kCitationPageFormat.str(), kInfo,
       "page number written irregularly", "page numbers written irregularly",
       0.55},
      {FindingCodes::kCitationQuoteWithoutCitation.str(), kError,
       "quotation without a citation", "quotations without citations", 0.55},
      {FindingCodes::kCitationQuoteWithoutPage.str(), kWarning,
       "quotation without a page number", "quotations without page numbers"},
      {FindingCodes::kCitationUncitedReference.str(), kWarning,
       "reference never cited", "references never cited", 0.55},
      {FindingCodes::kCitationWrongStyle.str(), kWarning,
       "citation not in the required style",
       "citations not in the required style", 0.75},
      {FindingCodes::kCitationYearMismatch.str(), kError,
       "citation year that differs from the reference",
       "citation years that differ from the references"},
      {FindingCodes::kEvidenceDroppedQuote.str(), kInfo,
       "quotation dropped in without introduction",
       "quotations dropped in without introduction", 0.5},
      {FindingCodes::kEvidenceFewSources.str(), kWarning,
       "narrow range of sources", "narrow ranges of sources", 0.55},
      {FindingCodes::kEvidenceNewMaterialInConclusion.str(), kWarning,
       "new evidence in the conclusion",
       "pieces of new evidence in the "
       "conclusion",
       0.55},
      {FindingCodes::kEvidenceQuoteHeavy.str(), kWarning,
       "reliance on quotation", "reliance on quotation", 0.5},
      {FindingCodes::kEvidenceSourceOverreliance.str(), kWarning,
       "over-reliance on one source", "over-reliance on single sources"},
      {FindingCodes::kEvidenceUnsourcedStatistic.str(), kWarning,
       "unsourced figure", "unsourced figures", 0.75},
      {FindingCodes::kEvidenceUnsupportedParagraph.str(), kWarning,
       "body paragraph without evidence", "body paragraphs without evidence",
       0.75},
      {FindingCodes::kMechanicsConfusedWord.str(), kWarning, "confused word",
       "confused words"},
      {FindingCodes::kMechanicsRepeatedPunctuation.str(), kWarning,
       "doubled punctuation mark", "doubled punctuation marks"},
      {FindingCodes::kMechanicsRepeatedWord.str(), kWarning, "repeated word",
       "repeated words"},
      {FindingCodes::kMechanicsUnbalancedBrackets.str(), kWarning,
       "unbalanced bracket", "unbalanced brackets"},
      {FindingCodes::kMechanicsUnbalancedQuotes.str(), kWarning,
       "unbalanced quotation mark", "unbalanced quotation marks"},
      {FindingCodes::kStructureConclusionUnrelated.str(), kWarning,
       "conclusion that does not answer the introduction",
       "conclusions that do not answer the introduction", 0.5},
      {FindingCodes::kStructureNoComparison.str(), kError, "missing comparison",
       "missing comparisons", 0.5},
      {FindingCodes::kStructureNoConclusion.str(), kError, "missing conclusion",
       "missing conclusions"},
      {FindingCodes::kStructureNoContext.str(), kWarning,
       "missing context section", "missing context sections", 0.5},
      {FindingCodes::kStructureNoIntroduction.str(), kError,
       "missing introduction", "missing introductions"},
      {FindingCodes::kStructureNoRoadmap.str(), kInfo,
       "introduction without a roadmap", "introductions without a roadmap",
       0.5},
      {FindingCodes::kStructureNoThesis.str(), kError,
       "missing thesis statement", "missing thesis statements", 0.5},
      {FindingCodes::kStructureNoTitle.str(), kInfo, "missing title",
       "missing titles", 0.75},
      {FindingCodes::kStructureParagraphTooLong.str(), kWarning,
       "overlong paragraph", "overlong paragraphs"},
      {FindingCodes::kStructureSingleSentenceParagraph.str(), kInfo,
       "one-sentence paragraph", "one-sentence paragraphs", 0.5},
      {FindingCodes::kStructureWeakTransitions.str(), kInfo,
       "lack of transitions", "lack of transitions", 0.5},
  };
  std::sort(kinds.begin(), kinds.end(),
            [](const FindingKind& a, const FindingKind& b) {
              return a.code < b.code;
            });
  return kinds;
}

std::vector<MetricKind> SortedMetrics() {
  std::vector<MetricKind> kinds = {
      {"citation.count", "in-text citations"},
      {"citation.has_reference_list", "1 when a reference list was found"},
      {"citation.resolved_ratio",
       "share of citations matched to a reference entry (1 without a list)",
       MetricUnit::kShare},
      {"citation.standard_ratio",
       "share of citations punctuated in a recognised style",
       MetricUnit::kShare},
      {"evidence.citations_per_1000_words", "citations per 1,000 words"},
      {"evidence.max_source_share",
       "largest share of citations carried by one source", MetricUnit::kShare},
      {"evidence.quoted_share", "share of words inside quotations",
       MetricUnit::kShare},
      {"evidence.sources", "distinct sources cited"},
      {"evidence.statistics", "figures (percentages, amounts) in the text"},
      {"evidence.supported_paragraph_ratio",
       "share of body paragraphs with a citation, quotation or figure",
       MetricUnit::kShare},
      {"evidence.unsourced_statistics", "figures without a nearby citation"},
      {"mechanics.issues_per_1000_words", "mechanics findings per 1,000 words"},
      {"structure.body_paragraphs", "body paragraphs"},
      {"structure.bridging",
       "how much each body paragraph's first sentence takes up the one "
       "before it, relative to the others (1 = no more than chance)"},
      {"structure.coherence",
       "TF-IDF similarity of neighbouring body paragraphs relative to all "
       "pairs (1 = no more related than chance)"},
      {"structure.flow",
       "mean of structure.coherence and structure.bridging: how well the "
       "body's order holds together (about 1 for a random order; measured "
       "with 6 or more body paragraphs)"},
      {"structure.comparison_density",
       "comparison markers per 100 words of body text"},
      {"structure.conclusion_overlap",
       "share of the introduction's key words the conclusion takes up",
       MetricUnit::kShare},
      {"structure.has_comparison",
       "1 when a section, by its heading, sets subjects side by side"},
      {"structure.has_conclusion", "1 when a conclusion was found"},
      {"structure.has_context", "1 when a context section was found"},
      {"structure.has_roadmap", "1 when the introduction has a roadmap"},
      {"structure.has_thesis", "1 when the introduction states a thesis"},
      {"structure.has_title", "1 when the essay has a title"},
      {"structure.paragraph_length_cv",
       "spread of body paragraph lengths (coefficient of variation)"},
      {"structure.transition_ratio",
       "share of body paragraphs that open with a link to what precedes",
       MetricUnit::kShare},
      {"text.mean_sentence_words", "mean words per sentence"},
      {"text.readability_grade", "Flesch-Kincaid grade level"},
      {"text.words", "words"},
  };
  std::sort(
      kinds.begin(), kinds.end(),
      [](const MetricKind& a, const MetricKind& b) { return a.name < b.name; });
  return kinds;
}

}  // namespace

const std::vector<FindingKind>& FindingKinds() {
  static const auto* kinds = new std::vector<FindingKind>(SortedFindings());
  return *kinds;
}

const FindingKind* FindFindingKind(absl::string_view code) {
  const auto& kinds = FindingKinds();
  auto it = std::lower_bound(kinds.begin(), kinds.end(), code,
                             [](const FindingKind& kind, absl::string_view c) {
                               return kind.code < c;
                             });
  return it != kinds.end() && it->code == code ? &*it : nullptr;
}

const std::vector<MetricKind>& MetricKinds() {
  static const auto* kinds = new std::vector<MetricKind>(SortedMetrics());
  return *kinds;
}

const MetricKind* FindMetricKind(absl::string_view name) {
  const auto& kinds = MetricKinds();
  auto it = std::lower_bound(kinds.begin(), kinds.end(), name,
                             [](const MetricKind& kind, absl::string_view n) {
                               return kind.name < n;
                             });
  return it != kinds.end() && it->name == name ? &*it : nullptr;
}

}  // namespace marginalia::rubrics
