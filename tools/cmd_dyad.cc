// parley dyad A B --db F : events between two actors per period, by QuadClass, with
// mean and summed Goldstein.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "parley/query.h"

namespace parley::cli {
namespace {

struct DyadFlags {
  std::string a, b, db, from, to, interval = "month";
  bool directed = false;
  bool json = false;
  bool include_historical = false;
  std::string min_date_confidence;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "parley dyad: %s\n", s.message().c_str());
  return s.code() == Status::Code::kInvalidArgument ? 2 : 1;
}

int RunDyad(const DyadFlags& flags) {
  query::DyadQuery q;
  q.directed = flags.directed;
  Status s = query::NormalizeActorCode(flags.a, &q.a);
  if (s.ok()) s = query::NormalizeActorCode(flags.b, &q.b);
  if (s.ok()) s = query::ParseDateParam(flags.from, "--from", &q.from);
  if (s.ok()) s = query::ParseDateParam(flags.to, "--to", &q.to);
  if (s.ok()) s = query::ParseInterval(flags.interval, &q.interval);
  q.dates.include_historical = flags.include_historical;
  if (s.ok())
    s = query::ParseConfidenceParam(flags.min_date_confidence, "--min-date-confidence",
                                    &q.dates.min_date_confidence);
  if (!s.ok()) return Fail(s);
  std::unique_ptr<query::EventDb> db;
  if (s = query::EventDb::Open(flags.db, &db); !s.ok()) return Fail(s);
  query::DyadSeries series;
  if (s = db->Dyad(q, &series); !s.ok()) return Fail(s);
  std::string out = flags.json ? query::DyadToJson(series) + "\n" : query::DyadToText(series);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

void AddDyadCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("dyad", "Events between two actors per period");
  auto flags = std::make_shared<DyadFlags>();
  cmd->add_option("a", flags->a, "First actor code or prefix (RUS matches RUSGOV)")->required();
  cmd->add_option("b", flags->b, "Second actor code or prefix")->required();
  cmd->add_option("--db", flags->db, "Event store (SQLite) written by parley code --db")
      ->required();
  cmd->add_option("--from", flags->from, "First day, YYYY-MM-DD");
  cmd->add_option("--to", flags->to, "Last day, YYYY-MM-DD");
  cmd->add_flag("--include-historical", flags->include_historical,
                "Keep events their text dates over a year before their article");
  cmd->add_option("--min-date-confidence", flags->min_date_confidence,
                  "Leave out events whose date confidence is below this (0-1; 0.5 drops dates "
                  "that rest on guessed publication dates)");
  cmd->add_option("--interval", flags->interval, "day, week, month or year");
  cmd->add_flag("--directed", flags->directed, "Only events from A to B");
  cmd->add_flag("--json", flags->json, "Print the /api/dyad JSON instead of a table");
  cmd->callback([=] { *exit_code = RunDyad(*flags); });
}

}  // namespace parley::cli
