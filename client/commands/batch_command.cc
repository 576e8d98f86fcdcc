// marginalia batch PATH... --assignment ID [--rubric ID] [--jobs N]
//                  [--out results.csv|results.json] [--html DIR]
//                  [--author-pattern REGEX] [--verbose]
//
// Exit codes: 0 every essay stored (now or by an earlier run); 1 some
// essays failed (each listed with its reason) or the stream broke; 2 usage
// error; 130 stopped by Ctrl-C (what was stored stays stored).
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "client/batch/batch_inputs.h"
#include "client/batch/batch_outputs.h"
#include "client/batch/batch_runner.h"
#include "client/batch/cohort.h"
#include "client/batch/cohort_stats.h"
#include "client/batch/feedback_fetcher.h"
#include "client/batch/identical_texts.h"
#include "client/batch/interrupt_flag.h"
#include "client/batch/progress_display.h"
#include "client/commands/commands.h"
#include "client/output/cohort_text.h"
#include "marginalia/v1/admin.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

// Parallel calls reading feedback back while the batch streams.
constexpr int kFetchThreads = 2;

struct BatchArgs {
  std::vector<std::string> paths;
  std::string assignment;
  std::string rubric;
  std::string out;
  std::string html;
  std::string author_pattern;
  int jobs = 64;
  bool verbose = false;
};

std::string OutcomeLine(const EssayOutcome& essay) {
  switch (essay.state) {
    case EssayState::kFailed:
      return absl::StrFormat("failed: %s: %s", essay.path, essay.reason);
    case EssayState::kStored:
      return absl::StrFormat("stored: %s -> %s", essay.path,
                             essay.submission.id());
    default:
      return absl::StrFormat("already stored: %s -> %s", essay.path,
                             essay.submission.id());
  }
}

// Streams the essays with a progress display on stderr, handing each stored
// one to `fetcher` as soon as it is answered.
std::vector<EssayOutcome> SendEssays(const BatchArgs& args,
                                     const std::vector<BatchInput>& inputs,
                                     const AuthorNamer& authors,
                                     const std::atomic<bool>* stop,
                                     FeedbackFetcher* fetcher,
                                     CliContext& context,
                                     grpc::Status* stream_status) {
  ProgressOptions progress_options;
  progress_options.terminal = isatty(STDERR_FILENO) == 1;
  ProgressDisplay display(&context.err(), progress_options, absl::Now());
  auto stub = v1::SubmissionService::NewStub(context.Channel());
  BatchRunner runner(stub.get(), &authors, {args.assignment, args.jobs}, stop);
  BatchCounts last;
  last.total = static_cast<int>(inputs.size());
  auto progress = [&](std::size_t index, const EssayOutcome& essay,
                      const BatchCounts& counts) {
    // The stream answers a new essay with its report; the fetcher reads the
    // rest (essays stored earlier, and the text an HTML page needs).
    bool complete = essay.report.has_value() && args.html.empty();
    if (!essay.submission.id().empty() && !complete) {
      fetcher->Add(index, essay.submission.id());
    }
    if (essay.state == EssayState::kFailed || args.verbose) {
      display.PrintLine(OutcomeLine(essay));
    }
    display.Update(counts, absl::Now());
    last = counts;
  };
  std::unique_ptr<grpc::ClientContext> call = context.NewStreamContext();
  std::vector<EssayOutcome> outcomes =
      runner.Run(inputs, call.get(), progress, stream_status);
  display.Finish(last, absl::Now());
  return outcomes;
}

void PrintCounts(const std::vector<CohortEssay>& essays, bool interrupted,
                 std::ostream& out) {
  int counts[5] = {0, 0, 0, 0, 0};
  for (const CohortEssay& essay : essays) {
    ++counts[static_cast<int>(essay.outcome.state)];
  }
  out << absl::StrFormat("%d essays: %d stored, %d already stored, %d failed",
                         essays.size(),
                         counts[static_cast<int>(EssayState::kStored)],
                         counts[static_cast<int>(EssayState::kAlreadyStored)],
                         counts[static_cast<int>(EssayState::kFailed)]);
  int unsent = counts[static_cast<int>(EssayState::kNotSent)];
  int unanswered = counts[static_cast<int>(EssayState::kInFlight)];
  if (unsent > 0) out << absl::StrFormat(", %d not stored", unsent);
  if (unanswered > 0) {
    out << absl::StrFormat(", %d unanswered (perhaps stored)", unanswered);
  }
  out << (interrupted ? " (stopped by Ctrl-C; run again to finish)\n" : "\n");
  for (const CohortEssay& essay : essays) {
    if (essay.outcome.state == EssayState::kFailed) {
      out << "  failed: " << essay.outcome.path << ": " << essay.outcome.reason
          << "\n";
    }
  }
}

// Identical texts handed in by different students: each is stored, and the
// tutor should know.
void PrintIdenticalTexts(const std::vector<CohortEssay>& essays,
                         std::ostream& out) {
  std::vector<v1::Submission> stored;
  std::vector<const CohortEssay*> of;
  for (const CohortEssay& essay : essays) {
    if (essay.outcome.submission.id().empty()) continue;
    stored.push_back(essay.outcome.submission);
    of.push_back(&essay);
  }
  std::vector<IdenticalText> shared = FindIdenticalTexts(stored);
  if (shared.empty()) return;
  out << "\nIdentical texts from different students (each stored; same "
         "SHA-256):\n";
  for (const IdenticalText& text : shared) {
    std::vector<std::string> files;
    for (std::size_t i : text.indices) files.push_back(of[i]->outcome.path);
    out << "  " << absl::StrJoin(text.authors, ", ") << ": "
        << absl::StrJoin(files, ", ") << " (sha256 "
        << text.content_sha256.substr(0, 12) << ")\n";
  }
}

// Writes --html pages and the --out table; false (the error printed) when
// one could not be written.
bool WriteFiles(const BatchArgs& args, std::vector<CohortEssay>& essays,
                const std::vector<std::size_t>& scored,
                const CohortStats& stats, CliContext& context) {
  absl::Status html =
      args.html.empty()
          ? absl::OkStatus()
          : WriteHtmlPages(args.html, args.assignment, &essays, scored, stats);
  if (!html.ok()) context.ReportError(std::string(html.message()));
  absl::Status out =
      args.out.empty() ? absl::OkStatus() : WriteResults(args.out, essays);
  if (!out.ok()) context.ReportError(std::string(out.message()));
  return html.ok() && out.ok();
}

// Writes the requested files and prints the summary. Returns false when a
// file could not be written.
bool Report(const BatchArgs& args, std::vector<CohortEssay>& essays,
            bool interrupted, CliContext& context) {
  std::vector<const v1::FeedbackReport*> reports;
  std::vector<std::size_t> scored;
  for (std::size_t i = 0; i < essays.size(); ++i) {
    if (!essays[i].has_feedback) continue;
    reports.push_back(&essays[i].feedback.report());
    scored.push_back(i);
  }
  CohortStats stats = ComputeCohortStats(reports);
  bool written = WriteFiles(args, essays, scored, stats, context);
  PrintCounts(essays, interrupted, context.out());
  PrintIdenticalTexts(essays, context.out());
  PrintCohortSummary(essays, scored, stats, context.out());
  if (written && !args.out.empty()) {
    context.out() << "\nResults: " << args.out << "\n";
  }
  if (written && !args.html.empty()) {
    context.out() << "Pages: " << args.html << "/index.html\n";
  }
  return written;
}

// The assignment pins its rubric; --rubric only guards against scoring a
// cohort with another one than the caller expects. Returns kExitOk when it
// matches, else reports why and returns the exit code.
int CheckPinnedRubric(const BatchArgs& args, CliContext& context) {
  auto admin = v1::AdminService::NewStub(context.Channel());
  v1::GetAssignmentRequest request;
  request.set_id(args.assignment);
  v1::GetAssignmentResponse response;
  grpc::Status status =
      admin->GetAssignment(context.NewCallContext().get(), request, &response);
  if (!status.ok()) return context.ReportRpcError(status);
  const v1::Assignment& assignment = response.assignment();
  if (assignment.rubric_id() == args.rubric) return kExitOk;
  return context.ReportError(absl::StrFormat(
      "assignment '%s' is scored with rubric '%s' v%d, not '%s'; move it "
      "first with: marginalia assignment set-rubric %s --rubric %s --reason "
      "WHY",
      assignment.id(), assignment.rubric_id(), assignment.rubric_version(),
      args.rubric, assignment.id(), args.rubric));
}

int RunBatch(const BatchArgs& args, CliContext& context) {
  if (!args.rubric.empty()) {
    if (int code = CheckPinnedRubric(args, context); code != kExitOk) {
      return code;
    }
  }
  absl::StatusOr<AuthorNamer> authors =
      AuthorNamer::Create(args.author_pattern);
  if (!authors.ok()) {
    context.ReportError(std::string(authors.status().message()));
    return kExitUsage;
  }
  if (absl::Status out = CheckResultsPath(args.out);
      !args.out.empty() && !out.ok()) {
    context.ReportError(std::string(out.message()));
    return kExitUsage;
  }
  std::vector<BatchInput> inputs = ExpandBatchInputs(args.paths);
  if (inputs.empty())
    return context.ReportError("no .txt, .md or .docx files found");
  const std::atomic<bool>* stop = InstallInterruptFlag();
  auto stub = v1::SubmissionService::NewStub(context.Channel());
  FeedbackFetcher fetcher(
      stub.get(), [&context] { return context.NewCallContext(); },
      !args.html.empty(), kFetchThreads, inputs.size());
  grpc::Status stream_status;
  std::vector<EssayOutcome> outcomes = SendEssays(
      args, inputs, *authors, stop, &fetcher, context, &stream_status);
  std::vector<CohortEssay> essays;
  for (EssayOutcome& outcome : outcomes) {
    CohortEssay essay{std::move(outcome), false, {}, "", ""};
    if (essay.outcome.report.has_value()) {
      essay.has_feedback = true;
      *essay.feedback.mutable_submission() = essay.outcome.submission;
      *essay.feedback.mutable_report() = *std::move(essay.outcome.report);
      essay.outcome.report.reset();
    }
    essays.push_back(std::move(essay));
  }
  fetcher.Finish(&essays);
  bool interrupted = stop->load();
  bool written = Report(args, essays, interrupted, context);
  if (!stream_status.ok()) return context.ReportRpcError(stream_status);
  if (interrupted) return kExitInterrupted;
  bool all_stored =
      std::all_of(essays.begin(), essays.end(), [](const CohortEssay& e) {
        return e.outcome.state == EssayState::kStored ||
               e.outcome.state == EssayState::kAlreadyStored;
      });
  return all_stored && written ? kExitOk : kExitFailure;
}

}  // namespace

void AddBatchCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* command = app.add_subcommand(
      "batch",
      "Submit a cohort of essays (files, folders, globs of .txt, .md, .docx) "
      "and summarise the results; safe to run again");
  command->add_option("PATH", args->paths, "essay files, folders or globs")
      ->required();
  command
      ->add_option("--assignment", args->assignment,
                   "assignment id (its rubric scores every essay)")
      ->required();
  command->add_option("--rubric", args->rubric,
                      "refuse to start unless the assignment is scored with "
                      "this rubric id");
  command->add_option("--out", args->out,
                      "write one row per essay to this .csv or .json file");
  command->add_option("--html", args->html,
                      "write a page per essay and a cohort page (index.html) "
                      "into this folder");
  command
      ->add_option("--jobs", args->jobs,
                   "essays in flight at once (sent, not yet answered)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  command->add_option("--author-pattern", args->author_pattern,
                      "RE2 regex with one group that finds the author in "
                      "the file name (default: the file name without its "
                      "extension)");
  command->add_flag("-v,--verbose", args->verbose,
                    "print a line for every essay, not only failures");
  command->callback(
      [args, &context, exit_code] { *exit_code = RunBatch(*args, context); });
}

}  // namespace marginalia::client
