// A throwaway certificate authority for TLS tests, made with the openssl
// command at test time: a CA, a server certificate for localhost,
// 127.0.0.1 and the given extra addresses, and a client certificate, all
// signed by the CA. Not thread-safe; the files live in its own TempDir.
#pragma once

#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace marginalia::testing {

class TestPki {
 public:
  // Aborts with openssl's output if a step fails, since every test that
  // asks for certificates needs them.
  explicit TestPki(const std::vector<std::string>& extra_ips = {});

  std::string ca() const { return dir_.File("ca.crt"); }
  std::string server_cert() const { return dir_.File("server.crt"); }
  std::string server_key() const { return dir_.File("server.key"); }
  std::string client_cert() const { return dir_.File("client.crt"); }
  std::string client_key() const { return dir_.File("client.key"); }
  // A second, unrelated CA: the server's certificate does not chain to it.
  std::string other_ca() const { return dir_.File("other-ca.crt"); }

 private:
  void Run(const std::vector<std::string>& arguments) const;
  void MakeCa(const std::string& name) const;
  void MakeSigned(const std::string& name, const std::string& extensions);

  TempDir dir_;
};

// The first IPv4 address of this machine that is not loopback, or empty.
std::string NonLoopbackIpv4();

}  // namespace marginalia::testing
