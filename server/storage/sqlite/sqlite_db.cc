#include "server/storage/sqlite/sqlite_db.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/util/log.h"

namespace marginalia::server {
namespace {

constexpr absl::string_view kUniqueMarker = "[unique]";

// SQLite's error as a Status. The message never carries the SQL (`sql` is
// logged for unexpected errors only): statuses travel to clients.
absl::Status StatusFromSqlite(int code, absl::string_view message,
                              absl::string_view sql) {
  std::string text = absl::StrCat("storage: ", message);
  switch (code & 0xFF) {
    case SQLITE_CONSTRAINT:
      if ((code == SQLITE_CONSTRAINT_UNIQUE) ||
          (code == SQLITE_CONSTRAINT_PRIMARYKEY)) {
        return absl::AlreadyExistsError(absl::StrCat(text, " ", kUniqueMarker));
      }
      return absl::FailedPreconditionError(text);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(text);
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return absl::ResourceExhaustedError(text);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return absl::FailedPreconditionError(text);
    default:
      if (!sql.empty()) LogError("sqlite: ", message, " in: ", sql);
      return absl::InternalError(text);
  }
}

}  // namespace

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::Bind(int index, absl::string_view text) {
  int rc = sqlite3_bind_text(stmt_, index, text.data(),
                             static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_.ok()) {
    bind_error_ = absl::InternalError(absl::StrCat("bind ", index, ": ", rc));
  }
  return *this;
}

Statement& Statement::BindBlob(int index, absl::string_view bytes) {
  int rc = sqlite3_bind_blob(stmt_, index, bytes.data(),
                             static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_.ok()) {
    bind_error_ = absl::InternalError(absl::StrCat("bind ", index, ": ", rc));
  }
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindOptional(int index, absl::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

absl::StatusOr<bool> Statement::Step() {
  if (!bind_error_.ok()) return bind_error_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_);
  return StatusFromSqlite(sqlite3_extended_errcode(db), sqlite3_errmsg(db),
                          sqlite3_sql(stmt_));
}

absl::Status Statement::Run() {
  absl::StatusOr<bool> row = Step();
  if (!row.ok()) return row.status();
  return absl::OkStatus();
}

std::string Statement::ColumnText(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  if (data == nullptr) return std::string();
  return std::string(static_cast<const char*>(data), static_cast<size_t>(size));
}

int64_t Statement::ColumnInt(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::ColumnDouble(int column) const {
  return sqlite3_column_double(stmt_, column);
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

namespace {

// Creates the database file, if missing, with mode 0600, so that essays,
// grades and token hashes are readable by the server's user only (SQLite
// gives the -wal and -shm files the same mode). An existing file keeps its
// mode; a missing folder is an error, as before: a mistyped --db path must
// not silently create folders. The folder's own mode is the deployment's
// (deploy/ creates it 0700).
absl::Status PrepareDatabaseFile(const std::string& path) {
  if (path.empty() || path == ":memory:" || absl::StartsWith(path, "file:")) {
    return absl::OkStatus();
  }
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    // EEXIST: kept as it is. Anything else: SQLite's open says why.
    return absl::OkStatus();
  }
  bool ok = fchmod(fd, 0600) == 0;
  close(fd);
  if (!ok) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot make database ", path, " private"));
  }
  return absl::OkStatus();
}

// Opens a connection with `flags`, its busy timeout and extended codes.
absl::StatusOr<sqlite3*> OpenHandle(const std::string& path, int flags) {
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    absl::Status status = StatusFromSqlite(
        rc, handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc), "");
    sqlite3_close_v2(handle);
    return absl::Status(
        status.code(),
        absl::StrCat("cannot open database ", path, ": ", status.message()));
  }
  sqlite3_busy_timeout(handle, 5000);
  sqlite3_extended_result_codes(handle, 1);
  return handle;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteDb>> SqliteDb::Open(
    const std::string& path, bool synchronous_full) {
  if (absl::Status s = PrepareDatabaseFile(path); !s.ok()) return s;
  absl::StatusOr<sqlite3*> handle =
      OpenHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!handle.ok()) return handle.status();
  std::unique_ptr<SqliteDb> db(new SqliteDb(*handle));
  for (absl::string_view pragma :
       {absl::string_view("PRAGMA journal_mode = WAL"),
        absl::string_view("PRAGMA foreign_keys = ON")}) {
    if (absl::Status s = db->Exec(pragma); !s.ok()) return s;
  }
  if (absl::Status s =
          db->Exec(synchronous_full ? "PRAGMA synchronous = FULL"
                                    : "PRAGMA synchronous = NORMAL");
      !s.ok()) {
    return s;
  }
  return db;
}

absl::StatusOr<std::unique_ptr<SqliteDb>> SqliteDb::OpenReadOnly(
    const std::string& path) {
  absl::StatusOr<sqlite3*> handle = OpenHandle(path, SQLITE_OPEN_READONLY);
  if (!handle.ok()) return handle.status();
  return std::unique_ptr<SqliteDb>(new SqliteDb(*handle));
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

absl::Status SqliteDb::Exec(absl::string_view sql) {
  std::string owned(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return absl::OkStatus();
  absl::Status status =
      StatusFromSqlite(sqlite3_extended_errcode(db_),
                       message ? message : sqlite3_errstr(rc), owned);
  sqlite3_free(message);
  return status;
}

absl::StatusOr<Statement> SqliteDb::Prepare(absl::string_view sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return Statement(it->second);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return StatusFromSqlite(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_),
                            sql);
  }
  statements_.emplace(std::string(sql), stmt);
  return Statement(stmt);
}

int64_t SqliteDb::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}

int SqliteDb::Changes() const { return sqlite3_changes(db_); }

absl::Status SqliteDb::Error(absl::string_view context) const {
  return StatusFromSqlite(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_),
                          context);
}

absl::StatusOr<Transaction> Transaction::Begin(SqliteDb* db) {
  if (absl::Status s = db->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  return Transaction(db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) db_->Exec("ROLLBACK").IgnoreError();
}

absl::Status Transaction::Commit() {
  absl::Status status = db_->Exec("COMMIT");
  if (status.ok()) db_ = nullptr;
  return status;
}

bool IsUniqueViolation(const absl::Status& status) {
  return status.code() == absl::StatusCode::kAlreadyExists &&
         absl::EndsWith(status.message(), kUniqueMarker);
}

}  // namespace marginalia::server
