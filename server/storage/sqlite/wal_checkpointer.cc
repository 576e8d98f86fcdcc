#include "server/storage/sqlite/wal_checkpointer.h"

#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/util/log.h"

namespace marginalia::server {

absl::StatusOr<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(
    const std::string& path, bool synchronous_full, absl::Duration period) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db,
                   SqliteDb::Open(path, synchronous_full));
  return std::unique_ptr<WalCheckpointer>(
      new WalCheckpointer(std::move(db), period));
}

WalCheckpointer::WalCheckpointer(std::unique_ptr<SqliteDb> db,
                                 absl::Duration period)
    : period_(period), db_(std::move(db)) {
  thread_ = std::thread([this] { Loop(); });
}

WalCheckpointer::~WalCheckpointer() {
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  thread_.join();
}

absl::Status WalCheckpointer::CheckpointForTest() {
  absl::MutexLock lock(&mutex_);
  return CheckpointLocked();
}

absl::Status WalCheckpointer::CheckpointLocked() {
  ASSIGN_OR_RETURN(int64_t frames, CheckpointLocked("PASSIVE"));
  if (frames < kRestartFrames) return absl::OkStatus();
  // A writer restarts the log only when it finds every frame copied, which
  // a steady stream of commits prevents, and the log then grows without
  // bound: copy the few frames written meanwhile with writers held off.
  return CheckpointLocked("RESTART").status();
}

absl::StatusOr<int64_t> WalCheckpointer::CheckpointLocked(
    absl::string_view mode) {
  ASSIGN_OR_RETURN(
      Statement checkpoint,
      db_->Prepare(absl::StrCat("PRAGMA wal_checkpoint(", mode, ")")));
  ASSIGN_OR_RETURN(bool row, checkpoint.Step());
  // Columns: busy, frames in the log, frames copied.
  return row ? checkpoint.ColumnInt(1) : 0;
}

void WalCheckpointer::Loop() {
  absl::MutexLock lock(&mutex_);
  bool stopping = false;
  while (!stopping) {
    stopping = mutex_.AwaitWithTimeout(absl::Condition(&stopping_), period_);
    if (absl::Status status = CheckpointLocked(); !status.ok()) {
      LogError("WAL checkpoint failed (tried again later): ", status.message());
    }
  }
}

}  // namespace marginalia::server
