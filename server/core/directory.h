// Users, courses, enrolments and API tokens: the checks, defaults and
// audit events of AdminService beyond who may call it (the access policy
// decides that). Thread-safe.
#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/admin.pb.h"
#include "server/auth/audit_actions.h"
#include "server/auth/caller.h"
#include "server/storage/store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

// INVALID_ARGUMENT naming `field` unless `id` is 1 to 64 of [a-z0-9._-].
absl::Status CheckId(absl::string_view field, absl::string_view id);

// Users, courses, enrolments and tokens for AdminService; every change is
// stored with its audit event in one transaction. Thread-safe.
class Directory {
 public:
  // Every pointer must outlive the directory.
  Directory(Store* store, Clock* clock, IdGenerator* ids)
      : store_(store), clock_(clock), ids_(ids) {}

  // INVALID_ARGUMENT for a bad id; ALREADY_EXISTS when it is taken.
  absl::StatusOr<marginalia::v1::User> CreateUser(const Access& access,
                                                  marginalia::v1::User user);
  absl::StatusOr<marginalia::v1::GetCurrentUserResponse> CurrentUser(
      const Caller& caller);

  absl::StatusOr<marginalia::v1::Course> CreateCourse(
      const Access& access, marginalia::v1::Course course);
  // Administrators see every course; others the courses they are in.
  absl::StatusOr<marginalia::v1::ListCoursesResponse> ListCourses(
      const Access& access, const marginalia::v1::ListCoursesRequest& request);

  // Enrols a user or changes their role. NOT_FOUND for an unknown user;
  // INVALID_ARGUMENT for a missing role.
  absl::StatusOr<marginalia::v1::Enrolment> Enrol(
      const Access& access, const marginalia::v1::Enrolment& enrolment);

  // A token for the request's user (default: the caller); NOT_FOUND for an
  // unknown user.
  absl::StatusOr<marginalia::v1::CreateTokenResponse> CreateToken(
      const Access& access, const marginalia::v1::CreateTokenRequest& request);
  absl::StatusOr<marginalia::v1::ListTokensResponse> ListTokens(
      const Access& access, const marginalia::v1::ListTokensRequest& request);
  // Revokes the token (again, if it was); NOT_FOUND for an unknown one.
  absl::StatusOr<marginalia::v1::Token> RevokeToken(const Access& access,
                                                    absl::string_view id);

 private:
  // An event of `action` by the caller, now.
  marginalia::v1::AuditEvent Event(const Access& access,
                                   absl::string_view action);

  Store* store_;
  Clock* clock_;
  IdGenerator* ids_;
};

}  // namespace marginalia::server
