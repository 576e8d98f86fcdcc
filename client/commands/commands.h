// Each subcommand registers itself on the app. Its callback runs when the
// subcommand is given and stores the process exit code in `*exit_code`.
#pragma once

#include <google/protobuf/message.h>

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>

#include "client/cli_context.h"

namespace marginalia::client {

void AddScoreCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddSubmitCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddFeedbackCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddListCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddRubricCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddUserCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddCourseCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddAssignmentCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddEnrolCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddTokenCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddCommentCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddGradeCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddPeerCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddReviewCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddAuditCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddStatsCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddExportCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddBatchCommand(CLI::App& app, CliContext& context, int* exit_code);

// Adds "--format text|json" to `command`, with "|html" when `allow_html`.
void AddFormatOption(CLI::App* command, Format* format,
                     bool allow_html = false);

// Ends a command that made one call: reports a failed `status` (exit 1),
// else prints `response` as JSON or, for text, calls `text`.
int Finish(CliContext& context, const grpc::Status& status,
           const google::protobuf::Message& response, Format format,
           const std::function<void(std::ostream&)>& text);

}  // namespace marginalia::client
