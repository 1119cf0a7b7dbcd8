#include "parley/coder.h"

#include <gtest/gtest.h>

#include <thread>

#include "coder/code_for_tests.h"
#include "dict/dictionary.h"
#include "dict/readers.h"
#include "util/temp_dir_for_tests.h"

namespace parley {
namespace {

class CoderTest : public ::testing::Test {
 protected:
  // Dictionary files in a folder of the test's own, removed when it ends.
  std::string WriteTemp(const std::string& name, const std::string& content) {
    return files_.Write(name, content);
  }
  testing::TempDir files_{"parley_coder_test"};

  void SetUp() override {
    testing::BuildTabariDictionary(
        files_,
        "<NOUN>\nPARADE_\n</NOUN>\n"
        "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nRUSSIA [RUS]\n"
        "SEOUL [KOR]\nTOKYO [JPN]\nSOCCER [###]\n"
        "BOROMIR [GONMIL <950101] [GONGOV]\nUS_ [USA]\n"
        "ALBANIANS [ALB]\nSERBIA [SRB]\n"
        "ELROND_PEREDHEL [RIVGOV >950101] [RIV]\n",
        "AMBASSADOR_ [~GOV]\nMINISTER_ [~GOV]\nSOLDIERS_ [~MIL]\nPROTESTERS_ [~OPP]\n",
        "ATTACK [190]\n- * TARGETS_IN + [195]\n"
        "CRITICI [111]\nCRITICIZ [111]\n"
        "ARRIVE [032:033]\n"
        "SAID [010?]\n"
        "PRAISE_ [051]\n- NOT_* [112]\n"
        "FREE [066]\n- + * FROM $ [067]\n"
        "WARN [130]\nWITHDRAW [0874]\n",
        &dict_);
  }

  std::vector<std::string> Code(const std::string& text, CoderOptions options = {},
                                Date date = 20230101, std::vector<Event>* full = nullptr) {
    Document doc;
    doc.id = "d1";
    doc.date = date;
    doc.text = text;
    testing::Coded coded = testing::CodeForTests(Coder(dict_, options), doc);
    if (full) *full = coded.events;
    return coded.lines;
  }

  std::shared_ptr<const Dictionary> dict_;
};

using V = std::vector<std::string>;

TEST_F(CoderTest, CoderFillsEveryEventField) {
  std::vector<Event> events;
  EXPECT_EQ(Code("Arnor attacked Gondor on Monday.", {}, 20230101, &events), V{"ARN GON 190"});
  const Event& e = events[0];
  EXPECT_EQ(e.doc_id, "d1");
  EXPECT_EQ(e.sentence_index, 0);
  EXPECT_EQ(e.date, 20230101);
  EXPECT_EQ(e.source.text, "Arnor");
  EXPECT_EQ(e.source.start, 0);
  EXPECT_EQ(e.target.text, "Gondor");
  EXPECT_EQ(e.sentence.substr(e.target.start, e.target.end - e.target.start), "Gondor");
  EXPECT_EQ(e.verb.text, "attacked");
  EXPECT_EQ(e.root, "19");
  EXPECT_EQ(e.quad_class, 4);
  EXPECT_EQ(e.rule, "t.verbs:1");
}

TEST_F(CoderTest, CoderPatternsSetTargetAndRule) {
  std::vector<Event> events;
  EXPECT_EQ(Code("Arnor attacked targets in Rohan near Gondor.", {}, 20230101, &events),
            V{"ARN ROH 195"});
  EXPECT_EQ(events[0].rule, "t.verbs:2");
  // "+ * FROM $": the target comes before the verb, the source after FROM.
  EXPECT_EQ(Code("Rohan was freed from Gondor yesterday."), V{"GON ROH 067"});
}

TEST_F(CoderTest, CoderStemsAndInflections) {
  EXPECT_EQ(Code("Arnor criticized Gondor."), V{"ARN GON 111"});
  EXPECT_EQ(Code("Arnor praises Gondor."), V{"ARN GON 051"});
  EXPECT_EQ(Code("Arnor praising Gondor."), V{"ARN GON 051"});
  EXPECT_EQ(Code("Arnor did not praise Gondor."), V{"ARN GON 112"});
}

TEST_F(CoderTest, CoderCompoundActorsMakeOneEventEach) {
  EXPECT_EQ(Code("Seoul and Tokyo criticised Arnor."), (V{"KOR ARN 111", "JPN ARN 111"}));
  EXPECT_EQ(Code("Arnor criticised Seoul, Tokyo and Gondor."),
            (V{"ARN KOR 111", "ARN JPN 111", "ARN GON 111"}));
}

TEST_F(CoderTest, CoderAgentsComposeWithActors) {
  EXPECT_EQ(Code("The Russian ambassador praised Gondor."), V{"RUSGOV GON 051"});
  EXPECT_EQ(Code("The ambassador of Russia praised Gondor."), V{"RUSGOV GON 051"});
  EXPECT_EQ(Code("Gondor's minister praised Arnor."), V{"GONGOV ARN 051"});
}

TEST_F(CoderTest, CoderAgentsSharedAcrossCompoundsAndModifiers) {
  EXPECT_EQ(Code("The ambassadors of Seoul, Tokyo and Gondor criticised Arnor."),
            (V{"KORGOV ARN 111", "JPNGOV ARN 111", "GONGOV ARN 111"}));
  EXPECT_EQ(Code("Seoul and Tokyo soldiers criticised Arnor."),
            (V{"KORMIL ARN 111", "JPNMIL ARN 111"}));
  // A determiner starts a new noun phrase: the agent is the last member's alone.
  EXPECT_EQ(Code("Seoul and the Tokyo soldiers criticised Arnor."),
            (V{"KOR ARN 111", "JPNMIL ARN 111"}));
  EXPECT_EQ(Code("Soldiers from Gondor criticised Arnor yesterday."), V{"GONMIL ARN 111"});
  EXPECT_EQ(Code("Gondor's first deputy minister praised Arnor."), V{"GONGOV ARN 051"});
  EXPECT_EQ(Code("Ambassadors and soldiers in Gondor praised Arnor."),
            (V{"GONGOV ARN 051", "GONMIL ARN 051"}));
  // Linking words are not modifiers.
  EXPECT_EQ(Code("Gondor's war on soldiers criticised Arnor."), V{"GON ARN 111"});
  // TABARI's own reading keeps agents with the actor they touch.
  CoderOptions tabari;
  tabari.shared_agents = false;
  EXPECT_EQ(Code("The ambassadors of Seoul, Tokyo and Gondor criticised Arnor.", tabari),
            (V{"KORGOV ARN 111", "JPN ARN 111", "GON ARN 111"}));
}

TEST_F(CoderTest, CoderLoneAgentTakesTheSentencesCountry) {
  // News default: the nearest actor before the agent lends its country.
  EXPECT_EQ(Code("Gondor attacked protesters on Monday."), V{"GON GONOPP 190"});
  EXPECT_EQ(Code("Protesters attacked Gondor on Monday."), V{"GONOPP GON 190"});
  // A state's own forces stay unattached: "Gondor sent soldiers" is not Gondor vs Gondor.
  EXPECT_EQ(Code("Gondor attacked soldiers on Monday."), V{});
  CoderOptions petrarch;
  ApplyPetrarchConventions(&petrarch);
  EXPECT_EQ(Code("Gondor attacked protesters on Monday.", petrarch), V{"GON ---OPP 190"});
}

TEST_F(CoderTest, CoderTitleFollowedByNameIsOneActor) {
  // The name is not a second party: "Ambassador of Arnor Boromir" style apposition.
  EXPECT_EQ(Code("Arnor Boromir criticised Rohan on Monday."), V{"ARN ROH 111"});
  EXPECT_EQ(Code("Rohan criticised Arnor Boromir on Monday."), V{"ROH ARN 111"});
}

TEST_F(CoderTest, CoderVerbAfterPrepositionIsANoun) {
  EXPECT_EQ(Code("Gondor spoke of attacks on Arnor on Monday."), V{});
  CoderOptions tabari;
  tabari.nouns_after_prepositions = false;
  EXPECT_EQ(Code("Gondor spoke of attacks on Arnor on Monday.", tabari), V{"GON ARN 190"});
}

TEST_F(CoderTest, CoderModalVerbsAreThreatsOrIntents) {
  EXPECT_EQ(Code("Arnor may yet attack Gondor on Monday."), V{"ARN GON 138"});
  EXPECT_EQ(Code("Arnor will praise Gondor on Monday."), V{"ARN GON 032"});
  CoderOptions tabari;
  tabari.future_as_intent = false;
  EXPECT_EQ(Code("Arnor may yet attack Gondor on Monday.", tabari), V{"ARN GON 190"});
}

TEST_F(CoderTest, CoderReadyToIsAnIntent) {
  EXPECT_EQ(Code("Arnor is ready to praise Gondor."), V{"ARN GON 032"});
}

TEST_F(CoderTest, CoderAppositiveAfterAnUnknownNameIsTheSubject) {
  const std::string text = "Kenzo Oshima, the Arnor ambassador, criticised Gondor on Monday.";
  EXPECT_EQ(Code(text), V{"ARNGOV GON 111"});
  CoderOptions tabari;
  tabari.news_comma_rules = false;
  EXPECT_NE(Code(text, tabari), V{"ARNGOV GON 111"});
}

TEST_F(CoderTest, CoderCommaClausesAreKept) {
  EXPECT_EQ(Code("Arnor praised Rohan, but still criticised Gondor on Monday."),
            (V{"ARN ROH 051", "ARN GON 111"}));
  EXPECT_EQ(Code("Amid the Arnor war, Gondor criticised Rohan on Monday."), V{"GON ROH 111"});
}

TEST_F(CoderTest, CoderParticipleClausesCarryTheActors) {
  EXPECT_EQ(Code("Arnor criticised Gondor on Monday, warning of severe consequences."),
            (V{"ARN GON 111", "ARN GON 130"}));
  EXPECT_EQ(Code("Gondor attacked Rohan on Monday, prompting Arnor to warn of consequences for "
                 "their ties."),
            (V{"GON ROH 190", "ARN GON 130"}));
}

TEST_F(CoderTest, CoderEthnicGroupsTakeTheirCountryOfResidence) {
  EXPECT_EQ(Code("Ethnic Albanians in Serbia criticised Gondor on Monday."), V{"SRB GON 111"});
  EXPECT_EQ(Code("Albanians in Serbia criticised Gondor on Monday."), V{"ALB GON 111"});
}

TEST_F(CoderTest, CoderMustAfterAReportingVerbIsADemand) {
  EXPECT_EQ(Code("Arnor said Gondor must withdraw from Rohan."), V{"ARN GON 106"});
  CoderOptions tabari;
  tabari.must_as_demand = false;
  EXPECT_NE(Code("Arnor said Gondor must withdraw from Rohan.", tabari), V{"ARN GON 106"});
}

TEST_F(CoderTest, CoderSurnameRefersToThePersonNamedEarlier) {
  EXPECT_EQ(Code("Elrond Peredhel praised Gondor on Monday. Peredhel criticised Rohan on Tuesday."),
            (V{"RIVGOV GON 051", "RIVGOV ROH 111"}));
  // Only within one document.
  EXPECT_EQ(Code("Peredhel criticised Rohan on Tuesday."), V{});
}

TEST_F(CoderTest, CoderConditionsReportNoEvent) {
  EXPECT_EQ(Code("Rohan praised Arnor, if Gondor attacked Arnor on Monday."), V{"ROH ARN 051"});
  CoderOptions tabari;
  tabari.skip_conditionals = false;
  EXPECT_EQ(Code("If Gondor attacked Arnor on Monday.", tabari), V{"GON ARN 190"});
  EXPECT_EQ(Code("If Gondor attacked Arnor on Monday."), V{});
}

TEST_F(CoderTest, CoderCompoundWithNoObjectActsJointly) {
  EXPECT_EQ(Code("Seoul and Tokyo criticised the plan on Monday."), (V{"KOR  111", "JPN  111"}));
  CoderOptions tabari;
  tabari.compound_pairs = true;
  EXPECT_EQ(Code("Seoul and Tokyo criticised the plan on Monday.", tabari),
            (V{"KOR JPN 111", "JPN KOR 111"}));
}

TEST_F(CoderTest, CoderActorlessAgentsAndRequireDyad) {
  CoderOptions petrarch;
  petrarch.actorless_agents = true;
  EXPECT_EQ(Code("The soldiers criticised Arnor on Monday.", petrarch), V{"---MIL ARN 111"});
  EXPECT_EQ(Code("The soldiers criticised Arnor on Monday."), V{});
  EXPECT_EQ(Code("Gondor criticised the plan on Monday."), V{});
  petrarch.require_dyad = false;
  EXPECT_EQ(Code("Gondor criticised the plan on Monday.", petrarch), V{"GON  111"});
}

TEST(CoderVerbBlocksTest, VerbInTwoFilesTriesThePatternsOfBoth) {
  testing::TempDir files("parley_coder_test");
  std::string actors = files.Write("m.actors", "ARNOR [ARN]\nGONDOR [GON]\n");
  std::string first = files.Write("m1.verbs", "WARN [130]\n- * AGAINST + [131]\n");
  std::string second = files.Write("m2.verbs", "WARN [130]\n- * OF ATTACK BY + [138]\n");
  dict::DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(dict::ReadTabariActors(actors, &b, &warnings).ok());
  ASSERT_TRUE(dict::ReadTabariVerbs(first, &b, &warnings).ok());
  ASSERT_TRUE(dict::ReadTabariVerbs(second, &b, &warnings).ok());
  std::shared_ptr<const Dictionary> dict;
  ASSERT_TRUE(b.Build(&dict, &warnings).ok());
  Coder coder(dict, {});
  CoderScratch scratch;
  auto code = [&](const std::string& text) {
    std::vector<Event> events;
    coder.CodeSentence(text, Event{}, &scratch, &events);
    return events.empty() ? std::string() : events[0].code;
  };
  EXPECT_EQ(code("Arnor warned against Gondor on Monday."), "131");
  EXPECT_EQ(code("Arnor warned of attack by Gondor on Monday."), "138");
}

TEST(CoderOptionsTest, DocumentOptionsApplyFromTheirRecordOn) {
  CoderOptions options;
  Document doc;
  EXPECT_FALSE(ApplyDocumentOptions(doc, &options, nullptr));
  doc.options = {"require_dyad=False", "comma_max=6", "new_actor_length=4"};
  EXPECT_TRUE(ApplyDocumentOptions(doc, &options, nullptr));
  EXPECT_FALSE(options.require_dyad);
  EXPECT_EQ(options.comma_max, 6);
  doc.options = {"comma_min=lots"};
  std::vector<std::string> warnings;
  doc.origin = "suite.xml";
  doc.origin_line = 12;
  doc.id = "R-1";
  ApplyDocumentOptions(doc, &options, &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rfind("suite.xml:12: record R-1: ", 0), 0u) << warnings[0];
  doc.options.clear();
  doc.notes = "[a test]\n{ ARN / GON / 064 }\n{ OPTION: SET: CONVERT AGENT = TRUE }";
  EXPECT_TRUE(ApplyDocumentOptions(doc, &options, nullptr));
  EXPECT_TRUE(options.convert_agents);
  CoderOptions petrarch;
  ApplyPetrarchConventions(&petrarch);
  EXPECT_TRUE(petrarch.actorless_agents);
}

TEST_F(CoderTest, CoderPassiveVoiceSwapsSourceAndTarget) {
  EXPECT_EQ(Code("Gondor was attacked by Arnor."), V{"ARN GON 190"});
}

TEST_F(CoderTest, CoderPairedCodes) {
  EXPECT_EQ(Code("Arnor arrived in Gondor for talks."), (V{"ARN GON 032", "GON ARN 033"}));
}

TEST_F(CoderTest, CoderDiscardAndComplex) {
  EXPECT_TRUE(Code("Arnor attacked Gondor in a soccer match.").empty());
  CoderOptions o;
  o.complex_no_actor_prior = true;
  EXPECT_TRUE(Code("Yesterday attacked Gondor and Arnor.", o).empty());
}

TEST_F(CoderTest, CoderNounByDeterminerAndCapital) {
  // "the attack" is a noun; only "praised" codes.
  EXPECT_EQ(Code("Arnor praised Gondor after the attack by Rohan."), V{"ARN GON 051"});
  EXPECT_EQ(Code("Arnor read about the Attack Gondor."), V{});
  // In a headline every word is capitalised, so capitals do not make nouns.
  EXPECT_EQ(Code("Arnor Praises Gondor Over Trade Deal"), V{"ARN GON 051"});
}

TEST_F(CoderTest, CoderLowerCaseWordsAreNotAcronyms) {
  EXPECT_EQ(Code("Gondor attacked us yesterday."), V{});
  EXPECT_EQ(Code("Gondor attacked US forces yesterday."), V{"GON USA 190"});
  // A capital opening the sentence says nothing about an acronym.
  EXPECT_EQ(Code("Us, Gondor attacked yesterday in the night."), V{});
  EXPECT_EQ(Code("US troops attacked Gondor yesterday."), V{"USA GON 190"});
}

TEST_F(CoderTest, CoderHyphenatedModifiersAreNotActorsOrVerbs) {
  EXPECT_EQ(Code("Gondor criticised anti-Arnor crowds on Monday."), V{});
  EXPECT_EQ(Code("Arnor-praised rebels criticised Gondor on Monday."), V{});
  EXPECT_EQ(Code("Arnor criticised Gondor-backed rebels on Monday."), V{});
}

TEST_F(CoderTest, CoderDateRestrictedCodes) {
  EXPECT_EQ(Code("Boromir praised Arnor.", {}, 19940101), V{"GONMIL ARN 051"});
  EXPECT_EQ(Code("Boromir praised Arnor.", {}, 20000101), V{"GONGOV ARN 051"});
}

TEST_F(CoderTest, CoderReportedSpeechAndSubordinateCodes) {
  // SAID is subordinate: the inner event wins and its source is the inner subject.
  // (WILL makes the attack a threat: 138.)
  EXPECT_EQ(Code("Arnor said Gondor will attack Rohan soon."), V{"GON ROH 138"});
  EXPECT_EQ(Code("Arnor said Gondor was wrong."), V{"ARN GON 010"});
}

TEST_F(CoderTest, CoderClausesAndPronouns) {
  EXPECT_EQ(Code("Arnor praised Gondor and attacked Rohan."), (V{"ARN GON 051", "ARN ROH 190"}));
  CoderOptions by_sentence;
  by_sentence.code_by = CodeBy::kSentence;
  EXPECT_EQ(Code("Arnor praised Gondor and attacked Rohan.", by_sentence), V{"ARN GON 051"});
  EXPECT_EQ(Code("Gondor said Arnor would free its prisoners, then he praised Rohan."),
            V{"ARN GON 031"});  // WOULD: an intent to cooperate
}

TEST_F(CoderTest, CoderOptionsFromTabariLines) {
  CoderOptions o;
  ASSERT_TRUE(ApplyTabariOption("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", &o).ok());
  EXPECT_EQ(o.complex_verbs, 5);
  EXPECT_EQ(o.complex_conj, 4);
  EXPECT_TRUE(o.complex_no_actor_prior);
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]", &o).ok());
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_TRUE(o.default_source_prior);
  EXPECT_FALSE(o.default_target_after);
  ASSERT_TRUE(ApplyTabariOption("COMMA: MIN = 4 MAX = 6 EMIN = 3", &o).ok());
  EXPECT_EQ(o.comma_min, 4);
  EXPECT_EQ(o.comma_max, 6);
  EXPECT_EQ(o.comma_emin, 3);
  ASSERT_TRUE(ApplyTabariOption("SET: CODE BY SENTENCE", &o).ok());
  EXPECT_EQ(o.code_by, CodeBy::kSentence);
  EXPECT_FALSE(ApplyTabariOption("nonsense without colon", &o).ok());
  o = CoderOptions{};
  o.default_target = "DEFTAR";
  EXPECT_EQ(Code("Arnor praised everyone.", o), V{"ARN DEFTAR 051"});
}

TEST_F(CoderTest, CoderIssuesLabelEvents) {
  dict::DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(
      dict::ReadTabariActors(WriteTemp("i.actors", "ARNOR [ARN]\nGONDOR [GON]\n"), &b, &warnings)
          .ok());
  ASSERT_TRUE(dict::ReadTabariVerbs(WriteTemp("i.verbs", "ATTACK [190]\n"), &b, &warnings).ok());
  dict::IssueEntry nuclear;
  nuclear.phrase = {dict::PatternElement{dict::PatternElement::Kind::kWord, "NUCLEAR"},
                    dict::PatternElement{dict::PatternElement::Kind::kWord, "PLANT"}};
  nuclear.code = "NUCLEAR";
  b.AddIssue(nuclear);
  std::shared_ptr<const Dictionary> d;
  ASSERT_TRUE(b.Build(&d, &warnings).ok());
  Document doc;
  doc.text = "Arnor attacked the nuclear plant in Gondor.";
  std::vector<Event> events = testing::CodeForTests(Coder(d, {}), doc).events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].issues, "NUCLEAR");
}

TEST_F(CoderTest, CoderScratchIsReusableAcrossSentences) {
  Document doc;
  doc.text = "Arnor attacked Gondor. Seoul praised Tokyo. Nothing happened here.";
  std::vector<Event> events = testing::CodeForTests(Coder(dict_, {}), doc).events;
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].sentence_index, 1);
  EXPECT_EQ(events[1].sentence, "Seoul praised Tokyo.");
}

TEST_F(CoderTest, CoderSharedAcrossThreadsGivesSameEvents) {
  Coder coder(dict_, {});
  Document doc;
  doc.text =
      "Arnor attacked Gondor. Seoul and Tokyo criticised Arnor. The Russian ambassador "
      "praised Gondor. Gondor was attacked by Arnor. Arnor arrived in Gondor for talks.";
  CoderScratch scratch;
  std::vector<Event> expected;
  coder.CodeDocument(doc, &scratch, &expected);
  ASSERT_EQ(expected.size(), 7u);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      CoderScratch local;
      std::vector<Event> events;
      for (int i = 0; i < 200; ++i) {
        events.clear();
        coder.CodeDocument(doc, &local, &events);
        for (size_t e = 0; e < events.size() && e < expected.size(); ++e) {
          if (events[e].code != expected[e].code ||
              events[e].source.code != expected[e].source.code) {
            ++mismatches[t];
          }
        }
        if (events.size() != expected.size()) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// PETRARCH discard files: a "+" entry discards the whole story, not just its sentence
// (PETRARCH dictionaries.rst, "Discard List"). Before, CodeDocument never asked which kind
// a discard was, so "+" entries dropped only their own sentence.
class CoderStoryDiscardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::TempDir files("parley_coder_test");
    dict::DictionaryBuilder b;
    std::vector<std::string> warnings;
    ASSERT_TRUE(dict::ReadTabariActors(files.Write("s.actors", "ARNOR [ARN]\nGONDOR [GON]\n"), &b,
                                       &warnings)
                    .ok());
    ASSERT_TRUE(
        dict::ReadTabariVerbs(files.Write("s.verbs", "ATTACK [190]\n"), &b, &warnings).ok());
    ASSERT_TRUE(
        dict::ReadPetrarchDiscards(
            files.Write("s.discards.txt", "+TRANSFER WINDOW\nFRIENDLY MATCH\n"), &b, &warnings)
            .ok());
    ASSERT_TRUE(warnings.empty()) << warnings[0];
    ASSERT_TRUE(b.Build(&dict_, &warnings).ok());
  }

  std::vector<std::string> Code(const std::string& text, CoderScratch* scratch,
                                CoderTrace* trace = nullptr) {
    Document doc;
    doc.id = "story";
    doc.text = text;
    testing::Coded coded = testing::CodeForTests(
        Coder(dict_, OptionsForProfile(Profile::kPetrarch)), doc, scratch, trace);
    for (size_t i = 0; i < coded.events.size(); ++i) {
      coded.lines[i] += " @" + std::to_string(coded.events[i].sentence_index);
    }
    return coded.lines;
  }

  std::shared_ptr<const Dictionary> dict_;
};

struct OutcomeReasons : CoderTrace {
  void OnOutcome(SentenceOutcome outcome, std::string_view why) override {
    if (outcome == SentenceOutcome::kDiscarded && !why.empty()) reasons.emplace_back(why);
  }
  std::vector<std::string> reasons;
};

TEST_F(CoderStoryDiscardTest, StoryDiscardDropsEveryEventOfTheDocument) {
  CoderScratch scratch;
  OutcomeReasons trace;
  EXPECT_EQ(Code("Arnor attacked Gondor on Monday. The transfer window opened in Gondor. "
                 "Gondor attacked Arnor on Tuesday.",
                 &scratch, &trace),
            V{});
  EXPECT_EQ(trace.reasons,
            std::vector<std::string>{"story discard phrase: no sentence of the story is coded"});
  // The next document with the same scratch codes as usual.
  EXPECT_EQ(Code("Arnor attacked Gondor on Monday.", &scratch), V{"ARN GON 190 @0"});
}

TEST_F(CoderStoryDiscardTest, SentenceDiscardDropsOnlyItsSentence) {
  CoderScratch scratch;
  EXPECT_EQ(Code("Arnor attacked Gondor on Monday. Arnor attacked Gondor in a friendly match. "
                 "Gondor attacked Arnor on Tuesday.",
                 &scratch),
            (V{"ARN GON 190 @0", "GON ARN 190 @2"}));
}

TEST_F(CoderStoryDiscardTest, OneSentenceWithAStoryDiscardIsDiscarded) {
  Coder coder(dict_, OptionsForProfile(Profile::kPetrarch));
  CoderScratch scratch;
  std::vector<Event> events;
  Event tmpl;
  EXPECT_EQ(coder.CodeSentence("Arnor attacked Gondor before the transfer window closed.", tmpl,
                               &scratch, &events),
            SentenceOutcome::kDiscarded);
  EXPECT_TRUE(events.empty());
}

}  // namespace
}  // namespace parley
