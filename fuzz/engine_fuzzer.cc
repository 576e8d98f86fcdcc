// The engine on raw bytes: normalised text is scored with a built-in rubric
// (chosen by the first byte); every span must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "rubrics/document/normalize.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_registry.h"

namespace {

using marginalia::rubrics::CompiledRubric;
using marginalia::rubrics::Engine;
using marginalia::rubrics::RubricRegistry;

struct Fixture {
  Engine engine;
  std::vector<std::shared_ptr<const CompiledRubric>> rubrics;
};

const Fixture& GetFixture() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture();
    f->rubrics = RubricRegistry::BuiltIn()->All();
    return f;
  }();
  return *fixture;
}

void CheckSpan(const marginalia::v1::Span& span, std::size_t size) {
  if (span.begin() > span.end() || span.end() > size) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Fixture& fixture = GetFixture();
  const CompiledRubric& rubric =
      *fixture.rubrics[data[0] % fixture.rubrics.size()];
  auto text = marginalia::rubrics::NormalizeEssayText(
      std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  if (!text.ok()) return 0;
  auto report = fixture.engine.Score(*text, rubric);
  if (!report.ok()) return 0;
  for (const auto& f : report->findings()) CheckSpan(f.span(), text->size());
  for (const auto& c : report->citations()) CheckSpan(c.span(), text->size());
  return 0;
}
