// Coding profiles: the one place where the conventions of each kind of input are set.
#include <string>

#include "parley/coder.h"

namespace parley {

Status ParseProfile(std::string_view name, Profile* profile) {
  if (name == "tabari") {
    *profile = Profile::kTabari;
  } else if (name == "petrarch") {
    *profile = Profile::kPetrarch;
  } else if (name == "news") {
    *profile = Profile::kNews;
  } else {
    return Status::InvalidArgument("unknown profile '" + std::string(name) +
                                   "' (expected tabari, petrarch or news)");
  }
  return Status::OK();
}

std::string_view ProfileName(Profile profile) {
  switch (profile) {
    case Profile::kTabari:
      return "tabari";
    case Profile::kPetrarch:
      return "petrarch";
    case Profile::kNews:
      break;
  }
  return "news";
}

void ApplyProfile(Profile profile, CoderOptions* o) {
  o->profile = profile;
  if (profile == Profile::kNews) {
    // The news values are CoderOptions' defaults; copying them keeps one source.
    const CoderOptions news;
    o->minimum_words = news.minimum_words;
    o->shared_agents = news.shared_agents;
    o->compound_pairs = news.compound_pairs;
    o->actorless_agents = news.actorless_agents;
    o->agent_country_from_context = news.agent_country_from_context;
    o->title_name_one_actor = news.title_name_one_actor;
    o->nouns_after_prepositions = news.nouns_after_prepositions;
    o->future_as_intent = news.future_as_intent;
    o->skip_conditionals = news.skip_conditionals;
    o->news_comma_rules = news.news_comma_rules;
    o->ethnic_groups_by_residence = news.ethnic_groups_by_residence;
    o->participial_clauses = news.participial_clauses;
    o->possessives_not_targets = news.possessives_not_targets;
    o->document_surnames = news.document_surnames;
    o->document_entities = news.document_entities;
    o->must_as_demand = news.must_as_demand;
    o->pattern_word_gap = news.pattern_word_gap;
    o->roles_from_tree = news.roles_from_tree;
    return;
  }
  const bool tabari = profile == Profile::kTabari;
  // TABARI's own defaults: short sentences are headlines or fragments, and an agent is
  // composed only with the actor right beside it.
  o->minimum_words = tabari ? 8 : 0;
  o->shared_agents = !tabari;
  o->compound_pairs = true;
  o->actorless_agents = !tabari;
  // The validation suites were written for coders without parley's news conventions.
  o->agent_country_from_context = false;
  o->title_name_one_actor = false;
  o->nouns_after_prepositions = false;
  o->future_as_intent = false;
  o->skip_conditionals = false;
  o->news_comma_rules = false;
  o->ethnic_groups_by_residence = false;
  o->participial_clauses = false;
  o->possessives_not_targets = false;
  o->document_surnames = false;
  o->document_entities = false;
  o->must_as_demand = false;
  o->pattern_word_gap = 0;
  o->roles_from_tree = false;
}

CoderOptions OptionsForProfile(Profile profile) {
  CoderOptions options;
  ApplyProfile(profile, &options);
  return options;
}

void ApplyPetrarchConventions(CoderOptions* options) { ApplyProfile(Profile::kPetrarch, options); }

}  // namespace parley
