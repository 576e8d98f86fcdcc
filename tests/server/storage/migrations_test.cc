#include "server/storage/sqlite/migrations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "tests/testing/temp_dir.h"

namespace marginalia::server {
namespace {

using ::testing::HasSubstr;

TEST(MigrationsTest, BuiltInMigrationsAreNumberedInSequence) {
  auto migrations = BuiltInMigrations();
  ASSERT_TRUE(migrations.ok()) << migrations.status();
  ASSERT_FALSE(migrations->empty());
  for (std::size_t i = 0; i < migrations->size(); ++i) {
    EXPECT_EQ((*migrations)[i].version, static_cast<int>(i) + 1);
  }
}

TEST(MigrationsTest, MigratesAFreshDatabaseOnceAndIsIdempotent) {
  testing::TempDir dir;
  auto db = SqliteDb::Open(dir.File("m.db"), false);
  ASSERT_TRUE(db.ok());
  auto migrations = *BuiltInMigrations();
  ASSERT_TRUE(Migrate(db->get(), migrations).ok());
  EXPECT_EQ(*SchemaVersion(db->get()), static_cast<int>(migrations.size()));
  ASSERT_TRUE(Migrate(db->get(), migrations).ok());
  EXPECT_TRUE((*db)->Exec("SELECT id FROM submissions").ok());
}

TEST(MigrationsTest, RefusesADatabaseFromANewerServer) {
  testing::TempDir dir;
  auto db = SqliteDb::Open(dir.File("m.db"), false);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("PRAGMA user_version = 999").ok());
  absl::Status status = Migrate(db->get(), *BuiltInMigrations());
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("999"));
}

TEST(MigrationsTest, DatabaseUsesWalAndForeignKeys) {
  testing::TempDir dir;
  auto db = SqliteDb::Open(dir.File("m.db"), true);
  ASSERT_TRUE(db.ok());
  auto journal = (*db)->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(journal.ok());
  ASSERT_TRUE(*journal->Step());
  EXPECT_EQ(journal->ColumnText(0), "wal");
  auto keys = (*db)->Prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(*keys->Step());
  EXPECT_EQ(keys->ColumnInt(0), 1);
}

// Migration 3 rebuilds the tables that held globally unique request ids:
// rows survive, foreign keys are back on, and a key is unique only per
// caller and target.
TEST(MigrationsTest, ScopingRequestIdsKeepsRowsAndForeignKeys) {
  testing::TempDir dir;
  auto db = SqliteDb::Open(dir.File("m.db"), false);
  ASSERT_TRUE(db.ok());
  auto migrations = *BuiltInMigrations();
  std::vector<Migration> first_two(migrations.begin(), migrations.begin() + 2);
  ASSERT_TRUE(Migrate(db->get(), first_two).ok());
  ASSERT_TRUE((*db)
                  ->Exec("INSERT INTO submissions (id, assignment_id, author, "
                         "request_id, content_sha256, text, text_bytes, draft, "
                         "rubric_id, rubric_version, total_score, max_score, "
                         "create_time_us) VALUES ('s1', 'a', 'ada', 'k', 'h', "
                         "'t', 1, 1, 'r', 1, 0, 0, 0);"
                         "INSERT INTO reports (submission_id, rubric_id, "
                         "rubric_version, engine_version, report, "
                         "create_time_us) VALUES ('s1', 'r', 1, 'e', '', 0);")
                  .ok());
  ASSERT_TRUE(Migrate(db->get(), migrations).ok());
  auto row = (*db)->Prepare(
      "SELECT submitted_by, request_id, seq FROM submissions WHERE id = 's1'");
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(*row->Step());
  EXPECT_EQ(row->ColumnText(0), "ada");
  EXPECT_EQ(row->ColumnText(1), "k");
  EXPECT_EQ(row->ColumnInt(2), 1);
  auto keys = (*db)->Prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(*keys->Step());
  EXPECT_EQ(keys->ColumnInt(0), 1);
  // The same key for another author is another row; for the same caller
  // and target it is refused.
  const char* insert =
      "INSERT INTO submissions (id, assignment_id, author, request_id, "
      "submitted_by, content_sha256, text, text_bytes, draft, rubric_id, "
      "rubric_version, total_score, max_score, create_time_us) VALUES ('%s', "
      "'a', '%s', 'k', '%s', 'h', 't', 1, 1, 'r', 1, 0, 0, 0)";
  char sql[512];
  std::snprintf(sql, sizeof sql, insert, "s2", "bo", "bo");
  EXPECT_TRUE((*db)->Exec(sql).ok());
  std::snprintf(sql, sizeof sql, insert, "s3", "ada", "ada");
  EXPECT_FALSE((*db)->Exec(sql).ok());
}

}  // namespace
}  // namespace marginalia::server
