// Who is calling, once authenticated, and how they relate to the resource a
// call is about.
#pragma once

#include <string>

#include "marginalia/v1/admin.pb.h"

namespace marginalia::server {

// The authenticated user behind a call.
struct Caller {
  marginalia::v1::User user;
  const std::string& id() const { return user.id(); }
  bool admin() const { return user.admin(); }
};

// The caller's relation to the resource of a call, as the access policy
// established it. The core uses it to decide how much of a resource to show
// (a submission's owner sees feedback only once it is released, staff see
// everything).
enum class Relation {
  // Any authenticated user (no particular resource).
  kAuthenticated,
  // The caller acts on their own account (tokens, their own tasks).
  kSelf,
  // A student of the course the resource belongs to.
  kMember,
  // The author of the submission.
  kOwner,
  // The reviewer of the review task.
  kReviewer,
  // A tutor of the course.
  kStaff,
  // A server administrator.
  kAdmin,
};

// What the access policy grants a call.
struct Access {
  Caller caller;
  Relation relation = Relation::kAuthenticated;
  // Staff (tutor or admin) for the resource: sees and changes everything.
  bool staff() const {
    return relation == Relation::kStaff || relation == Relation::kAdmin;
  }
};

}  // namespace marginalia::server
