#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dict/readers.h"
#include "parley/dictionary.h"

namespace parley::dict {
namespace {

using Kind = PatternElement::Kind;

// Writes `content` to a fresh temporary file and removes it afterwards.
class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    static int counter = 0;
    path_ =
        (std::filesystem::temp_directory_path() / ("parley_petrarch_" + std::to_string(::getpid()) +
                                                   "_" + std::to_string(counter++) + ".txt"))
            .string();
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// "A B_C" style rendering: '_' where adjacent, ' ' otherwise; synsets as &NAME.
std::string Render(const Phrase& phrase) {
  std::string out;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const PatternElement& e = phrase[i];
    switch (e.kind) {
      case Kind::kWord:
        out += e.text;
        break;
      case Kind::kSynset:
        out += "&" + e.text;
        break;
      case Kind::kVerb:
        out += "*";
        break;
      case Kind::kSource:
        out += "$";
        break;
      case Kind::kTarget:
        out += "+";
        break;
      case Kind::kCompound:
        out += "%";
        break;
      case Kind::kSkip:
        out += "^";
        break;
    }
    if (e.match == WordMatch::kNounForms) out += "(s)";
    if (e.match == WordMatch::kStem) out += "~";
    if (e.is_verb_head) out += "!";
    if (i + 1 < phrase.size()) out += e.adjacent_to_next ? "_" : " ";
  }
  return out;
}

TEST(PetrarchReaderActors, PrimarySynonymsAndDefaultCode) {
  TempFile f(
      "# comment\n"
      "<!-- header\n  still comment -->\n"
      "UNITED_STATES  [USA]  ; trailing comment\n"
      "+USA \n"
      "+U.S.  #JW\n"
      "HAMAS WING [PSEHMSBRD]\n"
      "PALESTINIAN [pse]\n"
      "DAGOLATH'S_ARMY [DAGMIL]\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchActors(f.path(), &b, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  ASSERT_EQ(b.actors().size(), 4u);
  const ActorEntry& us = b.actors()[0];
  ASSERT_EQ(us.phrases.size(), 3u);
  EXPECT_EQ(Render(us.phrases[0]), "UNITED_STATES");
  EXPECT_EQ(Render(us.phrases[2]), "U.S.");
  EXPECT_EQ(us.default_code, "USA");
  EXPECT_EQ(us.origin.line, 4u);
  // A blank lets words intervene, as in agents and verb patterns.
  EXPECT_EQ(Render(b.actors()[1].phrases[0]), "HAMAS WING");
  EXPECT_EQ(b.actors()[2].default_code, "PSE");
  EXPECT_EQ(Render(b.actors()[3].phrases[0]), "DAGOLATH_'S_ARMY");
}

TEST(PetrarchReaderActors, DateRestrictions) {
  TempFile f(
      "GOLLUM  # pas\n"
      "+SMEAGOL\n"
      "\t[HOB < 950601]\n"
      "\t[HOBGOV 19950601 - 19990815]\n"
      "#\t[950601-990815]\n"
      "\t[HOBREB > 990816]\n"
      "MOHAMMAD_ZAHIR_SHAH_  ; note\n"
      "    [AFGGOV 331108-730717]\n"
      "    [AFGELI]\n"
      "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]\n"
      "\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchActors(f.path(), &b, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  ASSERT_EQ(b.actors().size(), 4u);
  const ActorEntry& gollum = b.actors()[0];
  EXPECT_EQ(gollum.phrases.size(), 2u);
  EXPECT_EQ(gollum.default_code, "");
  ASSERT_EQ(gollum.dated.size(), 3u);
  EXPECT_EQ(gollum.dated[0].code, "HOB");
  EXPECT_EQ(gollum.dated[0].from, 0);
  EXPECT_EQ(gollum.dated[0].to, 19950601);
  EXPECT_EQ(gollum.dated[1].from, 19950601);
  EXPECT_EQ(gollum.dated[1].to, 19990815);
  EXPECT_EQ(gollum.dated[2].from, 19990816);
  EXPECT_EQ(gollum.dated[2].to, 0);
  const ActorEntry& shah = b.actors()[1];
  ASSERT_EQ(shah.dated.size(), 1u);
  EXPECT_EQ(shah.dated[0].from, 19331108);  // 6-digit years >= 30 are 19xx
  EXPECT_EQ(shah.dated[0].to, 19730717);
  EXPECT_EQ(shah.default_code, "AFGELI");
  const ActorEntry& cuellar = b.actors()[2];
  EXPECT_EQ(cuellar.default_code, "ELI");
  ASSERT_EQ(cuellar.dated.size(), 1u);
  EXPECT_EQ(cuellar.dated[0].to, 19911231);
  // An indented line with a phrase is a new primary phrase (PETRARCH strips lines).
  EXPECT_EQ(Render(b.actors()[3].phrases[0]), "JOHN_MCCLOY");
}

TEST(PetrarchReaderActors, MalformedLinesWarnAndTheRestLoads) {
  TempFile f(
      "+ORPHAN\n"
      "BAN_KI-MOON\n"
      "\t[IGOUNO >20070101]\n"
      "\t[KORGOVBUS 2004017-20061201]\n"
      "\t[950601-990815]\n"
      "\t[XYZ 950601]\n"
      "\t[ABC\n"
      "RUSSIA [RUS]\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchActors(f.path(), &b, &warnings).ok());
  ASSERT_EQ(warnings.size(), 5u);
  EXPECT_NE(warnings[0].find(":1: "), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find(":4: bad date '2004017'"), std::string::npos) << warnings[1];
  EXPECT_NE(warnings[2].find(":5: "), std::string::npos) << warnings[2];
  EXPECT_NE(warnings[3].find(":6: "), std::string::npos) << warnings[3];
  EXPECT_NE(warnings[4].find(":7: "), std::string::npos) << warnings[4];
  ASSERT_EQ(b.actors().size(), 2u);
  EXPECT_EQ(b.actors()[0].dated.size(), 1u);
  EXPECT_EQ(b.actors()[1].default_code, "RUS");
}

TEST(PetrarchReaderAgents, CodesPluralsAndSubstitutions) {
  TempFile f(
      "!PERSON! = MAN, WOMAN\n"
      "AMBASSADOR [~GOV] # note\n"
      "TROOP {} [~MIL]\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
      "HUMAN_RIGHTS_BODY  [NGO~]\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "POLICE {} [ ~COP]\n"
      "SECURITY SERVICE [~GOV]\n"
      "DEPARTMENT_OF_ENVIRONMENT [~ENV}\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchAgents(f.path(), &b, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  ASSERT_EQ(b.agents().size(), 8u);
  const auto& a = b.agents();
  EXPECT_EQ(Render(a[0].phrases[0]), "AMBASSADOR(s)");
  EXPECT_EQ(a[0].code, "GOV");
  EXPECT_FALSE(a[0].prefix);
  EXPECT_EQ(Render(a[1].phrases[0]), "TROOP");
  ASSERT_EQ(a[2].phrases.size(), 2u);
  EXPECT_EQ(Render(a[2].phrases[0]), "ATTORNEY_GENERAL");
  EXPECT_EQ(Render(a[2].phrases[1]), "ATTORNEYS_GENERAL");
  EXPECT_TRUE(a[3].prefix);
  EXPECT_EQ(a[3].code, "NGO");
  ASSERT_EQ(a[4].phrases.size(), 2u);
  EXPECT_EQ(Render(a[4].phrases[0]), "CONGRESSMAN");
  EXPECT_EQ(Render(a[4].phrases[1]), "CONGRESSWOMAN");
  EXPECT_EQ(a[5].code, "COP");
  // A blank lets words intervene in agents.
  EXPECT_EQ(Render(a[6].phrases[0]), "SECURITY SERVICE(s)");
  EXPECT_EQ(a[7].code, "ENV");
}

TEST(PetrarchReaderAgents, MalformedLines) {
  TempFile f(
      "ISLAMIC_EXTREMIST\n"
      "FOO [GOV]\n"
      "BAR_!NOPE! [~GOV]\n"
      "MINISTER [~GOV]\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchAgents(f.path(), &b, &warnings).ok());
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].find(":1: agent has no [code]"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[2].find("undefined substitution marker !NOPE!"), std::string::npos);
  ASSERT_EQ(b.agents().size(), 1u);
}

TEST(PetrarchReaderVerbs, Petrarch1Blocks) {
  TempFile f(
      "<!-- SYNSETS -->\n"
      "&PREPOSIT1_\n"
      "+AGAINST\n"
      "+IN\n"
      "&CURRENCY \n"
      "+AUSTRIAN FLORIN\n"
      "+GOLDEN_GOBLIN_GALLEONS_\n"
      "\n"
      "--- ABANDON  [345]  ---\n"
      "ABANDON    # pas\n"
      "+ABC_DEF_GHI\n"
      "KLM_NOP_+RST [002]\n"
      "- * NEW_&TIETYPES_RELATIONS [903] #  -PAS\n"
      "- SUGGESTED_+ * DEMAND  [111]\n"
      "- + HOSTING * TABASKI ^ $ [042]\n"
      "- % * [030:030]\n"
      "&ACCORDSYN  # embedded\n"
      "+&TIETYPES\n"
      "--- BREAK [---] ---\n"
      "BREAK { BROKE BROKEN  }\n"
      "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\n"
      "ANGERED_BY {}\n"
      "SNUB [111] {SNUBS SNUBBED}\n"
      "- IN_AND_*_OUT [074]\n"
      "- * DOWN (FROM) [080!]\n"
      "- * (BEFORE COURT) [:173]\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchVerbs(f.path(), &b, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  ASSERT_EQ(b.synsets().size(), 3u);
  EXPECT_EQ(b.synsets()[0].name, "PREPOSIT1");
  EXPECT_FALSE(b.synsets()[0].generate_plurals);
  EXPECT_EQ(Render(b.synsets()[0].members[0]), "AGAINST");
  EXPECT_TRUE(b.synsets()[1].generate_plurals);
  EXPECT_EQ(Render(b.synsets()[1].members[0]), "AUSTRIAN_FLORIN(s)");
  EXPECT_EQ(Render(b.synsets()[1].members[1]), "GOLDEN_GOBLIN_GALLEONS");
  EXPECT_EQ(Render(b.synsets()[2].members[0]), "&TIETYPES");

  ASSERT_EQ(b.verb_blocks().size(), 2u);
  const VerbBlock& abandon = b.verb_blocks()[0];
  EXPECT_EQ(abandon.name, "ABANDON");
  EXPECT_EQ(abandon.code.primary, "345");
  ASSERT_EQ(abandon.verbs.size(), 3u);
  EXPECT_EQ(Render(abandon.verbs[0].phrase), "ABANDON!");
  EXPECT_TRUE(abandon.verbs[0].code.primary.empty());  // inherits the block code
  EXPECT_EQ(Render(abandon.verbs[1].phrase), "ABC!_DEF_GHI");
  EXPECT_EQ(Render(abandon.verbs[2].phrase), "KLM_NOP_RST!");
  EXPECT_EQ(abandon.verbs[2].code.primary, "002");
  ASSERT_EQ(abandon.patterns.size(), 4u);
  EXPECT_EQ(Render(abandon.patterns[0].elements), "* NEW_&TIETYPES_RELATIONS");
  EXPECT_EQ(abandon.patterns[0].code.primary, "903");
  EXPECT_EQ(abandon.patterns[0].origin.line, 13u);
  EXPECT_EQ(Render(abandon.patterns[1].elements), "SUGGESTED_+ * DEMAND");
  EXPECT_EQ(Render(abandon.patterns[2].elements), "+ HOSTING * TABASKI ^ $");
  EXPECT_EQ(abandon.patterns[3].code.primary, "030");
  EXPECT_EQ(abandon.patterns[3].code.paired, "030");

  const VerbBlock& brk = b.verb_blocks()[1];
  EXPECT_EQ(brk.code.primary, "---");
  ASSERT_EQ(brk.verbs.size(), 4u);
  ASSERT_EQ(brk.verbs[0].irregular.size(), 2u);
  EXPECT_EQ(Render(brk.verbs[0].irregular[1]), "BROKEN!");
  EXPECT_TRUE(brk.verbs[0].generate_regular);
  EXPECT_EQ(Render(brk.verbs[1].phrase), "WIRE_TAP!");
  EXPECT_EQ(Render(brk.verbs[1].irregular[0]), "WIRE_TAPPED!");
  EXPECT_FALSE(brk.verbs[2].generate_regular);
  EXPECT_EQ(brk.verbs[3].code.primary, "111");
  EXPECT_EQ(brk.verbs[3].irregular.size(), 2u);
  EXPECT_EQ(Render(brk.patterns[0].elements), "IN_AND_*_OUT");
  EXPECT_EQ(brk.patterns[1].code.primary, "080");
  EXPECT_TRUE(brk.patterns[1].code.dominant);
  EXPECT_EQ(brk.patterns[2].code.primary, "---");
  EXPECT_EQ(brk.patterns[2].code.paired, "173");
}

TEST(PetrarchReaderVerbs, TreebankContractionsJoinThePreviousWord) {
  TempFile f(
      "&NEGATVAUXVRB  # comment\n"
      "+DID N'T\n"
      "+REALLY DID NOT\n"
      "--- CLASH [223] ---\n"
      "CLASH\n"
      "- &NEGATVAUXVRB * OVER EFFORTS  [904]\n"
      "- WO_N'T * OVER EFFORTS  [905]\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchVerbs(f.path(), &b, &warnings).ok());
  ASSERT_EQ(b.synsets().size(), 1u);
  EXPECT_EQ(Render(b.synsets()[0].members[0]), "DIDN'T(s)");
  EXPECT_EQ(Render(b.synsets()[0].members[1]), "REALLY_DID_NOT(s)");
  ASSERT_EQ(b.verb_blocks().size(), 1u);
  EXPECT_EQ(Render(b.verb_blocks()[0].patterns[1].elements), "WON'T * OVER EFFORTS");
}

TEST(PetrarchReaderVerbs, Petrarch2GroupsBecomeSequentialWords) {
  TempFile f(
      "####### VERB PATTERNS #######\n"
      "---  ACCELERATE   [---]  ---\n"
      "HURRY {HURRIES HURRYING HURRIED }\n"
      "- * (FOR {FINANCIAL AID})              [073]   # RUSH\n"
      "- * {ARMS SHIPMENT}                   [072]\n"
      "- * (AGAINST) +                        [1246]\n"
      "- &MILITARY * (TO +) &STRONGHOLD (IN $) [154]\n"
      "--- DELAY [120]--- \n"
      "DELAY\n"
      "######## TRANSFORMATIONS ##########\n"
      "~ a (a b ATTACK) SAY = a b 015\n"
      "~ a (b . ATTACK) SAY = a b 112\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchVerbs(f.path(), &b, &warnings).ok());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("2 transformation"), std::string::npos) << warnings[0];
  ASSERT_EQ(b.verb_blocks().size(), 2u);
  const VerbBlock& acc = b.verb_blocks()[0];
  EXPECT_EQ(acc.name, "ACCELERATE");
  ASSERT_EQ(acc.patterns.size(), 4u);
  EXPECT_EQ(Render(acc.patterns[0].elements), "* FOR FINANCIAL AID");
  EXPECT_EQ(Render(acc.patterns[1].elements), "* ARMS SHIPMENT");
  EXPECT_EQ(Render(acc.patterns[2].elements), "* AGAINST +");
  EXPECT_EQ(acc.patterns[2].code.primary, "1246");
  EXPECT_EQ(Render(acc.patterns[3].elements), "&MILITARY * TO + &STRONGHOLD IN $");
  EXPECT_EQ(b.verb_blocks()[1].name, "DELAY");
  EXPECT_EQ(b.verb_blocks()[1].code.primary, "120");
}

TEST(PetrarchReaderVerbs, MalformedLines) {
  TempFile f(
      "- * ORPHAN [010]\n"
      "--- TALK [010] ---\n"
      "TALK {TALKS\n"
      "TALK\n"
      "- * PEACE\n"
      "- PEACE [011]\n"
      "-- + HAVE * BATTLES IN + [190]\n"
      "- * * TWICE [012]\n"
      "- * WITH + [013]\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchVerbs(f.path(), &b, &warnings).ok());
  ASSERT_EQ(warnings.size(), 6u);
  for (size_t i = 0; i < warnings.size(); ++i) {
    static const char* kLines[] = {":1: ", ":3: ", ":5: ", ":6: ", ":7: ", ":8: "};
    EXPECT_NE(warnings[i].find(kLines[i]), std::string::npos) << warnings[i];
  }
  ASSERT_EQ(b.verb_blocks().size(), 1u);
  EXPECT_EQ(b.verb_blocks()[0].verbs.size(), 1u);
  EXPECT_EQ(b.verb_blocks()[0].patterns.size(), 1u);
}

TEST(PetrarchReaderDiscards, SentenceAndStoryDiscards) {
  TempFile f(
      "# Story-level discards are indicated with a '+'.\n"
      "MONTHS LATER\n"
      "+World Golf Championships   # pas\n"
      "BASEBALL_\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchDiscards(f.path(), &b, &warnings).ok());
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(b.discards().size(), 3u);
  EXPECT_EQ(Render(b.discards()[0].phrase), "MONTHS_LATER~");
  EXPECT_FALSE(b.discards()[0].whole_story);
  EXPECT_EQ(Render(b.discards()[1].phrase), "WORLD_GOLF_CHAMPIONSHIPS~");
  EXPECT_TRUE(b.discards()[1].whole_story);
  EXPECT_EQ(Render(b.discards()[2].phrase), "BASEBALL");
}

TEST(PetrarchReaderIssues, ExpandsShorthands) {
  TempFile f(
      "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
      "pre+n:school [EARLY_CHILDHOOD_EDUCATION]\n"
      "ethnic v:purge [ID_ATROCITY]\n"
      "literacy [LITERACY]\n"
      "~a head start\n"
      "no code here\n"
      "</ISSUE>\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchIssues(f.path(), &b, &warnings).ok());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(":6: "), std::string::npos);
  std::vector<std::string> got;
  for (const IssueEntry& e : b.issues()) got.push_back(Render(e.phrase) + "=" + e.code);
  std::vector<std::string> want = {"PRE_SCHOOL=EARLY_CHILDHOOD_EDUCATION",
                                   "PRE_SCHOOLS=EARLY_CHILDHOOD_EDUCATION",
                                   "PRE-SCHOOL=EARLY_CHILDHOOD_EDUCATION",
                                   "PRE-SCHOOLS=EARLY_CHILDHOOD_EDUCATION",
                                   "ETHNIC_PURGE=ID_ATROCITY",
                                   "ETHNIC_PURGES=ID_ATROCITY",
                                   "ETHNIC_PURGED=ID_ATROCITY",
                                   "ETHNIC_PURGING=ID_ATROCITY",
                                   "LITERACY=LITERACY"};
  EXPECT_EQ(got, want);
}

TEST(PetrarchReaderFiles, MissingFileFails) {
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  EXPECT_FALSE(ReadPetrarchActors("/nonexistent/x.actors.txt", &b, &warnings).ok());
}

// ---- the real PETRARCH dictionaries, read in place --------------------------------------

std::string Shipped(const std::string& name) {
  return std::string(PARLEY_SOURCE_DIR) + "/../shared/anchors/petrarch/dictionaries/" + name;
}

bool HaveShipped() { return std::filesystem::exists(Shipped("PETR.Validate.actors.txt")); }

template <typename Reader>
std::vector<std::string> LoadShipped(Reader reader, const std::string& name, DictionaryBuilder* b,
                                     double* seconds = nullptr) {
  std::vector<std::string> warnings;
  auto start = std::chrono::steady_clock::now();
  Status s = reader(Shipped(name), b, &warnings);
  if (seconds != nullptr)
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(s.ok()) << s.ToString();
  for (const std::string& w : warnings) std::printf("  %s\n", w.c_str());
  return warnings;
}

TEST(PetrarchReaderFiles, ValidationSuiteDictionaries) {
  if (!HaveShipped()) GTEST_SKIP() << "shared PETRARCH dictionaries not present";
  DictionaryBuilder b;
  // The odd lines of these files ("<! --" comments, commented-out codes, "[###]") all
  // have a meaning, so no warnings.
  EXPECT_TRUE(LoadShipped(ReadPetrarchActors, "PETR.Validate.actors.txt", &b).empty());
  EXPECT_TRUE(LoadShipped(ReadPetrarchAgents, "PETR.Validate.agents.txt", &b).empty());
  EXPECT_TRUE(LoadShipped(ReadPetrarchVerbs, "PETR.Validate.verbs.txt", &b).empty());
  EXPECT_TRUE(LoadShipped(ReadPetrarchDiscards, "PETR.Validate.discards.txt", &b).empty());
  size_t verbs = 0, patterns = 0;
  for (const VerbBlock& block : b.verb_blocks()) {
    verbs += block.verbs.size();
    patterns += block.patterns.size();
  }
  std::printf(
      "validate: %zu actors, %zu agents, %zu blocks, %zu verbs, %zu patterns, "
      "%zu synsets, %zu discards\n",
      b.actors().size(), b.agents().size(), b.verb_blocks().size(), verbs, patterns,
      b.synsets().size(), b.discards().size());
  EXPECT_GT(b.actors().size(), 120u);
  EXPECT_GT(b.agents().size(), 80u);
  EXPECT_GT(b.verb_blocks().size(), 150u);
  EXPECT_GT(patterns, 300u);
  EXPECT_EQ(b.discards().size(), 9u);
}

TEST(PetrarchReaderFiles, PhoenixActorsAreFast) {
  if (!HaveShipped()) GTEST_SKIP() << "shared PETRARCH dictionaries not present";
  DictionaryBuilder b;
  double seconds = 0;
  auto w = LoadShipped(ReadPetrarchActors, "Phoenix.Countries.actors.txt", &b, &seconds);
  std::printf("Phoenix.Countries: %zu actors in %.3f s, %zu warnings\n", b.actors().size(), seconds,
              w.size());
  EXPECT_LT(seconds, 0.5);
  EXPECT_GT(b.actors().size(), 10000u);
  // Real data errors, reported and skipped: 7-, 9- and 10-digit dates, and two lone dates
  // ("[MNEGOV 20121204]") that are neither <, > nor a range.
  EXPECT_EQ(w.size(), 7u);
  size_t before = b.actors().size();
  // One 7-digit date, three company lines with untagged sector/revenue text after the code.
  w = LoadShipped(ReadPetrarchActors, "Phoenix.International.actors.txt", &b);
  EXPECT_EQ(w.size(), 4u);
  w = LoadShipped(ReadPetrarchActors, "Phoenix.MilNonState.actors.txt", &b);
  EXPECT_EQ(w.size(), 0u);
  std::printf("Phoenix International + MilNonState: %zu actors\n", b.actors().size() - before);
}

TEST(PetrarchReaderFiles, PhoenixVerbsAgentsDiscardsIssues) {
  if (!HaveShipped()) GTEST_SKIP() << "shared PETRARCH dictionaries not present";
  // CAMEO.2.0: the transformation summary and two patterns with a stray ')' (lines 2374
  // and 7606, "(WITH VISIT) VISIT)[042:043]"). verbpatterns.150430 (the same block format
  // with TABARI-style patterns): the summary plus real errors (two '*', no code, "--" line,
  // a stray '}' on line 8394, a final block without verbs).
  const std::pair<const char*, size_t> kFiles[] = {{"CAMEO.2.0.txt", 3},
                                                   {"CAMEO.verbpatterns.150430.txt", 8}};
  for (const auto& [name, expected_warnings] : kFiles) {
    DictionaryBuilder b;
    auto w = LoadShipped(ReadPetrarchVerbs, name, &b);
    size_t patterns = 0;
    for (const VerbBlock& block : b.verb_blocks()) patterns += block.patterns.size();
    std::printf("%s: %zu blocks, %zu patterns, %zu synsets, %zu warnings\n", name,
                b.verb_blocks().size(), patterns, b.synsets().size(), w.size());
    EXPECT_GT(patterns, 4000u);
    EXPECT_EQ(w.size(), expected_warnings);
  }
  DictionaryBuilder b;
  // One agent without a code; one summary note for the unfinished (uncoded) issue phrases.
  EXPECT_EQ(LoadShipped(ReadPetrarchAgents, "Phoenix.agents.txt", &b).size(), 1u);
  EXPECT_EQ(LoadShipped(ReadPetrarchDiscards, "Phoenix.discards.txt", &b).size(), 0u);
  EXPECT_EQ(LoadShipped(ReadPetrarchIssues, "Phoenix.IssueCoding.txt", &b).size(), 1u);
  std::printf("Phoenix: %zu agents, %zu discards, %zu issue phrases\n", b.agents().size(),
              b.discards().size(), b.issues().size());
  EXPECT_GT(b.agents().size(), 2000u);
  EXPECT_GT(b.discards().size(), 400u);
  EXPECT_GT(b.issues().size(), 2000u);
}

}  // namespace
}  // namespace parley::dict
