// What every subcommand shares: global options, the output streams and the
// connection to the server.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <iosfwd>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "client/channel_credentials.h"

namespace marginalia::client {

// Process exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct ClientOptions {
  // Default: $MARGINALIA_SERVER, else 127.0.0.1:50051.
  std::string server = "127.0.0.1:50051";
  // Bearer token; default: $MARGINALIA_TOKEN.
  std::string token;
  // Deadline of each call.
  absl::Duration timeout = absl::Seconds(60);
  // TLS files and --insecure; default: TLS unless the server is loopback.
  TransportOptions transport;
};

// Output formats of commands that print a resource.
enum class Format { kText, kJson, kHtml };

class CliContext {
 public:
  CliContext(ClientOptions options, std::ostream* out, std::ostream* err)
      : options_(std::move(options)), out_(out), err_(err) {}

  ClientOptions& options() { return options_; }
  std::ostream& out() { return *out_; }
  std::ostream& err() { return *err_; }

  // Decides TLS or plaintext and reads the TLS files; call once options
  // are parsed. INVALID_ARGUMENT when a file is unreadable or the flags
  // conflict.
  absl::Status ConfigureTransport();
  // The channel to the server, created on first use.
  std::shared_ptr<grpc::Channel> Channel();
  // A context for one call: deadline and credentials. Thread-safe.
  std::unique_ptr<grpc::ClientContext> NewCallContext();
  // A context for a long stream (a batch): credentials, no deadline, since
  // a cohort may take longer than any one call should.
  std::unique_ptr<grpc::ClientContext> NewStreamContext();

  // Prints a failed call as "error: CODE: message" on stderr and returns
  // kExitFailure.
  int ReportRpcError(const grpc::Status& status);
  // Prints "error: message" and returns kExitFailure.
  int ReportError(const std::string& message);

 private:
  ClientOptions options_;
  std::ostream* out_;
  std::ostream* err_;
  ChannelSecurity security_;
  std::shared_ptr<grpc::Channel> channel_;
};

// "INVALID_ARGUMENT" for grpc::StatusCode::INVALID_ARGUMENT, and so on.
const char* StatusCodeName(grpc::StatusCode code);

}  // namespace marginalia::client
