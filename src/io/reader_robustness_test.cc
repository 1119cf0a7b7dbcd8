// Bad and unusual input for the readers: every problem is reported with its file and line
// (or offset), only the bad record is skipped, and nothing crashes or hangs.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "io/io_internal.h"
#include "io/read_all_for_tests.h"
#include "parley/reader.h"
#include "text/unicode.h"
#include "util/temp_dir_for_tests.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

using TempDir = testing::TempDir;

using testing::ReadAll;
using testing::ReadResult;

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// Index of the first warning containing every one of `parts`, or -1.
int FindWarning(const std::vector<std::string>& warnings,
                std::initializer_list<std::string> parts) {
  for (size_t i = 0; i < warnings.size(); ++i) {
    bool all = true;
    for (const std::string& p : parts) all = all && warnings[i].find(p) != std::string::npos;
    if (all) return static_cast<int>(i);
  }
  return -1;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    uint32_t bad = 0;
    uint32_t len = static_cast<unsigned char>(s[i]) < 0x80
                       ? 1
                       : text::internal::ValidSequenceLength(s, i, &bad);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

// Every message must be printable: no control bytes, valid UTF-8.
void ExpectPrintable(const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) {
    EXPECT_TRUE(IsValidUtf8(w)) << w;
    for (unsigned char c : w) EXPECT_TRUE(c >= 0x20 && c != 0x7F) << w;
  }
}

TEST(IoBadInput, NulByteInJsonlSkipsOnlyThatLine) {
  TempDir dir;
  static constexpr char kContent[] =
      "{\"id\": \"a\", \"text\": \"One.\"}\n"
      "{\"id\": \"b\", \"text\": \"T\0wo.\"}\n"
      "{\"id\": \"c\", \"text\": \"Three.\"}\n";
  std::string path = dir.Write("n.jsonl", std::string(kContent, sizeof kContent - 1));
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 2u) << Joined(r.warnings);
  EXPECT_EQ(r.docs[0].id, "a");
  EXPECT_EQ(r.docs[1].id, "c");
  EXPECT_EQ(r.docs[1].origin_line, 3u);
  ASSERT_EQ(r.warnings.size(), 1u) << Joined(r.warnings);
  EXPECT_EQ(r.warnings[0].rfind(path + ":2: ", 0), 0u) << r.warnings[0];
  EXPECT_NE(r.warnings[0].find("NUL"), std::string::npos) << r.warnings[0];
}

TEST(IoBadInput, BinaryArticleStillSkippedAsAWhole) {
  TempDir dir;
  dir.Write("x.bin", std::string("\x7f"
                                 "ELF\0\0\0",
                                 7));
  ReadResult r = ReadAll({dir.path()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("x.bin"), std::string::npos);
}

TEST(IoBadInput, SpecialFilesInFolderAreReported) {
  TempDir dir;
  dir.Write("a.txt", "First article text.");
  dir.Write("z.txt", "Last article text.");
  ASSERT_EQ(::symlink("/nonexistent/parley/target", dir.Path("dangling.txt").c_str()), 0);
  ASSERT_EQ(::mkfifo(dir.Path("pipe.txt").c_str(), 0600), 0);
  int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::string sock_path = dir.Path("sock.txt");
  ASSERT_LT(sock_path.size(), sizeof addr.sun_path);
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock_path.c_str());
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ReadResult r = ReadAll({dir.path()});
  ::close(sock);
  ASSERT_EQ(r.docs.size(), 2u) << Joined(r.warnings);
  EXPECT_EQ(r.docs[0].id, "a.txt");
  EXPECT_EQ(r.docs[1].id, "z.txt");
  EXPECT_GE(FindWarning(r.warnings, {dir.Path("dangling.txt"), "skipped"}), 0)
      << Joined(r.warnings);
  EXPECT_GE(FindWarning(r.warnings, {dir.Path("pipe.txt"), "skipped"}), 0) << Joined(r.warnings);
  EXPECT_GE(FindWarning(r.warnings, {dir.Path("sock.txt"), "skipped"}), 0) << Joined(r.warnings);
  EXPECT_EQ(r.warnings.size(), 3u) << Joined(r.warnings);
}

// Reads `dir` and checks that `locked` (a folder chmod 000) is reported and the rest read.
// Returns a description of what went wrong, empty when all is well.
std::string CheckLockedFolderReported(const std::string& dir, const std::string& locked) {
  ReaderOptions options;
  std::vector<std::string> warnings;
  options.on_warning = [&](std::string_view w) { warnings.emplace_back(w); };
  std::unique_ptr<DocumentReader> reader;
  Status s = DocumentReader::Open({dir}, options, &reader);
  if (!s.ok()) return "open failed: " + s.ToString();
  Document doc;
  std::vector<std::string> ids;
  while (reader->Next(&doc)) ids.push_back(doc.id);
  if (ids != std::vector<std::string>{"a.txt", "c.txt"})
    return "read wrong files\n" + Joined(warnings);
  if (FindWarning(warnings, {locked, "skipped"}) < 0)
    return "no warning names " + locked + "\n" + Joined(warnings);
  return "";
}

TEST(IoBadInput, UnreadableSubfolderIsReported) {
  TempDir dir;
  dir.Write("a.txt", "First article text.");
  dir.Write("b/hidden.txt", "Cannot be read.");
  dir.Write("c.txt", "Last article text.");
  ASSERT_EQ(::chmod(dir.Path("b").c_str(), 0), 0);
  if (::access(dir.Path("b").c_str(), R_OK) != 0) {
    std::string problem = CheckLockedFolderReported(dir.path(), dir.Path("b"));
    EXPECT_TRUE(problem.empty()) << problem;
    return;
  }
  // Privileged (root): chmod 000 does not stop us. Read as user "nobody" in a child.
  ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
  for (const char* f : {"a.txt", "c.txt"}) ASSERT_EQ(::chmod(dir.Path(f).c_str(), 0644), 0);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::close(fds[0]);
    std::string problem;
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
      problem = "SKIP cannot become nobody";
    } else if (::access(dir.Path("b").c_str(), R_OK) == 0) {
      problem = "SKIP nobody can still read a chmod 000 folder";
    } else {
      problem = CheckLockedFolderReported(dir.path(), dir.Path("b"));
    }
    if (!problem.empty() && ::write(fds[1], problem.data(), problem.size()) < 0) _exit(3);
    _exit(problem.empty() ? 0 : 1);
  }
  ::close(fds[1]);
  std::string problem;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) problem.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  if (problem.rfind("SKIP ", 0) == 0) GTEST_SKIP() << problem.substr(5);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << problem;
}

TEST(IoBadInput, MalformedTabariHeaderIsReported) {
  TempDir dir;
  std::string path = dir.Write("r.txt",
                               "950101  GOOD-01\n"
                               "Arnor restored ties with Gondor.\n"
                               "\n"
                               "95011  SHORT-DATE\n"
                               "This record's header has five digits.\n"
                               "\n"
                               "950102\n"
                               "This header has no id.\n"
                               "\n"
                               "950103  GOOD-02\n"
                               "Gondor welcomed it.\n");
  ReadResult r = ReadAll({path}, InputFormat::kTabari);
  ASSERT_EQ(r.docs.size(), 2u) << Joined(r.warnings);
  EXPECT_EQ(r.docs[0].id, "GOOD-01");
  EXPECT_EQ(r.docs[1].id, "GOOD-02");
  EXPECT_EQ(r.docs[1].origin_line, 10u);
  EXPECT_GE(FindWarning(r.warnings, {path + ":4: ", "95011  SHORT-DATE", "skipped"}), 0)
      << Joined(r.warnings);
  EXPECT_GE(FindWarning(r.warnings, {path + ":7: ", "950102", "skipped"}), 0) << Joined(r.warnings);
  EXPECT_EQ(r.warnings.size(), 2u) << Joined(r.warnings);
}

TEST(IoBadInput, BrokenXmlQuoteSkipsOnlyThatSentence) {
  TempDir dir;
  std::string path = dir.Write("s.xml",
                               "<Sentences>\n"
                               "<Sentence date=\"19950101\" id=\"S1\">\n"
                               "<Text>Arnor restored ties.</Text>\n"
                               "</Sentence>\n"
                               "<Sentence date=\"19950102 id=\"S2\">\n"
                               "<Text>Broken quote above.</Text>\n"
                               "</Sentence>\n"
                               "<Sentence date=\"19950103\" id=\"S3\">\n"
                               "<Text>Gondor welcomed it.</Text>\n"
                               "</Sentence>\n"
                               "<Sentence date=\"19950104\" id=\"S4\">\n"
                               "<Text>Last one.</Text>\n"
                               "</Sentence>\n"
                               "</Sentences>\n");
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 3u) << Joined(r.warnings);
  EXPECT_EQ(r.docs[0].id, "S1");
  EXPECT_EQ(r.docs[1].id, "S3");
  EXPECT_EQ(r.docs[1].origin_line, 8u);
  EXPECT_EQ(r.docs[1].text, "Gondor welcomed it.");
  EXPECT_EQ(r.docs[2].id, "S4");
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_GE(FindWarning(r.warnings, {path + ":5: ", "Sentence", "skipped"}), 0)
      << Joined(r.warnings);
}

TEST(IoBadInput, JsonlWrongTypeNamesTheField) {
  TempDir dir;
  std::string path = dir.Write("t.jsonl",
                               "{\"id\": \"a\", \"date\": 5, \"text\": \"One.\"}\n"
                               "{\"id\": \"b\", \"title\": [1], \"text\": \"Two.\"}\n"
                               "{\"id\": \"c\", \"text\": 7}\n"
                               "{\"id\": \"d\", \"date\": 20190410, \"text\": \"Four.\"}\n"
                               "{\"id\": {\"x\": 1}, \"text\": \"Five.\"}\n");
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 1u) << Joined(r.warnings);
  EXPECT_EQ(r.docs[0].id, "d");  // a numeric YYYYMMDD date has always been accepted
  EXPECT_EQ(r.docs[0].date, 20190410);
  ASSERT_EQ(r.warnings.size(), 4u) << Joined(r.warnings);
  EXPECT_EQ(FindWarning(r.warnings, {path + ":1: ", "\"date\"", "number", "string"}), 0)
      << Joined(r.warnings);
  EXPECT_EQ(FindWarning(r.warnings, {path + ":2: ", "\"title\"", "array", "string"}), 1)
      << Joined(r.warnings);
  EXPECT_EQ(FindWarning(r.warnings, {path + ":3: ", "\"text\"", "number", "string"}), 2)
      << Joined(r.warnings);
  EXPECT_EQ(FindWarning(r.warnings, {path + ":5: ", "\"id\"", "object"}), 3) << Joined(r.warnings);
}

TEST(IoBadInput, ControlBytesAndBadUtf8EscapedInMessages) {
  TempDir dir;
  std::string path = dir.Write(
      "c.jsonl", "{\"id\": \"a\", \"date\": \"x\\u0001y\\u001b[31m\", \"text\": \"One.\"}\n");
  std::string xml = dir.Write("b.xml",
                              "<Sentences><Sentence date=\"bad\xff\" id=\"S\">"
                              "<Text>Two.</Text></Sentence></Sentences>\n");
  std::string tab = dir.Write("r.txt", "9501011 B\x01\x7f\xc3\n\x01text\n");
  ReadResult r = ReadAll({path, xml, tab});
  ASSERT_EQ(r.docs.size(), 3u) << Joined(r.warnings);
  ExpectPrintable(r.warnings);
  EXPECT_GE(FindWarning(r.warnings, {"x\\x01y\\x1b[31m"}), 0) << Joined(r.warnings);
  EXPECT_GE(FindWarning(r.warnings, {"bad\\xff"}), 0) << Joined(r.warnings);
}

TEST(IoBadInput, EscapeControlBytes) {
  EXPECT_EQ(EscapeControlBytes("plain caf\xc3\xa9"), "plain caf\xc3\xa9");
  EXPECT_EQ(EscapeControlBytes(std::string("a\0b\x01\n\t\x7f", 7)), "a\\x00b\\x01\\x0a\\x09\\x7f");
  EXPECT_EQ(EscapeControlBytes("\xff\xc3"), "\\xff\\xc3");
  EXPECT_EQ(EscapeControlBytes("\xc2\x85"), "\\xc2\\x85");  // C1 control NEL
}

std::string BigJsonl(size_t records) {
  std::string out;
  for (size_t i = 0; i < records; ++i) {
    out += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"" + std::string(1000, 'x') +
           " record " + std::to_string(i) + ".\"}\n";
  }
  return out;
}

// A file truncated under the reader (the old mmap path died of SIGBUS here).
TEST(IoBadInput, FileShrinkingWhileReadNeverCrashes) {
  TempDir dir;
  const std::string content = BigJsonl(8000);  // about 8 MB
  std::string path = dir.Write("big.jsonl", content);
  EXPECT_EXIT(
      {
        ReaderOptions options;
        std::vector<std::string> warnings;
        options.on_warning = [&](std::string_view w) { warnings.emplace_back(w); };
        std::unique_ptr<DocumentReader> reader;
        if (!DocumentReader::Open({path}, options, &reader).ok()) std::_Exit(2);
        Document doc;
        if (!reader->Next(&doc)) std::_Exit(3);
        if (::truncate(path.c_str(), 4096) != 0) std::_Exit(4);
        size_t docs = 1;
        while (reader->Next(&doc)) ++docs;
        // What was read before the cut is kept; the shrink is reported.
        if (docs < 2 || docs >= 8000) std::_Exit(5);
        if (FindWarning(warnings, {path, "shr"}) < 0) std::_Exit(6);
        std::_Exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(IoBadInput, FileTruncatedByAnotherThreadNeverCrashes) {
  TempDir dir;
  const std::string content = BigJsonl(8000);
  std::string path = dir.Write("big.jsonl", content);
  EXPECT_EXIT(
      {
        ReaderOptions options;
        options.on_warning = [](std::string_view) {};
        std::unique_ptr<DocumentReader> reader;
        if (!DocumentReader::Open({path}, options, &reader).ok()) std::_Exit(2);
        Document doc;
        std::atomic<bool> started{false};
        std::thread cutter([&] {
          while (!started) std::this_thread::yield();
          for (off_t size = static_cast<off_t>(content.size()); size > 0; size -= 700000)
            if (::truncate(path.c_str(), size) != 0) std::_Exit(4);
        });
        size_t docs = 0;
        while (reader->Next(&doc)) {
          if (++docs == 1) started = true;
        }
        started = true;
        cutter.join();
        std::_Exit(docs >= 1 ? 0 : 3);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(IoBadInput, FormatOfStdinIsDetectedOnce) {
  // The format found for stdin is available to callers (the CLI picks PETRARCH's coding
  // conventions from it), without reading the input again.
  TempDir dir;
  std::string path = dir.Write("in.xml",
                               "<Sentences><Sentence date=\"19950101\" id=\"S1\">"
                               "<Text>Arnor restored ties.</Text></Sentence></Sentences>\n");
  int saved = ::dup(STDIN_FILENO);
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::dup2(fd, STDIN_FILENO);
  ReadResult r = ReadAll({"-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ::close(fd);
  ASSERT_EQ(r.docs.size(), 1u) << Joined(r.warnings);
  EXPECT_EQ(r.formats[0], InputFormat::kPetrarchXml);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// Input that arrives a few bytes at a time (a slow pipe) reads exactly like one buffer,
// wherever the chunks split comments, CDATA and tags.
TEST(IoBadInput, XmlSplitAnywhereReadsTheSame) {
  const std::string xml =
      "<Sentences><!-- a comment with <Sentence> inside -->\n"
      "<Sentence date=\"19950101\" id=\"S1\"><Text>One <![CDATA[a & b]]> two.</Text>"
      "</Sentence>\n<!--x--><Sentence id=\"S2\"><Text>Three.</Text></Sentence></Sentences>\n";
  auto read = [&](std::unique_ptr<io::ByteSource> source) {
    std::vector<std::string> out;
    io::Warner warner([&out](std::string_view w) { out.push_back("warning " + std::string(w)); });
    auto reader = io::NewPetrarchXmlReader(std::move(source), "in.xml", &warner);
    Document doc;
    while (reader->Next(&doc)) out.push_back(doc.id + " " + doc.text);
    return out;
  };
  const std::vector<std::string> whole = read(io::ByteSource::FromString(xml));
  ASSERT_EQ(whole, (std::vector<std::string>{"S1 One a & b two.", "S2 Three."}));
  for (size_t chunk = 1; chunk <= 13; ++chunk)
    EXPECT_EQ(read(io::ByteSource::FromStringInChunks(xml, chunk)), whole) << "chunk " << chunk;
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// Found by fuzz/tabari_fuzz.cc: the last line of a pipe without a final newline came back
// garbled, because the Fill() that found the end had moved the bytes under the view.
TEST(IoBadInput, LastLineWithoutNewlineIntactWhenStreamed) {
  const std::string input = "first line\nsecond\nlast line, no newline";
  for (size_t chunk = 1; chunk <= 13; ++chunk) {
    auto source = io::ByteSource::FromStringInChunks(input, chunk);
    std::vector<std::string> lines;
    std::string_view line;
    while (source->NextLine(&line)) lines.emplace_back(line);
    EXPECT_EQ(lines, (std::vector<std::string>{"first line", "second", "last line, no newline"}))
        << "chunk " << chunk;
  }
}

}  // namespace
}  // namespace parley
