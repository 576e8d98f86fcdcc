// Single submissions sent at once share group commits, and each is
// acknowledged only once durable: after kill -9 mid-load, a server started
// again on the same database has every submission it acknowledged.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using testing::TokenContext;

// A marginalia-server on `db`; address() is empty if it did not start.
class Server {
 public:
  Server(const std::string& db, const std::string& log)
      : child_({testing::BinaryPath("marginalia-server"), "--db", db,
                "--listen", "127.0.0.1:0"},
               log) {
    std::string line = child_.ReadLine();
    absl::string_view rest = line;
    if (absl::ConsumePrefix(&rest, "listening on ")) {
      address_ = std::string(absl::StripTrailingAsciiWhitespace(rest));
    }
  }
  const std::string& address() const { return address_; }
  void Kill() { child_.Stop(SIGKILL); }

 private:
  testing::ChildProcess child_;
  std::string address_;
};

// Every submission id of `assignment`, page by page.
std::set<std::string> StoredIds(const std::shared_ptr<grpc::Channel>& channel,
                                const std::string& token,
                                const std::string& assignment) {
  auto stub = v1::SubmissionService::NewStub(channel);
  std::set<std::string> ids;
  v1::ListSubmissionsRequest request;
  request.set_assignment_id(assignment);
  request.set_page_size(100);
  do {
    v1::ListSubmissionsResponse response;
    TokenContext context(token);
    grpc::Status status = stub->ListSubmissions(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) break;
    for (const v1::Submission& s : response.submissions()) ids.insert(s.id());
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return ids;
}

TEST(GroupCommitTest, NoAcknowledgedSubmissionIsLostToKill9) {
  testing::TempDir dir;
  std::string db = dir.File("marginalia.db");
  auto server = std::make_unique<Server>(db, dir.File("server.log"));
  ASSERT_FALSE(server->address().empty());
  auto channel = grpc::CreateChannel(server->address(),
                                     grpc::InsecureChannelCredentials());
  std::string admin = testing::ReadTokenFile(dir.File("admin-token"));
  testing::CourseOptions options;
  options.students = 8;
  testing::CourseFixture course(channel, admin, options);
  std::string essay = testing::SampleEssay();

  absl::Mutex mutex;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> senders;
  for (const testing::Person& student : course.students) {
    senders.emplace_back([&, student] {
      auto stub = v1::SubmissionService::NewStub(channel);
      for (int i = 0; !stop; ++i) {
        v1::CreateSubmissionRequest request;
        request.set_assignment_id(options.assignment_id);
        request.set_text(absl::StrCat(essay, "\n\n", student.id, " ", i));
        v1::CreateSubmissionResponse response;
        TokenContext context(student.token);
        if (!stub->CreateSubmission(&context, request, &response).ok()) break;
        absl::MutexLock lock(&mutex);
        acknowledged.insert(response.submission().id());
      }
    });
  }
  auto count = [&] {
    absl::MutexLock lock(&mutex);
    return acknowledged.size();
  };
  while (count() < 200) absl::SleepFor(absl::Milliseconds(20));
  server->Kill();  // calls in flight fail; their senders stop
  stop = true;
  for (std::thread& sender : senders) sender.join();

  server = std::make_unique<Server>(db, dir.File("server2.log"));
  ASSERT_FALSE(server->address().empty());
  std::set<std::string> stored =
      StoredIds(grpc::CreateChannel(server->address(),
                                    grpc::InsecureChannelCredentials()),
                course.tutor.token, options.assignment_id);
  absl::MutexLock lock(&mutex);
  std::vector<std::string> lost;
  for (const std::string& id : acknowledged) {
    if (stored.count(id) == 0) lost.push_back(id);
  }
  EXPECT_TRUE(lost.empty()) << lost.size() << " of " << acknowledged.size()
                            << " acknowledged submissions were lost";
  EXPECT_GE(stored.size(), acknowledged.size());
}

}  // namespace
}  // namespace marginalia
