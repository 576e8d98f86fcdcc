// Browser sessions: random ids and CSRF tokens, expiry after a quiet spell
// and after their lifetime, sign-out, and a bounded number of sessions.
#include "server/http/sessions.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/testing/fake_clock.h"

namespace marginalia::server::http {
namespace {

using testing::FakeClock;

SessionOptions Options(std::size_t max_sessions = 100) {
  SessionOptions options;
  options.idle_timeout = absl::Minutes(30);
  options.lifetime = absl::Hours(8);
  options.max_sessions = max_sessions;
  return options;
}

TEST(SessionStoreTest, ASessionMapsARandomIdToItsTokenAndCsrfToken) {
  FakeClock clock;
  SessionStore sessions(&clock, Options());
  absl::StatusOr<NewSession> first = sessions.Create("token-1");
  absl::StatusOr<NewSession> second = sessions.Create("token-1");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->id.size(), 64u);
  EXPECT_EQ(first->csrf.size(), 64u);
  EXPECT_NE(first->id, second->id);
  EXPECT_NE(first->id, first->csrf);
  EXPECT_EQ(first->id.find("token-1"), std::string::npos);

  auto found = sessions.Find(first->id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->token, "token-1");
  EXPECT_EQ(found->csrf, first->csrf);
  EXPECT_FALSE(sessions.Find("").has_value());
  EXPECT_FALSE(sessions.Find(std::string(64, 'a')).has_value());
}

TEST(SessionStoreTest, QuietSessionsAndOldSessionsEnd) {
  FakeClock clock;
  SessionStore sessions(&clock, Options());
  std::string used = sessions.Create("used")->id;
  std::string quiet = sessions.Create("quiet")->id;
  // Using a session keeps it alive past the idle timeout...
  for (int i = 0; i < 4; ++i) {
    clock.Advance(absl::Minutes(20));
    EXPECT_TRUE(sessions.Find(used).has_value()) << i;
  }
  EXPECT_FALSE(sessions.Find(quiet).has_value());
  // ...but not past its lifetime.
  for (int i = 0; i < 20; ++i) {
    clock.Advance(absl::Minutes(20));
    sessions.Find(used);
  }
  EXPECT_FALSE(sessions.Find(used).has_value());
}

TEST(SessionStoreTest, SigningOutEndsTheSession) {
  FakeClock clock;
  SessionStore sessions(&clock, Options());
  std::string id = sessions.Create("token")->id;
  sessions.Remove(id);
  EXPECT_FALSE(sessions.Find(id).has_value());
  sessions.Remove("unknown");  // nothing happens
}

TEST(SessionStoreTest, AFullStoreDropsExpiredSessionsThenRefuses) {
  FakeClock clock;
  SessionStore sessions(&clock, Options(2));
  ASSERT_TRUE(sessions.Create("a").ok());
  ASSERT_TRUE(sessions.Create("b").ok());
  absl::StatusOr<NewSession> refused = sessions.Create("c");
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kResourceExhausted);
  clock.Advance(absl::Hours(1));
  EXPECT_TRUE(sessions.Create("c").ok());
}

TEST(SessionStoreTest, CsrfTokensMustMatchExactly) {
  EXPECT_TRUE(SessionStore::CsrfMatches("abc", "abc"));
  EXPECT_FALSE(SessionStore::CsrfMatches("abc", "abd"));
  EXPECT_FALSE(SessionStore::CsrfMatches("abc", "ab"));
  EXPECT_FALSE(SessionStore::CsrfMatches("abc", ""));
  EXPECT_FALSE(SessionStore::CsrfMatches("", ""));
}

}  // namespace
}  // namespace marginalia::server::http
