#include "tests/testing/test_server.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace marginalia::testing {

TestServer::TestServer(server::ServerOptions options)
    : options_(std::move(options)), db_path_(dir_.File("marginalia.db")) {
  options_.listen = "127.0.0.1:0";
  options_.db_path = db_path_;
  // Tests need not fsync; durability across restarts is still exercised.
  options_.synchronous_full = false;
  // Tests send many bad tokens from one address on purpose (the access
  // matrix); the per-address throttle has tests of its own.
  options_.auth_throttle.burst = 1e9;
  Start();
}

TestServer::~TestServer() {
  if (server_) server_->Shutdown();
}

void TestServer::Start() {
  auto started = server::MarginaliaServer::Start(options_);
  if (!started.ok()) {
    std::fprintf(stderr, "test server: %s\n",
                 started.status().ToString().c_str());
    std::abort();
  }
  server_ = *std::move(started);
  admin_token_ = ReadTokenFile(server_->admin_token_path());
  grpc::ChannelArguments arguments;
  arguments.SetMaxSendMessageSize(64 << 20);
  channel_ = grpc::CreateCustomChannel(
      server_->address(), grpc::InsecureChannelCredentials(), arguments);
}

std::string ReadTokenFile(const std::string& path) {
  std::ifstream in(path);
  std::string token;
  if (!std::getline(in, token) || token.empty()) {
    std::fprintf(stderr, "cannot read a token from %s\n", path.c_str());
    std::abort();
  }
  return token;
}

void TestServer::Restart() {
  server_->Shutdown();
  server_.reset();
  Start();
}

}  // namespace marginalia::testing
