// Frames: the syntax-only stages of the coder (issue 11), as pure functions of a parsed
// sentence.
//
// - Stage 2, Phrases: noun groups (a nominal head, its modifiers, its possessor, apposition
//   and of/from/to sub-groups, its conjuncts), locative flags, and verb groups (tense,
//   modality, negation, voice, passive agent).
// - Stage 3, Frames: one frame per event-bearing predicate (every verb, and nouns such as
//   "attack" or "talks") with its agent, patient, recipient and obliques, controlled
//   complements, shared subjects of conjoined verbs, relative and participle clauses, the
//   governing speech verb, the condition, and a mood summary.
//
// Each layer is written once and only read by later ones. All outputs are caller-owned
// structs that are cleared and refilled on every call, so one set of them per thread
// allocates nothing once grown. Word numbers in the outputs are 0-based positions in
// ParsedSentence::words; -1 means "none". Design, tables and rules: docs/frames.md.
#ifndef PARLEY_FRAMES_H_
#define PARLEY_FRAMES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"
#include "parley/syntax.h"

namespace parley::frames {

// ---------------------------------------------------------------------------------------
// Input: one parsed sentence, as views into strings owned elsewhere.

struct ParsedWord {
  std::string_view form, lemma, upos, xpos, feats, deprel;
  int head = 0;  // 1-based as in CoNLL-U, 0 = root; anything else is repaired (see Tree)
  uint32_t start = 0, end = 0;  // byte offsets into the sentence text (0/0 from CoNLL-U)
};

// words[i] is word i + 1 of the CoNLL-U numbering.
struct ParsedSentence {
  std::vector<ParsedWord> words;
};

// Views into `sentence`, which must outlive the result and not change.
ParsedSentence FromConllu(const syntax::Sentence& sentence);
void FromConllu(const syntax::Sentence& sentence, ParsedSentence* out);

// Fills `out` (cleared first) from `analyzer` after analyzer.Analyze(words): tags, lemmas,
// heads and relations are views into the analyzer (valid until its next Analyze), forms and
// offsets come from `words` (which must outlive `out`). `words` is what was analyzed; if the
// sizes differ anyway, only the common prefix is used.
void FromAnalyzer(const syntax::Analyzer& analyzer, const std::vector<syntax::WordSpan>& words,
                  ParsedSentence* out);

// ---------------------------------------------------------------------------------------
// The tree: heads checked once and children lists precomputed.

struct Tree {
  // head[i]: 0-based head of word i, -1 for a root. A head out of range, a self loop or an
  // arc closing a cycle becomes a root (and is counted in repaired_heads).
  std::vector<int> head;
  std::vector<int> depth;             // 0 for roots
  std::vector<int> order;             // every word, parents before children (breadth-first)
  std::vector<uint32_t> first_child;  // children of i: child_list[first_child[i] .. [i+1])
  std::vector<int> child_list;        // each word's children in word order
  int repaired_heads = 0;

  std::span<const int> Children(int word) const {
    return std::span<const int>(child_list)
        .subspan(first_child[word], first_child[word + 1] - first_child[word]);
  }
  int size() const { return static_cast<int>(head.size()); }

  std::vector<int> path_;  // scratch for cycle checks
};

// Fills `tree` from `sentence` (never fails: bad heads are repaired and counted).
void BuildTree(const ParsedSentence& sentence, Tree* tree);

// ---------------------------------------------------------------------------------------
// Stage 2: phrases.

// How a member word belongs to its noun group (the relation of the member, or of the member
// it hangs from, to the group head).
enum class MemberRole : uint8_t { kCompound, kAmod, kFlat, kDet, kNummod, kOther };

struct GroupMember {
  int word = -1;
  int attach = -1;  // the word it depends on (the head or another member)
  MemberRole role = MemberRole::kOther;
  bool coordinated = false;     // reached through conj: "Japanese and Chinese officials"
  bool possible_place = false;  // PROPN compound of an eventive noun: "the Vienna talks"
};

// How a noun group hangs from the group its head's governor belongs to.
enum class LinkKind : uint8_t {
  kNone,       // a top group: its head is not attached to another group's word
  kPossessor,  // nmod:poss: "Ukraine's president"
  kAppos,      // appos: "Andrei Kulik, the ambassador"
  kPart,       // nmod with case of/from/to: part of the parent's actor phrase
  kNmod,       // other nmod: "attack on Ukraine", "the Embassy in Beijing"
  kConjunct,   // conj: "A and B" (B is a conjunct of A)
};

// Whether the group may name a place the event happened in.
enum class Locative : uint8_t {
  kNone,
  kPreposition,  // obl/nmod with a locative case (in, at, near, via, ...): see docs/frames.md
};

struct NounGroup {
  int head = -1;
  int first = -1, last = -1;  // words of head and members (inclusive)
  // The whole actor phrase: this group and its possessor, appos and of/from/to sub-groups
  // (recursively), with their case words. "Russian Ambassador to South Korea Andrei Kulik".
  int extent_first = -1, extent_last = -1;
  uint32_t members_begin = 0, members_end = 0;  // Phrases::members
  uint32_t links_begin = 0, links_end = 0;      // Phrases::links: groups hanging from this one
  int parent = -1;                              // group this one hangs from (see link)
  LinkKind link = LinkKind::kNone;
  int case_word = -1;            // the head's case dependent ("to", "in", "'s"), if any
  std::string_view preposition;  // lemma of case_word, lowercase as in the sentence; or ""
  std::string_view relation;     // deprel of the head
  Locative locative = Locative::kNone;
  bool eventive = false;  // the head is an eventive noun (a noun frame; see frames.cc)
};

enum class Tense : uint8_t { kNone, kPast, kPresent, kFuture };
enum class Voice : uint8_t { kActive, kPassive };

// Where a verb group's modality comes from.
enum class ModalSource : uint8_t {
  kNone,
  kAuxiliary,  // will, would, may, might, could, can, should, must, shall
  kReadiness,  // xcomp of "be ready|willing|prepared|set to"
  kIntention,  // xcomp of plan, intend, want, threaten, vow, pledge, decide, ...
  kRefusal,    // xcomp of refuse, decline, fail: the event did not happen
};

enum class VerbMemberRole : uint8_t { kAux, kAuxPass, kCop, kMark, kNegation, kParticle };

struct VerbMember {
  int word = -1;
  VerbMemberRole role = VerbMemberRole::kAux;
};

struct VerbGroup {
  int head = -1;  // the content verb (or the predicate of a copula)
  std::string_view lemma;
  uint32_t members_begin = 0, members_end = 0;  // Phrases::verb_members
  Tense tense = Tense::kNone;
  ModalSource modal_source = ModalSource::kNone;
  int modal_word = -1;     // the auxiliary or the governing word ("ready", "plan")
  std::string_view modal;  // its lemma
  bool negated = false;    // not, n't, never, neither/nor on this verb
  int negation_word = -1;
  Voice voice = Voice::kActive;
  int agent_group = -1;  // passive agent: obl:agent, or obl with "by" under a passive
  bool copular = false;
};

struct Phrases {
  std::vector<NounGroup> groups;  // in head word order
  std::vector<GroupMember> members;
  std::vector<int> links;        // group ids, grouped by parent (NounGroup::links_begin/end)
  std::vector<VerbGroup> verbs;  // in head word order
  std::vector<VerbMember> verb_members;
  std::vector<int> group_of_word;  // group id of a head or member word, else -1
  std::vector<int> verb_of_word;   // verb group id of a verb group's head, else -1

  std::vector<int> scratch_;  // reused by BuildPhrases
};

// Stage 2. Fills `out` (cleared first) from a sentence and its tree (built from it).
void BuildPhrases(const ParsedSentence& sentence, const Tree& tree, Phrases* out);

// ---------------------------------------------------------------------------------------
// Stage 3: clauses and frames.

enum class ArgRole : uint8_t { kAgent, kPatient, kRecipient, kOblique };

// How an argument was found.
enum class ArgSource : uint8_t {
  kDirect,        // a dependent of the predicate (nsubj, obj, obl, nmod, ...)
  kPassiveAgent,  // obl:agent or "by" under a passive
  kControl,       // the controller of an xcomp (or the subject of a governing clause)
  kShared,        // the subject of the first of conjoined verbs
  kRelative,      // the noun a relative clause modifies (a relative pronoun or a gap)
  kParticiple,    // the noun a participle clause modifies
  kModifier,      // an amod or PROPN compound of an eventive noun: "Russian attack"
  kInverted,      // the subject after an inverted speech verb, parsed as its object
};

struct Argument {
  ArgRole role = ArgRole::kAgent;
  ArgSource source = ArgSource::kDirect;
  int group = -1;                // the noun group (of the conjunct); -1 for a modifier word
  int word = -1;                 // the group's head, or the modifier word
  std::string_view preposition;  // case lemma for obliques and noun-frame arguments, or ""
  bool locative = false;
  uint8_t conjunct = 0;       // 0 for the first conjunct, 1.. for the ones coordinated with it
  bool from_subject = false;  // filled the predicate's subject position
};

enum class PredicateKind : uint8_t { kVerb, kNoun };

enum class ClauseKind : uint8_t {
  kMain,        // a root, or conjoined with one
  kControlled,  // xcomp
  kComplement,  // ccomp, csubj
  kRelative,    // acl:relcl
  kParticiple,  // acl (reduced relative)
  kAdverbial,   // advcl
  kCondition,   // advcl with if, unless, provided
  kNominal,     // a noun frame
  kOther,
};

enum class Mood : uint8_t { kAsserted, kNegated, kModal, kConditional, kHypothetical, kIntended };

// Mood evidence bits; Frame::mood is the summary (negated > hypothetical > conditional >
// intended > modal > asserted).
enum MoodFlag : uint16_t {
  kMoodNegated = 1 << 0,             // negation on the predicate ("no talks" for nouns)
  kMoodModal = 1 << 1,               // a modal auxiliary
  kMoodConditional = 1 << 2,         // the frame has a condition clause
  kMoodHypothetical = 1 << 3,        // the frame is a condition clause
  kMoodIntended = 1 << 4,            // xcomp of an intention or readiness word
  kMoodRefused = 1 << 5,             // xcomp of refuse, decline, fail
  kMoodInheritedNegation = 1 << 6,   // a governing clause is negated or refused
  kMoodInheritedIntent = 1 << 7,     // a governing clause is intended or modal
  kMoodInheritedCondition = 1 << 8,  // a governing clause is conditional or hypothetical
};

struct Frame {
  int predicate = -1;  // word
  PredicateKind kind = PredicateKind::kVerb;
  std::string_view lemma;
  int verb_group = -1;                    // Phrases::verbs, for verb frames
  int noun_group = -1;                    // Phrases::groups, for noun frames
  uint32_t args_begin = 0, args_end = 0;  // Frames::arguments
  ClauseKind clause = ClauseKind::kMain;
  std::string_view relation;  // deprel of the predicate
  int governor = -1;          // frame of the nearest predicate above this one
  int conjunct_of = -1;       // frame of the verb this one is conjoined with
  int controller_frame = -1;  // for xcomp: the governing frame
  int relative_head = -1;     // relative/participle clause: the noun it modifies (word)
  // Reported speech: the speech or cognition frame this one is reported under (directly or
  // through a clause that is), and that frame's subject.
  bool reported = false;
  int speech_frame = -1;
  int speaker_group = -1;
  bool is_speech = false;    // the predicate is a speech or cognition verb
  int condition_frame = -1;  // the if/unless clause of this frame
  Mood mood = Mood::kAsserted;
  uint16_t mood_flags = 0;
  int modal_word = -1;     // the modal auxiliary or the intention/readiness/refusal word
  std::string_view modal;  // its lemma
};

struct Frames {
  std::vector<Frame> frames;  // in predicate word order
  std::vector<Argument> arguments;
  std::vector<int> frame_of_word;  // frame id of a predicate word, else -1
  // The inputs this was built from, for AppendTrace; they must outlive this object's use.
  const ParsedSentence* sentence = nullptr;
  const Phrases* phrases = nullptr;

  std::span<const Argument> Args(const Frame& f) const {
    return std::span<const Argument>(arguments).subspan(f.args_begin, f.args_end - f.args_begin);
  }
  std::vector<int> scratch_;  // reused by BuildFrames
};

// Stage 3. Fills `out` (cleared first) from a sentence, its tree and its phrases.
void BuildFrames(const ParsedSentence& sentence, const Tree& tree, const Phrases& phrases,
                 Frames* out);

// All three layers of one sentence; one per thread, reused.
struct SentenceFrames {
  Tree tree;
  Phrases phrases;
  Frames frames;
};

// BuildTree, BuildPhrases and BuildFrames in turn.
void Analyze(const ParsedSentence& sentence, SentenceFrames* out);

// Checks that every id and word number in `layers` (built from `sentence`) is in range and
// consistent (group heads and members map back to their group, frames to their predicate,
// arguments to their group's head, a frame is reported exactly when it has a speech frame).
// Corruption naming the first inconsistency.
Status Validate(const ParsedSentence& sentence, const SentenceFrames& layers);

// Appends a readable listing of the phrases and frames (for `parley explain`).
void AppendTrace(const Frames& frames, std::string* out);

// Names for traces and tests.
std::string_view MoodName(Mood mood);
std::string_view ArgRoleName(ArgRole role);
std::string_view ClauseKindName(ClauseKind kind);

}  // namespace parley::frames

#endif  // PARLEY_FRAMES_H_
