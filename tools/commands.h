// Each parley subcommand registers itself on the CLI11 app and runs from its callback.
#ifndef PARLEY_TOOLS_COMMANDS_H_
#define PARLEY_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace parley::cli {

// Every Add*Command registers a subcommand; when it runs it stores its exit status in
// `*exit_code` (0 success, 1 failure, 2 usage error).
void AddCodeCommand(CLI::App* app, int* exit_code);
void AddValidateCommand(CLI::App* app, int* exit_code);
void AddScoreCommand(CLI::App* app, int* exit_code);
// Analyst workbench (tools/cmd_dyad.cc ... cmd_serve.cc).
void AddExplainCommand(CLI::App* app, int* exit_code);
void AddDyadCommand(CLI::App* app, int* exit_code);
void AddEventsCommand(CLI::App* app, int* exit_code);
void AddTopCommand(CLI::App* app, int* exit_code);
void AddExportCommand(CLI::App* app, int* exit_code);
void AddStoriesCommand(CLI::App* app, int* exit_code);
void AddServeCommand(CLI::App* app, int* exit_code);
// Event store maintenance (tools/cmd_merge.cc).
void AddMergeCommand(CLI::App* app, int* exit_code);
// Syntax: UD tagger and parser (tools/cmd_syntax.cc, cmd_parse.cc).
void AddSyntaxCommand(CLI::App* app, int* exit_code);
void AddParseCommand(CLI::App* app, int* exit_code);

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_COMMANDS_H_
