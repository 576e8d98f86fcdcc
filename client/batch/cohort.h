// One essay of a batch together with what the server said about it: the
// record the results table, the summary and the HTML pages are made from.
#pragma once

#include <string>
#include <vector>

#include "client/batch/batch_runner.h"
#include "marginalia/v1/submission.pb.h"

namespace marginalia::client {

struct CohortEssay {
  EssayOutcome outcome;
  // False when the essay was not stored or its feedback could not be read.
  bool has_feedback = false;
  marginalia::v1::GetFeedbackResponse feedback;
  // The stored text; fetched only when HTML pages are written.
  std::string text;
  // The essay's page, relative to the cohort page; empty when none.
  std::string page;
};

// "stored", "already_stored", "failed", "not_sent" or "no_answer".
const char* StateName(EssayState state);

// The distinct finding codes of a report, in order of first occurrence.
std::vector<std::string> FindingCodes(
    const marginalia::v1::FeedbackReport& report);

}  // namespace marginalia::client
