// Compares the engine's report on one essay with the essay's gold file.
#pragma once

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "eval/tally.h"
#include "marginalia/eval/gold.pb.h"
#include "marginalia/v1/report.pb.h"
#include "marginalia/v1/rubric.pb.h"

namespace marginalia::eval {

// OK when every span of `gold` covers the text it quotes in `text`;
// otherwise INVALID_ARGUMENT naming the first span that does not (the essay
// or the renderer changed, or the annotation is wrong).
absl::Status CheckGoldSpans(const EssayGold& gold, absl::string_view text);

// Counts into `tally`, under the metric names the README lists, how far
// `report` agrees with `gold`:
//   findings.precision[.error|.warning|.info], findings.recall,
//   precision:<code>, recall:<code>  each distinct (code, paragraph) the
//     engine raises against the findings the gold expects or implies;
//   citations.precision, citations.recall;
//   citations.attributed (found citations of a listed work that the engine
//     ties to a listed entry) and citations.resolved (of the citations it
//     ties to an entry, or that cite no listed work, those it gets right:
//     a source left unknown is silence, not an error);
//   sources.named, references.read;
//   roles.accuracy; thesis.present_absent, thesis.located;
//   roadmap.present_absent; conclusion.present_absent.
// Findings the gold implies for a code `rubric` does not count are dropped,
// as the engine drops them. `name` labels the misses.
void EvaluateEssay(absl::string_view name, const EssayGold& gold,
                   absl::string_view text, const marginalia::v1::Rubric& rubric,
                   const marginalia::v1::FeedbackReport& report, Tally* tally);

}  // namespace marginalia::eval
