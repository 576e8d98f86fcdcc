#include "server/auth/bootstrap.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/auth/tokens.h"
#include "server/util/time_util.h"

namespace marginalia::server {
namespace {

// Creates `path` exclusively with mode 0600 and writes `contents`, synced.
absl::Status WriteSecretFile(const std::string& path,
                             const std::string& contents) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return absl::FailedPreconditionError(absl::StrCat(
          path,
          " already exists but the database has no administrator; it is "
          "never overwritten: move it away (it belongs to another "
          "database) and start again"));
    }
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", path, ": ", std::strerror(errno)));
  }
  // The umask may have narrowed the mode further; make it exactly 0600.
  bool ok = fchmod(fd, 0600) == 0;
  std::size_t written = 0;
  while (ok && written < contents.size()) {
    ssize_t n = write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ok && fsync(fd) == 0;
  int saved = errno;
  ok = close(fd) == 0 && ok;
  if (!ok) {
    unlink(path.c_str());
    return absl::InternalError(
        absl::StrCat("cannot write ", path, ": ", std::strerror(saved)));
  }
  return absl::OkStatus();
}

}  // namespace

std::string DefaultAdminTokenPath(const std::string& db_path) {
  std::size_t slash = db_path.rfind('/');
  std::string folder =
      slash == std::string::npos ? "." : db_path.substr(0, slash);
  if (folder.empty()) folder = "/";
  return absl::StrCat(folder == "/" ? "" : folder, "/admin-token");
}

absl::StatusOr<bool> EnsureAdmin(DirectoryStore& store, Clock& clock,
                                 IdGenerator& ids,
                                 const std::string& token_path) {
  ASSIGN_OR_RETURN(bool has_admin, store.HasAdmin());
  if (has_admin) return false;
  marginalia::v1::User admin;
  admin.set_id(kBootstrapAdminId);
  admin.set_display_name("Administrator");
  admin.set_admin(true);
  *admin.mutable_create_time() = ToTimestamp(clock.Now());
  ASSIGN_OR_RETURN(IssuedToken token,
                   MakeToken(admin.id(), "created on first start", clock, ids));
  RETURN_IF_ERROR(WriteSecretFile(token_path, token.secret + "\n"));
  absl::Status stored = store.CreateUserWithToken(admin, token.record);
  if (!stored.ok()) {
    unlink(token_path.c_str());
    return stored;
  }
  return true;
}

}  // namespace marginalia::server
