// marginalia user create ID [--name N] [--email E] [--admin]
//                 list | show ID | whoami        [--format text|json]
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "client/commands/commands.h"
#include "marginalia/v1/admin.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct UserArgs {
  std::string id, name, email;
  bool admin = false;
  Format format = Format::kText;
};

void PrintUser(const v1::User& u, std::ostream& out) {
  out << absl::StrFormat("%-20s %-24s %-28s%s\n", u.id(), u.display_name(),
                         u.email(), u.admin() ? " admin" : "");
}

}  // namespace

void AddUserCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<UserArgs>();
  CLI::App* user = app.add_subcommand("user", "Create and look up users");
  user->require_subcommand(1);
  auto stub = [&context] {
    return v1::AdminService::NewStub(context.Channel());
  };

  CLI::App* create = user->add_subcommand("create", "Create a user (admin)");
  create->add_option("ID", args->id, "user id: a-z 0-9 . _ -")->required();
  create->add_option("--name", args->name, "display name");
  create->add_option("--email", args->email, "e-mail address");
  create->add_flag("--admin", args->admin, "a server administrator");
  AddFormatOption(create, &args->format);
  create->callback([=, &context] {
    v1::CreateUserRequest request;
    request.mutable_user()->set_id(args->id);
    request.mutable_user()->set_display_name(args->name);
    request.mutable_user()->set_email(args->email);
    request.mutable_user()->set_admin(args->admin);
    v1::CreateUserResponse response;
    grpc::Status status =
        stub()->CreateUser(context.NewCallContext().get(), request, &response);
    *exit_code = Finish(
        context, status, response.user(), args->format, [&](std::ostream& out) {
          out << "Created user " << response.user().id() << "\n";
        });
  });

  CLI::App* list = user->add_subcommand("list", "List users (admin)");
  AddFormatOption(list, &args->format);
  list->callback([=, &context] {
    v1::ListUsersRequest request;
    request.set_page_size(1000);
    v1::ListUsersResponse response;
    grpc::Status status =
        stub()->ListUsers(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const v1::User& u : response.users()) {
            PrintUser(u, out);
          }
        });
  });

  CLI::App* show = user->add_subcommand("show", "Show one user");
  show->add_option("ID", args->id, "user id")->required();
  AddFormatOption(show, &args->format);
  show->callback([=, &context] {
    v1::GetUserRequest request;
    request.set_id(args->id);
    v1::GetUserResponse response;
    grpc::Status status =
        stub()->GetUser(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response.user(), args->format,
               [&](std::ostream& out) { PrintUser(response.user(), out); });
  });

  CLI::App* whoami =
      user->add_subcommand("whoami", "Show who the token belongs to");
  AddFormatOption(whoami, &args->format);
  whoami->callback([=, &context] {
    v1::GetCurrentUserResponse response;
    grpc::Status status =
        stub()->GetCurrentUser(context.NewCallContext().get(), {}, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          PrintUser(response.user(), out);
          for (const v1::Enrolment& e : response.enrolments()) {
            out << "  " << e.course_id() << ": "
                << (e.role() == v1::COURSE_ROLE_TUTOR ? "tutor" : "student")
                << "\n";
          }
        });
  });
}

}  // namespace marginalia::client
