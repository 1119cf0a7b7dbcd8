// Roles from the tree: the news profile's check of each event the pattern coder found in a
// sentence against the sentence's dependency parse and frames (src/frames/).
//
// The pattern coder reads who did what to whom from word order; the parse knows the
// clause structure. For each event this stage finds the frame of its verb and decides,
// from positive evidence only (an event the parse says nothing against is kept):
// - mood: a negated, refused or hypothetical (if/unless) predicate yields no event, unless
//   the dictionary pattern itself spans the negation or the code is already a refusal;
// - roles: a source found in the patient position and a target found as the agent are
//   swapped (passives the patterns read forwards); a target that is the frame's agent
//   while the source is not an argument at all, a target that is only a place ("talks in
//   Geneva"), and a source that belongs to another clause's arguments while this frame has
//   its own agent ("the minister, who met X, criticised Y") yield no event.
// The stage only reads the earlier layers (tokens, tree, phrases, frames) and writes its
// verdicts; the coder applies them to the sentence's events.
#ifndef PARLEY_CODER_TREE_ROLES_H_
#define PARLEY_CODER_TREE_ROLES_H_

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "parley/event.h"
#include "parley/frames.h"
#include "parley/syntax.h"
#include "parley/text.h"

namespace parley::tree_roles {

enum class Verdict : uint8_t {
  kKeep,           // consistent with the parse, or the parse has nothing to say
  kRefusal,        // a refused or ruled-out cooperative act: recoded as its CAMEO refusal
  kSwap,           // source and target were read in the wrong order (a passive)
  kNegated,        // the predicate is negated or refused
  kHypothetical,   // the predicate is inside an if/unless condition
  kTargetIsAgent,  // the target is the one acting; the source is no argument of the verb
  kTargetIsPlace,  // the target is only where it happened
  kForeignSource,  // the source is an argument of another clause; this one has its own agent
  kAudience,       // a statement "to" reporters or the press: the media are the audience
};

// A short reason for traces: "negated predicate 'attack'", ...
std::string_view VerdictName(Verdict verdict);

// Per-thread working memory: the analyzer and the layers of the current sentence.
struct Scratch {
  explicit Scratch(std::shared_ptr<const syntax::Model> model);
  syntax::Analyzer analyzer;
  std::vector<syntax::WordSpan> words;
  frames::ParsedSentence parsed;
  frames::SentenceFrames layers;
  std::vector<size_t> group;  // scratch for pairing joint actors
};

// Parses `tokens` (the coder's tokenisation of the sentence) into `scratch`'s layers.
void ParseSentence(const text::TokenizedSentence& tokens, Scratch* scratch);

// The verdict on `event` (offsets into the sentence that was parsed last). For kRefusal,
// `refusal_code` (may be null) gets the code the event becomes (a static string).
Verdict Judge(const Scratch& scratch, const Event& event, std::string_view* refusal_code = nullptr);

// Fills the missing source or target of `event` from the frame of its verb: a pattern
// fired but word order found no actor for one role ("the ambassador, who met Ukraine's
// president, ..." has no actor before "met"). The source is the frame's agent (a direct or
// passive subject, the noun a relative clause modifies, a controller); the target its
// patient, recipient or a non-locative oblique. A role is taken from `actors` (the
// sentence's actor phrases, byte offsets into the parsed sentence): the one that holds the
// argument's head word, else the first inside the argument's phrase. Returns true when
// both roles are then filled with different codes.
bool CompleteRoles(const Scratch& scratch, std::span<const ActorSpan> actors, Event* event);

// True when `a` and `b` (same verb, no target) have sources that are different coordinated
// agents of the verb's frame ("Peru and Chile signed an agreement"), and the code is a
// cooperative one (roots 03-06), which among joint actors is mutual: the coder then codes
// each member towards the others.
bool JointCooperation(const Scratch& scratch, const Event& a, const Event& b);

// The CAMEO refusal of a cooperative code ("036" -> "125", "0234" ... -> "122"), or "" when
// the code is not cooperative (conflict codes have no refusal: ruled out, they are no event).
std::string_view RefusalOf(std::string_view code);

}  // namespace parley::tree_roles

#endif  // PARLEY_CODER_TREE_ROLES_H_
