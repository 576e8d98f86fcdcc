#include "server/core/comments.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/core/anchor.h"
#include "server/core/idempotency.h"
#include "server/core/visibility.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

// Longest comment body accepted.
constexpr std::size_t kMaxBodyBytes = 64 << 10;

absl::Status CheckBody(const std::string& body) {
  if (body.empty()) return absl::InvalidArgumentError("body is required");
  if (body.size() > kMaxBodyBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "body is ", body.size(), " bytes; the limit is ", kMaxBodyBytes));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Comment> Comments::Build(
    const Access& access, const v1::CreateCommentRequest& request) {
  RETURN_IF_ERROR(CheckBody(request.body()));
  v1::Comment comment;
  comment.set_id(ids_->NewId("cmt"));
  if (!request.parent_id().empty()) {
    ASSIGN_OR_RETURN(v1::Comment parent,
                     store_->GetComment(request.parent_id()));
    if (!request.submission_id().empty() &&
        request.submission_id() != parent.submission_id()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "comment ", parent.id(), " is on submission ", parent.submission_id(),
          ", not ", request.submission_id()));
    }
    comment.set_submission_id(parent.submission_id());
    comment.set_parent_id(parent.id());
    *comment.mutable_anchor() = parent.anchor();
    comment.set_quoted_text(parent.quoted_text());
    // A reply can be read by whoever can read the thread.
    comment.set_visibility(parent.visibility());
  } else {
    ASSIGN_OR_RETURN(v1::Submission submission,
                     store_->GetSubmission(request.submission_id(), true));
    ASSIGN_OR_RETURN(v1::FeedbackReport report,
                     store_->GetReport(submission.id()));
    ASSIGN_OR_RETURN(
        ResolvedAnchor anchor,
        ResolveAnchor(request.anchor(), submission.text(), report));
    comment.set_submission_id(submission.id());
    *comment.mutable_anchor() = std::move(anchor.anchor);
    comment.set_quoted_text(std::move(anchor.quoted_text));
    comment.set_visibility(request.visibility() ==
                                   v1::COMMENT_VISIBILITY_UNSPECIFIED
                               ? v1::COMMENT_VISIBILITY_STUDENT
                               : request.visibility());
  }
  comment.set_author(access.caller.id());
  comment.set_body(request.body());
  *comment.mutable_create_time() = ToTimestamp(clock_->Now());
  *comment.mutable_update_time() = comment.create_time();
  return comment;
}

absl::StatusOr<v1::Comment> Comments::Create(
    const Access& access, const v1::CreateCommentRequest& request) {
  RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  ASSIGN_OR_RETURN(v1::Comment comment, Build(access, request));
  ASSIGN_OR_RETURN(
      CreateCommentResult result,
      store_->CreateComment(comment, RequestKey{request.request_id(),
                                                RequestFingerprint(request)}));
  return result.comment;
}

absl::StatusOr<v1::ListCommentsResponse> Comments::List(
    const Access& access, const v1::ListCommentsRequest& request) {
  v1::ListCommentsResponse response;
  ASSIGN_OR_RETURN(v1::Submission submission,
                   store_->GetSubmission(request.submission_id(), false));
  ASSIGN_OR_RETURN(Visible visible,
                   VisibilityPolicy(store_, access).For(submission));
  if (!visible.comments) return response;
  CommentFilter filter{request.submission_id(), request.include_resolved(),
                       !visible.staff_only_comments};
  ASSIGN_OR_RETURN(Page<v1::Comment> page,
                   store_->ListComments(
                       filter, {request.page_size(), request.page_token()}));
  for (v1::Comment& comment : page.items) {
    // Peer reviewers stay anonymous to the author: "Reviewer 2".
    if (!visible.reviewer_identities && !comment.author_label().empty()) {
      comment.clear_author();
    }
    *response.add_comments() = std::move(comment);
  }
  response.set_next_page_token(page.next_page_token);
  return response;
}

absl::StatusOr<v1::Comment> Comments::SetResolved(absl::string_view id,
                                                  bool resolved) {
  return store_->SetCommentResolved(id, resolved, ToTimestamp(clock_->Now()));
}

}  // namespace marginalia::server
