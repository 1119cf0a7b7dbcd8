// End-to-end tests of `parley code --db` with the real binary: a run killed with SIGKILL
// midway and rerun ends with exactly the store of an uninterrupted run, and perturbed
// copies of articles (wire re-publications) add mentions, not events.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "dedup/eval_set.h"
#include "parley/store.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

const std::string kGuardian =
    std::string(PARLEY_SOURCE_DIR) + "/../shared/corpora/guardian_2019_sample.jsonl";

struct Article {
  std::string id, date, text;
};

std::vector<Article> ReadGuardian() {
  std::vector<Article> articles;
  std::ifstream in(kGuardian);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    articles.push_back({j.value("id", ""), j.value("date", ""), j.value("text", "")});
  }
  return articles;
}

void WriteJsonl(const fs::path& path, const std::vector<Article>& docs) {
  std::ofstream out(path);
  for (const Article& a : docs) {
    nlohmann::json j = {{"id", a.id}, {"date", a.date}, {"source", "Guardian"}, {"text", a.text}};
    out << j.dump() << '\n';
  }
}

// Everything that must match between two stores, independent of row ids and times.
struct Snapshot {
  StoreCounts counts;
  std::multiset<
      std::tuple<int64_t, Date, std::string, std::string, std::string, int64_t, int64_t, int64_t>>
      events;
  std::vector<StoredStory> stories;
};

Snapshot Take(const std::string& path) {
  Snapshot snap;
  std::unique_ptr<EventStore> store;
  StoreOptions read_only;
  read_only.read_only = true;
  Status s = EventStore::Open(path, read_only, &store);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return snap;
  EXPECT_TRUE(store->GetCounts(&snap.counts).ok());
  EXPECT_TRUE(store
                  ->ForEachEvent({},
                                 [&](const StoredEvent& e) {
                                   snap.events.emplace(e.story_id, e.date, e.source, e.target,
                                                       e.code, e.num_mentions, e.num_sources,
                                                       e.num_articles);
                                 })
                  .ok());
  EXPECT_TRUE(store->ForEachStory([&](const StoredStory& st) { snap.stories.push_back(st); }).ok());
  return snap;
}

// The counters on events agree with the mention rows (no half-written document).
void ExpectConsistent(const std::string& path) {
  std::unique_ptr<EventStore> store;
  StoreOptions read_only;
  read_only.read_only = true;
  ASSERT_TRUE(EventStore::Open(path, read_only, &store).ok());
  StoreCounts counts;
  ASSERT_TRUE(store->GetCounts(&counts).ok());
  int64_t mentions = 0;
  ASSERT_TRUE(store
                  ->ForEachEvent({},
                                 [&](const StoredEvent& e) {
                                   EXPECT_GE(e.num_mentions, e.num_articles);
                                   EXPECT_GE(e.num_articles, 1);
                                   mentions += e.num_mentions;
                                 })
                  .ok());
  EXPECT_EQ(mentions, counts.mentions);
}

int64_t DocumentsIn(const std::string& path) {
  std::unique_ptr<EventStore> store;
  StoreOptions read_only;
  read_only.read_only = true;
  if (!EventStore::Open(path, read_only, &store).ok()) return 0;
  StoreCounts counts;
  if (!store->GetCounts(&counts).ok()) return 0;
  return counts.documents;
}

int RunParley(const std::vector<std::string>& args) {
  std::string command = PARLEY_BINARY;
  for (const std::string& a : args) command += " '" + a + "'";
  command += " -q > /dev/null 2>&1";
  return std::system(command.c_str());
}

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_store_cli_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(StoreCliTest, KilledRunCompletesOnRerunWithoutLossOrDuplication) {
  std::vector<Article> guardian = ReadGuardian();
  ASSERT_FALSE(guardian.empty());
  // Near-duplicate editions of every article, so stories and aggregation are exercised.
  std::vector<Article> input;
  for (int k = 0; k < 8; ++k) {
    for (const Article& a : guardian) {
      input.push_back({a.id + "~e" + std::to_string(k), a.date,
                       "Edition " + std::to_string(k) + " of this report. " + a.text});
    }
  }
  WriteJsonl(dir_ / "input.jsonl", input);
  const std::string in = Path("input.jsonl");
  ASSERT_EQ(RunParley({"code", in, "--db", Path("reference.sqlite"), "--threads", "2"}), 0);
  Snapshot reference = Take(Path("reference.sqlite"));
  ASSERT_EQ(reference.counts.documents, static_cast<int64_t>(input.size()));

  const std::string db = Path("killed.sqlite");
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(PARLEY_BINARY, PARLEY_BINARY, "code", in.c_str(), "--db", db.c_str(), "--threads", "2",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill as soon as the first batch is committed.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline && DocumentsIn(db) == 0) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) {
      pid = 0;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (pid > 0) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  int64_t partial = DocumentsIn(db);
  std::printf("killed after %lld of %lld documents were stored\n", (long long)partial,
              (long long)reference.counts.documents);
  EXPECT_GT(partial, 0);
  EXPECT_LT(partial, reference.counts.documents) << "the run finished before it was killed";
  ExpectConsistent(db);

  ASSERT_EQ(RunParley({"code", in, "--db", db, "--threads", "2"}), 0);
  Snapshot resumed = Take(db);
  EXPECT_EQ(resumed.counts.documents, reference.counts.documents);
  EXPECT_EQ(resumed.counts.sentences, reference.counts.sentences);
  EXPECT_EQ(resumed.counts.stories, reference.counts.stories);
  EXPECT_EQ(resumed.counts.events, reference.counts.events);
  EXPECT_EQ(resumed.counts.mentions, reference.counts.mentions);
  EXPECT_TRUE(resumed.events == reference.events);
  ASSERT_EQ(resumed.stories.size(), reference.stories.size());
  for (size_t i = 0; i < resumed.stories.size(); ++i) {
    EXPECT_EQ(resumed.stories[i].doc_ids, reference.stories[i].doc_ids);
  }

  // A third run adds nothing.
  ASSERT_EQ(RunParley({"code", in, "--db", db, "--threads", "2"}), 0);
  Snapshot again = Take(db);
  EXPECT_EQ(again.counts.documents, reference.counts.documents);
  EXPECT_EQ(again.counts.mentions, reference.counts.mentions);
  EXPECT_EQ(again.counts.events, reference.counts.events);
}

TEST_F(StoreCliTest, PerturbedCopiesDoNotTripleEvents) {
  std::vector<Article> guardian = ReadGuardian();
  ASSERT_FALSE(guardian.empty());
  std::vector<std::string> ids, texts;
  for (const Article& a : guardian) {
    ids.push_back(a.id);
    texts.push_back(a.text);
  }
  dedup::EvalSetOptions options;
  options.copies_per_article = 2;
  std::vector<dedup::EvalDoc> eval = dedup::BuildEvalSet(ids, texts, options);
  std::vector<Article> with_copies;
  for (const dedup::EvalDoc& d : eval) {
    with_copies.push_back({d.id, guardian[d.cluster].date, d.text});
  }
  ASSERT_EQ(with_copies.size(), guardian.size() * 3);
  WriteJsonl(dir_ / "originals.jsonl", guardian);
  WriteJsonl(dir_ / "copies.jsonl", with_copies);
  ASSERT_EQ(RunParley({"code", Path("originals.jsonl"), "--db", Path("originals.sqlite")}), 0);
  ASSERT_EQ(RunParley({"code", Path("copies.jsonl"), "--db", Path("copies.sqlite")}), 0);
  Snapshot originals = Take(Path("originals.sqlite"));
  Snapshot copies = Take(Path("copies.sqlite"));
  std::printf(
      "originals: %lld docs, %lld stories, %lld events, %lld mentions; with 2 copies "
      "each: %lld docs, %lld stories, %lld events, %lld mentions\n",
      (long long)originals.counts.documents, (long long)originals.counts.stories,
      (long long)originals.counts.events, (long long)originals.counts.mentions,
      (long long)copies.counts.documents, (long long)copies.counts.stories,
      (long long)copies.counts.events, (long long)copies.counts.mentions);
  EXPECT_EQ(copies.counts.documents, originals.counts.documents * 3);
  // The copies report the same happenings: about three times the mentions, but the
  // events grow only by what the perturbations changed (added paragraphs, new words).
  EXPECT_GT(copies.counts.mentions, originals.counts.mentions * 2);
  EXPECT_LT(copies.counts.events, originals.counts.events * 3 / 2)
      << "originals " << originals.counts.events << " events, with copies " << copies.counts.events;
  EXPECT_LE(copies.counts.stories, originals.counts.stories * 11 / 10);
  ExpectConsistent(Path("copies.sqlite"));
}

}  // namespace
}  // namespace parley
