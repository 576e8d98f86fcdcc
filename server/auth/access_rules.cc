#include "server/auth/access_rules.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "server/util/quote.h"

namespace marginalia::server::access {
namespace {

namespace v1 = ::marginalia::v1;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

absl::Status Denied(absl::string_view why) {
  return absl::PermissionDeniedError(why);
}

absl::Status Required(absl::string_view path) {
  return absl::InvalidArgumentError(absl::StrCat(path, " is required"));
}

// The same message as the store's, so a hidden resource looks missing.
absl::Status Hidden(absl::string_view what, absl::string_view id) {
  return NoSuchId(what, id);
}

// The caller's relation as staff of `course_id`, if they are staff.
absl::StatusOr<std::optional<Relation>> StaffOf(const RuleInput& in,
                                                absl::string_view course_id) {
  if (in.caller.admin()) return std::optional<Relation>(Relation::kAdmin);
  ASSIGN_OR_RETURN(v1::CourseRole role,
                   in.store.GetRole(course_id, in.caller.id()));
  if (role == v1::COURSE_ROLE_TUTOR) {
    return std::optional<Relation>(Relation::kStaff);
  }
  return std::optional<Relation>();
}

// The resource a course rule guards, as named in a NOT_FOUND: someone
// outside the course learns nothing from asking, not even that it exists.
struct Guarded {
  absl::string_view what;  // "course" or "assignment"
  absl::string_view id;
};

absl::StatusOr<Relation> TutorOfCourse(const RuleInput& in,
                                       absl::string_view course_id,
                                       Guarded guarded) {
  ASSIGN_OR_RETURN(std::optional<Relation> staff, StaffOf(in, course_id));
  if (staff.has_value()) return *staff;
  ASSIGN_OR_RETURN(v1::CourseRole role,
                   in.store.GetRole(course_id, in.caller.id()));
  if (role != v1::COURSE_ROLE_STUDENT) return Hidden(guarded.what, guarded.id);
  return Denied(
      absl::StrCat("only tutors of course '", course_id, "' may do this"));
}

absl::StatusOr<Relation> MemberOfCourse(const RuleInput& in,
                                        absl::string_view course_id,
                                        Guarded guarded) {
  ASSIGN_OR_RETURN(std::optional<Relation> staff, StaffOf(in, course_id));
  if (staff.has_value()) return *staff;
  ASSIGN_OR_RETURN(v1::CourseRole role,
                   in.store.GetRole(course_id, in.caller.id()));
  if (role == v1::COURSE_ROLE_STUDENT) return Relation::kMember;
  return Hidden(guarded.what, guarded.id);
}

// The course of an assignment; NOT_FOUND for an unknown one.
absl::StatusOr<std::string> CourseOfAssignment(const RuleInput& in,
                                               absl::string_view id) {
  ASSIGN_OR_RETURN(v1::Assignment assignment, in.store.GetAssignment(id));
  return assignment.course_id();
}

// How the caller relates to a submission: staff, owner, or not at all.
absl::StatusOr<std::optional<Relation>> SubmissionRelation(
    const RuleInput& in, const v1::Submission& submission) {
  absl::StatusOr<v1::Assignment> assignment =
      in.store.GetAssignment(submission.assignment_id());
  if (assignment.ok()) {
    ASSIGN_OR_RETURN(std::optional<Relation> staff,
                     StaffOf(in, assignment->course_id()));
    if (staff.has_value()) return staff;
  } else if (!absl::IsNotFound(assignment.status())) {
    return assignment.status();
  } else if (in.caller.admin()) {
    // A submission from before assignments were resources.
    return std::optional<Relation>(Relation::kAdmin);
  }
  if (submission.author() == in.caller.id()) {
    return std::optional<Relation>(Relation::kOwner);
  }
  return std::optional<Relation>();
}

absl::StatusOr<v1::Submission> RequireSubmission(const RuleInput& in,
                                                 absl::string_view path) {
  std::string id = FieldValue(in.request, std::string(path));
  if (id.empty()) return Required(path);
  return in.store.GetSubmission(id, false);
}

// Whether the author may see `comment` yet: student-visible and released.
absl::StatusOr<bool> VisibleToAuthor(const RuleInput& in,
                                     const v1::Comment& comment) {
  if (comment.visibility() != v1::COMMENT_VISIBILITY_STUDENT) return false;
  ASSIGN_OR_RETURN(GradeRecord record,
                   in.store.GetGradeRecord(comment.submission_id()));
  return record.release_time.has_value();
}

}  // namespace

std::string FieldValue(const Message& message, const std::string& path) {
  const Message* current = &message;
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* field =
        current->GetDescriptor()->FindFieldByName(parts[i]);
    if (field == nullptr) return "";
    const auto* reflection = current->GetReflection();
    if (i + 1 < parts.size()) {
      if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) return "";
      current = &reflection->GetMessage(*current, field);
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      return reflection->GetString(*current, field);
    }
  }
  return "";
}

Rule AnyUser() {
  return [](const RuleInput&) -> absl::StatusOr<Relation> {
    return Relation::kAuthenticated;
  };
}

Rule AdminOnly() {
  return [](const RuleInput& in) -> absl::StatusOr<Relation> {
    if (in.caller.admin()) return Relation::kAdmin;
    return Denied("only administrators may do this");
  };
}

Rule SelfOrAdmin(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string user = FieldValue(in.request, path);
    if (user.empty() || user == in.caller.id()) return Relation::kSelf;
    if (in.caller.admin()) return Relation::kAdmin;
    return Denied(
        absl::StrCat("only administrators may act on another "
                     "user's account ('",
                     user, "')"));
  };
}

Rule UserReader(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string user = FieldValue(in.request, path);
    if (user.empty()) return Required(path);
    if (user == in.caller.id()) return Relation::kSelf;
    if (in.caller.admin()) return Relation::kAdmin;
    // A tutor sees the people of their own courses, not every account (a
    // record holds an e-mail address).
    ASSIGN_OR_RETURN(bool tutors, in.store.TutorsUser(in.caller.id(), user));
    if (tutors) return Relation::kStaff;
    return Denied(
        "you may read your own user record and, as a tutor, those of the "
        "people in your courses");
  };
}

Rule TokenOwnerOrAdmin(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string id = FieldValue(in.request, path);
    if (id.empty()) return Required(path);
    ASSIGN_OR_RETURN(v1::Token token, in.store.GetToken(id));
    if (token.user_id() == in.caller.id()) return Relation::kSelf;
    if (in.caller.admin()) return Relation::kAdmin;
    return Hidden("token", id);
  };
}

Rule CourseMember(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string course = FieldValue(in.request, path);
    if (course.empty()) return Required(path);
    RETURN_IF_ERROR(in.store.GetCourse(course).status());
    return MemberOfCourse(in, course, {"course", course});
  };
}

Rule CourseTutor(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string course = FieldValue(in.request, path);
    if (course.empty()) return Required(path);
    RETURN_IF_ERROR(in.store.GetCourse(course).status());
    return TutorOfCourse(in, course, {"course", course});
  };
}

Rule RubricInstaller(std::string path) {
  Rule tutor = CourseTutor(path);
  return [path, tutor](const RuleInput& in) -> absl::StatusOr<Relation> {
    if (!FieldValue(in.request, path).empty()) return tutor(in);
    if (in.caller.admin()) return Relation::kAdmin;
    return Denied(
        "only administrators install site-wide rubrics; tutors name their "
        "course");
  };
}

Rule EnrolmentManager() {
  return [](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string course = FieldValue(in.request, "enrolment.course_id");
    if (course.empty()) return Required("enrolment.course_id");
    RETURN_IF_ERROR(in.store.GetCourse(course).status());
    ASSIGN_OR_RETURN(Relation relation,
                     TutorOfCourse(in, course, {"course", course}));
    if (relation != Relation::kStaff) return relation;
    const auto& request =
        static_cast<const v1::CreateEnrolmentRequest&>(in.request);
    // A tutor adds only people they can see already (those in a course
    // they teach); anyone else reads exactly like a user that does not
    // exist, so the roster is no way to find accounts.
    const std::string& user = request.enrolment().user_id();
    if (user.empty()) return Required("enrolment.user_id");
    ASSIGN_OR_RETURN(bool sees, in.store.TutorsUser(in.caller.id(), user));
    if (!sees) return Hidden("user", user);
    if (request.enrolment().role() != v1::COURSE_ROLE_STUDENT) {
      return Denied("tutors enrol students; only administrators add tutors");
    }
    return relation;
  };
}

Rule AssignmentMember(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string id = FieldValue(in.request, path);
    if (id.empty()) return Required(path);
    ASSIGN_OR_RETURN(std::string course, CourseOfAssignment(in, id));
    return MemberOfCourse(in, course, {"assignment", id});
  };
}

Rule AssignmentTutor(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string id = FieldValue(in.request, path);
    if (id.empty()) return Required(path);
    ASSIGN_OR_RETURN(std::string course, CourseOfAssignment(in, id));
    return TutorOfCourse(in, course, {"assignment", id});
  };
}

Rule Submitter() {
  return [](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string id = FieldValue(in.request, "assignment_id");
    if (id.empty()) return Required("assignment_id");
    ASSIGN_OR_RETURN(std::string course, CourseOfAssignment(in, id));
    std::string author = FieldValue(in.request, "author");
    ASSIGN_OR_RETURN(std::optional<Relation> staff, StaffOf(in, course));
    if (!staff.has_value()) {
      ASSIGN_OR_RETURN(v1::CourseRole own,
                       in.store.GetRole(course, in.caller.id()));
      if (own != v1::COURSE_ROLE_STUDENT) return Hidden("assignment", id);
    }
    if (!author.empty() && author != in.caller.id()) {
      if (!staff.has_value()) {
        return Denied("students submit only as themselves");
      }
      ASSIGN_OR_RETURN(v1::CourseRole role, in.store.GetRole(course, author));
      if (role != v1::COURSE_ROLE_STUDENT) {
        return absl::FailedPreconditionError(
            absl::StrCat("author '", author, "' is not a student of course '",
                         course, "'; enrol them first"));
      }
      return *staff;
    }
    ASSIGN_OR_RETURN(v1::CourseRole role,
                     in.store.GetRole(course, in.caller.id()));
    if (role == v1::COURSE_ROLE_STUDENT) return Relation::kOwner;
    if (staff.has_value()) {
      return Denied(
          "staff submit on a student's behalf: name the student as author");
    }
    return Denied(
        absl::StrCat("you are not a student of course '", course, "'"));
  };
}

Rule SubmissionLister() {
  return [](const RuleInput& in) -> absl::StatusOr<Relation> {
    if (in.caller.admin()) return Relation::kAdmin;
    std::string id = FieldValue(in.request, "assignment_id");
    if (!id.empty()) {
      ASSIGN_OR_RETURN(std::string course, CourseOfAssignment(in, id));
      ASSIGN_OR_RETURN(std::optional<Relation> staff, StaffOf(in, course));
      if (staff.has_value()) return *staff;
      ASSIGN_OR_RETURN(v1::CourseRole own,
                       in.store.GetRole(course, in.caller.id()));
      if (own != v1::COURSE_ROLE_STUDENT) return Hidden("assignment", id);
    }
    std::string author = FieldValue(in.request, "author");
    if (!author.empty() && author != in.caller.id()) {
      return Denied("students list only their own submissions");
    }
    return Relation::kSelf;
  };
}

Rule SubmissionReader(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    ASSIGN_OR_RETURN(v1::Submission submission, RequireSubmission(in, path));
    ASSIGN_OR_RETURN(std::optional<Relation> relation,
                     SubmissionRelation(in, submission));
    if (relation.has_value()) return *relation;
    return Hidden("submission", submission.id());
  };
}

Rule SubmissionStaff(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    ASSIGN_OR_RETURN(v1::Submission submission, RequireSubmission(in, path));
    ASSIGN_OR_RETURN(std::optional<Relation> relation,
                     SubmissionRelation(in, submission));
    if (!relation.has_value()) return Hidden("submission", submission.id());
    if (*relation == Relation::kOwner) {
      return Denied("only tutors of the course may change grades");
    }
    return *relation;
  };
}

Rule SubmissionOrAssignmentStaff(std::string submission_path,
                                 std::string assignment_path) {
  Rule by_submission = SubmissionStaff(submission_path);
  Rule by_assignment = AssignmentTutor(assignment_path);
  return [=](const RuleInput& in) -> absl::StatusOr<Relation> {
    if (!FieldValue(in.request, submission_path).empty()) {
      return by_submission(in);
    }
    if (FieldValue(in.request, assignment_path).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "one of ", submission_path, " or ", assignment_path, " is required"));
    }
    return by_assignment(in);
  };
}

Rule AuditReader(std::string submission_path, std::string assignment_path) {
  Rule scoped = SubmissionOrAssignmentStaff(submission_path, assignment_path);
  return [=](const RuleInput& in) -> absl::StatusOr<Relation> {
    if (!FieldValue(in.request, submission_path).empty() ||
        !FieldValue(in.request, assignment_path).empty()) {
      return scoped(in);
    }
    if (in.caller.admin()) return Relation::kAdmin;
    return Denied(
        absl::StrCat("only administrators read the whole audit log; "
                     "name a ",
                     submission_path, " or ", assignment_path));
  };
}

Rule CommentWriter() {
  return [](const RuleInput& in) -> absl::StatusOr<Relation> {
    const auto& request =
        static_cast<const v1::CreateCommentRequest&>(in.request);
    std::optional<v1::Comment> parent;
    if (!request.parent_id().empty()) {
      ASSIGN_OR_RETURN(parent, in.store.GetComment(request.parent_id()));
    }
    std::string id = request.submission_id().empty() && parent.has_value()
                         ? parent->submission_id()
                         : request.submission_id();
    if (id.empty()) return Required("submission_id");
    ASSIGN_OR_RETURN(v1::Submission submission,
                     in.store.GetSubmission(id, false));
    ASSIGN_OR_RETURN(std::optional<Relation> relation,
                     SubmissionRelation(in, submission));
    if (!relation.has_value()) return Hidden("submission", id);
    if (*relation != Relation::kOwner) return *relation;
    if (!parent.has_value()) {
      return Denied(
          "students reply to comments on their essays; they do "
          "not start threads");
    }
    ASSIGN_OR_RETURN(bool visible, VisibleToAuthor(in, *parent));
    if (!visible) return Hidden("comment", parent->id());
    return Relation::kOwner;
  };
}

Rule CommentResolver(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string id = FieldValue(in.request, path);
    if (id.empty()) return Required(path);
    ASSIGN_OR_RETURN(v1::Comment comment, in.store.GetComment(id));
    ASSIGN_OR_RETURN(v1::Submission submission,
                     in.store.GetSubmission(comment.submission_id(), false));
    ASSIGN_OR_RETURN(std::optional<Relation> relation,
                     SubmissionRelation(in, submission));
    if (!relation.has_value()) return Hidden("comment", id);
    if (*relation != Relation::kOwner) return *relation;
    ASSIGN_OR_RETURN(bool visible, VisibleToAuthor(in, comment));
    if (!visible) return Hidden("comment", id);
    return Relation::kOwner;
  };
}

Rule ReviewTaskLister() {
  return [](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string reviewer = FieldValue(in.request, "reviewer");
    bool self = reviewer.empty() || reviewer == in.caller.id();
    std::string id = FieldValue(in.request, "assignment_id");
    if (id.empty()) {
      if (self) return Relation::kSelf;
      if (in.caller.admin()) return Relation::kAdmin;
      return Denied("name the assignment to list another user's tasks");
    }
    ASSIGN_OR_RETURN(std::string course, CourseOfAssignment(in, id));
    ASSIGN_OR_RETURN(Relation relation,
                     MemberOfCourse(in, course, {"assignment", id}));
    if (relation == Relation::kMember) {
      if (!self) return Denied("students list only their own review tasks");
      return Relation::kSelf;
    }
    return relation;
  };
}

Rule TaskReader(std::string path) {
  return [path](const RuleInput& in) -> absl::StatusOr<Relation> {
    std::string id = FieldValue(in.request, path);
    if (id.empty()) return Required(path);
    ASSIGN_OR_RETURN(v1::ReviewTask task, in.store.GetReviewTask(id));
    if (task.reviewer() == in.caller.id()) return Relation::kReviewer;
    ASSIGN_OR_RETURN(std::string course,
                     CourseOfAssignment(in, task.assignment_id()));
    ASSIGN_OR_RETURN(std::optional<Relation> staff, StaffOf(in, course));
    if (staff.has_value()) return *staff;
    return Hidden("review task", id);
  };
}

Rule TaskReviewer(std::string path) {
  Rule reader = TaskReader(path);
  return [reader](const RuleInput& in) -> absl::StatusOr<Relation> {
    ASSIGN_OR_RETURN(Relation relation, reader(in));
    if (relation == Relation::kReviewer) return relation;
    return Denied("only the assigned reviewer submits a review");
  };
}

}  // namespace marginalia::server::access
