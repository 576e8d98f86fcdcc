// A thin RAII layer over one SQLite connection: prepared statements only,
// cached per SQL string, and errors as absl::Status. Not thread-safe: the
// owner serialises access (SqliteStore holds a mutex).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace marginalia::server {

// A prepared statement borrowed from the connection's cache. Bind, Step,
// read columns; it is reset when the Statement goes out of scope.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(Statement&& other) noexcept : stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int index, absl::string_view text);
  Statement& BindBlob(int index, absl::string_view bytes);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) {
    return Bind(index, static_cast<int64_t>(value));
  }
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);
  // Binds NULL for an empty string (for optional unique keys).
  Statement& BindOptional(int index, absl::string_view text);

  // Advances to the next row: true with a row, false when done.
  absl::StatusOr<bool> Step();
  // Runs a statement that returns no rows.
  absl::Status Run();

  std::string ColumnText(int column) const;
  int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  sqlite3_stmt* stmt_;
  absl::Status bind_error_;
};

// One open database connection.
class SqliteDb {
 public:
  // Opens (creating if needed) the database at `path`, with WAL journaling,
  // foreign keys on and a busy timeout. `synchronous_full` makes every commit
  // durable against power loss, not just a process crash.
  static absl::StatusOr<std::unique_ptr<SqliteDb>> Open(const std::string& path,
                                                        bool synchronous_full);
  // Opens an existing database at `path` for reading only (another
  // connection's WAL database): it never takes the write lock, so its reads
  // never wait for a commit, and each sees every commit finished before it.
  static absl::StatusOr<std::unique_ptr<SqliteDb>> OpenReadOnly(
      const std::string& path);
  ~SqliteDb();

  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs SQL with no parameters (schema scripts, pragmas).
  absl::Status Exec(absl::string_view sql);
  // A prepared statement for `sql`, compiled on first use and then reused.
  absl::StatusOr<Statement> Prepare(absl::string_view sql);

  int64_t LastInsertRowId() const;
  int Changes() const;
  // The error of the last call as a Status with `context`.
  absl::Status Error(absl::string_view context) const;

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless Commit() succeeds.
class Transaction {
 public:
  static absl::StatusOr<Transaction> Begin(SqliteDb* db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) {
    other.db_ = nullptr;
  }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  absl::Status Commit();

 private:
  explicit Transaction(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
};

// True when `status` came from a UNIQUE or PRIMARY KEY constraint.
bool IsUniqueViolation(const absl::Status& status);

}  // namespace marginalia::server
