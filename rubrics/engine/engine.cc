#include "rubrics/engine/engine.h"

#include "absl/strings/str_cat.h"
#include "rubrics/analysis/citations/citation_checker.h"
#include "rubrics/analysis/citations/citation_finder.h"
#include "rubrics/analysis/evidence/evidence_analyzer.h"
#include "rubrics/analysis/finding_catalog.h"
#include "rubrics/analysis/lexicon.h"
#include "rubrics/analysis/mechanics/mechanics_analyzer.h"
#include "rubrics/analysis/patterns/pattern_analyzer.h"
#include "rubrics/analysis/structure/outline_analyzer.h"
#include "rubrics/analysis/structure/structure_checker.h"
#include "rubrics/document/segmenter.h"
#include "rubrics/engine/report_builder.h"
#include "rubrics/scoring/rubric_scorer.h"

namespace marginalia::rubrics {

namespace v1 = ::marginalia::v1;

absl::string_view EngineVersion() { return MARGINALIA_VERSION; }

namespace {

v1::ConfusedWordList BuiltInListOrEmpty(std::string* problem) {
  absl::StatusOr<v1::ConfusedWordList> list = MechanicsAnalyzer::BuiltInList();
  if (list.ok()) return *std::move(list);
  *problem = std::string(list.status().message());
  return v1::ConfusedWordList();
}

}  // namespace

Engine::Engine() : Engine(BuiltInListOrEmpty(&data_problem_)) {}

Engine::Engine(const v1::ConfusedWordList& confused_words) {
  // Order matters: each analyser may read what the earlier ones found.
  analyzers_.push_back(std::make_unique<CitationFinder>());
  analyzers_.push_back(std::make_unique<OutlineAnalyzer>());
  analyzers_.push_back(std::make_unique<CitationChecker>());
  analyzers_.push_back(std::make_unique<EvidenceAnalyzer>());
  analyzers_.push_back(std::make_unique<StructureChecker>());
  analyzers_.push_back(std::make_unique<MechanicsAnalyzer>(confused_words));
}

Engine::~Engine() = default;

std::vector<absl::string_view> Engine::AnalyzerNames() const {
  std::vector<absl::string_view> names;
  for (const auto& analyzer : analyzers_) names.push_back(analyzer->name());
  names.push_back(PatternAnalyzerName());
  return names;
}

absl::StatusOr<v1::FeedbackReport> Engine::Score(
    absl::string_view text, const CompiledRubric& rubric) const {
  return Score(text, rubric, ScoreLimits());
}

absl::StatusOr<v1::FeedbackReport> Engine::Score(
    absl::string_view text, const CompiledRubric& rubric,
    const ScoreLimits& limits) const {
  ScoreGuard guard(limits);
  if (guard.Check("admission")) return guard.status();
  // `text` outlives this call and so the document: no copy of it.
  absl::StatusOr<Document> document = SegmentBorrowed(text);
  if (!document.ok()) return document.status();
  return ScoreWithin(*document, rubric, &guard);
}

v1::FeedbackReport Engine::ScoreDocument(const Document& document,
                                         const CompiledRubric& rubric) const {
  ScoreGuard unlimited;
  return *ScoreWithin(document, rubric, &unlimited);
}

absl::StatusOr<v1::FeedbackReport> Engine::ScoreWithin(
    const Document& document, const CompiledRubric& rubric,
    ScoreGuard* guard) const {
  if (guard->Check("segmentation")) return guard->status();
  Lexicon lexicon(document);
  AnalysisSettings settings = AnalysisSettings::From(rubric.proto().analysis());
  MarkerIndex markers(lexicon, document.words().size());
  AnalysisInput input{document, lexicon, settings, &markers, guard};
  AnalysisResult result;
  for (const auto& analyzer : analyzers_) {
    if (guard->Check(analyzer->name())) return guard->status();
    analyzer->Analyze(input, &result);
  }
  RunPatternChecks(input, rubric, &result);
  if (guard->Check(PatternAnalyzerName())) return guard->status();

  v1::FeedbackReport report;
  report.set_rubric_id(rubric.id());
  report.set_rubric_version(rubric.version());
  report.set_rubric_name(rubric.proto().name());
  report.set_engine_version(std::string(EngineVersion()));
  google::protobuf::RepeatedPtrField<v1::Finding>* findings =
      result.mutable_findings();
  DropUnsureFindings(findings);
  SortFindings(findings);
  ScoreCriteria(rubric, result, findings, &report);
  // The rubric is the lens: a finding no criterion counts (say, "cites no
  // sources" under a rubric for timed opinion essays) is left out, while
  // the rubric's own pattern checks always report. Kept findings move to
  // the front in order (swapping pointers), the rest are deleted.
  int kept = 0;
  for (int i = 0; i < findings->size(); ++i) {
    const v1::Finding& f = findings->Get(i);
    if (f.criterion_id().empty() && FindFindingKind(f.code()) != nullptr) {
      continue;
    }
    findings->SwapElements(i, kept++);
  }
  findings->DeleteSubrange(kept, findings->size() - kept);
  FillReport(document, result, &report);
  if (!data_problem_.empty()) {
    report.add_notes(
        absl::StrCat("Confused-word checks were skipped: ", data_problem_));
  }
  return report;
}

}  // namespace marginalia::rubrics
