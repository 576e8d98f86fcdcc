#include "server/core/gradebook.h"

#include <algorithm>
#include <map>

#include "common/status_macros.h"
#include "server/core/grade_export.h"
#include "server/core/graded_drafts.h"
#include "server/core/submission_sets.h"
#include "server/core/visibility.h"

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

// Each author's drafts, oldest first, with what the tutor did to each.
absl::StatusOr<std::map<std::string, std::vector<DraftGrading>>> DraftsByAuthor(
    Store& store, absl::string_view assignment_id,
    const std::vector<v1::Submission>& all) {
  ASSIGN_OR_RETURN(auto records, store.ListGradeRecords(assignment_id));
  std::map<std::string, std::vector<DraftGrading>> drafts;
  for (const v1::Submission& s : all) {  // in submission (= draft) order
    DraftGrading draft{&s, false, false};
    auto it = records.find(s.id());
    if (it != records.end()) {
      draft.graded =
          !it->second.overrides.empty() || it->second.final_grade.has_value();
      draft.released = it->second.release_time.has_value();
    }
    drafts[s.author()].push_back(draft);
  }
  return drafts;
}

}  // namespace

absl::StatusOr<v1::ExportGradesResponse> Gradebook::Export(
    const Access& access, const v1::ExportGradesRequest& request) {
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
  ASSIGN_OR_RETURN(auto drafts,
                   DraftsByAuthor(*store_, input.assignment.id(), all));
  ASSIGN_OR_RETURN(std::vector<v1::User> students,
                   Students(*store_, input.assignment.course_id()));
  VisibilityPolicy visibility(store_, access);
  std::vector<v1::NewerDraft> newer;
  for (v1::User& student : students) {
    ExportRow row;
    auto it = drafts.find(student.id());
    if (it != drafts.end()) {
      DraftChoice choice =
          ChooseDraft(it->second, request.include_unreleased());
      row.latest_draft = it->second.back().submission->draft();
      if (choice.exported != nullptr) {
        row.submission = *choice.exported;
        ASSIGN_OR_RETURN(row.grade, grading_->Compute(*choice.exported));
        ASSIGN_OR_RETURN(Visible visible, visibility.For(*choice.exported,
                                                         row.grade.released()));
        if (!visible.grade) row.grade = WithheldGrade(row.grade);
      }
      if (choice.newer != nullptr) {
        v1::NewerDraft note;
        note.set_student(student.id());
        note.set_exported_draft(choice.exported->draft());
        note.set_latest_draft(choice.newer->draft());
        note.set_latest_submission_id(choice.newer->id());
        newer.push_back(std::move(note));
      }
    }
    row.student = std::move(student);
    input.rows.push_back(std::move(row));
  }
  ASSIGN_OR_RETURN(v1::ExportGradesResponse response,
                   FormatGradeExport(input, request.format()));
  for (v1::NewerDraft& note : newer) {
    *response.add_newer_drafts() = std::move(note);
  }
  return response;
}

}  // namespace marginalia::server
