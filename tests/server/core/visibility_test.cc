// The visibility table (visibility.h), case by case.
#include "server/core/visibility.h"

#include <gtest/gtest.h>

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

TEST(VisibilityTest, StaffSeeEverythingAlways) {
  Visible v = Decide({/*staff=*/true, /*released=*/false, false});
  EXPECT_TRUE(v.score && v.report && v.grade && v.comments &&
              v.staff_only_comments && v.peer_reviews && v.reviewer_identities);
}

TEST(VisibilityTest, HeldFeedbackHidesTheScoreFromTheAuthor) {
  Visible held = Decide({false, false, /*engine_feedback_now=*/false});
  EXPECT_FALSE(held.score);
  EXPECT_FALSE(held.report);
  EXPECT_FALSE(held.grade);
  EXPECT_FALSE(held.comments);
  EXPECT_FALSE(held.peer_reviews);
  Visible now = Decide({false, false, true});
  EXPECT_TRUE(now.score);
  EXPECT_TRUE(now.report);
  EXPECT_FALSE(now.grade);
  EXPECT_FALSE(now.comments);
}

TEST(VisibilityTest, ReleaseShowsAllButStaffCommentsAndReviewers) {
  Visible v = Decide({false, true, false});
  EXPECT_TRUE(v.score && v.report && v.grade && v.comments && v.peer_reviews);
  EXPECT_FALSE(v.staff_only_comments);
  EXPECT_FALSE(v.reviewer_identities);
}

TEST(VisibilityTest, RedactingClearsTheScoreAndSaysSo) {
  v1::Submission s;
  s.set_total_score(70.5);
  s.set_max_score(100);
  RedactSubmission(Decide({false, false, false}), &s);
  EXPECT_EQ(s.total_score(), 0);
  EXPECT_TRUE(s.score_withheld());
  EXPECT_EQ(s.max_score(), 100);
  v1::Submission shown;
  shown.set_total_score(70.5);
  RedactSubmission(Decide({false, true, false}), &shown);
  EXPECT_EQ(shown.total_score(), 70.5);
  EXPECT_FALSE(shown.score_withheld());
}

}  // namespace
}  // namespace marginalia::server
