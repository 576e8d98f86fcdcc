// marginalia: the command-line client.
//
//   marginalia [--server HOST:PORT] [--token TOKEN] [--tls-ca FILE]
//              [--tls-cert FILE --tls-key FILE] [--insecure] <command> ...
//
// TLS is used for any server not on this machine (loopback), and whenever
// a TLS file is given; --insecure allows plaintext to a remote server.
//
// Exit codes: 0 success, 1 failure (the server's message on stderr),
// 2 usage error.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "client/cli_context.h"
#include "client/commands/commands.h"

namespace {

std::string FromEnvironment(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace marginalia::client;
  ClientOptions options;
  options.server = FromEnvironment("MARGINALIA_SERVER", options.server);
  options.token = FromEnvironment("MARGINALIA_TOKEN", "");
  options.transport.tls_ca = FromEnvironment("MARGINALIA_TLS_CA", "");
  CliContext context(options, &std::cout, &std::cerr);
  int exit_code = kExitOk;
  double timeout_seconds = 60;

  CLI::App app{"Marginalia: grade and peer-review essays."};
  app.name("marginalia");
  app.require_subcommand(1);
  app.add_option("--server", context.options().server,
                 "server address (default: $MARGINALIA_SERVER or "
                 "127.0.0.1:50051)");
  app.add_option("--token", context.options().token,
                 "API token (default: $MARGINALIA_TOKEN)");
  app.add_option("--timeout", timeout_seconds, "seconds to wait for each call")
      ->check(CLI::PositiveNumber);
  TransportOptions& transport = context.options().transport;
  app.add_option("--tls-ca", transport.tls_ca,
                 "PEM CA that signed the server's certificate; forces TLS "
                 "(default: $MARGINALIA_TLS_CA, else the system's roots)");
  app.add_option("--tls-cert", transport.tls_cert,
                 "PEM client certificate, for a server requiring mutual TLS");
  app.add_option("--tls-key", transport.tls_key, "PEM key of --tls-cert");
  app.add_flag("--insecure", transport.insecure,
               "plaintext even to a server not on this machine");
  app.parse_complete_callback([&] {
    context.options().timeout = absl::Seconds(timeout_seconds);
    absl::Status transport_ok = context.ConfigureTransport();
    if (!transport_ok.ok()) {
      throw CLI::ValidationError(std::string(transport_ok.message()));
    }
  });
  AddScoreCommand(app, context, &exit_code);
  AddSubmitCommand(app, context, &exit_code);
  AddFeedbackCommand(app, context, &exit_code);
  AddListCommand(app, context, &exit_code);
  AddRubricCommand(app, context, &exit_code);
  AddUserCommand(app, context, &exit_code);
  AddCourseCommand(app, context, &exit_code);
  AddAssignmentCommand(app, context, &exit_code);
  AddEnrolCommand(app, context, &exit_code);
  AddTokenCommand(app, context, &exit_code);
  AddCommentCommand(app, context, &exit_code);
  AddGradeCommand(app, context, &exit_code);
  AddPeerCommand(app, context, &exit_code);
  AddReviewCommand(app, context, &exit_code);
  AddAuditCommand(app, context, &exit_code);
  AddStatsCommand(app, context, &exit_code);
  AddExportCommand(app, context, &exit_code);
  AddBatchCommand(app, context, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}
