#include "rubrics/analysis/finding_catalog.h"

#include <algorithm>

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
constexpr v1::Severity kInfo = v1::SEVERITY_INFO;
constexpr v1::Severity kWarning = v1::SEVERITY_WARNING;
constexpr v1::Severity kError = v1::SEVERITY_ERROR;

std::vector<FindingKind> SortedFindings() {
  std::vector<FindingKind> kinds = {
      {"citation.ampersand_mix", kInfo, "mix of \"&\" and \"and\"",
       "mixes of \"&\" and \"and\""},
      {"citation.et_al", kWarning, "misuse of \"et al.\"",
       "misuses of \"et al.\""},
      {"citation.inconsistent_style", kWarning,
       "citation in a different style from the rest",
       "citations in a different style from the rest", 0.5},
      {"citation.missing_reference_entry", kError,
       "cited source missing from the references",
       "cited sources missing from the references", 0.55},
      {"citation.missing_reference_list", kError, "missing reference list",
       "missing reference lists"},
      {"citation.name_mismatch", kWarning,
       "author name spelt differently from the reference",
       "author names spelt differently from the references"},
      {"citation.nonstandard_format", kWarning,
       "citation punctuated in no standard style",
       "citations punctuated in no standard style"},
      {"citation.page_format", kInfo, "page number written irregularly",
       "page numbers written irregularly", 0.55},
      {"citation.quote_without_citation", kError,
       "quotation without a citation", "quotations without citations", 0.55},
      {"citation.quote_without_page", kWarning,
       "quotation without a page number", "quotations without page numbers"},
      {"citation.uncited_reference", kWarning, "reference never cited",
       "references never cited", 0.55},
      {"citation.wrong_style", kWarning, "citation not in the required style",
       "citations not in the required style", 0.75},
      {"citation.year_mismatch", kError,
       "citation year that differs from the reference",
       "citation years that differ from the references"},
      {"evidence.dropped_quote", kInfo,
       "quotation dropped in without introduction",
       "quotations dropped in without introduction", 0.5},
      {"evidence.few_sources", kWarning, "narrow range of sources",
       "narrow ranges of sources", 0.55},
      {"evidence.new_material_in_conclusion", kWarning,
       "new evidence in the conclusion",
       "pieces of new evidence in the "
       "conclusion",
       0.55},
      {"evidence.quote_heavy", kWarning, "reliance on quotation",
       "reliance on quotation", 0.5},
      {"evidence.source_overreliance", kWarning, "over-reliance on one source",
       "over-reliance on single sources"},
      {"evidence.unsourced_statistic", kWarning, "unsourced figure",
       "unsourced figures", 0.75},
      {"evidence.unsupported_paragraph", kWarning,
       "body paragraph without evidence", "body paragraphs without evidence",
       0.75},
      {"mechanics.confused_word", kWarning, "confused word", "confused words"},
      {"mechanics.repeated_punctuation", kWarning, "doubled punctuation mark",
       "doubled punctuation marks"},
      {"mechanics.repeated_word", kWarning, "repeated word", "repeated words"},
      {"mechanics.unbalanced_brackets", kWarning, "unbalanced bracket",
       "unbalanced brackets"},
      {"mechanics.unbalanced_quotes", kWarning, "unbalanced quotation mark",
       "unbalanced quotation marks"},
      {"structure.conclusion_unrelated", kWarning,
       "conclusion that does not answer the introduction",
       "conclusions that do not answer the introduction", 0.5},
      {"structure.no_comparison", kError, "missing comparison",
       "missing comparisons", 0.5},
      {"structure.no_conclusion", kError, "missing conclusion",
       "missing conclusions"},
      {"structure.no_context", kWarning, "missing context section",
       "missing context sections", 0.5},
      {"structure.no_introduction", kError, "missing introduction",
       "missing introductions"},
      {"structure.no_roadmap", kInfo, "introduction without a roadmap",
       "introductions without a roadmap", 0.5},
      {"structure.no_thesis", kError, "missing thesis statement",
       "missing thesis statements", 0.5},
      {"structure.no_title", kInfo, "missing title", "missing titles", 0.75},
      {"structure.paragraph_too_long", kWarning, "overlong paragraph",
       "overlong paragraphs"},
      {"structure.single_sentence_paragraph", kInfo, "one-sentence paragraph",
       "one-sentence paragraphs", 0.5},
      {"structure.weak_transitions", kInfo, "lack of transitions",
       "lack of transitions", 0.5},
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
      {"structure.has_comparison", "1 when the essay compares explicitly"},
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
