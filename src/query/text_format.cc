// Terminal renderings of query results.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "parley/cameo.h"
#include "parley/query.h"

namespace parley::query {
namespace {

struct Mark {
  int32_t start, end;
  const char* open;
  const char* close;
};

}  // namespace

std::string HighlightSentence(const Event& e, bool ansi) {
  std::array<Mark, 3> marks = {{
      {e.source.start, e.source.end, ansi ? "\x1b[1;32m" : "[", ansi ? "\x1b[0m" : "]"},
      {e.target.start, e.target.end, ansi ? "\x1b[1;35m" : "[", ansi ? "\x1b[0m" : "]"},
      {e.verb.start, e.verb.end, ansi ? "\x1b[4;33m" : "{", ansi ? "\x1b[0m" : "}"},
  }};
  std::sort(marks.begin(), marks.end(),
            [](const Mark& a, const Mark& b) { return a.start < b.start; });
  const int32_t size = static_cast<int32_t>(e.sentence.size());
  std::string out;
  int32_t pos = 0;
  for (const Mark& m : marks) {
    // Unknown or overlapping spans are left unmarked rather than garbling the sentence.
    if (m.start < pos || m.end <= m.start || m.end > size) continue;
    out.append(e.sentence, pos, m.start - pos);
    out += m.open;
    out.append(e.sentence, m.start, m.end - m.start);
    out += m.close;
    pos = m.end;
  }
  out.append(e.sentence, pos, std::string::npos);
  return out;
}

// The date at its precision ("2022-03" for a month); a guess says so, never passing for a
// fact.
std::string DateAtPrecision(const Event& e) {
  if (e.date == 0) return e.historical ? "(historical, no date)" : "(no date)";
  std::string d = FormatDate(e.date);
  switch (e.date_precision) {
    case DatePrecision::kMonth:
      d.resize(7);
      break;
    case DatePrecision::kYear:
      d.resize(4);
      break;
    case DatePrecision::kWeek:
      d = "week of " + d;
      break;
    case DatePrecision::kDay:
    case DatePrecision::kUnknown:
      break;
  }
  if (e.date_guessed) d += " (guessed)";
  if (e.historical) d += " (historical)";
  return d;
}

std::string EventLine(const Event& e) {
  const CameoCode* cameo = LookupCameo(e.code);
  return fmt::format("{}  {} -> {}  {} {}  (Q{}, {:+.1f})", DateAtPrecision(e),
                     e.source.code.empty() ? "-" : e.source.code,
                     e.target.code.empty() ? "-" : e.target.code, e.code,
                     cameo ? cameo->name : std::string_view("?"), e.quad_class, e.goldstein);
}

std::string DateLine(const Event& e) {
  std::string line = fmt::format(
      "date: {} ({}, from {}, confidence {:.2f}{}{}{}); published {} ({}, {:.2f})",
      e.date ? FormatDate(e.date) : "unknown", DatePrecisionName(e.date_precision),
      EventDateSourceName(e.date_source), e.date_confidence, e.date_guessed ? ", guessed" : "",
      e.future ? ", future" : "", e.historical ? ", historical" : "",
      e.pub_date ? FormatDate(e.pub_date) : "unknown", e.pub_date_method, e.pub_date_confidence);
  return line;
}

std::string ExplanationToText(const Explanation& explanation, bool ansi) {
  std::string out;
  if (explanation.sentences.empty()) return "no sentence found in the text\n";
  int n = 0;
  for (const ExplainedSentence& s : explanation.sentences) {
    out += fmt::format("Sentence {}: {}\n", ++n, s.text);
    out += "  tokens:";
    for (const std::string& t : s.tokens) out += " " + t;
    out += "\n";
    if (s.actors.empty()) out += "  actors: none\n";
    for (const ExplainedActor& a : s.actors)
      out += fmt::format("  actor:  {:<28} {:<10} {}\n", a.text, a.code, a.rule);
    if (s.verbs.empty()) out += "  verbs:  none\n";
    for (const ExplainedVerb& v : s.verbs)
      out += fmt::format("  verb:   {:<28} {}\n", v.text, v.rule);
    for (const ExplainedPattern& p : s.patterns)
      out += fmt::format("  {} {:<32} {}\n", p.matched ? "FIRED:" : "tried:", p.rule, p.pattern);
    if (!s.tree.empty()) {
      out += "  parse:\n";
      size_t at = 0;
      while (at < s.tree.size()) {
        const size_t nl = s.tree.find('\n', at);
        const size_t end = nl == std::string::npos ? s.tree.size() : nl;
        out += "    " + s.tree.substr(at, end - at) + "\n";
        at = end + 1;
      }
    }
    for (const auto& v : s.tree_verdicts)
      out += "  checked: " + EventLine(v.event) + " -> " + v.verdict + "\n";
    for (const Event& e : s.events) {
      out += "  event:  " + EventLine(e) + "\n";
      out += "          " + HighlightSentence(e, ansi) + "\n";
      out += "          " + DateLine(e) + "\n";
    }
    out += fmt::format("  outcome: {}", OutcomeName(s.outcome));
    if (!s.why_not.empty()) out += " - " + s.why_not;
    out += "\n";
  }
  return out;
}

}  // namespace parley::query

namespace parley::query {
namespace {

std::string StatsRow(const PeriodStats& p, bool directed) {
  std::string row = fmt::format("{:<11} {:>6} {:>6} {:>6} {:>6} {:>6}", p.label, p.count, p.quad[0],
                                p.quad[1], p.quad[2], p.quad[3]);
  if (!directed) row += fmt::format(" {:>6} {:>6}", p.a_to_b, p.b_to_a);
  row += fmt::format(" {:>9.2f} {:>9.1f} {:>7}\n", p.goldstein_mean, p.goldstein_sum, p.guessed);
  return row;
}

void TopSection(const char* title, const std::vector<TopEntry>& entries, std::string* out) {
  *out += fmt::format("{}\n", title);
  if (entries.empty()) *out += "  (none)\n";
  for (const TopEntry& e : entries) {
    *out += fmt::format("  {:<16} {:>7}", e.key, e.events);
    if (!e.name.empty()) *out += "  " + e.name;
    *out += "\n";
  }
}

}  // namespace

std::string DyadToText(const DyadSeries& series) {
  const DyadQuery& q = series.query;
  std::string out = fmt::format(
      "{} {} {} by {}{}\n", q.a, q.directed ? "->" : "<->", q.b, IntervalName(q.interval),
      q.from || q.to ? fmt::format(", {} to {}", q.from ? FormatDate(q.from) : "start",
                                   q.to ? FormatDate(q.to) : "end")
                     : "");
  out += fmt::format("{:<11} {:>6} {:>6} {:>6} {:>6} {:>6}", "period", "events", "vcoop", "mcoop",
                     "vconf", "mconf");
  if (!q.directed) out += fmt::format(" {:>6} {:>6}", q.a + ">", q.b + ">");
  out += fmt::format(" {:>9} {:>9} {:>7}\n", "gs_mean", "gs_sum", "guessed");
  for (const PeriodStats& p : series.periods) out += StatsRow(p, q.directed);
  // Undated events stay visible (a date range leaves them out); so do events dated less
  // precisely than the interval.
  if (!q.from && !q.to) out += StatsRow(series.undated, q.directed);
  if (series.imprecise.count > 0) out += StatsRow(series.imprecise, q.directed);
  out += StatsRow(series.total, q.directed);
  std::string notes;
  if (series.total.guessed > 0)
    notes += fmt::format(
        "guessed: events whose date rests on a publication date guessed from the text "
        "({} of {}; --min-date-confidence 0.5 leaves them out)\n",
        series.total.guessed, series.total.count);
  if (series.imprecise.count > 0)
    notes += fmt::format("imprecise: events dated only to a longer period than a {}\n",
                         IntervalName(q.interval));
  return out + notes;
}

std::string TopToText(const TopResult& top) {
  std::string out = fmt::format("{} events\n", top.events);
  TopSection("actors (as source or target)", top.actors, &out);
  TopSection("dyads (source-target)", top.dyads, &out);
  TopSection("event codes", top.codes, &out);
  return out;
}

}  // namespace parley::query
