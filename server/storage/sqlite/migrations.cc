#include "server/storage/sqlite/migrations.h"

#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "migration_files.h"

namespace marginalia::server {

absl::StatusOr<std::vector<Migration>> BuiltInMigrations() {
  std::vector<Migration> migrations;
  for (const embedded::EmbeddedFile& file : embedded::MigrationFiles()) {
    absl::string_view name(file.name);
    int version = 0;
    if (name.size() < 5 || name[4] != '_' ||
        !absl::SimpleAtoi(name.substr(0, 4), &version)) {
      return absl::InternalError(
          absl::StrCat("migration file ", name, " is not named NNNN_*.sql"));
    }
    if (version != static_cast<int>(migrations.size()) + 1) {
      return absl::InternalError(absl::StrCat(
          "migration ", name, " is out of sequence; expected number ",
          migrations.size() + 1));
    }
    migrations.push_back(
        {version, std::string(name), std::string(file.data, file.size)});
  }
  return migrations;
}

absl::StatusOr<int> SchemaVersion(SqliteDb* db) {
  ASSIGN_OR_RETURN(Statement statement, db->Prepare("PRAGMA user_version"));
  ASSIGN_OR_RETURN(bool row, statement.Step());
  if (!row) return absl::InternalError("PRAGMA user_version returned no row");
  return static_cast<int>(statement.ColumnInt(0));
}

namespace {

// FAILED_PRECONDITION naming the first row that breaks a foreign key.
absl::Status CheckForeignKeys(SqliteDb* db, absl::string_view migration) {
  ASSIGN_OR_RETURN(Statement check, db->Prepare("PRAGMA foreign_key_check"));
  ASSIGN_OR_RETURN(bool row, check.Step());
  if (!row) return absl::OkStatus();
  return absl::InternalError(
      absl::StrCat("migration ", migration, " left a row of table ",
                   check.ColumnText(0), " without its ", check.ColumnText(2)));
}

absl::Status ApplyPending(SqliteDb* db,
                          const std::vector<Migration>& migrations,
                          int current) {
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db));
    absl::Status applied = db->Exec(migration.sql);
    if (!applied.ok()) {
      return absl::InternalError(absl::StrCat("migration ", migration.name,
                                              " failed: ", applied.message()));
    }
    RETURN_IF_ERROR(CheckForeignKeys(db, migration.name));
    RETURN_IF_ERROR(
        db->Exec(absl::StrCat("PRAGMA user_version = ", migration.version)));
    RETURN_IF_ERROR(transaction.Commit());
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status Migrate(SqliteDb* db, const std::vector<Migration>& migrations) {
  ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  int latest = static_cast<int>(migrations.size());
  if (current > latest) {
    return absl::FailedPreconditionError(
        absl::StrCat("database schema version ", current,
                     " is newer than this server understands (", latest,
                     "); upgrade marginalia-server"));
  }
  if (current == latest) return absl::OkStatus();
  // Rebuilding a table (the only way SQLite drops a constraint) needs
  // foreign keys off; SQLite ignores this pragma inside a transaction, so
  // it is set around them, and each migration checks the keys itself.
  RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = OFF"));
  absl::Status applied = ApplyPending(db, migrations, current);
  RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  return applied;
}

}  // namespace marginalia::server
