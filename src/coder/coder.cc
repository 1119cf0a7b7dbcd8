// Sparse-parse coder. The sentence is tokenised, every token is resolved to dictionary
// word ids once, and then the TABARI parsing steps run over those ids: classify words
// (actors, agents, verbs, nouns, ...), compose agents with actors, find parsed compound
// actors, coreference pronouns, drop comma-delimited clauses, split clauses at
// conjunctions, and try each verb's patterns (longest first) to find source and target.
#include "parley/coder.h"

#include <algorithm>
#include <cstring>

#include "coder/document_memory.h"
#include "coder/tree_roles.h"
#include "dict/dictionary.h"
#include "parley/cameo.h"
#include "parley/frames.h"
#include "parley/text.h"

namespace parley {

using dict::PatternElement;
using Kind = PatternElement::Kind;

namespace {

enum class Cls : uint8_t {
  kNone,
  kActor,
  kAgent,
  kVerb,
  kNoun,
  kAdj,
  kPronoun,
  kDet,
  kConj,
  kComma,
  kAux,
  kBy,
  kPrep,
  kFormer,
  kPossessive,
  kPunct,
};

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

struct Candidate {
  Cls cls = Cls::kNone;
  PhraseTrie::Match m;
};

}  // namespace

struct CoderScratch::Impl {
  text::TokenizedSentence ts;
  std::vector<Tok> toks;
  std::string norm;
  std::vector<TokenMatch> matches;
  std::vector<uint32_t> begin;
  std::vector<uint8_t> barrier;
  std::vector<Unit> units;
  std::vector<int> unit_of;  // token -> unit, -1 none
  std::vector<uint8_t> active;
  std::vector<Member> members;
  size_t members_used = 0;
  std::vector<ActorRef> actors;
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
  // News with the parse: events whose pattern fired but whose source or target word order
  // could not find; the tree stage fills them from the verb's frame (CompleteRoles).
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

  Member& NewMember() {
    if (members_used == members.size()) members.emplace_back();
    Member& m = members[members_used++];
    m.code.clear();
    m.start = m.end = -1;
    m.rule = nullptr;
    return m;
  }
  std::string_view Norm(int i) const {
    return std::string_view(norm).substr(toks[i].norm, toks[i].len);
  }
};

CoderScratch::CoderScratch() : impl_(std::make_unique<Impl>()) {}
CoderScratch::~CoderScratch() = default;

Coder::Coder(std::shared_ptr<const Dictionary> dictionary, CoderOptions options)
    : dict_(std::move(dictionary)), options_(std::move(options)) {}

namespace {

Cls FixedClass(std::string_view w) {
  switch (w.size()) {
    case 1:
      if (w == "A") return Cls::kDet;
      if (w == ",") return Cls::kComma;
      if (w == ";") return Cls::kComma;
      break;
    case 2:
      if (w == "AN") return Cls::kDet;
      if (w == "OR") return Cls::kConj;
      if (w == "HE" || w == "IT") return Cls::kPronoun;
      if (w == "BY") return Cls::kBy;
      if (w == "OF" || w == "IN") return Cls::kPrep;
      if (w == "'S") return Cls::kPossessive;
      break;
    case 3:
      if (w == "THE") return Cls::kDet;
      if (w == "AND" || w == "BUT" || w == "NOR") return Cls::kConj;
      if (w == "SHE" || w == "ITS" || w == "HIS" || w == "HER" || w == "HIM") {
        return Cls::kPronoun;
      }
      if (w == "WAS") return Cls::kAux;
      break;
    case 4:
      if (w == "THEY" || w == "THEM") return Cls::kPronoun;
      if (w == "WERE" || w == "BEEN") return Cls::kAux;
      break;
    case 5:
      if (w == "THEIR") return Cls::kPronoun;
      break;
    case 6:
      if (w == "FORMER") return Cls::kFormer;
      break;
  }
  return Cls::kNone;
}

// Whether `w` is one of `words`.
template <size_t N>
bool InList(std::string_view w, const std::string_view (&words)[N]) {
  for (std::string_view k : words) {
    if (w == k) return true;
  }
  return false;
}

// News: a verb word right after a preposition or a possessive is a noun or a gerund
// naming an activity ("role in rioting", "investigation of arms sales", "its attack"),
// not the clause's verb. TO (infinitive), BY (passive agent), AFTER/BEFORE (also
// conjunctions) are left out.
bool NounContext(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "IN",     "OF",    "FOR",  "ON",    "AT",   "WITH",  "FROM",    "ABOUT", "AGAINST",
      "DURING", "OVER",  "AMID", "AMONG", "INTO", "UNDER", "WITHOUT", "VIA",   "DESPITE",
      "ITS",    "THEIR", "HIS",  "HER",   "OUR",  "MY",    "YOUR"};
  return InList(w, kWords);
}

// CAMEO codes a stated future or possible action as an intent (03x) when it cooperates
// and as a threat (13x) when it coerces ("may halt mediation" -> 135, "will extend the
// curfew" -> 137). Empty for codes that stay as they are.
std::string_view IntentCode(std::string_view code) {
  if (code.size() < 3) return {};
  std::string_view root = code.substr(0, 2);
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return "033";
  if (root == "08") return "035";
  if (root == "16") {
    switch (code[2]) {
      case '1':
        return "1313";
      case '2':
        return "1311";
      case '3':
        return "1312";
      case '4':
        return "134";
      case '5':
        return "135";
      case '6':
        return "136";
      default:
        return "131";
    }
  }
  if (root == "17") return "137";
  if (root == "18" || root == "19" || root == "20") return "138";
  return {};
}

// "X said Y must withdraw": what the speaker says another party must or should do is a
// demand (10x); the kind of demand follows the action demanded.
std::string_view DemandCode(std::string_view code) {
  if (code.starts_with("0871")) return "107";
  if (code.starts_with("04")) return "108";
  if (code.starts_with("07")) return "103";
  if (code.starts_with("08")) return "106";
  if (code.starts_with("09")) return "101";
  return "100";
}

// Verbs that introduce what someone said or concluded ("said that", "announced").
bool IsReportingWord(std::string_view w) {
  static constexpr std::string_view kStems[] = {"SAID",   "SAY",     "ANNOUNC", "DECLAR",
                                                "INSIST", "CONCLUD", "STATED",  "TOLD",
                                                "ARGU",   "STRESS",  "ADDED",   "DEMAND"};
  for (std::string_view stem : kStems) {
    if (w.starts_with(stem)) return true;
  }
  return false;
}

// Verbs that attribute a quote to its speaker besides the reporting verbs ("..., the
// ambassador noted", "summed up Kulik").
bool IsSpeechWord(std::string_view w) {
  static constexpr std::string_view kStems[] = {
      "NOTED",   "NOTES",  "BELIEVE", "SUMMED",  "EXPLAIN", "EMPHASI", "UNDERLIN", "REMARK",
      "WROTE",   "WRITES", "ACKNOWL", "HIGHLIG", "POINTED", "SAYS",    "TELLS",    "ASSERT",
      "RECALLED", "OBSERV", "COMMENT", "REPLIED", "CONTINUED", "CLAIMED", "CONFIRM"};
  for (std::string_view stem : kStems) {
    if (w.starts_with(stem)) return true;
  }
  return false;
}

bool IsModal(std::string_view w) {
  return w == "MAY" || w == "MIGHT" || w == "COULD" || w == "WOULD" || w == "WILL" ||
         w == "SHALL" || w == "'LL";
}

// Words that open a clause of their own after a comma.
bool IsClauseConjunction(std::string_view w) { return w == "BUT" || w == "AND" || w == "YET"; }

// Prepositions that open a sentence with its setting ("Amid the war, ...").
bool IsSettingPreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {"AMID",      "AMIDST", "DESPITE", "DURING",
                                                "FOLLOWING", "AFTER",  "BEFORE",  "SINCE",
                                                "IN",        "ON",     "AT"};
  return InList(w, kWords);
}

// -ING words that follow a comma without opening a clause.
bool IsPrepositionalParticiple(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "INCLUDING",       "ACCORDING", "FOLLOWING", "REGARDING", "CONCERNING", "EXCLUDING",
      "NOTWITHSTANDING", "BEGINNING", "STARTING",  "PENDING",   "BARRING",    "DURING"};
  return InList(w, kWords);
}

bool IsCausativeParticiple(std::string_view w) {
  static constexpr std::string_view kWords[] = {"PROMPTING",  "FORCING", "PROVOKING", "SPARKING",
                                                "TRIGGERING", "CAUSING", "LEADING",   "COMPELLING"};
  return InList(w, kWords);
}

// No "N'T" here: SentenceCoder::Tokenize joins it to the word before ("DIDN'T"), and a
// sentence's first token has no modal before it to negate.
bool IsNegation(std::string_view w) { return w == "NOT" || w == "NEVER"; }

// Words that link phrases rather than modify a noun: "Russia's war on militants" is not
// "Russia's militants".
bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "ON",   "AT",   "TO",   "FOR",  "WITH",  "AGAINST", "FROM",  "BY",    "OVER",   "ABOUT",
      "INTO", "THAN", "THAT", "WHO",  "WHICH", "AS",      "UNDER", "AFTER", "BEFORE", "SAID",
      "IS",   "ARE",  "HAS",  "HAVE", "HAD",   "WILL",    "WOULD", "NOT",   "ALSO",   "TOLD"};
  return InList(w, kWords);
}

bool IsSpecial(const std::string& code) { return code == "---" || code == "###" || code == "+++"; }

// Appends agent `a` to actor code `c` unless it is already there on a 3-letter boundary
// (TABARI 5.4).
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

}  // namespace

// All per-sentence logic lives in this helper so the public class stays small.
class SentenceCoder {
 public:
  SentenceCoder(const Dictionary& d, const CoderOptions& o, CoderScratch::Impl& s,
                std::string_view sentence, const Event& tmpl, std::vector<Event>* out,
                CoderTrace* trace)
      : d_(d), o_(o), s_(s), sentence_(sentence), tmpl_(tmpl), out_(out), trace_(trace) {}

  SentenceOutcome Run();

 private:
  void Tokenize();
  void Resolve();
  // Which discard phrase the sentence holds: a story discard when it holds any.
  enum class Discard { kNone, kSentence, kStory };
  Discard FindDiscard();
  SentenceOutcome Classify();
  int32_t SurnameActor(int tok) const;
  void RememberSurnames();
  void ComposeAgents();
  void CountryForLoneAgents();
  void EthnicGroupsByResidence();
  void JoinTitlesAndNames();
  bool AfterModal(int verb_token) const;
  bool AnnouncedDecision(int verb_token) const;
  bool AfterMust(int vq) const;
  int ReportingSpeaker(int vq, int* subject, const Binding& b) const;
  bool InConditional(int verb_token) const;
  std::string_view ContextCountry(const Unit& v, size_t actors_before, bool* decided) const;
  void BuildActors();
  void FindCompounds();
  void Coreference();
  // News, document_entities: notes the people and officials this sentence names in full,
  // then gives bare titles ("the ambassador"), known surnames and quoted "we"/"I" the codes
  // of who they refer to (src/coder/document_memory.h).
  void NoteMentions();
  void ResolveShortMentions();
  void ResolveQuotedSpeakers();
  int TitleOf(int unit) const;
  std::string_view UnitWords(int from, int to);
  int NameAfter(int unit, int* person_unit) const;
  void CollectCodes(const ActorRef& a);
  int ActorFromReferent(int unit, const entities::Referent& r, std::string_view why);
  const entities::Referent* SentenceSpeaker();
  void EliminateCommas();
  SentenceOutcome CheckComplexity();
  // Whether an actor phrase starts or runs in tokens [from, to).
  bool HasActorToken(int from, int to) const;
  bool HasVerbToken(int from, int to) const;
  SentenceOutcome CodeClauses();
  void CodeEliminatedPhrases();
  void AttachIssues(size_t first_event);

  int AddActorFromUnit(int u);
  bool Capitalised(int tok) const { return s_.toks[tok].cap; }
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
  // "anti-Syria", "pro-Iranian", "US-backed", "Isis-held": a hyphenated modifier.
  bool InHyphenModifier(int tok) const;
  std::string_view Norm(int i) const { return s_.Norm(i); }
  const Unit* UnitAt(int tok) const {
    int u = s_.unit_of[tok];
    return u < 0 ? nullptr : &s_.units[u];
  }

  // Clause-level matching over s_.seq.
  void BuildClause(int from, int to);
  bool WordAt(int q, WordId w, dict::WordMatch m) const {
    return sw_.TokenAccepts(s_.seq[q], w, m);
  }
  bool SynsetForward(int32_t synset, int q, int* next) const;
  bool SynsetBackward(int32_t synset, int q, int* first) const;
  bool MatchUp(const CompiledPattern& p, int k, int q, bool adjacent, Binding* b) const;
  bool MatchDown(const CompiledPattern& p, int k, int q, bool adjacent, Binding* b) const;
  bool ActorStartsAt(int q) const { return s_.seq_actor_end[q] >= 0; }
  int FirstActor(int from, int to, int exclude_code_of, const Binding* b = nullptr) const;
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
  int LastActorBefore(int q) const;

  // Emits events for one verb; returns how many (0 when the verb yields none).
  enum class VerbResult { kNone, kEvent, kDiscard, kComplex };
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
  int DefaultTarget(int from, int to, int exclude, const Binding& b) const;
  VerbResult CodeVerb(int verb_unit, int vq0, int vq1, const ClauseContext& ctx, int* used_source,
                      int* used_target, const dict::EventCode** fired, std::vector<Event>* events);
  void MakeEvents(int source, int target, const std::string& default_source,
                  const std::string& default_target, const dict::EventCode& code,
                  const std::string& rule, const Unit& verb, std::vector<Event>* events,
                  bool partial = false);
  bool SameCodes(int a, int b) const;
  bool SameCountry(int a, int b) const;
  bool HasActorAfter(int q) const;
  bool HasActorBefore(int q) const;

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
  bool coding_set_aside_ = false;  // CodeEliminatedPhrases is coding a set-aside phrase
  bool title_case_ = false;  // most words capitalised (a headline): capitals say nothing
};

void SentenceCoder::Tokenize() {
  text::Tokenize(sentence_, &s_.ts);
  s_.toks.clear();
  s_.norm.clear();
  const auto& ts = s_.ts;
  for (size_t i = 0; i < ts.tokens.size(); ++i) {
    const text::Token& t = ts.tokens[i];
    std::string_view nv = ts.Norm(t);
    if (t.kind == text::TokenKind::kPunct) {
      // TABARI keeps commas (and reads ';' as one); other marks separate nothing.
      if (nv != "," && nv != ";") {
        if (nv == "." || nv == "!" || nv == "?" || nv == "\"" || nv == "'" || nv == "`" ||
            nv == "``" || nv == "''" || nv == "_" || nv == "-" || nv == "--") {
          continue;
        }
      }
    }
    if (nv == "N'T" && !s_.toks.empty()) {  // "DID N'T" -> "DIDN'T" as dictionaries spell it
      Tok& prev = s_.toks.back();
      std::string prev_norm = s_.norm.substr(prev.norm, prev.len);
      prev.norm = static_cast<uint32_t>(s_.norm.size());
      s_.norm.append(prev_norm).append(nv);
      prev.len = static_cast<uint32_t>(s_.norm.size() - prev.norm);
      prev.end = t.end;
      continue;
    }
    bool cap = t.capitalized;
    if (t.kind == text::TokenKind::kWord) {
      for (uint32_t b = t.start; b < t.end; ++b) {
        char c = sentence_[b];
        if (c >= 'a' && c <= 'z') {
          all_caps_ = false;
          break;
        }
      }
    }
    // TABARI reads hyphens as blanks: "al-Assad" is two words ('_' likewise).
    size_t from = 0;
    bool ascii_span = (t.end - t.start) == nv.size();
    while (from <= nv.size()) {
      size_t dash = nv.find_first_of("-_", from);
      if (dash == std::string_view::npos) dash = nv.size();
      if (dash > from || (nv.size() == 1)) {
        Tok tok;
        tok.norm = static_cast<uint32_t>(s_.norm.size());
        s_.norm.append(nv.substr(from, std::max<size_t>(dash - from, nv.size() == 1 ? 1 : 0)));
        tok.len = static_cast<uint32_t>(s_.norm.size() - tok.norm);
        tok.start = ascii_span ? t.start + static_cast<uint32_t>(from) : t.start;
        tok.end = ascii_span ? t.start + static_cast<uint32_t>(dash) : t.end;
        tok.cap = from == 0 ? cap : (sentence_[tok.start] >= 'A' && sentence_[tok.start] <= 'Z');
        tok.word = t.kind != text::TokenKind::kPunct;
        tok.hyphen_before = from > 0 && nv[from - 1] == '-';
        tok.hyphen_after = dash < nv.size() && nv[dash] == '-';
        s_.toks.push_back(tok);
        s_.norm.push_back(' ');
      }
      if (nv.size() == 1) break;
      from = dash + 1;
    }
  }
  n_ = static_cast<int>(s_.toks.size());
  first_word_ = n_;
  for (int i = 0; i < n_ && first_word_ == n_; ++i) {
    if (s_.toks[i].word) first_word_ = i;
  }
  int words = 0, capitalised = 0;
  for (const Tok& t : s_.toks) {
    words += t.word ? 1 : 0;
    capitalised += t.word && t.cap ? 1 : 0;
  }
  title_case_ = words >= 4 && capitalised * 10 >= words * 7;
}

// The second half of "US-backed", "Kremlin-friendly", "NATO-member": the compound
// describes the noun after it.
bool IsFusedModifier(std::string_view w) {
  return w.ends_with("ED") || w == "RUN" || w == "HELD" || w == "LED" || w == "MEMBER" ||
         w == "FRIENDLY" || w == "LEANING";
}

bool SentenceCoder::InHyphenModifier(int tok) const {
  const Tok& t = s_.toks[tok];
  if (t.hyphen_before && tok > 0) {
    std::string_view first = Norm(tok - 1);
    if (first == "ANTI" || first == "PRO") return true;
  }
  if (t.hyphen_before && tok > 0 && !s_.toks[tok - 1].hyphen_before) {
    // "backed" in "US-backed": a participle fused to its agent is not a verb.
    if (IsFusedModifier(Norm(tok))) return true;
  }
  if (t.hyphen_after && tok + 1 < n_) {
    std::string_view next = Norm(tok + 1);
    if (s_.toks[tok + 1].hyphen_before && IsFusedModifier(next)) return true;
  }
  return false;
}

void SentenceCoder::Resolve() {
  s_.matches.clear();
  s_.begin.assign(1, 0);
  s_.barrier.assign(n_ + 1, 0);
  for (int i = 0; i < n_; ++i) {
    if (s_.toks[i].word) d_.Lookup(Norm(i), &s_.matches);
    s_.begin.push_back(static_cast<uint32_t>(s_.matches.size()));
    s_.barrier[i] = !s_.toks[i].word;
  }
  sw_.matches = s_.matches.data();
  sw_.begin = s_.begin.data();
  sw_.barrier = s_.barrier.data();
  sw_.size = n_;
}

SentenceCoder::Discard SentenceCoder::FindDiscard() {
  if (d_.discards().empty()) return Discard::kNone;
  Discard found = Discard::kNone;
  PhraseTrie::Match m;
  for (int i = 0; i < n_; ++i) {
    bool possible = false;
    for (uint32_t k = s_.begin[i]; k < s_.begin[i + 1] && !possible; ++k) {
      possible = d_.starts(s_.matches[k].word) & Dictionary::kDiscardStart;
    }
    if (!possible || !d_.discards().LongestAt(sw_, i, 0, &m)) continue;
    // A story discard anywhere outranks a sentence discard found before it.
    if (d_.discard_whole_story(m.payload)) return Discard::kStory;
    found = Discard::kSentence;
  }
  return found;
}

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

SentenceOutcome SentenceCoder::Classify() {
  s_.units.clear();
  s_.unit_of.assign(n_, -1);
  int i = 0;
  while (i < n_) {
    Cls fixed = FixedClass(Norm(i));
    Candidate best;
    auto consider = [&](const PhraseTrie& trie, Cls cls, int gap) {
      PhraseTrie::Match m;
      if (trie.empty() || !trie.LongestAt(sw_, i, gap, &m)) return;
      // "us", "un", "eu" in running text are words, not the acronyms USA, UN, EU.
      if (cls == Cls::kActor && m.end == i + 1 && !all_caps_ && ShortNotCapitals(i)) return;
      if ((cls == Cls::kActor || cls == Cls::kVerb) && m.end == i + 1 && InHyphenModifier(i)) {
        return;
      }
      if (best.cls == Cls::kNone || m.chars > best.m.chars ||
          (m.chars == best.m.chars && m.elements > best.m.elements)) {
        best.cls = cls;
        best.m = m;
      }
    };
    uint8_t starts = 0;
    for (uint32_t k = s_.begin[i]; k < s_.begin[i + 1]; ++k) {
      starts |= d_.starts(s_.matches[k].word);
    }
    if (starts & Dictionary::kActorStart) consider(d_.actors(), Cls::kActor, o_.actor_gap);
    if (starts & Dictionary::kNounStart) consider(d_.nouns(), Cls::kNoun, 0);
    if (starts & Dictionary::kAgentStart) consider(d_.agents(), Cls::kAgent, 0);
    if (starts & Dictionary::kVerbStart) consider(d_.verbs(), Cls::kVerb, 2);
    if (starts & Dictionary::kAdjectiveStart) consider(d_.adjectives(), Cls::kAdj, 0);
    Unit u;
    u.start = i;
    if (fixed != Cls::kNone && (best.cls == Cls::kNone || best.m.end <= i + 1)) {
      u.cls = fixed;
      u.end = i + 1;
    } else if (best.cls != Cls::kNone) {
      u.cls = best.cls;
      u.end = best.m.end;
      u.ref = best.m.payload;
    } else if (int32_t person = SurnameActor(i); person >= 0) {
      u.cls = Cls::kActor;
      u.end = i + 1;
      u.ref = person;
    } else {
      u.cls = s_.toks[i].word ? Cls::kNone : Cls::kPunct;
      u.end = i + 1;
    }
    if (u.cls == Cls::kVerb) {
      const VerbInfo& v = d_.verb(u.ref);
      // TABARI 7.4: a determiner before it, or a capital letter inside a mixed-case
      // sentence, makes the word a noun.
      bool after_det = i > 0 && (FixedClass(Norm(i - 1)) == Cls::kDet ||
                                 (o_.nouns_after_prepositions && NounContext(Norm(i - 1))));
      bool capital = i > 0 && Capitalised(i) && !all_caps_ && !title_case_;
      bool possessive = u.end < n_ && Norm(u.end) == "'S";
      if (after_det || capital || possessive) {
        u.cls = Cls::kNoun;
      } else if (d_.verb_block(v.block).patterns.empty()) {
        if (v.code.primary == "---") u.cls = Cls::kNoun;
        if (v.code.primary == "###") return SentenceOutcome::kDiscarded;
        if (v.code.primary == "+++") return SentenceOutcome::kComplex;
      }
      if (trace_ && u.cls == Cls::kVerb) trace_->OnVerb(v.text, v.rule);
    } else if (u.cls == Cls::kActor) {
      const auto& codes = d_.actor(u.ref).CodesFor(tmpl_.date);
      if (codes.empty() || codes[0] == "---") {
        u.cls = Cls::kNoun;
      } else if (codes[0] == "###") {
        return SentenceOutcome::kDiscarded;
      } else if (codes[0] == "+++") {
        return SentenceOutcome::kComplex;
      }
    }
    int index = static_cast<int>(s_.units.size());
    for (int k = u.start; k < u.end; ++k) {
      if (s_.unit_of[k] < 0) s_.unit_of[k] = index;
    }
    s_.units.push_back(u);
    i = u.end;
  }
  return SentenceOutcome::kCoded;
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
    ActorRef a;
    a.start = u.start;
    a.end = u.end;
    a.mem_begin = static_cast<int>(s_.members_used);
    Member& m = s_.NewMember();
    const AgentInfo& info = d_.agent(u.ref);
    if (o_.convert_agents) {
      // TABARI writes a converted agent with its connector: "~MIL", "NGO~".
      m.code = is_former(g) ? "~ELI" : info.prefix ? info.code + "~" : "~" + info.code;
    } else {
      m.code = "---";  // PETRARCH's null actor with the agent appended
      m.code += is_former(g) ? "ELI" : info.code;
    }
    m.start = u.start;
    m.end = u.end;
    m.rule = &info.rule;
    a.mem_end = static_cast<int>(s_.members_used);
    u.cls = Cls::kActor;
    u.from_agent = true;
    u.actor = static_cast<int>(s_.actors.size());
    s_.actors.push_back(a);
  }
}

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

// A modal right before the verb, or one word before it ("may yet reach", "will be
// expelled"), or READY / WILLING TO before it, unless negated ("would not attack" is not a threat).
bool SentenceCoder::AfterModal(int verb_token) const {
  // "is ready to contribute", "is willing to send": an offer, like "will".
  if (verb_token >= 2 && Norm(verb_token - 1) == "TO") {
    std::string_view w = Norm(verb_token - 2);
    if (w == "READY" || w == "WILLING" || w == "PREPARED" || w == "EAGER" || w == "KEEN")
      return true;
  }
  for (int back = 1; back <= 2 && verb_token - back >= 0; ++back) {
    std::string_view w = Norm(verb_token - back);
    if (IsNegation(w)) return false;
    // "Theresa May spoke": a capitalised MAY mid-sentence is a name.
    if (IsModal(w)) return !s_.toks[verb_token - back].cap || all_caps_ || verb_token - back == 0;
  }
  return false;
}

// "The United States announced it would prohibit all aid": a sanction announced or decided
// is imposed by the announcement, so it is not a threat.
bool SentenceCoder::AnnouncedDecision(int verb_token) const {
  for (int t = verb_token - 1; t >= 0 && t >= verb_token - 6; --t) {
    std::string_view w = Norm(t);
    if (w.starts_with("ANNOUNC") || w.starts_with("DECID")) return true;
    if (w == "," || w == ";" || w == "IF" || w == "UNLESS") return false;
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

// "if Assad used chemical weapons again", "unless the president agrees": the verb of a
// condition reports no event. The condition ends at a comma or a clause word.
bool SentenceCoder::InConditional(int verb_token) const {
  for (int t = verb_token - 1; t >= 0 && t >= verb_token - 12; --t) {
    std::string_view w = Norm(t);
    if (w == "IF" || w == "UNLESS") return true;
    if (w == "," || w == ";" || w == ":" || w == "THAT" || w == "AND" || w == "BUT" ||
        w == "WHILE" || w == "WHEN")
      return false;
  }
  return false;
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
    ActorRef a;
    a.start = u.start;
    a.end = u.end;
    a.mem_begin = static_cast<int>(s_.members_used);
    Member& m = s_.NewMember();
    m.code.assign(cc, 3);
    ComposeAgent(agent, &m.code);
    m.start = u.start;
    m.end = u.end;
    m.rule = &agent.rule;
    a.mem_end = static_cast<int>(s_.members_used);
    u.cls = Cls::kActor;
    u.from_agent = true;
    u.actor = static_cast<int>(s_.actors.size());
    s_.actors.push_back(a);
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
  if (s_.actors.empty()) return;
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
        }
        continue;
      }
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

// The agent unit that gave actor unit `unit` its role ("Ambassador" in "Russian
// Ambassador", "minister" in "Russia's foreign minister"), or -1.
int SentenceCoder::TitleOf(int unit) const {
  const Unit& u = s_.units[unit];
  if (u.from_agent) return unit;
  if (u.actor < 0) return -1;
  const ActorRef& a = s_.actors[u.actor];
  if (a.MemberCount() < 1) return -1;
  const Member& m = s_.members[a.mem_begin];
  for (int g = 0; g < static_cast<int>(s_.units.size()); ++g) {
    const Unit& agent = s_.units[g];
    if (agent.cls == Cls::kAgent && agent.agent_used && agent.start >= m.start &&
        agent.end <= m.end)
      return g;
  }
  return -1;
}

// The normalised words of tokens [from, to), space-separated (a view of scratch).
std::string_view SentenceCoder::UnitWords(int from, int to) {
  std::string& out = s_.title;
  out.clear();
  for (int t = from; t < to; ++t) {
    if (!out.empty()) out += ' ';
    out.append(Norm(t));
  }
  return out;
}

// "Russian Ambassador Georgy Zinoviev", "Russian Ambassador to South Korea Andrei Kulik":
// the token that ends the capitalised name right after title actor `unit` (past an optional
// "to|in|at <actor>"), or -1. A name the dictionary knows as a person is returned as
// *person_unit instead (token -1).
int SentenceCoder::NameAfter(int unit, int* person_unit) const {
  *person_unit = -1;
  const int count = static_cast<int>(s_.units.size());
  int k = unit + 1;
  while (k < count && s_.units[k].cls == Cls::kAgent && s_.units[k].agent_used) ++k;
  if (k + 1 < count && s_.units[k].cls == Cls::kPrep && s_.units[k + 1].cls == Cls::kActor) k += 2;
  if (k >= count) return -1;
  const Unit& next = s_.units[k];
  if (next.cls == Cls::kActor && !next.from_agent && next.ref >= 0 && d_.actor(next.ref).person) {
    *person_unit = k;
    return -1;
  }
  int last = -1;
  for (int j = k; j < count && j < k + 3; ++j) {
    const Unit& w = s_.units[j];
    // Capitalised words the dictionaries do not know, or know only as nouns ("Mark").
    const bool name_word = w.cls == Cls::kNone || w.cls == Cls::kNoun;
    if (!name_word || w.end != w.start + 1 || !s_.toks[w.start].cap ||
        !s_.toks[w.start].word || IsFunctionWord(Norm(w.start)))
      break;
    last = w.start;
  }
  return last;
}

void SentenceCoder::CollectCodes(const ActorRef& a) {
  s_.codes.resize(std::max<size_t>(s_.codes.size(), a.MemberCount()));
  for (int m = a.mem_begin; m < a.mem_end; ++m) s_.codes[m - a.mem_begin] = s_.members[m].code;
}

void SentenceCoder::NoteMentions() {
  if (all_caps_) return;
  const int sentence = tmpl_.sentence_index;
  for (int ui = 0; ui < static_cast<int>(s_.units.size()); ++ui) {
    const Unit& u = s_.units[ui];
    if (u.cls != Cls::kActor || u.actor < 0) continue;
    ActorRef& a = s_.actors[u.actor];
    if (a.pronoun || a.MemberCount() < 1 || IsSpecial(s_.members[a.mem_begin].code)) continue;
    CollectCodes(a);
    const std::span<const std::string> codes(s_.codes.data(), a.MemberCount());
    const bool dictionary_person = !u.from_agent && u.ref >= 0 && d_.actor(u.ref).person;
    const int title_unit = TitleOf(ui);
    if (title_unit < 0) {
      if (!dictionary_person || u.end - u.start < 2) continue;
      a.person = true;
      s_.memory.Note(codes, {}, Norm(u.end - 1), true, sentence);
      continue;
    }
    const Unit& t = s_.units[title_unit];
    // The surname: a title and name joined into one actor ends with it; else the name
    // follows the title.
    int person_unit = -1;
    int surname = dictionary_person && t.end < u.end ? u.end - 1 : NameAfter(ui, &person_unit);
    if (person_unit >= 0) {
      const Unit& p = s_.units[person_unit];
      const ActorRef& pa = s_.actors[p.actor];
      const bool same = pa.MemberCount() == a.MemberCount() &&
                        std::equal(codes.begin(), codes.end(), s_.members.begin() + pa.mem_begin,
                                   s_.members.begin() + pa.mem_end,
                                   [](const std::string& c, const Member& m) { return c == m.code; });
      if (same && p.end - p.start >= 2) surname = p.end - 1;
    }
    const std::string surname_text(surname >= 0 ? Norm(surname) : std::string_view());
    a.person = surname >= 0 || dictionary_person;
    s_.memory.Note(codes, UnitWords(t.start, t.end), surname_text, a.person, sentence);
  }
}

int SentenceCoder::ActorFromReferent(int unit, const entities::Referent& r, std::string_view why) {
  Unit& u = s_.units[unit];
  ActorRef a;
  a.start = u.start;
  a.end = u.end;
  a.person = r.person;
  a.mem_begin = static_cast<int>(s_.members_used);
  for (const std::string& code : r.Codes()) {
    Member& m = s_.NewMember();
    m.code = code;
    m.start = u.start;
    m.end = u.end;
  }
  a.mem_end = static_cast<int>(s_.members_used);
  a.compound = a.MemberCount() > 1;
  u.cls = Cls::kActor;
  u.actor = static_cast<int>(s_.actors.size());
  s_.actors.push_back(a);
  if (trace_) {
    for (const std::string& code : r.Codes()) {
      trace_->OnActor(sentence_.substr(s_.toks[u.start].start,
                                       s_.toks[u.end - 1].end - s_.toks[u.start].start),
                      code, why);
    }
  }
  return u.actor;
}

// The speaker of a quote in this sentence: the actor right before or after a reporting
// word ("..., the ambassador said", "summed up Kulik") or after "according to".
const entities::Referent* SentenceCoder::SentenceSpeaker() {
  const int count = static_cast<int>(s_.units.size());
  for (int k = 0; k < count; ++k) {
    const Unit& v = s_.units[k];
    std::string_view w = Norm(v.start);
    const bool according = w == "ACCORDING" && v.start + 1 < n_ && Norm(v.start + 1) == "TO";
    if (!according && !IsReportingWord(w) && !IsSpeechWord(w)) continue;
    // "the ambassador said", "he said"; inverted after a quote or comma: "..., summed up
    // Kulik"; "according to the ambassador".
    auto names_actor = [&](int unit) {
      const Unit& a = s_.units[unit];
      return a.actor >= 0 && (a.cls == Cls::kActor || a.cls == Cls::kPronoun);
    };
    int speaker = -1;
    if (!according && k > 0 && names_actor(k - 1)) speaker = k - 1;
    const bool inverted = according || k == 0 || s_.units[k - 1].cls == Cls::kComma ||
                          s_.units[k - 1].cls == Cls::kPunct;
    int after = k + 1;
    while (after < count && s_.units[after].end == s_.units[after].start + 1 &&
           (Norm(s_.units[after].start) == "UP" || Norm(s_.units[after].start) == "TO" ||
            Norm(s_.units[after].start) == "THE"))
      ++after;
    if (speaker < 0 && inverted && after < count && names_actor(after)) speaker = after;
    if (speaker < 0 || s_.units[speaker].actor < 0) continue;
    const ActorRef& a = s_.actors[s_.units[speaker].actor];
    if (a.MemberCount() < 1 || IsSpecial(s_.members[a.mem_begin].code)) continue;
    CollectCodes(a);
    s_.memory.SetSpeaker(std::span<const std::string>(s_.codes.data(), a.MemberCount()),
                         tmpl_.sentence_index);
    return s_.memory.Speaker(tmpl_.sentence_index, 0);
  }
  return nullptr;
}

// Quoted "we", "our", "I": the speaker of this sentence's reporting clause, or of the
// quote the previous sentence opened. Runs after Coreference, so that "he said" names
// its speaker.
void SentenceCoder::ResolveQuotedSpeakers() {
  if (all_caps_) return;
  const int sentence = tmpl_.sentence_index;
  const int count = static_cast<int>(s_.units.size());
  const entities::Referent* speaker = SentenceSpeaker();
  const bool opens_with_quote =
      !sentence_.empty() && (sentence_[0] == '"' || sentence_.starts_with("\xE2\x80\x9C") ||
                             sentence_.starts_with("\xE2\x80\x9D") || sentence_[0] == '\'');
  if (speaker == nullptr && opens_with_quote) speaker = s_.memory.Speaker(sentence, 1);
  if (speaker == nullptr) return;
  for (int ui = 0; ui < count; ++ui) {
    Unit& u = s_.units[ui];
    if (u.end != u.start + 1 || (u.cls != Cls::kNone && u.cls != Cls::kPronoun)) continue;
    std::string_view w = Norm(u.start);
    const bool first_person = w == "WE" || w == "OUR" || w == "I" || w == "MY" ||
                              (w == "US" && ShortNotCapitals(u.start));
    if (!first_person) continue;
    ActorFromReferent(ui, *speaker, "document: speaker");
  }
}

void SentenceCoder::ResolveShortMentions() {
  if (all_caps_) return;
  const int sentence = tmpl_.sentence_index;
  const int count = static_cast<int>(s_.units.size());
  for (int ui = 0; ui < count; ++ui) {
    Unit& u = s_.units[ui];
    if (u.cls == Cls::kAgent && !u.agent_used && u.start > 0 && Norm(u.start - 1) == "THE") {
      // "the ambassador said": the official the article named with that title.
      if (const auto* r = s_.memory.ByTitle(UnitWords(u.start, u.end))) {
        ActorFromReferent(ui, *r, "document: title");
        u.from_agent = true;
        s_.memory.Mention(r, sentence);
      }
    } else if (u.cls == Cls::kNone && u.end == u.start + 1 && s_.toks[u.start].cap &&
               s_.toks[u.start].word) {
      // "Kulik said": a surname the article gave with a title (in an earlier sentence:
      // in this one it is part of the full mention).
      const auto* r = s_.memory.BySurname(Norm(u.start));
      if (r != nullptr && r->sentence < sentence) {
        ActorFromReferent(ui, *r, "document: surname");
        s_.memory.Mention(r, sentence);
      }
    }
  }
}

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

// ---- clause matching ------------------------------------------------------------------

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
        int actor = s_.units[s_.unit_of[s_.seq[r]]].actor;
        // The first actor in the right place is the one: if it does not fit, fail.
        if (it.kind == Kind::kCompound && !s_.actors[actor].compound) return false;
        Binding saved = *b;
        b->Bind(it.kind, actor);
        if (MatchUp(p, k + 1, s_.seq_actor_end[r], it.adjacent_to_next, b)) return true;
        *b = saved;
        return false;
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
        int actor = s_.units[s_.unit_of[s_.seq[start]]].actor;
        if (it.kind == Kind::kCompound && !s_.actors[actor].compound) return false;
        Binding saved = *b;
        b->Bind(it.kind, actor);
        if (MatchDown(p, k - 1, start, false, b)) return true;
        *b = saved;
        return false;
      }
      case Kind::kVerb:
        return false;
    }
  }
  return false;
}

bool SentenceCoder::HasActorAfter(int q) const { return s_.seq_last_actor >= q; }

bool SentenceCoder::HasActorBefore(int q) const {
  return s_.seq_first_actor >= 0 && s_.seq_first_actor < q;
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

void SentenceCoder::MakeEvents(int source, int target, const std::string& default_source,
                               const std::string& default_target, const dict::EventCode& code,
                               const std::string& rule, const Unit& verb,
                               std::vector<Event>* events, bool partial) {
  auto span_of = [&](int member, ActorSpan* span) {
    const Member& m = s_.members[member];
    span->code = m.code;
    if (m.start >= 0) {
      span->start = static_cast<int32_t>(s_.toks[m.start].start);
      span->end = static_cast<int32_t>(s_.toks[m.end - 1].end);
      span->text = std::string(sentence_.substr(span->start, span->end - span->start));
    }
  };
  if (o_.skip_conditionals && InConditional(verb.start)) return;
  const bool future = o_.future_as_intent && AfterModal(verb.start);
  auto emit = [&](const ActorSpan& src, const ActorSpan& tgt, const std::string& coded) {
    if (src.code == tgt.code && !(partial && src.code.empty())) return;
    bool decided = future && coded.starts_with("16") && AnnouncedDecision(verb.start);
    std::string_view intent = future && !decided ? IntentCode(coded) : std::string_view();
    const std::string& c = intent.empty() ? coded : s_.scratch_code.assign(intent);
    for (const Event& e : *events) {
      if (e.source.code == src.code && e.target.code == tgt.code && e.code == c) return;
    }
    Event e = tmpl_;
    e.sentence = std::string(sentence_);
    e.source = src;
    e.target = tgt;
    e.code = c;
    e.root = c.substr(0, std::min<size_t>(2, c.size()));
    if (const CameoCode* cc = LookupCameo(c)) {
      e.quad_class = cc->quad_class;
      e.goldstein = cc->goldstein;
    }
    e.verb.start = static_cast<int32_t>(s_.toks[verb.start].start);
    e.verb.end = static_cast<int32_t>(s_.toks[verb.end - 1].end);
    e.verb.text = std::string(sentence_.substr(e.verb.start, e.verb.end - e.verb.start));
    e.rule = rule;
    events->push_back(std::move(e));
  };
  auto spans = [&](int actor, const std::string& fallback, std::vector<ActorSpan>* out) {
    if (actor < 0) {
      ActorSpan s;
      s.code = fallback;
      out->push_back(s);
      return;
    }
    const ActorRef& a = s_.actors[actor];
    for (int m = a.mem_begin; m < a.mem_end; ++m) {
      ActorSpan s;
      span_of(m, &s);
      out->push_back(std::move(s));
    }
  };
  std::vector<ActorSpan> sources, targets;
  spans(source, default_source, &sources);
  spans(target, default_target, &targets);
  if (source >= 0 && source == target) {
    // '%' or a compound with no other target: events among its members; with a paired
    // code each pair once each way (TABARI 5.7.3, 6.6.3).
    for (size_t i = 0; i < sources.size(); ++i) {
      for (size_t j = i + 1; j < sources.size(); ++j) {
        emit(sources[i], sources[j], code.primary);
        emit(sources[j], sources[i], code.paired.empty() ? code.primary : code.paired);
      }
    }
    return;
  }
  for (const auto& src : sources) {
    for (const auto& tgt : targets) {
      emit(src, tgt, code.primary);
      if (!code.paired.empty()) emit(tgt, src, code.paired);
    }
  }
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
    const bool relative = first_word < b && (Norm(first_word) == "WHO" || Norm(first_word) == "WHICH" ||
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
        const VerbResult r = CodeVerb(s_.unit_of[s_.seq[q]], q, vq1, ClauseContext{},
                                      &used_source, &used_target, &fired, &found);
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

// Issue phrases anywhere in the sentence label all of its events ("NUCLEAR;REFUGEES").
void SentenceCoder::AttachIssues(size_t first_event) {
  std::string& issues = s_.buffer;
  issues.clear();
  PhraseTrie::Match m;
  for (int i = 0; i < n_; ++i) {
    bool possible = false;
    for (uint32_t k = s_.begin[i]; k < s_.begin[i + 1] && !possible; ++k) {
      possible = d_.starts(s_.matches[k].word) & Dictionary::kIssueStart;
    }
    if (!possible || !d_.issues().LongestAt(sw_, i, 0, &m)) continue;
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

// Parses the sentence (only sentences the patterns found events in) and applies the tree
// stage's verdicts to its events [first, end).
void Coder::CheckRolesAgainstTree(CoderScratch::Impl& impl, size_t first,
                                  std::vector<Event>* events, CoderTrace* trace) const {
  if (impl.tree == nullptr || &impl.tree->analyzer.model() != options_.syntax_model.get()) {
    impl.tree = std::make_unique<tree_roles::Scratch>(options_.syntax_model);
  }
  tree_roles::ParseSentence(impl.ts, impl.tree.get());
  if (trace) {
    std::string listing;
    frames::AppendTrace(impl.tree->layers.frames, &listing);
    trace->OnTree(listing);
  }
  // Applies the tree's verdict to `e`; false when the event is dropped.
  auto judged = [&](Event& e) {
    std::string_view refusal;
    const tree_roles::Verdict v = tree_roles::Judge(*impl.tree, e, &refusal);
    if (trace) trace->OnTreeVerdict(e, tree_roles::VerdictName(v));
    if (v == tree_roles::Verdict::kSwap) {
      std::swap(e.source, e.target);
    } else if (v == tree_roles::Verdict::kRefusal) {
      if (const CameoCode* cc = LookupCameo(refusal)) {
        e.code.assign(refusal);
        e.root.assign(refusal.substr(0, 2));
        e.quad_class = cc->quad_class;
        e.goldstein = cc->goldstein;
      }
    } else if (v != tree_roles::Verdict::kKeep) {
      return false;
    }
    return true;
  };
  size_t kept = first;
  for (size_t i = first; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (!judged(e)) continue;
    if (kept != i) (*events)[kept] = std::move(e);
    ++kept;
  }
  events->resize(kept);
  // Events whose pattern fired without a source or target get the missing role from the
  // verb's frame; those complete are judged like the others and kept unless the sentence
  // already has the same event.
  if (!impl.partial.empty()) {
    impl.actor_spans.clear();
    for (const ActorRef& a : impl.actors) {
      for (int m = a.mem_begin; m < a.mem_end; ++m) {
        const Member& mem = impl.members[m];
        if (mem.start < 0 || IsSpecial(mem.code)) continue;
        ActorSpan span;
        span.code = mem.code;
        span.start = static_cast<int32_t>(impl.toks[mem.start].start);
        span.end = static_cast<int32_t>(impl.toks[mem.end - 1].end);
        impl.actor_spans.push_back(std::move(span));
      }
    }
    for (Event& e : impl.partial) {
      if (!tree_roles::CompleteRoles(*impl.tree, impl.actor_spans, &e)) continue;
      bool seen = false;
      for (size_t i = first; i < events->size() && !seen; ++i) {
        const Event& o = (*events)[i];
        seen = o.source.code == e.source.code && o.target.code == e.target.code && o.code == e.code;
      }
      if (seen || !judged(e)) continue;
      for (ActorSpan* span : {&e.source, &e.target}) {
        span->text.assign(std::string_view(e.sentence).substr(span->start, span->end - span->start));
      }
      if (trace) trace->OnTreeVerdict(e, "roles completed from the parse");
      events->push_back(std::move(e));
    }
  }
  PairJointActors(impl.tree.get(), first, events);
}

// "Peru and Chile signed an agreement": the patterns give each member as a source with no
// target; mutual cooperation among coordinated agents is each towards the others.
void Coder::PairJointActors(tree_roles::Scratch* tree, size_t first,
                            std::vector<Event>* events) const {
  const size_t end = events->size();
  std::vector<size_t>& group = tree->group;
  for (size_t i = first; i < end; ++i) {
    if (!(*events)[i].target.code.empty()) continue;
    group.assign(1, i);
    for (size_t j = i + 1; j < end; ++j) {
      if (tree_roles::JointCooperation(*tree, (*events)[i], (*events)[j])) group.push_back(j);
    }
    if (group.size() < 2) continue;
    std::vector<ActorSpan> members;
    for (size_t k : group) members.push_back((*events)[k].source);
    // Each member keeps its event, aimed at the next member; the other pairs are added.
    for (size_t g = 0; g < group.size(); ++g) {
      (*events)[group[g]].target = members[(g + 1) % members.size()];
    }
    for (size_t g = 0; g < group.size(); ++g) {
      for (size_t h = 0; h < members.size(); ++h) {
        if (h == g || h == (g + 1) % members.size()) continue;
        Event extra = (*events)[group[g]];
        extra.target = members[h];
        events->push_back(std::move(extra));
      }
    }
  }
}

SentenceOutcome Coder::CodeSentence(std::string_view sentence, const Event& event_template,
                                    CoderScratch* scratch, std::vector<Event>* events,
                                    CoderTrace* trace) const {
  size_t first = events->size();
  scratch->impl_->partial.clear();
  SentenceCoder sc(*dict_, options_, *scratch->impl_, sentence, event_template, events, trace);
  SentenceOutcome outcome = sc.Run();
  if (outcome != SentenceOutcome::kCoded) events->resize(first);
  const bool completable =
      outcome == SentenceOutcome::kNoEvent && !scratch->impl_->partial.empty();
  if ((outcome == SentenceOutcome::kCoded || completable) && options_.roles_from_tree &&
      options_.syntax_model != nullptr) {
    CheckRolesAgainstTree(*scratch->impl_, first, events, trace);
    outcome = events->size() == first ? SentenceOutcome::kNoEvent : SentenceOutcome::kCoded;
  }
  if (trace) {
    for (size_t i = first; i < events->size(); ++i) trace->OnEvent((*events)[i]);
    trace->OnOutcome(outcome, "");
  }
  return outcome;
}

void Coder::CodeDocument(const Document& doc, CoderScratch* scratch, std::vector<Event>* events,
                         CoderTrace* trace, std::vector<std::string>* warnings) const {
  CoderScratch::Impl& impl = *scratch->impl_;
  auto& sentences = impl.sentences;
  impl.surnames.clear();
  impl.memory.Clear();
  SplitSentencesForCoding(doc.text, &sentences, &impl.long_sentences);
  auto warn = [&](uint32_t offset, const std::string& what) {
    if (warnings == nullptr) return;
    std::string w;
    if (!doc.origin.empty()) {
      w = doc.origin;
      if (doc.origin_line > 0) w += ":" + std::to_string(doc.origin_line);
      w += ": ";
    }
    w += "document " + doc.id + ": sentence at byte " + std::to_string(offset) + " " + what;
    warnings->push_back(std::move(w));
  };
  for (const LongSentence& l : impl.long_sentences) {
    warn(l.start, "has " + std::to_string(l.tokens) + " tokens, more than the " +
                      std::to_string(kMaxSentenceTokens) + " the coder takes; coded as " +
                      std::to_string(l.pieces) + (l.pieces == 1 ? " piece" : " pieces"));
  }
  Event tmpl;
  tmpl.doc_id = doc.id;
  tmpl.date = doc.date;
  const size_t doc_first = events->size();
  impl.story_discarded = false;
  for (size_t i = 0; i < sentences.size(); ++i) {
    tmpl.sentence_index = static_cast<int32_t>(i);
    std::string_view sentence = std::string_view(doc.text).substr(
        sentences[i].start, sentences[i].end - sentences[i].start);
    if (CodeSentence(sentence, tmpl, scratch, events, trace) == SentenceOutcome::kTooLong) {
      // Only a single word of hundreds of hyphenated pieces gets here.
      warn(sentences[i].start,
           "is one word of more than " + std::to_string(kMaxSentenceTokens) + " pieces; skipped");
    }
    if (impl.story_discarded) {
      // PETRARCH: a "+" discard phrase in any sentence discards the whole story, the
      // events of the sentences before it included.
      events->resize(doc_first);
      break;
    }
  }
}

}  // namespace parley
