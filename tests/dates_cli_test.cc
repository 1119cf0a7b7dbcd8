// Dates end to end with the real binary (issue 13): what `parley code` writes, what the
// store holds and what `dyad` counts, for articles whose sentences date their events.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "parley/reader.h"
#include "parley/store.h"
#include "process_util.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using testing_util::ReadFile;
using testing_util::RunParley;

class DatesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_dates_cli_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  // Runs parley with `args`; its stdout.
  std::string Run(const std::vector<std::string>& args, int* code = nullptr) {
    testing_util::ChildOptions options;
    options.stdout_path = (dir_ / "stdout").string();
    options.stderr_path = (dir_ / "stderr").string();
    const int rc = RunParley(args, options);
    if (code != nullptr) *code = rc;
    EXPECT_TRUE(code != nullptr || rc == 0) << ReadFile(options.stderr_path);
    return ReadFile(options.stdout_path);
  }

  static std::vector<nlohmann::json> Lines(const std::string& jsonl) {
    std::vector<nlohmann::json> out;
    std::istringstream in(jsonl);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    return out;
  }

  static std::vector<StoredEvent> StoredEvents(const std::string& db) {
    std::vector<StoredEvent> out;
    std::unique_ptr<EventStore> store;
    StoreOptions options;
    options.read_only = true;
    EXPECT_TRUE(EventStore::Open(db, options, &store).ok());
    if (store == nullptr) return out;
    EXPECT_TRUE(store->ForEachEvent({}, [&](const StoredEvent& e) { out.push_back(e); }).ok());
    return out;
  }

  fs::path dir_;
};

// Issue 13, the will bug: the attack was stored on 2019-04-07, a year after the article.
TEST_F(DatesCliTest, NounWillDoesNotPushAPastAttackAYearAhead) {
  const std::string article = Write(
      "will.txt", "date 2018-04-13\n\nRussia attacked Ukraine on 7 April, breaking their will.\n");
  const std::vector<nlohmann::json> events = Lines(Run({"code", article, "-q"}));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["date"], "2018-04-07");
  EXPECT_EQ(events[0]["date_precision"], "day");
  EXPECT_EQ(events[0]["date_source"], "text");
  EXPECT_EQ(events[0]["future"], false);
  EXPECT_EQ(events[0]["pub_date"], "2018-04-13");

  const std::string db = (dir_ / "will.sqlite").string();
  Run({"code", article, "--db", db, "-q"});
  const std::vector<StoredEvent> stored = StoredEvents(db);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].date, 20180407);
}

const std::string kGuardian =
    std::string(PARLEY_SOURCE_DIR) + "/../shared/corpora/guardian_2019_sample.jsonl";
const std::string kSeeds = std::string(PARLEY_SOURCE_DIR) + "/../shared/seeds";

// Issue 13: 42 events of the Guardian sample were stored after their own article. Coded
// into a real store, every event after its publication date is a future or planned one.
TEST_F(DatesCliTest, GuardianSampleHasNoPastEventAfterItsArticle) {
  const std::string db = (dir_ / "guardian.sqlite").string();
  const std::string jsonl = (dir_ / "guardian.jsonl").string();
  Run({"code", kGuardian, "--db", db, "--out", jsonl, "-q"});
  const std::vector<StoredEvent> stored = StoredEvents(db);
  ASSERT_GT(stored.size(), 1500u);
  int after = 0, past_after = 0;
  for (const StoredEvent& e : stored) {
    ASSERT_GT(e.pub_date, 0) << e.doc_id;  // every Guardian article has its date
    if (e.date <= e.pub_date) continue;
    ++after;
    if (!e.future) {
      ++past_after;
      ADD_FAILURE() << e.doc_id << " " << FormatDate(e.date) << " after " << FormatDate(e.pub_date)
                    << ": " << e.sentence;
    }
  }
  EXPECT_EQ(past_after, 0);
  // What is left after publication is planned: "will meet on Monday".
  EXPECT_LT(after, 42);
  // The stream says the same.
  for (const nlohmann::json& e : Lines(ReadFile(jsonl))) {
    if (e["date"].is_null()) continue;
    EXPECT_TRUE(e["date"].get<std::string>() <= e["pub_date"].get<std::string>() ||
                e["future"].get<bool>())
        << e.dump();
  }
}

const std::vector<std::string> kDateFields = {
    "date_precision", "date_source", "date_confidence", "date_guessed",       "future",
    "historical",     "pub_date",    "pub_date_method", "pub_date_confidence"};

// Issue 13: "in March 2022" became 2022-03-01, a day, and `dyad --interval day` counted it
// on 1 March.
TEST_F(DatesCliTest, MonthDatesHaveMonthPrecisionAndNoDay) {
  const std::string article =
      Write("march.txt", "date 2023-02-10\n\nSeoul imposed sanctions on Russia in March 2022.\n");
  std::vector<nlohmann::json> events = Lines(Run({"code", article, "-q"}));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["date"], "2022-03-01");
  EXPECT_EQ(events[0]["date_precision"], "month");
  EXPECT_EQ(events[0]["date_source"], "text");
  for (const std::string& field : kDateFields) EXPECT_TRUE(events[0].contains(field)) << field;

  // TSV: the old columns first, the date's provenance after them.
  const std::string tsv = Run({"code", article, "-q", "--format", "tsv"});
  EXPECT_NE(tsv.find("\tsentence\tdate_precision\tdate_source\tdate_confidence\t"),
            std::string::npos);
  EXPECT_NE(tsv.find("\tmonth\ttext\t"), std::string::npos);

  const std::string db = (dir_ / "march.sqlite").string();
  Run({"code", article, "--db", db, "-q"});
  nlohmann::json by_day =
      nlohmann::json::parse(Run({"dyad", "KOR", "RUS", "--db", db, "--interval", "day", "--json"}));
  for (const nlohmann::json& p : by_day["periods"]) EXPECT_EQ(p["count"], 0) << p.dump();
  EXPECT_EQ(by_day["imprecise"]["count"], 1);
  EXPECT_EQ(by_day["total"]["count"], 1);
  nlohmann::json by_month =
      nlohmann::json::parse(Run({"dyad", "KOR", "RUS", "--db", db, "--json"}));
  ASSERT_EQ(by_month["periods"].size(), 1u);
  EXPECT_EQ(by_month["periods"][0]["period"], "2022-03");
  EXPECT_EQ(by_month["periods"][0]["count"], 1);

  // The store, the API's event list and every export that can carry them.
  const std::vector<StoredEvent> stored = StoredEvents(db);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].date, 20220301);
  EXPECT_EQ(stored[0].date_precision, DatePrecision::kMonth);
  EXPECT_EQ(stored[0].pub_date, 20230210);
  EXPECT_EQ(stored[0].pub_date_method, "header");
  nlohmann::json listed =
      nlohmann::json::parse(Run({"events", "--db", db, "--dyad", "KOR-RUS", "--json"}));
  ASSERT_EQ(listed["events"].size(), 1u);
  EXPECT_EQ(listed["events"][0]["date_precision"], "month");
  EXPECT_EQ(listed["events"][0]["pub_date"], "2023-02-10");
  for (const char* format : {"jsonl", "plover"}) {
    events = Lines(Run({"export", "--db", db, "--format", format}));
    ASSERT_EQ(events.size(), 1u) << format;
    for (const std::string& field : kDateFields)
      EXPECT_TRUE(events[0].contains(field)) << format << " " << field;
    EXPECT_EQ(events[0]["date_precision"], "month") << format;
  }
  const std::string csv = Run({"export", "--db", db, "--format", "csv"});
  EXPECT_NE(csv.find(",sentence,date_precision,date_source,"), std::string::npos);
  EXPECT_NE(csv.find(",month,text,"), std::string::npos);
}

// A version 1 store (before the date columns) is read as it is and migrated in place by
// the next writer, keeping every row.
TEST_F(DatesCliTest, VersionOneStoreIsReadAndMigratedWithoutLoss) {
  const std::string db = (dir_ / "v1.sqlite").string();
  Run({"code", kSeeds, "--db", db, "-q"});
  StoreCounts before;
  {
    std::unique_ptr<EventStore> store;
    ASSERT_TRUE(EventStore::Open(db, StoreOptions(), &store).ok());
    ASSERT_TRUE(store->GetCounts(&before).ok());
  }
  // Back to version 1: the date columns dropped, the version numbers as they were.
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
    std::string sql;
    for (const char* c : {"date_precision", "date_source", "date_confidence", "date_guessed",
                          "future", "historical"})
      sql += std::string("ALTER TABLE events DROP COLUMN ") + c + ";";
    sql += "UPDATE meta SET value = '1' WHERE key = 'schema_version'; PRAGMA user_version = 1;";
    ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(raw);
    sqlite3_close(raw);
  }
  // Readers take it as it is.
  const std::string dyad_v1 = Run({"dyad", "RUS", "KOR", "--db", db, "--json"});
  EXPECT_GT(nlohmann::json::parse(dyad_v1)["total"]["count"].get<int>(), 10);
  EXPECT_EQ(StoredEvents(db).size(), static_cast<size_t>(before.events));
  // A writer migrates it.
  const std::string more =
      Write("more.txt", "date 2018-04-13\n\nRussia attacked Ukraine on 7 April.\n");
  Run({"code", more, "--db", db, "-q"});
  StoreCounts after;
  {
    std::unique_ptr<EventStore> store;
    ASSERT_TRUE(EventStore::Open(db, StoreOptions(), &store).ok());
    ASSERT_TRUE(store->GetCounts(&after).ok());
  }
  EXPECT_EQ(after.documents, before.documents + 1);
  EXPECT_EQ(after.events, before.events + 1);
  EXPECT_EQ(after.mentions, before.mentions + 1);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw,
                               "SELECT (SELECT value FROM meta WHERE key = 'schema_version'),"
                               " (SELECT count(*) FROM events WHERE date_source = 'text'),"
                               " (SELECT count(*) FROM events WHERE date = 20180407 AND"
                               " date_precision = 'day')",
                               -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "2");
  EXPECT_GT(sqlite3_column_int(stmt, 1), 0);  // filled from what version 1 kept
  EXPECT_EQ(sqlite3_column_int(stmt, 2), 1);
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
}

// Issue 13: the Soviet Union's "before 1939" in a 2018 article was an event of the series.
TEST_F(DatesCliTest, HistoricalEventsAreFlaggedAndLeftOutOfQueries) {
  const std::string article = Write("history.txt",
                                    "date 2018-03-20\n\nThe Soviet Union attacked Poland before "
                                    "1939.\n\nRussia attacked Ukraine on Monday.\n");
  std::vector<nlohmann::json> events = Lines(Run({"code", article, "-q"}));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["source"]["code"], "SUN");
  EXPECT_EQ(events[0]["historical"], true);
  EXPECT_EQ(events[0]["date"], nullptr);  // only a bound: some time before 1939
  EXPECT_EQ(events[1]["historical"], false);
  EXPECT_EQ(events[1]["date"], "2018-03-19");

  const std::string db = (dir_ / "history.sqlite").string();
  Run({"code", article, "--db", db, "-q"});
  auto dyad_total = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"dyad", "SUN", "POL", "--db", db, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return nlohmann::json::parse(Run(args))["total"]["count"].get<int>();
  };
  EXPECT_EQ(dyad_total({}), 0);
  EXPECT_EQ(dyad_total({"--include-historical"}), 1);
  auto listed = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"events", "--db", db, "--dyad", "SUN-POL", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return nlohmann::json::parse(Run(args))["total"].get<int>();
  };
  EXPECT_EQ(listed({}), 0);
  EXPECT_EQ(listed({"--include-historical"}), 1);
  EXPECT_EQ(nlohmann::json::parse(Run({"top", "--db", db, "--json"}))["events"], 1);
  EXPECT_EQ(
      nlohmann::json::parse(Run({"top", "--db", db, "--json", "--include-historical"}))["events"],
      2);
  // Exports keep them, flagged.
  events = Lines(Run({"export", "--db", db, "--format", "jsonl"}));
  ASSERT_EQ(events.size(), 2u);
  int historical = 0;
  for (const nlohmann::json& e : events) historical += e["historical"].get<bool>();
  EXPECT_EQ(historical, 1);
}

// Issue 13: two of five monthly RUS-KOR peaks rested on guessed publication dates (seed 003
// "2025-07-01", confidence 0.2; seed 004 "2024-01-01", 0.1) and nothing said so.
TEST_F(DatesCliTest, SeedDyadMarksGuessedPeriodsAndTheFilterRemovesThem) {
  const std::string db = (dir_ / "seeds.sqlite").string();
  Run({"code", kSeeds, "--db", db, "-q"});
  auto series = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"dyad", "RUS", "KOR", "--db", db, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return nlohmann::json::parse(Run(args));
  };
  const nlohmann::json by_year = series({"--interval", "year"});
  std::map<std::string, int> guessed;
  for (const nlohmann::json& p : by_year["periods"]) guessed[p["period"]] = p["guessed"];
  EXPECT_EQ(guessed["2022"], 0);
  EXPECT_GT(guessed["2024"], 0);                         // seed 004
  EXPECT_GT(guessed["2025"], 0);                         // seed 003
  EXPECT_GT(by_year["undated"]["count"].get<int>(), 0);  // seed 002: no date, no guess
  // A year-only guess is no month: by month those events are imprecise, still marked.
  const nlohmann::json by_month = series({});
  for (const nlohmann::json& p : by_month["periods"]) EXPECT_EQ(p["guessed"], 0) << p.dump();
  EXPECT_GT(by_month["imprecise"]["guessed"].get<int>(), 0);

  const nlohmann::json sure = series({"--interval", "year", "--min-date-confidence", "0.5"});
  EXPECT_EQ(sure["total"]["guessed"], 0);
  for (const nlohmann::json& p : sure["periods"]) EXPECT_NE(p["period"], "2025");
  EXPECT_EQ(sure["undated"]["count"], by_year["undated"]["count"]);  // undated stay visible
  EXPECT_LE(sure["total"]["count"].get<int>(),
            by_year["total"]["count"].get<int>() - by_year["total"]["guessed"].get<int>());

  // The table has the column and says what it means; a bad confidence is a usage error.
  const std::string table = Run({"dyad", "RUS", "KOR", "--db", db, "--interval", "year"});
  EXPECT_NE(table.find("guessed\n"), std::string::npos) << table;
  EXPECT_NE(table.find("\nundated "), std::string::npos) << table;
  EXPECT_NE(table.find("--min-date-confidence 0.5 leaves them out"), std::string::npos);
  int code = 0;
  Run({"dyad", "RUS", "KOR", "--db", db, "--min-date-confidence", "1.5"}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(ReadFile((dir_ / "stderr").string()).find("--min-date-confidence '1.5'"),
            std::string::npos);
  // Event lines never show a guess as a fact.
  const std::string listed = Run({"events", "--db", db, "--dyad", "RUS-KOR", "--color", "never"});
  EXPECT_NE(listed.find("2025 (guessed)"), std::string::npos) << listed;
}

// "One date everywhere" with the real binary: the events `parley code` streams, the store
// it writes and `parley explain` on each seed article agree on every date (issue 13: code
// and explain gave the publication date, the store the resolved one).
TEST_F(DatesCliTest, CodeStoreAndExplainBinariesAgreeOnTheSeeds) {
  const std::string db = (dir_ / "seeds.sqlite").string();
  const std::string jsonl = (dir_ / "seeds.jsonl").string();
  Run({"code", kSeeds, "--db", db, "--out", jsonl, "-q", "--threads", "2"});
  const std::vector<nlohmann::json> streamed = Lines(ReadFile(jsonl));
  ASSERT_GT(streamed.size(), 30u);
  std::map<std::string, std::vector<nlohmann::json>> by_doc;
  for (const nlohmann::json& e : streamed) by_doc[e["doc_id"]].push_back(e);
  std::unique_ptr<EventStore> store;
  StoreOptions read_only;
  read_only.read_only = true;
  ASSERT_TRUE(EventStore::Open(db, read_only, &store).ok());
  size_t compared = 0;
  ASSERT_TRUE(
      store
          ->ForEachDocument([&](StoreDocument&& doc) {
            const std::vector<nlohmann::json>& events = by_doc[doc.id];
            EXPECT_EQ(events.size(), doc.events.size()) << doc.id;
            for (size_t i = 0; i < events.size() && i < doc.events.size(); ++i) {
              const Event& e = doc.events[i];
              EXPECT_EQ(events[i]["date"].is_null() ? "" : events[i]["date"], FormatDate(e.date))
                  << doc.id << ": " << e.sentence;
              EXPECT_EQ(events[i]["date_precision"], DatePrecisionName(e.date_precision));
              ++compared;
            }
            return Status::OK();
          })
          .ok());
  EXPECT_EQ(compared, streamed.size());

  // explain, article by article, with the article's own date (or none).
  std::unique_ptr<DocumentReader> reader;
  ASSERT_TRUE(DocumentReader::Open({kSeeds}, ReaderOptions(), &reader).ok());
  Document doc;
  size_t explained = 0;
  while (reader->Next(&doc)) {
    const std::string text = Write("text", doc.text);
    std::vector<std::string> args = {"explain", "--json", "--profile", "news"};
    if (doc.date) args.insert(args.end(), {"--date", FormatDate(doc.date)});
    args.push_back("-");
    // explain reads the text from stdin.
    const std::string out = (dir_ / "explain.json").string();
    std::string shell = std::string(PARLEY_BINARY);
    for (const std::string& a : args) shell += " '" + a + "'";
    shell += " < '" + text + "' > '" + out + "' 2>/dev/null";
    ASSERT_EQ(std::system(shell.c_str()), 0) << shell;
    const nlohmann::json j = nlohmann::json::parse(ReadFile(out));
    std::map<std::tuple<int, std::string, std::string, std::string>, std::string> dates;
    int index = 0;
    for (const nlohmann::json& s : j["sentences"]) {
      for (const nlohmann::json& e : s["events"])
        dates[{index, e["source"]["code"], e["target"]["code"], e["code"]}] =
            e["date"].is_null() ? "" : e["date"].get<std::string>();
      ++index;
    }
    for (const nlohmann::json& e : by_doc[doc.id]) {
      auto it = dates.find(
          {e["sentence_index"].get<int>(), e["source"]["code"], e["target"]["code"], e["code"]});
      if (it == dates.end()) continue;
      ++explained;
      EXPECT_EQ(it->second, e["date"].is_null() ? "" : e["date"].get<std::string>())
          << doc.id << ": " << e["sentence"];
    }
  }
  EXPECT_GE(explained * 10, streamed.size() * 8);
}

}  // namespace
}  // namespace parley
