// A draft is scored outside any lock, so a tutor can release the author's
// earlier draft, or lock the assignment, while it is being scored. The lock
// must still hold: it is decided again in the transaction that stores the
// draft (draft_lock.h), not only before scoring (issue 13).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_registry.h"
#include "server/core/rubric_catalog.h"
#include "server/core/submission_intake.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "server/util/id_generator.h"
#include "server/util/time_util.h"
#include "tests/testing/fake_clock.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

class DraftLockRaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("race.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    catalog_ = std::make_unique<RubricCatalog>(store_.get(), &clock_);
    auto built_ins = rubrics::RubricRegistry::BuiltIn();
    ASSERT_TRUE(built_ins.ok()) << built_ins.status();
    ASSERT_TRUE(catalog_->InstallBuiltIns(*built_ins).ok());
    intake_ = std::make_unique<SubmissionIntake>(store_.get(), catalog_.get(),
                                                 &engine_, &clock_, &ids_,
                                                 IntakeOptions{});

    v1::User ada;
    ada.set_id("ada");
    ada.set_display_name("Ada");
    ASSERT_TRUE(store_->CreateUser(ada, Event("user_create")).ok());
    v1::Course course;
    course.set_id("hist");
    course.set_title("History");
    ASSERT_TRUE(store_->CreateCourse(course, Event("course_create")).ok());
    v1::Assignment assignment;
    assignment.set_id("hist101");
    assignment.set_course_id("hist");
    assignment.set_title("Essay");
    assignment.set_rubric_id("history-essay");
    assignment.set_rubric_version(1);
    *assignment.mutable_create_time() = ToTimestamp(clock_.Now());
    ASSERT_TRUE(store_->CreateAssignment(assignment).ok());
  }

  v1::AuditEvent Event(const std::string& action) {
    v1::AuditEvent event;
    *event.mutable_time() = ToTimestamp(clock_.Now());
    event.set_actor("tutor");
    event.set_action(action);
    event.set_assignment_id("hist101");
    return event;
  }

  v1::CreateSubmissionRequest Draft(const std::string& text) {
    v1::CreateSubmissionRequest request;
    request.set_assignment_id("hist101");
    request.set_author("ada");
    request.set_text(text);
    return request;
  }

  absl::Status LockAfterRelease() {
    v1::DraftLock lock;
    lock.set_after_release(true);
    return store_->SetDraftLock("hist101", lock, Event("draft_lock"));
  }

  int StoredDrafts() {
    auto page = store_->ListSubmissions({"hist101", "ada"}, {});
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? static_cast<int>(page->submissions.size()) : -1;
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  RandomIdGenerator ids_;
  rubrics::Engine engine_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<RubricCatalog> catalog_;
  std::unique_ptr<SubmissionIntake> intake_;
};

TEST_F(DraftLockRaceTest, ADraftScoredWhileTheEarlierOneWasReleasedIsRefused) {
  auto first = intake_->Submit("ada", Draft("The first draft.\n"));
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(LockAfterRelease().ok());

  // Draft 2 passes the lock (nothing released yet) and is scored...
  auto second = intake_->Prepare("ada", Draft("The second draft.\n"), {});
  ASSERT_TRUE(second.ok()) << second.status();
  // ...while the tutor releases draft 1...
  ReleaseScope scope;
  scope.submission_id = first->submission.id();
  ASSERT_TRUE(store_->Release(scope, "tutor", ToTimestamp(clock_.Now())).ok());
  // ...so storing it now would add a draft after the release.
  auto stored = store_->CreateSubmission(second->submission);
  EXPECT_EQ(stored.status().code(), absl::StatusCode::kFailedPrecondition)
      << stored.status();
  EXPECT_THAT(stored.status().message(), HasSubstr("locked"));
  EXPECT_EQ(StoredDrafts(), 1);
}

TEST_F(DraftLockRaceTest, ALockSetWhileTheDraftWasScoredHolds) {
  ASSERT_TRUE(intake_->Submit("ada", Draft("The first draft.\n")).ok());
  auto second = intake_->Prepare("ada", Draft("The second draft.\n"), {});
  ASSERT_TRUE(second.ok()) << second.status();
  // The tutor locks after release and releases, both during scoring.
  ASSERT_TRUE(LockAfterRelease().ok());
  ReleaseScope scope;
  scope.assignment_id = "hist101";
  ASSERT_TRUE(store_->Release(scope, "tutor", ToTimestamp(clock_.Now())).ok());
  EXPECT_EQ(store_->CreateSubmission(second->submission).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(StoredDrafts(), 1);
}

TEST_F(DraftLockRaceTest, AnExtensionGrantedMeanwhileLetsTheDraftIn) {
  auto first = intake_->Submit("ada", Draft("The first draft.\n"));
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(LockAfterRelease().ok());
  auto second = intake_->Prepare("ada", Draft("The second draft.\n"), {});
  ASSERT_TRUE(second.ok()) << second.status();
  ReleaseScope scope;
  scope.submission_id = first->submission.id();
  ASSERT_TRUE(store_->Release(scope, "tutor", ToTimestamp(clock_.Now())).ok());
  v1::Extension extension;
  extension.set_assignment_id("hist101");
  extension.set_student("ada");
  *extension.mutable_until() = ToTimestamp(clock_.Now() + absl::Hours(24));
  extension.set_granted_by("tutor");
  ASSERT_TRUE(store_->PutExtension(extension, Event("extension")).ok());
  auto stored = store_->CreateSubmission(second->submission);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->submission.draft(), 2);
}

}  // namespace
}  // namespace marginalia::server
