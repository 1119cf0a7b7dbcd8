// Actors and agents: one actor per actor unit, with its codes for the story's date, and
// the agents ("ambassador", "government", "police") composed into the actors they describe
// or, alone, made actors of their own.
#include <algorithm>

#include "coder/sentence_coder.h"

namespace parley::coding {

bool IsSpecial(const std::string& code) { return code == "---" || code == "###" || code == "+++"; }

namespace {

// The country of a nation-state actor code ("EGYCOP" -> "EGY"); empty for codes that
// name no country (IGOs, NGOs, multinationals, null actors).
std::string_view CountryOf(const std::string& code) {
  if (code.size() < 3) return {};
  std::string_view c(code.data(), 3);
  for (char ch : c) {
    if (ch < 'A' || ch > 'Z') return {};
  }
  if (c == "IGO" || c == "NGO" || c == "IMG" || c == "MNC" || c == "UIS" || c == "UNK") return {};
  return c;
}

}  // namespace

void ComposeAgent(const AgentInfo& a, std::string* code) {
  const std::string& ag = a.code;
  if (ag.empty()) return;
  if (a.prefix) {
    if (!code->starts_with(ag)) code->insert(0, ag);
    return;
  }
  for (size_t p = 0; p + ag.size() <= code->size(); p += 3) {
    if (code->compare(p, ag.size(), ag) == 0) return;
  }
  code->append(ag);
}

int SentenceCoder::AddActorFromUnit(int ui) {
  Unit& u = s_.units[ui];
  const ActorInfo& info = d_.actor(u.ref);
  ActorRef a;
  a.start = u.start;
  a.end = u.end;
  a.mem_begin = static_cast<int>(s_.members_used);
  for (const auto& code : info.CodesFor(tmpl_.date)) {
    if (IsSpecial(code)) continue;
    Member& m = s_.NewMember();
    m.code = code;
    m.start = u.start;
    m.end = u.end;
    m.rule = &info.rule;
  }
  a.mem_end = static_cast<int>(s_.members_used);
  a.compound = a.MemberCount() > 1;
  u.actor = static_cast<int>(s_.actors.size());
  s_.actors.push_back(a);
  return u.actor;
}

void SentenceCoder::BuildActors() {
  s_.actors.clear();
  s_.members_used = 0;
  for (size_t ui = 0; ui < s_.units.size(); ++ui) {
    if (s_.units[ui].cls == Cls::kActor) AddActorFromUnit(static_cast<int>(ui));
  }
}

void SentenceCoder::ComposeAgents() {
  auto& units = s_.units;
  const int count = static_cast<int>(units.size());
  auto is_former = [&](int agent_unit) {
    return agent_unit > 0 && units[agent_unit - 1].cls == Cls::kFormer;
  };
  auto attach = [&](int actor_unit, int agent_unit, bool former) {
    Unit& a = units[actor_unit];
    Unit& g = units[agent_unit];
    ActorRef& ref = s_.actors[a.actor];
    for (int m = ref.mem_begin; m < ref.mem_end; ++m) {
      Member& mem = s_.members[m];
      ComposeAgent(former ? AgentInfo{"ELI", false, {}} : d_.agent(g.ref), &mem.code);
      mem.start = std::min(mem.start, g.start);
      mem.end = std::max(mem.end, g.end);
    }
    g.agent_used = true;
  };
  // A second, coordinated agent doubles the actor's members: one set per agent.
  auto attach_second = [&](int actor_unit, int first_agent, int second_agent) {
    ActorRef& ref = s_.actors[units[actor_unit].actor];
    const int old_begin = ref.mem_begin, old_end = ref.mem_end;
    const int begin = static_cast<int>(s_.members_used);
    for (int pass = 0; pass < 2; ++pass) {
      for (int m = old_begin; m < old_end; ++m) {
        Member src = s_.members[m];
        Member& dst = s_.NewMember();
        dst = src;
        if (pass == 1) {
          // Replace the first agent's suffix by the second's.
          const std::string& first = d_.agent(units[first_agent].ref).code;
          if (!first.empty() && dst.code.ends_with(first)) {
            dst.code.resize(dst.code.size() - first.size());
          }
          ComposeAgent(d_.agent(units[second_agent].ref), &dst.code);
        }
      }
    }
    ref.mem_begin = begin;
    ref.mem_end = static_cast<int>(s_.members_used);
    ref.compound = ref.MemberCount() > 1;
    units[second_agent].agent_used = true;
  };
  auto is_agent = [&](int k) {
    return k < count && units[k].cls == Cls::kAgent && !units[k].agent_used;
  };
  auto is_and = [&](int k) {
    return k < count && units[k].cls == Cls::kConj && Norm(units[k].start) == "AND";
  };
  // AGENT [AND AGENT] OF|IN|FROM [THE] ACTOR: "the ambassador of Arnor", "soldiers from
  // Gondor", "lawmakers and officials in Fornost".
  for (int g = 0; g < count; ++g) {
    if (!is_agent(g)) continue;
    int k = g + 1, second = -1;
    if (o_.shared_agents && is_and(k) && is_agent(k + 1)) {
      second = k + 1;
      k += 2;
    }
    bool prep = k < count && (units[k].cls == Cls::kPrep ||
                              (o_.shared_agents && Norm(units[k].start) == "FROM"));
    if (!prep) continue;
    ++k;
    while (k < count && units[k].cls == Cls::kDet) ++k;
    if (k >= count || units[k].cls != Cls::kActor) continue;
    attach(k, g, is_former(g));
    units[k].pre_agent[0] = static_cast<int32_t>(g);
    if (second >= 0) {
      attach_second(k, g, second);
      units[k].pre_agent[1] = static_cast<int32_t>(second);
      units[g + 1].in_compound = true;  // the AND joins agents, not clauses
    }
  }
  // ACTOR ['S] [FORMER] [modifiers] AGENT: "Russian ambassador", "Arnor's foreign
  // minister", "Dagolath's first Deputy Prime Minister", "Ithilen's awful and evil
  // minister". Unknown words are modifiers only after a possessive.
  for (int a = 0; a < count; ++a) {
    if (units[a].cls != Cls::kActor) continue;
    int k = a + 1;
    bool possessive = k < count && units[k].cls == Cls::kPossessive;
    if (possessive) ++k;
    if (k < count && units[k].cls == Cls::kFormer) ++k;
    int unknown = 0, joined = -1;
    const int first_modifier = k;
    while (o_.shared_agents && k < count && !is_agent(k)) {
      if (units[k].cls == Cls::kAdj) {
        ++k;
      } else if (possessive && units[k].cls == Cls::kNone && unknown < 2 &&
                 s_.toks[units[k].start].word && !IsFunctionWord(Norm(units[k].start))) {
        ++unknown;
        ++k;
      } else if (k > first_modifier && is_and(k) && joined < 0) {
        joined = k++;
      } else {
        break;
      }
    }
    if (!is_agent(k) || k - first_modifier > 4 || joined == k - 1) continue;
    if (joined >= 0) units[joined].in_compound = true;
    attach(a, k, is_former(k) || (a > 0 && units[a - 1].cls == Cls::kFormer));
    if (k == a + 1) units[a].post_agent = static_cast<int32_t>(k);
    // "Danish media and government": both agents belong to the actor.
    if (o_.shared_agents && is_and(k + 1) && is_agent(k + 2)) {
      attach_second(a, k, k + 2);
      units[k + 1].in_compound = true;
    }
  }
  // AGENT ACTOR: "President Umbardacil".
  for (int a = 1; a < count; ++a) {
    if (units[a].cls != Cls::kActor) continue;
    int g = a - 1;
    if (is_agent(g)) attach(a, g, is_former(g));
  }
  if (!o_.convert_agents && !o_.actorless_agents) {
    if (o_.agent_country_from_context) CountryForLoneAgents();
    return;
  }
  for (int g = 0; g < count; ++g) {
    Unit& u = units[g];
    if (u.cls != Cls::kAgent || u.agent_used) continue;
    const AgentInfo& info = d_.agent(u.ref);
    Member& m = AddAgentActor(u, info);
    if (o_.convert_agents) {
      // TABARI writes a converted agent with its connector: "~MIL", "NGO~".
      m.code = is_former(g) ? "~ELI" : info.prefix ? info.code + "~" : "~" + info.code;
    } else {
      m.code = "---";  // PETRARCH's null actor with the agent appended
      m.code += is_former(g) ? "ELI" : info.code;
    }
  }
}

Member& SentenceCoder::AddAgentActor(Unit& u, const AgentInfo& agent) {
  ActorRef a;
  a.start = u.start;
  a.end = u.end;
  a.mem_begin = static_cast<int>(s_.members_used);
  Member& m = s_.NewMember();
  m.start = u.start;
  m.end = u.end;
  m.rule = &agent.rule;
  a.mem_end = static_cast<int>(s_.members_used);
  u.cls = Cls::kActor;
  u.from_agent = true;
  u.actor = static_cast<int>(s_.actors.size());
  s_.actors.push_back(a);
  return m;
}

// The country an actor unit lends to a lone agent; sets *decided when the unit is a
// single coded actor (a non-country actor such as the UN decides "no country").
std::string_view SentenceCoder::ContextCountry(const Unit& v, size_t actors_before,
                                               bool* decided) const {
  if (v.actor < 0 || static_cast<size_t>(v.actor) >= actors_before) return {};
  const ActorRef& ref = s_.actors[v.actor];
  if (ref.MemberCount() != 1) return {};
  *decided = true;
  return CountryOf(s_.members[ref.mem_begin].code);
}

// News reports name a bare agent ("police", "demonstrators", "a judge") when its country
// is clear from the rest of the sentence: the agent takes the country of the nearest
// nation-state actor ("Egyptian police dispersed demonstrators" -> EGY demonstrators).
void SentenceCoder::CountryForLoneAgents() {
  auto& units = s_.units;
  const int count = static_cast<int>(units.size());
  const size_t actors_before = s_.actors.size();
  for (int g = 0; g < count; ++g) {
    Unit& u = units[g];
    if (u.cls != Cls::kAgent || u.agent_used) continue;
    const AgentInfo& agent = d_.agent(u.ref);
    // A state's own forces and officials ("troops", "army reservists", "an official
    // protest") are mostly the source's instruments or adjectives, not a second party.
    if (agent.code.find("MIL") != std::string::npos || agent.code.find("GOV") != std::string::npos)
      continue;
    // "its citizens", "their forces": the owner is a pronoun, usually the clause's subject,
    // so the agent is not a second party.
    if (u.start > 0) {
      std::string_view before = Norm(u.start - 1);
      if (before == "ITS" || before == "THEIR" || before == "HIS" || before == "HER" ||
          before == "OUR")
        continue;
    }
    // The nearest actor before the agent decides; with none before, the nearest after.
    std::string_view country;
    bool decided = false;
    // A country far away in the sentence belongs to another clause or another story.
    constexpr int kMaxUnitsAway = 10;
    for (int k = g - 1; k >= 0 && k >= g - kMaxUnitsAway && !decided; --k) {
      if (units[k].cls != Cls::kActor) continue;
      country = ContextCountry(units[k], actors_before, &decided);
    }
    for (int k = g + 1; k < count && k <= g + kMaxUnitsAway && !decided; ++k) {
      if (units[k].cls != Cls::kActor) continue;
      country = ContextCountry(units[k], actors_before, &decided);
    }
    if (country.empty()) continue;
    const char cc[3] = {country[0], country[1], country[2]};  // members may move below
    Member& m = AddAgentActor(u, agent);
    m.code.assign(cc, 3);
    ComposeAgent(agent, &m.code);
  }
}

// "Ethnic Albanians in south Serbia", "ethnic Turks ... Sweden's decision": an ethnic group
// is coded by the country it lives in, which the sentence names as a place ("in X") or,
// failing that, as the other country it deals with; with no other country the group keeps
// the country its name points to.
void SentenceCoder::EthnicGroupsByResidence() {
  const auto& units = s_.units;
  auto country_of_unit = [&](const Unit& u) -> std::string_view {
    if (u.cls != Cls::kActor || u.actor < 0 || s_.actors[u.actor].MemberCount() != 1) return {};
    return CountryOf(s_.members[s_.actors[u.actor].mem_begin].code);
  };
  auto after_in = [&](const Unit& u) {
    for (int t = u.start - 1; t >= 0 && t >= u.start - 3; --t) {
      if (Norm(t) == "IN") return true;
    }
    return false;
  };
  for (const Unit& group : units) {
    if (group.start == 0 || Norm(group.start - 1) != "ETHNIC") continue;
    std::string_view own = country_of_unit(group);
    if (own.empty()) continue;
    std::string_view place, other;
    for (const Unit& u : units) {
      std::string_view c = country_of_unit(u);
      if (c.empty() || c == own) continue;
      if (other.empty()) other = c;
      if (place.empty() && after_in(u)) place = c;
    }
    std::string_view home = place.empty() ? other : place;
    if (home.empty()) continue;
    s_.members[s_.actors[group.actor].mem_begin].code.replace(0, 3, home);
  }
}

}  // namespace parley::coding
