// Turns the PATH arguments of `marginalia batch` into the list of essay
// files to submit: files as given, folders searched recursively, and glob
// patterns expanded (for patterns the shell did not expand).
#pragma once

#include <string>
#include <vector>

namespace marginalia::client {

// One file the batch will handle, or one argument it cannot.
struct BatchInput {
  std::string path;
  // Non-empty when the input cannot be submitted (missing file, unsupported
  // type); the batch reports it as failed with this reason.
  std::string problem;
};

// Every essay file (.txt, .md, .docx) named by `arguments`, each once, in
// the order given, folders' contents sorted by path. Inside folders other
// files and hidden entries are skipped silently; a file named explicitly
// with another extension, or an argument matching nothing, becomes an input
// with a problem.
std::vector<BatchInput> ExpandBatchInputs(
    const std::vector<std::string>& arguments);

}  // namespace marginalia::client
