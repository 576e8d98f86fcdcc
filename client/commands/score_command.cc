// marginalia score FILE [--rubric ID|FILE] [--format text|json]
// Scores an essay in-process with the engine; no server is involved.
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "client/commands/commands.h"
#include "client/input/essay_file.h"
#include "client/output/json_output.h"
#include "client/output/report_text.h"
#include "rubrics/document/normalize.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_loader.h"
#include "rubrics/rubric/rubric_registry.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct ScoreArgs {
  std::string file;
  std::string rubric = std::string(rubrics::kDefaultRubricId);
  Format format = Format::kText;
};

// A rubric argument that names a file is loaded from it; otherwise it is the
// id of a built-in rubric.
absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>> ResolveRubric(
    const std::string& rubric) {
  if (absl::EndsWith(rubric, ".textproto") || absl::StrContains(rubric, '/')) {
    return rubrics::LoadRubricFile(rubric);
  }
  absl::StatusOr<rubrics::RubricRegistry> registry =
      rubrics::RubricRegistry::BuiltIn();
  if (!registry.ok()) return registry.status();
  return registry->Find(rubric);
}

int RunScore(const ScoreArgs& args, CliContext& context) {
  absl::StatusOr<std::string> raw = ReadEssayFile(args.file);
  if (!raw.ok())
    return context.ReportError(std::string(raw.status().message()));
  absl::StatusOr<std::string> text = rubrics::NormalizeEssayText(*raw);
  if (!text.ok()) {
    return context.ReportError(args.file + ": " +
                               std::string(text.status().message()));
  }
  auto rubric = ResolveRubric(args.rubric);
  if (!rubric.ok()) {
    return context.ReportError(std::string(rubric.status().message()));
  }
  rubrics::Engine engine;
  absl::StatusOr<v1::FeedbackReport> report = engine.Score(*text, **rubric);
  if (!report.ok()) {
    return context.ReportError(std::string(report.status().message()));
  }
  if (args.format == Format::kJson) {
    context.out() << ToJson(*report);
  } else {
    PrintReport(*report, *text, context.out());
  }
  return kExitOk;
}

}  // namespace

void AddScoreCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<ScoreArgs>();
  CLI::App* command = app.add_subcommand(
      "score", "Score an essay file in-process (no server needed)");
  command->add_option("FILE", args->file, "the essay (.txt, .md or .docx)")
      ->required();
  command
      ->add_option("--rubric", args->rubric,
                   "built-in rubric id, or a .textproto rubric file")
      ->capture_default_str();
  AddFormatOption(command, &args->format);
  command->callback(
      [args, &context, exit_code] { *exit_code = RunScore(*args, context); });
}

}  // namespace marginalia::client
