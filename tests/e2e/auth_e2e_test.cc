// Guessing tokens from one address: every failure is logged without the
// token, and the address is refused for a while once it has failed too often.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/e2e/launched_server.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/test_data.h"

namespace marginalia {
namespace {

using testing::BinaryPath;
using ::testing::HasSubstr;
using testing::LaunchedServer;
using ::testing::Not;
using testing::ProcessResult;
using testing::RunProcess;

ProcessResult WhoAmI(const LaunchedServer& server, const std::string& token) {
  return RunProcess({BinaryPath("marginalia"), "--server", server.address(),
                     "--token", token, "user", "whoami"});
}

TEST(AuthFailuresTest, GuessingTokensIsLoggedAndThrottledPerAddress) {
  // Five failures, then one per 100 s: the refusal cannot wear off while
  // the test runs, however slow the machine.
  LaunchedServer server({"--listen", "127.0.0.1:0", "--auth-failure-burst", "5",
                         "--auth-failure-rate", "0.01"});
  ASSERT_FALSE(server.address().empty()) << server.log();
  const std::string guess = "guess-5f1c9e0d7a3b";
  int attempts = 0;
  ProcessResult last;
  while (attempts < 20) {
    ++attempts;
    last = WhoAmI(server, guess);
    ASSERT_EQ(last.exit_code, 1);
    if (absl::StrContains(last.err, "RESOURCE_EXHAUSTED")) break;
    EXPECT_THAT(last.err, HasSubstr("UNAUTHENTICATED"));
  }
  EXPECT_THAT(last.err, HasSubstr("too many failed authentications"));
  EXPECT_EQ(attempts, 6);
  // A valid token from the same address waits too: no lookup is done.
  ProcessResult valid = WhoAmI(server, server.admin());
  EXPECT_THAT(valid.err, HasSubstr("RESOURCE_EXHAUSTED"));

  std::string log = server.log();
  EXPECT_THAT(log, HasSubstr("authentication failed from ipv4:127.0.0.1"));
  EXPECT_THAT(log, HasSubstr("the API token is not valid"));
  EXPECT_THAT(log, HasSubstr("throttling ipv4:127.0.0.1"));
  EXPECT_THAT(log, Not(HasSubstr(guess)));
  EXPECT_THAT(log, Not(HasSubstr(server.admin())));
}

}  // namespace
}  // namespace marginalia
