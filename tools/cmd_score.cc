// parley score GOLD.jsonl: codes each gold record as one document and reports recall and
// precision against the hand-coded events (source and target country, CAMEO root).
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "engine.h"
#include "parley/gold.h"

namespace parley::cli {
namespace {

struct ScoreFlags {
  std::string gold_path;
  EngineFlags engine;
  bool show_misses = false;
};

std::string Describe(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events)
    out += (out.empty() ? "" : "; ") + e.source.code + " " + e.target.code + " " + e.code;
  return out.empty() ? "(none)" : out;
}

std::string Describe(const gold::GoldItem& item) {
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "|") + x;
    return s.empty() ? std::string("-") : s;
  };
  return join(item.sources) + " " + join(item.targets) + " " + join(item.roots);
}

int RunScore(const ScoreFlags& flags) {
  Profile profile;
  if (Status p = SelectProfile(flags.engine, InputFormat::kAuto, &profile); !p.ok()) {
    std::fprintf(stderr, "parley score: %s\n", p.ToString().c_str());
    return 2;
  }
  std::vector<gold::GoldRecord> records;
  std::vector<std::string> warnings;
  Status s = gold::ReadGoldFile(flags.gold_path, &records, &warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "parley score: warning: %s\n", w.c_str());
  std::unique_ptr<Coder> coder;
  if (s.ok()) s = MakeCoder(flags.engine, &coder);
  if (!s.ok()) {
    std::fprintf(stderr, "parley score: %s\n", s.ToString().c_str());
    return 1;
  }
  CoderScratch scratch;
  gold::Score total;
  std::vector<Event> events;
  for (const gold::GoldRecord& record : records) {
    events.clear();
    coder->CodeDocument(record.doc, &scratch, &events);
    gold::Score one;
    gold::ScoreRecord(record, events, &one);
    if (flags.show_misses && (one.gold_found < one.gold_items || one.events_correct < one.events))
      std::printf("%s %s\n  text:  %s\n  gold:  %s\n  coded: %s\n",
                  one.gold_found < one.gold_items ? "MISS" : "EXTRA", record.doc.id.c_str(),
                  record.doc.text.c_str(), Describe(record.items.front()).c_str(),
                  Describe(events).c_str());
    total.gold_items += one.gold_items;
    total.gold_found += one.gold_found;
    total.events += one.events;
    total.events_correct += one.events_correct;
  }
  std::printf("records %zu, gold events %d, coded events %d\n", records.size(), total.gold_items,
              total.events);
  std::printf("recall %.3f (%d/%d), precision %.3f (%d/%d), F1 %.3f\n", total.Recall(),
              total.gold_found, total.gold_items, total.Precision(), total.events_correct,
              total.events, total.F1());
  return 0;
}

}  // namespace

void AddScoreCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("score", "Score coding against hand-coded gold JSONL");
  auto flags = std::make_shared<ScoreFlags>();
  cmd->add_option("gold", flags->gold_path, "Gold JSONL ({id,date,text,gold:[...]})")->required();
  cmd->add_option("--dict", flags->engine.dict_paths, "Dictionary file or folder (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--options", flags->engine.options_path, "TABARI .options file");
  AddProfileFlag(cmd, &flags->engine);
  cmd->add_flag("--misses", flags->show_misses, "List records with missed or wrong events");
  cmd->callback([=] { *exit_code = RunScore(*flags); });
}

}  // namespace parley::cli
