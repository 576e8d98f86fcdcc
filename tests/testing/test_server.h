// A Marginalia server running in the test's own process on a free loopback
// port, with its database in a temporary folder, and a channel to it.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <memory>
#include <string>

#include "server/marginalia_server.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::testing {

class TestServer {
 public:
  // Starts a server; `options.listen` and `options.db_path` are set here.
  // Aborts the test binary if it cannot start.
  explicit TestServer(server::ServerOptions options = {});
  ~TestServer();

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  server::MarginaliaServer& server() { return *server_; }
  const std::string& db_path() const { return db_path_; }
  // The administrator's token, from the file the first start wrote.
  const std::string& admin_token() const { return admin_token_; }

  // Stops the server and starts a new one on the same database.
  void Restart();

 private:
  void Start();

  TempDir dir_;
  server::ServerOptions options_;
  std::string db_path_;
  std::unique_ptr<server::MarginaliaServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::string admin_token_;
};

// A client context that sends "authorization: Bearer <token>".
class TokenContext : public grpc::ClientContext {
 public:
  explicit TokenContext(const std::string& token) {
    AddMetadata("authorization", "Bearer " + token);
  }
};

// The first line of `path` (the token file a server wrote); aborts when the
// file cannot be read.
std::string ReadTokenFile(const std::string& path);

}  // namespace marginalia::testing
