#include "server/http/http_front.h"

#include <httplib.h>

#include <deque>
#include <functional>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/loopback.h"
#include "server/http/api_routes.h"
#include "server/http/http_names.h"

namespace marginalia::server::http {
namespace {

// httplib's task queue with a bound: `threads` workers, and at most
// `capacity` accepted connections waiting; enqueue() then blocks the accept
// loop, so the kernel's backlog holds the rest. Thread-safe.
class BoundedThreadPool : public httplib::TaskQueue {
 public:
  BoundedThreadPool(int threads, int capacity)
      : capacity_(static_cast<std::size_t>(std::max(capacity, 1))) {
    for (int i = 0; i < std::max(threads, 1); ++i) {
      workers_.emplace_back([this] { Work(); });
    }
  }

  void enqueue(std::function<void()> task) override {
    absl::MutexLock lock(&mutex_);
    mutex_.Await(absl::Condition(
        +[](BoundedThreadPool* pool) ABSL_NO_THREAD_SAFETY_ANALYSIS {
          return pool->tasks_.size() < pool->capacity_;
        },
        this));
    tasks_.push_back(std::move(task));
  }

  void shutdown() override {
    {
      absl::MutexLock lock(&mutex_);
      stopping_ = true;
    }
    for (std::thread& worker : workers_) worker.join();
  }

 private:
  void Work() {
    while (true) {
      std::function<void()> task;
      {
        absl::MutexLock lock(&mutex_);
        mutex_.Await(absl::Condition(
            +[](BoundedThreadPool* pool) ABSL_NO_THREAD_SAFETY_ANALYSIS {
              return pool->stopping_ || !pool->tasks_.empty();
            },
            this));
        if (tasks_.empty()) return;  // stopping, and nothing left
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  const std::size_t capacity_;
  absl::Mutex mutex_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::vector<std::thread> workers_;
};

struct HostPort {
  std::string host;
  int port = 0;
};

// "host:port" or "[v6]:port".
absl::StatusOr<HostPort> SplitListen(const std::string& listen) {
  std::size_t colon = listen.rfind(':');
  HostPort parsed;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(listen.substr(colon + 1), &parsed.port) ||
      parsed.port < 0 || parsed.port > 65535) {
    return absl::InvalidArgumentError(
        "--http must be HOST:PORT, e.g. 127.0.0.1:8080");
  }
  parsed.host = listen.substr(0, colon);
  if (parsed.host.size() > 2 && parsed.host.front() == '[' &&
      parsed.host.back() == ']') {
    parsed.host = parsed.host.substr(1, parsed.host.size() - 2);
  }
  return parsed;
}

// The server, TLS or plaintext, as the files and the address allow.
absl::StatusOr<std::unique_ptr<httplib::Server>> MakeServer(
    const std::string& listen, const TlsFiles& tls) {
  if (tls.cert_path.empty()) {
    if (!IsLoopbackTarget(listen) && !tls.allow_insecure) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--http ", listen,
          " is not a loopback address: give --tls-cert "
          "and --tls-key, or --insecure if a trusted proxy terminates TLS"));
    }
    return std::make_unique<httplib::Server>();
  }
  auto server = std::make_unique<httplib::SSLServer>(
      tls.cert_path.c_str(), tls.key_path.c_str(),
      tls.client_ca_path.empty() ? nullptr : tls.client_ca_path.c_str());
  if (!server->is_valid()) {
    return absl::InvalidArgumentError(
        "the HTTP front cannot use --tls-cert and --tls-key");
  }
  return server;
}

void ApplyLimits(const HttpOptions& options, httplib::Server& server) {
  int threads = options.threads;
  int queued = options.max_queued_connections;
  server.new_task_queue = [threads, queued] {
    return new BoundedThreadPool(threads, queued);
  };
  server.set_payload_max_length(options.max_body_bytes);
  server.set_read_timeout(absl::ToChronoMicroseconds(options.read_timeout));
  server.set_write_timeout(absl::ToChronoMicroseconds(options.write_timeout));
  server.set_keep_alive_timeout(
      absl::ToInt64Seconds(options.keep_alive_timeout));
  server.set_default_headers({
      {std::string(kCspHeader), std::string(kContentSecurityPolicy)},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
  });
}

}  // namespace

absl::StatusOr<std::unique_ptr<HttpFront>> HttpFront::Start(
    const HttpOptions& options, const TlsFiles& tls,
    std::shared_ptr<grpc::Channel> channel) {
  absl::StatusOr<HostPort> where = SplitListen(options.listen);
  if (!where.ok()) return where.status();
  absl::StatusOr<std::unique_ptr<httplib::Server>> server =
      MakeServer(options.listen, tls);
  if (!server.ok()) return server.status();
  std::unique_ptr<HttpFront> front(new HttpFront());
  front->tls_ = !tls.cert_path.empty();
  front->server_ = *std::move(server);
  front->routes_ =
      std::make_unique<ApiRoutes>(options, std::move(channel), front->tls_);
  ApplyLimits(options, *front->server_);
  front->routes_->Register(*front->server_);
  int port = where->port;
  bool bound = port == 0
                   ? (port = front->server_->bind_to_any_port(where->host)) > 0
                   : front->server_->bind_to_port(where->host, port);
  if (!bound) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve HTTP on ", options.listen,
                     " (address in use or not valid)"));
  }
  front->address_ = absl::StrCat(
      options.listen.substr(0, options.listen.rfind(':')), ":", port);
  httplib::Server* raw = front->server_.get();
  front->thread_ = std::thread([raw] { raw->listen_after_bind(); });
  return front;
}

HttpFront::~HttpFront() { Stop(); }

std::string HttpFront::url() const {
  return absl::StrCat(tls_ ? "https://" : "http://", address_, "/");
}

void HttpFront::Stop() {
  if (server_ != nullptr) server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace marginalia::server::http
