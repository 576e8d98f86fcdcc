// The access policy covers every RPC: each method of each marginalia.v1
// service declared under proto/marginalia/v1 has exactly one rule, and no
// rule names a method that does not exist.
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "marginalia/v1/admin.pb.h"
#include "marginalia/v1/grade.pb.h"
#include "marginalia/v1/review.pb.h"
#include "marginalia/v1/rubric_service.pb.h"
#include "marginalia/v1/scoring.pb.h"
#include "marginalia/v1/submission.pb.h"
#include "server/auth/authorizer.h"
#include "server/storage/sqlite/sqlite_store.h"

namespace marginalia::server {
namespace {

// Every service method of every .proto in the API folder, as the generated
// descriptor pool knows it.
std::set<std::string> ApiMethods() {
  // Touch one message of each file so that its descriptors are linked in.
  (void)marginalia::v1::CreateUserRequest::descriptor();
  (void)marginalia::v1::GetGradeRequest::descriptor();
  (void)marginalia::v1::CreateCommentRequest::descriptor();
  (void)marginalia::v1::ListRubricsRequest::descriptor();
  (void)marginalia::v1::ScoreTextRequest::descriptor();
  (void)marginalia::v1::CreateSubmissionRequest::descriptor();
  std::set<std::string> methods;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const auto& entry :
       std::filesystem::directory_iterator(MARGINALIA_PROTO_DIR)) {
    std::string name = "marginalia/v1/" + entry.path().filename().string();
    const google::protobuf::FileDescriptor* file = pool->FindFileByName(name);
    EXPECT_NE(file, nullptr) << name << " is not linked into the server";
    if (file == nullptr) continue;
    for (int s = 0; s < file->service_count(); ++s) {
      const auto* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        methods.insert(service->full_name() + "/" + service->method(m)->name());
      }
    }
  }
  return methods;
}

TEST(AccessPolicyTest, EveryRpcOfEveryServiceHasExactlyOneRule) {
  auto store = SqliteStore::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status();
  Authorizer authorizer(store->get());
  std::vector<std::string> listed = authorizer.Methods();
  std::set<std::string> rules(listed.begin(), listed.end());
  std::set<std::string> methods = ApiMethods();
  ASSERT_GT(methods.size(), 40u);
  for (const std::string& method : methods) {
    EXPECT_TRUE(rules.count(method)) << method << " has no access rule";
  }
  for (const std::string& rule : rules) {
    EXPECT_TRUE(methods.count(rule)) << "rule for unknown method " << rule;
  }
}

TEST(AccessPolicyTest, AnRpcWithoutARuleFailsClosed) {
  auto store = SqliteStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Authorizer authorizer(store->get());
  Caller admin;
  admin.user.set_id("admin");
  admin.user.set_admin(true);
  auto access = authorizer.Authorize(admin, "marginalia.v1.X/Unknown",
                                     marginalia::v1::GetGradeRequest());
  EXPECT_EQ(access.status().code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace marginalia::server
