#include "client/input/essay_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "client/input/docx_text.h"

namespace marginalia::client {
namespace {

std::string LowerExtension(const std::string& path) {
  std::string base = BaseName(path);
  std::size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  return absl::AsciiStrToLower(base.substr(dot));
}

}  // namespace

bool IsEssayFileName(const std::string& path) {
  std::string extension = LowerExtension(path);
  return extension == ".txt" || extension == ".md" || extension == ".docx";
}

absl::StatusOr<std::string> ReadEssayFile(const std::string& path) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", path, ": ", std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat(path, " is a folder"));
  }
  if (static_cast<std::size_t>(info.st_size) > kMaxEssayFileBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("file is too large (", info.st_size, " bytes; at most ",
                     kMaxEssayFileBytes, ")"));
  }
  if (LowerExtension(path) == ".docx") return ReadDocxText(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", path, ": ", std::strerror(errno)));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    return absl::DataLossError(absl::StrCat("error reading ", path));
  return buffer.str();
}

std::string BaseName(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string FileStem(const std::string& path) {
  std::string base = BaseName(path);
  std::size_t dot = base.rfind('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

}  // namespace marginalia::client
