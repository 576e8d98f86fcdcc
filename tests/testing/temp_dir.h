// A fresh temporary folder, removed with everything in it on destruction.
#pragma once

#include <string>

namespace marginalia::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path()/name.
  std::string File(const std::string& name) const;

 private:
  std::string path_;
};

// Writes `contents` to `path`, replacing it. Aborts on failure.
void WriteFile(const std::string& path, const std::string& contents);

}  // namespace marginalia::testing
