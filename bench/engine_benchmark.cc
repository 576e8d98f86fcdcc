// Engine throughput: the full analysis of the sample essay (essays per
// second on one core), and cost against size from 1 KB to 1 MB (should be
// linear: bytes per second roughly constant).
//
//   build/bin/engine_benchmark
//   build/bin/engine_benchmark --benchmark_filter=Size
//   build/bin/engine_benchmark --benchmark_filter=Citations  (16 to 4,096
//       sources, each cited four times, with a reference list)
//
// It runs with the allocator the server and CLI use (tcmalloc unless
// configured with -DMARGINALIA_TCMALLOC=OFF); the run prints which.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "rubrics/document/normalize.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_registry.h"

namespace marginalia::rubrics {
namespace {

const std::string& Sample() {
  static const std::string* text = [] {
    std::ifstream in(MARGINALIA_SAMPLE, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto normalised = NormalizeEssayText(buffer.str());
    if (!normalised.ok()) {
      std::fprintf(stderr, "cannot read %s\n", MARGINALIA_SAMPLE);
      std::abort();
    }
    return new std::string(*normalised);
  }();
  return *text;
}

const CompiledRubric& HistoryRubric() {
  static const auto* rubric = new std::shared_ptr<const CompiledRubric>(
      *RubricRegistry::BuiltIn()->Find("history-essay"));
  return **rubric;
}

// An essay of about `bytes`: the sample's title and introduction, then its
// body paragraphs repeated, then its conclusion, so that every analyser has
// realistic work at every size.
std::string EssayOfSize(std::size_t bytes) {
  const std::string& sample = Sample();
  std::size_t body_begin = sample.find("Contextualising");
  std::size_t body_end = sample.find("The outcomes of the First");
  std::string head = sample.substr(0, body_begin);
  std::string body = sample.substr(body_begin, body_end - body_begin);
  std::string tail = sample.substr(body_end);
  std::string essay = head;
  while (essay.size() + tail.size() < bytes) {
    essay += body.substr(0, std::min(body.size(), bytes - essay.size()));
    // Cut on a paragraph boundary so the text stays well formed.
    std::size_t cut = essay.rfind("\n\n");
    if (cut != std::string::npos && cut > head.size()) essay.resize(cut + 2);
  }
  return bytes < head.size() + tail.size() ? sample.substr(0, bytes)
                                           : essay + tail;
}

void BM_ScoreSampleEssay(benchmark::State& state) {
  Engine engine;
  const std::string& text = Sample();
  for (auto _ : state) {
    auto report = engine.Score(text, HistoryRubric());
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * text.size());
  state.SetLabel("items/s = essays/s");
}
BENCHMARK(BM_ScoreSampleEssay);

void BM_ScoreSize(benchmark::State& state) {
  Engine engine;
  std::string text = EssayOfSize(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto report = engine.Score(text, HistoryRubric());
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.SetComplexityN(static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ScoreSize)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 1 << 20)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMicrosecond);

// An essay of `sources` distinct authors, each cited four times (with a
// page) in paragraphs of six citations, and a reference list with an entry
// for each: matching citations to entries must not cost citations x
// entries.
std::string CitationHeavyEssay(int sources) {
  auto name = [](int i) {
    std::string n = "Q";
    for (int k = i; k > 0 || n.size() < 4; k /= 7) n += "aeioubr"[k % 7];
    return n;
  };
  std::string essay = "A Citation-Heavy Essay\n\n";
  for (int c = 0; c < 4 * sources; ++c) {
    int i = (c * 7919) % sources;
    essay += "The plan changed in many ways over the years (" + name(i) + ", " +
             std::to_string(1900 + i % 120) + ", p. " +
             std::to_string(1 + c % 300) + "). ";
    if (c % 6 == 5) essay += "\n\n";
  }
  essay += "\n\nReferences\n\n";
  for (int i = 0; i < sources; ++i) {
    essay += name(i) + ", A. (" + std::to_string(1900 + i % 120) +
             "). A title about history. Publisher.\n\n";
  }
  return essay;
}

void BM_ScoreCitations(benchmark::State& state) {
  Engine engine;
  std::string text = CitationHeavyEssay(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto report = engine.Score(text, HistoryRubric());
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ScoreCitations)
    ->RangeMultiplier(4)
    ->Range(16, 4096)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace marginalia::rubrics

// BENCHMARK_MAIN, plus the allocator in the context the run prints: the
// figures depend on it (see cmake/MarginaliaAllocator.cmake).
int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("allocator", MARGINALIA_ALLOCATOR);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
