// First start and authentication: the administrator's token file, and what
// a caller without a valid token gets.
#include "server/auth/bootstrap.h"

#include <gmock/gmock.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "marginalia/v1/admin.grpc.pb.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "server/util/clock.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

TEST(BootstrapTest, FirstStartWritesAnOwnerOnlyTokenThatWorks) {
  testing::TestServer server;
  const std::string& path = server.server().admin_token_path();
  struct stat info {};
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_EQ(server.admin_token().size(), 64u);

  auto stub = v1::AdminService::NewStub(server.channel());
  v1::GetCurrentUserResponse me;
  testing::TokenContext context(server.admin_token());
  ASSERT_TRUE(stub->GetCurrentUser(&context, {}, &me).ok());
  EXPECT_EQ(me.user().id(), "admin");
  EXPECT_TRUE(me.user().admin());
}

TEST(BootstrapTest, RestartKeepsTheAdminAndDoesNotRewriteTheFile) {
  testing::TestServer server;
  std::string before = server.admin_token();
  server.Restart();
  EXPECT_EQ(server.admin_token(), before);
  auto stub = v1::AdminService::NewStub(server.channel());
  v1::GetCurrentUserResponse me;
  testing::TokenContext context(before);
  EXPECT_TRUE(stub->GetCurrentUser(&context, {}, &me).ok());
}

TEST(BootstrapTest, NeverOverwritesAnExistingFile) {
  testing::TempDir dir;
  std::string path = dir.File("admin-token");
  testing::WriteFile(path, "someone else's\n");
  auto store = server::SqliteStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  server::RealClock clock;
  server::RandomIdGenerator ids;
  auto created = server::EnsureAdmin(**store, clock, ids, path);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(created.status().message(), HasSubstr("never overwritten"));
  EXPECT_EQ(*testing::ReadFile(path), "someone else's\n");
  EXPECT_FALSE(*(*store)->HasAdmin());
}

TEST(AuthenticationTest, MissingBadAndRevokedTokensAreUnauthenticated) {
  testing::TestServer server;
  auto stub = v1::AdminService::NewStub(server.channel());
  v1::GetCurrentUserResponse me;
  grpc::ClientContext none;
  grpc::Status status = stub->GetCurrentUser(&none, {}, &me);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("Bearer"));

  grpc::ClientContext malformed;
  malformed.AddMetadata("authorization", "Basic abc");
  EXPECT_EQ(stub->GetCurrentUser(&malformed, {}, &me).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  v1::CreateTokenRequest create;
  create.set_label("laptop");
  v1::CreateTokenResponse token;
  testing::TokenContext c1(server.admin_token());
  ASSERT_TRUE(stub->CreateToken(&c1, create, &token).ok());
  EXPECT_EQ(token.secret().size(), 64u);
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(token.token().id());
  v1::RevokeTokenResponse revoked;
  testing::TokenContext c2(token.secret());
  ASSERT_TRUE(stub->RevokeToken(&c2, revoke, &revoked).ok());
  EXPECT_TRUE(revoked.token().revoked());
  testing::TokenContext c3(token.secret());
  status = stub->GetCurrentUser(&c3, {}, &me);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("revoked"));

  v1::ListTokensResponse tokens;
  testing::TokenContext c4(server.admin_token());
  ASSERT_TRUE(stub->ListTokens(&c4, {}, &tokens).ok());
  ASSERT_EQ(tokens.tokens_size(), 2);
  for (const v1::Token& t : tokens.tokens()) {
    EXPECT_EQ(t.revoked(), t.id() == token.token().id());
  }
}

}  // namespace
}  // namespace marginalia
