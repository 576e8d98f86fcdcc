// A course set up through the API as an administrator would: a tutor,
// students, each with an API token, and an assignment. For service tests.
#pragma once

#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <vector>

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"

namespace marginalia::testing {

// A user and their bearer token.
struct Person {
  std::string id;
  std::string token;
};

struct CourseOptions {
  std::string course_id = "hist";
  std::string assignment_id = "hist101";
  int students = 2;
  // User ids: the tutor's, and the students' (prefix + "1", "2", ...).
  // Two fixtures on one server need different ones.
  std::string tutor_id = "tutor";
  std::string student_prefix = "student";
  int reviews_per_submission = 0;
  double peer_weight = 0;
  bool engine_feedback_immediately = false;
  // The assignment's due time, in Unix seconds; 0 for none.
  int64_t due_unix_seconds = 0;
};

// Creates everything at construction; aborts the test binary on failure,
// since every test using it needs it.
class CourseFixture {
 public:
  CourseFixture(std::shared_ptr<grpc::Channel> channel,
                const std::string& admin_token, CourseOptions options = {});

  // A new course, made by the administrator.
  void MakeCourse(const std::string& id);
  // A new user ("admin" flag for administrators) with a token.
  Person MakeUser(const std::string& id, bool admin = false);
  // Enrols `user` in `course` as student (or tutor).
  void Enrol(const std::string& user, const std::string& course, bool tutor);
  // Submits `text` as `who` (the author) and returns the submission id.
  std::string Submit(const Person& who, const std::string& text);

  const CourseOptions& options() const { return options_; }
  Person admin;
  Person tutor;
  // "student1", "student2", ... (see CourseOptions::student_prefix)
  std::vector<Person> students;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<marginalia::v1::AdminService::Stub> admin_stub_;
  CourseOptions options_;
};

}  // namespace marginalia::testing
