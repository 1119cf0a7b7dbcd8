// Clauses: which comma phrases drop out, whether the sentence is too complex to code, the
// kind of clause a comma or conjunction opens, and the current clause's tokens with the
// index of its actors that the verb patterns and default roles search.
#include <algorithm>

#include "coder/sentence_coder.h"

namespace parley::coding {

void SentenceCoder::EliminateCommas() {
  s_.active.assign(n_, 1);
  if (!o_.comma_enabled) return;
  std::vector<int>& commas = s_.clause_bounds;  // reused as scratch here
  commas.clear();
  for (int i = 0; i < n_; ++i) {
    const Unit* u = UnitAt(i);
    if (u && u->cls == Cls::kComma && !u->in_compound) commas.push_back(i);
  }
  if (commas.empty()) return;
  auto drop = [&](int from, int to) {
    for (int i = from; i < to; ++i) s_.active[i] = 0;
  };
  // Words as TABARI counts them: a possessive "'S" belongs to its word.
  auto words_between = [&](int from, int to) {
    int count = 0;
    for (int i = from; i < to; ++i) count += Norm(i) == "'S" ? 0 : 1;
    return count;
  };
  int first = commas.front();
  // "Name, Country's title, verb": the phrase names the subject.
  int keep_to = -1;
  if (o_.news_comma_rules && !HasActorToken(0, first) && commas.size() > 1 &&
      HasActorToken(first + 1, commas[1])) {
    keep_to = commas[1];
  }
  int words = words_between(0, first);
  if (words > o_.comma_bmin && words <= o_.comma_bmax) drop(0, first + 1);
  // "Amid the prolonged Russia-Ukraine war, Korean President Yoon ...": an opening phrase
  // of setting names no party to the sentence's events.
  if (o_.news_comma_rules && IsSettingPreposition(Norm(0)) && !HasVerbToken(0, first)) {
    drop(0, first + 1);
  }
  // Eliminated phrases leave no comma behind: the next phrase is counted from the
  // comma that opened the eliminated one.
  int open = first;
  for (size_t k = 0; k + 1 < commas.size(); ++k) {
    words = words_between(open + 1, commas[k + 1]);
    bool clause = OpensClause(open);  // ", but ...", ", warning ..."
    if (words > o_.comma_min && words <= o_.comma_max && commas[k + 1] != keep_to && !clause) {
      drop(open, commas[k + 1]);
    } else {
      open = commas[k + 1];
    }
  }
  words = words_between(open + 1, n_);
  bool clause = OpensClause(open);
  // "In Tokyo, Japan criticised China on Monday.": the last phrase is the main clause
  // when nothing before it has a verb left.
  if (o_.news_comma_rules && !clause && HasVerbToken(open, n_)) {
    bool verb_before = false;
    for (int i = 0; i < open && !verb_before; ++i)
      verb_before = s_.active[i] && HasVerbToken(i, i + 1);
    clause = !verb_before;
  }
  if (words > o_.comma_emin && words <= o_.comma_emax && !clause) drop(open, n_);
}

SentenceOutcome SentenceCoder::CheckComplexity() {
  int verbs = 0, actors = 0, pronouns = 0, conj = 0;
  bool actor_seen = false, actor_before_first_verb = false, actor_after_first_verb = false;
  bool verb_seen = false;
  for (const Unit& u : s_.units) {
    if (!s_.active[u.start]) continue;
    switch (u.cls) {
      case Cls::kVerb:
        ++verbs;
        // A null-coded root only codes through its patterns; TABARI's "first verb" for
        // NOACTPRIOR is the first that codes on its own.
        if (!verb_seen && d_.verb(u.ref).code.primary != "---") {
          actor_before_first_verb = actor_seen;
          verb_seen = true;
        }
        break;
      case Cls::kActor:
        ++actors;
        actor_seen = true;
        if (verb_seen) actor_after_first_verb = true;
        break;
      case Cls::kPronoun:
        ++pronouns;
        if (u.actor >= 0) {
          actor_seen = true;
          if (verb_seen) actor_after_first_verb = true;
        }
        break;
      case Cls::kConj:
        conj += u.in_compound ? 0 : 1;
        break;
      default:
        break;
    }
  }
  const char* why = nullptr;
  if (o_.complex_verbs > 0 && verbs >= o_.complex_verbs) why = "too many verbs";
  if (o_.complex_actors > 0 && actors >= o_.complex_actors) why = "too many actors";
  if (o_.complex_pronouns > 0 && pronouns >= o_.complex_pronouns) why = "too many pronouns";
  if (o_.complex_conj > 0 && conj >= o_.complex_conj) why = "too many conjunctions";
  if (o_.complex_no_verb && verbs == 0) why = "no verb";
  if (o_.complex_no_actor_prior && verb_seen && !actor_before_first_verb) {
    why = "no actor before the first verb";
  }
  if (o_.complex_no_actor_after && verbs > 0 && !actor_after_first_verb) {
    why = "no actor after the first verb";
  }
  if (why != nullptr) {
    if (trace_) trace_->OnOutcome(SentenceOutcome::kComplex, why);
    return SentenceOutcome::kComplex;
  }
  return SentenceOutcome::kCoded;
}

// The kind of clause that the comma or conjunction at token `bound` opens.
SentenceCoder::ClauseKind SentenceCoder::KindOfClauseAt(int bound) const {
  if (Norm(bound) != "," || bound + 1 >= n_) return ClauseKind::kPlain;
  const int t = bound + 1;
  std::string_view w = Norm(t);
  if (!w.ends_with("ING") || w.size() < 6 || (s_.toks[t].cap && !all_caps_))
    return ClauseKind::kPlain;
  if (IsCausativeParticiple(w)) return ClauseKind::kCausative;
  const Unit* u = UnitAt(t);
  if (u && u->cls == Cls::kVerb && !IsPrepositionalParticiple(w)) return ClauseKind::kParticipial;
  return ClauseKind::kPlain;
}

// Whether the comma phrase that starts after the comma at `comma` is a clause of its own.
bool SentenceCoder::OpensClause(int comma) const {
  if (!o_.news_comma_rules || comma + 1 >= n_) return false;
  return IsClauseConjunction(Norm(comma + 1)) || KindOfClauseAt(comma) != ClauseKind::kPlain;
}

bool SentenceCoder::HasVerbToken(int from, int to) const {
  for (int i = from; i < to; ++i) {
    const Unit* u = UnitAt(i);
    if (u && u->cls == Cls::kVerb) return true;
  }
  return false;
}

bool SentenceCoder::HasActorToken(int from, int to) const {
  for (int i = from; i < to; ++i) {
    const Unit* u = UnitAt(i);
    if (u && u->cls == Cls::kActor && u->actor >= 0) return true;
  }
  return false;
}

void SentenceCoder::BuildClause(int from, int to) {
  s_.seq.clear();
  for (int i = from; i < to; ++i) {
    if (s_.active[i]) s_.seq.push_back(i);
  }
  const int m = static_cast<int>(s_.seq.size());
  if (s_.present.size() != d_.word_count()) {
    s_.present.assign(d_.word_count(), 0);
    s_.stamp = 0;
    s_.synset_stamp.assign(d_.synset_count(), 0);  // another dictionary: forget its synsets
    s_.synset_hit.assign(d_.synset_count(), 0);
  }
  if (++s_.stamp == 0) {  // wrapped: forget every old mark
    std::fill(s_.present.begin(), s_.present.end(), 0);
    std::fill(s_.synset_stamp.begin(), s_.synset_stamp.end(), 0);
    s_.stamp = 1;
  }
  for (int q = 0; q < m; ++q) {
    int t = s_.seq[q];
    for (uint32_t k = s_.begin[t]; k < s_.begin[t + 1]; ++k)
      s_.present[s_.matches[k].word] = s_.stamp;
  }
  s_.seq_actor_end.assign(m, -1);
  s_.seq_actor_last.assign(m, -1);
  s_.seq_first_actor = s_.seq_last_actor = -1;
  // seq_actor_end[q] = seq position after the actor that starts at q.
  int q = 0;
  while (q < m) {
    const Unit* u = UnitAt(s_.seq[q]);
    if (u && u->actor >= 0 && (u->cls == Cls::kActor || u->cls == Cls::kPronoun)) {
      const ActorRef& a = s_.actors[u->actor];
      int r = q;
      while (r < m && s_.seq[r] < a.end) ++r;
      s_.seq_actor_end[q] = r;
      s_.seq_actor_last[r - 1] = q;
      if (s_.seq_first_actor < 0) s_.seq_first_actor = q;
      s_.seq_last_actor = q;
      q = r;
    } else {
      ++q;
    }
  }
}

int SentenceCoder::FirstActor(int from, int to, int exclude, const Binding* b) const {
  for (int q = from; q < to; ++q) {
    if (s_.seq_actor_end[q] < 0) continue;
    int a = s_.unit_of[s_.seq[q]] >= 0 ? s_.units[s_.unit_of[s_.seq[q]]].actor : -1;
    if (a < 0 || (b != nullptr && b->IsSkipped(a))) continue;
    if (exclude >= 0 && SameCodes(a, exclude)) continue;
    return a;
  }
  return -1;
}

// The first actor in seq [from, to) that can be a default target: with
// `possessives_not_targets`, "its" and "their" describe a noun ("their bilateral ties")
// rather than name a party.
int SentenceCoder::DefaultTarget(int from, int to, int exclude, const Binding& b) const {
  for (int q = from; q < to;) {
    int a = FirstActor(q, to, exclude, &b);
    if (a < 0 || !o_.possessives_not_targets || !s_.actors[a].pronoun) return a;
    std::string_view w = Norm(s_.actors[a].start);
    if (w != "ITS" && w != "THEIR" && w != "HIS" && w != "HER" && w != "OUR") return a;
    q = from;
    while (q < to && s_.seq[q] < s_.actors[a].end) ++q;
  }
  return -1;
}

// Whether two single actors share a country ("RUS" and "RUSGOV").
bool SentenceCoder::SameCountry(int a, int b) const {
  const std::string& x = s_.members[s_.actors[a].mem_begin].code;
  const std::string& y = s_.members[s_.actors[b].mem_begin].code;
  return x.compare(0, 3, y, 0, 3) == 0;
}

bool SentenceCoder::SameCodes(int a, int b) const {
  const ActorRef& x = s_.actors[a];
  const ActorRef& y = s_.actors[b];
  if (x.MemberCount() != y.MemberCount()) return false;
  for (int k = 0; k < x.MemberCount(); ++k) {
    if (s_.members[x.mem_begin + k].code != s_.members[y.mem_begin + k].code) return false;
  }
  return true;
}

bool SentenceCoder::HasActorAfter(int q) const { return s_.seq_last_actor >= q; }

bool SentenceCoder::HasActorBefore(int q) const {
  return s_.seq_first_actor >= 0 && s_.seq_first_actor < q;
}

}  // namespace parley::coding
