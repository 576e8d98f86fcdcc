// Storage of who is who: users, API tokens (as hashes), courses,
// enrolments and assignments. Part of the Store interface (store.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/admin.pb.h"
#include "marginalia/v1/grade.pb.h"
#include "marginalia/v1/report.pb.h"
#include "server/storage/paging.h"

namespace marginalia::server {

// A stored token: its metadata and the SHA-256 of its secret.
struct TokenRecord {
  marginalia::v1::Token token;
  std::string secret_sha256;
};

// A submission's new report after re-scoring with another rubric version.
struct RescoredReport {
  std::string submission_id;
  marginalia::v1::FeedbackReport report;
};

// Users, tokens, courses, enrolments, assignments. Every change an
// administrator (or tutor) makes appends its audit `event` in the same
// transaction. Thread-safe.
class DirectoryStore {
 public:
  virtual ~DirectoryStore() = default;

  // ALREADY_EXISTS when the id is taken.
  virtual absl::Status CreateUser(const marginalia::v1::User& user,
                                  const marginalia::v1::AuditEvent& event) = 0;
  // Creates a user and a token for it and appends `events`, in one
  // transaction (the first administrator).
  virtual absl::Status CreateUserWithToken(
      const marginalia::v1::User& user, const TokenRecord& token,
      const std::vector<marginalia::v1::AuditEvent>& events) = 0;
  // NOT_FOUND when there is no such user.
  virtual absl::StatusOr<marginalia::v1::User> GetUser(
      absl::string_view id) = 0;
  virtual absl::StatusOr<Page<marginalia::v1::User>> ListUsers(
      const PageRequest& page) = 0;
  // Whether any administrator exists.
  virtual absl::StatusOr<bool> HasAdmin() = 0;

  virtual absl::Status CreateToken(const TokenRecord& token,
                                   const marginalia::v1::AuditEvent& event) = 0;
  // The token whose secret hashes to `secret_sha256`, revoked or not.
  virtual absl::StatusOr<std::optional<marginalia::v1::Token>>
  FindTokenBySecretHash(absl::string_view secret_sha256) = 0;
  virtual absl::StatusOr<marginalia::v1::Token> GetToken(
      absl::string_view id) = 0;
  virtual absl::StatusOr<std::vector<marginalia::v1::Token>> ListTokens(
      absl::string_view user_id) = 0;
  // Marks the token revoked (idempotent) and returns it. NOT_FOUND.
  virtual absl::StatusOr<marginalia::v1::Token> RevokeToken(
      absl::string_view id, const marginalia::v1::AuditEvent& event) = 0;

  // ALREADY_EXISTS when the id is taken.
  virtual absl::Status CreateCourse(
      const marginalia::v1::Course& course,
      const marginalia::v1::AuditEvent& event) = 0;
  virtual absl::StatusOr<marginalia::v1::Course> GetCourse(
      absl::string_view id) = 0;
  // Every course when `member` is empty, else those `member` is enrolled in.
  virtual absl::StatusOr<Page<marginalia::v1::Course>> ListCourses(
      absl::string_view member, const PageRequest& page) = 0;

  // Enrols a user, or changes the role of one already enrolled.
  virtual absl::Status PutEnrolment(
      const marginalia::v1::Enrolment& enrolment,
      const marginalia::v1::AuditEvent& event) = 0;
  // The user's role in the course; UNSPECIFIED when not enrolled.
  virtual absl::StatusOr<marginalia::v1::CourseRole> GetRole(
      absl::string_view course_id, absl::string_view user_id) = 0;
  virtual absl::StatusOr<Page<marginalia::v1::Enrolment>> ListEnrolments(
      absl::string_view course_id, const PageRequest& page) = 0;
  virtual absl::StatusOr<std::vector<marginalia::v1::Enrolment>>
  ListEnrolmentsOfUser(absl::string_view user_id) = 0;
  // Whether `user_id` tutors at least one course.
  virtual absl::StatusOr<bool> IsTutorAnywhere(absl::string_view user_id) = 0;
  // Whether `tutor_id` tutors a course `user_id` is enrolled in (as student
  // or tutor).
  virtual absl::StatusOr<bool> TutorsUser(absl::string_view tutor_id,
                                          absl::string_view user_id) = 0;

  // ALREADY_EXISTS when the id is taken; FAILED_PRECONDITION when the course
  // or rubric version does not exist.
  virtual absl::Status CreateAssignment(
      const marginalia::v1::Assignment& assignment) = 0;
  virtual absl::StatusOr<marginalia::v1::Assignment> GetAssignment(
      absl::string_view id) = 0;
  virtual absl::StatusOr<Page<marginalia::v1::Assignment>> ListAssignments(
      absl::string_view course_id, const PageRequest& page) = 0;
  // In one transaction: pins `updated`'s rubric version, replaces the report
  // of every rescored submission (the old one moves to the report history)
  // and appends `event` to the audit log. ABORTED when a submission arrived
  // since the reports were computed (it is not among `reports`).
  virtual absl::Status MoveAssignmentRubric(
      const marginalia::v1::Assignment& updated,
      const std::vector<RescoredReport>& reports,
      const marginalia::v1::AuditEvent& event) = 0;

  // Sets when the assignment stops taking drafts and appends `event`, in
  // one transaction. NOT_FOUND for an unknown assignment.
  virtual absl::Status SetDraftLock(
      absl::string_view assignment_id, const marginalia::v1::DraftLock& lock,
      const marginalia::v1::AuditEvent& event) = 0;
  // Stores a student's extension, replacing any earlier one, and appends
  // `event`, in one transaction.
  virtual absl::Status PutExtension(
      const marginalia::v1::Extension& extension,
      const marginalia::v1::AuditEvent& event) = 0;
};

}  // namespace marginalia::server
