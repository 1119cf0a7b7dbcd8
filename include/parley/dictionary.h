// Dictionaries: actors, agents, verbs (with patterns), synsets, discards and issues.
//
// Every supported file format (TABARI .actors/.verbs/.agents, PETRARCH-1 and
// PETRARCH-2/Phoenix, parley's own bundled files) is read into the format-neutral entries
// below and handed to a DictionaryBuilder. Build() compiles them once into an immutable
// Dictionary that any number of Coder threads share (compile once, match many).
#ifndef PARLEY_DICTIONARY_H_
#define PARLEY_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"

namespace parley {

class Dictionary;  // compiled form; see src/dict/dictionary.h

namespace dict {

// Where an entry was written; reported as "file:line" in each event's `rule`.
struct Origin {
  std::string file;  // file name as given (basename is used in output)
  uint32_t line = 0;
};

// How a dictionary word matches a text token (both upper-cased).
enum class WordMatch : uint8_t {
  kExact,      // TABARI "WORD_" and PETRARCH words: only this form...
  kStem,       // TABARI "WORD" without trailing '_': any token starting with WORD
  kNounForms,  // this form or its regular plural (S, IES for Y, ES for SS/SH/CH/X)
};

// One element of a phrase or verb pattern.
struct PatternElement {
  enum class Kind : uint8_t {
    kWord,      // `text` is an upper-case word
    kSynset,    // `text` is a synset name without '&'
    kVerb,      // '*': the position of the verb in a pattern
    kSource,    // '$': the source actor is found here
    kTarget,    // '+': the target actor is found here
    kCompound,  // '%': a compound actor here is both source and target
    kSkip,      // '^': skip to the end of the next noun phrase (TABARI)
  };
  Kind kind = Kind::kWord;
  std::string text;
  WordMatch match = WordMatch::kExact;
  // True when written joined to the next element by '_' (no words may come between);
  // false for a blank, which lets other words intervene.
  bool adjacent_to_next = false;
  // Multi-word verbs ("CORDON_+OFF"): marks the element that is the inflected verb.
  bool is_verb_head = false;
};
using Phrase = std::vector<PatternElement>;

// An actor code valid in an inclusive date range. from == 0 means "since always",
// to == 0 means "until now".
struct DatedCode {
  std::string code;
  Date from = 0;
  Date to = 0;
};

// An actor: any of `phrases` names it; its code is the first `dated` entry whose range
// contains the article date, else `default_code` (may be empty: no code, "---": null).
struct ActorEntry {
  std::vector<Phrase> phrases;
  std::string default_code;
  std::vector<DatedCode> dated;
  Origin origin;
};

// An agent: a role that composes with an actor code. "AMBASSADOR [~GOV]" turns RUS into
// RUSGOV (suffix); "NGO~" style codes are prefixes.
struct AgentEntry {
  std::vector<Phrase> phrases;
  std::string code;  // without '~'
  bool prefix = false;
  Origin origin;
};

// "[064]" or paired "[032:033]". "---" is the null code (no event), "###" discards the
// sentence. An empty primary means "inherit from the enclosing verb or block".
struct EventCode {
  std::string primary;
  std::string paired;  // second event, reversed actors (TABARI/PETRARCH paired codes)
  // TABARI "[023?]": coded only when the sentence has no other event.
  bool subordinate = false;
  // TABARI "[111!]": when present, only dominant events of the sentence are kept.
  bool dominant = false;
};

// A verb pattern: elements before and after the kVerb element ("- $ * TO + [code]").
struct VerbPattern {
  Phrase elements;
  EventCode code;
  Origin origin;
};

// One verb (or multi-word verb) of a synonym block.
struct VerbWord {
  Phrase phrase;                  // base form; for one-word verbs a single kWord
  std::vector<Phrase> irregular;  // explicitly listed forms ({...})
  bool generate_regular = true;   // add regular -S/-ED/-ING forms of the verb head
  EventCode code;                 // empty: use the block's code
  Origin origin;
};

// Verbs that share patterns (a PETRARCH "--- NAME [code] ---" block, or a single TABARI
// verb with its "-" lines).
struct VerbBlock {
  std::string name;
  std::vector<VerbWord> verbs;
  EventCode code;
  std::vector<VerbPattern> patterns;
  Origin origin;
};

// "&NAME" and its "+member" lines.
struct Synset {
  std::string name;  // without '&' and without a trailing '_'
  std::vector<Phrase> members;
  // The line of each member, parallel to `members`, for warnings; a member without one
  // is reported at `origin`.
  std::vector<uint32_t> member_lines;
  bool generate_plurals = true;  // false when the label ends with '_'
  Origin origin;
};

// A phrase whose presence discards the sentence (or the story, PETRARCH "+" entries).
struct DiscardEntry {
  Phrase phrase;
  bool whole_story = false;
  Origin origin;
};

// An issue phrase and its code ("NUCLEAR_WEAPONS [NUCLEAR]").
struct IssueEntry {
  Phrase phrase;
  std::string code;
  Origin origin;
};

// Collects entries from any number of files, then compiles them once.
class DictionaryBuilder {
 public:
  void AddActor(ActorEntry entry) { actors_.push_back(std::move(entry)); }
  void AddAgent(AgentEntry entry) { agents_.push_back(std::move(entry)); }
  void AddVerbBlock(VerbBlock block) { verbs_.push_back(std::move(block)); }
  void AddSynset(Synset synset) { synsets_.push_back(std::move(synset)); }
  void AddDiscard(DiscardEntry entry) { discards_.push_back(std::move(entry)); }
  void AddIssue(IssueEntry entry) { issues_.push_back(std::move(entry)); }
  // TABARI <NOUN> and <ADJECTIVE> lists, used to decide whether a word is a verb.
  void AddNoun(Phrase phrase) { nouns_.push_back(std::move(phrase)); }
  void AddAdjective(Phrase phrase) { adjectives_.push_back(std::move(phrase)); }

  // Entries added so far, in order (for inspection, statistics and reader tests).
  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  const std::vector<VerbBlock>& verb_blocks() const { return verbs_; }
  const std::vector<Synset>& synsets() const { return synsets_; }
  const std::vector<DiscardEntry>& discards() const { return discards_; }
  const std::vector<IssueEntry>& issues() const { return issues_; }

  // Compiles everything added so far into `*out`. Entries that cannot be compiled (an
  // unknown synset, a pattern with no verb) are skipped and described in `warnings`
  // ("file:line: message"); only a dictionary with no usable verbs or actors fails.
  Status Build(std::shared_ptr<const Dictionary>* out, std::vector<std::string>* warnings);

 private:
  friend class ::parley::Dictionary;
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<VerbBlock> verbs_;
  std::vector<Synset> synsets_;
  std::vector<DiscardEntry> discards_;
  std::vector<IssueEntry> issues_;
  std::vector<Phrase> nouns_;
  std::vector<Phrase> adjectives_;
};

// What a dictionary file contains.
enum class FileKind : uint8_t { kUnknown, kActors, kAgents, kVerbs, kDiscards, kIssues };

// Reads one dictionary file in any supported format into `builder`. `kind` may be
// kUnknown: it is then guessed from the file name ("actors", "agents", "verbs",
// "discards", "issues", TABARI extensions) and, failing that, from the content.
// Malformed lines are skipped and reported in `warnings` as "file:line: message"; the
// rest of the file loads. Fails when the file cannot be read, looks binary
// (text::LooksBinary: InvalidArgument naming the file) or its kind cannot be guessed.
Status LoadDictionaryFile(const std::string& path, FileKind kind, DictionaryBuilder* builder,
                          std::vector<std::string>* warnings);

// Decides what `path` holds without loading it: when `*kind` is kUnknown it is set from
// the file name, else from the first 64 KB of content; `*tabari` is set to true for the
// TABARI formats and false for PETRARCH ones (block "---" headers, '#' comments, <!-- -->,
// {plurals}, !SUBST! sets; TABARI extensions .actors/.agents/.verbs and <NOUN> tags
// otherwise decide). Fails when the file cannot be read, looks binary or its kind cannot
// be guessed.
Status GuessDictionaryFile(const std::string& path, FileKind* kind, bool* tabari);

// Loads every dictionary file of `folder` (not recursive), in file-name order, with
// LoadDictionaryFile. Hidden files, README*, *.md and scripts are ignored; a file whose
// kind cannot be guessed or that cannot be read becomes a warning. Fails when the folder
// cannot be read or holds no dictionary file that loaded.
Status LoadDictionaryFolder(const std::string& folder, DictionaryBuilder* builder,
                            std::vector<std::string>* warnings);

}  // namespace dict
}  // namespace parley

#endif  // PARLEY_DICTIONARY_H_
