#include "server/core/admission.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"

namespace marginalia::server {
namespace {

// Weight of the newest sample in the mean cost.
constexpr double kNewestWeight = 0.1;

int64_t CeilMillis(absl::Duration d) {
  return static_cast<int64_t>(std::ceil(absl::ToDoubleMilliseconds(d)));
}

AdmissionOptions WithAWorker(AdmissionOptions options) {
  options.workers = std::max(options.workers, 1);
  return options;
}

}  // namespace

Admission::Ticket::Ticket(Ticket&& other) noexcept
    : admission_(other.admission_), start_(other.start_) {
  other.admission_ = nullptr;
}

Admission::Ticket::~Ticket() {
  if (admission_ != nullptr) admission_->Release(start_);
}

Admission::Admission(Clock* clock, AdmissionOptions options)
    : clock_(clock),
      options_(WithAWorker(options)),
      last_change_(clock->Now()) {}

absl::StatusOr<Admission::Ticket> Admission::Admit(absl::Time deadline) {
  absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  AdvanceLocked(now);
  if (pending_ >= options_.max_pending) {
    return Busy(absl::StrCat("submissions in progress at the limit of ",
                             options_.max_pending));
  }
  absl::Duration wait = ExpectedWaitLocked();
  if (wait > options_.max_wait) {
    return Busy(absl::StrCat("expected wait ", CeilMillis(wait),
                             " ms, over the limit of ",
                             CeilMillis(options_.max_wait), " ms"));
  }
  if (pending_ > 0 && now + wait > deadline) {
    return Busy(absl::StrCat("expected wait ", CeilMillis(wait),
                             " ms, past the call's deadline"));
  }
  ++pending_;
  return Ticket(this, served_);
}

absl::Duration Admission::ExpectedWait() {
  absl::MutexLock lock(&mutex_);
  return ExpectedWaitLocked();
}

absl::Duration Admission::ExpectedWaitLocked() const {
  return cost_ * static_cast<double>(pending_) / options_.workers;
}

absl::Status Admission::Busy(absl::string_view why) const {
  absl::Duration advice = std::max(ExpectedWaitLocked(), kMinRetryAfter);
  return absl::ResourceExhaustedError(absl::StrCat(
      kServerBusy, ": ", why, kRetryAfter, CeilMillis(advice), " ms"));
}

void Admission::AdvanceLocked(absl::Time now) {
  if (now > last_change_) {
    double sharing = static_cast<double>(pending_) / options_.workers;
    served_ += (now - last_change_) / std::max(1.0, sharing);
    last_change_ = now;
  }
}

void Admission::Release(absl::Duration start) {
  absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  AdvanceLocked(now);
  --pending_;
  cost_ = (1 - kNewestWeight) * cost_ + kNewestWeight * (served_ - start);
}

}  // namespace marginalia::server
