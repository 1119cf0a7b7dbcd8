#include "parley/reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "io/io_internal.h"
#include "io/plain_text.h"
#include "io/read_all_for_tests.h"
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

TEST(IoDetect, ByExtensionAndContent) {
  EXPECT_EQ(DetectInputFormat("a.jsonl", ""), InputFormat::kJsonl);
  EXPECT_EQ(DetectInputFormat("a.XML", ""), InputFormat::kPetrarchXml);
  EXPECT_EQ(DetectInputFormat("a.dat", "  {\"id\": 1}"), InputFormat::kJsonl);
  EXPECT_EQ(DetectInputFormat("a.dat", "<!-- x -->\n<Sentences>"), InputFormat::kPetrarchXml);
  EXPECT_EQ(DetectInputFormat("a.text", "\n####\n# banner\n\n950101  DEMO-01\nArnor said.\n"),
            InputFormat::kTabari);
  EXPECT_EQ(DetectInputFormat("a.txt", " date 2023-02-10 SEOUL, Feb 10 - Yonhap. Talks."),
            InputFormat::kPlainText);
  EXPECT_EQ(DetectInputFormat("a.txt", "Russia and Korea met in 2023.\n"), InputFormat::kPlainText);
  InputFormat f;
  EXPECT_TRUE(ParseInputFormat("tabari", &f).ok());
  EXPECT_EQ(f, InputFormat::kTabari);
  EXPECT_FALSE(ParseInputFormat("docx", &f).ok());
  EXPECT_EQ(InputFormatName(InputFormat::kPetrarchXml), "petrarch");
}

TEST(IoDateline, Forms) {
  io::Dateline d;
  ASSERT_TRUE(io::ParseDateline("SEOUL, Feb 10 \xE2\x80\x93 RIA Novosti. Russia is ready", &d));
  EXPECT_EQ(d.place, "SEOUL");
  EXPECT_EQ(d.source, "RIA Novosti");
  EXPECT_EQ(d.month, 2);
  EXPECT_EQ(d.day, 10);
  EXPECT_EQ(d.year, 0);
  EXPECT_EQ(
      std::string_view("SEOUL, Feb 10 \xE2\x80\x93 RIA Novosti. Russia is ready").substr(d.length),
      "Russia is ready");

  ASSERT_TRUE(io::ParseDateline("WASHINGTON (Reuters) - The United States said", &d));
  EXPECT_EQ(d.place, "WASHINGTON");
  EXPECT_EQ(d.source, "Reuters");
  EXPECT_EQ(d.month, 0);

  ASSERT_TRUE(io::ParseDateline("NEW YORK, March 3, 2021 (AP) \xE2\x80\x94 Stocks fell", &d));
  EXPECT_EQ(d.place, "NEW YORK");
  EXPECT_EQ(d.source, "AP");
  EXPECT_EQ(d.year, 2021);
  EXPECT_EQ(d.month, 3);
  EXPECT_EQ(d.day, 3);

  ASSERT_TRUE(io::ParseDateline("KYIV, Ukraine (AP) \xE2\x80\x94 Russia fired", &d));
  EXPECT_EQ(d.place, "KYIV");
  EXPECT_EQ(d.source, "AP");

  ASSERT_TRUE(io::ParseDateline("CEBU CITY: -- Cordova Mayor Adelino Sitoy", &d));
  EXPECT_EQ(d.place, "CEBU CITY");
  EXPECT_EQ(d.source, "");

  // "Talks collapsed." is a sentence, not a source: lower-case word.
  ASSERT_TRUE(io::ParseDateline("SEOUL -- Talks collapsed. More", &d));
  EXPECT_EQ(d.source, "");

  EXPECT_FALSE(io::ParseDateline("Russia is ready to resume talks.", &d));
  EXPECT_FALSE(io::ParseDateline("NATO, the EU and Russia met.", &d));
  EXPECT_FALSE(io::ParseDateline("A senior official said.", &d));
  EXPECT_FALSE(io::ParseDateline("SEOUL is a city.", &d));
}

TEST(IoPlainText, HeaderAndDatelineOnOneLine) {
  Document doc;
  std::vector<std::string> warnings;
  ParsePlainTextArticle(
      " date 2023-02-10 SEOUL, Feb 10 \xE2\x80\x93 RIA Novosti. Russia is ready to talk.\n\n"
      "Second paragraph.\n",
      "a.txt", "dir/a.txt", [&](std::string_view w) { warnings.emplace_back(w); }, &doc);
  EXPECT_EQ(doc.id, "a.txt");
  EXPECT_EQ(doc.place, "SEOUL");
  EXPECT_EQ(doc.source, "RIA Novosti");
  EXPECT_EQ(doc.date, 20230210);
  EXPECT_EQ(doc.date_source, DateSource::kDateline);
  EXPECT_EQ(doc.text, "Russia is ready to talk.\n\nSecond paragraph.\n");
  EXPECT_TRUE(warnings.empty()) << Joined(warnings);
}

TEST(IoPlainText, HeaderLinesWithoutDateline) {
  Document doc;
  ParsePlainTextArticle(
      "title Talks resume\nsource Yonhap\nurl https://x.test/1\nid art-7\n"
      "date: 2019-04-10\n\nSeoul and Moscow met.\n",
      "f.txt", "f.txt", nullptr, &doc);
  EXPECT_EQ(doc.id, "art-7");
  EXPECT_EQ(doc.title, "Talks resume");
  EXPECT_EQ(doc.source, "Yonhap");
  EXPECT_EQ(doc.url, "https://x.test/1");
  EXPECT_EQ(doc.date, 20190410);
  EXPECT_EQ(doc.date_source, DateSource::kHeader);
  EXPECT_EQ(doc.text, "Seoul and Moscow met.\n");
}

TEST(IoPlainText, ABadHeaderDateNamesItsLine) {
  std::vector<std::string> warnings;
  Document doc;
  ParsePlainTextArticle(
      "title Talks\ndate 2023-02-31\nSeoul and Moscow talked.", "a.txt", "news/a.txt",
      [&](std::string_view w) { warnings.emplace_back(w); }, &doc);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("news/a.txt:2: header date '2023-02-31' is not a date"),
            std::string::npos)
      << warnings[0];
  EXPECT_EQ(doc.date, 0);
  EXPECT_EQ(doc.title, "Talks");
}

TEST(IoPlainText, DatelineYearRules) {
  Document doc;
  // No year anywhere: the date stays unknown rather than guessed.
  ParsePlainTextArticle("SEOUL, Feb 10 - Yonhap. Talks resumed.", "f", "f", nullptr, &doc);
  EXPECT_EQ(doc.date, 0);
  EXPECT_EQ(doc.date_source, DateSource::kUnknown);
  EXPECT_EQ(doc.place, "SEOUL");
  EXPECT_EQ(doc.text, "Talks resumed.");
  // Year header.
  ParsePlainTextArticle("year 2021\nSEOUL, Feb 10 - Talks resumed.", "f", "f", nullptr, &doc);
  EXPECT_EQ(doc.date, 20210210);
  // Published 2 January, dateline 31 December: the year before.
  ParsePlainTextArticle("date 2024-01-02\nMOSCOW, Dec. 31 (TASS) - Talks.", "f", "f", nullptr,
                        &doc);
  EXPECT_EQ(doc.date, 20231231);
  EXPECT_EQ(doc.source, "TASS");
  // Impossible day: warned, header date kept.
  std::vector<std::string> warnings;
  ParsePlainTextArticle(
      "date 2023-02-10\nSEOUL, Feb 30 - Talks resumed.", "f", "f",
      [&](std::string_view w) { warnings.emplace_back(w); }, &doc);
  EXPECT_EQ(doc.date, 20230210);
  EXPECT_EQ(doc.date_source, DateSource::kHeader);
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(IoPlainText, ArticleStartingWithWordThatLooksLikeKey) {
  Document doc;
  // Taken as a header it would leave no body, so it is prose.
  ParsePlainTextArticle("source close to the talks said Russia was ready.", "f", "f", nullptr,
                        &doc);
  EXPECT_EQ(doc.text, "source close to the talks said Russia was ready.");
  EXPECT_TRUE(doc.source.empty());
  ParsePlainTextArticle("Sources close to the talks said Russia was ready.", "f", "f", nullptr,
                        &doc);
  EXPECT_EQ(doc.text, "Sources close to the talks said Russia was ready.");
  EXPECT_TRUE(doc.source.empty());
}

TEST(IoReader, FolderRecursionSortedSkippingHidden) {
  TempDir dir;
  dir.Write("b/2.txt", "Second article text.");
  dir.Write("a.txt", "First article text.");
  dir.Write("b/1.txt", "Middle article text.");
  dir.Write(".hidden.txt", "Never read.");
  dir.Write(".git/x.txt", "Never read either.");
  ReadResult r = ReadAll({dir.path()});
  ASSERT_EQ(r.docs.size(), 3u) << Joined(r.warnings);
  EXPECT_EQ(r.docs[0].id, "a.txt");
  EXPECT_EQ(r.docs[1].id, "1.txt");
  EXPECT_EQ(r.docs[2].id, "2.txt");
  EXPECT_EQ(r.docs[1].text, "Middle article text.");
  EXPECT_EQ(r.docs[1].origin, dir.path() + "/b/1.txt");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(IoReader, MissingInputIsAnError) {
  std::unique_ptr<DocumentReader> reader;
  Status s = DocumentReader::Open({"/nonexistent/parley/input"}, ReaderOptions(), &reader);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(DocumentReader::Open({}, ReaderOptions(), &reader).code(),
            Status::Code::kInvalidArgument);
}

TEST(IoReader, BinaryFileSkippedWithWarning) {
  TempDir dir;
  dir.Write("x.bin", std::string("\x7f"
                                 "ELF\0\0\0",
                                 7));
  dir.Write("y.txt", "Real text.");
  ReadResult r = ReadAll({dir.path()});
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("x.bin"), std::string::npos);
}

TEST(IoJsonl, RecordsAndBadLinesContinue) {
  TempDir dir;
  std::string path = dir.Write(
      "news.jsonl",
      "\xEF\xBB\xBF{\"id\": \"d1\", \"date\": \"2019-04-10\", \"text\": \"Iraq \\\"talks\\\" "
      "\\u00e9.\", "
      "\"title\": \"T\", \"url\": \"u\", \"source\": \"Guardian\", \"extra\": [1, {\"a\": 2}]}\n"
      "\n"
      "this is not json\n"
      "{\"id\": \"d3\", \"date\": \"2019-04-11\"}\n"
      "{\"id\": 44, \"date\": \"someday\", \"text\": \"No date.\"}\n"
      "{\"id\": \"d5\", \"text\": \"Bad \xff byte.\"}\n"
      "{\"text\": \"No id, last line, no newline.\"}");
  for (size_t threshold : {size_t{0}, size_t{1} << 30}) {  // mmap and read paths
    ReadResult r = ReadAll({path}, InputFormat::kAuto, threshold);
    ASSERT_EQ(r.docs.size(), 4u) << Joined(r.warnings);
    EXPECT_EQ(r.docs[0].id, "d1");
    EXPECT_EQ(r.docs[0].text, "Iraq \"talks\" \xC3\xA9.");
    EXPECT_EQ(r.docs[0].date, 20190410);
    EXPECT_EQ(r.docs[0].date_source, DateSource::kMetadata);
    EXPECT_EQ(r.docs[0].title, "T");
    EXPECT_EQ(r.docs[0].url, "u");
    EXPECT_EQ(r.docs[0].source, "Guardian");
    EXPECT_EQ(r.docs[0].origin_line, 1u);
    EXPECT_EQ(r.docs[1].id, "44");
    EXPECT_EQ(r.docs[1].date, 0);
    EXPECT_EQ(r.docs[2].id, "d5");
    EXPECT_EQ(r.docs[2].text, "Bad \xEF\xBF\xBD byte.");
    EXPECT_EQ(r.docs[3].id, "news.jsonl:7");
    EXPECT_EQ(r.docs[3].text, "No id, last line, no newline.");
    // not json (line 3), missing text (line 4), bad date (line 5), bad byte (line 6).
    ASSERT_EQ(r.warnings.size(), 4u) << Joined(r.warnings);
    EXPECT_NE(r.warnings[0].find("news.jsonl:3:"), std::string::npos) << r.warnings[0];
    EXPECT_NE(r.warnings[1].find("news.jsonl:4:"), std::string::npos) << r.warnings[1];
    EXPECT_NE(r.warnings[2].find("news.jsonl:5:"), std::string::npos) << r.warnings[2];
    // The stray byte is at file offset 273 (on line 6).
    EXPECT_NE(r.warnings[3].find("news.jsonl:6: byte offset 273: "), std::string::npos)
        << r.warnings[3];
  }
}

constexpr std::string_view kTabari =
    "\n"
    "########\n"
    "#  banner\n"
    "########\n"
    "\n"
    "A comment block: no digit first,\n"
    "so it is ignored.\n"
    "\n"
    "950101  DEMO-01\n"
    "Arnor is about to restore full diplomatic ties with Gondor almost \n"
    "five years after crowds trashed its embassy. \n"
    "/*\\n-----------\n"
    "\\n[Simple coding]\n"
    "\\n{ ARN / GON / 064 } */    \n"
    "\n"
    "950113  DEMO-13\n"
    "Arnor signed a protocol with Dagolath, officials said./*\n"
    "\\n{ ARN / DAG / 085 } 950113 */\n"
    "\n"
    "9501201  BAD-DATE\n"
    "12-year break in a step that holds advantages.\n"
    "# a comment line inside a record\n"
    "\\nSecond line after a display break.\n"
    "\n"
    "950101  950101  AGENTS-11\n"
    "White House officials restored ties.\n"
    "/*\\n----\n"
    "\\n{ USAGOV / GON / 064 } */\n"
    "\\n{ USAGOV / ARN / 064 } */\n"
    "\n"
    "950104  COMPOUND-06  EXTRA\n"
    "Fornost welcomed ties.\n"
    "/*\\n---\n"
    "\\n{ FOR / GON / 044 } 950104   /*\n"
    "\n"
    "20150607 YYYY-01\n"
    "Fornost restored ties.\n"
    "000102 NEXT-01\n"
    "No blank line before this record.\n"
    "\n"
    "950104  PATTERN-26\n"
    "Mordor welcomed ties.\n"
    "/*\\n[x]\n"
    "\\n{ FOR / GON / 044 }  */\n"
    "\\n{ GON / FOR / 044 }\n"
    "\\n{ FOR / GON / 045 }  */\n";

TEST(IoTabari, RecordsCommentsAndQuirks) {
  TempDir dir;
  std::string path = dir.Write("suite.text", kTabari);
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 8u) << Joined(r.warnings);
  const Document& d1 = r.docs[0];
  EXPECT_EQ(d1.id, "DEMO-01");
  EXPECT_EQ(d1.date, 19950101);
  EXPECT_EQ(d1.date_source, DateSource::kHeader);
  EXPECT_EQ(d1.origin_line, 9u);
  EXPECT_EQ(d1.text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years "
            "after crowds trashed its embassy.");
  EXPECT_EQ(d1.notes, "-----------\n[Simple coding]\n{ ARN / GON / 064 }");
  EXPECT_EQ(d1.expected_events, std::vector<std::string>{"ARN GON 064"});

  EXPECT_EQ(r.docs[1].text, "Arnor signed a protocol with Dagolath, officials said.");
  EXPECT_EQ(r.docs[1].notes, "{ ARN / DAG / 085 } 950113");

  EXPECT_EQ(r.docs[2].id, "BAD-DATE");
  EXPECT_EQ(r.docs[2].date, 0);
  EXPECT_EQ(r.docs[2].text,
            "12-year break in a step that holds advantages. Second line after a display break.");

  EXPECT_EQ(r.docs[3].id, "AGENTS-11");
  EXPECT_EQ(r.docs[3].text, "White House officials restored ties.");
  EXPECT_EQ(r.docs[3].notes, "----\n{ USAGOV / GON / 064 }\n{ USAGOV / ARN / 064 }");
  EXPECT_EQ(r.docs[3].expected_events,
            (std::vector<std::string>{"USAGOV GON 064", "USAGOV ARN 064"}));

  EXPECT_EQ(r.docs[4].id, "COMPOUND-06");
  EXPECT_EQ(r.docs[4].text, "Fornost welcomed ties.");
  EXPECT_NE(r.docs[4].notes.find("{ FOR / GON / 044 }"), std::string::npos);

  EXPECT_EQ(r.docs[5].id, "YYYY-01");
  EXPECT_EQ(r.docs[5].date, 20150607);
  EXPECT_EQ(r.docs[6].id, "NEXT-01");
  EXPECT_EQ(r.docs[6].date, 20000102);
  EXPECT_EQ(r.docs[6].text, "No blank line before this record.");
  EXPECT_EQ(r.docs[7].text, "Mordor welcomed ties.");
  EXPECT_EQ(r.docs[7].notes, "[x]\n{ FOR / GON / 044 }\n{ GON / FOR / 044 }\n{ FOR / GON / 045 }");

  // Bad date, unclosed comment. (The "\n ... */" line after AGENTS-11's comment is a
  // continuation, not an error.)
  ASSERT_EQ(r.warnings.size(), 2u) << Joined(r.warnings);
  EXPECT_NE(r.warnings[0].find("suite.text:20:"), std::string::npos) << r.warnings[0];
  EXPECT_NE(r.warnings[1].find("suite.text:33:"), std::string::npos) << r.warnings[1];
}

constexpr std::string_view kPetrarch =
    "<Validation>\n"
    "<!-- banner with a <Sentence date=\"1\" id=\"FAKE\"> inside a comment -->\n"
    "<Environment>\n"
    "  <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
    "</Environment>\n"
    "<Sentences>\n"
    "<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\" sentence=\"true\">\n"
    "<!-- comment -->\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
    "<EventCoding sourcecode='\"INJURY TOLL\"' targetcode=\"OSG\" eventcode=\"223\"/>\n"
    "<Text>\n"
    "Arnor &amp; Gondor are about to restore &quot;full&quot; ties \n"
    "  with &lt;Rohan&gt; &apos;now&apos; &#233; &#xe9; &TIETYPE.\n"
    "</Text>\n"
    "<Parse>\n"
    "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is))))\n"
    "</Parse>\n"
    "</Sentence>\n"
    "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
    "<Sentence date = \"20080801\" id =\"ERROR-01\"  category=\"ERROR\" sentence=\"true\">\n"
    "<EventCoding error=\"dateline\"></EventCoding>\n"
    "<EventCoding noevents = \"True\"></EventCoding>\n"
    "<Text><![CDATA[CEBU CITY: -- A & B.]]></Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"2008\" id=\"NO-TEXT\">\n"
    "</Sentence>\n"
    "<Sentence id=\"UNCLOSED\"><Text>Cut short.</Text>\n"
    "<Sentence id=\"PARSE-OPEN\"><Text>Parse left open.</Text><Parse>(ROOT\n"
    "</Sentence>\n"
    "<Sentence date=\"2008-08-04\" id=\"LAST\" source=\"AFP\">\n"
    "<Text>Unclosed at end.</Text>\n";

TEST(IoPetrarch, SentencesEventsOptionsEntities) {
  TempDir dir;
  std::string path = dir.Write("unit.xml", kPetrarch);
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 5u) << Joined(r.warnings);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "DEMO-00");
  EXPECT_EQ(d.category, "DEMO");
  EXPECT_EQ(d.date, 19950101);
  EXPECT_EQ(d.origin_line, 7u);
  EXPECT_EQ(d.text,
            "Arnor & Gondor are about to restore \"full\" ties with <Rohan> 'now' \xC3\xA9 "
            "\xC3\xA9 &TIETYPE.");
  ASSERT_EQ(d.expected_events.size(), 2u);
  EXPECT_EQ(d.expected_events[0], "ARN GON 064");
  EXPECT_EQ(d.expected_events[1], "\"INJURY TOLL\" OSG 223");
  EXPECT_EQ(d.options, std::vector<std::string>{"stop_on_error=True"});

  const Document& e = r.docs[1];
  EXPECT_EQ(e.id, "ERROR-01");
  EXPECT_EQ(e.date, 20080801);
  EXPECT_EQ(e.expected_error, "dateline");
  EXPECT_TRUE(e.expect_no_events);
  EXPECT_TRUE(e.expected_events.empty());
  EXPECT_EQ(e.text, "CEBU CITY: -- A & B.");
  EXPECT_EQ(e.options, std::vector<std::string>{"require_dyad=false"});

  EXPECT_EQ(r.docs[2].id, "UNCLOSED");
  EXPECT_EQ(r.docs[2].text, "Cut short.");
  EXPECT_EQ(r.docs[3].id, "PARSE-OPEN");
  EXPECT_EQ(r.docs[3].origin_line, 28u);
  EXPECT_EQ(r.docs[3].text, "Parse left open.");
  EXPECT_EQ(r.docs[4].id, "LAST");
  EXPECT_EQ(r.docs[4].source, "AFP");
  EXPECT_EQ(r.docs[4].text, "Unclosed at end.");
  // Bad date + no text (both NO-TEXT), UNCLOSED cut short, PARSE-OPEN's <Parse>,
  // LAST unclosed.
  ASSERT_EQ(r.warnings.size(), 5u) << Joined(r.warnings);
  EXPECT_NE(r.warnings[0].find("unit.xml:25:"), std::string::npos) << r.warnings[0];
  EXPECT_NE(r.warnings[2].find("unit.xml:28:"), std::string::npos) << r.warnings[2];
  EXPECT_NE(r.warnings[3].find("unit.xml:29:"), std::string::npos) << r.warnings[3];
  EXPECT_NE(r.warnings[4].find("unit.xml:30:"), std::string::npos) << r.warnings[4];
}

TEST(IoStreaming, SmallChunksMatchWholeFile) {
  // Feed each format through a pipe so the streaming path (Fill) is exercised.
  TempDir dir;
  for (std::string_view content : {kTabari, kPetrarch}) {
    std::string file = dir.Write("in.dat", content);
    ReadResult whole = ReadAll({file});
    std::string fifo = dir.path() + "/fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::thread writer([&] {
      FILE* f = std::fopen(fifo.c_str(), "w");
      for (char c : content) {  // one byte at a time
        std::fputc(c, f);
        std::fflush(f);
      }
      std::fclose(f);
    });
    ReadResult streamed = ReadAll({fifo});
    writer.join();
    fs::remove(fifo);
    ASSERT_EQ(streamed.docs.size(), whole.docs.size());
    for (size_t i = 0; i < whole.docs.size(); ++i) {
      EXPECT_EQ(streamed.docs[i].id, whole.docs[i].id);
      EXPECT_EQ(streamed.docs[i].text, whole.docs[i].text);
      EXPECT_EQ(streamed.docs[i].notes, whole.docs[i].notes);
      EXPECT_EQ(streamed.docs[i].origin_line, whole.docs[i].origin_line);
    }
    EXPECT_EQ(streamed.warnings.size(), whole.warnings.size());
  }
}

TEST(IoReader, InvalidBytesReportedWithFileOffset) {
  TempDir dir;
  // Header (16 bytes) + "Bad " puts the stray byte at file offset 20.
  std::string path = dir.Write("bad.txt", std::string("date 2023-02-10\nBad \xFF byte here."));
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Bad \xEF\xBF\xBD byte here.");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].rfind(path + ": byte offset 20: ", 0), 0u) << r.warnings[0];
}

TEST(IoReader, StdinStreamsLongLines) {
  TempDir dir;
  std::string long_text(300000, 'x');
  std::string input = "{\"id\": \"long\", \"text\": \"" + long_text +
                      "\"}\n{\"id\": \"short\", \"text\": \"Hi.\"}\n";
  std::string path = dir.Write("stdin.jsonl", input);
  int saved = ::dup(STDIN_FILENO);
  FILE* f = std::fopen(path.c_str(), "r");
  ASSERT_NE(f, nullptr);
  ::dup2(::fileno(f), STDIN_FILENO);
  ReadResult r = ReadAll({"-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  std::fclose(f);
  ASSERT_EQ(r.docs.size(), 2u) << Joined(r.warnings);
  EXPECT_EQ(r.docs[0].id, "long");
  EXPECT_EQ(r.docs[0].text, long_text);
  EXPECT_EQ(r.docs[1].id, "short");
  EXPECT_EQ(r.docs[1].origin, "-");
  EXPECT_EQ(r.docs[1].origin_line, 2u);
}

TEST(IoRobustness, MutatedInputsNeverCrashAnyReader) {
  // Truncations and random byte flips of every sample, read as every format: readers
  // must terminate and keep producing valid documents, whatever the warnings.
  TempDir dir;
  const std::string jsonl = "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": 7}\n";
  const std::string article = " date 2023-02-10 SEOUL, Feb 10 \xE2\x80\x93 RIA Novosti. Text.\n";
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  const char kNasty[] = {'<', '>', '/', '*', '\n', '"',    '\'',
                         '&', ';', '{', '}', '\\', '\xFF', '\0'};
  for (std::string_view sample :
       {kTabari, kPetrarch, std::string_view(jsonl), std::string_view(article)}) {
    for (int round = 0; round < 40; ++round) {
      std::string mutated(sample.substr(0, next() % (sample.size() + 1)));
      for (int flips = next() % 6; flips > 0 && !mutated.empty(); --flips)
        mutated[next() % mutated.size()] = kNasty[next() % sizeof kNasty];
      std::string path = dir.Write("m.dat", mutated);
      for (InputFormat f : {InputFormat::kPlainText, InputFormat::kJsonl, InputFormat::kTabari,
                            InputFormat::kPetrarchXml}) {
        ReadResult r = ReadAll({path}, f);
        for (const Document& d : r.docs) EXPECT_EQ(d.origin, path);
      }
    }
  }
}

TEST(IoByteSource, NextLineHandlesCrLfAndNoFinalNewline) {
  auto src = io::ByteSource::FromString("a\r\nbb\n\nccc");
  std::string_view line;
  std::vector<std::string> lines;
  while (src->NextLine(&line)) lines.emplace_back(line);
  EXPECT_EQ(lines, (std::vector<std::string>{"a", "bb", "", "ccc"}));
}

// The real reference files, read in place.
TEST(IoSharedFiles, CountsMatchTheSuites) {
  const std::string shared = PARLEY_SOURCE_DIR "/../shared/";
  if (!fs::exists(shared)) GTEST_SKIP() << "no shared folder";

  ReadResult tabari = ReadAll({shared + "anchors/tabari/Validate.text"});
  // 481 lines open a record (6-9 digits, then an id).
  EXPECT_EQ(tabari.docs.size(), 481u);
  ASSERT_FALSE(tabari.docs.empty());
  EXPECT_EQ(tabari.docs[0].id, "START-00");
  size_t no_event_records = 0;
  for (const Document& d : tabari.docs) {
    no_event_records += d.expect_no_events;
    if (d.id == "DEMO-01") {
      EXPECT_NE(d.notes.find("{ ARN / GON / 064 }"), std::string::npos);
    }
    if (d.id == "AGENTS-11") {
      EXPECT_NE(d.notes.find("{ USAGOV / ARN / 064 }"), std::string::npos);
    }
    if (d.id == "DEMO-04") {
      EXPECT_EQ(d.expected_events, (std::vector<std::string>{"DAG GON 032", "GON DAG 033"}));
    }
  }
  EXPECT_GT(no_event_records, 10u);  // "{---}" / "{ --- }" records

  ReadResult unit = ReadAll({shared + "anchors/petrarch/PETR.UnitTest.records.xml"});
  // 284 <Sentence> elements (the 285th "<Sentence" match in the file is <Sentences>).
  EXPECT_EQ(unit.docs.size(), 284u) << Joined(unit.warnings);
  EXPECT_TRUE(unit.warnings.empty()) << Joined(unit.warnings);
  ASSERT_FALSE(unit.docs.empty());
  EXPECT_EQ(unit.docs[0].id, "DEMO-00");
  EXPECT_EQ(unit.docs[0].expected_events, std::vector<std::string>{"ARN GON 064"});

  ReadResult giga = ReadAll({shared + "anchors/petrarch/GigaWord.sample.PETR.xml"});
  EXPECT_EQ(giga.docs.size(), 76u);

  ReadResult guardian = ReadAll({shared + "corpora/guardian_2019_sample.jsonl"});
  EXPECT_EQ(guardian.docs.size(), 249u);
  EXPECT_TRUE(guardian.warnings.empty()) << Joined(guardian.warnings);
  ASSERT_FALSE(guardian.docs.empty());
  EXPECT_EQ(guardian.docs[0].id, "guardian-0000");
  EXPECT_EQ(guardian.docs[0].date, 20190410);

  ReadResult seeds = ReadAll({shared + "seeds"});
  ASSERT_EQ(seeds.docs.size(), 5u);
  EXPECT_EQ(seeds.docs[0].id, "000_8ee558292959cd7b.txt");
  EXPECT_EQ(seeds.docs[0].place, "SEOUL");
  EXPECT_EQ(seeds.docs[0].source, "RIA Novosti");
  EXPECT_EQ(seeds.docs[0].date, 20230210);
  EXPECT_EQ(seeds.docs[0].text.rfind("Russia is ready", 0), 0u);
  EXPECT_EQ(seeds.docs[2].date, 0);  // no header, no dateline
}

}  // namespace
}  // namespace parley
