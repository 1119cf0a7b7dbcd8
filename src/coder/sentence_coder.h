// The sparse-parse coder's working parts (private to src/coder). The sentence is tokenised,
// every token is resolved to dictionary word ids once, and then the TABARI parsing steps
// run over those ids: classify words (actors, agents, verbs, nouns, ...), compose agents
// with actors, find parsed compound actors, coreference pronouns, drop comma-delimited
// clauses, split clauses at conjunctions, and try each verb's patterns (longest first) to
// find source and target.
//
// SentenceCoder::Run calls the stages in this order: Tokenize, Resolve, FindDiscard,
// Classify, RememberSurnames, BuildActors, ComposeAgents, EthnicGroupsByResidence,
// JoinTitlesAndNames, NoteMentions, ResolveShortMentions, FindCompounds, Coreference,
// ResolveQuotedSpeakers, EliminateCommas, CheckComplexity, CodeClauses,
// CodeEliminatedPhrases, AttachIssues. Each stage reads what the stages before it wrote into the
// per-thread scratch (CoderScratch::Impl), whose vectors are reused from sentence to
// sentence, so that nothing is allocated per token once they have grown. Where the
// stages live:
//   tokens.cc         Tokenize, Resolve, FindDiscard, Classify
//   actors.cc         BuildActors, ComposeAgents, CountryForLoneAgents, EthnicGroupsByResidence
//   entities.cc       surnames, JoinTitlesAndNames, FindCompounds, Coreference
//   document_entities.cc  titles, names, pronouns and speakers across the document
//   clauses.cc        EliminateCommas, CheckComplexity, clause kinds, BuildClause, actor search
//   verb_patterns.cc  pattern matching and CodeVerb (source, target and code of one verb)
//   events.cc         MakeEvents (the events of one verb, with intents and threats)
//   sentence_coder.cc Run, CodeClauses, CodeEliminatedPhrases, AttachIssues
//   word_classes.cc   the fixed word lists the stages consult
#ifndef PARLEY_CODER_SENTENCE_CODER_H_
#define PARLEY_CODER_SENTENCE_CODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coder/document_memory.h"
#include "coder/tree_roles.h"
#include "coder/word_classes.h"
#include "dict/dictionary.h"
#include "parley/coder.h"
#include "parley/text.h"

namespace parley::coding {

using Kind = dict::PatternElement::Kind;

struct Tok {
  uint32_t start = 0, end = 0;  // bytes in the sentence
  uint32_t norm = 0, len = 0;   // in Impl::norm
  bool cap = false;
  bool word = true;
  bool hyphen_before = false;  // a piece of a hyphenated word after its first piece
  bool hyphen_after = false;   // a piece of a hyphenated word before its last piece
};

struct Unit {
  Cls cls = Cls::kNone;
  int start = 0, end = 0;  // tokens
  int32_t ref = -1;        // actor / agent / verb index in the dictionary
  int actor = -1;          // index into Impl::actors for actor and pronoun units
  bool in_compound = false;
  bool agent_used = false;
  bool from_agent = false;  // an agent made an actor (ref is still the agent's index)
  // Units of the agents composed into this actor: "the ambassadors of X" (before, up to
  // two when coordinated: "lawmakers and officials in X") and "X government" (after). A
  // compound shares them among its members.
  int32_t pre_agent[2] = {-1, -1};
  int32_t post_agent = -1;
};

struct Member {
  std::string code;
  int start = -1, end = -1;  // tokens
  const std::string* rule = nullptr;
};

struct ActorRef {
  int start = 0, end = 0;  // tokens covered (the whole compound for compounds)
  int mem_begin = 0, mem_end = 0;
  bool compound = false;
  bool pronoun = false;
  bool person = false;  // a named person or an official the document names (news)
  int MemberCount() const { return mem_end - mem_begin; }
};

// Bindings found while matching one pattern.
struct Binding {
  int source = -1, target = -1;       // actor indices
  bool compound = false;              // '%' bound: source and target from one compound
  int skipped[4] = {-1, -1, -1, -1};  // actors passed over by '^': never a default actor
  // Records `actor` in the role a pattern's actor slot ($ + % ^) gives it.
  void Bind(Kind kind, int actor) {
    switch (kind) {
      case Kind::kSource:
        source = actor;
        break;
      case Kind::kTarget:
        target = actor;
        break;
      case Kind::kCompound:
        source = target = actor;
        compound = true;
        break;
      case Kind::kSkip:
        Skip(actor);
        break;
      default:
        break;
    }
  }
  void Skip(int actor) {
    for (int& s : skipped) {
      if (s < 0) {
        s = actor;
        return;
      }
    }
  }
  bool IsSkipped(int actor) const {
    for (int s : skipped) {
      if (s == actor) return true;
    }
    return false;
  }
};

// Appends agent `a` to actor code `code` unless it is already there on a 3-letter boundary
// (TABARI 5.4); a prefix agent goes in front.
void ComposeAgent(const AgentInfo& a, std::string* code);

// The dictionary codes that are instructions, not actors: null (---), discard (###) and
// complex (+++).
bool IsSpecial(const std::string& code);

}  // namespace parley::coding

namespace parley {

struct CoderScratch::Impl {
  text::TokenizedSentence ts;
  std::vector<coding::Tok> toks;
  std::string norm;
  std::vector<TokenMatch> matches;
  std::vector<uint32_t> begin;
  std::vector<uint8_t> barrier;
  std::vector<coding::Unit> units;
  std::vector<int> unit_of;  // token -> unit, -1 none
  std::vector<uint8_t> active;
  std::vector<coding::Member> members;
  size_t members_used = 0;
  std::vector<coding::ActorRef> actors;
  std::vector<int> seq;             // active token indices of the current clause
  std::vector<int> seq_actor_end;   // seq position -> actor index starting there (or -1)
  std::vector<int> seq_actor_last;  // seq position -> actor index ending there (or -1)
  int seq_first_actor = -1;         // seq positions of the clause's first and last actor
  int seq_last_actor = -1;          // starts (-1: none), for per-verb questions in O(1)
  std::vector<int> clause_bounds;
  std::vector<text::Range> sentences;
  std::vector<LongSentence> long_sentences;
  std::vector<int> compound_units;
  std::vector<uint32_t> present;  // word id -> clause stamp when some token can match it
  uint32_t stamp = 0;
  std::vector<uint32_t> synset_stamp;  // synset -> clause stamp when synset_hit was computed
  std::vector<uint8_t> synset_hit;
  std::vector<Event> pending;
  // News with the parse: events of set-aside relative clauses, whose roles the tree stage
  // fills from the verb's frame (CompleteRoles).
  std::vector<Event> partial;
  std::vector<ActorSpan> actor_spans;  // the sentence's actors, for CompleteRoles
  std::vector<uint8_t> saved_active;   // CodeEliminatedPhrases
  std::vector<Event> phrase_events;
  std::unique_ptr<tree_roles::Scratch> tree;  // roles_from_tree, made on first use
  std::string buffer;
  std::string scratch_code;  // an event code rewritten while emitting
  // People named in full earlier in the current document, by surname ("ZINOVIEV" ->
  // the actor entry of "Georgy Zinoviev"); cleared by CodeDocument.
  std::vector<std::pair<std::string, int32_t>> surnames;
  // Who the current document has named so far (news: document_entities); cleared by
  // CodeDocument. title and codes are scratch for noting one mention.
  entities::DocumentMemory memory;
  std::string title;
  std::vector<std::string> codes;
  // A story discard phrase (PETRARCH "+" entry) was found: the whole document codes
  // nothing. Set by the sentence coder, cleared and read by CodeDocument.
  bool story_discarded = false;

  coding::Member& NewMember() {
    if (members_used == members.size()) members.emplace_back();
    coding::Member& m = members[members_used++];
    m.code.clear();
    m.start = m.end = -1;
    m.rule = nullptr;
    return m;
  }
  std::string_view Norm(int i) const {
    return std::string_view(norm).substr(toks[i].norm, toks[i].len);
  }
};

}  // namespace parley

namespace parley::coding {

// Codes one sentence into `out`: all per-sentence logic lives in this helper so the public
// Coder stays small. Made afresh for each sentence; everything it keeps between sentences
// is in the scratch.
class SentenceCoder {
 public:
  SentenceCoder(const Dictionary& d, const CoderOptions& o, CoderScratch::Impl& s,
                std::string_view sentence, const Event& tmpl, std::vector<Event>* out,
                CoderTrace* trace)
      : d_(d), o_(o), s_(s), sentence_(sentence), tmpl_(tmpl), out_(out), trace_(trace) {}

  // Runs the stages below in order and appends the sentence's events to `out` (events
  // appended by a sentence that is not kCoded are the caller's to drop).
  SentenceOutcome Run();

 private:
  // ---- tokens and units (tokens.cc) ----
  // Writes s_.ts, s_.toks, s_.norm, n_, first_word_, all_caps_ and title_case_.
  void Tokenize();
  // Looks every word token up once: writes s_.matches, s_.begin, s_.barrier and sw_.
  void Resolve();
  // Whether some dictionary word of token `tok` can start a phrase of the kinds in
  // `start_flags` (Dictionary::kDiscardStart, ...). Reads s_.matches.
  bool MayStartAt(int tok, uint8_t start_flags) const {
    for (uint32_t k = s_.begin[tok]; k < s_.begin[tok + 1]; ++k) {
      if (d_.starts(s_.matches[k].word) & start_flags) return true;
    }
    return false;
  }
  // Which discard phrase the sentence holds: a story discard when it holds any. Reads sw_.
  enum class Discard { kNone, kSentence, kStory };
  Discard FindDiscard();
  // Splits the tokens into units (the longest dictionary phrase at each token, else a fixed
  // word class): writes s_.units and s_.unit_of. kDiscarded / kComplex for a ### / +++
  // actor or verb.
  SentenceOutcome Classify();
  // "anti-Syria", "pro-Iranian", "US-backed", "Isis-held": a hyphenated modifier.
  bool InHyphenModifier(int tok) const;
  // A word of at most three letters not written in capitals ("us", "un", and "Us" at
  // the start of a sentence, where a capital says nothing): in running text that is a
  // word, never the acronym (US, UN, IS) a dictionary lists. "Ent" inside a sentence
  // is a name.
  bool ShortNotCapitals(int tok) const {
    const Tok& t = s_.toks[tok];
    if (t.end - t.start > 3) return false;
    const bool first_word = tok <= first_word_;
    auto lower = [&](uint32_t b) { return sentence_[b] >= 'a' && sentence_[b] <= 'z'; };
    if (lower(t.start)) return true;  // "us", "un"
    bool any_lower = false;
    for (uint32_t b = t.start; b < t.end; ++b) any_lower = any_lower || lower(b);
    return any_lower && first_word;  // "Us" opening a sentence
  }

  // ---- actors and agents (actors.cc) ----
  // One actor (s_.actors, its codes in s_.members) per actor unit; sets the units' actor.
  void BuildActors();
  int AddActorFromUnit(int u);
  // Makes agent unit `u` an actor of its own: one member with the agent's rule, spanning
  // the unit, whose code the caller writes (the reference holds until the next member).
  Member& AddAgentActor(Unit& u, const AgentInfo& agent);
  // Composes agent units with the actors they describe: rewrites member codes and spans,
  // marks the agents used and records them in the actor units (pre_agent, post_agent);
  // lone agents become actors of their own as the options say.
  void ComposeAgents();
  // Lone agents take the country of a nearby nation-state actor (new actors).
  void CountryForLoneAgents();
  // Rewrites the country of "ethnic X" members to the country the group lives in.
  void EthnicGroupsByResidence();
  std::string_view ContextCountry(const Unit& v, size_t actors_before, bool* decided) const;

  // ---- entities (entities.cc) ----
  // The person an earlier sentence of the document named in full, for a lone surname.
  int32_t SurnameActor(int tok) const;
  // Adds the surnames of the people the sentence names in full to s_.surnames.
  void RememberSurnames();
  // Merges an actor unit followed by a capitalised name into the title's unit.
  void JoinTitlesAndNames();
  // Adds compound actors ("X, Y and Z") to s_.actors, points their units at them and marks
  // the conjunctions inside compounds (in_compound) so that they split no clause.
  void FindCompounds();
  // Gives pronoun units an actor that copies their referent's members.
  void Coreference();

  // ---- document entities (document_entities.cc) ----
  // News, document_entities: notes the people and officials this sentence names in full
  // in s_.memory, then gives bare titles ("the ambassador") and known surnames the codes
  // of who they refer to (src/coder/document_memory.h); after Coreference, a quote's
  // "we"/"our"/"I" takes its speaker's.
  void NoteMentions();
  void ResolveShortMentions();
  void ResolveQuotedSpeakers();
  int TitleOf(int unit) const;
  std::string_view UnitWords(int from, int to);
  int NameAfter(int unit, int* person_unit) const;
  void CollectCodes(const ActorRef& a);
  int ActorFromReferent(int unit, const entities::Referent& r, std::string_view why);
  const entities::Referent* SentenceSpeaker();

  // ---- clauses (clauses.cc) ----
  // Marks the tokens that stay in play in s_.active, dropping comma-delimited phrases.
  void EliminateCommas();
  // kComplex when the sentence breaks a complexity limit of the options. Reads only.
  SentenceOutcome CheckComplexity();
  // Whether an actor phrase starts or runs in tokens [from, to).
  bool HasActorToken(int from, int to) const;
  bool HasVerbToken(int from, int to) const;
  // What a clause inherits from the clauses before it in the sentence.
  enum class ClauseKind : uint8_t {
    kPlain,
    kParticipial,  // ", warning of consequences": the previous clause's actors carry over
    kCausative,    // ", prompting Putin to issue a warning": aimed at the previous source
  };
  struct ClauseContext {
    int index = 0;
    int carried_source = -1;
    int carried_target = -1;
    ClauseKind kind = ClauseKind::kPlain;
  };
  ClauseKind KindOfClauseAt(int bound) const;
  bool OpensClause(int tok) const;
  // Makes the active tokens of [from, to) the current clause: writes s_.seq, the actor
  // index over it (s_.seq_actor_end, seq_actor_last, seq_first_actor, seq_last_actor) and
  // the words present in it (s_.present, s_.stamp).
  void BuildClause(int from, int to);
  bool ActorStartsAt(int q) const { return s_.seq_actor_end[q] >= 0; }
  int FirstActor(int from, int to, int exclude_code_of, const Binding* b = nullptr) const;
  int DefaultTarget(int from, int to, int exclude, const Binding& b) const;
  bool SameCodes(int a, int b) const;
  bool SameCountry(int a, int b) const;
  bool HasActorAfter(int q) const;
  bool HasActorBefore(int q) const;

  // ---- verb patterns over the current clause (verb_patterns.cc) ----
  bool WordAt(int q, WordId w, dict::WordMatch m) const {
    return sw_.TokenAccepts(s_.seq[q], w, m);
  }
  bool SynsetForward(int32_t synset, int q, int* next) const;
  bool SynsetBackward(int32_t synset, int q, int* first) const;
  bool MatchUp(const CompiledPattern& p, int k, int q, bool adjacent, Binding* b) const;
  // Binds `actor` to a pattern's actor slot of `kind` and matches the rest of the pattern
  // with `rest`, undoing the binding when that fails. The first actor in the slot's place
  // is the one: if it does not fit (not a compound for '%'), the pattern fails.
  template <typename Rest>
  bool BindActorThen(Kind kind, int actor, Binding* b, Rest&& rest) const {
    if (kind == Kind::kCompound && !s_.actors[actor].compound) return false;
    Binding saved = *b;
    b->Bind(kind, actor);
    if (rest()) return true;
    *b = saved;
    return false;
  }
  bool MatchDown(const CompiledPattern& p, int k, int q, bool adjacent, Binding* b) const;
  // False when some word the pattern needs occurs nowhere in the clause.
  bool Possible(const CompiledPattern& p) const {
    for (WordId w : p.required_words) {
      if (s_.present[w] != s_.stamp) return false;
    }
    for (int32_t syn : p.required_synsets) {
      if (!SynsetPresent(syn)) return false;
    }
    return true;
  }
  // Whether some first word of synset `syn` is in the current clause; computed once per
  // clause, since a verb's patterns share synsets that can list hundreds of words.
  bool SynsetPresent(int32_t syn) const {
    if (s_.synset_stamp.size() != d_.synset_count()) {
      s_.synset_stamp.assign(d_.synset_count(), 0);
      s_.synset_hit.assign(d_.synset_count(), 0);
    }
    if (s_.synset_stamp[syn] != s_.stamp) {
      bool any = false;
      for (WordId w : d_.synset(syn).first_words) {
        if (s_.present[w] == s_.stamp) {
          any = true;
          break;
        }
      }
      s_.synset_stamp[syn] = s_.stamp;
      s_.synset_hit[syn] = any;
    }
    return s_.synset_hit[syn];
  }
  bool AfterMust(int vq) const;
  int ReportingSpeaker(int vq, int* subject, const Binding& b) const;
  // Codes the verb unit at seq [vq0, vq1) of the current clause: appends its events to
  // `events`, and tells the actors it used and the code that fired.
  enum class VerbResult { kNone, kEvent, kDiscard, kComplex };
  VerbResult CodeVerb(int verb_unit, int vq0, int vq1, const ClauseContext& ctx, int* used_source,
                      int* used_target, const dict::EventCode** fired, std::vector<Event>* events);

  // ---- events (events.cc) ----
  void MakeEvents(int source, int target, const std::string& default_source,
                  const std::string& default_target, const dict::EventCode& code,
                  const std::string& rule, const Unit& verb, std::vector<Event>* events,
                  bool partial = false);
  bool AfterModal(int verb_token) const;
  bool AnnouncedDecision(int verb_token) const;
  bool InConditional(int verb_token) const;

  // ---- the sentence (sentence_coder.cc) ----
  // Splits the sentence into clauses and codes each clause's verbs into *out_.
  SentenceOutcome CodeClauses();
  // News with the parse: codes the relative clauses the comma rules set aside into
  // s_.partial, roles left to the verb's frame.
  void CodeEliminatedPhrases();
  // Labels the events from `first_event` on with the sentence's issues.
  void AttachIssues(size_t first_event);

  bool Capitalised(int tok) const { return s_.toks[tok].cap; }
  std::string_view Norm(int i) const { return s_.Norm(i); }
  const Unit* UnitAt(int tok) const {
    int u = s_.unit_of[tok];
    return u < 0 ? nullptr : &s_.units[u];
  }

  const Dictionary& d_;
  const CoderOptions& o_;
  CoderScratch::Impl& s_;
  std::string_view sentence_;
  const Event& tmpl_;
  std::vector<Event>* out_;
  CoderTrace* trace_;
  SentenceWords sw_;
  int n_ = 0;
  int first_word_ = 0;  // the first word token (n_ when there is none)
  bool all_caps_ = true;
  bool title_case_ = false;        // most words capitalised (a headline): capitals say nothing
  bool coding_set_aside_ = false;  // CodeEliminatedPhrases is coding a set-aside phrase
};

}  // namespace parley::coding

#endif  // PARLEY_CODER_SENTENCE_CODER_H_
