// Stage 2: noun groups, their links and locative flags, and verb groups, from the tree.
//
// A noun group is a nominal word that is not itself a modifier of another nominal, with the
// modifiers that hang from it (compound, flat, amod, det, nummod, and what hangs from those
// through conj, cc or advmod). Nominals attached to a group by nmod:poss, appos, nmod or
// conj are groups of their own, linked to it, so that each keeps its own modifiers and a
// later stage can read either the whole actor phrase (extent) or the parts.
#include "frames/phrases.h"

#include <algorithm>

#include "frames/lexicon.h"
#include "parley/frames.h"

namespace parley::frames {
namespace internal {

bool IsMemberRelation(std::string_view deprel) {
  const std::string_view base = BaseRelation(deprel);
  if (base == "compound") return deprel != "compound:prt" && deprel != "compound:svc";
  return base == "flat" || base == "amod" || base == "det" || base == "nummod" ||
         base == "goeswith" || base == "fixed";
}

int CaseWord(const Tree& tree, const ParsedSentence& sentence, int word) {
  for (int c : tree.Children(word)) {
    if (BaseRelation(sentence.words[c].deprel) == "case") return c;
  }
  return -1;
}

int GroupHeadedBy(const Phrases& phrases, int word) {
  if (word < 0 || word >= static_cast<int>(phrases.group_of_word.size())) return -1;
  const int g = phrases.group_of_word[word];
  return g >= 0 && phrases.groups[g].head == word ? g : -1;
}

}  // namespace internal

namespace {

using internal::BaseRelation;
using internal::EqualsLower;

// Relations that carry a member's own dependents into the group ("Japanese and Chinese",
// "very large"); directly under a head they do not.
bool IsMemberCoordination(std::string_view deprel) {
  const std::string_view base = BaseRelation(deprel);
  return base == "conj" || base == "cc" || base == "advmod";
}

MemberRole RoleOf(std::string_view deprel) {
  const std::string_view base = BaseRelation(deprel);
  if (base == "compound") return MemberRole::kCompound;
  if (base == "amod") return MemberRole::kAmod;
  if (base == "flat") return MemberRole::kFlat;
  if (base == "det") return MemberRole::kDet;
  if (base == "nummod") return MemberRole::kNummod;
  return MemberRole::kOther;
}

LinkKind LinkOf(std::string_view deprel, std::string_view preposition) {
  if (deprel == "nmod:poss") return LinkKind::kPossessor;
  const std::string_view base = BaseRelation(deprel);
  if (base == "appos") return LinkKind::kAppos;
  if (base == "conj") return LinkKind::kConjunct;
  if (base == "nmod") {
    return internal::IsActorPartCase(preposition) ? LinkKind::kPart : LinkKind::kNmod;
  }
  return LinkKind::kNone;
}

// Noun groups. `top` (scratch) holds, for each member, the member attached directly to the
// group head; `owner` the group head word. Both -1 for non-members.
void BuildNounGroups(const ParsedSentence& s, const Tree& tree, Phrases* out) {
  const int n = tree.size();
  std::vector<int>& scratch = out->scratch_;
  scratch.assign(3 * static_cast<size_t>(n) + 1, -1);
  int* top = scratch.data();
  int* owner = top + n;
  int* cursor = owner + n;  // n + 1 counters, reused for members and links
  for (int w : tree.order) {
    const int h = tree.head[w];
    if (h < 0) continue;
    const std::string_view rel = s.words[w].deprel;
    const bool head_is_group =
        owner[h] < 0 && internal::IsNominalTag(s.words[h].upos);  // h is a group head
    if (internal::IsMemberRelation(rel) && (head_is_group || owner[h] >= 0)) {
      owner[w] = owner[h] >= 0 ? owner[h] : h;
      top[w] = owner[h] >= 0 ? top[h] : w;
    } else if (IsMemberCoordination(rel) && owner[h] >= 0) {
      owner[w] = owner[h];
      top[w] = top[h];
    }
  }
  for (int w = 0; w < n; ++w) {
    if (owner[w] >= 0 || !internal::IsNominalTag(s.words[w].upos)) continue;
    NounGroup g;
    g.head = w;
    g.first = g.last = w;
    g.relation = s.words[w].deprel;
    g.eventive = s.words[w].upos == "NOUN" && internal::IsEventiveNoun(s.words[w].lemma);
    g.case_word = internal::CaseWord(tree, s, w);
    if (g.case_word >= 0) g.preposition = s.words[g.case_word].lemma;
    const std::string_view base = BaseRelation(g.relation);
    if ((base == "obl" || base == "nmod") && g.relation != "nmod:poss" &&
        g.relation != "obl:agent" && internal::IsLocativeCase(g.preposition)) {
      g.locative = Locative::kPreposition;
    }
    out->group_of_word[w] = static_cast<int>(out->groups.size());
    out->groups.push_back(g);
  }
  // Members, grouped by group (counting sort in word order).
  const int groups = static_cast<int>(out->groups.size());
  std::fill(cursor, cursor + groups + 1, 0);
  for (int w = 0; w < n; ++w) {
    if (owner[w] < 0) continue;
    out->group_of_word[w] = out->group_of_word[owner[w]];
    ++cursor[out->group_of_word[w] + 1];
  }
  for (int g = 0; g < groups; ++g) cursor[g + 1] += cursor[g];
  out->members.resize(cursor[groups]);
  for (int g = 0; g < groups; ++g) {
    out->groups[g].members_begin = cursor[g];
    out->groups[g].members_end = cursor[g + 1];
  }
  for (int w = 0; w < n; ++w) {
    if (owner[w] < 0) continue;
    NounGroup& g = out->groups[out->group_of_word[w]];
    GroupMember m;
    m.word = w;
    m.attach = tree.head[w];
    // A coordinator or adverb inside a modifier ("Japanese and Chinese") is not itself one.
    const std::string_view own = BaseRelation(s.words[w].deprel);
    m.role = own == "cc" || own == "advmod" ? MemberRole::kOther : RoleOf(s.words[top[w]].deprel);
    for (int x = w; x != g.head && x >= 0; x = tree.head[x]) {
      if (BaseRelation(s.words[x].deprel) == "conj") m.coordinated = true;
    }
    m.possible_place = g.eventive && m.role == MemberRole::kCompound && s.words[w].upos == "PROPN";
    out->members[cursor[out->group_of_word[w]]++] = m;
    g.first = std::min(g.first, w);
    g.last = std::max(g.last, w);
  }
  // Links: a group whose head hangs from another group's word.
  std::fill(cursor, cursor + groups + 1, 0);
  for (NounGroup& g : out->groups) {
    const int p = tree.head[g.head];
    if (p < 0 || out->group_of_word[p] < 0) continue;
    g.link = LinkOf(g.relation, g.preposition);
    if (g.link == LinkKind::kNone) continue;
    g.parent = out->group_of_word[p];
    ++cursor[g.parent + 1];
  }
  for (int g = 0; g < groups; ++g) cursor[g + 1] += cursor[g];
  out->links.resize(cursor[groups]);
  for (int g = 0; g < groups; ++g) {
    out->groups[g].links_begin = cursor[g];
    out->groups[g].links_end = cursor[g + 1];
  }
  for (int g = 0; g < groups; ++g) {
    if (out->groups[g].parent >= 0) out->links[cursor[out->groups[g].parent]++] = g;
  }
  // Extents, deepest groups first so that sub-groups are complete before their parents.
  std::vector<int>& by_depth = out->scratch_;
  by_depth.resize(groups);
  for (int g = 0; g < groups; ++g) {
    NounGroup& group = out->groups[g];
    group.extent_first = group.first;
    group.extent_last = group.last;
    by_depth[g] = g;
  }
  std::sort(by_depth.begin(), by_depth.end(), [&](int a, int b) {
    return tree.depth[out->groups[a].head] > tree.depth[out->groups[b].head];
  });
  for (int g : by_depth) {
    const NounGroup& child = out->groups[g];
    if (child.link != LinkKind::kPossessor && child.link != LinkKind::kAppos &&
        child.link != LinkKind::kPart) {
      continue;
    }
    NounGroup& parent = out->groups[child.parent];
    parent.extent_first = std::min(parent.extent_first, child.extent_first);
    parent.extent_last = std::max(parent.extent_last, child.extent_last);
    if (child.case_word >= 0) {
      parent.extent_first = std::min(parent.extent_first, child.case_word);
      parent.extent_last = std::max(parent.extent_last, child.case_word);
    }
  }
}

bool IsNegation(const ParsedWord& w) {
  const std::string_view rel = w.deprel;
  if (BaseRelation(rel) == "advmod") {
    return internal::IsNegationWord(w.lemma) || internal::IsNegationWord(w.form);
  }
  if (BaseRelation(rel) == "cc")
    return EqualsLower(w.lemma, "nor") || EqualsLower(w.lemma, "neither");
  return false;
}

void BuildVerbGroup(const ParsedSentence& s, const Tree& tree, int v, Phrases* out) {
  VerbGroup g;
  g.head = v;
  g.lemma = s.words[v].lemma;
  g.members_begin = static_cast<uint32_t>(out->verb_members.size());
  bool passive = false;
  Tense aux_tense = Tense::kNone;
  for (int c : tree.Children(v)) {
    const ParsedWord& w = s.words[c];
    const std::string_view rel = w.deprel;
    const std::string_view base = BaseRelation(rel);
    VerbMemberRole role;
    if (rel == "aux:pass") {
      role = VerbMemberRole::kAuxPass;
      passive = true;
    } else if (base == "aux") {
      role = VerbMemberRole::kAux;
    } else if (base == "cop") {
      role = VerbMemberRole::kCop;
      g.copular = true;
    } else if (base == "mark") {
      role = VerbMemberRole::kMark;
    } else if (rel == "compound:prt") {
      role = VerbMemberRole::kParticle;
    } else if (IsNegation(w)) {
      role = VerbMemberRole::kNegation;
      if (!g.negated) g.negation_word = c;
      g.negated = true;
    } else {
      if (rel == "nsubj:pass" || rel == "csubj:pass" || rel == "obl:agent") passive = true;
      continue;
    }
    out->verb_members.push_back(VerbMember{c, role});
    if (role == VerbMemberRole::kAux || role == VerbMemberRole::kAuxPass ||
        role == VerbMemberRole::kCop) {
      if (internal::IsFutureAuxiliary(w.lemma) || internal::IsFutureAuxiliary(w.form)) {
        g.tense = Tense::kFuture;
      }
      if (g.modal_source == ModalSource::kNone &&
          (internal::IsModalAuxiliary(w.lemma) || internal::IsModalAuxiliary(w.form))) {
        g.modal_source = ModalSource::kAuxiliary;
        g.modal_word = c;
        g.modal = w.lemma;
      }
      const std::string_view t = internal::FeatureValue(w.feats, "Tense");
      if (aux_tense == Tense::kNone && t == "Past") aux_tense = Tense::kPast;
      if (aux_tense == Tense::kNone && t == "Pres") aux_tense = Tense::kPresent;
    }
  }
  g.members_end = static_cast<uint32_t>(out->verb_members.size());
  const ParsedWord& head = s.words[v];
  if (g.tense == Tense::kNone) g.tense = aux_tense;
  if (g.tense == Tense::kNone) {
    const std::string_view form = internal::FeatureValue(head.feats, "VerbForm");
    const std::string_view t = internal::FeatureValue(head.feats, "Tense");
    if (form.empty() || form == "Fin") {
      if (t == "Past") g.tense = Tense::kPast;
      if (t == "Pres") g.tense = Tense::kPresent;
    }
  }
  const int gov = tree.head[v];
  if (g.modal_source == ModalSource::kNone && gov >= 0 && BaseRelation(head.deprel) == "xcomp") {
    const ModalSource from = internal::GovernorModality(s.words[gov].lemma);
    if (from != ModalSource::kNone) {
      g.modal_source = from;
      g.modal_word = gov;
      g.modal = s.words[gov].lemma;
    }
  }
  // A participle modifying a noun ("the troops deployed in Syria") is passive when it is a
  // past participle.
  if (head.deprel == "acl" &&
      (head.xpos == "VBN" || internal::HasFeature(head.feats, "Voice=Pass"))) {
    passive = true;
  }
  g.voice = passive ? Voice::kPassive : Voice::kActive;
  for (int c : tree.Children(v)) {
    const std::string_view rel = s.words[c].deprel;
    bool agent = rel == "obl:agent";
    if (!agent && passive && BaseRelation(rel) == "obl") {
      const int k = internal::CaseWord(tree, s, c);
      agent = k >= 0 && EqualsLower(s.words[k].lemma, "by");
    }
    if (agent && internal::GroupHeadedBy(*out, c) >= 0) {
      g.agent_group = internal::GroupHeadedBy(*out, c);
      break;
    }
  }
  out->verb_of_word[v] = static_cast<int>(out->verbs.size());
  out->verbs.push_back(g);
}

bool HasCopula(const ParsedSentence& s, const Tree& tree, int w) {
  for (int c : tree.Children(w)) {
    if (BaseRelation(s.words[c].deprel) == "cop") return true;
  }
  return false;
}

}  // namespace

void BuildPhrases(const ParsedSentence& sentence, const Tree& tree, Phrases* out) {
  const int n = tree.size();
  out->groups.clear();
  out->members.clear();
  out->links.clear();
  out->verbs.clear();
  out->verb_members.clear();
  out->group_of_word.assign(n, -1);
  out->verb_of_word.assign(n, -1);
  BuildNounGroups(sentence, tree, out);
  for (int w = 0; w < n; ++w) {
    const ParsedWord& word = sentence.words[w];
    // A VERB the parser attached as an auxiliary ("have risen" with have/VERB/aux) is not
    // a predicate of its own.
    const std::string_view base = BaseRelation(word.deprel);
    const bool verb = word.upos == "VERB" && out->group_of_word[w] < 0 &&
                      !internal::IsMemberRelation(word.deprel) && base != "aux" && base != "cop";
    if (verb || HasCopula(sentence, tree, w)) BuildVerbGroup(sentence, tree, w, out);
  }
}

}  // namespace parley::frames
