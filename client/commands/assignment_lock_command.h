// The `assignment lock` and `assignment extend` subcommands: a tutor stops
// an assignment taking new drafts (after its due time and/or once a
// student's feedback is released) and lets one student hand in later.
#pragma once

#include "client/commands/commands.h"

namespace marginalia::client {

// Adds `lock` and `extend` under the `assignment` command.
void AddAssignmentLockCommands(CLI::App* assignment, CliContext& context,
                               int* exit_code);

}  // namespace marginalia::client
