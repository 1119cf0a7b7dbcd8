// Entity linking: who a phrase refers to beyond the words of one actor entry. A surname
// alone names the person named in full earlier in the document, a title with a name is one
// person, "X, Y and Z" is one compound actor, and pronouns stand for an actor before them.
#include "coder/sentence_coder.h"

namespace parley::coding {

// "Zinoviev expressed concern": a capitalised surname alone refers to the person named in
// full earlier in the article. -1 when `tok` is no such surname.
int32_t SentenceCoder::SurnameActor(int tok) const {
  if (!o_.document_surnames || s_.surnames.empty() || !s_.toks[tok].cap || all_caps_) return -1;
  std::string_view w = Norm(tok);
  for (const auto& [surname, actor] : s_.surnames) {
    if (surname == w) return actor;
  }
  return -1;
}

// Records the surnames of the people this sentence names in full: a capitalised actor
// phrase of two to four words from a people entry (dated roles, or a file named for
// people).
void SentenceCoder::RememberSurnames() {
  if (!o_.document_surnames || all_caps_) return;
  for (const Unit& u : s_.units) {
    const int words = u.end - u.start;
    if (u.cls != Cls::kActor || u.ref < 0 || words < 2 || words > 4) continue;
    bool capitalised = true;
    for (int t = u.start; t < u.end && capitalised; ++t) capitalised = s_.toks[t].cap;
    const ActorInfo& info = d_.actor(u.ref);
    if (!capitalised || !info.person) continue;
    std::string_view surname = Norm(u.end - 1);
    if (surname.size() < 3) continue;
    bool known = false;
    for (const auto& entry : s_.surnames) known = known || entry.first == surname;
    if (!known) s_.surnames.emplace_back(surname, u.ref);
  }
}

// "U.N. Secretary-General Kofi Annan", "Russian Ambassador Andrei Kulik": an actor phrase
// directly followed by a capitalised name is one noun phrase (title + name), coded by the
// title, which says what role the person acts in here.
void SentenceCoder::JoinTitlesAndNames() {
  auto& units = s_.units;
  const int count = static_cast<int>(units.size());
  for (int k = 0; k + 1 < count; ++k) {
    Unit& title = units[k];
    Unit& name = units[k + 1];
    if (title.cls != Cls::kActor || name.cls != Cls::kActor || title.actor < 0 || name.actor < 0 ||
        title.end != name.start)
      continue;
    bool capitalised = s_.toks[title.end - 1].cap;
    for (int t = name.start; t < name.end && capitalised; ++t) capitalised = s_.toks[t].cap;
    if (!capitalised) continue;
    ActorRef& ref = s_.actors[title.actor];
    if (ref.MemberCount() != 1 || s_.actors[name.actor].MemberCount() != 1) continue;
    title.end = name.end;
    ref.end = name.end;
    s_.members[ref.mem_begin].end = name.end;
    name.cls = Cls::kNone;
    name.actor = -1;
    ++k;
  }
}

// TABARI 7.5: <np> AND <np>, <np>, ... AND <actor>, where np = det/adj* actor.
void SentenceCoder::FindCompounds() {
  auto& units = s_.units;
  const int count = static_cast<int>(units.size());
  // Between a list's separator and its next actor: determiners, adjectives, used agents
  // with their "of" ("X and the government of Y"), and up to two unknown lower-case
  // words ("X and the evil awful Y").
  auto skip_modifiers = [&](int k) {
    int unknown = 0;
    while (k < count) {
      const Unit& u = units[k];
      bool skip =
          u.cls == Cls::kDet || u.cls == Cls::kAdj || (u.cls == Cls::kAgent && u.agent_used);
      if (!skip && u.cls == Cls::kPrep && k > 0 && units[k - 1].cls == Cls::kAgent &&
          units[k - 1].agent_used) {
        skip = true;
      }
      if (!skip && u.cls == Cls::kNone && unknown < 2 && s_.toks[u.start].word &&
          !s_.toks[u.start].cap && !IsFunctionWord(Norm(u.start))) {
        skip = true;
        ++unknown;
      }
      if (!skip) break;
      ++k;
    }
    return k;
  };
  for (int a = 0; a < count; ++a) {
    if (units[a].cls != Cls::kActor || units[a].in_compound) continue;
    int last_and_member = -1;
    std::vector<int>& list = s_.compound_units;  // actor units of the candidate compound
    list.assign(1, a);
    int k = a + 1;
    while (k < count) {
      while (k < count && units[k].cls == Cls::kAgent && units[k].agent_used) ++k;
      if (k >= count) break;
      Cls sep = units[k].cls;
      // "neither X nor Y" lists actors just as "X and Y" does.
      bool is_and =
          sep == Cls::kConj && (Norm(units[k].start) == "AND" || Norm(units[k].start) == "NOR");
      if (!is_and && sep != Cls::kComma) break;
      int next = skip_modifiers(k + 1);
      if (next < count && is_and == false && units[next].cls == Cls::kConj &&
          Norm(units[next].start) == "AND") {
        next = skip_modifiers(next + 1);  // Oxford comma: ", and"
        is_and = true;
      }
      if (next >= count || units[next].cls != Cls::kActor) break;
      list.push_back(next);
      if (is_and) last_and_member = static_cast<int>(list.size()) - 1;
      k = next + 1;
    }
    if (last_and_member < 1) continue;
    list.resize(last_and_member + 1);
    // Merge into the first actor's ref; members of an actor are contiguous only for the
    // first, so copy the others' members to the end.
    ActorRef merged;
    merged.start = units[list.front()].start;
    merged.end = units[list.back()].end;
    merged.mem_begin = static_cast<int>(s_.members_used);
    // Agents written once for the whole list apply to every member: "the ambassadors
    // of Arnor, Osgiliath and Gondor", "Arnor, Gondor and Osgiliath government" (not
    // "Arnor and the Gondor government").
    const Unit& head = units[list.front()];
    const int tail = list.back();
    int shared_post = o_.shared_agents ? units[tail].post_agent : -1;
    if (tail > 0 && units[tail - 1].cls == Cls::kDet) shared_post = -1;
    for (int ui : list) {
      const ActorRef& r = s_.actors[units[ui].actor];
      bool own_agent =
          !o_.shared_agents || units[ui].pre_agent[0] >= 0 || units[ui].post_agent >= 0;
      int variants = 1;
      const AgentInfo* agents[2] = {nullptr, nullptr};
      if (!own_agent && head.pre_agent[0] >= 0) {
        agents[0] = &d_.agent(units[head.pre_agent[0]].ref);
        if (head.pre_agent[1] >= 0) {
          agents[1] = &d_.agent(units[head.pre_agent[1]].ref);
          variants = 2;
        }
      } else if (!own_agent && shared_post >= 0) {
        agents[0] = &d_.agent(units[shared_post].ref);
      }
      for (int v = 0; v < variants; ++v) {
        for (int m = r.mem_begin; m < r.mem_end; ++m) {
          Member copy = s_.members[m];
          Member& dst = s_.NewMember();
          dst.code = copy.code;
          if (agents[v] != nullptr) ComposeAgent(*agents[v], &dst.code);
          dst.start = copy.start;
          dst.end = copy.end;
          dst.rule = copy.rule;
        }
      }
    }
    merged.mem_end = static_cast<int>(s_.members_used);
    merged.compound = true;
    int id = static_cast<int>(s_.actors.size());
    s_.actors.push_back(merged);
    for (int ui = list.front(); ui <= list.back(); ++ui) {
      units[ui].in_compound = true;
      if (units[ui].cls == Cls::kActor) units[ui].actor = id;
    }
    a = list.back();
  }
  // Compound nouns and adjectives keep their conjunction from splitting clauses (7.5.1).
  for (int c = 1; c + 1 < count; ++c) {
    if (units[c].cls != Cls::kConj) continue;
    Cls before = units[c - 1].cls;
    int k = c + 1;
    while (k < count && units[k].cls == Cls::kAdj) ++k;
    if (k >= count) continue;
    if ((before == Cls::kNoun && units[k].cls == Cls::kNoun) ||
        (before == Cls::kAdj && units[c + 1].cls == Cls::kAdj)) {
      units[c].in_compound = true;
    }
  }
}

void SentenceCoder::Coreference() {
  // News: a pronoun may refer to someone an earlier sentence named.
  if (s_.actors.empty() && !o_.document_entities) return;
  auto& units = s_.units;
  for (size_t ui = 0; ui < units.size(); ++ui) {
    Unit& u = units[ui];
    if (u.cls != Cls::kPronoun) continue;
    std::string_view p = Norm(u.start);
    int referent = -1;
    const bool personal = p == "HE" || p == "SHE" || p == "HIM" || p == "HIS" || p == "HER";
    if (o_.document_entities && personal) {
      // News: the nearest person named before the pronoun, else the person the article
      // named last (an actor after a subject pronoun is never its referent).
      for (size_t k = ui; k-- > 0 && referent < 0;) {
        if (units[k].cls == Cls::kActor && units[k].actor >= 0 && s_.actors[units[k].actor].person)
          referent = units[k].actor;
      }
      if (referent < 0) {
        if (const auto* r = s_.memory.LastPerson(tmpl_.sentence_index, 2)) {
          s_.actors[ActorFromReferent(static_cast<int>(ui), *r, "document: pronoun")].pronoun =
              true;
          u.cls = Cls::kPronoun;
          s_.memory.Mention(r, tmpl_.sentence_index);
        }
        continue;
      }
    } else if (s_.actors.empty()) {
      continue;
    } else if (p == "HE" || p == "SHE" || p == "IT" || p == "HIM") {
      for (size_t k = 0; k < units.size() && referent < 0; ++k) {
        if (units[k].cls == Cls::kActor) referent = units[k].actor;
      }
    } else if (p == "ITS" || p == "HIS" || p == "HER") {
      for (size_t k = 0; k < ui && referent < 0; ++k) {
        if (units[k].cls == Cls::kActor) referent = units[k].actor;
      }
    } else {
      for (size_t k = 0; k < units.size() && referent < 0; ++k) {
        if (units[k].cls == Cls::kActor && s_.actors[units[k].actor].compound) {
          referent = units[k].actor;
        }
      }
      for (size_t k = 0; k < units.size() && referent < 0; ++k) {
        if (units[k].cls == Cls::kActor) referent = units[k].actor;
      }
    }
    if (referent < 0) continue;
    ActorRef ref = s_.actors[referent];
    ActorRef a;
    a.start = u.start;
    a.end = u.end;
    a.pronoun = true;
    a.compound = ref.compound;
    a.mem_begin = static_cast<int>(s_.members_used);
    for (int m = ref.mem_begin; m < ref.mem_end; ++m) {
      Member src = s_.members[m];
      Member& dst = s_.NewMember();
      dst.code = src.code;
      dst.start = u.start;
      dst.end = u.end;
      dst.rule = src.rule;
    }
    a.mem_end = static_cast<int>(s_.members_used);
    u.actor = static_cast<int>(s_.actors.size());
    s_.actors.push_back(a);
    if (trace_) {
      for (int m = a.mem_begin; m < a.mem_end; ++m) {
        trace_->OnActor(p, s_.members[m].code, "pronoun");
      }
    }
  }
}

}  // namespace parley::coding
