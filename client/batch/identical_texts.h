// Essays by different students with identical texts (the same SHA-256 of
// the stored, normalised text, which the server keeps for each
// submission). Each student's copy is stored; these functions let a batch
// summary and the tutor's list point the copies out. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "marginalia/v1/submission.pb.h"

namespace marginalia::client {

// One text handed in by two or more different authors.
struct IdenticalText {
  std::string content_sha256;
  // Distinct authors, sorted.
  std::vector<std::string> authors;
  // Positions in the input of every submission with this text, in order.
  std::vector<std::size_t> indices;
};

// The texts of `submissions` that more than one author handed in, ordered
// by their first submission. Several drafts of one author with the same
// text are not flagged; submissions without a hash are ignored.
std::vector<IdenticalText> FindIdenticalTexts(
    const std::vector<marginalia::v1::Submission>& submissions);

// For each submission, the other authors (sorted) who handed in the same
// text; empty when nobody else did.
std::vector<std::vector<std::string>> OthersWithSameText(
    const std::vector<marginalia::v1::Submission>& submissions);

}  // namespace marginalia::client
