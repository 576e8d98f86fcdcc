// A first start killed at any point leaves a server that starts: the
// database and the administrator's token file are made beside their places
// and renamed into place, so a kill leaves either nothing there (the next
// start begins again) or a complete database whose token file the next
// start finishes putting in place. Each start below runs in a forked child
// that ends itself after step N, as kill -9 would; the parent then starts
// again and must get a working administrator token and no leftovers. Its
// own binary, so that no other test's threads are running at the fork.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "server/auth/bootstrap.h"
#include "server/auth/tokens.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "server/util/clock.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_data.h"

namespace marginalia::server {
namespace {

constexpr int kKilled = 9;

absl::StatusOr<std::unique_ptr<Store>> OpenSqlite(const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> store, SqliteStore::Open(path));
  return std::unique_ptr<Store>(std::move(store));
}

bool Exists(const std::string& path) {
  struct stat info {};
  return lstat(path.c_str(), &info) == 0;
}

// Runs a first start in a child that exits with kKilled after its
// `kill_at`-th step; returns the child's exit code (0: it finished).
int StartKilledAfter(const std::string& db, const std::string& token,
                     int kill_at) {
  pid_t child = fork();
  if (child == 0) {
    RealClock clock;
    RandomIdGenerator ids;
    int steps = 0;
    auto opened = OpenWithAdmin(db, token, OpenSqlite, clock, ids,
                                [&](absl::string_view) {
                                  if (++steps == kill_at) _exit(kKilled);
                                });
    _exit(opened.ok() ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(FirstStartTest, AStartKilledAfterAnyStepLeavesAServerThatStarts) {
  int kill_at = 1;
  for (; kill_at < 20; ++kill_at) {
    testing::TempDir dir;
    std::string db = dir.File("m.db");
    std::string token = dir.File("admin-token");
    int exit_code = StartKilledAfter(db, token, kill_at);
    ASSERT_TRUE(exit_code == kKilled || exit_code == 0) << exit_code;

    RealClock clock;
    RandomIdGenerator ids;
    auto restarted = OpenWithAdmin(db, token, OpenSqlite, clock, ids);
    ASSERT_TRUE(restarted.ok())
        << "killed after step " << kill_at << ": " << restarted.status();
    absl::StatusOr<std::string> secret = testing::ReadFile(token);
    ASSERT_TRUE(secret.ok()) << "killed after step " << kill_at;
    auto found = restarted->store->FindTokenBySecretHash(
        HashTokenSecret(absl::StripSuffix(*secret, "\n")));
    ASSERT_TRUE(found.ok() && found->has_value())
        << "killed after step " << kill_at;
    EXPECT_EQ((*found)->user_id(), kBootstrapAdminId);
    EXPECT_FALSE(Exists(db + ".first-start")) << kill_at;
    EXPECT_FALSE(Exists(token + ".first-start")) << kill_at;
    if (exit_code == 0) break;
  }
  // Every step was a kill point once: made, stored, database and token in
  // place.
  EXPECT_EQ(kill_at, 5);
}

TEST(FirstStartTest, NeverOverwritesATokenFileWithoutItsDatabase) {
  testing::TempDir dir;
  std::string token = dir.File("admin-token");
  testing::WriteFile(token, "someone else's\n");
  RealClock clock;
  RandomIdGenerator ids;
  auto opened = OpenWithAdmin(dir.File("m.db"), token, OpenSqlite, clock, ids);
  EXPECT_EQ(opened.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(*testing::ReadFile(token), "someone else's\n");
  EXPECT_FALSE(Exists(dir.File("m.db")));
}

}  // namespace
}  // namespace marginalia::server
