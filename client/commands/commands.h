// Each subcommand registers itself on the app. Its callback runs when the
// subcommand is given and stores the process exit code in `*exit_code`.
#pragma once

#include <CLI/CLI.hpp>

#include "client/cli_context.h"

namespace marginalia::client {

void AddScoreCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddSubmitCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddFeedbackCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddListCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddRubricCommand(CLI::App& app, CliContext& context, int* exit_code);
void AddBatchCommand(CLI::App& app, CliContext& context, int* exit_code);

// Adds "--format text|json" to `command`, with "|html" when `allow_html`.
void AddFormatOption(CLI::App* command, Format* format,
                     bool allow_html = false);

}  // namespace marginalia::client
