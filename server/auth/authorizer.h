// The access policy: the one place that decides who may call what. It
// holds one rule per RPC of every marginalia.v1 service, keyed by the full
// method name ("marginalia.v1.GradeService/SetCriterionScore"); a test
// checks that every method in the descriptor pool has one. Thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "server/auth/access_rules.h"
#include "server/auth/caller.h"
#include "server/storage/store.h"

namespace marginalia::server {

// The policy table: full method name -> rule. Immutable after construction.
class Authorizer {
 public:
  // `store` must outlive the authorizer.
  explicit Authorizer(Store* store);

  // Whether `caller` may call `method` with `request`, and in what relation
  // to the resource. PERMISSION_DENIED or NOT_FOUND (see access_rules.h);
  // INTERNAL when `method` has no rule, so an RPC without one fails closed.
  absl::StatusOr<Access> Authorize(const Caller& caller,
                                   absl::string_view method,
                                   const google::protobuf::Message& request);

  // The methods the policy has a rule for, sorted.
  std::vector<std::string> Methods() const;

 private:
  Store* store_;
  std::map<std::string, access::Rule, std::less<>> rules_;
};

}  // namespace marginalia::server
