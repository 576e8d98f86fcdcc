#include "client/output/review_text.h"

#include <string>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

std::string Where(const v1::Anchor& anchor) {
  switch (anchor.target_case()) {
    case v1::Anchor::kSpan:
      return absl::StrFormat("bytes [%d, %d)", anchor.span().begin(),
                             anchor.span().end());
    case v1::Anchor::kParagraph:
      return absl::StrFormat("paragraph %d", anchor.paragraph());
    default:
      return "whole essay";
  }
}

std::string Time(const google::protobuf::Timestamp& time) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%SZ",
                          absl::FromUnixSeconds(time.seconds()),
                          absl::UTCTimeZone());
}

}  // namespace

std::string ConfidenceName(v1::GradeConfidence confidence) {
  switch (confidence) {
    case v1::GRADE_CONFIDENCE_HIGH:
      return "high";
    case v1::GRADE_CONFIDENCE_MEDIUM:
      return "medium";
    case v1::GRADE_CONFIDENCE_LOW:
      return "low";
    default:
      return "-";
  }
}

void PrintComment(const v1::Comment& c, std::ostream& out) {
  std::string who = c.author_label().empty() ? c.author() : c.author_label();
  if (!c.author().empty() && !c.author_label().empty()) {
    who = absl::StrFormat("%s (%s)", c.author_label(), c.author());
  }
  std::string indent = c.parent_id().empty() ? "" : "    ";
  out << indent << c.id() << "  " << Where(c.anchor())
      << (c.resolved() ? "  [resolved]" : "")
      << (c.visibility() == v1::COMMENT_VISIBILITY_STAFF ? "  [staff only]"
                                                         : "")
      << "\n";
  if (c.parent_id().empty() && !c.quoted_text().empty()) {
    out << indent << "  \"" << c.quoted_text() << "\"\n";
  }
  out << indent << "  " << who << ": " << c.body() << "\n";
}

void PrintGrade(const v1::Grade& g, std::ostream& out) {
  if (!g.released() && g.criteria().empty()) {
    out << "Grade: not released yet\n  " << g.formula() << "\n";
    return;
  }
  out << absl::StrFormat("Grade: %.2f / %.2f%s%s\n", g.total(), g.max_score(),
                         g.released() ? "" : "  (not released)",
                         g.has_final_score() ? "  (final grade set)" : "");
  for (const v1::CriterionGrade& c : g.criteria()) {
    std::string engine =
        c.has_engine_score() ? absl::StrFormat("%.2f", c.engine_score()) : "-";
    std::string peer =
        c.has_peer_score() ? absl::StrFormat("%.2f", c.peer_score()) : "-";
    std::string tutor =
        c.overridden() ? absl::StrFormat("%.2f", c.tutor_score()) : "-";
    out << absl::StrFormat(
        "  %-20s engine %-6s tutor %-6s peers %-6s -> %.2f / %.2f\n",
        c.criterion_id(), engine, tutor, peer, c.effective_score(),
        c.max_score());
    if (c.overridden()) out << "      tutor's reason: " << c.reason() << "\n";
  }
  if (g.has_final_score())
    out << "  final grade reason: " << g.final_reason() << "\n";
  if (g.confidence() != v1::GRADE_CONFIDENCE_UNSPECIFIED) {
    out << "  peer confidence: " << ConfidenceName(g.confidence()) << "\n";
  }
  out << "  " << g.formula() << "\n";
}

void PrintWithheldReviews(int count, std::ostream& out) {
  if (count <= 0) return;
  out << absl::StrFormat(
      "%d peer %s; you see %s once your tutor releases feedback.\n", count,
      count == 1 ? "review exists" : "reviews exist",
      count == 1 ? "it" : "them");
}

void PrintPeerSummary(const v1::PeerSummary& s, std::ostream& out) {
  if (s.criteria().empty()) {
    out << "Peer review: no reviews yet\n";
    return;
  }
  out << absl::StrFormat("Peer review: %d reviews, confidence %s\n",
                         s.reviews(), ConfidenceName(s.confidence()));
  for (const v1::PeerCriterionSummary& c : s.criteria()) {
    out << absl::StrFormat(
        "  %-20s median %.2f  consensus %.2f  spread %.0f  (%d reviews)\n",
        c.criterion_id(), c.median_level(), c.consensus_level(), c.spread(),
        c.reviews());
  }
  for (const v1::ReviewerWeight& w : s.reviewers()) {
    out << absl::StrFormat("  reviewer %-12s %-11s weight %.2f%s%s",
                           w.reviewer(), w.reviewer_label(), w.weight(),
                           w.down_weighted() ? "  DOWN-WEIGHTED" : "",
                           w.uniform_scorer() ? "  UNIFORM SCORER" : "");
    if (w.has_tutor_comparison()) {
      out << absl::StrFormat("  off the tutor by %.2f levels", w.tutor_mad());
    }
    out << "\n";
  }
}

void PrintReview(const v1::Review& r, std::ostream& out) {
  out << r.reviewer_label();
  if (!r.reviewer().empty() && r.reviewer() != r.reviewer_label()) {
    out << " (" << r.reviewer() << ")";
  }
  out << "\n";
  for (const v1::CriterionReviewScore& s : r.scores()) {
    out << absl::StrFormat("  %-20s level %d", s.criterion_id(), s.level());
    if (!s.comment().empty()) out << "  " << s.comment();
    out << "\n";
  }
  if (!r.overall_comment().empty())
    out << "  \"" << r.overall_comment() << "\"\n";
}

void PrintTask(const v1::ReviewTask& t, std::ostream& out) {
  out << absl::StrFormat("%-24s %-10s %-12s %s%s\n", t.id(), t.author_label(),
                         t.reviewer(), t.assignment_id(),
                         t.completed() ? "  done" : "  to do");
}

void PrintAuditEvent(const v1::AuditEvent& e, std::ostream& out) {
  out << absl::StrFormat("#%d %s %s %s", e.sequence(), Time(e.time()),
                         e.actor(), e.action());
  if (!e.submission_id().empty()) out << " " << e.submission_id();
  if (!e.criterion_id().empty()) out << " " << e.criterion_id();
  out << ": " << (e.old_value().empty() ? "-" : e.old_value()) << " -> "
      << e.new_value();
  if (!e.reason().empty()) out << " (reason: " << e.reason() << ")";
  out << "\n";
}

void PrintFeedbackExtras(const v1::GetFeedbackResponse& f, std::ostream& out) {
  if (!f.deltas().empty()) {
    out << "\nSince draft " << f.submission().draft() - 1 << " ("
        << f.previous_submission_id() << ")\n";
    for (const v1::CriterionDelta& d : f.deltas()) {
      out << absl::StrFormat("  %-20s %.2f -> %.2f (%+.2f)\n", d.criterion_id(),
                             d.previous_score(), d.score(),
                             d.score() - d.previous_score());
    }
  }
  if (!f.released() && f.comments().empty() && !f.has_grade()) {
    out << "\nTutor and peer feedback: not released yet.\n";
    return;
  }
  if (!f.comments().empty()) {
    out << "\nComments (" << f.comments_size() << ")\n";
    for (const v1::Comment& c : f.comments()) PrintComment(c, out);
  }
  if (f.has_grade()) {
    out << "\n";
    PrintGrade(f.grade(), out);
  }
  if (f.has_peer_summary()) {
    out << "\n";
    PrintPeerSummary(f.peer_summary(), out);
  }
}

}  // namespace marginalia::client
