#include "rubrics/control/score_guard.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace marginalia::rubrics {

ScoreGuard::ScoreGuard() = default;

ScoreGuard::ScoreGuard(const ScoreLimits& limits)
    : limits_(&limits), start_(Now()) {}

absl::Time ScoreGuard::Now() const {
  return limits_ != nullptr && limits_->now ? limits_->now() : absl::Now();
}

bool ScoreGuard::Check(absl::string_view where) {
  if (stopped_) return true;
  if (limits_ == nullptr) return false;
  if (limits_->cancelled && limits_->cancelled()) {
    Stop(absl::CancelledError(
        absl::StrCat("scoring cancelled by the caller (at ", where, ")")));
    return true;
  }
  absl::Time now = Now();
  std::string ran = absl::FormatDuration(now - start_);
  if (now >= limits_->deadline) {
    Stop(absl::DeadlineExceededError(
        absl::StrCat("scoring passed the caller's deadline after ", ran,
                     " (at ", where, "); no report was produced")));
  } else if (now - start_ >= limits_->budget) {
    Stop(absl::ResourceExhaustedError(absl::StrCat(
        "scoring exceeded its time budget of ",
        absl::FormatDuration(limits_->budget), " (ran ", ran, ", at ", where,
        "); no report was produced: shorten the essay or simplify the "
        "rubric's patterns")));
  }
  return stopped_;
}

void ScoreGuard::Stop(absl::Status status) {
  stopped_ = true;
  status_ = std::move(status);
}

}  // namespace marginalia::rubrics
