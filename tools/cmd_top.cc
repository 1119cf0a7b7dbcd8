// parley top --db F : the most active actors, dyads and event codes of a period.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "parley/query.h"

namespace parley::cli {
namespace {

struct TopFlags {
  std::string db, from, to;
  int limit = 10;
  bool by_country = false;
  bool json = false;
  bool include_historical = false;
  std::string min_date_confidence;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "parley top: %s\n", s.message().c_str());
  return s.code() == Status::Code::kInvalidArgument ? 2 : 1;
}

int RunTop(const TopFlags& flags) {
  query::TopQuery q;
  q.limit = flags.limit;
  q.by_country = flags.by_country;
  Status s = query::ParseDateParam(flags.from, "--from", &q.from);
  if (s.ok()) s = query::ParseDateParam(flags.to, "--to", &q.to);
  q.dates.include_historical = flags.include_historical;
  if (s.ok())
    s = query::ParseConfidenceParam(flags.min_date_confidence, "--min-date-confidence",
                                    &q.dates.min_date_confidence);
  if (!s.ok()) return Fail(s);
  std::unique_ptr<query::EventDb> db;
  if (s = query::EventDb::Open(flags.db, &db); !s.ok()) return Fail(s);
  query::TopResult top;
  if (s = db->Top(q, &top); !s.ok()) return Fail(s);
  std::string out = flags.json ? query::TopToJson(top) + "\n" : query::TopToText(top);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

void AddTopCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("top", "Most active actors, dyads and event codes");
  auto flags = std::make_shared<TopFlags>();
  cmd->add_option("--db", flags->db, "Event store (SQLite)")->required();
  cmd->add_option("--from", flags->from, "First day, YYYY-MM-DD");
  cmd->add_option("--to", flags->to, "Last day, YYYY-MM-DD");
  cmd->add_flag("--include-historical", flags->include_historical,
                "Keep events their text dates over a year before their article");
  cmd->add_option("--min-date-confidence", flags->min_date_confidence,
                  "Leave out events whose date confidence is below this (0-1; 0.5 drops dates "
                  "that rest on guessed publication dates)");
  cmd->add_option("--limit", flags->limit, "Rows per list (1-1000)");
  cmd->add_flag("--country", flags->by_country, "Group actors by country (first three letters)");
  cmd->add_flag("--json", flags->json, "Print JSON");
  cmd->callback([=] { *exit_code = RunTop(*flags); });
}

}  // namespace parley::cli
