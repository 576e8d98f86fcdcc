// marginalia-server: serves the Marginalia API on a SQLite database.
//
//   marginalia-server [--listen 127.0.0.1:50051] [--db ./marginalia.db]
//                     [--max-essay-bytes 1048576] [--sync full|normal]
//                     [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE]]
//                     [--insecure] [--http 127.0.0.1:8080]
//
// Prints "listening on HOST:PORT" on stdout once it serves (the real port
// when --listen asks for port 0), then, with --http, "http on URL". SIGINT or
// SIGTERM drains calls in flight, closes the database and exits 0.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "server/http/http_front.h"
#include "server/marginalia_server.h"
#include "server/net/open_files.h"
#include "server/util/log.h"

namespace {

using marginalia::server::LogError;
using marginalia::server::LogInfo;
using marginalia::server::MarginaliaServer;
using marginalia::server::ServerOptions;
using marginalia::server::http::HttpFront;
using marginalia::server::http::HttpOptions;

int Run(const ServerOptions& options, const HttpOptions& http) {
  // Block the stop signals before gRPC starts its threads, so that they
  // inherit the mask and only sigwait() below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  long open_files = marginalia::server::RaiseOpenFileLimit();
  auto server = MarginaliaServer::Start(options);
  if (!server.ok()) {
    LogError("cannot start: ", server.status().message());
    return 1;
  }
  LogInfo("serving on ", (*server)->address(),
          options.tls.cert_path.empty() ? " (plaintext)" : " (TLS)",
          !options.tls.client_ca_path.empty() ? " requiring client certificates"
                                              : "",
          " with database ", options.db_path, "; open-file limit ", open_files);
  std::unique_ptr<HttpFront> front;
  if (!http.listen.empty()) {
    auto started =
        HttpFront::Start(http, options.tls, (*server)->InProcessChannel());
    if (!started.ok()) {
      LogError("cannot start: ", started.status().message());
      return 1;
    }
    front = *std::move(started);
    LogInfo("serving the JSON API and the web app on ", front->url());
  }
  std::cout << "listening on " << (*server)->address() << std::endl;
  if (front != nullptr) std::cout << "http on " << front->url() << std::endl;

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  LogInfo("received ", strsignal(signal_number),
          "; draining calls in flight and closing the database");
  if (front != nullptr) front->Stop();
  (*server)->Shutdown();
  LogInfo("stopped cleanly");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  ServerOptions options;
  HttpOptions http;
  std::string sync = "full";
  double drain_seconds = 30;
  CLI::App app{"Marginalia server: essay submission, scoring and review."};
  app.add_option("--listen", options.listen,
                 "host:port to listen on (port 0 picks a free one)")
      ->capture_default_str();
  app.add_option("--db", options.db_path, "SQLite database file")
      ->capture_default_str();
  app.add_option("--max-essay-bytes", options.max_essay_bytes,
                 "largest essay accepted, in bytes")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--sync", sync,
                 "full: fsync every commit; normal: faster, may lose the "
                 "last commits on power loss (never on a crash)")
      ->capture_default_str()
      ->check(CLI::IsMember({"full", "normal"}));
  app.add_option("--drain-seconds", drain_seconds,
                 "how long shutdown waits for calls in flight")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--tls-cert", options.tls.cert_path,
                 "PEM certificate chain: serve TLS only")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-key", options.tls.key_path,
                 "PEM private key of --tls-cert")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-client-ca", options.tls.client_ca_path,
                 "PEM CA bundle: require client certificates it signed "
                 "(mutual TLS)")
      ->check(CLI::ExistingFile);
  app.add_option("--max-threads", options.limits.max_threads,
                 "threads for calls in progress (0: 32 per core, at least "
                 "64); more calls are answered RESOURCE_EXHAUSTED")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  app.add_option("--max-pending-submissions", options.max_pending_submissions,
                 "single submissions scored and waiting to be stored at once "
                 "(0: 4 per core, at least 8); more are answered "
                 "RESOURCE_EXHAUSTED with when to retry")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  double max_wait_ms = 50;
  app.add_option("--max-submission-wait-ms", max_wait_ms,
                 "longest expected wait of a single submission behind the "
                 "ones in progress; beyond it, RESOURCE_EXHAUSTED with when "
                 "to retry")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--max-connections", options.max_connections,
                 "connections held at once (also bounded by the open-file "
                 "limit); more are reset")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  double release_seconds = 5;
  app.add_option("--memory-release-seconds", release_seconds,
                 "how often freed memory is given back to the system (0: "
                 "never)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--auth-failure-burst", options.auth_throttle.burst,
                 "failed authentications one address may make at once")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--auth-failure-rate", options.auth_throttle.refill_per_second,
                 "failed authentications per second one address regains; "
                 "beyond them it is answered RESOURCE_EXHAUSTED")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--http", http.listen,
                 "host:port for the JSON API and the web app (TLS with "
                 "--tls-cert, as for --listen); default: none");
  app.add_option("--http-threads", http.threads,
                 "threads serving HTTP connections")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  app.add_flag("--insecure", options.tls.allow_insecure,
               "allow plaintext on a non-loopback --listen or --http "
               "address (behind a proxy that terminates TLS)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  options.synchronous_full = sync == "full";
  options.drain_timeout = absl::Seconds(drain_seconds);
  options.memory_release_period = absl::Seconds(release_seconds);
  options.max_submission_wait = absl::Milliseconds(max_wait_ms);
  return Run(options, http);
}
