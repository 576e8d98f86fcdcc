// A simple model of two courses, for the model-based test: who is in them,
// what has been stored, and who may see what of it. It mirrors the
// visibility table in server/core/visibility.h from first principles
// (staff see their course; an author sees her own work, scores and tutor
// feedback once released; peers stay anonymous), so that a response can be
// checked against it without asking the server. Not thread-safe.
#pragma once

#include <google/protobuf/message.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace marginalia::testing {

struct ModelUser {
  std::string id;
  std::string token;
  bool admin = false;
};

struct ModelCourse {
  std::string id;
  std::set<std::string> tutors;
  std::set<std::string> students;
};

struct ModelAssignment {
  std::string id;
  std::string course;
  bool engine_now = false;
  int reviews = 0;
};

struct ModelSubmission {
  std::string id;
  std::string assignment;
  std::string course;
  std::string author;
  std::string text;
  // A token that occurs only in this text: finding it in a response shows
  // the text (or part of it) reached the reader.
  std::string marker;
  int draft = 1;
  bool engine_now = false;
  bool released = false;
  bool has_final = false;
  double final_score = 0;
};

struct ModelComment {
  std::string id;
  std::string submission;
  std::string author;
  std::string marker;  // the body
  bool staff_only = false;
};

struct ModelTask {
  std::string id;
  std::string submission;
  std::string reviewer;
  bool completed = false;
};

struct ModelReview {
  std::string id;
  std::string submission;
  std::string reviewer;
  std::string marker;  // the overall comment
};

class PrivacyModel {
 public:
  // Markers look like "zqE12zq" (essay), "zqC3zq" (comment), "zqR7zq"
  // (review): unlikely anywhere else, and found by one scan of a response.
  std::string NewMarker(char kind);
  // Student ids must start with this, so that a scan finds them.
  static constexpr char kStudentIdPrefix[] = "stu-";

  bool Admin(const std::string& user) const;
  // Tutor of the course, or an administrator.
  bool Staff(const std::string& user, const std::string& course) const;
  bool Student(const std::string& user, const std::string& course) const;
  bool Member(const std::string& user, const std::string& course) const;

  bool MayRead(const std::string& user, const ModelSubmission& s) const;
  bool ScoreVisible(const std::string& user, const ModelSubmission& s) const;
  bool CommentVisible(const std::string& user, const ModelComment& c) const;
  bool ReviewVisible(const std::string& user, const ModelReview& r) const;

  // Everything `user` must not have been shown in `response`, one line per
  // finding; empty when the response is clean. Text of `exempt_submission`
  // is allowed (a reviewer reading the essay under review).
  std::vector<std::string> Violations(
      const std::string& user, const google::protobuf::Message& response,
      const std::string& exempt_submission = "") const;

  ModelSubmission* FindSubmission(const std::string& id);
  const ModelSubmission* FindSubmission(const std::string& id) const;
  const ModelAssignment* FindAssignment(const std::string& id) const;
  // The author's draft `draft` of an assignment, or null.
  const ModelSubmission* FindDraft(const std::string& assignment,
                                   const std::string& author, int draft) const;
  int Drafts(const std::string& assignment, const std::string& author) const;

  std::vector<ModelUser> users;
  std::map<std::string, ModelCourse> courses;
  std::vector<ModelAssignment> assignments;
  std::vector<ModelSubmission> submissions;
  std::vector<ModelComment> comments;
  std::vector<ModelTask> tasks;
  std::vector<ModelReview> reviews;

 private:
  void ScanMarkers(const std::string& user, const std::string& text,
                   const std::string& exempt_submission,
                   std::vector<std::string>* out) const;
  void ScanStudentIds(const std::string& user, const std::string& text,
                      std::vector<std::string>* out) const;
  void Walk(const std::string& user, const google::protobuf::Message& message,
            std::vector<std::string>* out) const;
  void CheckMessage(const std::string& user,
                    const google::protobuf::Message& message,
                    std::vector<std::string>* out) const;

  int next_marker_ = 0;
};

}  // namespace marginalia::testing
