// marginalia-eval: measures the rubric engine against gold annotations of
// real essays (eval/manifest.textproto), the Argument Annotated Essays and
// anystyle's labelled reference strings, and fails below eval/floors.
//
//   marginalia-eval [--corpora DIR] [--eval DIR] [--misses N]
//                   [--essay NAME] [--split dev|heldout]
//                   [--only essays|aae|references]
//                   [--nogate]
//   marginalia-eval --text PATH   the text the engine sees
#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "eval/argument_essays.h"
#include "eval/corpus_text.h"
#include "eval/essay_eval.h"
#include "eval/reference_strings.h"
#include "eval/tally.h"
#include "google/protobuf/text_format.h"
#include "marginalia/eval/gold.pb.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_registry.h"

ABSL_FLAG(std::string, corpora, MARGINALIA_DEFAULT_CORPORA,
          "Folder holding the shared corpora");
ABSL_FLAG(std::string, eval, MARGINALIA_DEFAULT_EVAL_DIR,
          "Folder holding manifest.textproto, floors.textproto and gold/");
ABSL_FLAG(int, misses, 8, "Cases shown per metric below 100% (0: none)");
ABSL_FLAG(std::string, essay, "", "Evaluate only gold files containing this");
ABSL_FLAG(std::string, split, "",
          "Evaluate only the gold essays of this split (dev, heldout)");
ABSL_FLAG(std::string, only, "", "essays, aae or references: one part only");
ABSL_FLAG(bool, gate, true, "Fail below the floors (--nogate: figures only)");
ABSL_FLAG(
    bool, validate, false,
    "Check that the gold files parse and their spans match, score nothing");
ABSL_FLAG(std::string, outline, "",
          "Print the engine's outline and findings for this corpus path "
          "(with --rubric) and exit");
ABSL_FLAG(std::string, rubric, "history-essay", "Rubric for --outline");
ABSL_FLAG(std::string, text, "",
          "Print the text the engine sees for this corpus path and exit");

namespace marginalia::eval {
namespace {

template <typename Message>
absl::StatusOr<Message> ReadTextProto(const std::string& path) {
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  Message message;
  if (!google::protobuf::TextFormat::ParseFromString(*text, &message)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, " is not a valid text proto"));
  }
  return message;
}

absl::Status EvaluateGoldEssays(const std::string& corpora,
                                const std::string& eval_dir,
                                const rubrics::Engine& engine,
                                const rubrics::RubricRegistry& registry,
                                Tally* tally) {
  absl::StatusOr<Manifest> manifest =
      ReadTextProto<Manifest>(eval_dir + "/manifest.textproto");
  if (!manifest.ok()) return manifest.status();
  int essays = 0;
  for (const Manifest::Entry& entry : manifest->essays()) {
    if (!absl::StrContains(entry.gold(), absl::GetFlag(FLAGS_essay))) continue;
    const std::string split = absl::GetFlag(FLAGS_split);
    if (!split.empty() && entry.split() != split) continue;
    absl::StatusOr<EssayGold> gold =
        ReadTextProto<EssayGold>(eval_dir + "/" + entry.gold());
    if (!gold.ok()) return gold.status();
    absl::StatusOr<std::string> text = LoadEssayText(corpora, gold->path());
    if (!text.ok()) return text.status();
    absl::Status spans = CheckGoldSpans(*gold, *text);
    if (!spans.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(entry.gold(), ": ", spans.message()));
    }
    if (absl::GetFlag(FLAGS_validate)) {
      ++essays;
      continue;
    }
    auto rubric = registry.Find(gold->rubric().empty() ? "history-essay"
                                                       : gold->rubric());
    if (!rubric.ok()) return rubric.status();
    absl::StatusOr<v1::FeedbackReport> report = engine.Score(*text, **rubric);
    if (!report.ok()) return report.status();
    std::string name = entry.gold();
    if (absl::StartsWith(name, "gold/")) name = name.substr(5);
    EvaluateEssay(name, *gold, *text, (*rubric)->proto(), *report, tally);
    ++essays;
  }
  tally->Count("essays.evaluated", essays > 0, "no gold essays");
  std::printf("gold essays evaluated: %d\n", essays);
  return absl::OkStatus();
}

// The floors not met, one line each; empty when the gate passes.
std::string CheckFloors(const Floors& floors, const Tally& tally) {
  std::string failures;
  for (const Floors::Floor& floor : floors.floors()) {
    double value = tally.Value(floor.metric());
    if (value < 0) continue;  // part not run (--only, --essay)
    if (value + 1e-9 < floor.min()) {
      absl::StrAppend(&failures, "  ", floor.metric(), ": ", value * 100,
                      "% is below the floor of ", floor.min() * 100, "%\n");
    }
  }
  return failures;
}

int Run() {
  const std::string corpora = absl::GetFlag(FLAGS_corpora);
  const std::string eval_dir = absl::GetFlag(FLAGS_eval);
  if (!absl::GetFlag(FLAGS_text).empty()) {
    absl::StatusOr<std::string> text =
        LoadEssayText(corpora, absl::GetFlag(FLAGS_text));
    if (!text.ok()) {
      std::fprintf(stderr, "%s\n",
                   std::string(text.status().message()).c_str());
      return 1;
    }
    std::fwrite(text->data(), 1, text->size(), stdout);
    return 0;
  }
  rubrics::Engine engine;
  auto registry = rubrics::RubricRegistry::BuiltIn();
  if (!registry.ok()) return 1;
  if (!absl::GetFlag(FLAGS_outline).empty()) {
    absl::StatusOr<std::string> text =
        LoadEssayText(corpora, absl::GetFlag(FLAGS_outline));
    auto rubric = registry->Find(absl::GetFlag(FLAGS_rubric));
    if (!text.ok() || !rubric.ok()) return 1;
    absl::StatusOr<v1::FeedbackReport> report = engine.Score(*text, **rubric);
    if (!report.ok()) return 1;
    std::fputs(FormatOutline(*text, *report).c_str(), stdout);
    return 0;
  }
  Tally tally;
  const std::string only = absl::GetFlag(FLAGS_only);
  absl::Status status;
  if (only.empty() || only == "essays") {
    status.Update(
        EvaluateGoldEssays(corpora, eval_dir, engine, *registry, &tally));
  }
  if (absl::GetFlag(FLAGS_validate)) {
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", std::string(status.message()).c_str());
      return 1;
    }
    std::printf("gold files valid\n");
    return 0;
  }
  if (status.ok() && (only.empty() || only == "aae")) {
    auto rubric = registry->Find("argumentative-essay");
    if (!rubric.ok()) return 1;
    status.Update(EvaluateArgumentEssays(corpora, engine, **rubric, &tally));
  }
  if (status.ok() && (only.empty() || only == "references")) {
    status.Update(EvaluateReferenceStrings(corpora, &tally));
  }
  if (!status.ok()) {
    std::fprintf(stderr, "marginalia-eval: %s\n",
                 std::string(status.message()).c_str());
    return 1;
  }
  int misses = absl::GetFlag(FLAGS_misses);
  std::fputs(FormatTally(tally, misses > 0, misses).c_str(), stdout);
  if (!absl::GetFlag(FLAGS_gate)) return 0;
  absl::StatusOr<Floors> floors =
      ReadTextProto<Floors>(eval_dir + "/floors.textproto");
  if (!floors.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(floors.status().message()).c_str());
    return 1;
  }
  std::string failures = CheckFloors(*floors, tally);
  if (!failures.empty()) {
    std::fprintf(stderr, "below the floors:\n%s", failures.c_str());
    return 1;
  }
  std::printf("all floors met\n");
  return 0;
}

}  // namespace
}  // namespace marginalia::eval

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Measures the rubric engine against gold annotations of real essays");
  absl::ParseCommandLine(argc, argv);
  return marginalia::eval::Run();
}
