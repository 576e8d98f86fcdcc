#include "server/storage/sqlite/sqlite_store.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/storage/request_key.h"
#include "server/storage/sqlite/migrations.h"
#include "server/storage/sqlite/store_util.h"
#include "server/util/quote.h"
#include "server/util/time_util.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;
using sqlite_internal::CheckPageSize;
using sqlite_internal::ParsePageToken;
using sqlite_internal::SerializeDeterministically;

// The last column is the due time of the submission's assignment (0 for
// none), read with the submission so that lateness follows the assignment's
// current due time.
constexpr absl::string_view kSubmissionColumns =
    "id, assignment_id, author, request_id, content_sha256, text_bytes, "
    "title, file_name, draft, rubric_id, rubric_version, total_score, "
    "max_score, create_time_us, seq, "
    "(SELECT a.due_time_us FROM assignments a "
    "WHERE a.id = submissions.assignment_id)";

// Sets `s`'s late_by when it was created after `due_us` (0: no due time).
void SetLateness(int64_t created_us, int64_t due_us, v1::Submission* s) {
  if (due_us > 0 && created_us > due_us) {
    *s->mutable_late_by() = MicrosToDuration(created_us - due_us);
  }
}

// Reads the columns of kSubmissionColumns (and, when present, text at
// column 16).
v1::Submission ReadSubmission(const Statement& row, bool with_text) {
  v1::Submission s;
  s.set_id(row.ColumnText(0));
  s.set_assignment_id(row.ColumnText(1));
  s.set_author(row.ColumnText(2));
  s.set_request_id(row.ColumnText(3));
  s.set_content_sha256(row.ColumnText(4));
  s.set_text_bytes(row.ColumnInt(5));
  s.set_title(row.ColumnText(6));
  s.set_file_name(row.ColumnText(7));
  s.set_draft(static_cast<int32_t>(row.ColumnInt(8)));
  s.set_rubric_id(row.ColumnText(9));
  s.set_rubric_version(static_cast<int32_t>(row.ColumnInt(10)));
  s.set_total_score(row.ColumnDouble(11));
  s.set_max_score(row.ColumnDouble(12));
  *s.mutable_create_time() = MicrosToTimestamp(row.ColumnInt(13));
  SetLateness(row.ColumnInt(13), row.ColumnInt(15), &s);
  if (with_text) s.set_text(row.ColumnText(16));
  return s;
}

v1::RubricInfo ReadRubricInfo(const Statement& row) {
  v1::RubricInfo info;
  info.set_id(row.ColumnText(0));
  info.set_version(static_cast<int32_t>(row.ColumnInt(1)));
  info.set_name(row.ColumnText(2));
  info.set_description(row.ColumnText(3));
  info.set_built_in(row.ColumnInt(4) != 0);
  info.set_created_by(row.ColumnText(5));
  *info.mutable_create_time() = MicrosToTimestamp(row.ColumnInt(6));
  info.set_course_id(row.ColumnText(8));
  return info;
}

// The submission stored under `key`, if any.
absl::StatusOr<std::optional<v1::Submission>> FindByRequestKey(
    SqliteDb* db, const SubmissionRequestKey& key) {
  ASSIGN_OR_RETURN(
      Statement select,
      db->Prepare(absl::StrCat("SELECT ", kSubmissionColumns,
                               " FROM submissions WHERE submitted_by = ?1 "
                               "AND assignment_id = ?2 AND author = ?3 AND "
                               "request_id = ?4")));
  select.Bind(1, key.submitted_by)
      .Bind(2, key.assignment_id)
      .Bind(3, key.author)
      .Bind(4, key.request_id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return std::optional<v1::Submission>();
  return std::optional<v1::Submission>(ReadSubmission(select, false));
}

// The facts of draft_lock.h for `author` on the assignment, as `db` sees
// them (inside the writer's transaction, or on the read connection).
absl::StatusOr<DraftFacts> QueryDraftFacts(SqliteDb* db,
                                           absl::string_view assignment_id,
                                           absl::string_view author) {
  DraftFacts facts;
  {
    ASSIGN_OR_RETURN(Statement select,
                     db->Prepare("SELECT lock_after_due, lock_after_release, "
                                 "due_time_us FROM assignments WHERE id = ?1"));
    select.Bind(1, assignment_id);
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) return NoSuchId("assignment", assignment_id);
    facts.lock.set_after_due(select.ColumnInt(0) != 0);
    facts.lock.set_after_release(select.ColumnInt(1) != 0);
    if (select.ColumnInt(2) != 0) {
      facts.due_time = absl::FromUnixMicros(select.ColumnInt(2));
    }
  }
  // An open assignment (most are) needs nothing more: this runs in every
  // submission's insert, and the release query reads the author's drafts.
  if (!facts.lock.after_due() && !facts.lock.after_release()) return facts;
  if (facts.lock.after_release()) {
    ASSIGN_OR_RETURN(
        Statement select,
        db->Prepare("SELECT EXISTS (SELECT 1 FROM submissions s JOIN "
                    "releases r ON r.submission_id = s.id WHERE "
                    "s.assignment_id = ?1 AND s.author = ?2)"));
    select.Bind(1, assignment_id).Bind(2, author);
    ASSIGN_OR_RETURN(bool row, select.Step());
    facts.released_draft = row && select.ColumnInt(0) != 0;
  }
  {
    ASSIGN_OR_RETURN(Statement select,
                     db->Prepare("SELECT until_us FROM extensions WHERE "
                                 "assignment_id = ?1 AND student = ?2"));
    select.Bind(1, assignment_id).Bind(2, author);
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (row) facts.extension_until = absl::FromUnixMicros(select.ColumnInt(0));
  }
  return facts;
}

constexpr absl::string_view kRubricColumns =
    "rubric_id, version, name, description, built_in, created_by, "
    "create_time_us, text, course_id";

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, const SqliteStoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db,
                   SqliteDb::Open(path, options.synchronous_full));
  ASSIGN_OR_RETURN(std::vector<Migration> migrations, BuiltInMigrations());
  RETURN_IF_ERROR(Migrate(db.get(), migrations));
  // A private in-memory database has no second connection to it.
  std::unique_ptr<SqliteDb> reader;
  std::unique_ptr<WalCheckpointer> checkpointer;
  if (!path.empty() && path != ":memory:" && !absl::StartsWith(path, "file:")) {
    ASSIGN_OR_RETURN(reader, SqliteDb::OpenReadOnly(path));
    RETURN_IF_ERROR(db->Exec("PRAGMA wal_autocheckpoint = 0"));
    ASSIGN_OR_RETURN(checkpointer,
                     WalCheckpointer::Start(path, options.synchronous_full,
                                            options.checkpoint_period));
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(
      std::move(db), std::move(reader), std::move(checkpointer)));
}

absl::Status SqliteStore::CheckpointForTest() {
  if (checkpointer_ == nullptr) return absl::OkStatus();
  return checkpointer_->CheckpointForTest();
}

absl::StatusOr<CreateSubmissionResult> SqliteStore::InsertSubmissionLocked(
    const NewSubmission& input) {
  const v1::Submission& s = input.submission;
  const std::string& submitted_by =
      input.submitted_by.empty() ? s.author() : input.submitted_by;
  if (!s.request_id().empty()) {
    ASSIGN_OR_RETURN(
        std::optional<v1::Submission> existing,
        FindByRequestKey(db_.get(), {submitted_by, s.assignment_id(),
                                     s.author(), s.request_id()}));
    if (existing.has_value()) {
      if (existing->content_sha256() != s.content_sha256()) {
        return ReusedRequestIdError(s.request_id(), "text");
      }
      return CreateSubmissionResult{*existing, false};
    }
  }
  int64_t due_us = 0;
  {
    // A submission scored while its assignment moved to another rubric
    // version would keep the old one unnoticed: refuse it instead.
    ASSIGN_OR_RETURN(
        Statement pinned,
        db_->Prepare("SELECT rubric_id, rubric_version, "
                     "due_time_us FROM assignments WHERE id = ?1"));
    pinned.Bind(1, s.assignment_id());
    ASSIGN_OR_RETURN(bool row, pinned.Step());
    if (row && (pinned.ColumnText(0) != s.rubric_id() ||
                pinned.ColumnInt(1) != s.rubric_version())) {
      return absl::AbortedError(absl::StrCat(
          "assignment '", s.assignment_id(),
          "' moved to another rubric version while the essay was scored; "
          "submit again"));
    }
    if (row) due_us = pinned.ColumnInt(2);
  }
  if (input.draft_rule) {
    ASSIGN_OR_RETURN(DraftFacts facts,
                     QueryDraftFacts(db_.get(), s.assignment_id(), s.author()));
    RETURN_IF_ERROR(input.draft_rule(facts));
  }
  int draft = 1;
  {
    // The author's latest draft, found through the index in O(log n):
    // counting their drafts cost a scan of them all on every insert.
    // Submissions are never deleted, so the latest is also the count.
    ASSIGN_OR_RETURN(Statement latest,
                     db_->Prepare("SELECT draft FROM submissions WHERE "
                                  "assignment_id = ?1 AND author = ?2 "
                                  "ORDER BY seq DESC LIMIT 1"));
    latest.Bind(1, s.assignment_id()).Bind(2, s.author());
    ASSIGN_OR_RETURN(bool row, latest.Step());
    if (row) draft = static_cast<int>(latest.ColumnInt(0)) + 1;
  }
  int64_t created_us = TimestampToMicros(s.create_time());
  {
    ASSIGN_OR_RETURN(
        Statement insert,
        db_->Prepare("INSERT INTO submissions (id, assignment_id, author, "
                     "request_id, content_sha256, text, text_bytes, title, "
                     "file_name, draft, rubric_id, rubric_version, "
                     "total_score, max_score, create_time_us, submitted_by) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                     "?12, ?13, ?14, ?15, ?16)"));
    insert.Bind(1, s.id())
        .Bind(2, s.assignment_id())
        .Bind(3, s.author())
        .BindOptional(4, s.request_id())
        .Bind(5, s.content_sha256())
        .Bind(6, s.text())
        .Bind(7, static_cast<int64_t>(s.text().size()))
        .Bind(8, s.title())
        .Bind(9, s.file_name())
        .Bind(10, draft)
        .Bind(11, s.rubric_id())
        .Bind(12, s.rubric_version())
        .Bind(13, s.total_score())
        .Bind(14, s.max_score())
        .Bind(15, created_us)
        .Bind(16, submitted_by);
    RETURN_IF_ERROR(insert.Run());
  }
  {
    ASSIGN_OR_RETURN(
        Statement insert,
        db_->Prepare("INSERT INTO reports (submission_id, rubric_id, "
                     "rubric_version, engine_version, report, create_time_us) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    insert.Bind(1, s.id())
        .Bind(2, input.report.rubric_id())
        .Bind(3, input.report.rubric_version())
        .Bind(4, input.report.engine_version())
        .BindBlob(5, SerializeDeterministically(input.report))
        .Bind(6, created_us);
    RETURN_IF_ERROR(insert.Run());
  }
  CreateSubmissionResult result{s, true};
  result.submission.clear_text();
  result.submission.set_text_bytes(static_cast<int64_t>(s.text().size()));
  result.submission.set_draft(draft);
  SetLateness(created_us, due_us, &result.submission);
  return result;
}

absl::StatusOr<CreateSubmissionResult> SqliteStore::CreateSubmission(
    const NewSubmission& submission) {
  ASSIGN_OR_RETURN(std::vector<CreateSubmissionResult> results,
                   CreateSubmissions({&submission}));
  return std::move(results.front());
}

absl::StatusOr<std::vector<CreateSubmissionResult>>
SqliteStore::CreateSubmissions(
    const std::vector<const NewSubmission*>& submissions) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  std::vector<CreateSubmissionResult> results;
  results.reserve(submissions.size());
  for (const NewSubmission* submission : submissions) {
    ASSIGN_OR_RETURN(CreateSubmissionResult result,
                     InsertSubmissionLocked(*submission));
    results.push_back(std::move(result));
  }
  RETURN_IF_ERROR(transaction.Commit());
  return results;
}

absl::StatusOr<v1::Submission> SqliteStore::GetSubmission(absl::string_view id,
                                                          bool with_text) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare(absl::StrCat("SELECT ", kSubmissionColumns,
                                             ", text FROM submissions WHERE "
                                             "id = ?1")));
  select.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) {
    return NoSuchId("submission", id);
  }
  return ReadSubmission(select, with_text);
}

absl::StatusOr<std::optional<v1::Submission>>
SqliteStore::FindSubmissionByRequestKey(const SubmissionRequestKey& key) {
  ReadConnection db(this);
  return FindByRequestKey(db.get(), key);
}

absl::StatusOr<DraftFacts> SqliteStore::ReadDraftFacts(
    absl::string_view assignment_id, absl::string_view author) {
  ReadConnection db(this);
  return QueryDraftFacts(db.get(), assignment_id, author);
}

absl::StatusOr<SubmissionPage> SqliteStore::ListSubmissions(
    const SubmissionFilter& filter, const PageRequest& page) {
  ASSIGN_OR_RETURN(int64_t after, ParsePageToken(page.page_token));
  ASSIGN_OR_RETURN(int size, CheckPageSize(page.page_size));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare(absl::StrCat(
          "SELECT ", kSubmissionColumns,
          " FROM submissions WHERE (?1 = '' OR assignment_id = ?1) AND "
          "(?2 = '' OR author = ?2) AND seq > ?3 ORDER BY seq LIMIT ?4")));
  select.Bind(1, filter.assignment_id)
      .Bind(2, filter.author)
      .Bind(3, after)
      .Bind(4, size + 1);
  SubmissionPage result;
  int64_t last_seq = 0;
  while (true) {
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    if (static_cast<int>(result.submissions.size()) == size) {
      result.next_page_token = absl::StrCat(last_seq);
      break;
    }
    result.submissions.push_back(ReadSubmission(select, false));
    last_seq = select.ColumnInt(14);
  }
  return result;
}

absl::StatusOr<std::optional<v1::Submission>> SqliteStore::FindDraft(
    absl::string_view assignment_id, absl::string_view author, int draft) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare(absl::StrCat("SELECT ", kSubmissionColumns,
                                " FROM submissions WHERE assignment_id = ?1 "
                                "AND author = ?2 AND draft = ?3")));
  select.Bind(1, assignment_id).Bind(2, author).Bind(3, draft);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return std::optional<v1::Submission>();
  return std::optional<v1::Submission>(ReadSubmission(select, false));
}

absl::StatusOr<v1::FeedbackReport> SqliteStore::GetReport(
    absl::string_view submission_id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare("SELECT report FROM reports WHERE submission_id = ?1"));
  select.Bind(1, submission_id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) {
    return absl::NotFoundError(
        absl::StrCat("no report for submission ", QuotePrefix(submission_id)));
  }
  v1::FeedbackReport report;
  if (!report.ParseFromString(select.ColumnText(0))) {
    return absl::DataLossError(absl::StrCat("stored report of submission '",
                                            submission_id, "' is corrupt"));
  }
  return report;
}

absl::Status SqliteStore::InsertRubricLocked(const v1::RubricInfo& info,
                                             absl::string_view text) {
  ASSIGN_OR_RETURN(
      Statement insert,
      db_->Prepare("INSERT INTO rubric_versions (rubric_id, version, name, "
                   "description, text, built_in, created_by, create_time_us, "
                   "course_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  insert.Bind(1, info.id())
      .Bind(2, info.version())
      .Bind(3, info.name())
      .Bind(4, info.description())
      .Bind(5, text)
      .Bind(6, info.built_in() ? 1 : 0)
      .Bind(7, info.created_by())
      .Bind(8, TimestampToMicros(info.create_time()))
      .Bind(9, info.course_id());
  return insert.Run();
}

absl::StatusOr<bool> SqliteStore::InstallBuiltInRubric(
    const v1::RubricInfo& info, absl::string_view text) {
  absl::MutexLock lock(&mutex_);
  absl::Status status = InsertRubricLocked(info, text);
  if (IsUniqueViolation(status)) return false;
  RETURN_IF_ERROR(status);
  return true;
}

absl::Status SqliteStore::CreateRubricVersion(const v1::RubricInfo& info,
                                              absl::string_view text,
                                              const v1::AuditEvent& event) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  absl::Status status = InsertRubricLocked(info, text);
  if (IsUniqueViolation(status)) {
    return absl::AlreadyExistsError(
        absl::StrCat("rubric ", QuotePrefix(info.id()), " version ",
                     info.version(), " was created meanwhile; try again"));
  }
  RETURN_IF_ERROR(status);
  RETURN_IF_ERROR(InsertAuditLocked(event));
  return transaction.Commit();
}

absl::StatusOr<int> SqliteStore::LatestRubricVersion(absl::string_view id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare("SELECT COALESCE(MAX(version), 0) FROM "
                                "rubric_versions WHERE rubric_id = ?1"));
  select.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  return row ? static_cast<int>(select.ColumnInt(0)) : 0;
}

absl::StatusOr<StoredRubric> SqliteStore::GetRubric(absl::string_view id,
                                                    int version) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare(absl::StrCat(
          "SELECT ", kRubricColumns,
          " FROM rubric_versions WHERE rubric_id = ?1 AND (?2 = 0 OR "
          "version = ?2) ORDER BY version DESC LIMIT 1")));
  select.Bind(1, id).Bind(2, version);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return NoSuchRubric(id, version);
  return StoredRubric{ReadRubricInfo(select), select.ColumnText(7)};
}

absl::StatusOr<std::vector<v1::RubricInfo>> SqliteStore::ListRubrics(
    bool all_versions) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare(absl::StrCat(
          "SELECT ", kRubricColumns,
          " FROM rubric_versions r WHERE ?1 OR version = (SELECT MAX(version) "
          "FROM rubric_versions WHERE rubric_id = r.rubric_id) ORDER BY "
          "rubric_id, version")));
  select.Bind(1, all_versions ? 1 : 0);
  std::vector<v1::RubricInfo> rubrics;
  while (true) {
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    rubrics.push_back(ReadRubricInfo(select));
  }
  return rubrics;
}

}  // namespace marginalia::server
