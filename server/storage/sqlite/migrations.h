// Numbered schema migrations (server/storage/sqlite/migrations/NNNN_*.sql,
// compiled into the binary). The database's PRAGMA user_version records the
// last one applied; each runs in its own transaction.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "server/storage/sqlite/sqlite_db.h"

namespace marginalia::server {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
};

// The embedded migrations in order. Fails if their numbers are not 1..N.
absl::StatusOr<std::vector<Migration>> BuiltInMigrations();

// Brings `db` up to the latest schema. FAILED_PRECONDITION when the database
// was written by a newer server (its version is beyond what we know).
absl::Status Migrate(SqliteDb* db, const std::vector<Migration>& migrations);

// The schema version the database is at.
absl::StatusOr<int> SchemaVersion(SqliteDb* db);

}  // namespace marginalia::server
