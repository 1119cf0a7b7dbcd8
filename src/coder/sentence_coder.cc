// The sentence coder's run: the stages in order (see sentence_coder.h), the clause loop
// that chooses which verbs' events the sentence keeps, and the sentence's issues.
#include "coder/sentence_coder.h"

namespace parley::coding {

// News with the parse: a phrase the comma rules set aside ("the minister, who met
// Ukraine's president last week, criticised Russia") is coded on its own for its event
// codes, and its events wait in `partial` with no roles: the verb's frame names the agent
// (the noun a relative clause modifies, a participle's subject) and the patient, and the
// tree stage keeps only the events it can complete and that pass its checks.
void SentenceCoder::CodeEliminatedPhrases() {
  const size_t partial_before = s_.partial.size();
  s_.saved_active = s_.active;
  const std::vector<uint8_t>& saved = s_.saved_active;
  for (int a = 0; a < n_;) {
    if (saved[a]) {
      ++a;
      continue;
    }
    int b = a;
    while (b < n_ && !saved[b]) ++b;
    // Only relative clauses: the one kind whose agent the frame reliably names (parsing
    // every set-aside phrase cost a third of the coding speed for no measured gain).
    int first_word = a;
    while (first_word < b && !s_.toks[first_word].word) ++first_word;
    const bool relative =
        first_word < b && (Norm(first_word) == "WHO" || Norm(first_word) == "WHICH" ||
                           Norm(first_word) == "WHOM" || Norm(first_word) == "WHOSE");
    if (relative && HasVerbToken(a, b)) {
      std::fill(s_.active.begin(), s_.active.end(), 0);
      for (int i = a; i < b; ++i) {
        const Unit* u = UnitAt(i);
        s_.active[i] = !(u && u->cls == Cls::kComma);
      }
      BuildClause(a, b);
      coding_set_aside_ = true;
      const int m = static_cast<int>(s_.seq.size());
      for (int q = 0; q < m; ++q) {
        const Unit* u = UnitAt(s_.seq[q]);
        if (!u || u->cls != Cls::kVerb || s_.seq[q] != u->start) continue;
        int vq1 = q;
        while (vq1 < m && s_.seq[vq1] < u->end) ++vq1;
        std::vector<Event>& found = s_.phrase_events;
        found.clear();
        int used_source = -1, used_target = -1;
        const dict::EventCode* fired = &d_.verb(u->ref).code;
        const VerbResult r = CodeVerb(s_.unit_of[s_.seq[q]], q, vq1, ClauseContext{}, &used_source,
                                      &used_target, &fired, &found);
        if (r != VerbResult::kEvent || fired->subordinate) continue;
        for (Event& e : found) s_.partial.push_back(std::move(e));
      }
      coding_set_aside_ = false;
    }
    a = b;
  }
  s_.active = saved;
  // Word order inside a set-aside phrase says little about roles ("who met Ukraine's
  // president": the president is the first actor): the frame names both.
  for (size_t i = partial_before; i < s_.partial.size(); ++i) {
    s_.partial[i].source = ActorSpan{};
    s_.partial[i].target = ActorSpan{};
  }
}

SentenceOutcome SentenceCoder::Run() {
  if (trace_) trace_->OnSentence(tmpl_.sentence_index, sentence_);
  Tokenize();
  // Every later step is bounded by the square of the sentence's length at worst.
  if (n_ > kMaxSentenceTokens) {
    if (trace_) trace_->OnOutcome(SentenceOutcome::kTooLong, "more tokens than the coder takes");
    return SentenceOutcome::kTooLong;
  }
  if (o_.minimum_words > 0) {
    int words = 0;
    for (int i = 0; i < n_; ++i) words += Norm(i) == "'S" ? 0 : 1;
    if (words < o_.minimum_words) {
      if (trace_) trace_->OnOutcome(SentenceOutcome::kTooShort, "fewer words than MINIMUM WORDS");
      return SentenceOutcome::kTooShort;
    }
  }
  Resolve();
  if (Discard discard = FindDiscard(); discard != Discard::kNone) {
    const bool story = discard == Discard::kStory;
    s_.story_discarded |= story;
    if (trace_) {
      trace_->OnOutcome(
          SentenceOutcome::kDiscarded,
          story ? "story discard phrase: no sentence of the story is coded" : "discard phrase");
    }
    return SentenceOutcome::kDiscarded;
  }
  SentenceOutcome st = Classify();
  if (st != SentenceOutcome::kCoded) {
    if (trace_) trace_->OnOutcome(st, "an actor or verb with a ### or +++ code");
    return st;
  }
  RememberSurnames();
  BuildActors();
  ComposeAgents();
  if (o_.ethnic_groups_by_residence) EthnicGroupsByResidence();
  if (trace_) {
    for (const Unit& u : s_.units) {
      if (u.cls != Cls::kActor || u.actor < 0) continue;
      const ActorRef& a = s_.actors[u.actor];
      for (int m = a.mem_begin; m < a.mem_end; ++m) {
        const Member& mem = s_.members[m];
        trace_->OnActor(sentence_.substr(s_.toks[mem.start].start,
                                         s_.toks[mem.end - 1].end - s_.toks[mem.start].start),
                        mem.code, mem.rule ? *mem.rule : "");
      }
    }
  }
  if (o_.title_name_one_actor) JoinTitlesAndNames();
  if (o_.document_entities) {
    NoteMentions();
    ResolveShortMentions();
  }
  FindCompounds();
  Coreference();
  if (o_.document_entities) ResolveQuotedSpeakers();
  EliminateCommas();
  st = CheckComplexity();
  if (st != SentenceOutcome::kCoded) return st;
  size_t first = out_->size();
  st = CodeClauses();
  if (o_.roles_from_tree && o_.syntax_model != nullptr && o_.comma_enabled) {
    CodeEliminatedPhrases();
  }
  if (out_->size() > first && !d_.issues().empty()) AttachIssues(first);
  return st;
}

SentenceOutcome SentenceCoder::CodeClauses() {
  // Clause boundaries: conjunctions that are not inside compounds.
  std::vector<int>& bounds = s_.clause_bounds;
  bounds.clear();
  bounds.push_back(0);
  for (const Unit& u : s_.units) {
    if (u.cls == Cls::kConj && !u.in_compound && s_.active[u.start]) bounds.push_back(u.start);
    // ", warning of ...", ", prompting X to ...": a participle after a comma opens a clause.
    if (o_.participial_clauses && u.cls == Cls::kComma && !u.in_compound && s_.active[u.start] &&
        KindOfClauseAt(u.start) != ClauseKind::kPlain) {
      bounds.push_back(u.start);
    }
  }
  bounds.push_back(n_);
  std::vector<Event>& found = s_.pending;
  found.clear();
  int carried_source = -1;
  int carried_target = -1;
  bool any_normal = false;
  size_t sentence_first = out_->size();
  std::vector<Event> subordinate;
  std::vector<Event> dominant;
  for (size_t c = 0; c + 1 < bounds.size(); ++c) {
    int from = bounds[c] + (c > 0 ? 1 : 0);
    BuildClause(from, bounds[c + 1]);
    const int m = static_cast<int>(s_.seq.size());
    bool clause_done = false;
    int clause_first_actor = FirstActor(0, m, -1);
    std::vector<Event> clause_subordinate;
    ClauseContext ctx;
    ctx.index = static_cast<int>(c);
    ctx.carried_source = carried_source;
    ctx.carried_target = carried_target;
    ctx.kind = c > 0 && o_.participial_clauses ? KindOfClauseAt(bounds[c]) : ClauseKind::kPlain;
    for (int q = 0; q < m; ++q) {
      const Unit* u = UnitAt(s_.seq[q]);
      if (!u || u->cls != Cls::kVerb || s_.seq[q] != u->start) continue;
      if (q == 0 && ctx.kind == ClauseKind::kCausative) continue;  // "prompting" itself
      int vq1 = q;
      while (vq1 < m && s_.seq[vq1] < u->end) ++vq1;
      int verb_unit = s_.unit_of[s_.seq[q]];
      const VerbInfo& verb = d_.verb(u->ref);
      found.clear();
      int used_source = -1, used_target = -1;
      const dict::EventCode* fired = &verb.code;
      VerbResult r = CodeVerb(verb_unit, q, vq1, ctx, &used_source, &used_target, &fired, &found);
      if (r == VerbResult::kDiscard) return SentenceOutcome::kDiscarded;
      if (r == VerbResult::kComplex) return SentenceOutcome::kComplex;
      if (r != VerbResult::kEvent) continue;
      bool is_sub = fired->subordinate;
      bool is_dom = fired->dominant;
      if (is_dom) {
        dominant.insert(dominant.end(), found.begin(), found.end());
        continue;
      }
      if (clause_done && o_.code_by != CodeBy::kAll) continue;
      if (is_sub) {
        if (clause_subordinate.empty()) {
          clause_subordinate = found;
        }
        continue;
      }
      out_->insert(out_->end(), found.begin(), found.end());
      any_normal = true;
      if (used_source >= 0) carried_source = used_source;
      if (used_target >= 0) carried_target = used_target;
      clause_done = true;
      if (o_.code_by == CodeBy::kSentence) break;
    }
    if (!clause_done && !clause_subordinate.empty()) {
      subordinate.insert(subordinate.end(), clause_subordinate.begin(), clause_subordinate.end());
    }
    if (!clause_done && carried_source < 0) carried_source = clause_first_actor;
    if (o_.code_by == CodeBy::kSentence && any_normal) break;
  }
  if (!dominant.empty()) {
    out_->resize(sentence_first);
    out_->insert(out_->end(), dominant.begin(), dominant.end());
  } else if (!any_normal && !subordinate.empty()) {
    out_->insert(out_->end(), subordinate.begin(), subordinate.end());
  }
  return out_->size() > sentence_first ? SentenceOutcome::kCoded : SentenceOutcome::kNoEvent;
}

// Issue phrases anywhere in the sentence label all of its events ("NUCLEAR;REFUGEES").
void SentenceCoder::AttachIssues(size_t first_event) {
  std::string& issues = s_.buffer;
  issues.clear();
  PhraseTrie::Match m;
  for (int i = 0; i < n_; ++i) {
    if (!MayStartAt(i, Dictionary::kIssueStart) || !d_.issues().LongestAt(sw_, i, 0, &m)) continue;
    const std::string& code = d_.issue_code(m.payload);
    bool seen = false;
    for (size_t p = 0; p < issues.size() && !seen; p = issues.find(';', p) + 1) {
      size_t end = issues.find(';', p);
      seen = issues.compare(p, (end == std::string::npos ? issues.size() : end) - p, code) == 0;
      if (end == std::string::npos) break;
    }
    if (seen) continue;
    if (!issues.empty()) issues += ';';
    issues += code;
  }
  for (size_t e = first_event; e < out_->size(); ++e) (*out_)[e].issues = issues;
}

}  // namespace parley::coding
