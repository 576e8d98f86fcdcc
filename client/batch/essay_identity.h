// Who wrote an essay and which request it is: the author from the file
// name, and the idempotency key that makes a repeated batch store nothing
// twice. Immutable after creation; thread-safe.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"

namespace marginalia::client {

// The request_id of an essay in a batch: hex SHA-256 of the assignment,
// the author (each length-prefixed) and the SHA-256 of the essay's text,
// cut to 40 characters. The author is part of it, so identical essays of
// two students are two requests; the folder is not, so a file moved
// elsewhere (same name, same author) is still recognised.
std::string BatchRequestId(absl::string_view assignment,
                           absl::string_view author, absl::string_view text);

class AuthorNamer {
 public:
  // With an empty `pattern` the author is the file's stem
  // ("ada_lovelace.docx" -> "ada_lovelace"). Otherwise `pattern` is an RE2
  // regex with exactly one capture group, searched in the file name
  // (without folders), whose match is the author, e.g. "^([^-]+)-". Returns
  // INVALID_ARGUMENT for a pattern that does not compile or has no single
  // group.
  static absl::StatusOr<AuthorNamer> Create(const std::string& pattern);

  // The author of the essay in `path`; INVALID_ARGUMENT when the pattern
  // does not match or captures nothing.
  absl::StatusOr<std::string> AuthorOf(const std::string& path) const;

 private:
  explicit AuthorNamer(std::shared_ptr<const re2::RE2> pattern)
      : pattern_(std::move(pattern)) {}

  std::shared_ptr<const re2::RE2> pattern_;  // null: the file stem
};

}  // namespace marginalia::client
