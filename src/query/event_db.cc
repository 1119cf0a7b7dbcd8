// Read-only queries over the event store's SQLite file (schema: docs/store.md).
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <unordered_map>

#include "parley/cameo.h"
#include "parley/query.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace parley::query {
namespace {

constexpr int kSupportedSchemaVersion = 2;

// One read-only connection with its prepared statements, reused across requests.
class Connection {
 public:
  ~Connection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  Status Open(const std::string& path) {
    // mode=ro plus query_only: no statement run through this connection can write. The
    // URI also reads a store in a read-only folder (immutable) and escapes '?' and '#'.
    std::string uri = store::ReadOnlyUri(path);
    int rc = sqlite3_open_v2(uri.c_str(), &db_,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return Error(path);
    sqlite3_busy_timeout(db_, 2000);
    return Exec("PRAGMA query_only = 1");
  }
  Status Exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Error(sql);
    return Status::OK();
  }
  // A prepared statement for `sql`, reset and cleared for new bindings.
  Status Prepare(const std::string& sql, sqlite3_stmt** stmt) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
      sqlite3_stmt* fresh = nullptr;
      if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &fresh, nullptr) !=
          SQLITE_OK)
        return Error("prepare");
      it = statements_.emplace(sql, fresh).first;
    }
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    *stmt = it->second;
    return Status::OK();
  }
  // Ends any read transaction: a statement left mid-result keeps its snapshot, so the
  // connection would show the store as it was then and stop the WAL from being checkpointed.
  void EndReads() {
    for (auto& [sql, stmt] : statements_)
      if (sqlite3_stmt_busy(stmt)) sqlite3_reset(stmt);
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status Error(std::string_view what) const {
    return Status::IOError(
        fmt::format("{}: {}", what, db_ ? sqlite3_errmsg(db_) : "out of memory"));
  }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// Steps `stmt`: true with a row, false when done (`status` set on error).
bool Step(sqlite3_stmt* stmt, Status* status) {
  int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE)
    *status = Status::IOError(fmt::format("query: {}", sqlite3_errmsg(sqlite3_db_handle(stmt))));
  return false;
}

std::string Text(sqlite3_stmt* stmt, int col) {
  const unsigned char* p = sqlite3_column_text(stmt, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt, col))
           : std::string();
}

int32_t Offset(sqlite3_stmt* stmt, int col) {
  return sqlite3_column_type(stmt, col) == SQLITE_NULL
             ? -1
             : static_cast<int32_t>(sqlite3_column_int64(stmt, col));
}

void BindText(sqlite3_stmt* stmt, int i, std::string_view v) {
  sqlite3_bind_text(stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

// The smallest string greater than every string starting with `prefix`, so that a
// prefix match is the index-friendly range [prefix, PrefixEnd(prefix)).
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (prefix.empty()) return "\xFF";
  prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

// SQL condition (on table alias e) for a dyad: ?1..?4 are a, a-end, b, b-end.
std::string DyadCondition(bool directed) {
  std::string forward = "(e.source >= ?1 AND e.source < ?2 AND e.target >= ?3 AND e.target < ?4)";
  if (directed) return forward;
  return "(" + forward +
         " OR (e.source >= ?3 AND e.source < ?4 AND e.target >= ?1 AND e.target < ?2))";
}

void BindDyad(sqlite3_stmt* stmt, const std::string& a, const std::string& b) {
  BindText(stmt, 1, a);
  BindText(stmt, 2, PrefixEnd(a));
  BindText(stmt, 3, b);
  BindText(stmt, 4, PrefixEnd(b));
}

// Date range condition with ?5 (from) and ?6 (to); unknown dates drop out of any range.
constexpr std::string_view kDateCondition =
    " AND (?5 = 0 OR e.date >= ?5) AND (?6 = 0 OR e.date <= ?6)"
    " AND ((?5 = 0 AND ?6 = 0) OR e.date > 0)";

void BindDates(sqlite3_stmt* stmt, Date from, Date to) {
  sqlite3_bind_int64(stmt, 5, from);
  sqlite3_bind_int64(stmt, 6, to);
}

// The date filter's parameters: ?11 keeps historical events, ?12 the least confidence.
void BindDateFilter(sqlite3_stmt* stmt, const DateFilter& f) {
  sqlite3_bind_int(stmt, 11, f.include_historical ? 1 : 0);
  sqlite3_bind_double(stmt, 12, f.min_date_confidence);
}

int IntervalRank(Interval i) {
  switch (i) {
    case Interval::kDay:
      return 0;
    case Interval::kWeek:
      return 1;
    case Interval::kMonth:
      return 2;
    case Interval::kYear:
      return 3;
  }
  return 0;
}

Status CheckRange(Date from, Date to) {
  if (from != 0 && to != 0 && from > to)
    return Status::InvalidArgument(
        fmt::format("from {} is after to {}", FormatDate(from), FormatDate(to)));
  return Status::OK();
}

void AddToPeriod(int quad, double goldstein, bool forward, bool guessed, PeriodStats* p) {
  ++p->count;
  p->guessed += guessed ? 1 : 0;
  if (quad >= 1 && quad <= 4) ++p->quad[quad - 1];
  ++(forward ? p->a_to_b : p->b_to_a);
  p->goldstein_sum += goldstein;
}

void FinishPeriod(PeriodStats* p) {
  p->goldstein_mean = p->count ? p->goldstein_sum / static_cast<double>(p->count) : 0.0;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

class EventDb::Impl {
 public:
  explicit Impl(std::string path) : path_(std::move(path)) {}

  int schema_version = kSupportedSchemaVersion;
  // The events date column `name` of the row aliased `e`, also in a version 1 store.
  std::string Column(std::string_view name) const {
    if (schema_version >= 2) return "e." + std::string(name);
    return store::LegacyDateColumn(name);
  }
  // SQL condition for a DateFilter (parameters ?11 and ?12).
  std::string DateFilterCondition() const {
    // Undated events have no date to doubt: they stay, in the undated row.
    return " AND (?11 = 1 OR " + Column("historical") + " = 0) AND (e.date = 0 OR " +
           Column("date_confidence") + " >= ?12)";
  }

  // Borrows a connection for the lifetime of the returned handle.
  class Lease {
   public:
    Lease(Impl* impl, std::unique_ptr<Connection> c) : impl_(impl), c_(std::move(c)) {}
    ~Lease() {
      if (c_) impl_->Return(std::move(c_));
    }
    Connection* operator->() { return c_.get(); }

   private:
    Impl* impl_;
    std::unique_ptr<Connection> c_;
  };

  Status Borrow(std::unique_ptr<Lease>* lease) {
    std::unique_ptr<Connection> c;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        c = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!c) {
      c = std::make_unique<Connection>();
      if (Status s = c->Open(path_); !s.ok()) return s;
    }
    *lease = std::make_unique<Lease>(this, std::move(c));
    return Status::OK();
  }

 private:
  // Pooled connections hold no transaction: each query reads the store as it is now.
  void Return(std::unique_ptr<Connection> c) {
    c->EndReads();
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(c));
  }

  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> free_;
};

EventDb::EventDb(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventDb::~EventDb() = default;

Status EventDb::Open(const std::string& path, std::unique_ptr<EventDb>* db) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::NotFound(path + ": no such event store");
  auto impl = std::make_unique<Impl>(path);
  std::unique_ptr<Impl::Lease> lease;
  if (Status s = impl->Borrow(&lease); !s.ok()) return s;
  sqlite3_stmt* stmt = nullptr;
  Status s = (*lease)->Prepare("SELECT value FROM meta WHERE key = 'format'", &stmt);
  if (!s.ok() || !Step(stmt, &s) || Text(stmt, 0) != "parley-events")
    return Status::Corruption(path + ": not a parley event store");
  s = (*lease)->Prepare("PRAGMA user_version", &stmt);
  if (!s.ok() || !Step(stmt, &s)) return Status::Corruption(path + ": no schema version");
  int version = sqlite3_column_int(stmt, 0);
  sqlite3_reset(stmt);
  if (version < 1 || version > kSupportedSchemaVersion)
    return Status::Corruption(
        fmt::format("{}: store schema version {} is not one this parley reads ({})", path, version,
                    kSupportedSchemaVersion));
  lease.reset();
  impl->schema_version = version;
  db->reset(new EventDb(std::move(impl)));
  return Status::OK();
}

Status EventDb::Dyad(const DyadQuery& query, DyadSeries* out) const {
  *out = DyadSeries();
  out->query = query;
  if (query.a.empty() || query.b.empty())
    return Status::InvalidArgument("a dyad needs two actor codes");
  if (Status s = CheckRange(query.from, query.to); !s.ok()) return s;
  std::unique_ptr<Impl::Lease> lease;
  if (Status s = impl_->Borrow(&lease); !s.ok()) return s;
  sqlite3_stmt* stmt = nullptr;
  const std::string sql =
      "SELECT e.date, e.quad_class, e.goldstein, e.source >= ?1 AND e.source < ?2 "
      "AND e.target >= ?3 AND e.target < ?4, " +
      impl_->Column("date_precision") + ", " + impl_->Column("date_guessed") +
      " FROM events e WHERE " + DyadCondition(query.directed) + std::string(kDateCondition) +
      impl_->DateFilterCondition() + " ORDER BY e.date";
  if (Status s = (*lease)->Prepare(sql, &stmt); !s.ok()) return s;
  BindDyad(stmt, query.a, query.b);
  BindDates(stmt, query.from, query.to);
  BindDateFilter(stmt, query.dates);
  std::map<Date, PeriodStats> by_period;
  Status status;
  while (Step(stmt, &status)) {
    Date date = static_cast<Date>(sqlite3_column_int64(stmt, 0));
    int quad = sqlite3_column_int(stmt, 1);
    double goldstein = sqlite3_column_double(stmt, 2);
    bool forward = sqlite3_column_int(stmt, 3) != 0;
    const DatePrecision precision = ParseDatePrecision(Text(stmt, 4));
    const bool guessed = sqlite3_column_int(stmt, 5) != 0;
    PeriodStats* p = &out->undated;
    if (date > 0) {
      // "in March 2022" is no event of 1 March: by day it is only "imprecise".
      // Version 1 rows (precision unknown) are bucketed by their date, as before.
      const int rank = precision == DatePrecision::kUnknown ? 0 : DatePrecisionRank(precision);
      p = rank > IntervalRank(query.interval) ? &out->imprecise
                                              : &by_period[PeriodStart(date, query.interval)];
    }
    AddToPeriod(quad, goldstein, forward, guessed, p);
    AddToPeriod(quad, goldstein, forward, guessed, &out->total);
  }
  sqlite3_reset(stmt);
  if (!status.ok()) return status;

  Date first = query.from ? PeriodStart(query.from, query.interval)
                          : (by_period.empty() ? 0 : by_period.begin()->first);
  Date last = query.to ? PeriodStart(query.to, query.interval)
                       : (by_period.empty() ? 0 : by_period.rbegin()->first);
  if ((query.from && query.to) || !by_period.empty()) {
    for (Date d = first; d != 0 && d <= last && out->periods.size() < kMaxFilledPeriods;
         d = NextPeriod(d, query.interval)) {
      auto it = by_period.find(d);
      out->periods.push_back(it != by_period.end() ? it->second : PeriodStats());
      out->periods.back().start = d;
    }
    if (out->periods.size() >= kMaxFilledPeriods) {
      out->periods.clear();
      for (auto& [start, stats] : by_period) {
        if (out->periods.size() == kMaxPeriods) {
          out->truncated = true;
          break;
        }
        out->periods.push_back(stats);
        out->periods.back().start = start;
      }
    }
  }
  for (PeriodStats& p : out->periods) {
    p.label = PeriodLabel(p.start, query.interval);
    FinishPeriod(&p);
  }
  out->undated.label = "undated";
  FinishPeriod(&out->undated);
  out->imprecise.label = "imprecise";
  FinishPeriod(&out->imprecise);
  out->total.label = "total";
  FinishPeriod(&out->total);
  return Status::OK();
}

Status EventDb::Events(const EventListQuery& query, EventList* out) const {
  *out = EventList();
  if (query.a.empty() || query.b.empty())
    return Status::InvalidArgument("an event list needs a dyad (two actor codes)");
  if (query.limit < 1 || query.limit > kMaxEventLimit)
    return Status::InvalidArgument(fmt::format("limit must be 1 to {}", kMaxEventLimit));
  if (query.offset < 0) return Status::InvalidArgument("offset must be 0 or more");
  if (!query.code.empty() &&
      (query.code.size() > 4 || query.code.find_first_not_of("0123456789") != std::string::npos))
    return Status::InvalidArgument(
        fmt::format("code '{}' must be a CAMEO code or prefix (1-4 digits)", query.code));
  if (Status s = CheckRange(query.from, query.to); !s.ok()) return s;
  std::unique_ptr<Impl::Lease> lease;
  if (Status s = impl_->Borrow(&lease); !s.ok()) return s;

  const std::string where = " WHERE " + DyadCondition(query.directed) +
                            std::string(kDateCondition) + " AND e.code >= ?7 AND e.code < ?8" +
                            impl_->DateFilterCondition();
  auto bind = [&](sqlite3_stmt* stmt) {
    BindDyad(stmt, query.a, query.b);
    BindDates(stmt, query.from, query.to);
    BindDateFilter(stmt, query.dates);
    BindText(stmt, 7, query.code);
    BindText(stmt, 8, PrefixEnd(query.code));
  };
  sqlite3_stmt* stmt = nullptr;
  Status status = (*lease)->Prepare("SELECT count(*) FROM events e" + where, &stmt);
  if (!status.ok()) return status;
  bind(stmt);
  if (Step(stmt, &status)) out->total = sqlite3_column_int64(stmt, 0);
  sqlite3_reset(stmt);
  if (!status.ok()) return status;

  status = (*lease)->Prepare(
      "SELECT e.id, e.date, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein, "
      "e.num_mentions, e.num_articles, d.doc_id, d.url, d.title, d.source, s.sentence_index, "
      "s.text, m.source_start, m.source_end, m.target_start, m.target_end, m.verb_start, "
      "m.verb_end, m.source_text, m.target_text, m.verb_text, m.rule, m.issues, " +
          impl_->Column("date_precision") + ", " + impl_->Column("date_source") + ", " +
          impl_->Column("date_confidence") + ", " + impl_->Column("date_guessed") + ", " +
          impl_->Column("future") + ", " + impl_->Column("historical") +
          ", d.pub_date, d.date_method, d.date_confidence "
          "FROM events e LEFT JOIN mentions m ON m.id = e.first_mention "
          "LEFT JOIN sentences s ON s.id = m.sentence LEFT JOIN documents d ON d.id = m.doc" +
          where + " ORDER BY e.date, e.id LIMIT ?9 OFFSET ?10",
      &stmt);
  if (!status.ok()) return status;
  bind(stmt);
  sqlite3_bind_int(stmt, 9, query.limit);
  sqlite3_bind_int(stmt, 10, query.offset);
  while (Step(stmt, &status)) {
    ListedEvent& l = out->events.emplace_back();
    Event& e = l.event;
    l.event_id = sqlite3_column_int64(stmt, 0);
    e.date = static_cast<Date>(sqlite3_column_int64(stmt, 1));
    e.source.code = Text(stmt, 2);
    e.target.code = Text(stmt, 3);
    e.code = Text(stmt, 4);
    e.root = Text(stmt, 5);
    e.quad_class = sqlite3_column_int(stmt, 6);
    e.goldstein = sqlite3_column_double(stmt, 7);
    l.num_mentions = sqlite3_column_int64(stmt, 8);
    l.num_articles = sqlite3_column_int64(stmt, 9);
    e.doc_id = Text(stmt, 10);
    l.url = Text(stmt, 11);
    l.title = Text(stmt, 12);
    l.news_source = Text(stmt, 13);
    e.sentence_index = sqlite3_column_int(stmt, 14);
    e.sentence = Text(stmt, 15);
    e.source.start = Offset(stmt, 16);
    e.source.end = Offset(stmt, 17);
    e.target.start = Offset(stmt, 18);
    e.target.end = Offset(stmt, 19);
    e.verb.start = Offset(stmt, 20);
    e.verb.end = Offset(stmt, 21);
    e.source.text = Text(stmt, 22);
    e.target.text = Text(stmt, 23);
    e.verb.text = Text(stmt, 24);
    e.rule = Text(stmt, 25);
    e.issues = Text(stmt, 26);
    e.date_precision = ParseDatePrecision(Text(stmt, 27));
    e.date_source = ParseEventDateSource(Text(stmt, 28));
    e.date_confidence = sqlite3_column_double(stmt, 29);
    e.date_guessed = sqlite3_column_int(stmt, 30) != 0;
    e.future = sqlite3_column_int(stmt, 31) != 0;
    e.historical = sqlite3_column_int(stmt, 32) != 0;
    e.pub_date = static_cast<Date>(sqlite3_column_int64(stmt, 33));
    e.pub_date_method = Text(stmt, 34);
    e.pub_date_confidence = sqlite3_column_double(stmt, 35);
  }
  sqlite3_reset(stmt);
  return status;
}

Status EventDb::Actors(std::string_view q, int limit, std::vector<ActorMatch>* out) const {
  out->clear();
  if (limit < 1 || limit > kMaxEventLimit)
    return Status::InvalidArgument(fmt::format("limit must be 1 to {}", kMaxEventLimit));
  if (q.size() > 100) return Status::InvalidArgument("q is longer than 100 characters");
  std::unique_ptr<Impl::Lease> lease;
  if (Status s = impl_->Borrow(&lease); !s.ok()) return s;
  sqlite3_stmt* stmt = nullptr;
  Status status = (*lease)->Prepare(
      "SELECT e.source, m.source_text FROM events e LEFT JOIN mentions m ON m.id = e.first_mention "
      "WHERE e.source != '' UNION ALL "
      "SELECT e.target, m.target_text FROM events e LEFT JOIN mentions m ON m.id = e.first_mention "
      "WHERE e.target != ''",
      &stmt);
  if (!status.ok()) return status;
  struct Tally {
    int64_t events = 0;
    std::map<std::string, int64_t> names;
  };
  std::map<std::string, Tally> codes;
  while (Step(stmt, &status)) {
    Tally& t = codes[Text(stmt, 0)];
    ++t.events;
    std::string name = Text(stmt, 1);
    if (!name.empty()) ++t.names[name];
  }
  sqlite3_reset(stmt);
  if (!status.ok()) return status;
  const std::string needle = Upper(q);
  for (auto& [code, tally] : codes) {
    bool match = needle.empty() || StartsWith(code, needle);
    for (auto it = tally.names.begin(); !match && it != tally.names.end(); ++it)
      match = Upper(it->first).find(needle) != std::string::npos;
    if (!match) continue;
    ActorMatch& m = out->emplace_back();
    m.code = code;
    m.events = tally.events;
    std::vector<std::pair<int64_t, std::string>> names;
    for (auto& [name, n] : tally.names) names.emplace_back(-n, name);
    std::sort(names.begin(), names.end());
    for (size_t i = 0; i < names.size() && i < 3; ++i) m.names.push_back(names[i].second);
  }
  // Exact code first, then the most active.
  std::stable_sort(out->begin(), out->end(), [&](const ActorMatch& x, const ActorMatch& y) {
    bool xe = x.code == needle, ye = y.code == needle;
    if (xe != ye) return xe;
    return x.events > y.events;
  });
  if (out->size() > static_cast<size_t>(limit)) out->resize(limit);
  return Status::OK();
}

Status EventDb::Top(const TopQuery& query, TopResult* out) const {
  *out = TopResult();
  if (query.limit < 1 || query.limit > kMaxEventLimit)
    return Status::InvalidArgument(fmt::format("limit must be 1 to {}", kMaxEventLimit));
  if (Status s = CheckRange(query.from, query.to); !s.ok()) return s;
  std::unique_ptr<Impl::Lease> lease;
  if (Status s = impl_->Borrow(&lease); !s.ok()) return s;
  sqlite3_stmt* stmt = nullptr;
  Status status = (*lease)->Prepare("SELECT e.source, e.target, e.code FROM events e WHERE 1" +
                                        std::string(kDateCondition) + impl_->DateFilterCondition(),
                                    &stmt);
  if (!status.ok()) return status;
  BindDates(stmt, query.from, query.to);
  BindDateFilter(stmt, query.dates);
  std::unordered_map<std::string, int64_t> actors, dyads, codes;
  auto key = [&](std::string code) {
    if (query.by_country && code.size() > 3) code.resize(3);
    return code;
  };
  while (Step(stmt, &status)) {
    ++out->events;
    std::string source = key(Text(stmt, 0)), target = key(Text(stmt, 1));
    if (!source.empty()) ++actors[source];
    if (!target.empty() && target != source) ++actors[target];
    if (!source.empty() && !target.empty()) ++dyads[source + "-" + target];
    ++codes[Text(stmt, 2)];
  }
  sqlite3_reset(stmt);
  if (!status.ok()) return status;
  auto rank = [&](const std::unordered_map<std::string, int64_t>& counts,
                  std::vector<TopEntry>* entries, bool named) {
    for (const auto& [k, n] : counts) {
      const CameoCode* cameo = named ? LookupCameo(k) : nullptr;
      entries->push_back({k, cameo ? std::string(cameo->name) : std::string(), n});
    }
    std::sort(entries->begin(), entries->end(), [](const TopEntry& x, const TopEntry& y) {
      return x.events != y.events ? x.events > y.events : x.key < y.key;
    });
    if (entries->size() > static_cast<size_t>(query.limit)) entries->resize(query.limit);
  };
  rank(actors, &out->actors, false);
  rank(dyads, &out->dyads, false);
  rank(codes, &out->codes, true);
  return Status::OK();
}

}  // namespace parley::query
