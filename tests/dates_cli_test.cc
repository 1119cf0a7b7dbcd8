// Dates end to end with the real binary (issue 13): what `parley code` writes, what the
// store holds and what `dyad` counts, for articles whose sentences date their events.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace parley
