// parley command-line front end: a thin layer over parley_core.
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"parley: news text in, CAMEO political events out"};
  app.require_subcommand(1);
  int exit_code = 0;
  parley::cli::AddCodeCommand(&app, &exit_code);
  parley::cli::AddValidateCommand(&app, &exit_code);
  parley::cli::AddScoreCommand(&app, &exit_code);
  parley::cli::AddExplainCommand(&app, &exit_code);
  parley::cli::AddDyadCommand(&app, &exit_code);
  parley::cli::AddEventsCommand(&app, &exit_code);
  parley::cli::AddTopCommand(&app, &exit_code);
  parley::cli::AddExportCommand(&app, &exit_code);
  parley::cli::AddStoriesCommand(&app, &exit_code);
  parley::cli::AddServeCommand(&app, &exit_code);
  parley::cli::AddMergeCommand(&app, &exit_code);
  parley::cli::AddSyntaxCommand(&app, &exit_code);
  parley::cli::AddParseCommand(&app, &exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
