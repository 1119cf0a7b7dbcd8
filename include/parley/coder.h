// Coder: sparse-parse event coding (TABARI's approach, our implementation).
//
// A Coder holds a compiled Dictionary and options; it is immutable and may be shared by
// any number of threads. Each thread passes its own CoderScratch, which keeps every
// buffer the coder needs between sentences so that the hot path does not allocate.
#ifndef PARLEY_CODER_H_
#define PARLEY_CODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"
#include "parley/text.h"

namespace parley {

class Dictionary;
namespace syntax {
class Model;
}  // namespace syntax
namespace tree_roles {
struct Scratch;
}  // namespace tree_roles

// TABARI "SET: CODE BY ...": when the coder stops looking for events.
enum class CodeBy : uint8_t {
  kClause,    // first event of each conjunction-delimited clause (default)
  kSentence,  // first event of the sentence
  kAll,       // every verb that yields an event
};

// A coding profile: the conventions the coder follows for one kind of input. Each sets
// the fields of CoderOptions marked "profile" below, all in one place (ApplyProfile); the
// other fields are per-run or per-record options (TABARI .options lines, PETRARCH
// <Config>) applied on top. README.md ("Coding profiles") tables every field.
enum class Profile : uint8_t {
  kTabari,    // TABARI 0.8: MINIMUM WORDS 8, compound pairs, agents only next to an actor
  kPetrarch,  // PETRARCH: lone agents coded "---AGENT", compound pairs
  kNews,      // parley's news conventions (the default for plain text and JSONL)
};

// "tabari", "petrarch", "news" (the --profile names). InvalidArgument otherwise.
Status ParseProfile(std::string_view name, Profile* profile);
std::string_view ProfileName(Profile profile);

// Coding options. The defaults are the news profile's (OptionsForProfile(Profile::kNews)
// equals CoderOptions{}). A TABARI .options file or single option lines can be applied
// with ReadTabariOptions / ApplyTabariOption.
struct CoderOptions {
  // Which profile set the profile fields (ApplyProfile records it).
  Profile profile = Profile::kNews;

  CodeBy code_by = CodeBy::kClause;

  // COMPLEX: a sentence meeting any active condition produces no events (outcome
  // kComplex). 0 / false = inactive.
  int complex_verbs = 0;                // VERBS[n]: n or more verbs
  int complex_actors = 0;               // ACTORS[n]
  int complex_pronouns = 0;             // PRONOUNS[n]
  int complex_conj = 0;                 // CONJ[n]: n or more clause conjunctions
  bool complex_no_actor_prior = false;  // NOACTPRIOR: no actor before the first verb
  bool complex_no_actor_after = false;  // NOACTAFTER
  bool complex_no_verb = false;         // NOVERB

  // DEFAULT: codes used when no source / target is found. With `default_source_prior`
  // the default source replaces any source found after the verb; with
  // `default_target_after` the default target replaces any target found before it.
  std::string default_source;
  std::string default_target;
  bool default_source_prior = false;
  bool default_target_after = false;

  // COMMA: comma-delimited clauses of more than `min` and at most `max` words are
  // ignored (b* at the start of the sentence, e* at its end).
  bool comma_enabled = true;
  int comma_min = 2, comma_max = 10;
  int comma_bmin = 128, comma_bmax = 0;
  int comma_emin = 2, comma_emax = 10;

  // Profile. SET: MINIMUM WORDS = n: shorter sentences are not coded (a comma counts as a
  // word, a possessive "'s" does not). TABARI's default, 8, is the tabari profile's.
  int minimum_words = 0;
  // SET: CONVERT AGENTS = TRUE: an agent with no actor is coded as an actor.
  bool convert_agents = false;
  // Profile. Agents reach further (PETRARCH and news; not TABARI): one agent written
  // for a compound applies to every member ("the ambassadors of X, Y and Z", "X and Y
  // government"), modifiers may stand between an actor and its agent ("X's first deputy
  // prime minister"), and "AGENT from ACTOR" composes like "AGENT of ACTOR".
  bool shared_agents = true;
  // Profile. A compound with no other actor to act on: TABARI and PETRARCH (true) code events among
  // its members ("X and Y met" -> X-Y and Y-X); otherwise each member is the source of an event
  // with no target (they acted jointly), even when `require_dyad` is set.
  bool compound_pairs = false;
  // Profile (PETRARCH): an agent with no actor to attach to is itself an actor coded "---" plus
  // the agent code ("a senior official said" -> "---GOV").
  bool actorless_agents = false;
  // Profile (news): an agent with no actor to attach to takes the country of the nearest
  // nation-state actor in the sentence ("Egyptian police dispersed demonstrators" ->
  // EGYCOP and EGY+demonstrators).
  bool agent_country_from_context = true;
  // Profile (news): an actor phrase directly followed by a capitalised actor name is one actor
  // coded by the first ("U.N. Secretary-General Kofi Annan").
  bool title_name_one_actor = true;
  // Profile (news): a verb word right after a preposition (IN, OF, FOR, ...) or a possessive
  // (ITS, THEIR, ...) is a noun, like one after a determiner.
  bool nouns_after_prepositions = true;
  // Profile (news): a verb after a modal (MAY, MIGHT, COULD, WOULD, WILL) is a stated intention
  // or threat: cooperative codes become 03x, coercive ones 13x.
  bool future_as_intent = true;
  // Profile (news): a verb inside an IF / UNLESS condition yields no event.
  bool skip_conditionals = true;
  // Profile (news): two kinds of comma phrase are kept instead of eliminated. One that follows an
  // unknown name at the start of the sentence and holds an actor is the subject's title
  // ("Kenzo Oshima, the UN relief coordinator, demanded"); one that opens with a
  // conjunction is a clause of its own (", but was still refusing entry to Ghanaians,").
  bool news_comma_rules = true;
  // Profile (news): "ethnic X" is coded by the country the group lives in when the sentence names
  // one ("ethnic Albanians in Serbia" -> SRB), not by the country X names.
  bool ethnic_groups_by_residence = true;
  // Profile (news): a participle after a comma opens a clause. ", warning of consequences" keeps
  // the sentence's source and, with no target of its own, its target; ", prompting Putin
  // to issue a warning" is aimed at the sentence's source.
  bool participial_clauses = true;
  // Profile (news): "its", "their", "his", "her" are never a default target ("consequences for
  // their bilateral ties"); patterns may still name them.
  bool possessives_not_targets = true;
  // Profile (news): within one document, a capitalised surname alone ("Zinoviev said") refers to
  // the person named in full earlier ("Georgy Zinoviev"). People are actor entries with dated roles
  // or from a file whose name contains "people".
  bool document_surnames = true;
  // Profile (news): within one document, a bare title after "the" ("the ambassador said"), the
  // surname of someone named after a title ("Russian Ambassador Georgy Zinoviev"), "he"/"she"
  // with no person before it in the sentence, and "we"/"our"/"I" in a quote take the codes of
  // the person or speaker they refer to.
  bool document_entities = true;
  // Profile (news): "X said Y must/should <act>" is X's demand on Y (10x), not Y's act.
  bool must_as_demand = true;
  // Profile (news): at most this many words between a pattern word (or synset) and the
  // pattern element before it (after it, before the verb); 0 = no limit (TABARI/PETRARCH).
  int pattern_word_gap = 8;
  // PETRARCH require_dyad: when false, a verb that finds only a source or only a target
  // still yields an event, with an empty code for the missing actor.
  bool require_dyad = true;
  // How many words may come between the words of a blank-separated actor phrase.
  int actor_gap = 3;
  // News: each event the patterns found is checked against the sentence's dependency
  // parse (src/coder/tree_roles.h): negated, refused and hypothetical predicates yield
  // no event, passives read forwards are swapped, places and other clauses' arguments are
  // not parties, refused cooperation becomes its CAMEO refusal. Needs `syntax_model` (without
  // it nothing is checked). Off for TABARI/PETRARCH.
  bool roles_from_tree = true;
  // The tagger and parser model for roles_from_tree (null: the check is skipped).
  std::shared_ptr<const syntax::Model> syntax_model;
  // A verb right after NOT / NEVER / -N'T that no pattern matched yields no event.
  // TABARI has no such rule (negation is handled by patterns), so it is off by default.
  bool skip_negated_verbs = false;

  bool operator==(const CoderOptions&) const = default;
};

// Sets the profile fields of `options` to `profile`'s values (and options->profile); the
// other fields are left as they are.
void ApplyProfile(Profile profile, CoderOptions* options);

// Default options with `profile` applied: what an input of that kind is coded with before
// any .options file or record settings.
CoderOptions OptionsForProfile(Profile profile);

// Applies one TABARI .options line ("COMPLEX: VERBS[5] NOACTPRIOR", "SET: CODE BY
// SENTENCE", "DEFAULT: OFF", "COMMA: MIN = 2 ..."). Lines that do not change coding
// (LABEL:, OUTPUT:, SET: HAIKU ...) are accepted and ignored. InvalidArgument for a
// command that changes coding but cannot be parsed.
Status ApplyTabariOption(std::string_view line, CoderOptions* options);

// Applies every line of a TABARI .options file to `options` as they stand (a profile's
// options, typically); bad lines become "file:line: message" warnings. IOError when the
// file cannot be read.
Status ApplyTabariOptionsFile(const std::string& path, CoderOptions* options,
                              std::vector<std::string>* warnings);

// Reads a TABARI .options file: the tabari profile (ApplyProfile), then the file's lines
// (ApplyTabariOptionsFile). Bad lines become "file:line: message" warnings.
Status ReadTabariOptions(const std::string& path, CoderOptions* options,
                         std::vector<std::string>* warnings);

// ApplyProfile(Profile::kPetrarch, options): an agent with no actor is coded "---" plus
// the agent code ("a senior official said" -> "---GOV"), a compound with no other actor
// codes events among its members, and the news conventions are off. `parley validate`
// and `parley code` code PETRARCH unit-test XML input with this profile.
void ApplyPetrarchConventions(CoderOptions* options);

// Applies the settings a validation record carries for itself and the records after it:
// PETRARCH <Config> settings in `doc.options` ("require_dyad=false", "comma_max=6") and
// TABARI "{ OPTION: <.options line> }" blocks in `doc.notes`. Pass one CoderOptions
// through a file's documents in order. Returns true when any setting was applied.
// Settings that cannot be read become "origin:line: message" warnings (may be null);
// PETRARCH settings parley does not model (new_actor_length, stop_on_error) are ignored.
bool ApplyDocumentOptions(const Document& doc, CoderOptions* options,
                          std::vector<std::string>* warnings);

// Why a sentence produced the events it did.
enum class SentenceOutcome : uint8_t {
  kCoded,      // at least one event
  kNoEvent,    // nothing matched
  kDiscarded,  // a discard ("###") phrase was found
  kComplex,    // a complex ("+++") phrase or a COMPLEX condition
  kTooShort,   // fewer than MINIMUM WORDS
  kTooLong,    // more than kMaxSentenceTokens tokens: not coded
};

// The longest sentence the coder codes, in tokens: words, numbers and punctuation marks as
// text::Tokenize gives them, each piece of a hyphenated word counting once. Real news stays
// far below it (longest measured: 186 in the Guardian 2019 sample, 103 in the seed articles,
// 175 in the TABARI validation suite); longer "sentences" are lists, tables or junk whose
// cost would grow with the square of their length.
inline constexpr int kMaxSentenceTokens = 500;

// An over-long sentence that SplitSentencesForCoding cut into pieces.
struct LongSentence {
  uint32_t start = 0;   // byte offset of the sentence in the text
  uint32_t tokens = 0;  // its length in tokens (as kMaxSentenceTokens counts them)
  uint32_t pieces = 0;  // pieces kept: those holding at least one word or number
};

// The sentences the coder codes: text::SplitSentences, then each sentence of more than
// kMaxSentenceTokens tokens is cut into pieces of at most that many, each coded as a
// sentence of its own. Cuts go first at runs of three or more punctuation marks (",,,,"
// never stands inside a phrase), then at the last comma, semicolon or colon in the second
// half of the allowed length, else between two tokens. Pieces with no word or number are
// dropped. Text with no over-long sentence comes out exactly as text::SplitSentences gives
// it. Each over-long sentence is reported in `long_sentences` (may be null; cleared first).
// Work and memory are linear in the length of the text.
void SplitSentencesForCoding(std::string_view text, std::vector<text::Range>* sentences,
                             std::vector<LongSentence>* long_sentences);

// Optional observer of the coder's decisions (for `parley explain` and tests). Every
// hook has an empty default; with no trace the coder does no extra work.
class CoderTrace {
 public:
  virtual ~CoderTrace() = default;
  virtual void OnSentence(int index, std::string_view text) {}
  // An actor (or agent-composed actor, or coreferenced pronoun) was recognised.
  virtual void OnActor(std::string_view text, std::string_view code, std::string_view rule) {}
  virtual void OnVerb(std::string_view text, std::string_view rule) {}
  virtual void OnPattern(std::string_view rule, bool matched) {}
  virtual void OnEvent(const Event& event) {}
  // The parse of a sentence whose events were checked against it (roles_from_tree): the
  // phrases and frames, as frames::AppendTrace lists them.
  virtual void OnTree(std::string_view listing) {}
  // What the check decided for one event the patterns found (before the decision).
  virtual void OnTreeVerdict(const Event& event, std::string_view verdict) {}
  virtual void OnOutcome(SentenceOutcome outcome, std::string_view why) {}
};

// Per-thread working memory. Create one per thread and reuse it.
class CoderScratch {
 public:
  CoderScratch();
  ~CoderScratch();
  CoderScratch(const CoderScratch&) = delete;
  CoderScratch& operator=(const CoderScratch&) = delete;
  struct Impl;

 private:
  friend class Coder;
  std::unique_ptr<Impl> impl_;
};

class Coder {
 public:
  Coder(std::shared_ptr<const Dictionary> dictionary, CoderOptions options);

  // Splits `doc.text` into sentences (SplitSentencesForCoding) and appends the events of
  // each to `events` (doc_id, sentence_index, sentence, date and all other Event fields
  // filled). An over-long sentence is coded piece by piece, each piece a sentence of its
  // own; it is reported in `warnings` (may be null) as "ORIGIN:LINE: document ID: ..."
  // naming its byte offset in `doc.text`, and the rest of the document is coded as usual.
  // A story discard phrase (a PETRARCH "+" discard entry) in any sentence discards the
  // whole document: none of its events are appended, and later sentences are not coded.
  // Thread-safe: const, all mutable state lives in `scratch`.
  void CodeDocument(const Document& doc, CoderScratch* scratch, std::vector<Event>* events,
                    CoderTrace* trace = nullptr,
                    std::vector<std::string>* warnings = nullptr) const;

  // Codes one sentence; `event_template` supplies doc_id, sentence_index and date.
  // Returns what happened (also reported to `trace`); a story discard phrase discards the
  // sentence (kDiscarded), and only CodeDocument discards the rest of its story. A sentence of more
  // than kMaxSentenceTokens tokens is not coded (kTooLong); cut it with SplitSentencesForCoding.
  SentenceOutcome CodeSentence(std::string_view sentence, const Event& event_template,
                               CoderScratch* scratch, std::vector<Event>* events,
                               CoderTrace* trace = nullptr) const;

  const CoderOptions& options() const { return options_; }
  const Dictionary& dictionary() const { return *dict_; }
  // The shared dictionary, for building Coders with other options over it.
  const std::shared_ptr<const Dictionary>& shared_dictionary() const { return dict_; }

 private:
  void CheckRolesAgainstTree(CoderScratch::Impl& impl, size_t first, std::vector<Event>* events,
                             CoderTrace* trace) const;
  void PairJointActors(tree_roles::Scratch* tree, size_t first, std::vector<Event>* events) const;
  std::shared_ptr<const Dictionary> dict_;
  CoderOptions options_;
};

}  // namespace parley

#endif  // PARLEY_CODER_H_
