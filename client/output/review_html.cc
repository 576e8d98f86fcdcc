#include "client/output/review_html.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/output/html_escape.h"
#include "client/output/review_text.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

// Criterion names by id, from the report (the grade carries ids only).
class CriterionNames {
 public:
  explicit CriterionNames(const v1::FeedbackReport& report) {
    for (const v1::CriterionScore& c : report.criteria()) {
      if (!c.name().empty()) names_[c.id()] = c.name();
    }
  }
  std::string operator()(const std::string& id) const {
    auto it = names_.find(id);
    return HtmlEscape(it == names_.end() ? id : it->second);
  }

 private:
  std::map<std::string, std::string> names_;
};

std::string Points(bool has, double value) {
  return has ? absl::StrFormat("%.1f", value) : "&ndash;";
}

std::string GradeSection(const v1::Grade& grade, const CriterionNames& name) {
  std::string html = "<section class=\"grade\"><h2>Grade</h2>\n";
  if (!grade.released()) {
    absl::StrAppend(&html,
                    "<p class=\"held\"><span aria-hidden=\"true\">&#9873; "
                    "</span>Not released to the student yet.</p>\n");
  }
  if (grade.criteria().empty()) {
    absl::StrAppend(&html, "<p class=\"meta\">", HtmlEscape(grade.formula()),
                    "</p></section>\n");
    return html;
  }
  absl::StrAppend(
      &html,
      absl::StrFormat("<p class=\"total\">Grade: <b>%.2f / %.0f</b></p>\n",
                      grade.total(), grade.max_score()));
  if (grade.has_final_score()) {
    absl::StrAppend(&html, "<p>The tutor set the final grade: ",
                    HtmlEscape(grade.final_reason()), "</p>\n");
  }
  absl::StrAppend(&html,
                  "<div class=\"wide\"><table><tr><th>Criterion</th>"
                  "<th>Engine</th><th>Tutor</th><th>Peers</th><th>Counts</th>"
                  "</tr>\n");
  for (const v1::CriterionGrade& c : grade.criteria()) {
    absl::StrAppend(&html, "<tr><td>", name(c.criterion_id()), "</td><td>",
                    Points(c.has_engine_score(), c.engine_score()), "</td><td>",
                    Points(c.overridden(), c.tutor_score()), "</td><td>",
                    Points(c.has_peer_score(), c.peer_score()), "</td><td><b>",
                    absl::StrFormat("%.1f", c.effective_score()), "</b> / ",
                    absl::StrFormat("%.0f", c.max_score()), "</td></tr>\n");
    if (c.overridden() && !c.reason().empty()) {
      absl::StrAppend(&html,
                      "<tr class=\"reason\"><td colspan=\"5\">Tutor's "
                      "reason: ",
                      HtmlEscape(c.reason()), "</td></tr>\n");
    }
  }
  absl::StrAppend(&html, "</table></div><p class=\"meta\">",
                  HtmlEscape(grade.formula()), "</p></section>\n");
  return html;
}

std::string DeltasSection(const v1::GetFeedbackResponse& feedback,
                          const CriterionNames& name) {
  std::string html =
      absl::StrCat("<section class=\"deltas\"><h2>Since draft ",
                   feedback.submission().draft() - 1, "</h2><ul>\n");
  for (const v1::CriterionDelta& d : feedback.deltas()) {
    absl::StrAppend(
        &html, "<li>", name(d.criterion_id()), ": ",
        absl::StrFormat("%.1f &rarr; %.1f (%+.1f)", d.previous_score(),
                        d.score(), d.score() - d.previous_score()),
        "</li>\n");
  }
  absl::StrAppend(&html, "</ul></section>\n");
  return html;
}

std::string PeerSection(const v1::PeerSummary& peers,
                        const CriterionNames& name) {
  std::string html = "<section class=\"peers\"><h2>Peer review</h2>\n";
  if (peers.criteria().empty()) {
    absl::StrAppend(&html,
                    "<p class=\"empty\">No reviews yet.</p></section>\n");
    return html;
  }
  absl::StrAppend(&html, "<p>", peers.reviews(), " reviews, confidence ",
                  ConfidenceName(peers.confidence()),
                  "</p>\n<div class=\"wide\"><table><tr><th>Criterion</th>"
                  "<th>Consensus level</th><th>Median</th><th>Spread</th>"
                  "</tr>\n");
  for (const v1::PeerCriterionSummary& c : peers.criteria()) {
    absl::StrAppend(
        &html, "<tr><td>", name(c.criterion_id()), "</td><td>",
        absl::StrFormat("%.1f</td><td>%.1f</td><td>%.0f", c.consensus_level(),
                        c.median_level(), c.spread()),
        "</td></tr>\n");
  }
  absl::StrAppend(&html, "</table></div></section>\n");
  return html;
}

}  // namespace

bool HasGradeScores(const v1::GetFeedbackResponse& feedback) {
  return feedback.has_grade() && !feedback.grade().criteria().empty();
}

std::string ReviewSectionsHtml(const v1::GetFeedbackResponse& feedback) {
  CriterionNames name(feedback.report());
  std::string html;
  if (feedback.has_grade()) {
    absl::StrAppend(&html, GradeSection(feedback.grade(), name));
  }
  if (!feedback.deltas().empty()) {
    absl::StrAppend(&html, DeltasSection(feedback, name));
  }
  if (feedback.has_peer_summary()) {
    absl::StrAppend(&html, PeerSection(feedback.peer_summary(), name));
  }
  return html;
}

}  // namespace marginalia::client
