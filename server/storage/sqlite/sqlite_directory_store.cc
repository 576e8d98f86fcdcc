// SqliteStore: users, tokens, courses, enrolments and assignments.
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "server/storage/sqlite/store_util.h"
#include "server/util/quote.h"
#include "server/util/time_util.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;
using sqlite_internal::CheckPageSize;
using sqlite_internal::ParsePageToken;
using sqlite_internal::ReadPage;
using sqlite_internal::SerializeDeterministically;

constexpr absl::string_view kUserColumns =
    "id, display_name, email, admin, create_time_us, seq";

absl::StatusOr<v1::User> ReadUser(const Statement& row) {
  v1::User user;
  user.set_id(row.ColumnText(0));
  user.set_display_name(row.ColumnText(1));
  user.set_email(row.ColumnText(2));
  user.set_admin(row.ColumnInt(3) != 0);
  *user.mutable_create_time() = MicrosToTimestamp(row.ColumnInt(4));
  return user;
}

constexpr absl::string_view kTokenColumns =
    "id, user_id, label, create_time_us, revoked";

v1::Token ReadToken(const Statement& row) {
  v1::Token token;
  token.set_id(row.ColumnText(0));
  token.set_user_id(row.ColumnText(1));
  token.set_label(row.ColumnText(2));
  *token.mutable_create_time() = MicrosToTimestamp(row.ColumnInt(3));
  token.set_revoked(row.ColumnInt(4) != 0);
  return token;
}

absl::StatusOr<v1::Course> ReadCourse(const Statement& row) {
  v1::Course course;
  course.set_id(row.ColumnText(0));
  course.set_title(row.ColumnText(1));
  *course.mutable_create_time() = MicrosToTimestamp(row.ColumnInt(2));
  return course;
}

absl::StatusOr<v1::Enrolment> ReadEnrolment(const Statement& row) {
  v1::Enrolment enrolment;
  enrolment.set_course_id(row.ColumnText(0));
  enrolment.set_user_id(row.ColumnText(1));
  enrolment.set_role(static_cast<v1::CourseRole>(row.ColumnInt(2)));
  return enrolment;
}

constexpr absl::string_view kAssignmentColumns =
    "id, course_id, title, rubric_id, rubric_version, due_time_us, "
    "reviews_per_submission, anonymous, engine_feedback_immediately, "
    "peer_weight, create_time_us, seq, lock_after_due, lock_after_release";

absl::StatusOr<v1::Assignment> ReadAssignment(const Statement& row) {
  v1::Assignment a;
  a.set_id(row.ColumnText(0));
  a.set_course_id(row.ColumnText(1));
  a.set_title(row.ColumnText(2));
  a.set_rubric_id(row.ColumnText(3));
  a.set_rubric_version(static_cast<int32_t>(row.ColumnInt(4)));
  if (row.ColumnInt(5) != 0) {
    *a.mutable_due_time() = MicrosToTimestamp(row.ColumnInt(5));
  }
  v1::PeerReviewSettings* peer = a.mutable_peer_review();
  peer->set_reviews_per_submission(static_cast<int32_t>(row.ColumnInt(6)));
  peer->set_anonymous(row.ColumnInt(7) != 0);
  peer->set_engine_feedback_immediately(row.ColumnInt(8) != 0);
  peer->set_peer_weight(row.ColumnDouble(9));
  *a.mutable_create_time() = MicrosToTimestamp(row.ColumnInt(10));
  a.mutable_draft_lock()->set_after_due(row.ColumnInt(12) != 0);
  a.mutable_draft_lock()->set_after_release(row.ColumnInt(13) != 0);
  return a;
}

// NOT_FOUND "no <what> with id '<id>'".
absl::Status NoSuch(absl::string_view what, absl::string_view id) {
  return NoSuchId(what, id);
}

// Maps a unique violation to ALREADY_EXISTS naming the resource.
absl::Status Taken(absl::Status status, absl::string_view what,
                   absl::string_view id) {
  if (IsUniqueViolation(status)) {
    return absl::AlreadyExistsError(
        absl::StrCat(what, " '", id, "' already exists"));
  }
  return status;
}

}  // namespace

absl::Status SqliteStore::InsertUserLocked(const v1::User& user) {
  ASSIGN_OR_RETURN(Statement insert,
                   db_->Prepare("INSERT INTO users (id, display_name, email, "
                                "admin, create_time_us) VALUES "
                                "(?1, ?2, ?3, ?4, ?5)"));
  insert.Bind(1, user.id())
      .Bind(2, user.display_name())
      .Bind(3, user.email())
      .Bind(4, user.admin() ? 1 : 0)
      .Bind(5, TimestampToMicros(user.create_time()));
  return Taken(insert.Run(), "user", user.id());
}

absl::Status SqliteStore::InsertTokenLocked(const TokenRecord& record) {
  const v1::Token& token = record.token;
  ASSIGN_OR_RETURN(
      Statement insert,
      db_->Prepare("INSERT INTO tokens (id, user_id, label, secret_sha256, "
                   "create_time_us) VALUES (?1, ?2, ?3, ?4, ?5)"));
  insert.Bind(1, token.id())
      .Bind(2, token.user_id())
      .Bind(3, token.label())
      .Bind(4, record.secret_sha256)
      .Bind(5, TimestampToMicros(token.create_time()));
  return insert.Run();
}

absl::Status SqliteStore::CreateUser(const v1::User& user,
                                     const v1::AuditEvent& event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  RETURN_IF_ERROR(InsertUserLocked(user));
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::Status SqliteStore::CreateUserWithToken(
    const v1::User& user, const TokenRecord& token,
    const std::vector<v1::AuditEvent>& events) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  RETURN_IF_ERROR(InsertUserLocked(user));
  RETURN_IF_ERROR(InsertTokenLocked(token));
  for (const v1::AuditEvent& event : events) {
    RETURN_IF_ERROR(InsertAuditLocked(event));
  }
  return transaction.Commit();
}

absl::StatusOr<v1::User> SqliteStore::GetUser(absl::string_view id) {
  ReadConnection db(this);
  ASSIGN_OR_RETURN(Statement select,
                   db->Prepare(absl::StrCat("SELECT ", kUserColumns,
                                            " FROM users WHERE id = ?1")));
  select.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return NoSuch("user", id);
  return ReadUser(select);
}

absl::StatusOr<Page<v1::User>> SqliteStore::ListUsers(const PageRequest& page) {
  ASSIGN_OR_RETURN(int64_t after, ParsePageToken(page.page_token));
  ASSIGN_OR_RETURN(int size, CheckPageSize(page.page_size));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare(absl::StrCat("SELECT ", kUserColumns,
                                             " FROM users WHERE seq > ?1 "
                                             "ORDER BY seq LIMIT ?2")));
  select.Bind(1, after).Bind(2, size + 1);
  return ReadPage<v1::User>(select, size, 5, ReadUser);
}

absl::StatusOr<bool> SqliteStore::HasAdmin() {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare("SELECT EXISTS (SELECT 1 FROM users WHERE "
                                "admin = 1)"));
  ASSIGN_OR_RETURN(bool row, select.Step());
  return row && select.ColumnInt(0) != 0;
}

absl::Status SqliteStore::CreateToken(const TokenRecord& token,
                                      const v1::AuditEvent& event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  RETURN_IF_ERROR(InsertTokenLocked(token));
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::StatusOr<std::optional<v1::Token>> SqliteStore::FindTokenBySecretHash(
    absl::string_view secret_sha256) {
  ReadConnection db(this);
  ASSIGN_OR_RETURN(
      Statement select,
      db->Prepare(absl::StrCat("SELECT ", kTokenColumns,
                               " FROM tokens WHERE secret_sha256 = ?1")));
  select.Bind(1, secret_sha256);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return std::optional<v1::Token>();
  return std::optional<v1::Token>(ReadToken(select));
}

absl::StatusOr<v1::Token> SqliteStore::GetToken(absl::string_view id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare(absl::StrCat("SELECT ", kTokenColumns,
                                             " FROM tokens WHERE id = ?1")));
  select.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return NoSuch("token", id);
  return ReadToken(select);
}

absl::StatusOr<std::vector<v1::Token>> SqliteStore::ListTokens(
    absl::string_view user_id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare(absl::StrCat("SELECT ", kTokenColumns,
                                " FROM tokens WHERE user_id = ?1 ORDER BY "
                                "seq")));
  select.Bind(1, user_id);
  std::vector<v1::Token> tokens;
  while (true) {
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    tokens.push_back(ReadToken(select));
  }
  return tokens;
}

absl::StatusOr<v1::Token> SqliteStore::RevokeToken(
    absl::string_view id, const v1::AuditEvent& event) {
  ASSIGN_OR_RETURN(v1::Token token, GetToken(id));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  ASSIGN_OR_RETURN(Statement update,
                   db_->Prepare("UPDATE tokens SET revoked = 1 WHERE id = ?1"));
  update.Bind(1, id);
  RETURN_IF_ERROR(update.Run());
  RETURN_IF_ERROR(InsertAuditLocked(event));
  RETURN_IF_ERROR(transaction.Commit());
  token.set_revoked(true);
  return token;
}

absl::Status SqliteStore::CreateCourse(const v1::Course& course,
                                       const v1::AuditEvent& event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  ASSIGN_OR_RETURN(Statement insert,
                   db_->Prepare("INSERT INTO courses (id, title, "
                                "create_time_us) VALUES (?1, ?2, ?3)"));
  insert.Bind(1, course.id())
      .Bind(2, course.title())
      .Bind(3, TimestampToMicros(course.create_time()));
  RETURN_IF_ERROR(Taken(insert.Run(), "course", course.id()));
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::StatusOr<v1::Course> SqliteStore::GetCourse(absl::string_view id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare("SELECT id, title, create_time_us FROM "
                                "courses WHERE id = ?1"));
  select.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return NoSuch("course", id);
  return ReadCourse(select);
}

absl::StatusOr<Page<v1::Course>> SqliteStore::ListCourses(
    absl::string_view member, const PageRequest& page) {
  ASSIGN_OR_RETURN(int64_t after, ParsePageToken(page.page_token));
  ASSIGN_OR_RETURN(int size, CheckPageSize(page.page_size));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare("SELECT id, title, create_time_us, seq FROM courses c "
                   "WHERE seq > ?1 AND (?2 = '' OR EXISTS (SELECT 1 FROM "
                   "enrolments e WHERE e.course_id = c.id AND e.user_id = "
                   "?2)) ORDER BY seq LIMIT ?3"));
  select.Bind(1, after).Bind(2, member).Bind(3, size + 1);
  return ReadPage<v1::Course>(select, size, 3, ReadCourse);
}

absl::Status SqliteStore::PutEnrolment(const v1::Enrolment& enrolment,
                                       const v1::AuditEvent& event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  ASSIGN_OR_RETURN(
      Statement upsert,
      db_->Prepare("INSERT INTO enrolments (course_id, user_id, role) VALUES "
                   "(?1, ?2, ?3) ON CONFLICT (course_id, user_id) DO UPDATE "
                   "SET role = excluded.role"));
  upsert.Bind(1, enrolment.course_id())
      .Bind(2, enrolment.user_id())
      .Bind(3, static_cast<int>(enrolment.role()));
  RETURN_IF_ERROR(upsert.Run());
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::StatusOr<v1::CourseRole> SqliteStore::GetRole(absl::string_view course_id,
                                                    absl::string_view user_id) {
  ReadConnection db(this);
  ASSIGN_OR_RETURN(Statement select,
                   db->Prepare("SELECT role FROM enrolments WHERE course_id "
                               "= ?1 AND user_id = ?2"));
  select.Bind(1, course_id).Bind(2, user_id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return v1::COURSE_ROLE_UNSPECIFIED;
  return static_cast<v1::CourseRole>(select.ColumnInt(0));
}

absl::StatusOr<Page<v1::Enrolment>> SqliteStore::ListEnrolments(
    absl::string_view course_id, const PageRequest& page) {
  ASSIGN_OR_RETURN(int64_t after, ParsePageToken(page.page_token));
  ASSIGN_OR_RETURN(int size, CheckPageSize(page.page_size));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare("SELECT course_id, user_id, role, seq FROM "
                                "enrolments WHERE course_id = ?1 AND seq > "
                                "?2 ORDER BY seq LIMIT ?3"));
  select.Bind(1, course_id).Bind(2, after).Bind(3, size + 1);
  return ReadPage<v1::Enrolment>(select, size, 3, ReadEnrolment);
}

absl::StatusOr<std::vector<v1::Enrolment>> SqliteStore::ListEnrolmentsOfUser(
    absl::string_view user_id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare("SELECT course_id, user_id, role FROM "
                                "enrolments WHERE user_id = ?1 ORDER BY seq"));
  select.Bind(1, user_id);
  std::vector<v1::Enrolment> enrolments;
  while (true) {
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(v1::Enrolment enrolment, ReadEnrolment(select));
    enrolments.push_back(std::move(enrolment));
  }
  return enrolments;
}

absl::StatusOr<bool> SqliteStore::IsTutorAnywhere(absl::string_view user_id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare("SELECT EXISTS (SELECT 1 FROM enrolments "
                                "WHERE user_id = ?1 AND role = ?2)"));
  select.Bind(1, user_id).Bind(2, static_cast<int>(v1::COURSE_ROLE_TUTOR));
  ASSIGN_OR_RETURN(bool row, select.Step());
  return row && select.ColumnInt(0) != 0;
}

absl::StatusOr<bool> SqliteStore::TutorsUser(absl::string_view tutor_id,
                                             absl::string_view user_id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare("SELECT EXISTS (SELECT 1 FROM enrolments t JOIN "
                   "enrolments u ON u.course_id = t.course_id WHERE "
                   "t.user_id = ?1 AND t.role = ?2 AND u.user_id = ?3)"));
  select.Bind(1, tutor_id)
      .Bind(2, static_cast<int>(v1::COURSE_ROLE_TUTOR))
      .Bind(3, user_id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  return row && select.ColumnInt(0) != 0;
}

absl::Status SqliteStore::CreateAssignment(const v1::Assignment& a) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement insert,
      db_->Prepare("INSERT INTO assignments (id, course_id, title, rubric_id, "
                   "rubric_version, due_time_us, reviews_per_submission, "
                   "anonymous, engine_feedback_immediately, peer_weight, "
                   "create_time_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                   "?9, ?10, ?11)"));
  const v1::PeerReviewSettings& peer = a.peer_review();
  insert.Bind(1, a.id())
      .Bind(2, a.course_id())
      .Bind(3, a.title())
      .Bind(4, a.rubric_id())
      .Bind(5, a.rubric_version())
      .Bind(6, a.has_due_time() ? TimestampToMicros(a.due_time()) : 0)
      .Bind(7, peer.reviews_per_submission())
      .Bind(8, peer.anonymous() ? 1 : 0)
      .Bind(9, peer.engine_feedback_immediately() ? 1 : 0)
      .Bind(10, peer.peer_weight())
      .Bind(11, TimestampToMicros(a.create_time()));
  return Taken(insert.Run(), "assignment", a.id());
}

absl::StatusOr<v1::Assignment> SqliteStore::GetAssignment(
    absl::string_view id) {
  ReadConnection db(this);
  ASSIGN_OR_RETURN(Statement select,
                   db->Prepare(absl::StrCat("SELECT ", kAssignmentColumns,
                                            " FROM assignments WHERE id = "
                                            "?1")));
  select.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return NoSuch("assignment", id);
  return ReadAssignment(select);
}

absl::StatusOr<Page<v1::Assignment>> SqliteStore::ListAssignments(
    absl::string_view course_id, const PageRequest& page) {
  ASSIGN_OR_RETURN(int64_t after, ParsePageToken(page.page_token));
  ASSIGN_OR_RETURN(int size, CheckPageSize(page.page_size));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare(absl::StrCat("SELECT ", kAssignmentColumns,
                                " FROM assignments WHERE course_id = ?1 AND "
                                "seq > ?2 ORDER BY seq LIMIT ?3")));
  select.Bind(1, course_id).Bind(2, after).Bind(3, size + 1);
  return ReadPage<v1::Assignment>(select, size, 11, ReadAssignment);
}

absl::Status SqliteStore::ReplaceReportLocked(const RescoredReport& rescored,
                                              int64_t now_us) {
  ASSIGN_OR_RETURN(
      Statement keep,
      db_->Prepare("INSERT INTO report_history (submission_id, rubric_id, "
                   "rubric_version, engine_version, report, create_time_us, "
                   "replaced_time_us) SELECT submission_id, rubric_id, "
                   "rubric_version, engine_version, report, create_time_us, "
                   "?2 FROM reports WHERE submission_id = ?1"));
  keep.Bind(1, rescored.submission_id).Bind(2, now_us);
  RETURN_IF_ERROR(keep.Run());
  const v1::FeedbackReport& report = rescored.report;
  ASSIGN_OR_RETURN(
      Statement replace,
      db_->Prepare("UPDATE reports SET rubric_id = ?2, rubric_version = ?3, "
                   "engine_version = ?4, report = ?5, create_time_us = ?6 "
                   "WHERE submission_id = ?1"));
  replace.Bind(1, rescored.submission_id)
      .Bind(2, report.rubric_id())
      .Bind(3, report.rubric_version())
      .Bind(4, report.engine_version())
      .BindBlob(5, SerializeDeterministically(report))
      .Bind(6, now_us);
  RETURN_IF_ERROR(replace.Run());
  ASSIGN_OR_RETURN(
      Statement scores,
      db_->Prepare("UPDATE submissions SET rubric_id = ?2, rubric_version = "
                   "?3, total_score = ?4, max_score = ?5 WHERE id = ?1"));
  scores.Bind(1, rescored.submission_id)
      .Bind(2, report.rubric_id())
      .Bind(3, report.rubric_version())
      .Bind(4, report.total_score())
      .Bind(5, report.max_score());
  return scores.Run();
}

absl::Status SqliteStore::MoveAssignmentRubric(
    const v1::Assignment& updated, const std::vector<RescoredReport>& reports,
    const v1::AuditEvent& event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  {
    ASSIGN_OR_RETURN(Statement count,
                     db_->Prepare("SELECT COUNT(*) FROM submissions WHERE "
                                  "assignment_id = ?1"));
    count.Bind(1, updated.id());
    ASSIGN_OR_RETURN(bool row, count.Step());
    if (row && count.ColumnInt(0) != static_cast<int64_t>(reports.size())) {
      return absl::AbortedError(
          absl::StrCat("a submission to assignment '", updated.id(),
                       "' arrived while it was being re-scored; try again"));
    }
  }
  {
    ASSIGN_OR_RETURN(Statement pin,
                     db_->Prepare("UPDATE assignments SET rubric_id = ?2, "
                                  "rubric_version = ?3 WHERE id = ?1"));
    pin.Bind(1, updated.id())
        .Bind(2, updated.rubric_id())
        .Bind(3, updated.rubric_version());
    RETURN_IF_ERROR(pin.Run());
  }
  int64_t now_us = TimestampToMicros(event.time());
  for (const RescoredReport& rescored : reports) {
    RETURN_IF_ERROR(ReplaceReportLocked(rescored, now_us));
  }
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::Status SqliteStore::SetDraftLock(absl::string_view assignment_id,
                                       const v1::DraftLock& lock,
                                       const v1::AuditEvent& event) {
  absl::MutexLock guard(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  ASSIGN_OR_RETURN(Statement update,
                   db_->Prepare("UPDATE assignments SET lock_after_due = ?2, "
                                "lock_after_release = ?3 WHERE id = ?1"));
  update.Bind(1, assignment_id)
      .Bind(2, lock.after_due() ? 1 : 0)
      .Bind(3, lock.after_release() ? 1 : 0);
  RETURN_IF_ERROR(update.Run());
  if (db_->Changes() == 0) return NoSuch("assignment", assignment_id);
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::Status SqliteStore::PutExtension(const v1::Extension& extension,
                                       const v1::AuditEvent& event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  ASSIGN_OR_RETURN(
      Statement upsert,
      db_->Prepare("INSERT INTO extensions (assignment_id, student, until_us, "
                   "granted_by, grant_time_us) VALUES (?1, ?2, ?3, ?4, ?5) "
                   "ON CONFLICT (assignment_id, student) DO UPDATE SET "
                   "until_us = excluded.until_us, granted_by = "
                   "excluded.granted_by, grant_time_us = "
                   "excluded.grant_time_us"));
  upsert.Bind(1, extension.assignment_id())
      .Bind(2, extension.student())
      .Bind(3, TimestampToMicros(extension.until()))
      .Bind(4, extension.granted_by())
      .Bind(5, TimestampToMicros(event.time()));
  RETURN_IF_ERROR(upsert.Run());
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

}  // namespace marginalia::server
