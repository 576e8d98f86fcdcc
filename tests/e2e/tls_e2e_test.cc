// TLS between the CLI and the server: certificates from a CA made at test
// time, mutual TLS, and plaintext refused where it would cross a network.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/e2e/launched_server.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_pki.h"

namespace marginalia {
namespace {

using testing::BinaryPath;
using ::testing::HasSubstr;
using testing::LaunchedServer;
using testing::NonLoopbackIpv4;
using testing::ProcessResult;
using testing::RunProcess;
using testing::TestPki;

// `marginalia FLAGS... user whoami` with the token in the environment.
ProcessResult WhoAmI(const std::string& token, std::vector<std::string> flags,
                     std::map<std::string, std::string> env = {}) {
  flags.insert(flags.begin(), BinaryPath("marginalia"));
  flags.insert(flags.end(), {"user", "whoami"});
  env["MARGINALIA_TOKEN"] = token;
  return RunProcess(flags, env);
}

std::vector<std::string> TlsFlags(const TestPki& pki) {
  return {"--tls-cert", pki.server_cert(), "--tls-key", pki.server_key()};
}

TEST(TlsTest, CliCallsATlsServerThroughTheCaItWasGiven) {
  TestPki pki;
  std::vector<std::string> flags = TlsFlags(pki);
  flags.insert(flags.end(), {"--listen", "127.0.0.1:0"});
  LaunchedServer server(flags);
  ASSERT_FALSE(server.address().empty()) << server.log();
  EXPECT_THAT(server.log(), HasSubstr("(TLS)"));

  ProcessResult ok = WhoAmI(
      server.admin(), {"--server", server.address(), "--tls-ca", pki.ca()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_THAT(ok.out, HasSubstr("admin"));

  // A certificate from another CA is not trusted.
  ProcessResult untrusted =
      WhoAmI(server.admin(),
             {"--server", server.address(), "--tls-ca", pki.other_ca()});
  EXPECT_EQ(untrusted.exit_code, 1);
  EXPECT_THAT(untrusted.err, HasSubstr("UNAVAILABLE"));
}

TEST(TlsTest, ATlsServerRefusesAPlaintextClient) {
  TestPki pki;
  std::vector<std::string> flags = TlsFlags(pki);
  flags.insert(flags.end(), {"--listen", "127.0.0.1:0"});
  LaunchedServer server(flags);
  ASSERT_FALSE(server.address().empty()) << server.log();
  // Loopback: the CLI speaks plaintext by default.
  ProcessResult plaintext =
      WhoAmI(server.admin(), {"--server", server.address(), "--timeout", "20"});
  EXPECT_EQ(plaintext.exit_code, 1);
  EXPECT_THAT(plaintext.err, HasSubstr("UNAVAILABLE"));
  EXPECT_THAT(plaintext.err, ::testing::Not(HasSubstr(server.admin())));
}

TEST(TlsTest, MutualTlsNeedsAClientCertificateFromTheClientCa) {
  TestPki pki;
  std::vector<std::string> flags = TlsFlags(pki);
  flags.insert(flags.end(),
               {"--tls-client-ca", pki.ca(), "--listen", "127.0.0.1:0"});
  LaunchedServer server(flags);
  ASSERT_FALSE(server.address().empty()) << server.log();
  ProcessResult anonymous = WhoAmI(
      server.admin(), {"--server", server.address(), "--tls-ca", pki.ca()});
  EXPECT_EQ(anonymous.exit_code, 1);
  ProcessResult with_certificate =
      WhoAmI(server.admin(),
             {"--server", server.address(), "--tls-ca", pki.ca(), "--tls-cert",
              pki.client_cert(), "--tls-key", pki.client_key()});
  EXPECT_EQ(with_certificate.exit_code, 0) << with_certificate.err;
}

TEST(TlsTest, CliUsesTlsByDefaultForAServerOnAnotherAddress) {
  std::string ip = NonLoopbackIpv4();
  if (ip.empty()) GTEST_SKIP() << "this machine has no non-loopback IPv4";
  TestPki pki({ip});
  std::vector<std::string> flags = TlsFlags(pki);
  flags.insert(flags.end(), {"--listen", "0.0.0.0:0"});
  LaunchedServer server(flags);
  ASSERT_FALSE(server.address().empty()) << server.log();
  std::string remote = absl::StrCat(ip, ":", server.port());
  // The CA from the environment, as a deployment would set it.
  ProcessResult ok = WhoAmI(server.admin(), {"--server", remote},
                            {{"MARGINALIA_TLS_CA", pki.ca()}});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(TlsTest, CliRefusesPlaintextToAnotherAddressWithoutInsecure) {
  std::string ip = NonLoopbackIpv4();
  if (ip.empty()) GTEST_SKIP() << "this machine has no non-loopback IPv4";
  LaunchedServer server({"--listen", "0.0.0.0:0", "--insecure"});
  ASSERT_FALSE(server.address().empty()) << server.log();
  std::string remote = absl::StrCat(ip, ":", server.port());
  ProcessResult refused =
      WhoAmI(server.admin(), {"--server", remote, "--timeout", "20"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("--insecure"));
  ProcessResult insecure =
      WhoAmI(server.admin(), {"--server", remote, "--insecure"});
  EXPECT_EQ(insecure.exit_code, 0) << insecure.err;
}

TEST(TlsTest, ServerRefusesPlaintextOnAnAddressOthersCanReach) {
  testing::TempDir dir;
  ProcessResult refused =
      RunProcess({BinaryPath("marginalia-server"), "--listen", "0.0.0.0:0",
                  "--db", dir.File("m.db")});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("--tls-cert"));
}

TEST(TlsTest, MismatchedKeyAndConflictingFlagsAreExplained) {
  TestPki pki;
  testing::TempDir dir;
  ProcessResult server =
      RunProcess({BinaryPath("marginalia-server"), "--listen", "127.0.0.1:0",
                  "--db", dir.File("m.db"), "--tls-cert", pki.server_cert(),
                  "--tls-key", pki.client_key()});
  EXPECT_EQ(server.exit_code, 1);
  EXPECT_THAT(server.err, HasSubstr("does not match"));
  ProcessResult cli = WhoAmI("x", {"--tls-ca", pki.ca(), "--insecure"});
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_THAT(cli.err, HasSubstr("--insecure"));
}

}  // namespace
}  // namespace marginalia
