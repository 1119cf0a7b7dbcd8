// parley explain "sentence" : shows how the coder reads a sentence and why it codes what
// it does (or nothing).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "commands.h"
#include "engine.h"
#include "parley/query.h"

namespace parley::cli {
namespace {

struct ExplainFlags {
  std::string text;
  std::string date;
  EngineFlags engine;
  bool json = false;
  std::string color = "auto";
};

int RunExplain(ExplainFlags flags) {
  Date date = 0;
  if (!flags.date.empty() && (date = ParseDate(flags.date)) == 0) {
    std::fprintf(stderr, "parley explain: --date '%s' is not a date (YYYY-MM-DD)\n",
                 flags.date.c_str());
    return 2;
  }
  if (flags.text == "-") {
    flags.text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  flags.engine.quiet = true;
  Profile profile;
  if (Status p = SelectProfile(flags.engine, InputFormat::kAuto, &profile); !p.ok()) {
    std::fprintf(stderr, "parley explain: %s\n", p.ToString().c_str());
    return 2;
  }
  std::unique_ptr<Coder> coder;
  if (Status s = MakeCoder(flags.engine, &coder); !s.ok()) {
    std::fprintf(stderr, "parley explain: %s\n", s.ToString().c_str());
    return 1;
  }
  query::Explanation explanation = query::Explain(*coder, flags.text, date);
  bool ansi = flags.color == "always" || (flags.color == "auto" && isatty(STDOUT_FILENO));
  std::string out = flags.json ? query::ExplanationToJson(explanation) + "\n"
                               : query::ExplanationToText(explanation, ansi);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

void AddExplainCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("explain", "Show how a sentence is coded, step by step");
  auto flags = std::make_shared<ExplainFlags>();
  cmd->add_option("text", flags->text, "Sentence(s) to explain, or - for stdin")->required();
  cmd->add_option("--date", flags->date, "Date of the text (YYYY-MM-DD); dated actors use it");
  cmd->add_option("--dict", flags->engine.dict_paths,
                  "Dictionary file or folder; repeatable; replaces the bundled set")
      ->allow_extra_args(false);
  cmd->add_option("--options", flags->engine.options_path, "TABARI .options file");
  AddSyntaxFlags(cmd, &flags->engine);
  AddProfileFlag(cmd, &flags->engine);
  cmd->add_flag("--json", flags->json, "Print the explanation as JSON");
  cmd->add_option("--color", flags->color, "Highlight spans: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->callback([=] { *exit_code = RunExplain(*flags); });
}

}  // namespace parley::cli
