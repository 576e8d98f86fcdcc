#include "server/storage/sqlite/migrations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace marginalia::server
