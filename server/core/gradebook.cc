#include "server/core/gradebook.h"

#include <algorithm>
#include <map>

#include "common/status_macros.h"
#include "server/core/grade_export.h"
#include "server/core/submission_sets.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

// Every student of the course, sorted by user id.
absl::StatusOr<std::vector<v1::User>> Students(Store& store,
                                               absl::string_view course_id) {
  std::vector<v1::User> students;
  PageRequest page{1000, ""};
  do {
    ASSIGN_OR_RETURN(Page<v1::Enrolment> enrolments,
                     store.ListEnrolments(course_id, page));
    for (const v1::Enrolment& enrolment : enrolments.items) {
      if (enrolment.role() != v1::COURSE_ROLE_STUDENT) continue;
      ASSIGN_OR_RETURN(v1::User user, store.GetUser(enrolment.user_id()));
      students.push_back(std::move(user));
    }
    page.page_token = enrolments.next_page_token;
  } while (!page.page_token.empty());
  std::sort(
      students.begin(), students.end(),
      [](const v1::User& a, const v1::User& b) { return a.id() < b.id(); });
  return students;
}

}  // namespace

absl::StatusOr<v1::ExportGradesResponse> Gradebook::Export(
    const v1::ExportGradesRequest& request) {
  if (request.format() == v1::EXPORT_FORMAT_UNSPECIFIED) {
    return FormatGradeExport({}, request.format());
  }
  ExportInput input;
  ASSIGN_OR_RETURN(input.assignment,
                   store_->GetAssignment(request.assignment_id()));
  ASSIGN_OR_RETURN(std::shared_ptr<const rubrics::CompiledRubric> rubric,
                   rubrics_->Get(input.assignment.rubric_id(),
                                 input.assignment.rubric_version()));
  for (const v1::Criterion& criterion : rubric->proto().criteria()) {
    input.criteria.push_back(criterion.id());
  }
  input.max_score = rubric->MaxScore();
  ASSIGN_OR_RETURN(std::vector<v1::Submission> all,
                   AllSubmissions(*store_, input.assignment.id()));
  std::map<std::string, v1::Submission> latest;
  for (v1::Submission& s : LatestDrafts(all)) latest[s.author()] = s;
  ASSIGN_OR_RETURN(std::vector<v1::User> students,
                   Students(*store_, input.assignment.course_id()));
  for (v1::User& student : students) {
    ExportRow row;
    auto it = latest.find(student.id());
    if (it != latest.end()) {
      row.submission = it->second;
      ASSIGN_OR_RETURN(row.grade, grading_->Compute(it->second));
    }
    row.student = std::move(student);
    input.rows.push_back(std::move(row));
  }
  return FormatGradeExport(input, request.format());
}

}  // namespace marginalia::server
