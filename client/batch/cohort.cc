#include "client/batch/cohort.h"

#include <algorithm>

namespace marginalia::client {

const char* StateName(EssayState state) {
  switch (state) {
    case EssayState::kStored:
      return "stored";
    case EssayState::kAlreadyStored:
      return "already_stored";
    case EssayState::kFailed:
      return "failed";
    case EssayState::kInFlight:
      return "no_answer";
    case EssayState::kNotSent:
      return "not_sent";
  }
  return "unknown";
}

std::vector<std::string> FindingCodes(
    const marginalia::v1::FeedbackReport& report) {
  std::vector<std::string> codes;
  for (const marginalia::v1::Finding& f : report.findings()) {
    if (std::find(codes.begin(), codes.end(), f.code()) == codes.end()) {
      codes.push_back(f.code());
    }
  }
  return codes;
}

}  // namespace marginalia::client
