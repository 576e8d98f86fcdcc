// Users, courses, enrolments and API tokens: the checks and defaults of
// AdminService beyond who may call it (the access policy decides that).
// Thread-safe.
#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/admin.pb.h"
#include "server/auth/caller.h"
#include "server/storage/store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

// INVALID_ARGUMENT naming `field` unless `id` is 1 to 64 of [a-z0-9._-].
absl::Status CheckId(absl::string_view field, absl::string_view id);

// Users, courses, enrolments and tokens for AdminService. Thread-safe.
class Directory {
 public:
  // Every pointer must outlive the directory.
  Directory(Store* store, Clock* clock, IdGenerator* ids)
      : store_(store), clock_(clock), ids_(ids) {}

  // INVALID_ARGUMENT for a bad id; ALREADY_EXISTS when it is taken.
  absl::StatusOr<marginalia::v1::User> CreateUser(marginalia::v1::User user);
  absl::StatusOr<marginalia::v1::GetCurrentUserResponse> CurrentUser(
      const Caller& caller);

  absl::StatusOr<marginalia::v1::Course> CreateCourse(
      marginalia::v1::Course course);
  // Administrators see every course; others the courses they are in.
  absl::StatusOr<marginalia::v1::ListCoursesResponse> ListCourses(
      const Access& access, const marginalia::v1::ListCoursesRequest& request);

  // Enrols a user or changes their role. NOT_FOUND for an unknown user;
  // INVALID_ARGUMENT for a missing role.
  absl::StatusOr<marginalia::v1::Enrolment> Enrol(
      const marginalia::v1::Enrolment& enrolment);

  // A token for the request's user (default: the caller); NOT_FOUND for an
  // unknown user.
  absl::StatusOr<marginalia::v1::CreateTokenResponse> CreateToken(
      const Access& access, const marginalia::v1::CreateTokenRequest& request);
  absl::StatusOr<marginalia::v1::ListTokensResponse> ListTokens(
      const Access& access, const marginalia::v1::ListTokensRequest& request);

 private:
  Store* store_;
  Clock* clock_;
  IdGenerator* ids_;
};

}  // namespace marginalia::server
