// Thesis and conclusion detection on the Argument Annotated Essays (Stab &
// Gurevych), whose major claims were marked by hand, whole and truncated.
#pragma once

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "eval/tally.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/compiled_rubric.h"

namespace marginalia::eval {

// Scores each of the 402 essays under `corpora_dir` three times: whole,
// with its introduction removed and with its conclusion removed, and counts
// aae.thesis.present_absent, aae.thesis.located and
// aae.conclusion.present_absent (with .whole, .no_intro and .no_conclusion
// variants). The gold is the corpus's: the whole essay has a thesis (a
// MajorClaim in its first paragraph) and a conclusion; removing the first
// paragraph removes the thesis, removing the last removes the conclusion.
// NOT_FOUND when the corpus is missing.
absl::Status EvaluateArgumentEssays(absl::string_view corpora_dir,
                                    const rubrics::Engine& engine,
                                    const rubrics::CompiledRubric& rubric,
                                    Tally* tally);

}  // namespace marginalia::eval
