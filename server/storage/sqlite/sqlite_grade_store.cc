// SqliteStore: criterion overrides, final grades, releases and the audit
// log. The log is only ever INSERTed into; triggers refuse the rest.
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "server/storage/sqlite/store_util.h"
#include "server/util/time_util.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;
using sqlite_internal::CheckPageSize;
using sqlite_internal::ParsePageToken;
using sqlite_internal::ReadPage;

// Columns: score, reason, actor, update_time_us.
TutorScore ReadTutorScore(const Statement& row, int first) {
  TutorScore score;
  score.score = row.ColumnDouble(first);
  score.reason = row.ColumnText(first + 1);
  score.actor = row.ColumnText(first + 2);
  score.update_time = MicrosToTimestamp(row.ColumnInt(first + 3));
  return score;
}

constexpr absl::string_view kAuditColumns =
    "sequence, time_us, actor, action, submission_id, assignment_id, "
    "criterion_id, old_value, new_value, reason";

absl::StatusOr<v1::AuditEvent> ReadAuditEvent(const Statement& row) {
  v1::AuditEvent event;
  event.set_sequence(row.ColumnInt(0));
  *event.mutable_time() = MicrosToTimestamp(row.ColumnInt(1));
  event.set_actor(row.ColumnText(2));
  event.set_action(row.ColumnText(3));
  event.set_submission_id(row.ColumnText(4));
  event.set_assignment_id(row.ColumnText(5));
  event.set_criterion_id(row.ColumnText(6));
  event.set_old_value(row.ColumnText(7));
  event.set_new_value(row.ColumnText(8));
  event.set_reason(row.ColumnText(9));
  return event;
}

// The tutor's overrides, final grade and release of one submission.
absl::StatusOr<GradeRecord> ReadGradeRecord(SqliteDb* db,
                                            absl::string_view submission_id) {
  GradeRecord record;
  ASSIGN_OR_RETURN(Statement overrides,
                   db->Prepare("SELECT criterion_id, score, reason, actor, "
                               "update_time_us FROM criterion_overrides "
                               "WHERE submission_id = ?1"));
  overrides.Bind(1, submission_id);
  while (true) {
    ASSIGN_OR_RETURN(bool row, overrides.Step());
    if (!row) break;
    record.overrides[overrides.ColumnText(0)] = ReadTutorScore(overrides, 1);
  }
  ASSIGN_OR_RETURN(Statement final_grade,
                   db->Prepare("SELECT score, reason, actor, update_time_us "
                               "FROM final_grades WHERE submission_id = ?1"));
  final_grade.Bind(1, submission_id);
  ASSIGN_OR_RETURN(bool has_final, final_grade.Step());
  if (has_final) record.final_grade = ReadTutorScore(final_grade, 0);
  ASSIGN_OR_RETURN(Statement release,
                   db->Prepare("SELECT release_time_us FROM releases WHERE "
                               "submission_id = ?1"));
  release.Bind(1, submission_id);
  ASSIGN_OR_RETURN(bool released, release.Step());
  if (released) record.release_time = MicrosToTimestamp(release.ColumnInt(0));
  return record;
}

}  // namespace

absl::Status SqliteStore::InsertAuditLocked(const v1::AuditEvent& event) {
  ASSIGN_OR_RETURN(
      Statement insert,
      db_->Prepare("INSERT INTO audit_events (time_us, actor, action, "
                   "submission_id, assignment_id, criterion_id, old_value, "
                   "new_value, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                   "?8, ?9)"));
  insert.Bind(1, TimestampToMicros(event.time()))
      .Bind(2, event.actor())
      .Bind(3, event.action())
      .Bind(4, event.submission_id())
      .Bind(5, event.assignment_id())
      .Bind(6, event.criterion_id())
      .Bind(7, event.old_value())
      .Bind(8, event.new_value())
      .Bind(9, event.reason());
  return insert.Run();
}

absl::StatusOr<GradeRecord> SqliteStore::GetGradeRecord(
    absl::string_view submission_id) {
  ReadConnection db(this);
  return ReadGradeRecord(db.get(), submission_id);
}

absl::StatusOr<std::map<std::string, GradeRecord>>
SqliteStore::ListGradeRecords(absl::string_view assignment_id) {
  absl::MutexLock lock(&mutex_);
  std::vector<std::string> ids;
  {
    ASSIGN_OR_RETURN(Statement select,
                     db_->Prepare("SELECT id FROM submissions WHERE "
                                  "assignment_id = ?1 ORDER BY seq"));
    select.Bind(1, assignment_id);
    while (true) {
      ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      ids.push_back(select.ColumnText(0));
    }
  }
  std::map<std::string, GradeRecord> records;
  for (const std::string& id : ids) {
    ASSIGN_OR_RETURN(records[id], ReadGradeRecord(db_.get(), id));
  }
  return records;
}

absl::Status SqliteStore::SetCriterionOverride(absl::string_view submission_id,
                                               absl::string_view criterion_id,
                                               const TutorScore& score,
                                               v1::AuditEvent event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  {
    ASSIGN_OR_RETURN(Statement old,
                     db_->Prepare("SELECT score FROM criterion_overrides "
                                  "WHERE submission_id = ?1 AND "
                                  "criterion_id = ?2"));
    old.Bind(1, submission_id).Bind(2, criterion_id);
    ASSIGN_OR_RETURN(bool row, old.Step());
    if (row) event.set_old_value(absl::StrCat(old.ColumnDouble(0)));
  }
  {
    ASSIGN_OR_RETURN(
        Statement upsert,
        db_->Prepare("INSERT INTO criterion_overrides (submission_id, "
                     "criterion_id, score, reason, actor, update_time_us) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT "
                     "(submission_id, criterion_id) DO UPDATE SET score = "
                     "excluded.score, reason = excluded.reason, actor = "
                     "excluded.actor, update_time_us = "
                     "excluded.update_time_us"));
    upsert.Bind(1, submission_id)
        .Bind(2, criterion_id)
        .Bind(3, score.score)
        .Bind(4, score.reason)
        .Bind(5, score.actor)
        .Bind(6, TimestampToMicros(score.update_time));
    RETURN_IF_ERROR(upsert.Run());
  }
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::Status SqliteStore::SetFinalGrade(absl::string_view submission_id,
                                        const TutorScore& score,
                                        v1::AuditEvent event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  {
    ASSIGN_OR_RETURN(Statement old,
                     db_->Prepare("SELECT score FROM final_grades WHERE "
                                  "submission_id = ?1"));
    old.Bind(1, submission_id);
    ASSIGN_OR_RETURN(bool row, old.Step());
    if (row) event.set_old_value(absl::StrCat(old.ColumnDouble(0)));
  }
  {
    ASSIGN_OR_RETURN(
        Statement upsert,
        db_->Prepare("INSERT INTO final_grades (submission_id, score, "
                     "reason, actor, update_time_us) VALUES (?1, ?2, ?3, ?4, "
                     "?5) ON CONFLICT (submission_id) DO UPDATE SET score = "
                     "excluded.score, reason = excluded.reason, actor = "
                     "excluded.actor, update_time_us = "
                     "excluded.update_time_us"));
    upsert.Bind(1, submission_id)
        .Bind(2, score.score)
        .Bind(3, score.reason)
        .Bind(4, score.actor)
        .Bind(5, TimestampToMicros(score.update_time));
    RETURN_IF_ERROR(upsert.Run());
  }
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::StatusOr<int> SqliteStore::Release(
    const ReleaseScope& scope, absl::string_view actor,
    const google::protobuf::Timestamp& time) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  std::vector<std::pair<std::string, std::string>> pending;  // id, assignment
  {
    ASSIGN_OR_RETURN(
        Statement select,
        db_->Prepare("SELECT id, assignment_id FROM submissions s WHERE (?1 "
                     "= '' OR id = ?1) AND (?2 = '' OR assignment_id = ?2) "
                     "AND NOT EXISTS (SELECT 1 FROM releases r WHERE "
                     "r.submission_id = s.id) ORDER BY seq"));
    select.Bind(1, scope.submission_id).Bind(2, scope.assignment_id);
    while (true) {
      ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      pending.emplace_back(select.ColumnText(0), select.ColumnText(1));
    }
  }
  for (const auto& [submission_id, assignment_id] : pending) {
    ASSIGN_OR_RETURN(Statement insert,
                     db_->Prepare("INSERT INTO releases (submission_id, "
                                  "actor, release_time_us) VALUES (?1, ?2, "
                                  "?3)"));
    insert.Bind(1, submission_id)
        .Bind(2, actor)
        .Bind(3, TimestampToMicros(time));
    RETURN_IF_ERROR(insert.Run());
    v1::AuditEvent event;
    *event.mutable_time() = time;
    event.set_actor(std::string(actor));
    event.set_action("release");
    event.set_submission_id(submission_id);
    event.set_assignment_id(assignment_id);
    event.set_old_value("withheld");
    event.set_new_value("released");
    RETURN_IF_ERROR(InsertAuditLocked(event));
  }
  RETURN_IF_ERROR(transaction.Commit());
  return static_cast<int>(pending.size());
}

absl::Status SqliteStore::AppendAuditEvent(const v1::AuditEvent& event) {
  absl::MutexLock lock(&mutex_);
  return InsertAuditLocked(event);
}

absl::StatusOr<Page<v1::AuditEvent>> SqliteStore::ListAuditEvents(
    const AuditFilter& filter, const PageRequest& page) {
  ASSIGN_OR_RETURN(int64_t after, ParsePageToken(page.page_token));
  ASSIGN_OR_RETURN(int size, CheckPageSize(page.page_size));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare(absl::StrCat(
          "SELECT ", kAuditColumns,
          " FROM audit_events WHERE (?1 = '' OR submission_id = ?1) AND (?2 "
          "= '' OR assignment_id = ?2) AND sequence > ?3 ORDER BY sequence "
          "LIMIT ?4")));
  select.Bind(1, filter.submission_id)
      .Bind(2, filter.assignment_id)
      .Bind(3, after)
      .Bind(4, size + 1);
  return ReadPage<v1::AuditEvent>(select, size, 0, ReadAuditEvent);
}

}  // namespace marginalia::server
