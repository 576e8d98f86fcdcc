#include "server/core/admission.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace marginalia::server {
namespace {

// Weight of the newest ticket in the mean.
constexpr double kNewestWeight = 0.1;

}  // namespace

Admission::Ticket::Ticket(Ticket&& other) noexcept
    : admission_(other.admission_), start_(other.start_) {
  other.admission_ = nullptr;
}

Admission::Ticket::~Ticket() {
  if (admission_ != nullptr) admission_->Release(start_);
}

absl::StatusOr<Admission::Ticket> Admission::Admit() {
  absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  if (pending_ >= max_pending_) {
    int64_t ms = static_cast<int64_t>(
        std::ceil(absl::ToDoubleMilliseconds(std::max(mean_, kMinRetryAfter))));
    return absl::ResourceExhaustedError(
        absl::StrCat(kServerBusy, ": submissions in progress at the limit of ",
                     max_pending_, "; retry after ", ms, " ms"));
  }
  ++pending_;
  return Ticket(this, now);
}

void Admission::Release(absl::Time start) {
  absl::Duration took = clock_->Now() - start;
  absl::MutexLock lock(&mutex_);
  --pending_;
  mean_ = (1 - kNewestWeight) * mean_ + kNewestWeight * took;
}

}  // namespace marginalia::server
