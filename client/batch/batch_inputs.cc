#include "client/batch/batch_inputs.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "client/input/essay_file.h"

namespace marginalia::client {
namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// Essay files under `folder`, sorted by path; hidden files and folders are
// skipped.
std::vector<std::string> FolderEssays(const std::string& folder) {
  std::vector<std::string> found;
  std::error_code error;
  fs::recursive_directory_iterator it(
      folder, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (IsHidden(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_directory(error) && IsEssayFileName(it->path().string())) {
      found.push_back(it->path().string());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// The paths matching a glob pattern, sorted; empty when none match.
std::vector<std::string> GlobMatches(const std::string& pattern) {
  std::vector<std::string> matches;
  glob_t result{};
  if (glob(pattern.c_str(), 0, nullptr, &result) == 0) {
    for (std::size_t i = 0; i < result.gl_pathc; ++i) {
      matches.push_back(result.gl_pathv[i]);
    }
  }
  globfree(&result);
  return matches;
}

class InputList {
 public:
  void AddFile(const std::string& path, bool named) {
    if (!named && !IsEssayFileName(path)) return;
    if (!seen_.insert(fs::absolute(path).lexically_normal().string()).second) {
      return;
    }
    if (IsEssayFileName(path)) {
      inputs_.push_back({path, ""});
    } else {
      inputs_.push_back(
          {path, "unsupported file type (expected .txt, .md or .docx)"});
    }
  }
  void AddProblem(const std::string& path, const std::string& problem) {
    inputs_.push_back({path, problem});
  }
  std::vector<BatchInput> Take() { return std::move(inputs_); }

 private:
  std::set<std::string> seen_;
  std::vector<BatchInput> inputs_;
};

}  // namespace

std::vector<BatchInput> ExpandBatchInputs(
    const std::vector<std::string>& arguments) {
  InputList list;
  for (const std::string& argument : arguments) {
    std::error_code error;
    if (fs::is_directory(argument, error)) {
      for (const std::string& file : FolderEssays(argument)) {
        list.AddFile(file, false);
      }
    } else if (fs::exists(argument, error)) {
      list.AddFile(argument, true);
    } else if (argument.find_first_of("*?[") != std::string::npos) {
      std::vector<std::string> matches = GlobMatches(argument);
      if (matches.empty()) list.AddProblem(argument, "no file matches");
      for (const std::string& match : matches) {
        if (fs::is_directory(match, error)) continue;
        list.AddFile(match, false);
      }
    } else {
      list.AddProblem(argument, "no such file or folder");
    }
  }
  return list.Take();
}

}  // namespace marginalia::client
