// Helpers shared by the SqliteStore's files: page tokens, deterministic
// serialisation and reading a page of rows. Internal to storage/sqlite.
#pragma once

#include <google/protobuf/message.h>

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/status_macros.h"
#include "server/storage/paging.h"
#include "server/storage/sqlite/sqlite_db.h"

namespace marginalia::server::sqlite_internal {

// The seq after which a page starts: 0 for an empty token.
// INVALID_ARGUMENT for a token we did not hand out.
absl::StatusOr<int64_t> ParsePageToken(absl::string_view token);

// The page size to use: 50 for 0, at most 1000. INVALID_ARGUMENT if < 0.
absl::StatusOr<int> CheckPageSize(int page_size);

// Deterministic bytes, so a stored message reads back byte for byte.
std::string SerializeDeterministically(const google::protobuf::Message& m);

// Parses a stored message; DATA_LOSS naming `what` when it is corrupt.
absl::Status ParseStored(absl::string_view bytes, absl::string_view what,
                         google::protobuf::Message* message);

// Reads up to `size` rows of `select` (which asked for size + 1) into a
// page; `read` turns a row into an item and `seq_column` holds the row's seq.
template <typename T, typename Read>
absl::StatusOr<Page<T>> ReadPage(Statement& select, int size, int seq_column,
                                 Read read) {
  Page<T> page;
  int64_t last_seq = 0;
  while (true) {
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    if (static_cast<int>(page.items.size()) == size) {
      page.next_page_token = absl::StrCat(last_seq);
      break;
    }
    ASSIGN_OR_RETURN(T item, read(select));
    page.items.push_back(std::move(item));
    last_seq = select.ColumnInt(seq_column);
  }
  return page;
}

}  // namespace marginalia::server::sqlite_internal
