#include "parley/export.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parley/cameo.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cols;
}

// RFC 4180 reader: records of fields, quotes doubled inside quoted fields.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, field_started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\r') {
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      field_started = false;
      rows.emplace_back();
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

Event MakeEvent(int sentence, std::string sentence_text, const std::string& src,
                const std::string& tgt, const std::string& code) {
  Event e;
  e.sentence_index = sentence;
  e.sentence = std::move(sentence_text);
  e.source = {src, "Moscow", 0, 6};
  e.target = {tgt, "Seoul", 14, 19};
  e.verb = {"met", 7, 10};
  e.code = code;
  e.root = code.substr(0, 2);
  e.quad_class = code < "06" ? 1 : 4;
  e.goldstein = code < "06" ? 1.0 : -10.0;
  e.issues = "SECURITY";
  return e;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_export_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ASSERT_TRUE(EventStore::Open((dir_ / "e.sqlite").string(), {}, &store_).ok());
    std::vector<StoreDocument> docs;
    const std::string text = "Moscow met Seoul in talks, \"warmly\".\nMoscow\tattacked Seoul.";
    for (const char* id : {"doc-1", "doc-2"}) {
      Document doc;
      doc.id = id;
      doc.text = text;
      doc.url = std::string("https://news.example/") + id;
      doc.source = id[4] == '1' ? "Wire" : "Daily";
      doc.date = 20190410;
      doc.date_source = DateSource::kMetadata;
      std::vector<Event> events = {
          MakeEvent(0, "Moscow met Seoul in talks, \"warmly\".", "RUSGOV", "KORMIL", "040"),
          MakeEvent(1, "Moscow\tattacked Seoul.", "RUS", "IGOUNO", "190")};
      for (Event& e : events) {
        e.doc_id = id;
        e.date = doc.date;
      }
      docs.emplace_back();
      PrepareStoreDocument(doc, &events, &docs.back());
    }
    ASSERT_TRUE(store_->AddBatch(docs).ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  std::string Export(ExportFormat format, EventQuery query = {}) {
    char* data = nullptr;
    size_t size = 0;
    std::FILE* out = open_memstream(&data, &size);
    uint64_t rows = 0;
    Status s = ExportEvents(*store_, format, query, out, &rows);
    std::fclose(out);
    std::string text(data, size);
    std::free(data);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return text;
  }

  fs::path dir_;
  std::unique_ptr<EventStore> store_;
};

TEST(ExportActorTest, SplitsCameoActorCodes) {
  ActorParts p = SplitCameoActor("RUSGOV");
  EXPECT_EQ(p.country, "RUS");
  EXPECT_EQ(p.type1, "GOV");
  p = SplitCameoActor("IGOUNO");
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.type1, "IGO");
  EXPECT_EQ(p.known_group, "UNO");
  p = SplitCameoActor("SYRREBMOSSUN");
  EXPECT_EQ(p.country, "SYR");
  EXPECT_EQ(p.type1, "REB");
  EXPECT_EQ(p.religion1, "MOS");
  EXPECT_EQ(p.religion2, "SUN");
  p = SplitCameoActor("USAGOVMILELI");
  EXPECT_EQ(p.type3, "ELI");
  EXPECT_EQ(SplitCameoActor("").country, "");
}

TEST(ExportPloverTest, MapsEveryCameoRootToAPloverType) {
  const std::set<std::string_view> kPlover = {
      "AGREE",  "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
      "ACCUSE", "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};
  for (const CameoCode& code : AllCameoCodes()) {
    EXPECT_TRUE(kPlover.count(PloverEventType(code.code))) << code.code;
  }
  std::string_view mode;
  EXPECT_EQ(PloverEventType("040"), "CONSULT");
  EXPECT_EQ(PloverEventType("0871"), "RETREAT");
  EXPECT_EQ(PloverEventType("081"), "CONCEDE");
  EXPECT_EQ(PloverEventType("100", &mode), "REQUEST");
  EXPECT_EQ(mode, "demand");
  EXPECT_EQ(PloverEventType("190", &mode), "ASSAULT");
  EXPECT_EQ(mode, "fight");
  EXPECT_EQ(PloverEventType("999"), "");
}

TEST_F(ExportTest, GdeltEventsRoundTrip61Columns) {
  std::vector<std::string> lines = SplitLines(Export(ExportFormat::kGdelt));
  ASSERT_EQ(lines.size(), 2u);  // two copies of one story: two events, not four
  std::vector<std::string> c = SplitTabs(lines[0]);
  ASSERT_EQ(c.size(), 61u);
  EXPECT_EQ(c[1], "20190410");   // SQLDATE
  EXPECT_EQ(c[2], "201904");     // MonthYear
  EXPECT_EQ(c[3], "2019");       // Year
  EXPECT_EQ(c[4], "2019.2740");  // FractionDate: day 100 of 365
  EXPECT_EQ(c[5], "RUSGOV");     // Actor1Code
  EXPECT_EQ(c[6], "MOSCOW");     // Actor1Name
  EXPECT_EQ(c[7], "RUS");        // Actor1CountryCode
  EXPECT_EQ(c[12], "GOV");       // Actor1Type1Code
  EXPECT_EQ(c[15], "KORMIL");    // Actor2Code
  EXPECT_EQ(c[22], "MIL");       // Actor2Type1Code
  EXPECT_EQ(c[25], "1");         // IsRootEvent
  EXPECT_EQ(c[26], "040");       // EventCode, leading zero kept
  EXPECT_EQ(c[27], "040");       // EventBaseCode
  EXPECT_EQ(c[28], "04");        // EventRootCode
  EXPECT_EQ(c[29], "1");         // QuadClass
  EXPECT_EQ(c[31], "2");         // NumMentions
  EXPECT_EQ(c[32], "2");         // NumSources
  EXPECT_EQ(c[33], "2");         // NumArticles
  EXPECT_EQ(c[34], "0");         // AvgTone
  EXPECT_EQ(c[59].size(), 14u);  // DATEADDED
  EXPECT_EQ(c[60], "https://news.example/doc-1");
  c = SplitTabs(lines[1]);
  ASSERT_EQ(c.size(), 61u);
  EXPECT_EQ(c[17], "");     // IGOUNO: no country
  EXPECT_EQ(c[18], "UNO");  // Actor2KnownGroupCode
  EXPECT_EQ(c[22], "IGO");
  EXPECT_EQ(c[26], "190");
}

TEST_F(ExportTest, GdeltMentionsRoundTrip16Columns) {
  std::vector<std::string> lines = SplitLines(Export(ExportFormat::kGdeltMentions));
  ASSERT_EQ(lines.size(), 4u);
  std::vector<std::string> c = SplitTabs(lines[2]);  // second event, first mention
  ASSERT_EQ(c.size(), 16u);
  EXPECT_EQ(c[1], "20190410000000");
  EXPECT_EQ(c[3], "1");  // MentionType: web
  EXPECT_EQ(c[4], "Wire");
  EXPECT_EQ(c[5], "https://news.example/doc-1");
  EXPECT_EQ(c[6], "2");  // SentenceID, 1-based
  // The second sentence starts at byte 37 of the document.
  EXPECT_EQ(c[7], "37");
  EXPECT_EQ(c[8], "51");
  EXPECT_EQ(c[9], "44");
  EXPECT_EQ(c[12], "59");  // MentionDocLen
}

TEST_F(ExportTest, PhoenixRoundTrip26Columns) {
  std::vector<std::string> lines = SplitLines(Export(ExportFormat::kPhoenix));
  ASSERT_EQ(lines.size(), 2u);
  std::vector<std::string> c = SplitTabs(lines[0]);
  ASSERT_EQ(c.size(), 26u);
  EXPECT_EQ(c[1], "20190410");
  EXPECT_EQ(c[2], "2019");
  EXPECT_EQ(c[3], "4");
  EXPECT_EQ(c[4], "10");
  EXPECT_EQ(c[5], "RUSGOV");
  EXPECT_EQ(c[6], "RUS");
  EXPECT_EQ(c[7], "GOV");
  EXPECT_EQ(c[9], "KORMIL");
  EXPECT_EQ(c[13], "040");
  EXPECT_EQ(c[14], "04");
  EXPECT_EQ(c[17], "SECURITY");
  EXPECT_EQ(c[23], "doc-1_0");
  EXPECT_EQ(c[24], "https://news.example/doc-1");
  EXPECT_EQ(c[25], "Wire");
}

TEST_F(ExportTest, CsvRoundTripsQuotesCommasAndTabs) {
  auto rows = ParseCsv(Export(ExportFormat::kCsv));
  ASSERT_EQ(rows.size(), 3u);
  // The first 21 columns as before; the date's provenance after them (issue 13).
  for (const auto& row : rows) EXPECT_EQ(row.size(), 30u);
  EXPECT_EQ(rows[0][0], "event_id");
  EXPECT_EQ(rows[0][20], "sentence");
  EXPECT_EQ(rows[0][21], "date_precision");
  EXPECT_EQ(rows[0][26], "historical");
  EXPECT_EQ(rows[1][1], "2019-04-10");
  EXPECT_EQ(rows[1][9], "040");
  EXPECT_EQ(rows[1][13], "2");
  EXPECT_EQ(rows[1][20], "Moscow met Seoul in talks, \"warmly\".");
  EXPECT_EQ(rows[2][20], "Moscow\tattacked Seoul.");
}

TEST_F(ExportTest, JsonlAndPloverParseBack) {
  std::vector<std::string> lines = SplitLines(Export(ExportFormat::kJsonl));
  ASSERT_EQ(lines.size(), 2u);
  auto j = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(j["code"], "040");
  EXPECT_EQ(j["source"]["code"], "RUSGOV");
  EXPECT_EQ(j["num_articles"], 2);
  EXPECT_EQ(j["sentence"], "Moscow met Seoul in talks, \"warmly\".");
  lines = SplitLines(Export(ExportFormat::kPlover));
  ASSERT_EQ(lines.size(), 2u);
  j = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(j["event_type"], "ASSAULT");
  EXPECT_EQ(j["mode"], "fight");
  EXPECT_EQ(j["actor1_country"], "RUS");
  EXPECT_EQ(j["date"], "2019-04-10");
}

TEST_F(ExportTest, FiltersByDyadAndDate) {
  EventQuery q;
  q.source_prefix = "RUSGOV";
  EXPECT_EQ(SplitLines(Export(ExportFormat::kGdelt, q)).size(), 1u);
  q.source_prefix = "RUS";
  q.target_prefix = "IGO";
  EXPECT_EQ(SplitLines(Export(ExportFormat::kGdelt, q)).size(), 1u);
  EXPECT_EQ(SplitLines(Export(ExportFormat::kGdeltMentions, q)).size(), 2u);
  q = {};
  q.from = 20190411;
  EXPECT_EQ(SplitLines(Export(ExportFormat::kGdelt, q)).size(), 0u);
}

// The prefix ends ("RUS" -> "RUT") are made inside the filter binding; they must still be
// valid when the statement runs (ASan reported a use after scope here).
TEST_F(ExportTest, DyadFilterMatchesExactlyThatDyadInEveryFormat) {
  EventQuery q;
  q.source_prefix = "RUS";
  q.target_prefix = "KOR";
  for (ExportFormat f :
       {ExportFormat::kGdelt, ExportFormat::kPhoenix, ExportFormat::kCsv, ExportFormat::kJsonl}) {
    const std::string text = Export(f, q);
    EXPECT_NE(text.find("RUSGOV"), std::string::npos) << text;
    EXPECT_EQ(text.find("IGOUNO"), std::string::npos) << text;
  }
  EXPECT_EQ(SplitLines(Export(ExportFormat::kGdeltMentions, q)).size(), 2u);
  // A prefix too long for the short-string buffer lives on the heap, where a dangling
  // bind reads freed memory.
  q.source_prefix = "RUSGOVERNMENTMINISTRYOFFOREIGNAFFAIRS";
  q.target_prefix = "";
  EXPECT_EQ(SplitLines(Export(ExportFormat::kGdelt, q)).size(), 0u);
}

TEST(ExportFormatTest, ParsesNames) {
  ExportFormat f;
  EXPECT_TRUE(ParseExportFormat("gdelt-mentions", &f).ok());
  EXPECT_EQ(f, ExportFormat::kGdeltMentions);
  EXPECT_EQ(ExportColumnCount(ExportFormat::kGdelt), 61);
  EXPECT_EQ(ExportColumnCount(ExportFormat::kPhoenix), 26);
  EXPECT_FALSE(ParseExportFormat("xml", &f).ok());
}

}  // namespace
}  // namespace parley
