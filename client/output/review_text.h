// Human-readable renderings of the review workflow's resources: comments,
// grades, peer summaries, reviews, tasks and audit events.
#pragma once

#include <ostream>
#include <string>

#include "marginalia/v1/grade.pb.h"
#include "marginalia/v1/review.pb.h"
#include "marginalia/v1/submission.pb.h"

namespace marginalia::client {

// "high", "medium", "low" ("-" when unspecified).
std::string ConfidenceName(marginalia::v1::GradeConfidence confidence);

// "[12, 48) "quoted text" -- author: body", replies indented.
void PrintComment(const marginalia::v1::Comment& comment, std::ostream& out);
// Criteria (engine, tutor, peers, effective), total and the formula.
void PrintGrade(const marginalia::v1::Grade& grade, std::ostream& out);
// Per criterion median, consensus and spread; reviewer weights for staff.
// "2 peer reviews exist; you see them once your tutor releases feedback."
// Nothing when `count` is 0.
void PrintWithheldReviews(int count, std::ostream& out);

void PrintPeerSummary(const marginalia::v1::PeerSummary& summary,
                      std::ostream& out);
void PrintReview(const marginalia::v1::Review& review, std::ostream& out);
void PrintTask(const marginalia::v1::ReviewTask& task, std::ostream& out);
void PrintAuditEvent(const marginalia::v1::AuditEvent& event,
                     std::ostream& out);
// The tutor's and peers' parts of GetFeedback, or what is withheld.
void PrintFeedbackExtras(const marginalia::v1::GetFeedbackResponse& feedback,
                         std::ostream& out);

}  // namespace marginalia::client
