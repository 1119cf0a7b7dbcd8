// The tree check on the probe sentences, with the bundled dictionaries and model:
// the exact events with and without the check.
#include "coder/tree_roles.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "coder/code_for_tests.h"
#include "parley/coder.h"
#include "parley/paths.h"
#include "parley/reader.h"
#include "query/test_store.h"

namespace parley {
namespace {

std::shared_ptr<const syntax::Model> BundledModel() {
  static const std::shared_ptr<const syntax::Model> model = [] {
    std::shared_ptr<const syntax::Model> m;
    if (!syntax::LoadModel(BundledSyntaxModelPath(), &m).ok()) std::abort();
    return m;
  }();
  return model;
}

const Coder& TreeCoder() {
  static const Coder* coder = [] {
    CoderOptions options;
    options.roles_from_tree = true;
    options.syntax_model = BundledModel();
    return new Coder(query::testing::BundledCoder().shared_dictionary(), options);
  }();
  return *coder;
}

// "SRC TGT CODE" per event, in order.
std::vector<std::string> Code(const Coder& coder, const std::string& text) {
  Document doc;
  doc.id = "probe";
  doc.text = text;
  return testing::CodeForTests(coder, doc).lines;
}

using Events = std::vector<std::string>;

TEST(TreeRolesTest, NegatedAttackUnderSaidGivesNoAttack) {
  const std::string s = "Russia will not attack Ukraine, the Kremlin said on Monday.";
  for (const std::string& e : Code(TreeCoder(), s)) {
    EXPECT_NE(e.substr(0, 7), "RUS UKR") << e;
  }
}

TEST(TreeRolesTest, PassiveIsSwapped) {
  EXPECT_EQ(Code(TreeCoder(), "Russia is attacked by Ukraine."), (Events{"UKR RUS 190"}));
}

// The probe: the relative clause's verb, set aside by the comma rules, is coded
// with the roles its frame gives (the noun it modifies, its object), and its object never
// reaches the main verb.
TEST(TreeRolesTest, ARelativeClauseIsCodedWithItsOwnRoles) {
  EXPECT_EQ(Code(TreeCoder(),
                 "The German foreign minister, who met Ukraine's president last week, criticised "
                 "Russia."),
            (Events{"DEUGOV RUS 111", "DEUGOV UKRGOV 040"}));
}

TEST(TreeRolesTest, TheFrameCompletesARoleWordOrderMissed) {
  tree_roles::Scratch scratch(BundledModel());
  text::TokenizedSentence tokens;
  const std::string s = "The minister, who met Ukraine's president, left.";
  text::Tokenize(s, &tokens);
  tree_roles::ParseSentence(tokens, &scratch);
  const std::vector<ActorSpan> actors = {{"DEUGOV", "minister", 4, 12},
                                         {"UKRGOV", "Ukraine's president", 22, 41}};
  Event e;
  e.verb = {"met", 18, 21};
  e.code = "040";
  e.root = "04";
  ASSERT_TRUE(tree_roles::CompleteRoles(scratch, actors, &e));
  EXPECT_EQ(e.source.code, "DEUGOV");
  EXPECT_EQ(e.target.code, "UKRGOV");
  Event no_frame = e;
  no_frame.source = no_frame.target = ActorSpan{};
  no_frame.verb = {"", -1, -1};
  EXPECT_FALSE(tree_roles::CompleteRoles(scratch, actors, &no_frame));
}

TEST(TreeRolesTest, AStatementToThePressHasNoTarget) {
  for (const std::string& e :
       Code(TreeCoder(), "The Russian ambassador told reporters on Monday that he was hopeful.")) {
    EXPECT_EQ(e.find("MED"), std::string::npos) << e;
  }
}

// The other probes, with their exact events.
TEST(TreeRolesTest, CoordinatedModifiersMeetEachOther) {
  EXPECT_EQ(Code(TreeCoder(), "Japanese and Chinese officials will meet in Geneva next week."),
            (Events{"JPNGOV CHNGOV 036", "CHNGOV JPNGOV 036"}));
  EXPECT_EQ(Code(TreeCoder(), "Peru and Chile signed a trade agreement on Tuesday."),
            (Events{"PER CHL 057", "CHL PER 057"}));
  EXPECT_EQ(Code(TreeCoder(), "Russian officials will meet in Geneva next week."), Events{});
}

TEST(TreeRolesTest, WantingSomeoneToActIsAnAppeal) {
  EXPECT_EQ(Code(TreeCoder(), "France wants Germany to sanction Iran."), (Events{"FRA DEU 020"}));
  EXPECT_EQ(Code(TreeCoder(), "Russia wants to cooperate with Korea."), (Events{"RUS KOR 030"}));
}

TEST(TreeRolesTest, AMeetingPlaceIsNoParty) {
  for (const std::string& e :
       Code(TreeCoder(), "Japanese and Chinese officials will meet in Geneva next week.")) {
    EXPECT_EQ(e.find("CHE"), std::string::npos) << e;
  }
}

TEST(TreeRolesTest, AVisitedPlaceIsTheHost) {
  const Events events =
      Code(TreeCoder(),
           "Iraqi President Saddam Hussein arrived in Amman on a previously unannounced "
           "visit on Wednesday.");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].substr(0, 3), "IRQ");
  EXPECT_NE(events[0].find("JOR"), std::string::npos) << events[0];
}

TEST(TreeRolesTest, VerdictsOnAParsedSentence) {
  tree_roles::Scratch scratch(BundledModel());
  text::TokenizedSentence tokens;
  const std::string s = "Russia will not attack Ukraine.";
  text::Tokenize(s, &tokens);
  tree_roles::ParseSentence(tokens, &scratch);
  Event e;
  e.source = {"RUS", "Russia", 0, 6};
  e.target = {"UKR", "Ukraine", 23, 30};
  e.verb = {"attack", 16, 22};
  e.code = "190";
  e.root = "19";
  EXPECT_EQ(tree_roles::Judge(scratch, e), tree_roles::Verdict::kNegated);
  e.code = "1246";  // already a refusal code: kept
  e.root = "12";
  EXPECT_EQ(tree_roles::Judge(scratch, e), tree_roles::Verdict::kKeep);
  Event no_verb = e;
  no_verb.verb = {"", -1, -1};
  EXPECT_EQ(tree_roles::Judge(scratch, no_verb), tree_roles::Verdict::kKeep);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(TreeRolesTest, RefusalsMirrorTheCooperativeCodes) {
  EXPECT_EQ(tree_roles::RefusalOf("036"), "125");
  EXPECT_EQ(tree_roles::RefusalOf("0332"), "1222");
  EXPECT_EQ(tree_roles::RefusalOf("033"), "122");
  EXPECT_EQ(tree_roles::RefusalOf("042"), "125");
  EXPECT_EQ(tree_roles::RefusalOf("057"), "127");
  EXPECT_EQ(tree_roles::RefusalOf("0356"), "1246");
  EXPECT_EQ(tree_roles::RefusalOf("010"), "011");
  EXPECT_EQ(tree_roles::RefusalOf("190"), "");  // conflict has no refusal: no event
  EXPECT_EQ(tree_roles::RefusalOf("020"), "");
}

TEST(TreeRolesTest, RuledOutAidBecomesARefusal) {
  const std::vector<std::string> events =
      Code(TreeCoder(), "Russia will not provide aid to Ukraine.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].substr(0, 11), "RUS UKR 122") << events[0];
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// The probe: in the seed interview, "..., summed up Kulik" made the ambassador the
// target of what he reported.
TEST(TreeRolesTest, TheSpeakerIsNeverTheTargetOfWhatHeReports) {
  const std::string path = "../shared/seeds/000_8ee558292959cd7b.txt";
  std::unique_ptr<DocumentReader> reader;
  if (!DocumentReader::Open({path}, ReaderOptions{}, &reader).ok()) {
    GTEST_SKIP() << path << " not found";
  }
  Document doc;
  ASSERT_TRUE(reader->Next(&doc));
  CoderScratch scratch;
  std::vector<Event> events;
  TreeCoder().CodeDocument(doc, &scratch, &events);
  ASSERT_FALSE(events.empty());
  for (const Event& e : events)
    EXPECT_EQ(e.target.text.find("Kulik"), std::string::npos) << e.sentence;
}

}  // namespace
}  // namespace parley
