#include "tests/server/services/privacy_model.h"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "marginalia/v1/grade.pb.h"
#include "marginalia/v1/review.pb.h"
#include "marginalia/v1/submission.pb.h"

namespace marginalia::testing {
namespace {

namespace v1 = ::marginalia::v1;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

template <typename T>
const T* As(const Message& message) {
  if (message.GetDescriptor() != T::descriptor()) return nullptr;
  return static_cast<const T*>(&message);
}

}  // namespace

std::string PrivacyModel::NewMarker(char kind) {
  return absl::StrCat("zq", std::string(1, kind), ++next_marker_, "zq");
}

bool PrivacyModel::Admin(const std::string& user) const {
  for (const ModelUser& u : users) {
    if (u.id == user) return u.admin;
  }
  return false;
}

bool PrivacyModel::Staff(const std::string& user,
                         const std::string& course) const {
  if (Admin(user)) return true;
  auto it = courses.find(course);
  return it != courses.end() && it->second.tutors.count(user) > 0;
}

bool PrivacyModel::Student(const std::string& user,
                           const std::string& course) const {
  auto it = courses.find(course);
  return it != courses.end() && it->second.students.count(user) > 0;
}

bool PrivacyModel::Member(const std::string& user,
                          const std::string& course) const {
  return Staff(user, course) || Student(user, course);
}

bool PrivacyModel::MayRead(const std::string& user,
                           const ModelSubmission& s) const {
  return Staff(user, s.course) || s.author == user;
}

bool PrivacyModel::ScoreVisible(const std::string& user,
                                const ModelSubmission& s) const {
  if (Staff(user, s.course)) return true;
  return s.author == user && (s.released || s.engine_now);
}

bool PrivacyModel::CommentVisible(const std::string& user,
                                  const ModelComment& c) const {
  const ModelSubmission* s = FindSubmission(c.submission);
  if (s == nullptr) return false;
  if (Staff(user, s->course) || c.author == user) return true;
  return s->author == user && s->released && !c.staff_only;
}

bool PrivacyModel::ReviewVisible(const std::string& user,
                                 const ModelReview& r) const {
  const ModelSubmission* s = FindSubmission(r.submission);
  if (s == nullptr) return false;
  if (Staff(user, s->course) || r.reviewer == user) return true;
  return s->author == user && s->released;
}

ModelSubmission* PrivacyModel::FindSubmission(const std::string& id) {
  for (ModelSubmission& s : submissions) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const ModelSubmission* PrivacyModel::FindSubmission(
    const std::string& id) const {
  return const_cast<PrivacyModel*>(this)->FindSubmission(id);
}

const ModelAssignment* PrivacyModel::FindAssignment(
    const std::string& id) const {
  for (const ModelAssignment& a : assignments) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

const ModelSubmission* PrivacyModel::FindDraft(const std::string& assignment,
                                               const std::string& author,
                                               int draft) const {
  for (const ModelSubmission& s : submissions) {
    if (s.assignment == assignment && s.author == author && s.draft == draft) {
      return &s;
    }
  }
  return nullptr;
}

int PrivacyModel::Drafts(const std::string& assignment,
                         const std::string& author) const {
  int drafts = 0;
  for (const ModelSubmission& s : submissions) {
    if (s.assignment == assignment && s.author == author) ++drafts;
  }
  return drafts;
}

std::vector<std::string> PrivacyModel::Violations(
    const std::string& user, const Message& response,
    const std::string& exempt_submission) const {
  std::vector<std::string> out;
  std::string text = response.ShortDebugString();
  ScanMarkers(user, text, exempt_submission, &out);
  ScanStudentIds(user, text, &out);
  Walk(user, response, &out);
  return out;
}

void PrivacyModel::ScanMarkers(const std::string& user, const std::string& text,
                               const std::string& exempt_submission,
                               std::vector<std::string>* out) const {
  for (std::size_t at = text.find("zq"); at != std::string::npos;
       at = text.find("zq", at + 2)) {
    std::size_t end = text.find("zq", at + 2);
    if (end == std::string::npos) break;
    std::string marker = text.substr(at, end + 2 - at);
    bool known = false, allowed = false;
    for (const ModelSubmission& s : submissions) {
      if (s.marker != marker) continue;
      known = true;
      allowed = MayRead(user, s) || s.id == exempt_submission;
    }
    for (const ModelComment& c : comments) {
      if (c.marker != marker) continue;
      known = true;
      allowed = CommentVisible(user, c);
    }
    for (const ModelReview& r : reviews) {
      if (r.marker != marker) continue;
      known = true;
      allowed = ReviewVisible(user, r);
    }
    if (known && !allowed) {
      out->push_back(absl::StrCat(user, " was shown ", marker));
    }
    if (known) at = end;  // the closing "zq" is not the next opening one
  }
}

void PrivacyModel::ScanStudentIds(const std::string& user,
                                  const std::string& text,
                                  std::vector<std::string>* out) const {
  if (Admin(user)) return;
  for (std::size_t at = text.find(kStudentIdPrefix); at != std::string::npos;
       at = text.find(kStudentIdPrefix, at + 1)) {
    std::size_t end = at + sizeof(kStudentIdPrefix) - 1;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) ||
            text[end] == '.' || text[end] == '-' || text[end] == '_')) {
      ++end;
    }
    std::string id = text.substr(at, end - at);
    if (id == user) continue;
    bool allowed = false;
    // Tutors see their students; everyone in a course sees its tutors
    // (comment authors), even a tutor who is a student elsewhere.
    for (const auto& [course_id, course] : courses) {
      if (course.students.count(id) && Staff(user, course_id)) allowed = true;
      if (course.tutors.count(id) && Member(user, course_id)) allowed = true;
    }
    if (!allowed) {
      out->push_back(absl::StrCat(user, " was shown the student id ", id));
    }
  }
}

void PrivacyModel::Walk(const std::string& user, const Message& message,
                        std::vector<std::string>* out) const {
  CheckMessage(user, message, out);
  const auto* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
        Walk(user, reflection->GetRepeatedMessage(message, field, i), out);
      }
    } else {
      Walk(user, reflection->GetMessage(message, field), out);
    }
  }
}

void PrivacyModel::CheckMessage(const std::string& user, const Message& message,
                                std::vector<std::string>* out) const {
  auto fail = [&](const std::string& id, absl::string_view what) {
    out->push_back(absl::StrCat(user, ": ", message.GetDescriptor()->name(),
                                " ", id, ": ", what));
  };
  if (const auto* sub = As<v1::Submission>(message)) {
    const ModelSubmission* m = FindSubmission(sub->id());
    if (m == nullptr) return fail(sub->id(), "not in the model");
    if (!MayRead(user, *m)) fail(sub->id(), "not the reader's to see");
    if (!ScoreVisible(user, *m) &&
        (sub->total_score() != 0 || !sub->score_withheld())) {
      fail(sub->id(), "score shown before release");
    }
    if (!sub->text().empty() && sub->text() != m->text) fail(sub->id(), "text");
  } else if (const auto* c = As<v1::Comment>(message)) {
    for (const ModelComment& m : comments) {
      if (m.id != c->id()) continue;
      if (!CommentVisible(user, m)) fail(c->id(), "comment not visible");
      const ModelSubmission* s = FindSubmission(m.submission);
      bool staff = s != nullptr && Staff(user, s->course);
      if (!staff && !c->author_label().empty() && !c->author().empty() &&
          c->author() != user) {
        fail(c->id(), "names an anonymous reviewer");
      }
    }
  } else if (const auto* g = As<v1::Grade>(message)) {
    const ModelSubmission* m = FindSubmission(g->submission_id());
    if (m == nullptr) return fail(g->submission_id(), "not in the model");
    bool visible = Staff(user, m->course) || (m->author == user && m->released);
    if (!MayRead(user, *m)) fail(m->id, "grade of another's essay");
    if (!visible && (g->criteria_size() > 0 || g->has_final_score() ||
                     g->total() != 0 || g->released())) {
      fail(m->id, "grade shown before release");
    }
    if (visible && g->has_final_score() != m->has_final) {
      fail(m->id, "final grade set/unset differs from what was acknowledged");
    }
    if (visible && m->has_final && g->final_score() != m->final_score) {
      fail(m->id, "final grade differs from what was acknowledged");
    }
  } else if (const auto* r = As<v1::Review>(message)) {
    for (const ModelReview& m : reviews) {
      if (m.id != r->id()) continue;
      if (!ReviewVisible(user, m)) fail(r->id(), "review not visible");
      const ModelSubmission* s = FindSubmission(m.submission);
      bool staff = s != nullptr && Staff(user, s->course);
      if (!staff && !r->reviewer().empty() && r->reviewer() != user) {
        fail(r->id(), "names the reviewer");
      }
    }
  } else if (const auto* t = As<v1::ReviewTask>(message)) {
    const ModelSubmission* s = FindSubmission(t->submission_id());
    if (s == nullptr) return fail(t->submission_id(), "not in the model");
    if (!Staff(user, s->course) && !t->reviewer().empty() &&
        t->reviewer() != user) {
      fail(t->id(), "another reviewer's task");
    }
  } else if (const auto* p = As<v1::PeerSummary>(message)) {
    const ModelSubmission* s = FindSubmission(p->submission_id());
    bool staff = s != nullptr && Staff(user, s->course);
    if (!staff && p->reviewers_size() > 0) {
      fail(p->submission_id(), "reviewer weights shown to a non-tutor");
    }
  } else if (const auto* f = As<v1::GetFeedbackResponse>(message)) {
    const ModelSubmission* s = FindSubmission(f->submission().id());
    if (s == nullptr) return;
    if (f->has_report() && !ScoreVisible(user, *s)) {
      fail(s->id, "engine report shown before release");
    }
    const ModelSubmission* previous =
        FindDraft(s->assignment, s->author, s->draft - 1);
    if (f->deltas_size() > 0 &&
        (previous == nullptr || !ScoreVisible(user, *previous))) {
      fail(s->id, "deltas show the withheld scores of the previous draft");
    }
  }
}

}  // namespace marginalia::testing
