// JSON bodies of the workbench API; field names are documented in README.md.
#include <nlohmann/json.hpp>

#include "parley/query.h"
#include "query/json_util.h"

namespace parley::query {
namespace {

nlohmann::json DateOrNull(Date d) {
  return d == 0 ? nlohmann::json(nullptr) : nlohmann::json(FormatDate(d));
}

nlohmann::json PeriodJson(const PeriodStats& p, Interval interval) {
  return {{"period", p.label},
          {"start", DateOrNull(p.start)},
          {"end", DateOrNull(p.start ? PeriodEnd(p.start, interval) : 0)},
          {"count", p.count},
          {"quad", {p.quad[0], p.quad[1], p.quad[2], p.quad[3]}},
          {"a_to_b", p.a_to_b},
          {"b_to_a", p.b_to_a},
          {"goldstein_sum", p.goldstein_sum},
          {"goldstein_mean", p.goldstein_mean},
          {"guessed", p.guessed}};
}

nlohmann::json TopEntries(const std::vector<TopEntry>& entries) {
  nlohmann::json out = nlohmann::json::array();
  for (const TopEntry& e : entries) {
    nlohmann::json j = {{"key", e.key}, {"events", e.events}};
    if (!e.name.empty()) j["name"] = e.name;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string DyadToJson(const DyadSeries& series) {
  const DyadQuery& q = series.query;
  nlohmann::json periods = nlohmann::json::array();
  for (const PeriodStats& p : series.periods) periods.push_back(PeriodJson(p, q.interval));
  return DumpJson({{"a", q.a},
                   {"b", q.b},
                   {"directed", q.directed},
                   {"interval", IntervalName(q.interval)},
                   {"from", DateOrNull(q.from)},
                   {"to", DateOrNull(q.to)},
                   {"periods", periods},
                   {"undated", PeriodJson(series.undated, q.interval)},
                   {"imprecise", PeriodJson(series.imprecise, q.interval)},
                   {"include_historical", q.dates.include_historical},
                   {"min_date_confidence", q.dates.min_date_confidence},
                   {"total", PeriodJson(series.total, q.interval)},
                   {"truncated", series.truncated}});
}

std::string EventListToJson(const EventList& list) {
  nlohmann::json events = nlohmann::json::array();
  for (const ListedEvent& l : list.events) {
    nlohmann::json j = EventJson(l.event);
    j["event_id"] = l.event_id;
    j["url"] = l.url;
    j["title"] = l.title;
    j["news_source"] = l.news_source;
    j["num_mentions"] = l.num_mentions;
    j["num_articles"] = l.num_articles;
    events.push_back(std::move(j));
  }
  return DumpJson({{"total", list.total}, {"events", events}});
}

std::string ActorsToJson(const std::vector<ActorMatch>& actors) {
  nlohmann::json out = nlohmann::json::array();
  for (const ActorMatch& a : actors)
    out.push_back({{"code", a.code}, {"events", a.events}, {"names", a.names}});
  return DumpJson({{"actors", out}});
}

std::string TopToJson(const TopResult& top) {
  return DumpJson({{"events", top.events},
                   {"actors", TopEntries(top.actors)},
                   {"dyads", TopEntries(top.dyads)},
                   {"codes", TopEntries(top.codes)}});
}

}  // namespace parley::query
