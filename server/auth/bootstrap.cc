#include "server/auth/bootstrap.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/auth/audit_actions.h"
#include "server/auth/tokens.h"
#include "server/util/time_util.h"

namespace marginalia::server {
namespace {

constexpr char kPendingSuffix[] = ".first-start";

absl::Status AlreadyThere(const std::string& path) {
  return absl::FailedPreconditionError(absl::StrCat(
      path,
      " already exists but the database has no administrator; it is "
      "never overwritten: move it away (it belongs to another "
      "database) and start again"));
}

// Creates `path` exclusively with mode 0600 and writes `contents`, synced.
absl::Status WriteSecretFile(const std::string& path,
                             const std::string& contents) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return AlreadyThere(path);
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

bool Exists(const std::string& path) {
  struct stat info {};
  return lstat(path.c_str(), &info) == 0;
}

// Removes `path` if it is there.
absl::Status RemoveIfThere(const std::string& path) {
  if (unlink(path.c_str()) == 0 || errno == ENOENT) return absl::OkStatus();
  return absl::InternalError(
      absl::StrCat("cannot remove ", path, ": ", std::strerror(errno)));
}

// Renames `from` to `to` and syncs their folder, so the rename survives a
// power loss.
absl::Status RenameDurably(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("cannot rename ", from, " to ", to,
                                            ": ", std::strerror(errno)));
  }
  std::size_t slash = to.rfind('/');
  std::string folder = slash == std::string::npos ? "." : to.substr(0, slash);
  int fd = open(folder.empty() ? "/" : folder.c_str(),
                O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  return absl::OkStatus();
}

void Step(const FirstStartHookForTest& hook, absl::string_view step) {
  if (hook) hook(step);
}

// First start: builds the database and the token file at their pending
// paths, then renames them into place, the database first.
absl::StatusOr<OpenedStore> CreateFresh(const std::string& db_path,
                                        const std::string& token_path,
                                        const StoreOpener& open_store,
                                        Clock& clock, IdGenerator& ids,
                                        const FirstStartHookForTest& hook) {
  std::string pending_db = db_path + kPendingSuffix;
  std::string pending_token = token_path + kPendingSuffix;
  for (const std::string& left :
       {pending_db, pending_db + "-wal", pending_db + "-shm", pending_token}) {
    RETURN_IF_ERROR(RemoveIfThere(left));
  }
  {
    ASSIGN_OR_RETURN(std::unique_ptr<Store> store, open_store(pending_db));
    Step(hook, "database made");
    RETURN_IF_ERROR(EnsureAdmin(*store, clock, ids, pending_token).status());
    Step(hook, "administrator stored");
  }  // Closing checkpoints the write-ahead log into the file.
  if (Exists(pending_db + "-wal")) {
    return absl::InternalError(
        absl::StrCat("the new database's write-ahead log ", pending_db,
                     "-wal was not checkpointed on closing; start again"));
  }
  RETURN_IF_ERROR(RemoveIfThere(pending_db + "-shm"));
  RETURN_IF_ERROR(RenameDurably(pending_db, db_path));
  Step(hook, "database in place");
  RETURN_IF_ERROR(RenameDurably(pending_token, token_path));
  Step(hook, "token in place");
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, open_store(db_path));
  return OpenedStore{std::move(store), true};
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
  // Audited like any administrator's creation, under the server's name.
  std::vector<marginalia::v1::AuditEvent> events(2);
  for (marginalia::v1::AuditEvent& event : events) {
    *event.mutable_time() = admin.create_time();
    event.set_actor(kServerActor);
    event.set_reason("first start");
  }
  events[0].set_action(kUserCreateAction);
  events[0].set_new_value(UserAuditName(admin));
  events[1].set_action(kTokenCreateAction);
  events[1].set_new_value(TokenAuditName(token.record.token));
  absl::Status stored = store.CreateUserWithToken(admin, token.record, events);
  if (!stored.ok()) {
    unlink(token_path.c_str());
    return stored;
  }
  return true;
}

absl::StatusOr<OpenedStore> OpenWithAdmin(const std::string& db_path,
                                          const std::string& token_path,
                                          const StoreOpener& open_store,
                                          Clock& clock, IdGenerator& ids,
                                          const FirstStartHookForTest& hook) {
  bool fresh = db_path != ":memory:" && !Exists(db_path);
  if (fresh) {
    if (Exists(token_path)) return AlreadyThere(token_path);
    return CreateFresh(db_path, token_path, open_store, clock, ids, hook);
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, open_store(db_path));
  ASSIGN_OR_RETURN(bool has_admin, store->HasAdmin());
  std::string pending_token = token_path + kPendingSuffix;
  if (has_admin && !Exists(token_path) && Exists(pending_token)) {
    // A first start was killed between its two renames: finish it.
    RETURN_IF_ERROR(RenameDurably(pending_token, token_path));
    return OpenedStore{std::move(store), true};
  }
  ASSIGN_OR_RETURN(bool created, EnsureAdmin(*store, clock, ids, token_path));
  return OpenedStore{std::move(store), created};
}

}  // namespace marginalia::server
