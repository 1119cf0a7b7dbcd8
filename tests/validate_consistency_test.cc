// `parley code` with a suite's dictionaries gives the same events as `parley validate`:
// both suites are coded by the real binary and every record's events are compared with
// the events the validation runner coded for it (validate::Report::records).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parley/reader.h"
#include "parley/validate.h"

namespace parley {
namespace {

const std::string kShared = PARLEY_SOURCE_DIR "/../shared/anchors/";

std::string RunParley(const std::string& args) {
  std::string cmd = std::string(PARLEY_BINARY) + " " + args + " 2>/dev/null";
  std::string output;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return output;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) output.append(buf.data(), n);
  pclose(pipe);
  return output;
}

// What identifies an event for the comparison.
std::string Key(int sentence, const std::string& source, const std::string& target,
                const std::string& code) {
  return std::to_string(sentence) + " " + (source.empty() ? "-" : source) + " " +
         (target.empty() ? "-" : target) + " " + code;
}

using EventsById = std::map<std::string, std::vector<std::string>>;

EventsById FromJsonl(const std::string& jsonl) {
  EventsById out;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    auto code_of = [&](const char* side) {
      return j.contains(side) ? j[side].value("code", "") : std::string();
    };
    out[j["doc_id"].get<std::string>()].push_back(Key(j["sentence_index"].get<int>(),
                                                      code_of("source"), code_of("target"),
                                                      j["code"].get<std::string>()));
  }
  return out;
}

// How many records of `path` carry each id (ids repeat in the TABARI suite).
std::map<std::string, int> RecordsPerId(const std::string& path, InputFormat format) {
  std::map<std::string, int> counts;
  ReaderOptions options;
  options.format = format;
  options.on_warning = [](std::string_view) {};
  std::unique_ptr<DocumentReader> reader;
  EXPECT_TRUE(DocumentReader::Open({path}, options, &reader).ok());
  Document doc;
  while (reader != nullptr && reader->Next(&doc)) ++counts[doc.id];
  return counts;
}

// Compares every id whose records were all coded by validate.
void ExpectSameEvents(const validate::Report& report, const EventsById& coded,
                      const std::map<std::string, int>& records_per_id) {
  EventsById validated;
  std::map<std::string, int> validated_records;
  for (const validate::RecordEvents& r : report.records) {
    ++validated_records[r.record_id];
    auto& list = validated[r.record_id];
    for (const Event& e : r.events) {
      list.push_back(Key(e.sentence_index, e.source.code, e.target.code, e.code));
    }
  }
  int compared = 0;
  for (auto& [id, expected] : validated) {
    auto count = records_per_id.find(id);
    if (count == records_per_id.end() || count->second != validated_records[id]) continue;
    auto it = coded.find(id);
    std::vector<std::string> got = it == coded.end() ? std::vector<std::string>{} : it->second;
    EXPECT_EQ(got, expected) << "record " << id;
    ++compared;
  }
  EXPECT_GT(compared, static_cast<int>(report.records.size()) * 9 / 10);
}

TEST(ValidateConsistency, PetrarchCodeMatchesValidate) {
  const std::string suite = kShared + "petrarch/PETR.UnitTest.records.xml";
  const std::string dicts = kShared + "petrarch/dictionaries/";
  validate::Report report;
  ASSERT_TRUE(validate::RunPetrarchXml(suite, &report).ok());
  ASSERT_EQ(report.records.size(), static_cast<size_t>(report.passed + report.failed));
  std::string jsonl = RunParley("code -q --threads 2 --dict " + dicts + "PETR.Validate.verbs.txt" +
                                " --dict " + dicts + "PETR.Validate.actors.txt" + " --dict " +
                                dicts + "PETR.Validate.agents.txt" + " --dict " + dicts +
                                "PETR.Validate.discards.txt " + suite);
  ASSERT_FALSE(jsonl.empty());
  ExpectSameEvents(report, FromJsonl(jsonl), RecordsPerId(suite, InputFormat::kPetrarchXml));
}

TEST(ValidateConsistency, TabariCodeMatchesValidate) {
  const std::string dir = kShared + "tabari/";
  validate::Report report;
  ASSERT_TRUE(validate::RunTabariProject(dir + "Validate.project", &report).ok());
  ASSERT_EQ(report.records.size(), static_cast<size_t>(report.passed + report.failed));
  std::string jsonl = RunParley("code -q --threads 2 --dict " + dir + "TABARI.Demo.actors" +
                                " --dict " + dir + "TABARI.Demo.verbs" + " --dict " + dir +
                                "Validate.agents --options " + dir + "Validate.options " + dir +
                                "Validate.text");
  ASSERT_FALSE(jsonl.empty());
  ExpectSameEvents(report, FromJsonl(jsonl), RecordsPerId(dir + "Validate.text", InputFormat::kTabari));
}

}  // namespace
}  // namespace parley
