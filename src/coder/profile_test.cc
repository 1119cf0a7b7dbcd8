#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/coder.h"
#include "util/temp_dir_for_tests.h"

namespace parley {
namespace {

TEST(Profile, NewsIsTheDefault) {
  EXPECT_EQ(OptionsForProfile(Profile::kNews), CoderOptions{});
  EXPECT_EQ(CoderOptions{}.profile, Profile::kNews);
}

TEST(Profile, NamesRoundTrip) {
  for (Profile p : {Profile::kTabari, Profile::kPetrarch, Profile::kNews}) {
    Profile parsed = Profile::kNews;
    ASSERT_TRUE(ParseProfile(ProfileName(p), &parsed).ok()) << ProfileName(p);
    EXPECT_EQ(parsed, p);
  }
  Profile parsed = Profile::kTabari;
  Status st = ParseProfile("TABARI", &parsed);
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(parsed, Profile::kTabari);
}

// The table in README.md ("Coding profiles"), field by field.
TEST(Profile, SetsTheConventionsOfEachInputKind) {
  const CoderOptions tabari = OptionsForProfile(Profile::kTabari);
  const CoderOptions petrarch = OptionsForProfile(Profile::kPetrarch);
  const CoderOptions news = OptionsForProfile(Profile::kNews);
  EXPECT_EQ(tabari.minimum_words, 8);
  EXPECT_EQ(petrarch.minimum_words, 0);
  EXPECT_EQ(news.minimum_words, 0);
  EXPECT_FALSE(tabari.shared_agents);
  EXPECT_TRUE(petrarch.shared_agents);
  EXPECT_TRUE(news.shared_agents);
  EXPECT_TRUE(tabari.compound_pairs);
  EXPECT_TRUE(petrarch.compound_pairs);
  EXPECT_FALSE(news.compound_pairs);
  EXPECT_FALSE(tabari.actorless_agents);
  EXPECT_TRUE(petrarch.actorless_agents);
  EXPECT_FALSE(news.actorless_agents);
  EXPECT_EQ(tabari.pattern_word_gap, 0);
  EXPECT_EQ(petrarch.pattern_word_gap, 0);
  EXPECT_EQ(news.pattern_word_gap, 8);
  for (const CoderOptions* o : {&tabari, &petrarch}) {
    EXPECT_FALSE(o->agent_country_from_context);
    EXPECT_FALSE(o->title_name_one_actor);
    EXPECT_FALSE(o->nouns_after_prepositions);
    EXPECT_FALSE(o->future_as_intent);
    EXPECT_FALSE(o->skip_conditionals);
    EXPECT_FALSE(o->news_comma_rules);
    EXPECT_FALSE(o->ethnic_groups_by_residence);
    EXPECT_FALSE(o->participial_clauses);
    EXPECT_FALSE(o->possessives_not_targets);
    EXPECT_FALSE(o->document_surnames);
    EXPECT_FALSE(o->must_as_demand);
  }
  EXPECT_TRUE(news.agent_country_from_context && news.title_name_one_actor &&
              news.nouns_after_prepositions && news.future_as_intent && news.skip_conditionals &&
              news.news_comma_rules && news.ethnic_groups_by_residence &&
              news.participial_clauses && news.possessives_not_targets && news.document_surnames &&
              news.must_as_demand);
  // Not profile fields: the same in every profile.
  for (const CoderOptions* o : {&tabari, &petrarch}) {
    EXPECT_EQ(o->require_dyad, news.require_dyad);
    EXPECT_EQ(o->actor_gap, news.actor_gap);
    EXPECT_EQ(o->convert_agents, news.convert_agents);
    EXPECT_EQ(o->comma_max, news.comma_max);
    EXPECT_EQ(o->code_by, news.code_by);
  }
}

TEST(Profile, ApplyProfileKeepsTheOtherOptions) {
  CoderOptions o;
  ASSERT_TRUE(ApplyTabariOption("COMMA: MIN = 3 MAX = 7", &o).ok());
  ASSERT_TRUE(ApplyTabariOption("SET: CODE BY SENTENCE", &o).ok());
  o.require_dyad = false;
  ApplyProfile(Profile::kPetrarch, &o);
  EXPECT_EQ(o.profile, Profile::kPetrarch);
  EXPECT_TRUE(o.actorless_agents);
  EXPECT_EQ(o.comma_min, 3);
  EXPECT_EQ(o.comma_max, 7);
  EXPECT_EQ(o.code_by, CodeBy::kSentence);
  EXPECT_FALSE(o.require_dyad);
  ApplyProfile(Profile::kNews, &o);
  EXPECT_FALSE(o.actorless_agents);
  EXPECT_TRUE(o.future_as_intent);
  EXPECT_EQ(o.comma_max, 7);
}

// What `parley validate` and `parley code` coded with before profiles existed.
TEST(Profile, ReplacesTheOldConventionFunctions) {
  CoderOptions petrarch;
  ApplyPetrarchConventions(&petrarch);
  EXPECT_EQ(petrarch, OptionsForProfile(Profile::kPetrarch));

  testing::TempDir dir("parley_profile");
  std::string path = dir.Write("empty.options", "LABEL: nothing that changes coding\n");
  CoderOptions tabari;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadTabariOptions(path, &tabari, &warnings).ok());
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(tabari, OptionsForProfile(Profile::kTabari));

  // The file's own settings win over the profile's.
  path = dir.Write("words.options", "SET: MINIMUM WORDS = 5\n");
  CoderOptions news = OptionsForProfile(Profile::kNews);
  ASSERT_TRUE(ApplyTabariOptionsFile(path, &news, &warnings).ok());
  EXPECT_EQ(news.minimum_words, 5);
  EXPECT_TRUE(news.future_as_intent);
  ASSERT_TRUE(ReadTabariOptions(path, &tabari, &warnings).ok());
  EXPECT_EQ(tabari.minimum_words, 5);

  // A file that cannot be read leaves the options as they were.
  CoderOptions untouched;
  EXPECT_FALSE(ReadTabariOptions(dir.Path("missing.options"), &untouched, &warnings).ok());
  EXPECT_EQ(untouched, CoderOptions{});
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(Profile, NewsAfterAnotherProfileChecksRolesAgainstTheParseAgain) {
  CoderOptions o;
  ApplyProfile(Profile::kTabari, &o);
  EXPECT_FALSE(o.roles_from_tree);
  ApplyProfile(Profile::kNews, &o);
  EXPECT_TRUE(o.roles_from_tree);
}

}  // namespace
}  // namespace parley
