// A token revoked while a BatchCreateSubmissions stream is open stops
// working at the stream's next item: that item is refused UNAUTHENTICATED
// and not stored, and the stream ends UNAUTHENTICATED.
#include <gtest/gtest.h>

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using testing::TokenContext;

v1::BatchCreateSubmissionsRequest Item(const std::string& ref,
                                       const std::string& text) {
  v1::BatchCreateSubmissionsRequest item;
  item.set_client_ref(ref);
  item.mutable_submission()->set_assignment_id("hist101");
  item.mutable_submission()->set_author("student1");
  item.mutable_submission()->set_text(text);
  return item;
}

TEST(StreamRevocationTest, ARevokedTokenStopsTheOpenStreamAtTheNextItem) {
  testing::TestServer server;
  testing::CourseFixture course(server.channel(), server.admin_token());
  auto admin = v1::AdminService::NewStub(server.channel());
  auto submissions = v1::SubmissionService::NewStub(server.channel());
  v1::CreateTokenRequest make;
  make.set_user_id(course.tutor.id);
  v1::CreateTokenResponse made;
  TokenContext as_admin(server.admin_token());
  ASSERT_TRUE(admin->CreateToken(&as_admin, make, &made).ok());

  TokenContext context(made.secret());
  auto stream = submissions->BatchCreateSubmissions(&context);
  ASSERT_TRUE(stream->Write(Item("first", "The first essay.")));
  v1::BatchCreateSubmissionsResponse reply;
  ASSERT_TRUE(stream->Read(&reply));
  EXPECT_FALSE(reply.has_error()) << reply.error().message();
  EXPECT_TRUE(reply.created());

  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(made.token().id());
  v1::RevokeTokenResponse revoked;
  TokenContext as_admin_again(server.admin_token());
  ASSERT_TRUE(admin->RevokeToken(&as_admin_again, revoke, &revoked).ok());

  stream->Write(Item("second", "The second essay."));
  stream->WritesDone();
  ASSERT_TRUE(stream->Read(&reply));
  EXPECT_EQ(reply.client_ref(), "second");
  EXPECT_EQ(reply.error().code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_FALSE(reply.has_submission());
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);

  v1::ListSubmissionsRequest list;
  list.set_assignment_id("hist101");
  v1::ListSubmissionsResponse listed;
  TokenContext as_admin_last(server.admin_token());
  ASSERT_TRUE(submissions->ListSubmissions(&as_admin_last, list, &listed).ok());
  EXPECT_EQ(listed.submissions_size(), 1);
}

}  // namespace
}  // namespace marginalia
