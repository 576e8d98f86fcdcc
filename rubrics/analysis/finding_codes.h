// Every finding code the engine raises, declared once: the catalogue
// (finding_catalog.cc) and the analysers name codes through these constants,
// so a misspelt code does not compile. A rubric's own pattern checks bring
// their codes as data instead. Immutable; thread-safe.
#pragma once

#include "absl/strings/string_view.h"

namespace marginalia::rubrics {

// A built-in finding code ("citation.quote_without_page"). Only the
// constants below make one, so AnalysisResult::AddFinding cannot be given a
// code that the catalogue does not know.
class FindingCode {
 public:
  constexpr absl::string_view str() const { return code_; }
  // Compares with a Finding's code.
  bool operator==(absl::string_view other) const { return code_ == other; }

 private:
  friend struct FindingCodes;
  constexpr explicit FindingCode(absl::string_view code) : code_(code) {}
  absl::string_view code_;
};

// The codes, as static members so that only this list can construct them.
struct FindingCodes {
  static constexpr FindingCode kCitationAmpersandMix{"citation.ampersand_mix"};
  static constexpr FindingCode kCitationEtAl{"citation.et_al"};
  static constexpr FindingCode kCitationInconsistentStyle{
      "citation.inconsistent_style"};
  static constexpr FindingCode kCitationMissingReferenceEntry{
      "citation.missing_reference_entry"};
  static constexpr FindingCode kCitationMissingReferenceList{
      "citation.missing_reference_list"};
  static constexpr FindingCode kCitationNameMismatch{"citation.name_mismatch"};
  static constexpr FindingCode kCitationNonstandardFormat{
      "citation.nonstandard_format"};
  static constexpr FindingCode kCitationPageFormat{"citation.page_format"};
  static constexpr FindingCode kCitationQuoteWithoutCitation{
      "citation.quote_without_citation"};
  static constexpr FindingCode kCitationQuoteWithoutPage{
      "citation.quote_without_page"};
  static constexpr FindingCode kCitationUncitedReference{
      "citation.uncited_reference"};
  static constexpr FindingCode kCitationWrongStyle{"citation.wrong_style"};
  static constexpr FindingCode kCitationYearMismatch{"citation.year_mismatch"};
  static constexpr FindingCode kEvidenceDroppedQuote{"evidence.dropped_quote"};
  static constexpr FindingCode kEvidenceFewSources{"evidence.few_sources"};
  static constexpr FindingCode kEvidenceNewMaterialInConclusion{
      "evidence.new_material_in_conclusion"};
  static constexpr FindingCode kEvidenceQuoteHeavy{"evidence.quote_heavy"};
  static constexpr FindingCode kEvidenceSourceOverreliance{
      "evidence.source_overreliance"};
  static constexpr FindingCode kEvidenceUnsourcedStatistic{
      "evidence.unsourced_statistic"};
  static constexpr FindingCode kEvidenceUnsupportedParagraph{
      "evidence.unsupported_paragraph"};
  static constexpr FindingCode kMechanicsConfusedWord{
      "mechanics.confused_word"};
  static constexpr FindingCode kMechanicsRepeatedPunctuation{
      "mechanics.repeated_punctuation"};
  static constexpr FindingCode kMechanicsRepeatedWord{
      "mechanics.repeated_word"};
  static constexpr FindingCode kMechanicsUnbalancedBrackets{
      "mechanics.unbalanced_brackets"};
  static constexpr FindingCode kMechanicsUnbalancedQuotes{
      "mechanics.unbalanced_quotes"};
  static constexpr FindingCode kStructureConclusionUnrelated{
      "structure.conclusion_unrelated"};
  static constexpr FindingCode kStructureNoComparison{
      "structure.no_comparison"};
  static constexpr FindingCode kStructureNoConclusion{
      "structure.no_conclusion"};
  static constexpr FindingCode kStructureNoContext{"structure.no_context"};
  static constexpr FindingCode kStructureNoIntroduction{
      "structure.no_introduction"};
  static constexpr FindingCode kStructureNoRoadmap{"structure.no_roadmap"};
  static constexpr FindingCode kStructureNoThesis{"structure.no_thesis"};
  static constexpr FindingCode kStructureNoTitle{"structure.no_title"};
  static constexpr FindingCode kStructureParagraphTooLong{
      "structure.paragraph_too_long"};
  static constexpr FindingCode kStructureSingleSentenceParagraph{
      "structure.single_sentence_paragraph"};
  static constexpr FindingCode kStructureWeakTransitions{
      "structure.weak_transitions"};
};

}  // namespace marginalia::rubrics
