// The audit log only grows: the Store has no way to change an event, and
// the database itself refuses UPDATE and DELETE of audit rows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/storage/sqlite/sqlite_db.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::server {
namespace {

using ::testing::HasSubstr;

TEST(AuditLogTest, RowsCannotBeUpdatedOrDeletedEvenWithSql) {
  testing::TempDir dir;
  std::string path = dir.File("m.db");
  {
    auto store = SqliteStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    marginalia::v1::AuditEvent event;
    event.set_actor("tutor");
    event.set_action("criterion_override");
    event.set_new_value("18");
    ASSERT_TRUE((*store)->AppendAuditEvent(event).ok());
  }
  auto db = SqliteDb::Open(path, false);
  ASSERT_TRUE(db.ok());
  absl::Status update = (*db)->Exec("UPDATE audit_events SET new_value = '25'");
  EXPECT_FALSE(update.ok());
  EXPECT_THAT(update.message(), HasSubstr("append-only"));
  absl::Status erase = (*db)->Exec("DELETE FROM audit_events");
  EXPECT_FALSE(erase.ok());
  EXPECT_THAT(erase.message(), HasSubstr("append-only"));

  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok());
  auto page = (*store)->ListAuditEvents({}, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].new_value(), "18");
}

}  // namespace
}  // namespace marginalia::server
