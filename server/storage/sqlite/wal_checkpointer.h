// Checkpoints a WAL database on a thread of its own, so that no commit pays
// for copying the log into the database file (SQLite's automatic checkpoint
// runs inside the commit that crosses its threshold: 8-13 ms of fsync every
// couple of seconds under load).
//
// GUARANTEES
//  G1. Durability is the writer's: a commit is durable once its WAL frames
//      are synced; a checkpoint only copies synced frames, and one cut short
//      by kill -9 is finished by the next opening of the database.
//  G2. Never blocks the writer: PASSIVE checkpoints take no write lock; a
//      frame written meanwhile waits for the next one.
//  G3. The WAL stays under about kRestartFrames pages: past them, a
//      RESTART checkpoint holds writers off while it copies the frames
//      written since the PASSIVE one (a millisecond or two), so that the
//      next commit starts the log again from its beginning.
//
// LIMITS
//  A reader that holds one snapshot for long keeps frames from being
//  copied; the log then grows until it lets go.
//
// Thread-safe; owns its connection and thread, which the destructor stops
// after one last checkpoint.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/storage/sqlite/sqlite_db.h"

namespace marginalia::server {

class WalCheckpointer {
 public:
  // Frames in the log (16 MiB of 4 KiB pages) past which it is restarted.
  static constexpr int64_t kRestartFrames = 4096;

  // Opens a connection of its own to the WAL database at `path` and starts
  // checkpointing it every `period`. The writer's connection must have its
  // automatic checkpoints off ("PRAGMA wal_autocheckpoint = 0").
  static absl::StatusOr<std::unique_ptr<WalCheckpointer>> Start(
      const std::string& path, bool synchronous_full,
      absl::Duration period = absl::Milliseconds(100));
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Checkpoints now, on the caller's thread (for tests).
  absl::Status CheckpointForTest();

 private:
  WalCheckpointer(std::unique_ptr<SqliteDb> db, absl::Duration period);
  void Loop();
  // A PASSIVE checkpoint, then a RESTART one past kRestartFrames (G3).
  absl::Status CheckpointLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // One checkpoint in `mode`: the frames in the log.
  absl::StatusOr<int64_t> CheckpointLocked(absl::string_view mode)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const absl::Duration period_;
  absl::Mutex mutex_;
  std::unique_ptr<SqliteDb> db_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::thread thread_;
};

}  // namespace marginalia::server
