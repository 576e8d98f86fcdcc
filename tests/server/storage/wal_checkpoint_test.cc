// Commits leave the WAL's checkpoints to the store's checkpointer: however
// much is written, no commit copies the log into the database file (SQLite
// would, inside the commit that crossed 1,000 pages), and the checkpointer
// does, keeping every committed row.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

int64_t FileSize(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 ? info.st_size : -1;
}

TEST(WalCheckpointTest, CommitsLeaveCheckpointsToTheCheckpointer) {
  testing::TempDir dir;
  std::string path = dir.File("test.db");
  SqliteStoreOptions options;
  options.synchronous_full = false;  // the same checkpoints, fewer fsyncs
  options.checkpoint_period = absl::InfiniteDuration();
  auto store = SqliteStore::Open(path, options);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)->CheckpointForTest().ok());
  int64_t before = FileSize(path);

  // About 6 MB in 600 commits: 1,500 pages of 4 KiB.
  for (int i = 0; i < 600; ++i) {
    v1::User user;
    user.set_id(absl::StrCat("user", i));
    user.set_display_name(std::string(10000, 'a' + i % 26));
    ASSERT_TRUE((*store)->CreateUser(user, v1::AuditEvent()).ok());
  }
  EXPECT_EQ(FileSize(path), before) << "a commit checkpointed the WAL";
  EXPECT_GT(FileSize(path + "-wal"), 6000000);

  ASSERT_TRUE((*store)->CheckpointForTest().ok());
  EXPECT_GT(FileSize(path), before + 6000000);
  auto last = (*store)->GetUser("user599");
  ASSERT_TRUE(last.ok()) << last.status();
  EXPECT_EQ(last->display_name().size(), 10000u);
}

}  // namespace
}  // namespace marginalia::server
