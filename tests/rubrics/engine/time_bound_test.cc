// Scoring time on adversarial essays: for every generator, scoring 1 MiB
// stays under a stated bound on the 2-core CI machine, and doubling the
// input at most ~2.5x the cost (min of a few runs, to shed noise). A pass
// that is quadratic in paragraphs, sentences, citations, brackets or
// pattern matches fails here long before it reaches 1 MiB.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <string>

#include "rubrics/document/normalize.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_loader.h"
#include "rubrics/rubric/rubric_registry.h"
#include "tests/rubrics/engine/adversarial_inputs.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MARGINALIA_TIME_BOUND_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MARGINALIA_TIME_BOUND_SANITIZED 1
#endif

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using testing::AdversarialInput;

// The stated bound: 1 MiB of any shape is scored within 2 s on this 2-core
// machine in an optimised build. Sanitizer and debug builds are many times
// slower, so they check the doubling only, on smaller inputs, and stop
// at a generous cap so that a quadratic pass fails instead of hanging.
// Sizes double from the smallest, so that a quadratic pass passes the cap
// early; the growth is checked on the last doublings, where the timings
// stand well above the noise. Sanitized builds check the last one only,
// allowing 3x rather than 2.5x: AddressSanitizer's allocator shifts costs
// between sizes (runs measured 0.056 s at 64 KiB, 0.198 s at 128 KiB and
// 0.360 s at 256 KiB; another 2.64x on one doubling, while fuzzers shared
// the machine), and a quadratic pass still quadruples at the last doubling.
#if defined(MARGINALIA_TIME_BOUND_SANITIZED) || !defined(NDEBUG)
constexpr bool kCheckAbsoluteBound = false;
constexpr std::size_t kLargestInput = 256u << 10;
constexpr double kCapSeconds = 30;
constexpr std::size_t kSmallestCompared = kLargestInput / 2;
constexpr double kMaxGrowth = 3.0;
#else
constexpr bool kCheckAbsoluteBound = true;
constexpr std::size_t kLargestInput = 1u << 20;
constexpr double kCapSeconds = 2;
constexpr std::size_t kSmallestCompared = kLargestInput / 4;
constexpr double kMaxGrowth = 2.5;
#endif
constexpr std::size_t kSmallestInput = 32u << 10;
// Below this, timer and allocator noise dominate the ratio.
constexpr double kNoiseSeconds = 0.02;
constexpr int kRuns = 5;

class TimeBoundTest : public ::testing::TestWithParam<AdversarialInput> {
 protected:
  void SetUp() override {
    absl::StatusOr<RubricRegistry> registry = RubricRegistry::BuiltIn();
    ASSERT_TRUE(registry.ok()) << registry.status();
    auto builtin = registry->Find(kDefaultRubricId);
    ASSERT_TRUE(builtin.ok()) << builtin.status();
    rubric_ = *builtin;
    if (GetParam().patterns.empty()) return;
    v1::Rubric proto = (*builtin)->proto();
    proto.set_id("inline-patterns");
    for (std::size_t i = 0; i < GetParam().patterns.size(); ++i) {
      v1::PatternCheck* check = proto.add_patterns();
      check->set_code("style.p" + std::to_string(i));
      check->set_pattern(GetParam().patterns[i]);
      check->set_message("A tutor's pattern matched.");
    }
    RubricValidation validation = ValidateRubric(proto, "inline");
    ASSERT_TRUE(validation.ok()) << validation.errors.front();
    rubric_ = validation.rubric;
  }

  // CPU seconds of this thread to normalise and score `text` once: CPU
  // time, not wall time, so that other work on a busy machine does not
  // count against the engine.
  double ScoreSeconds(const std::string& text) {
    double start = ThreadCpuSeconds();
    absl::StatusOr<std::string> normalised = NormalizeEssayText(text);
    if (normalised.ok()) {
      absl::StatusOr<v1::FeedbackReport> report =
          engine_.Score(*normalised, *rubric_);
      EXPECT_TRUE(report.ok()) << report.status();
    }
    return ThreadCpuSeconds() - start;
  }

  static double ThreadCpuSeconds() {
    timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + now.tv_nsec * 1e-9;
  }

  // The fastest of kRuns (one run when that one already passes the cap).
  double MinSeconds(const std::string& text) {
    double best = ScoreSeconds(text);
    for (int run = 1; run < kRuns && best < kCapSeconds; ++run) {
      best = std::min(best, ScoreSeconds(text));
    }
    return best;
  }

  Engine engine_;
  std::shared_ptr<const CompiledRubric> rubric_;
};

TEST_P(TimeBoundTest, LinearUpToOneMebibyte) {
  const AdversarialInput& input = GetParam();
  double previous = 0;
  for (std::size_t bytes = kSmallestInput; bytes <= kLargestInput; bytes *= 2) {
    std::string text = input.generate(bytes);
    double seconds = MinSeconds(text);
    std::printf("[ time     ] %s %zu KiB: %.3f s\n", input.name.c_str(),
                bytes >> 10, seconds);
    if (previous > 0 && bytes > kSmallestCompared) {
      EXPECT_LE(seconds, kMaxGrowth * previous + kNoiseSeconds)
          << input.name << ": doubling to " << (bytes >> 10)
          << " KiB multiplied the cost by " << seconds / previous;
    }
    if (seconds > kCapSeconds) {
      ADD_FAILURE() << input.name << " took " << seconds << " s at "
                    << (bytes >> 10) << " KiB (bound " << kCapSeconds << " s)";
      return;
    }
    previous = seconds;
  }
  if (!kCheckAbsoluteBound) {
    std::printf("[ time     ] absolute bound not checked in this build\n");
  }
}

std::string InputName(const ::testing::TestParamInfo<AdversarialInput>& p) {
  return p.param.name;
}

INSTANTIATE_TEST_SUITE_P(Adversarial, TimeBoundTest,
                         ::testing::ValuesIn(testing::AdversarialInputs()),
                         InputName);

}  // namespace
}  // namespace marginalia::rubrics
