#include "client/batch/essay_identity.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "client/input/essay_file.h"
#include "rubrics/document/normalize.h"

namespace marginalia::client {

std::string BatchRequestId(absl::string_view assignment,
                           absl::string_view author, absl::string_view text) {
  return rubrics::Sha256Hex(absl::StrCat(assignment.size(), ":", assignment,
                                         author.size(), ":", author,
                                         rubrics::Sha256Hex(text)))
      .substr(0, 40);
}

absl::StatusOr<AuthorNamer> AuthorNamer::Create(const std::string& pattern) {
  if (pattern.empty()) return AuthorNamer(nullptr);
  auto compiled = std::make_shared<const re2::RE2>(pattern, RE2::Quiet);
  if (!compiled->ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--author-pattern '", pattern,
                     "' is not a valid RE2 regex: ", compiled->error()));
  }
  if (compiled->NumberOfCapturingGroups() != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("--author-pattern '", pattern,
                     "' must have exactly one capture "
                     "group, the author (it has ",
                     compiled->NumberOfCapturingGroups(), ")"));
  }
  return AuthorNamer(std::move(compiled));
}

absl::StatusOr<std::string> AuthorNamer::AuthorOf(
    const std::string& path) const {
  if (pattern_ == nullptr) return FileStem(path);
  std::string name = BaseName(path);
  re2::StringPiece author;
  if (!RE2::PartialMatch(name, *pattern_, &author) || author.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("file name '", name, "' does not match --author-pattern '",
                     pattern_->pattern(), "'"));
  }
  return std::string(author.data(), author.size());
}

}  // namespace marginalia::client
