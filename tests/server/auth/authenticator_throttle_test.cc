// Failed authentications are limited per peer address: a peer that keeps
// guessing tokens is refused for a while, and other peers are not.
#include "server/auth/authenticator_throttle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "tests/testing/fake_clock.h"

namespace marginalia::server {
namespace {

using testing::FakeClock;
using ::testing::HasSubstr;

constexpr char kGuesser[] = "ipv4:203.0.113.7:40001";

AuthThrottleOptions Options(double burst, std::size_t max_peers = 100) {
  AuthThrottleOptions options;
  options.burst = burst;
  options.refill_per_second = 1;
  options.max_peers = max_peers;
  return options;
}

TEST(AuthenticatorThrottleTest, AGuesserIsRefusedAfterItsBurstUntilItWaits) {
  FakeClock clock;
  AuthenticatorThrottle throttle(&clock, Options(5));
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(throttle.Admit(kGuesser).ok());
    EXPECT_FALSE(throttle.RecordFailure(kGuesser));
  }
  ASSERT_TRUE(throttle.Admit(kGuesser).ok());
  EXPECT_TRUE(throttle.RecordFailure(kGuesser)) << "the fifth empties it";
  absl::Status refused = throttle.Admit(kGuesser);
  EXPECT_TRUE(absl::IsResourceExhausted(refused));
  EXPECT_THAT(refused.message(), HasSubstr("retry in 1 s"));
  // Another connection from the same address is the same peer.
  EXPECT_TRUE(
      absl::IsResourceExhausted(throttle.Admit("ipv4:203.0.113.7:40002")));
  clock.Advance(absl::Seconds(1));
  EXPECT_TRUE(throttle.Admit(kGuesser).ok());
}

TEST(AuthenticatorThrottleTest, OtherPeersAndSuccessesAreNotLimited) {
  FakeClock clock;
  AuthenticatorThrottle throttle(&clock, Options(2));
  throttle.RecordFailure(kGuesser);
  throttle.RecordFailure(kGuesser);
  EXPECT_FALSE(throttle.Admit(kGuesser).ok());
  EXPECT_TRUE(throttle.Admit("ipv4:203.0.113.8:40001").ok());
  EXPECT_TRUE(throttle.Admit("ipv6:[2001:db8::1]:40001").ok());
  // Admitting alone (a successful call) spends nothing.
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(throttle.Admit("ipv4:203.0.113.9:1").ok());
  }
}

TEST(AuthenticatorThrottleTest, TrackedPeersStayBounded) {
  FakeClock clock;
  AuthenticatorThrottle throttle(&clock, Options(1, 3));
  for (int i = 0; i < 3; ++i) {
    throttle.RecordFailure(absl::StrCat("ipv4:198.51.100.", i, ":1"));
  }
  // Beyond max_peers, new peers share one bucket, and are still limited.
  throttle.RecordFailure("ipv4:198.51.100.50:1");
  EXPECT_FALSE(throttle.Admit("ipv4:198.51.100.51:1").ok());
  // Once the first peers have recovered they are forgotten.
  clock.Advance(absl::Seconds(5));
  throttle.RecordFailure("ipv4:198.51.100.60:1");
  EXPECT_FALSE(throttle.Admit("ipv4:198.51.100.60:1").ok());
  EXPECT_TRUE(throttle.Admit("ipv4:198.51.100.61:1").ok());
}

TEST(AuthenticatorThrottleTest, PeerAddressDropsThePort) {
  EXPECT_EQ(AuthenticatorThrottle::PeerAddress("ipv4:10.0.0.1:5"),
            "ipv4:10.0.0.1");
  EXPECT_EQ(AuthenticatorThrottle::PeerAddress("ipv6:[::1]:5"), "ipv6:[::1]");
  EXPECT_EQ(AuthenticatorThrottle::PeerAddress("unix:/tmp/s"), "unix:/tmp/s");
}

}  // namespace
}  // namespace marginalia::server
