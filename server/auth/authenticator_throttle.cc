#include "server/auth/authenticator_throttle.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace marginalia::server {
namespace {

// The bucket that peers share once max_peers are tracked.
constexpr absl::string_view kOverflow = "(other peers)";

}  // namespace

AuthenticatorThrottle::AuthenticatorThrottle(Clock* clock,
                                             AuthThrottleOptions options)
    : clock_(clock), options_(options) {
  options_.burst = std::max(options_.burst, 1.0);
  options_.refill_per_second = std::max(options_.refill_per_second, 1e-3);
  options_.max_peers = std::max<std::size_t>(options_.max_peers, 1);
}

std::string AuthenticatorThrottle::PeerAddress(absl::string_view peer) {
  std::size_t colon = peer.rfind(':');
  std::size_t bracket = peer.rfind(']');
  bool has_port = colon != absl::string_view::npos &&
                  (absl::StartsWith(peer, "ipv4:") ||
                   (absl::StartsWith(peer, "ipv6:") &&
                    bracket != absl::string_view::npos && colon > bracket));
  return std::string(has_port ? peer.substr(0, colon) : peer);
}

absl::Status AuthenticatorThrottle::Admit(absl::string_view peer) {
  absl::MutexLock lock(&mutex_);
  absl::Time now = clock_->Now();
  Bucket& bucket = Refilled(PeerAddress(peer), now);
  if (bucket.tokens >= 1) return absl::OkStatus();
  double wait = (1 - bucket.tokens) / options_.refill_per_second;
  return absl::ResourceExhaustedError(
      absl::StrCat("too many failed authentications from this address; "
                   "retry in ",
                   static_cast<int>(std::ceil(wait)), " s"));
}

bool AuthenticatorThrottle::RecordFailure(absl::string_view peer) {
  absl::MutexLock lock(&mutex_);
  Bucket& bucket = Refilled(PeerAddress(peer), clock_->Now());
  bool had_one = bucket.tokens >= 1;
  bucket.tokens = std::max(bucket.tokens - 1, 0.0);
  return had_one && bucket.tokens < 1;
}

AuthenticatorThrottle::Bucket& AuthenticatorThrottle::Refilled(
    const std::string& address, absl::Time now) {
  auto found = buckets_.find(address);
  if (found == buckets_.end()) {
    if (buckets_.size() >= options_.max_peers) ForgetRecovered(now);
    std::string key =
        buckets_.size() < options_.max_peers ? address : std::string(kOverflow);
    found = buckets_.try_emplace(key, Bucket{options_.burst, now}).first;
  }
  Bucket& bucket = found->second;
  double seconds = std::max(absl::ToDoubleSeconds(now - bucket.updated), 0.0);
  bucket.tokens = std::min(
      options_.burst, bucket.tokens + seconds * options_.refill_per_second);
  bucket.updated = now;
  return bucket;
}

void AuthenticatorThrottle::ForgetRecovered(absl::Time now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const Bucket& bucket = it->second;
    double seconds = absl::ToDoubleSeconds(now - bucket.updated);
    bool recovered =
        bucket.tokens + seconds * options_.refill_per_second >= options_.burst;
    if (recovered && it->first != kOverflow) {
      buckets_.erase(it++);
    } else {
      ++it;
    }
  }
}

}  // namespace marginalia::server
