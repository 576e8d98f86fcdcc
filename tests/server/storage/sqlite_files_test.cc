// The database and the folders the server creates for it are private to
// the server's user: essays, grades and token hashes live there.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "server/storage/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::server {
namespace {

int Mode(const std::string& path) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) return -1;
  return static_cast<int>(info.st_mode & 0777);
}

TEST(SqliteFilesTest, NewDatabaseIsOwnerOnly) {
  testing::TempDir dir;
  std::string path = dir.File("marginalia.db");
  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(Mode(path), 0600);
  EXPECT_EQ(Mode(path + "-wal"), 0600);
}

TEST(SqliteFilesTest, AMissingFolderIsNotCreated) {
  testing::TempDir dir;
  std::string folder = dir.File("typo");
  auto store = SqliteStore::Open(folder + "/m.db");
  EXPECT_FALSE(store.ok());
  EXPECT_EQ(Mode(folder), -1);
}

}  // namespace
}  // namespace marginalia::server
