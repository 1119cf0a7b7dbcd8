#include "parley/writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace parley {
namespace {

using nlohmann::json;

Event SampleEvent() {
  Event e;
  e.doc_id = "doc-1";
  e.sentence_index = 3;
  e.sentence = "Russia \"welcomed\" Seoul's\tplan.\nNext \\ line \xE2\x80\x93 ok \x01.";
  e.date = 20230210;
  e.source = {"RUS", "Russia", 0, 6};
  e.target = {"KOR", "Seoul", 18, 23};
  e.code = "041";
  e.root = "04";
  e.quad_class = 1;
  e.goldstein = 3.4;
  e.verb = {"welcomed", 8, 16};
  e.rule = "CAMEO.verbs:120";
  return e;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(IoWriterJsonl, RoundTripsEveryField) {
  std::string line;
  EventWriter::AppendJsonl(SampleEvent(), &line);
  ASSERT_EQ(line.back(), '\n');
  ASSERT_EQ(line.find('\n'), line.size() - 1);  // exactly one line
  json j = json::parse(line);
  Event e = SampleEvent();
  EXPECT_EQ(j["doc_id"], e.doc_id);
  EXPECT_EQ(j["sentence_index"], 3);
  EXPECT_EQ(j["sentence"], e.sentence);  // quotes, tab, newline, backslash, UTF-8, \x01
  EXPECT_EQ(j["date"], "2023-02-10");
  EXPECT_EQ(j["source"]["code"], "RUS");
  EXPECT_EQ(j["source"]["text"], "Russia");
  EXPECT_EQ(j["source"]["start"], 0);
  EXPECT_EQ(j["source"]["end"], 6);
  EXPECT_EQ(j["target"]["code"], "KOR");
  EXPECT_EQ(j["target"]["start"], 18);
  EXPECT_EQ(j["code"], "041");
  EXPECT_EQ(j["root"], "04");
  EXPECT_EQ(j["quad_class"], 1);
  EXPECT_DOUBLE_EQ(j["goldstein"].get<double>(), 3.4);
  EXPECT_EQ(j["verb"]["text"], "welcomed");
  EXPECT_EQ(j["verb"]["start"], 8);
  EXPECT_EQ(j["verb"]["end"], 16);
  EXPECT_EQ(j["rule"], "CAMEO.verbs:120");
  EXPECT_FALSE(j.contains("issues"));
  std::vector<std::string> keys;
  for (auto& [key, value] : j.items()) keys.push_back(key);
  // The date's provenance (issue 13) comes after the original fields.
  EXPECT_EQ(j["date_precision"], "unknown");
  EXPECT_EQ(j["date_source"], "publication");
  EXPECT_EQ(j["pub_date"], nullptr);
  EXPECT_EQ(j["pub_date_method"], "unknown");
  EXPECT_EQ(j["future"], false);
  EXPECT_EQ(j["historical"], false);
  std::vector<std::string> expected = {"code",
                                       "date",
                                       "doc_id",
                                       "goldstein",
                                       "quad_class",
                                       "root",
                                       "rule",
                                       "sentence",
                                       "sentence_index",
                                       "source",
                                       "target",
                                       "verb",
                                       "date_precision",
                                       "date_source",
                                       "date_confidence",
                                       "date_guessed",
                                       "future",
                                       "historical",
                                       "pub_date",
                                       "pub_date_method",
                                       "pub_date_confidence"};
  std::sort(keys.begin(), keys.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(keys, expected);
}

TEST(IoWriterJsonl, UnknownDateOffsetsIssuesAndBadUtf8) {
  Event e = SampleEvent();
  e.date = 0;
  e.source.start = e.source.end = -1;
  e.issues = "SANCTIONS;NUCLEAR";
  e.goldstein = -10.0;
  e.sentence = "bad \xC3 byte \xED\xA0\x80 surrogate \xF0\x9F\x98\x80 emoji";
  std::string line;
  EventWriter::AppendJsonl(e, &line);
  json j = json::parse(line);
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["source"]["start"].is_null());
  EXPECT_TRUE(j["source"]["end"].is_null());
  EXPECT_EQ(j["issues"], "SANCTIONS;NUCLEAR");
  EXPECT_EQ(j["goldstein"], -10.0);
  EXPECT_EQ(j["sentence"],
            "bad \xEF\xBF\xBD byte \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD surrogate "
            "\xF0\x9F\x98\x80 emoji");
}

TEST(IoWriterTsv, HeaderAndSanitisedFields) {
  std::string out(EventWriter::TsvHeader());
  Event e = SampleEvent();
  e.target.start = -1;
  EventWriter::AppendTsv(e, &out);
  std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 2u);
  auto split = [](const std::string& s) {
    std::vector<std::string> f;
    size_t b = 0;
    for (size_t t; (t = s.find('\t', b)) != std::string::npos; b = t + 1)
      f.push_back(s.substr(b, t - b));
    f.push_back(s.substr(b));
    return f;
  };
  std::vector<std::string> header = split(lines[0]), row = split(lines[1]);
  ASSERT_EQ(header.size(), row.size());
  auto field = [&](std::string_view name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return row[i];
    ADD_FAILURE() << "no column " << name;
    return std::string();
  };
  EXPECT_EQ(field("doc_id"), "doc-1");
  EXPECT_EQ(field("date"), "2023-02-10");
  EXPECT_EQ(field("source_code"), "RUS");
  EXPECT_EQ(field("target_start"), "");
  EXPECT_EQ(field("target_end"), "23");
  EXPECT_EQ(field("code"), "041");
  EXPECT_EQ(field("goldstein"), "3.4");
  EXPECT_EQ(field("sentence"),
            "Russia \"welcomed\" Seoul's plan. Next \\ line \xE2\x80\x93 ok \x01.");
}

TEST(IoWriter, FileWritesCompleteLinesAndCounts) {
  std::string path = ::testing::TempDir() + "/parley_writer_test.jsonl";
  {
    std::unique_ptr<EventWriter> writer;
    ASSERT_TRUE(EventWriter::Open(path, EventFormat::kJsonl, &writer, /*flush_bytes=*/512).ok());
    for (int i = 0; i < 100; ++i) {
      Event e = SampleEvent();
      e.sentence_index = i;
      ASSERT_TRUE(writer->Write(e).ok());
      // Whatever is on disk at any moment ends at a line boundary.
      std::ifstream in(path, std::ios::binary);
      std::string disk((std::istreambuf_iterator<char>(in)), {});
      EXPECT_TRUE(disk.empty() || disk.back() == '\n');
    }
    EXPECT_EQ(writer->events_written(), 100u);
    EXPECT_TRUE(writer->Close().ok());
    EXPECT_FALSE(writer->Write(SampleEvent()).ok());
  }
  std::ifstream in(path);
  std::string all((std::istreambuf_iterator<char>(in)), {});
  std::vector<std::string> lines = Lines(all);
  ASSERT_EQ(lines.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(json::parse(lines[i])["sentence_index"], i);
  std::filesystem::remove(path);

  std::unique_ptr<EventWriter> writer;
  EXPECT_EQ(EventWriter::Open("/nonexistent/dir/x.jsonl", EventFormat::kJsonl, &writer).code(),
            Status::Code::kIOError);
  EventFormat f;
  EXPECT_TRUE(ParseEventFormat("tsv", &f).ok());
  EXPECT_EQ(f, EventFormat::kTsv);
  EXPECT_FALSE(ParseEventFormat("csv", &f).ok());
}

TEST(IoWriter, TsvToFileStartsWithHeader) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    EventWriter writer(f, EventFormat::kTsv);
    ASSERT_TRUE(writer.Write(SampleEvent()).ok());
  }  // destructor flushes, does not close
  std::rewind(f);
  char buf[4096];
  size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  std::vector<std::string> lines = Lines(std::string(buf, n));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0] + "\n", EventWriter::TsvHeader());
}

}  // namespace
}  // namespace parley
