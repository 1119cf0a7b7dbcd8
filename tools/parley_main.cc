// parley command-line front end: a thin layer over parley_core.
#include <CLI/CLI.hpp>
#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"parley: news text in, CAMEO political events out"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
