// Rubric ownership (issue 13): built-in rubrics never change; a rubric a
// tutor installs belongs to their course (only its members and
// administrators see it), and one an administrator installs without a
// course is site-wide; the same text is not a new version; every install is
// in the audit log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "marginalia/v1/scoring.grpc.pb.h"
#include "server/storage/sqlite/sqlite_db.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_rubrics.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;
using testing::TokenContext;

testing::CourseOptions Geography() {
  testing::CourseOptions options;
  options.course_id = "geo";
  options.assignment_id = "geo101";
  options.tutor_id = "tutor-g";
  options.student_prefix = "geo-student";
  return options;
}

class RubricOwnershipTest : public ::testing::Test {
 protected:
  RubricOwnershipTest()
      : history_(server_.channel(), server_.admin_token()),
        geography_(server_.channel(), server_.admin_token(), Geography()),
        rubrics_(v1::RubricService::NewStub(server_.channel())),
        admin_(v1::AdminService::NewStub(server_.channel())) {}

  grpc::Status Install(const testing::Person& who, const std::string& text,
                       const std::string& course,
                       v1::CreateRubricVersionResponse* response) {
    v1::CreateRubricVersionRequest request;
    request.set_text(text);
    request.set_course_id(course);
    TokenContext context(who.token);
    return rubrics_->CreateRubricVersion(&context, request, response);
  }

  grpc::Status Assign(const testing::Person& who, const std::string& course,
                      const std::string& rubric,
                      v1::CreateAssignmentResponse* response = nullptr) {
    v1::CreateAssignmentRequest request;
    request.mutable_assignment()->set_course_id(course);
    request.mutable_assignment()->set_rubric_id(rubric);
    v1::CreateAssignmentResponse ignored;
    TokenContext context(who.token);
    return admin_->CreateAssignment(&context, request,
                                    response ? response : &ignored);
  }

  // Whether `who` finds rubric `id` among every version ListRubrics shows.
  bool Listed(const testing::Person& who, const std::string& id) {
    v1::ListRubricsRequest request;
    request.set_all_versions(true);
    v1::ListRubricsResponse response;
    TokenContext context(who.token);
    EXPECT_TRUE(rubrics_->ListRubrics(&context, request, &response).ok());
    for (const v1::RubricInfo& info : response.rubrics()) {
      if (info.id() == id) return true;
    }
    return false;
  }

  grpc::Status Read(const testing::Person& who, const std::string& id,
                    int version = 0) {
    v1::GetRubricRequest request;
    request.set_id(id);
    request.set_version(version);
    v1::GetRubricResponse response;
    TokenContext context(who.token);
    return rubrics_->GetRubric(&context, request, &response);
  }

  // The "rubric_install" events of the audit log.
  std::vector<v1::AuditEvent> InstallEvents() {
    std::vector<v1::AuditEvent> installs;
    auto store = server::SqliteStore::Open(server_.db_path(), {});
    EXPECT_TRUE(store.ok()) << store.status();
    if (!store.ok()) return installs;
    auto events = (*store)->ListAuditEvents({}, {100, ""});
    EXPECT_TRUE(events.ok()) << events.status();
    if (!events.ok()) return installs;
    for (const v1::AuditEvent& event : events->items) {
      if (event.action() == "rubric_install") installs.push_back(event);
    }
    return installs;
  }

  std::string BuiltInText() {
    v1::GetRubricRequest get;
    get.set_id("history-essay");
    v1::GetRubricResponse rubric;
    TokenContext context(server_.admin_token());
    EXPECT_TRUE(rubrics_->GetRubric(&context, get, &rubric).ok());
    return rubric.text();
  }

  testing::TestServer server_;
  testing::CourseFixture history_;
  testing::CourseFixture geography_;
  std::unique_ptr<v1::RubricService::Stub> rubrics_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(RubricOwnershipTest, BuiltInRubricsNeverChange) {
  std::string text = BuiltInText();
  text += "\n# a harmless change\n";
  v1::CreateRubricVersionResponse response;
  grpc::Status tutor = Install(history_.tutor, text, "hist", &response);
  EXPECT_EQ(tutor.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(tutor.error_message(), HasSubstr("built in"));
  EXPECT_EQ(Install(history_.admin, text, "", &response).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // Other courses' new assignments still get version 1.
  v1::GetRubricRequest get;
  get.set_id("history-essay");
  v1::GetRubricResponse rubric;
  TokenContext context(geography_.tutor.token);
  ASSERT_TRUE(rubrics_->GetRubric(&context, get, &rubric).ok());
  EXPECT_EQ(rubric.info().version(), 1);
}

TEST_F(RubricOwnershipTest, TutorsInstallForTheirOwnCourseOnly) {
  v1::CreateRubricVersionResponse response;
  EXPECT_EQ(Install(history_.tutor, testing::kShortRubric, "", &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Install(history_.tutor, testing::kShortRubric, "geo", &response)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(
      Install(history_.students[0], testing::kShortRubric, "hist", &response)
          .error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  EXPECT_EQ(response.info().course_id(), "hist");
  EXPECT_TRUE(response.created());
}

// Rubric ids were one namespace: a tutor installing "short-essay" learnt
// from "belongs to another course" that some other course had one. Each
// course now names its rubrics on its own ("hist/short-essay").
TEST_F(RubricOwnershipTest, EachCourseNamesItsRubricsOnItsOwn) {
  v1::CreateRubricVersionResponse hist;
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &hist).ok());
  EXPECT_EQ(hist.info().id(), "hist/short-essay");
  std::string changed = testing::kShortRubric;
  changed += "\n";
  // Geography's install says nothing of history's: its own first version.
  v1::CreateRubricVersionResponse geo;
  ASSERT_TRUE(Install(geography_.tutor, changed, "geo", &geo).ok());
  EXPECT_EQ(geo.info().id(), "geo/short-essay");
  EXPECT_EQ(geo.info().version(), 1);
  EXPECT_TRUE(geo.created());
  // A bare id in an assignment names the course's own rubric.
  for (const auto& [who, course] :
       {std::pair{&history_.tutor, "hist"}, {&geography_.tutor, "geo"}}) {
    v1::CreateAssignmentResponse made;
    ASSERT_TRUE(Assign(*who, course, "short-essay", &made).ok());
    EXPECT_EQ(made.assignment().rubric_id(),
              std::string(course) + "/short-essay");
  }
  // Another course's, named in full, is missing.
  EXPECT_EQ(Assign(geography_.tutor, "geo", "hist/short-essay").error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(RubricOwnershipTest, ACourseRubricDoesNotShadowASiteRubric) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.admin, testing::kShortRubric, "", &response).ok());
  std::string changed = testing::kShortRubric;
  changed += "\n";
  grpc::Status shadow = Install(geography_.tutor, changed, "geo", &response);
  EXPECT_EQ(shadow.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(shadow.error_message(), HasSubstr("site-wide"));
}

TEST_F(RubricOwnershipTest, ACourseRubricIsSeenOnlyByItsCourseAndAdmins) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  EXPECT_TRUE(Listed(history_.admin, "hist/short-essay"));
  EXPECT_TRUE(Listed(history_.tutor, "hist/short-essay"));
  EXPECT_TRUE(Listed(history_.students[0], "hist/short-essay"));
  EXPECT_FALSE(Listed(geography_.tutor, "hist/short-essay"));
  EXPECT_FALSE(Listed(geography_.students[0], "hist/short-essay"));
  // Built-ins are for everyone.
  EXPECT_TRUE(Listed(geography_.students[0], "history-essay"));

  EXPECT_TRUE(Read(history_.students[0], "hist/short-essay").ok());
  for (const testing::Person* outside :
       {&geography_.tutor, &geography_.students[0]}) {
    grpc::Status hidden = Read(*outside, "hist/short-essay");
    grpc::Status missing = Read(*outside, "hist/no-such-rubric");
    EXPECT_EQ(hidden.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(hidden.error_message(), "no rubric 'hist/short-essay'");
    EXPECT_EQ(missing.error_message(), "no rubric 'hist/no-such-rubric'");
    EXPECT_EQ(Read(*outside, "hist/short-essay", 1).error_message(),
              "no rubric 'hist/short-essay' version 1");
  }
}

// Scoring a text with a rubric reads its criteria, descriptors and pattern
// messages back in the report: another course's rubric must be as missing
// there as everywhere else.
TEST_F(RubricOwnershipTest, AnotherCoursesRubricCannotScoreAText) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  auto scoring = v1::ScoringService::NewStub(server_.channel());
  auto score = [&](const testing::Person& who, const std::string& id) {
    v1::ScoreTextRequest request;
    request.set_text("A short essay.\n\nIt argues a point.\n");
    request.set_rubric_id(id);
    v1::ScoreTextResponse scored;
    TokenContext context(who.token);
    return scoring->ScoreText(&context, request, &scored);
  };
  EXPECT_TRUE(score(history_.students[0], "hist/short-essay").ok());
  for (const testing::Person* outside :
       {&geography_.tutor, &geography_.students[0]}) {
    grpc::Status hidden = score(*outside, "hist/short-essay");
    grpc::Status missing = score(*outside, "hist/no-such-rubric");
    EXPECT_EQ(hidden.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
    std::string expected = missing.error_message();
    expected.replace(expected.find("hist/no-such-rubric"),
                     std::string("hist/no-such-rubric").size(),
                     "hist/short-essay");
    EXPECT_EQ(hidden.error_message(), expected);
  }
  // Built-ins score for everyone.
  EXPECT_TRUE(score(geography_.students[0], "history-essay").ok());
}

TEST_F(RubricOwnershipTest, AnotherCoursesRubricReadsAsMissingToAssign) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  grpc::Status hidden = Assign(geography_.tutor, "geo", "hist/short-essay");
  grpc::Status missing = Assign(geography_.tutor, "geo", "hist/no-such-rubric");
  EXPECT_EQ(hidden.error_code(), grpc::StatusCode::NOT_FOUND);
  std::string expected = missing.error_message();
  expected.replace(expected.find("hist/no-such-rubric"),
                   std::string("hist/no-such-rubric").size(),
                   "hist/short-essay");
  EXPECT_EQ(hidden.error_message(), expected);
}

TEST_F(RubricOwnershipTest, SiteWideRubricsAreForEveryCourse) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.admin, testing::kShortRubric, "", &response).ok());
  EXPECT_TRUE(response.info().course_id().empty());
  EXPECT_TRUE(Assign(geography_.tutor, "geo", "short-essay").ok());
  EXPECT_TRUE(Assign(history_.tutor, "hist", "short-essay").ok());
}

TEST_F(RubricOwnershipTest, InstallsAreAuditedOncePerNewVersion) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  EXPECT_FALSE(response.created());
  EXPECT_EQ(response.info().version(), 1);

  std::vector<v1::AuditEvent> installs = InstallEvents();
  ASSERT_EQ(installs.size(), 1u);
  EXPECT_EQ(installs[0].actor(), "tutor");
  EXPECT_EQ(installs[0].new_value(), "hist/short-essay@v1");
  EXPECT_EQ(installs[0].reason(), "course hist");
}

// An install and its audit event are one transaction: when the event cannot
// be written, the rubric is not installed either, and installing it again
// later is audited.
TEST_F(RubricOwnershipTest, AnInstallThatCannotBeAuditedInstallsNothing) {
  {
    auto db = server::SqliteDb::Open(server_.db_path(), false);
    ASSERT_TRUE(db.ok()) << db.status();
    ASSERT_TRUE((*db)
                    ->Exec("CREATE TRIGGER no_installs BEFORE INSERT ON "
                           "audit_events WHEN NEW.action = 'rubric_install' "
                           "BEGIN SELECT RAISE(ABORT, 'audit log full'); END")
                    .ok());
  }
  v1::CreateRubricVersionResponse response;
  EXPECT_FALSE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  EXPECT_FALSE(Listed(history_.tutor, "short-essay"));
  {
    auto db = server::SqliteDb::Open(server_.db_path(), false);
    ASSERT_TRUE(db.ok()) << db.status();
    ASSERT_TRUE((*db)->Exec("DROP TRIGGER no_installs").ok());
  }
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  EXPECT_TRUE(response.created());
  EXPECT_EQ(InstallEvents().size(), 1u);
}

}  // namespace
}  // namespace marginalia
