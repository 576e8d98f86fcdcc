// RETURN_IF_ERROR and ASSIGN_OR_RETURN for absl::Status / absl::StatusOr,
// which Debian's Abseil 20220623 does not ship.
#pragma once

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define MARGINALIA_STATUS_CONCAT_INNER(a, b) a##b
#define MARGINALIA_STATUS_CONCAT(a, b) MARGINALIA_STATUS_CONCAT_INNER(a, b)

// Returns the status of `expr` from the enclosing function if it is not OK.
#define RETURN_IF_ERROR(expr)                                                 \
  do {                                                                        \
    if (absl::Status marginalia_status_ = (expr); !marginalia_status_.ok()) { \
      return marginalia_status_;                                              \
    }                                                                         \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status,
// otherwise moves the value into `lhs`, which may be a declaration:
//   ASSIGN_OR_RETURN(Document doc, Segment(text));
#define ASSIGN_OR_RETURN(lhs, rexpr) \
  MARGINALIA_ASSIGN_OR_RETURN_IMPL(  \
      MARGINALIA_STATUS_CONCAT(marginalia_statusor_, __LINE__), lhs, rexpr)

#define MARGINALIA_ASSIGN_OR_RETURN_IMPL(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                     \
  if (!statusor.ok()) return std::move(statusor).status();     \
  lhs = *std::move(statusor)
