// `parley code` on awkward inputs, through the real binary: FIFOs, process substitution and
// stdin read exactly like files; bad records are named on stderr and skipped while the rest
// is coded; -q leaves one count line; quoted input never puts raw control bytes on stderr.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "util/temp_dir_for_tests.h"

namespace {

namespace fs = std::filesystem;

const std::string kParley = PARLEY_BINARY;
const std::string kSource = PARLEY_SOURCE_DIR;

using TempDir = parley::testing::TempDir;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `script` with bash (60 s limit: a hang fails instead of blocking the suite);
// "parley" in it is the binary under test.
RunResult RunScript(const TempDir& dir, const std::string& script) {
  const std::string out = dir.Path(".stdout"), err = dir.Path(".stderr");
  const std::string wrapped = "parley() { \"" + kParley + "\" \"$@\"; }\n" + script;
  const std::string script_path = dir.Write(".script.sh", wrapped);
  const std::string cmd = "cd '" + kSource + "' && timeout 60 bash '" + script_path + "' >'" + out +
                          "' 2>'" + err + "'";
  RunResult r;
  int status = std::system(cmd.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// Articles that code to events, repeated with distinct ids to go well past a pipe's buffer
// (64 KB): a second reader of the pipe would steal bytes from the first.
// `bad_line` (1-based, 0: none) is a line that is not JSON.
std::string WireJsonl(int copies, int bad_line) {
  std::ifstream in(kSource + "/data/sample/03_wire.jsonl");
  std::vector<std::string> sample;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) sample.push_back(line);
  std::vector<std::string> lines;
  for (int i = 0; i < copies; ++i) {
    for (std::string copy : sample) {
      size_t id = copy.find("\"sample-wire-");
      copy.insert(id + 1, "c" + std::to_string(i) + "-");
      lines.push_back(copy);
    }
  }
  if (bad_line > 0) lines.insert(lines.begin() + (bad_line - 1), "not json at all");
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// stderr lines that are warnings, with the file name before the first ':' removed.
std::vector<std::string> WarningsWithoutFile(const std::string& err) {
  std::vector<std::string> out;
  for (const std::string& l : Lines(err)) {
    const std::string prefix = "parley: warning: ";
    if (l.rfind(prefix, 0) != 0) continue;
    size_t colon = l.find(':', prefix.size());
    out.push_back(colon == std::string::npos ? l : l.substr(colon));
  }
  return out;
}

TEST(InputCli, FifoIsReadLikeAFile) {
  TempDir dir;
  const std::string input = WireJsonl(150, 0);
  ASSERT_GT(input.size(), 100000u);
  const std::string file = dir.Write("wire.jsonl", input);
  RunResult from_file = RunScript(dir, "parley code -q --threads 2 '" + file + "'");
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  ASSERT_FALSE(from_file.out.empty());
  std::signal(SIGPIPE, SIG_IGN);  // the writer must fail, not die, if parley never reads
  const std::string fifo = dir.Path("wire.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] {
    std::FILE* f = std::fopen(fifo.c_str(), "w");  // blocks until parley opens it
    if (f == nullptr) return;
    std::fwrite(input.data(), 1, input.size(), f);
    std::fclose(f);
  });
  RunResult from_fifo = RunScript(dir, "parley code -q --threads 2 '" + fifo + "'");
  // Unblock the writer if parley never opened the FIFO (non-blocking: if the writer is
  // done, nobody would ever open the other end).
  int unblock = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  if (unblock >= 0) ::close(unblock);
  writer.join();
  EXPECT_EQ(from_fifo.exit_code, 0) << from_fifo.err;  // 124: hung, killed by timeout
  EXPECT_EQ(from_fifo.out, from_file.out);
}

TEST(InputCli, ProcessSubstitutionLosesNothing) {
  TempDir dir;
  const std::string input = WireJsonl(150, 271);
  const std::string file = dir.Write("wire.jsonl", input);
  RunResult from_file = RunScript(dir, "parley code --threads 2 '" + file + "'");
  RunResult substituted = RunScript(dir, "parley code --threads 2 <(cat '" + file + "')");
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_EQ(substituted.exit_code, 0) << substituted.err;
  EXPECT_EQ(substituted.out, from_file.out);
  std::vector<std::string> expected = WarningsWithoutFile(from_file.err);
  ASSERT_EQ(expected.size(), 1u) << from_file.err;
  EXPECT_EQ(expected[0].rfind(":271: ", 0), 0u) << expected[0];
  EXPECT_EQ(WarningsWithoutFile(substituted.err), expected) << substituted.err;
}

TEST(InputCli, StdinPetrarchXmlCodedLikeTheFile) {
  const std::string suite = kSource + "/../shared/anchors/petrarch/PETR.UnitTest.records.xml";
  if (!fs::exists(suite)) GTEST_SKIP() << "no shared folder";
  const std::string dicts = kSource + "/../shared/anchors/petrarch/dictionaries/";
  std::string code = "parley code -q --threads 2";
  for (const char* d : {"verbs", "actors", "agents", "discards"})
    code += " --dict '" + dicts + "PETR.Validate." + d + ".txt'";
  TempDir dir;
  RunResult from_file = RunScript(dir, code + " '" + suite + "'");
  RunResult from_stdin = RunScript(dir, code + " - < '" + suite + "'");
  RunResult from_pipe = RunScript(dir, "cat '" + suite + "' | " + code + " -");
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  ASSERT_FALSE(from_file.out.empty());
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, from_file.out);
  EXPECT_EQ(from_pipe.out, from_file.out);
}

TEST(InputCli, BadRecordsNamedRestCodedExitZero) {
  TempDir dir;
  std::ifstream sample(kSource + "/data/sample/03_wire.jsonl");
  const std::string sample_text((std::istreambuf_iterator<char>(sample)),
                                std::istreambuf_iterator<char>());
  const std::vector<std::string> wire_lines = Lines(sample_text);
  ASSERT_EQ(wire_lines.size(), 2u);
  static constexpr char kNulLine[] = "{\"id\": \"n\", \"text\": \"x\0y\"}\n";
  dir.Write("in/a_nul.jsonl", wire_lines[0] + "\n" + std::string(kNulLine, sizeof kNulLine - 1) +
                                  wire_lines[1] + "\n");
  dir.Write("in/b_type.jsonl", "{\"id\": \"t\", \"date\": 5, \"text\": \"Hi.\"}\n");
  dir.Write("in/c_tabari.txt",
            "95011  BAD-01\nArnor restored ties.\n\n950101  OK-01\nGondor welcomed it.\n");
  dir.Write("in/d_quote.xml",
            "<Sentences>\n<Sentence date=\"19950101 id=\"Q1\">\n<Text>Broken.</Text>\n"
            "</Sentence>\n<Sentence date=\"19950102\" id=\"Q2\">\n<Text>Fine.</Text>\n"
            "</Sentence>\n</Sentences>\n");
  ASSERT_EQ(::symlink("/nonexistent/parley", dir.Path("in/e_dangling.txt").c_str()), 0);
  RunResult r = RunScript(dir, "parley code --threads 2 '" + dir.Path("in") + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // bad records are warnings, not failures
  const std::string in = dir.Path("in/");
  EXPECT_NE(r.err.find(in + "a_nul.jsonl:2: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(in + "b_type.jsonl:1: field \"date\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(in + "c_tabari.txt:1: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(in + "d_quote.xml:2: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(in + "e_dangling.txt"), std::string::npos) << r.err;
  // Both wire articles of a_nul.jsonl were coded.
  EXPECT_NE(r.out.find("\"doc_id\":\"sample-wire-1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"doc_id\":\"sample-wire-2\""), std::string::npos);
  // A missing input is an error (exit 1), not a warning.
  RunResult missing = RunScript(dir, "parley code -q '" + dir.Path("nope.jsonl") + "'");
  EXPECT_EQ(missing.exit_code, 1);
}

TEST(InputCli, QuietPrintsOnlyTheWarningCount) {
  TempDir dir;
  const std::string file = dir.Write("w.jsonl", WireJsonl(1, 0) + "bad\n{\"text\": 1}\n{}\n");
  RunResult loud = RunScript(dir, "parley code --threads 1 '" + file + "'");
  EXPECT_EQ(WarningsWithoutFile(loud.err).size(), 3u) << loud.err;
  RunResult quiet = RunScript(dir, "parley code -q --threads 1 '" + file + "'");
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "parley: 3 warnings (suppressed by -q)\n");
  EXPECT_EQ(quiet.out, loud.out);
  RunResult clean = RunScript(dir, "parley code -q '" + kSource + "/data/sample/03_wire.jsonl'");
  EXPECT_EQ(clean.err, "");
}

TEST(InputCli, ControlBytesFromInputAreEscaped) {
  TempDir dir;
  const std::string file =
      dir.Write("in/a\x01name.jsonl",
                "{\"id\": \"x\", \"date\": \"\\u0007\\u001b[2Jbad\", \"text\": \"Hi.\"}\n"
                "\x1b]0;title\x07\n");
  dir.Write("in/b.xml",
            "<Sentences><Sentence date=\"\xff\xfe\" id=\"S\"><Text>Hi.</Text>"
            "</Sentence></Sentences>\n");
  RunResult r = RunScript(dir, "parley code --threads 1 '" + dir.Path("in") + "'");
  EXPECT_EQ(r.exit_code, 0);
  for (char c : r.err) EXPECT_TRUE(static_cast<unsigned char>(c) >= 0x20 || c == '\n') << r.err;
  EXPECT_NE(r.err.find("a\\x01name.jsonl:1: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\\x07\\x1b[2Jbad"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\\xff\\xfe"), std::string::npos) << r.err;
}

TEST(InputCli, UnreadableSubfolderIsReported) {
  TempDir dir;
  dir.Write("in/a.jsonl", WireJsonl(1, 0));
  dir.Write("in/locked/b.jsonl", WireJsonl(1, 0));
  ASSERT_EQ(::chmod(dir.Path("in/locked").c_str(), 0), 0);
  std::string run_as = "";
  if (::geteuid() == 0) {
    // chmod 000 does not stop root: run parley as nobody (setpriv, util-linux).
    run_as = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    ::chmod(dir.path().c_str(), 0755);
    ::chmod(dir.Path("in").c_str(), 0755);
    ::chmod(dir.Path("in/a.jsonl").c_str(), 0644);
    RunResult probe =
        RunScript(dir, run_as + "'" + kParley + "' code -q data/sample/03_wire.jsonl");
    if (probe.exit_code != 0) GTEST_SKIP() << "cannot run parley as nobody: " << probe.err;
  }
  RunResult r =
      RunScript(dir, run_as + "'" + kParley + "' code --threads 1 '" + dir.Path("in") + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(dir.Path("in/locked")), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("c0-sample-wire-1"), std::string::npos) << r.err;
}

TEST(InputCli, FileShrinkingDuringRunIsNotACrash) {
  TempDir dir;
  const std::string file = dir.Write("big.jsonl", WireJsonl(8000, 0));  // about 6 MB
  // Cut the file in steps while parley reads it, whatever its start-up time.
  RunResult r = RunScript(dir, "parley code -q --threads 2 '" + file + "' >/dev/null & pid=$!\n" +
                                   "for s in 5000000 4000000 3000000 2000000 1000000 20000; do\n" +
                                   "  sleep 0.1; truncate -s $s '" + file + "'\ndone\nwait $pid\n");
  EXPECT_NE(r.exit_code, 128 + SIGBUS) << r.err;
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
