// Compatibility gate 1 (issue 11): every validation-suite record's coded events, as a
// checked-in snapshot. The TABARI and PETRARCH suites are recoded through the same runners
// as `parley validate` (validate::Report::records) and compared record by record with
// tests/golden/{tabari,petrarch}_suite_events.tsv. A change to the coder that changes any
// record's events fails here with a diff of the changed records, even when the pass counts
// stay the same.
//
// After an intended change, rewrite the snapshots and review the diff:
//     PARLEY_UPDATE_GOLDEN=1 ctest --test-dir build/release -R SuiteGolden
//     git diff tests/golden/
//
// Each line is one record: its id, the line where it starts in the suite file (ids repeat
// in the TABARI suite), then its events sorted, each "SOURCE TARGET CODE" ("-" for an
// empty actor), with "@N" after an event of the record's sentence N > 0. The files hold
// only parley's codes and record ids, no suite text.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "parley/validate.h"

namespace parley {
namespace {

const std::string kAnchors = PARLEY_SOURCE_DIR "/../shared/anchors/";
const std::string kGolden = PARLEY_SOURCE_DIR "/tests/golden/";

// One line per record, keyed by "id<TAB>line" so repeated ids stay apart.
using Snapshot = std::map<std::string, std::string>;

std::string EventText(const Event& e) {
  std::string s;
  s.append(e.source.code.empty() ? "-" : e.source.code).append(" ");
  s.append(e.target.code.empty() ? "-" : e.target.code).append(" ").append(e.code);
  if (e.sentence_index > 0) s.append("@").append(std::to_string(e.sentence_index));
  return s;
}

Snapshot FromReport(const validate::Report& report) {
  Snapshot out;
  for (const validate::RecordEvents& r : report.records) {
    std::vector<std::string> events;
    for (const Event& e : r.events) events.push_back(EventText(e));
    std::sort(events.begin(), events.end());
    std::string line;
    for (const std::string& e : events) line += "\t" + e;
    out[r.record_id + "\t" + std::to_string(r.line)] = line;
  }
  return out;
}

std::string Format(const Snapshot& snapshot) {
  // Sorted by line in the suite, so the file reads in suite order.
  std::vector<std::pair<uint64_t, std::string>> lines;
  for (const auto& [key, events] : snapshot) {
    uint64_t line = std::stoull(key.substr(key.rfind('\t') + 1));
    lines.emplace_back(line, key + events + "\n");
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l.second;
  return out;
}

// Returns false (with a message) on a malformed line.
bool Parse(const std::string& text, Snapshot* out, std::string* error) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    size_t id_end = line.find('\t');
    size_t line_end = id_end == std::string::npos ? id_end : line.find('\t', id_end + 1);
    if (id_end == std::string::npos) {
      *error = "line " + std::to_string(n) + ": expected 'id<TAB>line<TAB>events'";
      return false;
    }
    if (line_end == std::string::npos) line_end = line.size();
    (*out)[line.substr(0, line_end)] = line.substr(line_end);
  }
  return true;
}

// "- id line: old events" / "+ id line: new events" for every changed record.
std::string Diff(const Snapshot& expected, const Snapshot& actual, int* changed) {
  std::string out;
  *changed = 0;
  auto show = [](const std::string& events) { return events.empty() ? " (none)" : events; };
  for (const auto& [key, events] : expected) {
    auto it = actual.find(key);
    if (it != actual.end() && it->second == events) continue;
    ++*changed;
    out += "  - " + key + ":" + show(events) + "\n";
    out +=
        "  + " + key + ":" + (it == actual.end() ? " (record not coded)" : show(it->second)) + "\n";
  }
  for (const auto& [key, events] : actual) {
    if (expected.count(key)) continue;
    ++*changed;
    out += "  + " + key + ":" + show(events) + " (record not in the snapshot)\n";
  }
  return out;
}

void CheckSnapshot(const validate::Report& report, const std::string& file) {
  const std::string path = kGolden + file;
  Snapshot actual = FromReport(report);
  ASSERT_EQ(actual.size(), report.records.size()) << "two records share an id and a line";
  if (std::getenv("PARLEY_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path) << Format(actual);
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << path << ": missing; run with PARLEY_UPDATE_GOLDEN=1 to write it";
  std::stringstream text;
  text << in.rdbuf();
  Snapshot expected;
  std::string error;
  ASSERT_TRUE(Parse(text.str(), &expected, &error)) << path << ": " << error;
  int changed = 0;
  std::string diff = Diff(expected, actual, &changed);
  EXPECT_EQ(changed, 0) << changed << " records' events differ from " << path
                        << " (- snapshot, + now; id<TAB>line):\n"
                        << diff
                        << "If the change is intended, rerun with PARLEY_UPDATE_GOLDEN=1 and "
                           "explain each changed record in the commit.";
}

TEST(SuiteGolden, TabariRecordsCodeAsSnapshot) {
  validate::Report report;
  Status st = validate::RunTabariProject(kAnchors + "tabari/Validate.project", &report);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_GT(report.records.size(), 400u);
  CheckSnapshot(report, "tabari_suite_events.tsv");
}

TEST(SuiteGolden, PetrarchRecordsCodeAsSnapshot) {
  const std::string xml = kAnchors + "petrarch/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(xml)) GTEST_SKIP() << "PETRARCH unit-test records not present";
  validate::Report report;
  Status st = validate::RunPetrarchXml(xml, &report);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_GT(report.records.size(), 200u);
  CheckSnapshot(report, "petrarch_suite_events.tsv");
}

// The comparison itself: a changed, a lost and a new record are all reported.
TEST(SuiteGolden, DiffNamesEveryChangedRecord) {
  Snapshot expected{{"A\t1", "\tX Y 010"}, {"B\t5", ""}, {"C\t9", "\tX Y 020"}};
  Snapshot actual{{"A\t1", "\tX Y 010"}, {"B\t5", "\tX Y 190"}, {"D\t12", ""}};
  int changed = 0;
  std::string diff = Diff(expected, actual, &changed);
  EXPECT_EQ(changed, 3);
  EXPECT_NE(diff.find("- B\t5: (none)"), std::string::npos) << diff;
  EXPECT_NE(diff.find("+ B\t5:\tX Y 190"), std::string::npos) << diff;
  EXPECT_NE(diff.find("+ C\t9: (record not coded)"), std::string::npos) << diff;
  EXPECT_NE(diff.find("+ D\t12: (none) (record not in the snapshot)"), std::string::npos) << diff;
  EXPECT_EQ(diff.find("A\t1"), std::string::npos) << diff;
  Snapshot reparsed;
  std::string error;
  ASSERT_TRUE(Parse(Format(expected), &reparsed, &error)) << error;
  EXPECT_EQ(reparsed, expected);
}

}  // namespace
}  // namespace parley
