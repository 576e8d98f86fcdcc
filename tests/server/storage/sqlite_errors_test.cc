// Storage errors travel towards clients as statuses: they name what went
// wrong, never the SQL that failed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/storage/sqlite/sqlite_db.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(SqliteErrorsTest, MessagesCarryNoSql) {
  testing::TempDir dir;
  auto db = SqliteDb::Open(dir.File("e.db"), false);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t (id TEXT UNIQUE)").ok());
  ASSERT_TRUE((*db)->Exec("INSERT INTO t (id) VALUES ('secret-id')").ok());
  absl::Status duplicate =
      (*db)->Exec("INSERT INTO t (id) VALUES ('secret-id')");
  EXPECT_EQ(duplicate.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(duplicate.message(), Not(HasSubstr("INSERT")));
  EXPECT_THAT(duplicate.message(), Not(HasSubstr("secret-id")));

  auto bad = (*db)->Prepare("SELECT nothing FROM nowhere");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), Not(HasSubstr("SELECT")));

  auto statement = (*db)->Prepare("INSERT INTO t (id) VALUES (?1)");
  ASSERT_TRUE(statement.ok());
  statement->Bind(1, "secret-id");
  absl::Status again = statement->Run();
  EXPECT_EQ(again.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(again.message(), Not(HasSubstr("INSERT")));
}

}  // namespace
}  // namespace marginalia::server
