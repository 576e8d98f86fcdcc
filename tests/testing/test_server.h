// A Marginalia server running in the test's own process on a free loopback
// port, with its database in a temporary folder, and a channel to it.
#pragma once

#include <grpcpp/channel.h>

#include <memory>

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

  // Stops the server and starts a new one on the same database.
  void Restart();

 private:
  void Start();

  TempDir dir_;
  server::ServerOptions options_;
  std::string db_path_;
  std::unique_ptr<server::MarginaliaServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace marginalia::testing
