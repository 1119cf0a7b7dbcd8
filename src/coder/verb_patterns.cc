// Verb patterns: matching a verb's dictionary patterns (longest first) outwards from the
// verb over the current clause, and coding the verb: the code that fired, its source and
// target (bound by the pattern or found by TABARI's default rules: passives, carried
// subjects, reported speech, demands).
#include "coder/sentence_coder.h"

namespace parley::coding {

bool SentenceCoder::SynsetForward(int32_t synset, int q, int* next) const {
  const int m = static_cast<int>(s_.seq.size());
  for (const auto& member : d_.synset(synset).members) {
    int r = q;
    bool ok = true;
    for (size_t k = 0; k < member.size() && ok; ++k) {
      if (k > 0 && !member[k - 1].adjacent_to_next) {
        while (r < m && !WordAt(r, member[k].word, member[k].match)) ++r;
      }
      ok = r < m && WordAt(r, member[k].word, member[k].match);
      ++r;
    }
    if (ok) {
      *next = r;
      return true;
    }
  }
  return false;
}

bool SentenceCoder::SynsetBackward(int32_t synset, int q, int* first) const {
  for (const auto& member : d_.synset(synset).members) {
    int r = q;
    bool ok = true;
    for (int k = static_cast<int>(member.size()) - 1; k >= 0 && ok; --k) {
      if (k + 1 < static_cast<int>(member.size()) && !member[k].adjacent_to_next) {
        while (r >= 0 && !WordAt(r, member[k].word, member[k].match)) --r;
      }
      ok = r >= 0 && WordAt(r, member[k].word, member[k].match);
      --r;
    }
    if (ok) {
      *first = r + 1;
      return true;
    }
  }
  return false;
}

bool SentenceCoder::MatchUp(const CompiledPattern& p, int k, int q, bool adjacent,
                            Binding* b) const {
  if (k == static_cast<int>(p.items.size())) return true;
  const PatternItem& it = p.items[k];
  const int m = static_cast<int>(s_.seq.size());
  const bool word_item = it.kind == Kind::kWord || it.kind == Kind::kSynset;
  for (int r = q; r < m; ++r) {
    if (adjacent && r != q) break;
    // A pattern word far from the previous one belongs to another phrase.
    if (word_item && o_.pattern_word_gap > 0 && r - q > o_.pattern_word_gap) break;
    switch (it.kind) {
      case Kind::kWord:
        if (WordAt(r, it.word, it.match) && MatchUp(p, k + 1, r + 1, it.adjacent_to_next, b)) {
          return true;
        }
        break;
      case Kind::kSynset: {
        int next;
        if (SynsetForward(it.synset, r, &next) && MatchUp(p, k + 1, next, it.adjacent_to_next, b)) {
          return true;
        }
        break;
      }
      case Kind::kSource:
      case Kind::kTarget:
      case Kind::kCompound:
      case Kind::kSkip: {
        if (!ActorStartsAt(r)) break;
        return BindActorThen(it.kind, s_.units[s_.unit_of[s_.seq[r]]].actor, b, [&] {
          return MatchUp(p, k + 1, s_.seq_actor_end[r], it.adjacent_to_next, b);
        });
      }
      case Kind::kVerb:
        return false;
    }
  }
  return false;
}

bool SentenceCoder::MatchDown(const CompiledPattern& p, int k, int q, bool adjacent,
                              Binding* b) const {
  if (k < 0) return true;
  const PatternItem& it = p.items[k];
  bool adj = it.adjacent_to_next;
  const bool word_item = it.kind == Kind::kWord || it.kind == Kind::kSynset;
  for (int r = q - 1; r >= 0; --r) {
    if (adj && r != q - 1) break;
    if (word_item && o_.pattern_word_gap > 0 && q - 1 - r > o_.pattern_word_gap) break;
    switch (it.kind) {
      case Kind::kWord:
        if (WordAt(r, it.word, it.match) && MatchDown(p, k - 1, r, false, b)) return true;
        break;
      case Kind::kSynset: {
        int first;
        if (SynsetBackward(it.synset, r, &first) && MatchDown(p, k - 1, first, false, b)) {
          return true;
        }
        break;
      }
      case Kind::kSource:
      case Kind::kTarget:
      case Kind::kCompound:
      case Kind::kSkip: {
        int start = s_.seq_actor_last[r];
        if (start < 0) break;
        return BindActorThen(it.kind, s_.units[s_.unit_of[s_.seq[start]]].actor, b,
                             [&] { return MatchDown(p, k - 1, start, false, b); });
      }
      case Kind::kVerb:
        return false;
    }
  }
  return false;
}

// MUST or SHOULD right before the verb of the current clause, or one word before it
// ("must also agree").
bool SentenceCoder::AfterMust(int vq) const {
  for (int back = 1; back <= 2 && vq - back >= 0; ++back) {
    std::string_view w = Norm(s_.seq[vq - back]);
    if (IsNegation(w)) return false;
    if (w == "MUST" || w == "SHOULD") return true;
  }
  return false;
}

// The actor who reports the clause of the verb at `vq` ("Rwandan rebels announced that
// Kagame must agree"): the first actor before the nearest reporting word, when the
// clause's subject (the first actor after that word) is another party. -1 otherwise;
// *subject receives the clause's subject.
int SentenceCoder::ReportingSpeaker(int vq, int* subject, const Binding& b) const {
  for (int r = vq - 1; r > 0; --r) {
    if (!IsReportingWord(Norm(s_.seq[r]))) continue;
    int speaker = FirstActor(0, r, -1, &b);
    *subject = FirstActor(r + 1, vq, -1, &b);
    if (speaker < 0 || *subject < 0 || SameCodes(speaker, *subject)) return -1;
    return speaker;
  }
  return -1;
}

SentenceCoder::VerbResult SentenceCoder::CodeVerb(int verb_unit, int vq0, int vq1,
                                                  const ClauseContext& ctx, int* used_source,
                                                  int* used_target, const dict::EventCode** fired,
                                                  std::vector<Event>* events) {
  const int clause_index = ctx.index;
  const int carried_source = ctx.carried_source;
  const Unit& vu = s_.units[verb_unit];
  const VerbInfo& verb = d_.verb(vu.ref);
  const VerbBlockInfo& block = d_.verb_block(verb.block);
  Binding b;
  const dict::EventCode* code = &verb.code;
  const std::string* rule = &verb.rule;
  for (const CompiledPattern& p : block.patterns) {
    if (!Possible(p)) continue;
    Binding trial;
    bool ok = MatchDown(p, p.verb_pos - 1, vq0, false, &trial) &&
              MatchUp(p, p.verb_pos + 1, vq1, p.items[p.verb_pos].adjacent_to_next, &trial);
    if (trace_) trace_->OnPattern(p.rule, ok);
    if (ok) {
      b = trial;
      code = &p.code;
      rule = &p.rule;
      break;
    }
  }
  *fired = code;
  if (code->primary.empty() || code->primary == "---") return VerbResult::kNone;
  if (o_.skip_negated_verbs && code == &verb.code) {
    for (int back = 1; back <= 2 && vq0 - back >= 0; ++back) {
      std::string_view w = Norm(s_.seq[vq0 - back]);
      if (w == "NOT" || w == "NEVER" || w.ends_with("N'T")) return VerbResult::kNone;
    }
  }
  if (code->primary == "###") return VerbResult::kDiscard;
  if (code->primary == "+++") return VerbResult::kComplex;

  int source = b.source, target = b.target;
  const int m = static_cast<int>(s_.seq.size());
  bool designated = source >= 0 || target >= 0;
  // TABARI 7.9: passive voice reverses the default search.
  bool passive = false;
  auto is_by = [&](int q) {
    return q < m && UnitAt(s_.seq[q]) && UnitAt(s_.seq[q])->cls == Cls::kBy;
  };
  if (!designated && (is_by(vq1) || is_by(vq1 + 1))) {
    for (int back = 1; back <= 2 && vq0 - back >= 0; ++back) {
      const Unit* u = UnitAt(s_.seq[vq0 - back]);
      if (u && u->cls == Cls::kAux) passive = true;
    }
  }
  bool actor_prior = HasActorBefore(vq0) || (clause_index > 0 && carried_source >= 0);
  bool actor_after = HasActorAfter(vq1);
  std::string_view default_source, default_target;
  if (passive) {
    source = FirstActor(vq1, m, -1);
    target = FirstActor(0, vq0, source);
    if (target < 0 && source >= 0 && s_.actors[source].compound && o_.compound_pairs) {
      target = source;
    }
  } else {
    if (source < 0 && !b.compound) {
      bool use_carried = clause_index > 0 && carried_source >= 0 &&
                         !(vq0 > 0 && ActorStartsAt(0)) && ctx.kind != ClauseKind::kCausative;
      if (use_carried && (target < 0 || !SameCodes(carried_source, target))) {
        source = carried_source;
      } else {
        // Reported speech: in "X said Y will attack Z" the speaker is not the source of
        // the inner event; search after the last reporting (subordinate-coded) verb.
        int from = 0;
        for (int r = vq0 - 1; r > 0 && from == 0; --r) {
          const Unit* ru = UnitAt(s_.seq[r]);
          if (ru && ru->cls == Cls::kVerb && d_.verb(ru->ref).code.subordinate) from = r + 1;
        }
        source = from > 0 ? FirstActor(from, vq0, target, &b) : -1;
        if (source < 0) source = FirstActor(0, vq0, target, &b);
        if (source < 0 && !(o_.default_source_prior && !o_.default_source.empty())) {
          source = FirstActor(vq1, m, target, &b);
        }
      }
    }
    if (target < 0 && !b.compound) {
      target = DefaultTarget(vq1, m, source, b);
      if (target < 0 && !(o_.default_target_after && !o_.default_target.empty())) {
        target = DefaultTarget(0, vq0, source, b);
      }
      // ", warning of consequences" warns whom the sentence's first clause was about;
      // ", prompting Putin to warn" makes Putin answer the first clause's subject.
      int inherited = ctx.kind == ClauseKind::kCausative     ? carried_source
                      : ctx.kind == ClauseKind::kParticipial ? ctx.carried_target
                                                             : -1;
      if (target < 0 && inherited >= 0 && (source < 0 || !SameCountry(inherited, source))) {
        target = inherited;
      }
      if (target < 0 && source >= 0 && s_.actors[source].compound && o_.compound_pairs &&
          !(o_.default_target_after && !o_.default_target.empty())) {
        target = source;
      }
    }
  }
  if (o_.default_source_prior && !o_.default_source.empty() && !actor_prior && b.source < 0 &&
      !b.compound) {
    source = -1;
  }
  if (o_.default_target_after && !o_.default_target.empty() && !actor_after && b.target < 0 &&
      !b.compound) {
    target = -1;
  }
  if (source < 0) default_source = o_.default_source;
  if (target < 0) default_target = o_.default_target;
  bool no_source = source < 0 && default_source.empty();
  bool no_target = target < 0 && default_target.empty();
  // "X and Y agreed": a compound subject with no object acted jointly; each member is
  // the source of a target-less event.
  bool joint =
      no_target && !no_source && source >= 0 && s_.actors[source].compound && !o_.compound_pairs;
  if ((no_source && no_target) || (o_.require_dyad && !joint && (no_source || no_target))) {
    if (coding_set_aside_) {
      // The parse may know the missing role; CheckRolesAgainstTree decides.
      MakeEvents(source, target, {}, {}, *code, *rule, vu, &s_.partial, /*partial=*/true);
    }
    if (trace_) trace_->OnOutcome(SentenceOutcome::kNoEvent, "verb has no source or target");
    return VerbResult::kNone;
  }
  *used_source = source;
  *used_target = target;
  dict::EventCode demand;
  if (o_.must_as_demand && !passive && AfterMust(vq0)) {
    int subject = -1;
    int speaker = ReportingSpeaker(vq0, &subject, b);
    if (speaker >= 0) {
      demand.primary = DemandCode(code->primary);
      target = subject;
      source = speaker;
      code = &demand;
    }
  }
  size_t before = events->size();
  MakeEvents(source, target, std::string(default_source), std::string(default_target), *code, *rule,
             vu, events);
  return events->size() > before ? VerbResult::kEvent : VerbResult::kNone;
}

}  // namespace parley::coding
