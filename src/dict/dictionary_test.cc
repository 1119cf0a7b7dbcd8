#include "dict/dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "dict/readers.h"
#include "dict/tabari_syntax.h"

namespace parley {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  auto dir = std::filesystem::temp_directory_path() / "parley_dict_test";
  std::filesystem::create_directories(dir);
  auto path = (dir / name).string();
  std::ofstream(path) << content;
  return path;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(DictInflections, RegularFormsOfVerbs) {
  auto f = VerbInflections("BREAK");
  EXPECT_TRUE(Has(f, "BREAKS"));
  EXPECT_TRUE(Has(f, "BREAKING"));
  EXPECT_TRUE(Has(f, "BREAKED"));
  auto t = VerbInflections("TRY");
  EXPECT_TRUE(Has(t, "TRIES"));
  EXPECT_TRUE(Has(t, "TRIED"));
  auto o = VerbInflections("OMIT");
  EXPECT_TRUE(Has(o, "OMITTED"));
  EXPECT_TRUE(Has(o, "OMITTING"));
  auto a = VerbInflections("AGREE");
  EXPECT_TRUE(Has(a, "AGREED"));
  auto p = VerbInflections("PUSH");
  EXPECT_TRUE(Has(p, "PUSHES"));
}

TEST(DictTabariSyntax, ConnectorsAndAlternatives) {
  std::vector<dict::Phrase> out;
  std::string error;
  ASSERT_TRUE(dict::tabari::ParsePhrase("RECENT~_* TO_ &TIES { A_ | B }_X",
                                        dict::tabari::PhraseRole::kPattern, &out, &error));
  ASSERT_EQ(out.size(), 2u);
  const auto& p = out[0];
  EXPECT_EQ(p[0].text, "RECENT");
  EXPECT_EQ(p[0].match, dict::WordMatch::kStem);
  EXPECT_TRUE(p[0].adjacent_to_next);
  EXPECT_EQ(p[1].kind, dict::PatternElement::Kind::kVerb);
  EXPECT_EQ(p[2].match, dict::WordMatch::kExact);
  EXPECT_FALSE(p[2].adjacent_to_next);
  EXPECT_EQ(p[3].kind, dict::PatternElement::Kind::kSynset);
  EXPECT_EQ(p[4].text, "A");
  EXPECT_TRUE(p[4].adjacent_to_next);  // "}_" joins each alternative to X
  EXPECT_EQ(out[1][4].text, "B");
  EXPECT_FALSE(
      dict::tabari::ParsePhrase("{ A | B", dict::tabari::PhraseRole::kPattern, &out, &error));

  auto code = dict::tabari::ParseEventCode("032:033");
  EXPECT_EQ(code.primary, "032");
  EXPECT_EQ(code.paired, "033");
  EXPECT_TRUE(dict::tabari::ParseEventCode("023?").subordinate);
  EXPECT_EQ(dict::tabari::ParseEventCode("- - -").primary, "---");
}

TEST(DictTabariActors, DateRestrictionsSynonymsAndWarnings) {
  std::string path = WriteTemp("a.actors",
                               "<NOUN>\nLEADER\n</NOUN>\n"
                               "ALBRIGHT  [USAGOV 991201-010114] [---] ;comment\n"
                               "BROKEN [991201-010114]\n"
                               "GOLLUM ; synonyms\n+SMEAGOL\n\t[HOB <950601]\n\t[HOBREB >990816]\n"
                               "UN_ [UNO]\n");
  dict::DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(dict::ReadTabariActors(path, &b, &warnings).ok());
  ASSERT_EQ(warnings.size(), 2u);  // BROKEN has no code: reported with file and line
  EXPECT_NE(warnings[0].find("a.actors:5:"), std::string::npos) << warnings[0];
  std::shared_ptr<const Dictionary> d;
  ASSERT_TRUE(b.Build(&d, &warnings).ok());
  ASSERT_EQ(d->actor_count(), 3u);
  const ActorInfo& albright = d->actor(0);
  EXPECT_EQ(albright.CodesFor(20000101)[0], "USAGOV");
  EXPECT_EQ(albright.CodesFor(20050101)[0], "---");
  const ActorInfo& gollum = d->actor(1);
  EXPECT_EQ(gollum.CodesFor(19940101)[0], "HOB");
  EXPECT_EQ(gollum.CodesFor(20000101)[0], "HOBREB");
  EXPECT_EQ(gollum.CodesFor(19970101)[0], "---");  // no restriction holds: null code
}

TEST(DictLookup, StemsExactWordsAndNounEndings) {
  std::string actors = WriteTemp("b.actors", "SYRIA [SYR]\nUN_ [UNO]\n");
  std::string agents = WriteTemp("b.agents", "AMBASSADOR_ [~GOV]\n");
  dict::DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(dict::ReadTabariActors(actors, &b, &warnings).ok());
  ASSERT_TRUE(dict::ReadTabariAgents(agents, &b, &warnings).ok());
  std::shared_ptr<const Dictionary> d;
  ASSERT_TRUE(b.Build(&d, &warnings).ok());
  auto matches = [&](std::string_view token, std::string_view word, dict::WordMatch m) {
    std::vector<TokenMatch> out;
    d->Lookup(token, &out);
    WordId w = d->Find(word);
    for (const auto& tm : out) {
      if (tm.word == w && Accepts(m, tm.relation)) return true;
    }
    return false;
  };
  EXPECT_TRUE(matches("SYRIAN", "SYRIA", dict::WordMatch::kStem));
  EXPECT_FALSE(matches("UNITED", "UN", dict::WordMatch::kExact));
  EXPECT_TRUE(matches("UN", "UN", dict::WordMatch::kExact));
  EXPECT_TRUE(matches("AMBASSADORS", "AMBASSADOR", dict::WordMatch::kNounForms));
  EXPECT_FALSE(matches("AMBASSADORIAL", "AMBASSADOR", dict::WordMatch::kNounForms));
}

TEST(DictTabariVerbs, FormsPatternsAndSynsets) {
  std::string verbs = WriteTemp("c.verbs",
                                "<SYNSETS>\n&MONEY\n+DOLLAR\n+EURO_\n</SYNSETS>\n"
                                "<TIME>\nTOMORROW [+1]\n</TIME>\n"
                                "BREAK_ [1717]\n{ BROKE_ BROKEN_ }\n"
                                "- * TREATY [161]\n"
                                "- * { DEADLOCK | STALEMATE } [102]\n"
                                "- * &MONEY [999]\n"
                                "- * &NOSUCH [998]\n"
                                "- no verb marker [997]\n");
  dict::DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(dict::ReadTabariVerbs(verbs, &b, &warnings).ok());
  std::shared_ptr<const Dictionary> d;
  ASSERT_TRUE(b.Build(&d, &warnings).ok());
  EXPECT_EQ(warnings.size(), 2u);  // unknown synset and pattern without '*'
  ASSERT_EQ(d->verb_count(), 1u);
  EXPECT_EQ(d->verb(0).rule, "c.verbs:9");
  const auto& patterns = d->verb_block(d->verb(0).block).patterns;
  ASSERT_EQ(patterns.size(), 4u);
  EXPECT_EQ(patterns[0].code.primary, "102");  // STALEMATE: longest first
  for (const char* form : {"BREAK", "BREAKS", "BREAKING", "BROKE", "BROKEN"}) {
    EXPECT_NE(d->Find(form), kNoWord) << form;
  }
}

}  // namespace
}  // namespace parley
