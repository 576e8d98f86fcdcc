#include "rubrics/engine/engine.h"

#include "rubrics/document/segmenter.h"
#include "rubrics/engine/report_builder.h"

namespace marginalia::rubrics {

namespace v1 = ::marginalia::v1;

absl::string_view EngineVersion() { return MARGINALIA_VERSION; }

absl::StatusOr<v1::FeedbackReport> Engine::Score(
    absl::string_view text, const CompiledRubric& rubric) const {
  absl::StatusOr<Document> document = Segment(text);
  if (!document.ok()) return document.status();
  return ScoreDocument(*document, rubric);
}

v1::FeedbackReport Engine::ScoreDocument(const Document& document,
                                         const CompiledRubric& rubric) const {
  v1::FeedbackReport report;
  report.set_rubric_id(rubric.id());
  report.set_rubric_version(rubric.version());
  report.set_rubric_name(rubric.proto().name());
  report.set_engine_version(std::string(EngineVersion()));
  *report.mutable_stats() = BuildStats(document);
  AddParagraphOutline(document, &report);
  report.add_notes(
      "Analysers are not configured yet: this report holds the text's "
      "statistics and paragraph outline only, and no criterion is scored.");
  return report;
}

}  // namespace marginalia::rubrics
