// parley events --db F --dyad A-B : the events of a dyad with their evidence sentences.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "parley/query.h"

namespace parley::cli {
namespace {

struct EventsFlags {
  std::string db, dyad, code, from, to, color = "auto";
  int limit = 100, offset = 0;
  bool directed = false;
  bool json = false;
  bool include_historical = false;
  std::string min_date_confidence;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "parley events: %s\n", s.message().c_str());
  return s.code() == Status::Code::kInvalidArgument ? 2 : 1;
}

int RunEvents(const EventsFlags& flags) {
  query::EventListQuery q;
  q.directed = flags.directed;
  q.code = flags.code;
  q.limit = flags.limit;
  q.offset = flags.offset;
  Status s = query::ParseDyad(flags.dyad, &q.a, &q.b);
  if (s.ok()) s = query::ParseDateParam(flags.from, "--from", &q.from);
  if (s.ok()) s = query::ParseDateParam(flags.to, "--to", &q.to);
  q.dates.include_historical = flags.include_historical;
  if (s.ok())
    s = query::ParseConfidenceParam(flags.min_date_confidence, "--min-date-confidence",
                                    &q.dates.min_date_confidence);
  if (!s.ok()) return Fail(s);
  std::unique_ptr<query::EventDb> db;
  if (s = query::EventDb::Open(flags.db, &db); !s.ok()) return Fail(s);
  query::EventList list;
  if (s = db->Events(q, &list); !s.ok()) return Fail(s);
  if (flags.json) {
    std::printf("%s\n", query::EventListToJson(list).c_str());
    return 0;
  }
  bool ansi = flags.color == "always" || (flags.color == "auto" && isatty(STDOUT_FILENO));
  for (const query::ListedEvent& l : list.events) {
    std::printf("%s\n    %s\n    %s%s%s\n", query::EventLine(l.event).c_str(),
                query::HighlightSentence(l.event, ansi).c_str(),
                l.url.empty() ? l.event.doc_id.c_str() : l.url.c_str(),
                l.num_mentions > 1 ? ", mentions: " : "",
                l.num_mentions > 1 ? std::to_string(l.num_mentions).c_str() : "");
  }
  std::printf("%zu of %lld events\n", list.events.size(), static_cast<long long>(list.total));
  return 0;
}

}  // namespace

void AddEventsCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("events", "List a dyad's events with their sentences");
  auto flags = std::make_shared<EventsFlags>();
  cmd->add_option("--db", flags->db, "Event store (SQLite)")->required();
  cmd->add_option("--dyad", flags->dyad, "Two actor codes, A-B (both directions)")->required();
  cmd->add_option("--code", flags->code, "CAMEO code or prefix (16 = all of root 16)");
  cmd->add_option("--from", flags->from, "First day, YYYY-MM-DD");
  cmd->add_option("--to", flags->to, "Last day, YYYY-MM-DD");
  cmd->add_flag("--include-historical", flags->include_historical,
                "Keep events their text dates over a year before their article");
  cmd->add_option("--min-date-confidence", flags->min_date_confidence,
                  "Leave out events whose date confidence is below this (0-1; 0.5 drops dates "
                  "that rest on guessed publication dates)");
  cmd->add_option("--limit", flags->limit, "At most this many events (1-1000)");
  cmd->add_option("--offset", flags->offset, "Skip this many events first");
  cmd->add_flag("--directed", flags->directed, "Only events from A to B");
  cmd->add_flag("--json", flags->json, "Print the /api/events JSON");
  cmd->add_option("--color", flags->color, "Highlight spans: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->callback([=] { *exit_code = RunEvents(*flags); });
}

}  // namespace parley::cli
