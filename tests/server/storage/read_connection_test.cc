// The reads every call makes (its token) do not wait behind a write: while
// a write is held up inside the store, a token is still looked up, and a
// revocation is seen by the very next lookup.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

class ReadConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("test.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    v1::User user;
    user.set_id("ada");
    TokenRecord token;
    token.token.set_id("tok_1");
    token.token.set_user_id("ada");
    token.secret_sha256 = "hash-1";
    ASSERT_TRUE(store_->CreateUserWithToken(user, token, {}).ok());
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(ReadConnectionTest, ATokenIsFoundWhileAWriteWaitsForTheDatabase) {
  // Another process holds the database's write lock, so the store's next
  // write waits (up to its busy timeout) inside the store.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("test.db").c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr),
            SQLITE_OK);
  std::atomic<bool> write_done{false};
  std::thread writer([&] {
    v1::User user;
    user.set_id("bo");
    store_->CreateUser(user, v1::AuditEvent()).IgnoreError();
    write_done = true;
  });
  absl::SleepFor(absl::Milliseconds(200));  // let the write start waiting

  auto token = store_->FindTokenBySecretHash("hash-1");
  bool found_while_writing = !write_done;
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  writer.join();
  ASSERT_TRUE(token.ok()) << token.status();
  ASSERT_TRUE(token->has_value());
  EXPECT_EQ((*token)->id(), "tok_1");
  EXPECT_TRUE(found_while_writing)
      << "the token lookup waited for the write to give up";
}

TEST_F(ReadConnectionTest, ARevocationIsSeenByTheNextLookup) {
  ASSERT_TRUE(store_->RevokeToken("tok_1", v1::AuditEvent()).ok());
  auto token = store_->FindTokenBySecretHash("hash-1");
  ASSERT_TRUE(token.ok()) << token.status();
  ASSERT_TRUE(token->has_value());
  EXPECT_TRUE((*token)->revoked());
}

}  // namespace
}  // namespace marginalia::server
