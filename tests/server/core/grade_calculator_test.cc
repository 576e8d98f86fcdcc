#include "server/core/grade_calculator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::DoubleNear;
using ::testing::HasSubstr;

v1::Rubric TwoCriteria() {
  v1::Rubric rubric;
  for (const char* id : {"structure", "evidence"}) {
    v1::Criterion* c = rubric.add_criteria();
    c->set_id(id);
    c->set_max_score(20);
    for (int level = 0; level <= 4; ++level) c->add_levels()->set_level(level);
  }
  return rubric;
}

v1::FeedbackReport Engine(double structure, double evidence) {
  v1::FeedbackReport report;
  v1::CriterionScore* s = report.add_criteria();
  s->set_id("structure");
  s->set_score(structure);
  v1::CriterionScore* e = report.add_criteria();
  e->set_id("evidence");
  e->set_score(evidence);
  return report;
}

v1::PeerSummary Peers(double structure_level) {
  v1::PeerSummary peers;
  v1::PeerCriterionSummary* c = peers.add_criteria();
  c->set_criterion_id("structure");
  c->set_consensus_level(structure_level);
  c->set_reviews(3);
  peers.set_confidence(v1::GRADE_CONFIDENCE_LOW);
  return peers;
}

TEST(GradeCalculatorTest, EngineScoresWhenNothingElse) {
  GradeRecord record;
  v1::Grade grade =
      ComputeGrade("s", {TwoCriteria(), Engine(12, 8), record, nullptr, 0});
  EXPECT_DOUBLE_EQ(grade.total(), 20);
  EXPECT_DOUBLE_EQ(grade.max_score(), 40);
  EXPECT_TRUE(grade.criteria(0).has_engine_score());
  EXPECT_FALSE(grade.released());
}

TEST(GradeCalculatorTest, OverrideReplacesEngineAndBlendsWithPeers) {
  GradeRecord record;
  record.overrides["structure"] = TutorScore{16, "clear", "tutor", {}};
  v1::PeerSummary peers = Peers(2);  // 2 of 4 levels = 10 of 20 points
  v1::Grade grade =
      ComputeGrade("s", {TwoCriteria(), Engine(12, 8), record, &peers, 0.25});
  const v1::CriterionGrade& structure = grade.criteria(0);
  EXPECT_TRUE(structure.overridden());
  EXPECT_EQ(structure.reason(), "clear");
  EXPECT_DOUBLE_EQ(structure.peer_score(), 10);
  EXPECT_DOUBLE_EQ(structure.effective_score(), 0.75 * 16 + 0.25 * 10);
  // No peer score on evidence: the engine's counts fully.
  EXPECT_DOUBLE_EQ(grade.criteria(1).effective_score(), 8);
  EXPECT_EQ(grade.confidence(), v1::GRADE_CONFIDENCE_LOW);
  EXPECT_THAT(grade.formula(), HasSubstr("0.75 x tutor"));
  EXPECT_THAT(grade.formula(), HasSubstr("0.25 x peer consensus"));
}

TEST(GradeCalculatorTest, WithoutEngineScoresPeersCountFully) {
  GradeRecord record;
  v1::PeerSummary peers = Peers(3);
  v1::Grade grade = ComputeGrade(
      "s", {TwoCriteria(), v1::FeedbackReport(), record, &peers, 0.2});
  EXPECT_FALSE(grade.criteria(0).has_engine_score());
  EXPECT_DOUBLE_EQ(grade.criteria(0).effective_score(), 15);
  EXPECT_DOUBLE_EQ(grade.criteria(1).effective_score(), 0);
}

TEST(GradeCalculatorTest, FinalGradeIsTheTotal) {
  GradeRecord record;
  record.final_grade = TutorScore{33.5, "moderation", "tutor", {}};
  record.release_time.emplace();
  v1::Grade grade =
      ComputeGrade("s", {TwoCriteria(), Engine(12, 8), record, nullptr, 0});
  EXPECT_TRUE(grade.has_final_score());
  EXPECT_DOUBLE_EQ(grade.total(), 33.5);
  EXPECT_TRUE(grade.released());
}

TEST(GradeCalculatorTest, ScoreToLevelRoundsOnTheCriterionsScale) {
  v1::Rubric rubric = TwoCriteria();
  EXPECT_EQ(ScoreToLevel(20, rubric.criteria(0)), 4);
  EXPECT_EQ(ScoreToLevel(11, rubric.criteria(0)), 2);
  EXPECT_EQ(ScoreToLevel(-3, rubric.criteria(0)), 0);
}

}  // namespace
}  // namespace marginalia::server
