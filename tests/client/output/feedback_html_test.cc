// What the offline feedback page gained (issue 15): the released grade and
// the tutor's overrides, the peers' verdict, the changes since the last
// draft, threaded replies, staff-only marks, severity in words, headings
// as headings. Over the hand-built report, with the review parts added.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "client/output/report_html.h"
#include "tests/client/output/hand_built_feedback.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;
using ::testing::Not;

// The hand-built feedback as a tutor reads it after grading: an override
// with a reason, a final grade, two peer reviews, a second draft, a
// staff-only comment and a student's reply to a tutor's comment.
v1::GetFeedbackResponse Graded(bool released) {
  v1::GetFeedbackResponse feedback = testing::HandBuiltFeedback();
  feedback.set_released(released);
  feedback.mutable_submission()->set_draft(2);
  feedback.set_previous_submission_id("sub_draft1");
  v1::CriterionDelta* delta = feedback.add_deltas();
  delta->set_criterion_id(feedback.report().criteria(0).id());
  delta->set_previous_score(10);
  delta->set_score(12.5);

  v1::Grade* grade = feedback.mutable_grade();
  grade->set_released(released);
  grade->set_max_score(100);
  grade->set_total(71.25);
  grade->set_has_final_score(true);
  grade->set_final_score(71.25);
  grade->set_final_reason("moderated with the second marker");
  grade->set_formula("grade = 0.8 x tutor + 0.2 x peers");
  v1::CriterionGrade* criterion = grade->add_criteria();
  criterion->set_criterion_id(feedback.report().criteria(0).id());
  criterion->set_has_engine_score(true);
  criterion->set_engine_score(12.5);
  criterion->set_overridden(true);
  criterion->set_tutor_score(18);
  criterion->set_reason("the roadmap is explicit and followed");
  criterion->set_has_peer_score(true);
  criterion->set_peer_score(15);
  criterion->set_effective_score(17.4);
  criterion->set_max_score(25);

  v1::PeerSummary* peers = feedback.mutable_peer_summary();
  peers->set_reviews(2);
  peers->set_confidence(v1::GRADE_CONFIDENCE_MEDIUM);
  v1::PeerCriterionSummary* verdict = peers->add_criteria();
  verdict->set_criterion_id(feedback.report().criteria(0).id());
  verdict->set_median_level(3);
  verdict->set_consensus_level(2.5);
  verdict->set_spread(1);
  verdict->set_reviews(2);

  v1::Comment* staff = feedback.add_comments();
  staff->set_id("c_staff");
  staff->set_author("tutor");
  staff->set_body("check this source against the library copy");
  staff->set_visibility(v1::COMMENT_VISIBILITY_STAFF);
  staff->mutable_anchor()->mutable_span()->set_begin(30);  // "Luther"
  staff->mutable_anchor()->mutable_span()->set_end(36);
  v1::Comment* tutor = feedback.add_comments();
  tutor->set_id("c_tutor");
  tutor->set_author("tutor");
  tutor->set_body("which printers?");
  tutor->set_visibility(v1::COMMENT_VISIBILITY_STUDENT);
  tutor->mutable_anchor()->mutable_span()->set_begin(146);  // "Cheap print"
  tutor->mutable_anchor()->mutable_span()->set_end(157);
  v1::Comment* reply = feedback.add_comments();
  reply->set_id("c_reply");
  reply->set_parent_id("c_tutor");
  reply->set_author("amy");
  reply->set_body("those of Wittenberg");
  reply->set_visibility(v1::COMMENT_VISIBILITY_STUDENT);
  *reply->mutable_anchor() = tutor->anchor();
  return feedback;
}

std::string Page(const v1::GetFeedbackResponse& feedback) {
  return RenderEssayHtml(feedback, testing::HandBuiltEssay());
}

TEST(FeedbackHtmlTest, ShowsTheReleasedGradeWithTheTutorsReasons) {
  std::string page = Page(Graded(true));
  EXPECT_THAT(page, HasSubstr("<h2>Grade</h2>"));
  EXPECT_THAT(page, HasSubstr("71.25 / 100"));
  EXPECT_THAT(page, HasSubstr("the roadmap is explicit and followed"));
  EXPECT_THAT(page, HasSubstr("moderated with the second marker"));
  EXPECT_THAT(page, HasSubstr("grade = 0.8 x tutor + 0.2 x peers"));
  // The grade, not the engine's total beside it.
  EXPECT_THAT(page, Not(HasSubstr("Total:")));
  EXPECT_THAT(page, Not(HasSubstr("not released")));
}

TEST(FeedbackHtmlTest, MarksAGradeNotYetReleased) {
  std::string page = Page(Graded(false));
  EXPECT_THAT(page, HasSubstr("Not released to the student yet"));
}

TEST(FeedbackHtmlTest, ShowsThePeersVerdictAndTheChangesSinceTheLastDraft) {
  std::string page = Page(Graded(true));
  EXPECT_THAT(page, HasSubstr("<h2>Peer review</h2>"));
  EXPECT_THAT(page, HasSubstr("2 reviews"));
  EXPECT_THAT(page, HasSubstr("confidence medium"));
  EXPECT_THAT(page, HasSubstr("<h2>Since draft 1</h2>"));
  EXPECT_THAT(page, HasSubstr("10.0 &rarr; 12.5 (+2.5)"));
}

TEST(FeedbackHtmlTest, RepliesSitUnderTheirCommentAndStaffNotesAreMarked) {
  std::string page = Page(Graded(true));
  // The reply is inside its parent's note, not a note of its own.
  std::size_t parent = page.find("which printers?");
  std::size_t reply = page.find("those of Wittenberg");
  ASSERT_NE(parent, std::string::npos);
  ASSERT_NE(reply, std::string::npos);
  std::size_t parent_end = page.find("</div>", parent);
  EXPECT_LT(reply, parent_end);
  EXPECT_THAT(page, HasSubstr("class=\"reply\""));
  // Staff-only in words, not by colour alone.
  std::size_t staff = page.find("check this source");
  ASSERT_NE(staff, std::string::npos);
  std::size_t note = page.rfind("class=\"note", staff);
  EXPECT_THAT(page.substr(note, staff - note), HasSubstr("Staff only"));
}

TEST(FeedbackHtmlTest, SeverityIsWrittenNotOnlyColoured) {
  std::string page = Page(testing::HandBuiltFeedback());
  EXPECT_THAT(page, HasSubstr("<span class=\"severity\">"));
  EXPECT_THAT(page, HasSubstr("Warning"));
}

TEST(FeedbackHtmlTest, ScoresTableScrollsOnANarrowScreen) {
  std::string page = Page(testing::HandBuiltFeedback());
  EXPECT_THAT(page, HasSubstr("<div class=\"wide\"><table>"));
  EXPECT_THAT(page, HasSubstr(".wide{overflow-x:auto"));
}

}  // namespace
}  // namespace marginalia::client
