// Store and output safety with the real binary: --out never clobbers an input or the
// store, a failed or killed run leaves an old output file as it was, one writer at a time
// per store (the second waits, or fails with --no-wait), readers never block the writer,
// read-only stores stay readable, kill -9 during `code --db` and `merge` is completed by a
// rerun, `merge` equals coding into one store, and a full disk leaves the store intact.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "parley/store.h"
#include "process_util.h"
#include "store/store_lock.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using testing_util::ChildOptions;
using testing_util::Exited;
using testing_util::ReadFile;
using testing_util::RunParley;
using testing_util::StartParley;
using testing_util::WaitExit;
using testing_util::WaitFor;

const std::string kGuardian =
    std::string(PARLEY_SOURCE_DIR) + "/../shared/corpora/guardian_2019_sample.jsonl";

std::vector<std::string> GuardianLines() {
  std::vector<std::string> lines;
  std::ifstream in(kGuardian);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Edition `k` of a Guardian record: the same article under a new id with a sentence in
// front, so it is a near-duplicate (same story) of the original.
std::string Edition(const std::string& line, int k) {
  std::string out = line;
  size_t id = out.find("\"id\":");
  if (id != std::string::npos) {
    size_t quote = out.find('"', id + 5);
    size_t end = out.find('"', quote + 1);
    out.insert(end, "~e" + std::to_string(k));
  }
  size_t text = out.find("\"text\":");
  if (text != std::string::npos) {
    size_t quote = out.find('"', text + 7);
    out.insert(quote + 1, "Edition " + std::to_string(k) + " of this report. ");
  }
  return out;
}

void WriteLines(const fs::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& l : lines) out << l << '\n';
}

int64_t DocumentsIn(const std::string& path) {
  std::unique_ptr<EventStore> store;
  StoreOptions read_only;
  read_only.read_only = true;
  if (!fs::exists(path) || !EventStore::Open(path, read_only, &store).ok()) return 0;
  StoreCounts counts;
  if (!store->GetCounts(&counts).ok()) return 0;
  return counts.documents;
}

std::string Export(const std::string& db, const fs::path& scratch,
                   const std::string& format = "jsonl") {
  ChildOptions options;
  options.stdout_path = scratch.string();
  int rc = RunParley({"export", "--db", db, "--format", format}, options);
  EXPECT_EQ(rc, 0) << "export of " << db;
  return ReadFile(scratch.string());
}

// Inputs, and reference stores made when a test first needs them (coding is the slow
// part, and CTest runs each test in its own process).
class Corpus {
 public:
  explicit Corpus(fs::path dir) : dir_(std::move(dir)) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::vector<std::string> guardian = GuardianLines();
    EXPECT_GT(guardian.size(), 200u);
    std::vector<std::string> small(guardian.begin(), guardian.begin() + 40), b, big;
    for (const std::string& l : guardian) b.push_back(Edition(l, 1));
    for (int k = 2; k <= 3; ++k) {
      for (const std::string& l : guardian) big.push_back(Edition(l, k));
    }
    small_ = Write("small.jsonl", small);
    a_ = Write("a.jsonl", guardian);
    b_ = Write("b.jsonl", b);
    big_ = Write("big.jsonl", big);
  }
  ~Corpus() { fs::remove_all(dir_); }

  const fs::path& dir() const { return dir_; }
  const std::string& small() const { return small_; }  // 40 Guardian articles
  const std::string& a() const { return a_; }          // the Guardian sample (249)
  const std::string& b() const { return b_; }          // edition 1 of each: near-duplicates of a
  const std::string& big() const { return big_; }      // editions 2 and 3 (498): long runs

  // Export (jsonl) of `code a --db S`.
  const std::string& ref_a() {
    MakeAb();
    return ref_a_;
  }
  // Export of `code a --db S` then `code b --db S`.
  const std::string& ref_ab() {
    MakeAb();
    return ref_ab_;
  }
  // Export of `code big --db S`, the store itself, and how long coding took.
  const std::string& ref_big() {
    MakeBig();
    return ref_big_;
  }
  std::string ref_big_store() {
    MakeBig();
    return (dir_ / "ref_big.sqlite").string();
  }
  // The stores of `code a --db` and `code b --db` (do not write to them).
  std::string a_store() {
    MakeAb();
    return (dir_ / "a.sqlite").string();
  }
  std::string b_store() {
    MakeAb();
    return (dir_ / "b.sqlite").string();
  }
  double seconds_big() {
    MakeBig();
    return seconds_big_;
  }

 private:
  std::string Write(const std::string& name, const std::vector<std::string>& lines) {
    WriteLines(dir_ / name, lines);
    return (dir_ / name).string();
  }
  void MakeAb() {
    if (!ref_a_.empty() || making_ab_) return;
    making_ab_ = true;
    const std::string ref = (dir_ / "ref.sqlite").string();
    EXPECT_EQ(RunParley({"code", a_, "--db", ref, "-q"}), 0);
    ref_a_ = Export(ref, dir_ / "export.tmp");
    fs::copy_file(ref, a_store());  // closed cleanly: everything is in the main file
    EXPECT_EQ(RunParley({"code", b_, "--db", ref, "-q"}), 0);
    ref_ab_ = Export(ref, dir_ / "export.tmp");
    EXPECT_EQ(RunParley({"code", b_, "--db", b_store(), "-q"}), 0);
    EXPECT_FALSE(ref_a_.empty());
    EXPECT_NE(ref_a_, ref_ab_);
  }
  void MakeBig() {
    if (!ref_big_.empty()) return;
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(RunParley({"code", big_, "--db", ref_big_store_path(), "-q", "--threads", "2"}), 0);
    seconds_big_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ref_big_ = Export(ref_big_store_path(), dir_ / "export.tmp");
    EXPECT_FALSE(ref_big_.empty());
  }
  std::string ref_big_store_path() const { return (dir_ / "ref_big.sqlite").string(); }

  fs::path dir_;
  std::string small_, a_, b_, big_;
  std::string ref_a_, ref_ab_, ref_big_;
  double seconds_big_ = 0;
  bool making_ab_ = false;
};

Corpus* g_corpus = nullptr;

class StoreSafetyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    g_corpus =
        new Corpus(fs::temp_directory_path() / ("parley_store_safety_" + std::to_string(getpid())));
  }
  static void TearDownTestSuite() {
    delete g_corpus;
    g_corpus = nullptr;
  }

  void SetUp() override {
    dir_ = g_corpus->dir() / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string ExportOf(const std::string& db) { return Export(db, dir_ / "export.out"); }
  Corpus& corpus() { return *g_corpus; }

  // Runs parley with stderr captured; returns the exit code, stderr in `*err`.
  int RunCaptured(const std::vector<std::string>& args, std::string* err,
                  ChildOptions options = {}) {
    options.stderr_path = Path("stderr.txt");
    int rc = RunParley(args, options);
    *err = ReadFile(options.stderr_path);
    return rc;
  }

  // No temporary output file was left in the test folder.
  void ExpectNoTemporaryFiles() {
    for (const auto& entry : fs::directory_iterator(dir_)) {
      EXPECT_EQ(entry.path().filename().string().find(".parley-tmp-"), std::string::npos)
          << entry.path();
    }
  }

  fs::path dir_;
};

// Defect: `parley code a.jsonl --out a.jsonl` truncated the input to 0 bytes, exit 0.
TEST_F(StoreSafetyTest, CodeOutThatIsTheInputIsRefused) {
  fs::copy_file(corpus().small(), Path("a.jsonl"));
  const std::string before = ReadFile(Path("a.jsonl"));
  std::string err;
  EXPECT_EQ(RunCaptured({"code", Path("a.jsonl"), "--out", Path("a.jsonl")}, &err), 2);
  EXPECT_NE(err.find("refusing to write --out"), std::string::npos) << err;
  EXPECT_NE(err.find("is the input"), std::string::npos) << err;
  EXPECT_EQ(ReadFile(Path("a.jsonl")), before);
  // A file found inside an input folder is an input too.
  fs::create_directories(dir_ / "news");
  fs::copy_file(corpus().small(), dir_ / "news" / "x.jsonl");
  EXPECT_EQ(RunCaptured({"code", Path("news"), "--out", Path("news/x.jsonl")}, &err), 2);
  EXPECT_EQ(ReadFile(Path("news/x.jsonl")), before);
  // Nor a dictionary, given as a file or inside a dictionary folder.
  fs::create_directories(dir_ / "dict");
  std::ofstream(dir_ / "dict" / "my.actors.txt") << "RUSSIA [RUS]\n";
  EXPECT_EQ(RunCaptured({"code", Path("a.jsonl"), "--dict", Path("dict"), "--out",
                         Path("dict/my.actors.txt")},
                        &err),
            2);
  EXPECT_NE(err.find("it is the dictionary"), std::string::npos) << err;
  EXPECT_EQ(ReadFile(Path("dict/my.actors.txt")), "RUSSIA [RUS]\n");
  // The store may not be an input either.
  EXPECT_EQ(RunCaptured({"code", Path("a.jsonl"), "--db", Path("a.jsonl")}, &err), 2);
  EXPECT_EQ(ReadFile(Path("a.jsonl")), before);
}

// Defect: `parley export --db s.sqlite --format jsonl --out s.sqlite` left a 0-byte store.
TEST_F(StoreSafetyTest, ExportOutThatIsTheStoreIsRefused) {
  const std::string db = Path("s.sqlite");
  ASSERT_EQ(RunParley({"code", corpus().small(), "--db", db, "-q"}), 0);
  const std::string before = ExportOf(db);
  std::string err;
  EXPECT_EQ(RunCaptured({"export", "--db", db, "--format", "jsonl", "--out", db}, &err), 2);
  EXPECT_NE(err.find("it is the event store"), std::string::npos) << err;
  EXPECT_GT(fs::file_size(db), 0u);
  EXPECT_EQ(ExportOf(db), before);
  EXPECT_EQ(RunCaptured({"stories", "--db", db, "--out", db}, &err), 2);
  EXPECT_EQ(ExportOf(db), before);
}

// Defect: `parley code x.jsonl --db s.sqlite --out s.sqlite` overwrote the store with JSONL.
TEST_F(StoreSafetyTest, CodeOutThatIsTheStoreIsRefused) {
  const std::string db = Path("s.sqlite");
  ASSERT_EQ(RunParley({"code", corpus().small(), "--db", db, "-q"}), 0);
  const std::string before = ExportOf(db);
  std::string err;
  EXPECT_EQ(RunCaptured({"code", corpus().a(), "--db", db, "--out", db}, &err), 2);
  EXPECT_NE(err.find("it is the event store"), std::string::npos) << err;
  EXPECT_EQ(ExportOf(db), before);
  // Its -wal and lock files are the store too.
  EXPECT_EQ(RunCaptured({"code", corpus().a(), "--db", db, "--out", db + "-wal"}, &err), 2);
  EXPECT_EQ(ExportOf(db), before);
}

TEST_F(StoreSafetyTest, OutThroughHardLinkOrSymlinkIsRefused) {
  fs::copy_file(corpus().small(), Path("a.jsonl"));
  const std::string before = ReadFile(Path("a.jsonl"));
  fs::create_hard_link(Path("a.jsonl"), Path("hard.jsonl"));
  fs::create_symlink(Path("a.jsonl"), Path("sym.jsonl"));
  std::string err;
  EXPECT_EQ(RunCaptured({"code", Path("a.jsonl"), "--out", Path("hard.jsonl")}, &err), 2);
  EXPECT_NE(err.find("under another name"), std::string::npos) << err;
  EXPECT_EQ(RunCaptured({"code", Path("a.jsonl"), "--out", Path("sym.jsonl")}, &err), 2);
  EXPECT_EQ(ReadFile(Path("a.jsonl")), before);
  // The same through a relative spelling of the path.
  fs::create_directories(dir_ / "news");
  EXPECT_EQ(RunCaptured({"code", Path("a.jsonl"), "--out", Path("news/../a.jsonl")}, &err), 2);
  EXPECT_EQ(ReadFile(Path("a.jsonl")), before);

  const std::string db = Path("s.sqlite");
  ASSERT_EQ(RunParley({"code", Path("a.jsonl"), "--db", db, "-q"}), 0);
  const std::string store_before = ExportOf(db);
  fs::create_hard_link(db, Path("store-link"));
  fs::create_symlink(db, Path("store-sym"));
  EXPECT_EQ(RunCaptured({"export", "--db", db, "--out", Path("store-link")}, &err), 2);
  EXPECT_EQ(RunCaptured({"export", "--db", db, "--out", Path("store-sym")}, &err), 2);
  EXPECT_EQ(RunCaptured({"code", Path("a.jsonl"), "--db", db, "--out", Path("store-sym")}, &err),
            2);
  EXPECT_EQ(ExportOf(db), store_before);
  // A symlink to an ordinary output file is written through: the target gets the events.
  std::ofstream(Path("real.jsonl")) << "old\n";
  fs::create_symlink(Path("real.jsonl"), Path("out-link.jsonl"));
  ASSERT_EQ(RunParley({"code", Path("a.jsonl"), "--out", Path("out-link.jsonl"), "-q"}), 0);
  EXPECT_TRUE(fs::is_symlink(Path("out-link.jsonl")));
  EXPECT_NE(ReadFile(Path("real.jsonl")), "old\n");
  EXPECT_GT(fs::file_size(Path("real.jsonl")), 1000u);
}

// Temp + rename: a run that fails (the file cannot be written: file-size limit) or is
// killed leaves the old output as it was.
TEST_F(StoreSafetyTest, FailedOrKilledRunLeavesOldOutputIntact) {
  const std::string out = Path("events.jsonl");
  std::ofstream(out) << "old events\n";
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  ChildOptions limited;
  limited.file_size_limit = 16 * 1024;
  std::string err;
  EXPECT_NE(RunCaptured({"code", corpus().a(), "--out", out, "-q"}, &err, limited), 0);
  EXPECT_NE(err.find("File too large"), std::string::npos) << err;
  EXPECT_EQ(ReadFile(out), "old events\n");
  ExpectNoTemporaryFiles();

  const std::string db = Path("s.sqlite");
  ASSERT_EQ(RunParley({"code", corpus().small(), "--db", db, "-q"}), 0);
  EXPECT_NE(RunCaptured({"export", "--db", db, "--out", out}, &err, limited), 0);
  EXPECT_EQ(ReadFile(out), "old events\n");
  ExpectNoTemporaryFiles();

  // Killed while writing: the temporary file exists, the old output is untouched.
  pid_t pid = StartParley({"code", corpus().big(), "--out", out, "--threads", "1", "-q"});
  bool writing = WaitFor(
      [&] {
        for (const auto& entry : fs::directory_iterator(dir_)) {
          if (entry.path().filename().string().find(".parley-tmp-") != std::string::npos &&
              fs::file_size(entry.path()) > 0)
            return true;
        }
        return false;
      },
      30);
  kill(pid, SIGKILL);
  WaitExit(pid);
  EXPECT_TRUE(writing);
  EXPECT_EQ(ReadFile(out), "old events\n");
  // A run that succeeds replaces it, keeping its permissions.
  ASSERT_EQ(RunParley({"code", corpus().small(), "--out", out, "-q"}), 0);
  EXPECT_NE(ReadFile(out), "old events\n");
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

// Defect: a store read-only along with its folder was "not a parley event store".
TEST_F(StoreSafetyTest, ReadOnlyStoreIsReadableAndRefusesWriters) {
  const fs::path ro = dir_ / "ro";
  fs::create_directories(ro);
  const std::string db = (ro / "s.sqlite").string();
  ASSERT_EQ(RunParley({"code", corpus().small(), "--db", db, "-q"}), 0);
  const std::string before = ExportOf(db);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                          fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  // As root permissions do not bind: run the commands as an unprivileged user.
  ChildOptions reader;
  reader.as_nobody = true;
  reader.stdout_path = Path("ro-export.jsonl");
  std::string err;
  EXPECT_EQ(RunCaptured({"export", "--db", db, "--format", "jsonl"}, &err, reader), 0) << err;
  EXPECT_EQ(ReadFile(Path("ro-export.jsonl")), before);
  reader.stdout_path = Path("ro-dyad.txt");
  EXPECT_EQ(RunCaptured({"dyad", "SYR", "USA", "--db", db}, &err, reader), 0) << err;
  EXPECT_NE(ReadFile(Path("ro-dyad.txt")).find("total"), std::string::npos);
  reader.stdout_path = "/dev/null";
  EXPECT_EQ(RunCaptured({"stories", "--db", db}, &err, reader), 0) << err;
  EXPECT_EQ(RunCaptured({"top", "--db", db}, &err, reader), 0) << err;

  EXPECT_EQ(RunCaptured({"code", corpus().a(), "--db", db, "-q"}, &err, reader), 1);
  EXPECT_NE(err.find("cannot write to store " + db + ": read-only"), std::string::npos) << err;
  EXPECT_EQ(RunCaptured({"merge", "--db", db, Path("missing.sqlite")}, &err, reader), 1);
  EXPECT_NE(err.find("cannot write to store " + db + ": read-only"), std::string::npos) << err;
  fs::permissions(ro, fs::perms::owner_all, fs::perm_options::add);
  EXPECT_EQ(ExportOf(db), before);
}

// Defect: two `code --db` writers on one store doubled the events (4,524 against 2,262)
// and split copies of one article across stories, both exiting 0.
TEST_F(StoreSafetyTest, SecondWriterWaitsForTheFirst) {
  for (bool same_input : {true, false}) {
    SCOPED_TRACE(same_input ? "same input" : "different inputs");
    const std::string db = Path(same_input ? "same.sqlite" : "different.sqlite");
    const std::string second_input = same_input ? corpus().big() : corpus().small();
    pid_t first = StartParley({"code", corpus().big(), "--db", db, "--threads", "1", "-q"});
    ASSERT_TRUE(WaitFor([&] { return store::StoreLock::HolderPid(db) == first; }, 30));
    ChildOptions options;
    options.stderr_path = Path("second.txt");
    pid_t second = StartParley({"code", second_input, "--db", db, "-q"}, options);
    // --no-wait fails at once, naming the writer.
    std::string err;
    EXPECT_EQ(RunCaptured({"code", corpus().small(), "--db", db, "--no-wait", "-q"}, &err), 1);
    EXPECT_NE(err.find("is being written by pid " + std::to_string(first)), std::string::npos)
        << err;
    EXPECT_EQ(WaitExit(first), 0);
    EXPECT_EQ(WaitExit(second), 0);
    const std::string second_err = ReadFile(Path("second.txt"));
    EXPECT_NE(second_err.find("parley: store " + db + " is being written by pid " +
                              std::to_string(first) + "; waiting"),
              std::string::npos)
        << second_err;
    if (same_input) {
      EXPECT_EQ(ExportOf(db), corpus().ref_big());
    } else {
      // One writer after the other: exactly what coding big, then small, gives.
      const std::string sequential = Path("sequential.sqlite");
      fs::copy_file(corpus().ref_big_store(), sequential);
      ASSERT_EQ(RunParley({"code", corpus().small(), "--db", sequential, "-q"}), 0);
      EXPECT_EQ(ExportOf(db), ExportOf(sequential));
    }
  }
}

TEST_F(StoreSafetyTest, ReadersDuringWritesWorkAndDoNotBlockTheWriter) {
  const std::string db = Path("s.sqlite");
  pid_t writer = StartParley({"code", corpus().big(), "--db", db, "--threads", "1", "-q"});
  ASSERT_TRUE(WaitFor([&] { return DocumentsIn(db) > 0; }, 30));
  int reads = 0, writer_exit = -1;
  bool writer_done = false;
  while (!(writer_done = Exited(writer, &writer_exit))) {
    ChildOptions options;
    options.stdout_path = Path("read.out");
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(RunParley({"export", "--db", db, "--format", "gdelt"}, options), 0);
    EXPECT_EQ(RunParley({"dyad", "SYR", "USA", "--db", db}, options), 0);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10);
    ++reads;
  }
  EXPECT_EQ(writer_exit, 0);
  EXPECT_GE(reads, 1);
  std::printf("%d export+dyad reads while the writer ran\n", reads);
  EXPECT_EQ(ExportOf(db), corpus().ref_big());
}

// kill -9 at random moments (fixed seed) during `code --db`; each rerun completes the
// store to exactly the export of an uninterrupted run.
TEST_F(StoreSafetyTest, KilledCodeRunsCompleteOnRerun) {
  std::mt19937 rng(20261203);
  int mid_write = 0;
  for (int trial = 0; trial < 3; ++trial) {
    const std::string db = Path("killed" + std::to_string(trial) + ".sqlite");
    pid_t pid = StartParley({"code", corpus().big(), "--db", db, "--threads", "2", "-q"});
    // Wait for the first commit, then a random part of the rest of the run.
    WaitFor([&] { return DocumentsIn(db) > 0; }, 30);
    std::uniform_real_distribution<double> delay(0.0, corpus().seconds_big() * 0.6);
    std::this_thread::sleep_for(std::chrono::duration<double>(delay(rng)));
    kill(pid, SIGKILL);
    WaitExit(pid);
    const int64_t partial = DocumentsIn(db);
    if (partial > 0 && partial < 498) ++mid_write;
    std::printf("trial %d: killed with %lld of 498 documents stored\n", trial,
                static_cast<long long>(partial));
    ASSERT_EQ(RunParley({"code", corpus().big(), "--db", db, "--threads", "2", "-q"}), 0);
    EXPECT_EQ(ExportOf(db), corpus().ref_big()) << "trial " << trial;
  }
  EXPECT_GE(mid_write, 1);
}

// Merging the stores of A and B into an empty store equals coding A and B into one
// store (B's articles are near-duplicates of A's, so stories span the two sources).
TEST_F(StoreSafetyTest, MergeEqualsCodingIntoOneStore) {
  const std::string a = corpus().a_store(), b = corpus().b_store();
  const std::string merged = Path("merged.sqlite");
  std::string err;
  ASSERT_EQ(RunCaptured({"merge", "--db", merged, a, b}, &err), 0) << err;
  EXPECT_NE(err.find("documents added"), std::string::npos) << err;
  EXPECT_EQ(ExportOf(merged), corpus().ref_ab());
  // Idempotent: merging again adds nothing.
  ASSERT_EQ(RunParley({"merge", "--db", merged, a, b, "-q"}), 0);
  EXPECT_EQ(ExportOf(merged), corpus().ref_ab());
  // Into a store that already holds A: only B is added.
  const std::string partly = Path("partly.sqlite");
  fs::copy_file(a, partly);
  ASSERT_EQ(RunParley({"merge", "--db", partly, b, a, "-q"}), 0);
  EXPECT_EQ(ExportOf(partly), corpus().ref_ab());
  // Refused: a store into itself (also under another name), a missing source.
  fs::create_symlink(merged, Path("merged-link"));
  EXPECT_EQ(RunCaptured({"merge", "--db", merged, Path("merged-link")}, &err), 2);
  EXPECT_NE(err.find("into itself"), std::string::npos) << err;
  EXPECT_EQ(RunCaptured({"merge", "--db", merged, Path("missing.sqlite")}, &err), 1);
  EXPECT_NE(err.find("missing.sqlite"), std::string::npos) << err;
  EXPECT_EQ(ExportOf(merged), corpus().ref_ab());
}

TEST_F(StoreSafetyTest, KilledMergeCompletesOnRerun) {
  const std::string big = corpus().ref_big_store(), b = corpus().a_store();
  const std::string reference = Path("reference.sqlite");
  ASSERT_EQ(RunParley({"merge", "--db", reference, big, b, "-q"}), 0);
  const std::string expected = ExportOf(reference);
  std::mt19937 rng(424242);
  int mid_write = 0;
  for (int trial = 0; trial < 4; ++trial) {
    const std::string db = Path("killed" + std::to_string(trial) + ".sqlite");
    pid_t pid = StartParley({"merge", "--db", db, big, b, "-q"});
    WaitFor([&] { return DocumentsIn(db) > 0; }, 30);
    std::uniform_int_distribution<int> delay_ms(0, 150);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    kill(pid, SIGKILL);
    WaitExit(pid);
    const int64_t partial = DocumentsIn(db);
    if (partial > 0 && partial < 747) ++mid_write;
    std::printf("trial %d: merge killed with %lld of 747 documents stored\n", trial,
                static_cast<long long>(partial));
    ASSERT_EQ(RunParley({"merge", "--db", db, big, b, "-q"}), 0);
    EXPECT_EQ(ExportOf(db), expected) << "trial " << trial;
  }
  EXPECT_GE(mid_write, 1);
}

// A full disk (here: a file-size limit on the writer) fails the run clearly and leaves
// what the store held intact; a rerun with room completes it.
TEST_F(StoreSafetyTest, FullDiskKeepsTheStoreIntact) {
  const std::string db = Path("s.sqlite");
  fs::copy_file(corpus().a_store(), db);
  ASSERT_EQ(ExportOf(db), corpus().ref_a());
  ChildOptions limited;
  limited.file_size_limit = 64 * 1024;
  std::string err;
  EXPECT_EQ(RunCaptured({"code", corpus().b(), "--db", db, "-q"}, &err, limited), 1);
  EXPECT_NE(err.find("cannot write to store " + db), std::string::npos) << err;
  EXPECT_NE(err.find("disk full, file-size limit"), std::string::npos) << err;
  EXPECT_NE(err.find("rolled back"), std::string::npos) << err;
  EXPECT_EQ(ExportOf(db), corpus().ref_a());
  ASSERT_EQ(RunParley({"code", corpus().b(), "--db", db, "-q"}), 0);
  EXPECT_EQ(ExportOf(db), corpus().ref_ab());
}

}  // namespace
}  // namespace parley
