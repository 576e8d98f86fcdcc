// The building blocks of the access policy: each makes a rule that decides
// one kind of call from the caller, the request and what the store says
// about the resource the request names. A field path ("assignment.course_id")
// names the request's string field that holds the resource id.
//
// Status codes, the same for every rule: UNAUTHENTICATED never (the caller
// is authenticated already); NOT_FOUND when the resource does not exist, or
// when a student asks for another student's submission, comment, grade or
// review (the message is the same as for a missing one, so nothing leaks);
// PERMISSION_DENIED when the caller may see the resource but not do this.
#pragma once

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "server/auth/caller.h"
#include "server/storage/store.h"

namespace marginalia::server::access {

struct RuleInput {
  const Caller& caller;
  const google::protobuf::Message& request;
  Store& store;
};

// Decides a call: the caller's relation to the resource, or why not.
using Rule = std::function<absl::StatusOr<Relation>(const RuleInput&)>;

// The string at `path` in `message` ("" when unset).
std::string FieldValue(const google::protobuf::Message& message,
                       const std::string& path);

// Whoever is authenticated.
Rule AnyUser();
// Server administrators only.
Rule AdminOnly();
// Installing a rubric: for the course at `path`, its tutors; site-wide
// (the field empty), administrators only.
Rule RubricInstaller(std::string path);
// The user named at `path` is the caller (or the field is empty), or the
// caller is an administrator.
Rule SelfOrAdmin(std::string path);
// Reading a user: themselves, administrators, and the tutors of a course
// the user is in.
Rule UserReader(std::string path);
// The token at `path` belongs to the caller, or the caller is an admin.
Rule TokenOwnerOrAdmin(std::string path);

// Members (students and tutors) of the course at `path`.
Rule CourseMember(std::string path);
// Tutors of the course at `path`.
Rule CourseTutor(std::string path);
// Adding to a course's roster: admins anyone; tutors, as students, the
// users they can see already (those in a course they teach), NOT_FOUND
// for anyone else, as for a user that does not exist.
Rule EnrolmentManager();
// Members of the course of the assignment at `path`.
Rule AssignmentMember(std::string path);
// Tutors of the course of the assignment at `path`.
Rule AssignmentTutor(std::string path);

// Handing in: students for themselves, staff on behalf of a student.
Rule Submitter();
// Listing submissions: staff of the assignment all, others their own.
Rule SubmissionLister();
// The submission at `path`: its author (kOwner) and staff.
Rule SubmissionReader(std::string path);
// Changing the submission at `path` (grades): staff only.
Rule SubmissionStaff(std::string path);
// Staff of the submission at `submission_path` or, when that is empty, of
// the assignment at `assignment_path`.
Rule SubmissionOrAssignmentStaff(std::string submission_path,
                                 std::string assignment_path);

// The audit log: SubmissionOrAssignmentStaff when either field is set;
// with neither, the whole log, for administrators only.
Rule AuditReader(std::string submission_path, std::string assignment_path);

// Adding a comment: staff; the author only replies to what they can see.
Rule CommentWriter();
// Resolving or reopening the comment at `path`: staff, and the author of
// the submission for comments released to them.
Rule CommentResolver(std::string path);

// Listing review tasks: students their own, staff anyone's in the course.
Rule ReviewTaskLister();
// The review task at `path`: its reviewer (kReviewer) and staff.
Rule TaskReader(std::string path);
// Completing the review task at `path`: its reviewer only.
Rule TaskReviewer(std::string path);

}  // namespace marginalia::server::access
