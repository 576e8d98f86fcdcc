// marginalia token create [--user U] [--label L] | list [--user U]
//                  | revoke ID                     [--format text|json]
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "client/commands/commands.h"
#include "marginalia/v1/admin.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct TokenArgs {
  std::string id, user, label;
  Format format = Format::kText;
};

void PrintToken(const v1::Token& t, std::ostream& out) {
  out << absl::StrFormat("%-24s %-16s %-20s%s\n", t.id(), t.user_id(),
                         t.label(), t.revoked() ? " revoked" : "");
}

}  // namespace

void AddTokenCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<TokenArgs>();
  CLI::App* cmd =
      app.add_subcommand("token", "Create, list and revoke API tokens");
  cmd->require_subcommand(1);
  auto stub = [&context] {
    return v1::AdminService::NewStub(context.Channel());
  };

  CLI::App* create = cmd->add_subcommand(
      "create", "Create a token; its secret is printed once");
  create->add_option("--user", args->user,
                     "whose token (admins only; default: yours)");
  create->add_option("--label", args->label, "what it is for");
  AddFormatOption(create, &args->format);
  create->callback([=, &context] {
    v1::CreateTokenRequest request;
    request.set_user_id(args->user);
    request.set_label(args->label);
    v1::CreateTokenResponse response;
    grpc::Status status =
        stub()->CreateToken(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          PrintToken(response.token(), out);
          out << response.secret() << "\n";
        });
  });

  CLI::App* list = cmd->add_subcommand("list", "List tokens (not secrets)");
  list->add_option("--user", args->user, "whose tokens (default: yours)");
  AddFormatOption(list, &args->format);
  list->callback([=, &context] {
    v1::ListTokensRequest request;
    request.set_user_id(args->user);
    v1::ListTokensResponse response;
    grpc::Status status =
        stub()->ListTokens(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const v1::Token& t : response.tokens()) {
            PrintToken(t, out);
          }
        });
  });

  CLI::App* revoke = cmd->add_subcommand("revoke", "Revoke a token");
  revoke->add_option("ID", args->id, "token id (tok_...)")->required();
  AddFormatOption(revoke, &args->format);
  revoke->callback([=, &context] {
    v1::RevokeTokenRequest request;
    request.set_token_id(args->id);
    v1::RevokeTokenResponse response;
    grpc::Status status =
        stub()->RevokeToken(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response.token(), args->format,
               [&](std::ostream& out) { PrintToken(response.token(), out); });
  });
}

}  // namespace marginalia::client
