// Days the calendar does not have (2023-02-30, 2019-02-29) in every place a date enters
// parley: the readers' date fields, the export and query date flags, and the store. Each is
// reported with file and line and the record stays undated; nothing is shifted to a real
// day and nothing like GDELT 20230230 is ever written.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "parley/dates.h"
#include "parley/reader.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

class ImpossibleDatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_impossible_dates_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) const {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // Reads `path` (format detected), returning its documents and warnings.
  std::vector<Document> Read(const std::string& path, std::vector<std::string>* warnings) {
    ReaderOptions options;
    options.on_warning = [warnings](std::string_view w) { warnings->emplace_back(w); };
    std::unique_ptr<DocumentReader> reader;
    EXPECT_TRUE(DocumentReader::Open({path}, options, &reader).ok());
    std::vector<Document> docs;
    Document doc;
    while (reader && reader->Next(&doc)) docs.push_back(doc);
    return docs;
  }

  // Runs the parley binary with `args`; returns its exit code, stdout in `out`, stderr in
  // `err`.
  int Run(const std::string& args, std::string* out, std::string* err) const {
    const std::string out_path = (dir_ / "stdout").string(), err_path = (dir_ / "stderr").string();
    const std::string command =
        std::string(PARLEY_BINARY) + " " + args + " > " + out_path + " 2> " + err_path;
    const int status = std::system(command.c_str());
    auto slurp = [](const std::string& p) {
      std::ifstream in(p, std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    *out = slurp(out_path);
    *err = slurp(err_path);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  fs::path dir_;
};

bool HasWarning(const std::vector<std::string>& warnings, const std::string& part) {
  for (const std::string& w : warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

TEST_F(ImpossibleDatesTest, JsonlDateIsReportedWithLineAndRecordKeptUndated) {
  const std::string path = Write("news.jsonl",
                                 "{\"id\": \"a\", \"date\": \"2023-02-10\", \"text\": \"Fine.\"}\n"
                                 "{\"id\": \"b\", \"date\": \"2023-02-30\", \"text\": \"Bad.\"}\n"
                                 "{\"id\": \"c\", \"date\": \"2019-02-29\", \"text\": \"Bad.\"}\n");
  std::vector<std::string> warnings;
  const std::vector<Document> docs = Read(path, &warnings);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].date, 20230210);
  EXPECT_EQ(docs[1].date, 0);
  EXPECT_EQ(docs[2].date, 0);
  EXPECT_TRUE(HasWarning(warnings, path + ":2:")) << warnings.size();
  EXPECT_TRUE(HasWarning(warnings, path + ":3:"));
}

TEST_F(ImpossibleDatesTest, TabariYymmddIsReportedWithLineAndRecordKeptUndated) {
  const std::string path = Write("records.txt",
                                 "230210 R1\nRussia met Korea.\n\n"
                                 "190229 R2\nRussia met Korea.\n\n"
                                 "230431 R3\nRussia met Korea.\n\n");
  std::vector<std::string> warnings;
  const std::vector<Document> docs = Read(path, &warnings);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].date, 20230210);
  EXPECT_EQ(docs[1].date, 0);
  EXPECT_EQ(docs[2].date, 0);
  EXPECT_TRUE(HasWarning(warnings, path + ":4:"));
  EXPECT_TRUE(HasWarning(warnings, path + ":7:"));
}

TEST_F(ImpossibleDatesTest, PetrarchDateAttributeIsReportedAndSentenceKeptUndated) {
  const std::string path =
      Write("s.xml",
            "<Sentences>\n"
            "<Sentence date=\"20230230\" id=\"S1\" source=\"x\" sentence=\"True\">\n"
            "<Text>Russia met Korea.</Text>\n</Sentence>\n"
            "<Sentence date=\"20230210\" id=\"S2\" source=\"x\" sentence=\"True\">\n"
            "<Text>Russia met Korea.</Text>\n</Sentence>\n</Sentences>\n");
  std::vector<std::string> warnings;
  const std::vector<Document> docs = Read(path, &warnings);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].date, 0);
  EXPECT_EQ(docs[1].date, 20230210);
  EXPECT_TRUE(HasWarning(warnings, path + ":2:"));
}

TEST_F(ImpossibleDatesTest, PlainTextHeaderDateIsReportedAndIgnored) {
  const std::string path = Write("article.txt", "date 2023-02-30\n\nRussia met Korea.\n");
  std::vector<std::string> warnings;
  const std::vector<Document> docs = Read(path, &warnings);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].date, 0);
  EXPECT_TRUE(HasWarning(warnings, "article.txt")) << warnings.size();
  EXPECT_TRUE(HasWarning(warnings, "2023-02-30"));
}

TEST_F(ImpossibleDatesTest, ResolverNeverPassesOnAnImpossiblePublicationDate) {
  EXPECT_EQ(dates::ResolveEventDate("Russia met Korea on Monday.", 20230230), 0);
  EXPECT_EQ(dates::ResolveEventDate("Russia met Korea.", 20190229), 0);
  EXPECT_EQ(dates::ResolveEventDate("Russia met Korea.", 20230210), 20230210);
}

TEST_F(ImpossibleDatesTest, ExportAndQueryFlagsRefuseImpossibleDates) {
  const std::string in = Write("news.jsonl",
                               "{\"id\": \"b\", \"date\": \"2023-02-30\", \"text\": \"Russia "
                               "accused Ukraine of aggression.\"}\n"
                               "{\"id\": \"c\", \"date\": \"2023-02-10\", \"text\": \"Russia "
                               "accused Ukraine of aggression.\"}\n");
  const std::string db = (dir_ / "e.sqlite").string();
  std::string out, err;
  ASSERT_EQ(Run("code " + in + " --db " + db, &out, &err), 0) << err;
  EXPECT_NE(err.find(in + ":1:"), std::string::npos) << err;
  for (const std::string command : {"export --format gdelt", "events --dyad RUS-UKR", "top"}) {
    for (const std::string flag : {"--from", "--to"}) {
      for (const std::string day : {"2023-02-30", "2019-02-29", "20230230"}) {
        EXPECT_EQ(Run(command + " --db " + db + " " + flag + " " + day, &out, &err), 2)
            << command << " " << flag << " " << day << ": " << err;
        EXPECT_NE(err.find(day), std::string::npos) << err;
      }
    }
  }
  ASSERT_EQ(Run("export --format gdelt --db " + db, &out, &err), 0) << err;
  EXPECT_EQ(out.find("20230230"), std::string::npos) << out;
  EXPECT_EQ(out.find("20230302"), std::string::npos) << out;  // not shifted either
  EXPECT_NE(out.find("20230210"), std::string::npos) << out;
}

}  // namespace
}  // namespace parley
