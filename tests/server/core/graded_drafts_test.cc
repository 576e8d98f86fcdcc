// Which draft the gradebook carries (graded_drafts.h).
#include "server/core/graded_drafts.h"

#include <gtest/gtest.h>

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

class GradedDraftsTest : public ::testing::Test {
 protected:
  GradedDraftsTest() {
    for (int i = 0; i < 3; ++i) drafts_[i].set_draft(i + 1);
  }
  // Draft i+1 with what the tutor did to it.
  DraftGrading D(int i, bool graded, bool released) {
    return DraftGrading{&drafts_[i], graded, released};
  }
  v1::Submission drafts_[3];
};

TEST_F(GradedDraftsTest, ReleasedDraftStaysUntilANewerOneIsGradedAndReleased) {
  // 1 graded and released, 2 handed in since, 3 graded but held.
  std::vector<DraftGrading> drafts = {D(0, true, true), D(1, false, false),
                                      D(2, true, false)};
  DraftChoice released_only = ChooseDraft(drafts, false);
  EXPECT_EQ(released_only.exported, &drafts_[0]);
  EXPECT_EQ(released_only.newer, &drafts_[2]);
  DraftChoice all = ChooseDraft(drafts, true);
  EXPECT_EQ(all.exported, &drafts_[2]);
  EXPECT_EQ(all.newer, nullptr);
}

TEST_F(GradedDraftsTest, UngradedNewDraftDoesNotReplaceTheGradedOne) {
  std::vector<DraftGrading> drafts = {D(0, true, false), D(1, false, false)};
  EXPECT_EQ(ChooseDraft(drafts, true).exported, &drafts_[0]);
  EXPECT_EQ(ChooseDraft(drafts, true).newer, &drafts_[1]);
  // Nothing released: nothing exported by default.
  EXPECT_EQ(ChooseDraft(drafts, false).exported, nullptr);
  EXPECT_EQ(ChooseDraft(drafts, false).newer, nullptr);
}

TEST_F(GradedDraftsTest, NothingGradedExportsTheLatestWhenAskedFor) {
  std::vector<DraftGrading> drafts = {D(0, false, false), D(1, false, false)};
  EXPECT_EQ(ChooseDraft(drafts, true).exported, &drafts_[1]);
  EXPECT_EQ(ChooseDraft(drafts, true).newer, nullptr);
  EXPECT_EQ(ChooseDraft({}, true).exported, nullptr);
}

}  // namespace
}  // namespace marginalia::server
