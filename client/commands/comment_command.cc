// marginalia comment add SUBMISSION (--span B:E | --paragraph N | --whole)
//                        --body TEXT [--visibility student|staff]
//                    list SUBMISSION [--all]
//                    reply COMMENT --body TEXT
//                    resolve COMMENT | reopen COMMENT   [--format text|json]
#include <memory>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "client/commands/commands.h"
#include "client/output/review_text.h"
#include "marginalia/v1/review.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct CommentArgs {
  std::string id, span, body, visibility = "student";
  int paragraph = -1;
  bool whole = false;
  bool all = false;
  Format format = Format::kText;
};

// Parses "BEGIN:END" into a span; false when it is not two numbers.
bool ParseSpan(const std::string& text, v1::Span* span) {
  std::vector<std::string> parts = absl::StrSplit(text, ':');
  uint32_t begin = 0, end = 0;
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &begin) ||
      !absl::SimpleAtoi(parts[1], &end)) {
    return false;
  }
  span->set_begin(begin);
  span->set_end(end);
  return true;
}

int RunAdd(const CommentArgs& args, CliContext& context) {
  v1::CreateCommentRequest request;
  request.set_submission_id(args.id);
  request.set_body(args.body);
  request.set_visibility(args.visibility == "staff"
                             ? v1::COMMENT_VISIBILITY_STAFF
                             : v1::COMMENT_VISIBILITY_STUDENT);
  if (!args.span.empty()) {
    if (!ParseSpan(args.span, request.mutable_anchor()->mutable_span())) {
      context.err() << "error: --span must be BEGIN:END byte offsets\n";
      return kExitUsage;
    }
  } else if (args.paragraph >= 0) {
    request.mutable_anchor()->set_paragraph(args.paragraph);
  } else {
    request.mutable_anchor()->set_whole(true);
  }
  auto stub = v1::ReviewService::NewStub(context.Channel());
  v1::CreateCommentResponse response;
  grpc::Status status =
      stub->CreateComment(context.NewCallContext().get(), request, &response);
  return Finish(
      context, status, response.comment(), args.format,
      [&](std::ostream& out) { PrintComment(response.comment(), out); });
}

}  // namespace

void AddCommentCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<CommentArgs>();
  CLI::App* cmd =
      app.add_subcommand("comment", "Comment on a submission's text");
  cmd->require_subcommand(1);
  auto stub = [&context] {
    return v1::ReviewService::NewStub(context.Channel());
  };

  CLI::App* add = cmd->add_subcommand("add", "Add a comment (staff)");
  add->add_option("SUBMISSION", args->id, "submission id")->required();
  auto* span = add->add_option("--span", args->span,
                               "BEGIN:END byte offsets of the passage");
  auto* para = add->add_option("--paragraph", args->paragraph,
                               "paragraph index, as in the report's outline");
  auto* whole =
      add->add_flag("--whole", args->whole, "the whole essay (default)");
  span->excludes(para)->excludes(whole);
  para->excludes(whole);
  add->add_option("--body", args->body, "the comment")->required();
  add->add_option("--visibility", args->visibility,
                  "student (once released) or staff (never the student)")
      ->check(CLI::IsMember({"student", "staff"}))
      ->capture_default_str();
  AddFormatOption(add, &args->format);
  add->callback([=, &context] { *exit_code = RunAdd(*args, context); });

  CLI::App* list = cmd->add_subcommand("list", "List a submission's comments");
  list->add_option("SUBMISSION", args->id, "submission id")->required();
  list->add_flag("--all", args->all, "include resolved comments");
  AddFormatOption(list, &args->format);
  list->callback([=, &context] {
    v1::ListCommentsRequest request;
    request.set_submission_id(args->id);
    request.set_include_resolved(args->all);
    request.set_page_size(1000);
    v1::ListCommentsResponse response;
    grpc::Status status = stub()->ListComments(context.NewCallContext().get(),
                                               request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const v1::Comment& c : response.comments()) {
            PrintComment(c, out);
          }
        });
  });

  CLI::App* reply = cmd->add_subcommand("reply", "Reply to a comment");
  reply->add_option("COMMENT", args->id, "comment id")->required();
  reply->add_option("--body", args->body, "the reply")->required();
  AddFormatOption(reply, &args->format);
  reply->callback([=, &context] {
    v1::CreateCommentRequest request;
    request.set_parent_id(args->id);
    request.set_body(args->body);
    v1::CreateCommentResponse response;
    grpc::Status status = stub()->CreateComment(context.NewCallContext().get(),
                                                request, &response);
    *exit_code = Finish(
        context, status, response.comment(), args->format,
        [&](std::ostream& out) { PrintComment(response.comment(), out); });
  });

  for (bool resolve : {true, false}) {
    CLI::App* sub = cmd->add_subcommand(
        resolve ? "resolve" : "reopen",
        resolve ? "Mark a comment resolved" : "Reopen a resolved comment");
    sub->add_option("COMMENT", args->id, "comment id")->required();
    AddFormatOption(sub, &args->format);
    sub->callback([=, &context] {
      v1::Comment comment;
      grpc::Status status;
      if (resolve) {
        v1::ResolveCommentRequest request;
        request.set_comment_id(args->id);
        v1::ResolveCommentResponse response;
        status = stub()->ResolveComment(context.NewCallContext().get(), request,
                                        &response);
        comment = response.comment();
      } else {
        v1::ReopenCommentRequest request;
        request.set_comment_id(args->id);
        v1::ReopenCommentResponse response;
        status = stub()->ReopenComment(context.NewCallContext().get(), request,
                                       &response);
        comment = response.comment();
      }
      *exit_code =
          Finish(context, status, comment, args->format,
                 [&](std::ostream& out) { PrintComment(comment, out); });
    });
  }
}

}  // namespace marginalia::client
