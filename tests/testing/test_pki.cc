#include "tests/testing/test_pki.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tests/testing/subprocess.h"

namespace marginalia::testing {
namespace {

// Elliptic-curve keys: generated in milliseconds, accepted by gRPC.
const std::vector<std::string> kNewKey = {
    "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};

}  // namespace

TestPki::TestPki(const std::vector<std::string>& extra_ips) {
  MakeCa("ca");
  MakeCa("other-ca");
  std::string names = "DNS:localhost,IP:127.0.0.1";
  for (const std::string& ip : extra_ips) absl::StrAppend(&names, ",IP:", ip);
  MakeSigned("server", absl::StrCat("subjectAltName=", names,
                                    "\nextendedKeyUsage=serverAuth\n"));
  MakeSigned("client", "extendedKeyUsage=clientAuth\n");
}

void TestPki::Run(const std::vector<std::string>& arguments) const {
  std::vector<std::string> argv = {"/usr/bin/openssl"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  ProcessResult result = RunProcess(argv);
  if (result.exit_code != 0) {
    std::fprintf(stderr, "%s failed:\n%s\n", absl::StrJoin(argv, " ").c_str(),
                 result.err.c_str());
    std::abort();
  }
}

void TestPki::MakeCa(const std::string& name) const {
  std::vector<std::string> arguments = {"req", "-x509"};
  arguments.insert(arguments.end(), kNewKey.begin(), kNewKey.end());
  arguments.insert(
      arguments.end(),
      {"-keyout", dir_.File(name + ".key"), "-out", dir_.File(name + ".crt"),
       "-days", "2", "-subj", "/CN=marginalia-test-" + name});
  Run(arguments);
}

void TestPki::MakeSigned(const std::string& name,
                         const std::string& extensions) {
  std::vector<std::string> request = {"req"};
  request.insert(request.end(), kNewKey.begin(), kNewKey.end());
  request.insert(request.end(),
                 {"-keyout", dir_.File(name + ".key"), "-out",
                  dir_.File(name + ".csr"), "-subj", "/CN=localhost"});
  Run(request);
  WriteFile(dir_.File(name + ".ext"), extensions);
  Run({"x509", "-req", "-in", dir_.File(name + ".csr"), "-CA", ca(), "-CAkey",
       dir_.File("ca.key"), "-CAcreateserial", "-out", dir_.File(name + ".crt"),
       "-days", "2", "-extfile", dir_.File(name + ".ext")});
}

std::string NonLoopbackIpv4() {
  ifaddrs* addresses = nullptr;
  if (getifaddrs(&addresses) != 0) return "";
  std::string found;
  for (ifaddrs* a = addresses; a != nullptr && found.empty(); a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    in_addr ip = reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr;
    if ((ntohl(ip.s_addr) >> 24) == 127) continue;
    char text[INET_ADDRSTRLEN];
    if (inet_ntop(AF_INET, &ip, text, sizeof text) != nullptr) found = text;
  }
  freeifaddrs(addresses);
  return found;
}

}  // namespace marginalia::testing
