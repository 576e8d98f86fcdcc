// The per-essay results of a batch as CSV or JSON: one row per essay with
// author, file, submission id, status, total, each criterion's score, the
// finding codes, and the reason of a failure. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "client/batch/cohort.h"

namespace marginalia::client {

// Columns: author, file, submission_id, status, total, max_score, one
// column per criterion id (in order of first appearance; empty when the
// essay has no such score), findings (codes separated by spaces), reason.
// RFC 4180 quoting; ends with a newline.
std::string ResultsCsv(const std::vector<CohortEssay>& essays);

// A JSON array of objects with the same fields: "author", "file",
// "submissionId", "status", "total", "maxScore", "criteria" (an object of
// id to score), "findings" (an array of codes) and "reason".
std::string ResultsJson(const std::vector<CohortEssay>& essays);

}  // namespace marginalia::client
