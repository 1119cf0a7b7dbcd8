#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "parley/validate.h"
#include "validate/petrarch_suite.h"

namespace parley::validate {
namespace {

TEST(PetrarchValidation, ParsesSuiteRecords) {
  const std::string xml = R"(<Validation>
<!-- a comment with <Sentence> inside -->
<Environment>
  <Verbfile>v.txt</Verbfile>
  <Actorfile>a1.txt, a2.txt</Actorfile>
  <Include>valid DEMO</Include>
</Environment>
<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode='"X Y"' eventcode="033"></EventCoding>
<Text>
Arnor is about to restore
ties with Gondor &amp; Rohan.
</Text>
<Parse> (ROOT (S (NP (NNP Arnor)))) </Parse>
</Sentence>
<Sentence date = "20080801" id ="ERR-01"  category="ERROR" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<EventCoding error="dateline"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
<!--Stop></Stop-->
<Stop></Stop>
<Sentence date="19950101" id="AFTER" category="DEMO"><Text>x</Text></Sentence>
</Sentences></Validation>)";
  PetrarchSuite suite;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ParsePetrarchSuite(xml, "t.xml", &suite, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  EXPECT_EQ(suite.verb_file, "v.txt");
  EXPECT_EQ(suite.actor_files, (std::vector<std::string>{"a1.txt", "a2.txt"}));
  EXPECT_EQ(suite.include, (std::vector<std::string>{"valid", "DEMO"}));
  EXPECT_TRUE(suite.stopped);
  ASSERT_EQ(suite.records.size(), 2u);
  const PetrarchRecord& demo = suite.records[0];
  EXPECT_EQ(demo.id, "DEMO-00");
  EXPECT_EQ(demo.date, 19950101);
  EXPECT_EQ(demo.text, "Arnor is about to restore ties with Gondor & Rohan.");
  EXPECT_EQ(demo.expected, (std::vector<std::string>{"ARN GON 064", "GON \"X Y\" 033"}));
  ASSERT_EQ(demo.options.size(), 1u);
  EXPECT_EQ(demo.options[0].first, "require_dyad");
  const PetrarchRecord& err = suite.records[1];
  EXPECT_FALSE(err.is_sentence);
  EXPECT_TRUE(err.expect_no_events);
  EXPECT_EQ(err.expected_error, "dateline");
  EXPECT_EQ(err.date, 20080801);
}

// Compatibility gate 1 (issue 11): the suite's exact result today. A change that passes
// more records raises these numbers in the same commit; one that passes fewer fails.
constexpr int kPetrarchPassed = 238;
constexpr int kPetrarchFailed = 38;

TEST(PetrarchValidation, UnitTestRecords) {
  std::string xml =
      std::string(PARLEY_SOURCE_DIR) + "/../shared/anchors/petrarch/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(xml)) GTEST_SKIP() << "PETRARCH unit-test records not present";
  Report report;
  Status s = RunPetrarchXml(xml, &report);
  ASSERT_TRUE(s.ok()) << s.ToString();
  int tested = report.passed + report.failed;
  double rate = tested == 0 ? 0 : 100.0 * report.passed / tested;
  for (const Failure& f : report.failures) {
    std::string expected, coded;
    for (const auto& e : f.expected) expected += "[" + e + "]";
    for (const auto& e : f.coded) coded += "[" + e + "]";
    std::printf("FAIL %-14s expected %s coded %s\n", f.record_id.c_str(), expected.c_str(),
                coded.c_str());
  }
  std::printf("PETRARCH unit tests: %d passed, %d failed, %d skipped: %.1f%% pass\n", report.passed,
              report.failed, report.skipped, rate);
  EXPECT_GT(tested, 200);
  EXPECT_GE(rate, 80.0);  // the project's acceptance floor
  EXPECT_EQ(report.passed, kPetrarchPassed);
  EXPECT_EQ(report.failed, kPetrarchFailed);
}

}  // namespace
}  // namespace parley::validate
