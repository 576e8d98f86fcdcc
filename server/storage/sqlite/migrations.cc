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

absl::Status Migrate(SqliteDb* db, const std::vector<Migration>& migrations) {
  ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  int latest = static_cast<int>(migrations.size());
  if (current > latest) {
    return absl::FailedPreconditionError(
        absl::StrCat("database schema version ", current,
                     " is newer than this server understands (", latest,
                     "); upgrade marginalia-server"));
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db));
    absl::Status applied = db->Exec(migration.sql);
    if (!applied.ok()) {
      return absl::InternalError(absl::StrCat("migration ", migration.name,
                                              " failed: ", applied.message()));
    }
    RETURN_IF_ERROR(
        db->Exec(absl::StrCat("PRAGMA user_version = ", migration.version)));
    RETURN_IF_ERROR(transaction.Commit());
  }
  return absl::OkStatus();
}

}  // namespace marginalia::server
