// Human-readable renderings of reports and submissions for a terminal.
#pragma once

#include <ostream>
#include <vector>

#include "absl/strings/string_view.h"
#include "marginalia/v1/report.pb.h"
#include "marginalia/v1/submission.pb.h"

namespace marginalia::client {

// The report: score and criteria, findings (with the text they point at when
// `text` is given), outline, sources, statistics and notes.
void PrintReport(const marginalia::v1::FeedbackReport& report,
                 absl::string_view text, std::ostream& out);

// One line per submission: id, assignment, author, draft, score, title.
void PrintSubmissionTable(
    const std::vector<marginalia::v1::Submission>& submissions,
    std::ostream& out);

// A few lines describing one stored submission.
void PrintSubmission(const marginalia::v1::Submission& submission, bool created,
                     std::ostream& out);

// "late by 2h 5m" (days, hours, minutes; "late by under a minute") for a
// submission handed in after its due time; empty when on time.
std::string LatenessLabel(const marginalia::v1::Submission& submission);

// The text of `span` squeezed onto one line and cut to `max_chars`
// characters (on a UTF-8 boundary), for quoting in a terminal.
std::string Excerpt(absl::string_view text, const marginalia::v1::Span& span,
                    std::size_t max_chars);

}  // namespace marginalia::client
