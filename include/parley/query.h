// Queries behind the analyst workbench: dyad time series, event lists, top actors, actor
// look-up and coding explanations. The CLI (`parley dyad|events|top|explain`) and the HTTP
// server (`parley serve`) both call these functions, so each query has one implementation
// and the terminal, the API and the page always show the same numbers.
#ifndef PARLEY_QUERY_H_
#define PARLEY_QUERY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/coder.h"
#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"

namespace parley::query {

// ---- Periods.

enum class Interval : uint8_t { kDay, kWeek, kMonth, kYear };

// "day", "week", "month" or "year"; InvalidArgument naming the accepted values otherwise.
Status ParseInterval(std::string_view name, Interval* interval);
std::string_view IntervalName(Interval interval);

// The first day of the period holding `date` (weeks start on Monday, ISO 8601).
Date PeriodStart(Date date, Interval interval);
// The first day of the next period.
Date NextPeriod(Date period_start, Interval interval);
// The last day of the period that starts on `period_start`.
Date PeriodEnd(Date period_start, Interval interval);
// How a period is labelled: "2023-02-10" (day), "2023-02-06" (week: its Monday),
// "2023-02" (month), "2023" (year).
std::string PeriodLabel(Date period_start, Interval interval);

// A CAMEO actor code or code prefix as typed by a user ("RUS", "rusgov"): upper-cased
// and checked to be 1-12 letters, digits or '-'. InvalidArgument otherwise.
Status NormalizeActorCode(std::string_view text, std::string* code);

// Parses a user-given date ("2023-02-10" or "20230210"); "" gives 0 (open range).
// InvalidArgument naming `what` ("from", "--to") when it is not a valid date.
Status ParseDateParam(std::string_view text, std::string_view what, Date* date);

// Parses "RUS-KOR" into two actor codes. InvalidArgument when it is not two codes.
Status ParseDyad(std::string_view text, std::string* a, std::string* b);

// ---- Queries over an event store (docs/store.md, schema versions 1 and 2).
//
// Actor codes match by prefix: "RUS" matches RUS, RUSGOV, RUSMIL... Events count once
// each (a store event is one happening, however many sentences reported it). Events with
// an unknown date (0) are left out whenever a date range is given.
//
// Every query leaves out historical events (dated by their text more than a year before
// their article: "before 1939", "in 1995") unless `include_historical`, and events whose
// date confidence is below `min_date_confidence` (0 keeps all; 0.5 drops the dates that
// rest on guessed publication dates). See docs/dates.md.
struct DateFilter {
  bool include_historical = false;
  double min_date_confidence = 0.0;  // 0..1
};

// InvalidArgument unless 0 <= confidence <= 1 (`what` names the flag or parameter).
Status ParseConfidenceParam(std::string_view text, std::string_view what, double* confidence);

// /api/dyad and `parley dyad`.
struct DyadQuery {
  std::string a, b;       // actor code prefixes
  Date from = 0, to = 0;  // inclusive; 0 = open
  Interval interval = Interval::kMonth;
  bool directed = false;  // true: only a -> b; false: a -> b and b -> a
  DateFilter dates;
};

// Events of one period (or all periods, in DyadSeries::total).
struct PeriodStats {
  Date start = 0;     // first day of the period (0 for the undated bucket)
  std::string label;  // PeriodLabel(start), or "undated"
  int64_t count = 0;
  int64_t quad[4] = {0, 0, 0, 0};  // events by QuadClass 1..4
  int64_t a_to_b = 0, b_to_a = 0;  // by direction (b_to_a is 0 when directed)
  double goldstein_sum = 0;
  double goldstein_mean = 0;  // 0 when count is 0
  // Events whose date rests on a publication date guessed from the text (date_guessed).
  int64_t guessed = 0;
};

struct DyadSeries {
  DyadQuery query;
  // One row per period from the first to the last period with events (or across
  // [from, to] when both are given), empty periods included with zero counts, oldest
  // first. Filling stops after kMaxFilledPeriods rows; then only periods with events.
  std::vector<PeriodStats> periods;
  PeriodStats undated;  // events with date 0 (only when no date range was given)
  // Events dated less precisely than the interval ("in March 2022" by day): counted here,
  // never on the first day of their month or year.
  PeriodStats imprecise;
  PeriodStats total;  // everything above
  // More than kMaxPeriods periods had events: `periods` holds the oldest kMaxPeriods
  // (`total` still counts every event).
  bool truncated = false;
};
constexpr size_t kMaxFilledPeriods = 5000;
constexpr size_t kMaxPeriods = 20000;

// /api/events and `parley events`.
struct EventListQuery {
  std::string a, b;  // dyad; both required
  bool directed = false;
  std::string code;  // CAMEO code prefix ("16" = root 16 and its children); "" = all
  Date from = 0, to = 0;
  int limit = 100;  // 1..kMaxEventLimit
  int offset = 0;
  DateFilter dates;
};
constexpr int kMaxEventLimit = 1000;

// An event as listed: its first report (sentence, spans, verb, rule) and document.
struct ListedEvent {
  int64_t event_id = 0;
  Event event;  // doc_id, sentence, spans, codes, quad class, Goldstein, rule, issues
  std::string url;
  std::string title;
  std::string news_source;
  int64_t num_mentions = 0;
  int64_t num_articles = 0;
};

struct EventList {
  int64_t total = 0;                // matching events before limit/offset
  std::vector<ListedEvent> events;  // by date, then event id
};

// /api/actors and the page's look-up.
struct ActorMatch {
  std::string code;
  int64_t events = 0;              // events with this code as source or target
  std::vector<std::string> names;  // most frequent words it was matched from (up to 3)
};

// `parley top`.
struct TopQuery {
  Date from = 0, to = 0;
  int limit = 10;
  bool by_country = false;  // actors and dyads by their first three letters
  DateFilter dates;
};
struct TopEntry {
  std::string key;   // "RUSGOV", "RUS-KOR" (source-target) or "036"
  std::string name;  // CAMEO code name for codes; "" otherwise
  int64_t events = 0;
};
struct TopResult {
  int64_t events = 0;  // events in the period
  std::vector<TopEntry> actors, dyads, codes;
};

// A read-only view of an event store, safe to use from any number of threads: each
// query borrows a pooled SQLite connection opened read-only (nothing here can write).
class EventDb {
 public:
  // Opens `path` read-only and checks it is a parley store this code reads. NotFound when
  // the file is missing, Corruption when it is not a parley store or is newer.
  static Status Open(const std::string& path, std::unique_ptr<EventDb>* db);
  ~EventDb();
  EventDb(const EventDb&) = delete;
  EventDb& operator=(const EventDb&) = delete;

  // InvalidArgument for an empty actor or from > to.
  Status Dyad(const DyadQuery& query, DyadSeries* out) const;
  // InvalidArgument for a missing actor, a bad code prefix, limit or offset.
  Status Events(const EventListQuery& query, EventList* out) const;
  // Actor codes whose code starts with `q` or whose matched words contain it (case
  // insensitive), most events first; at most `limit`. Empty `q` lists the most active.
  Status Actors(std::string_view q, int limit, std::vector<ActorMatch>* out) const;
  Status Top(const TopQuery& query, TopResult* out) const;

  class Impl;

 private:
  explicit EventDb(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// JSON bodies of the HTTP API (documented in README.md, "Analyst workbench").
std::string DyadToJson(const DyadSeries& series);
std::string EventListToJson(const EventList& list);
std::string ActorsToJson(const std::vector<ActorMatch>& actors);
std::string TopToJson(const TopResult& top);

// Terminal tables.
std::string DyadToText(const DyadSeries& series);
std::string TopToText(const TopResult& top);

// ---- Explain: why the coder produced (or did not produce) events for some text.

// One actor or agent the coder recognised in a sentence.
struct ExplainedActor {
  std::string text;  // words as they appear in the sentence
  std::string code;  // CAMEO actor code ("RUSGOV"); agent-composed codes included
  std::string rule;  // dictionary entry, "file:line" ("pronoun" for coreference)
};

// One verb pattern the coder tried for a verb.
struct ExplainedPattern {
  std::string rule;     // "file:line"
  std::string pattern;  // the dictionary line itself, when the file is readable
  bool matched = false;
};

struct ExplainedVerb {
  std::string text;
  std::string rule;
};

struct ExplainedSentence {
  std::string text;
  std::vector<std::string> tokens;  // normalised token forms, as the dictionaries see them
  std::vector<ExplainedActor> actors;
  std::vector<ExplainedVerb> verbs;
  std::vector<ExplainedPattern> patterns;  // every verb pattern tried, in order
  std::vector<Event> events;
  // The parse the pattern coder's events were checked against (news profile): the phrases
  // and frames as text, and for each event the patterns found, the check's verdict.
  std::string tree;
  struct TreeVerdict {
    Event event;  // as the patterns coded it
    std::string verdict;
  };
  std::vector<TreeVerdict> tree_verdicts;
  SentenceOutcome outcome = SentenceOutcome::kNoEvent;
  // Empty when events were coded; otherwise a sentence saying why none was.
  std::string why_not;
};

struct Explanation {
  std::vector<ExplainedSentence> sentences;
  // Some sentences or tried patterns were left out (the server caps its answers).
  bool truncated = false;
};

// Codes `text` (one or more sentences; cleaned like an article body) dated `date` (0 =
// unknown) with `coder` and records every decision. Never fails: text that yields no
// sentence gives an empty explanation.
Explanation Explain(const Coder& coder, std::string_view text, Date date);

// "coded", "no event", "discarded", "complex", "too short" or "too long".
std::string_view OutcomeName(SentenceOutcome outcome);

// The explanation as a JSON document (the /api/explain response body).
std::string ExplanationToJson(const Explanation& explanation);

// The explanation as indented text for a terminal; `ansi` colours the spans.
std::string ExplanationToText(const Explanation& explanation, bool ansi);

// ---- Terminal helpers.

// `event.sentence` with the source, target and verb spans marked: ANSI colours when
// `ansi` (source green, target magenta, verb underlined), else [actor] and {verb}.
// Spans that are unknown, out of range or overlapping are left unmarked.
std::string HighlightSentence(const Event& event, bool ansi);

// "date: 2018-04-07 (day, from text, confidence 0.85); published 2018-04-13 (metadata,
// 1.00)": how an event's date was found, for people.
std::string DateLine(const Event& event);

// "2023-02-10  RUS -> KOR  036 Express intent to meet or negotiate  (Q1, +4.0)".
std::string EventLine(const Event& event);

}  // namespace parley::query

#endif  // PARLEY_QUERY_H_
