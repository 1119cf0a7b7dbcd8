// Compiled dictionary: the immutable structure DictionaryBuilder::Build produces and every
// Coder thread shares. Text tokens are resolved to word ids once (one hash lookup, plus
// prefix probes when the dictionary uses TABARI stems); all phrase matching then walks
// tries over word ids, so the coder never builds strings while matching.
#ifndef PARLEY_DICT_DICTIONARY_H_
#define PARLEY_DICT_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/dictionary.h"

namespace parley {

using WordId = uint32_t;
inline constexpr WordId kNoWord = 0xffffffffu;

// How a text token relates to a dictionary word it can match.
enum TokenRelation : uint8_t {
  kSameForm = 1,   // token == word
  kHasPrefix = 2,  // word is a proper prefix of the token (matches stem entries only)
  kPluralOf = 4,   // token is a regular plural / ending of the word (kNounForms entries)
};

struct TokenMatch {
  WordId word;
  uint8_t relation;
};

// True when a dictionary element written with `match` accepts a token in `relation`.
inline bool Accepts(dict::WordMatch match, uint8_t relation) {
  if (relation & kSameForm) return true;
  if (match == dict::WordMatch::kStem) return (relation & kHasPrefix) != 0;
  if (match == dict::WordMatch::kNounForms) return (relation & kPluralOf) != 0;
  return false;
}

// Candidate dictionary words for each token of a sentence; filled by the coder.
struct SentenceWords {
  const TokenMatch* matches = nullptr;  // all candidates, grouped by token
  const uint32_t* begin = nullptr;      // candidates of token i: [begin[i], begin[i+1])
  const uint8_t* barrier = nullptr;     // 1 where a non-adjacent gap may not cross
  int size = 0;

  bool TokenAccepts(int i, WordId word, dict::WordMatch match) const {
    for (uint32_t k = begin[i]; k < begin[i + 1]; ++k) {
      if (matches[k].word == word && Accepts(match, matches[k].relation)) return true;
    }
    return false;
  }
};

// A trie over word ids. Each edge carries the element's match mode and whether it must
// immediately follow the previous element; terminals carry payload indices.
class PhraseTrie {
 public:
  struct Match {
    int32_t payload = -1;
    int end = 0;       // one past the last matched token
    int elements = 0;  // phrase length in elements (longer wins)
    int chars = 0;     // letters in the phrase (TABARI's tie-break)
    int exact = 0;     // elements written as exact words ("AL_GORE" beats "AL GORE")
  };

  // Adds `phrase` (words only) for `payload`. Returns false when an element is not a word.
  bool Add(const std::vector<WordId>& words, const dict::Phrase& phrase, int32_t payload);

  // The payload lists of phrases added more than once (first-added first). A match
  // reports the first; builders use this to merge what the others carry.
  std::vector<std::vector<int32_t>> SharedPayloads() const {
    std::vector<std::vector<int32_t>> out;
    for (const Node& n : nodes_) {
      if (n.payloads.size() > 1) out.push_back(n.payloads);
    }
    return out;
  }

  // Longest phrase starting at token `start`; non-adjacent elements may skip up to
  // `max_gap` tokens that are not barriers. Returns false when nothing matches.
  bool LongestAt(const SentenceWords& s, int start, int max_gap, Match* best) const;

  // Every phrase starting at `start`, appended to `out` (used for actors so the coder can
  // prefer by length and by code).
  bool empty() const { return nodes_.size() <= 1; }
  // Calls f(word) for every word that can start a phrase.
  template <typename F>
  void ForEachFirstWord(F f) const {
    for (const Edge& e : nodes_[0].edges) f(e.word);
  }
  size_t node_count() const { return nodes_.size(); }

 private:
  struct Edge {
    WordId word;
    dict::WordMatch match;
    bool adjacent;  // must follow the previous element immediately
    uint32_t child;
  };
  struct Node {
    std::vector<Edge> edges;  // sorted by word
    std::vector<int32_t> payloads;
    int chars = 0;
  };
  void Walk(const SentenceWords& s, uint32_t node, int pos, int depth, int exact, int max_gap,
            Match* best) const;
  std::vector<Node> nodes_{1};
};

struct ActorInfo {
  std::vector<std::string> default_codes;  // coded compounds split at '/'
  struct Dated {
    std::vector<std::string> codes;
    Date from = 0, to = 0;
  };
  std::vector<Dated> dated;
  std::string rule;     // "file:line"
  bool person = false;  // a person: dated roles, or from a file whose name says "people"

  // Codes for an article date; TABARI 6.5.2 (first satisfied restriction, else default).
  // An undated article (0) is taken to be recent: the role that ends last, so Putin is
  // the president rather than his default code.
  const std::vector<std::string>& CodesFor(Date date) const {
    if (date != 0) {
      for (const auto& d : dated) {
        if ((d.from == 0 || date >= d.from) && (d.to == 0 || date <= d.to)) return d.codes;
      }
    } else if (!dated.empty()) {
      const Dated* latest = &dated.front();
      for (const auto& d : dated) {
        if (d.to == 0 || (latest->to != 0 && d.to > latest->to)) latest = &d;
      }
      return latest->codes;
    }
    return default_codes;
  }
};

struct AgentInfo {
  std::string code;
  bool prefix = false;
  std::string rule;
};

// One element of a compiled pattern.
struct PatternItem {
  dict::PatternElement::Kind kind;
  WordId word = kNoWord;  // kWord
  dict::WordMatch match = dict::WordMatch::kExact;
  int32_t synset = -1;  // kSynset: index into Dictionary::synsets()
  bool adjacent_to_next = false;
};

struct CompiledPattern {
  std::vector<PatternItem> items;
  int verb_pos = 0;  // index of the kVerb item
  dict::EventCode code;
  int length = 0;  // TABARI 5.7.1: letters in literal words
  std::string rule;
  // Prefilter: every word here, and some first word of every synset here, must occur in
  // the clause before the pattern is worth matching.
  std::vector<WordId> required_words;
  std::vector<int32_t> required_synsets;
};

struct CompiledSynset {
  std::string name;
  std::vector<std::vector<PatternItem>> members;  // nested synsets already expanded
  std::vector<WordId> first_words;                // distinct first words of members
};

struct VerbInfo {
  int32_t block = 0;
  dict::EventCode code;  // the verb's own code, or its block's
  std::string rule;
  std::string text;  // the dictionary form, for traces
  int chars = 0;
};

struct VerbBlockInfo {
  std::string name;
  std::vector<CompiledPattern> patterns;  // longest first
};

}  // namespace parley

namespace parley {
namespace dict {
class BuildContext;
}

class Dictionary {
 public:
  // Appends every dictionary word `norm` can match to `out`. `norm` is upper case.
  void Lookup(std::string_view norm, std::vector<TokenMatch>* out) const;
  // Id of an exact word, or kNoWord.
  WordId Find(std::string_view word) const;

  const PhraseTrie& actors() const { return actor_trie_; }
  const PhraseTrie& agents() const { return agent_trie_; }
  const PhraseTrie& verbs() const { return verb_trie_; }
  const PhraseTrie& nouns() const { return noun_trie_; }
  const PhraseTrie& adjectives() const { return adjective_trie_; }
  const PhraseTrie& discards() const { return discard_trie_; }
  const PhraseTrie& issues() const { return issue_trie_; }

  const ActorInfo& actor(int32_t i) const { return actor_info_[i]; }
  const AgentInfo& agent(int32_t i) const { return agent_info_[i]; }
  const VerbInfo& verb(int32_t i) const { return verb_info_[i]; }
  const VerbBlockInfo& verb_block(int32_t i) const { return blocks_[i]; }
  const CompiledSynset& synset(int32_t i) const { return synsets_[i]; }
  size_t synset_count() const { return synsets_.size(); }
  bool discard_whole_story(int32_t i) const { return discard_story_[i]; }
  const std::string& issue_code(int32_t i) const { return issue_codes_[i]; }
  const std::string& word_text(WordId w) const { return words_[w]; }

  size_t actor_count() const { return actor_info_.size(); }
  size_t verb_count() const { return verb_info_.size(); }
  size_t word_count() const { return words_.size(); }

  // Which tries have a phrase starting with `word` (bits of TrieBit), so the coder only
  // walks the tries a token can start.
  enum TrieBit : uint8_t {
    kActorStart = 1,
    kAgentStart = 2,
    kVerbStart = 4,
    kNounStart = 8,
    kAdjectiveStart = 16,
    kDiscardStart = 32,
    kIssueStart = 64,
  };
  uint8_t starts(WordId word) const { return starts_[word]; }

 private:
  friend class dict::DictionaryBuilder;
  friend class dict::BuildContext;
  // Flat open-addressing table: word text -> id, compared through words_.
  struct Slot {
    uint64_t hash = 0;
    WordId id = kNoWord;
  };
  enum WordFlag : uint8_t { kUsedAsStem = 1, kUsedWithNounForms = 2 };
  WordId Intern(std::string_view word, dict::WordMatch match);
  WordId FindHashed(std::string_view word, uint64_t hash) const;
  void Grow();

  void AddStem(std::string_view word, WordId id);
  void ComputeStarts();

  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  // Character trie of the words used as stems: a token finds every stem that is one of
  // its prefixes in one pass over its letters.
  struct StemNode {
    std::vector<std::pair<char, uint32_t>> children;  // sorted by char
    WordId word = kNoWord;
  };
  std::vector<StemNode> stem_nodes_ = std::vector<StemNode>(1);
  std::vector<uint8_t> starts_;
  std::vector<std::string> words_;
  std::vector<uint8_t> flags_;
  bool any_noun_forms_ = false;

  PhraseTrie actor_trie_, agent_trie_, verb_trie_, noun_trie_, adjective_trie_, discard_trie_,
      issue_trie_;
  std::vector<ActorInfo> actor_info_;
  std::vector<AgentInfo> agent_info_;
  std::vector<VerbInfo> verb_info_;
  std::vector<VerbBlockInfo> blocks_;
  std::vector<CompiledSynset> synsets_;
  std::vector<bool> discard_story_;
  std::vector<std::string> issue_codes_;
};

// "file-basename:line" for an Origin.
std::string RuleName(const dict::Origin& origin);

// Regular inflections of a verb (TABARI 5.2.3 / English rules): -S/-ES/-IES, -ED/-D/-IED
// (with consonant doubling), -ING, -EN. Does not include `base` itself.
std::vector<std::string> VerbInflections(std::string_view base);

}  // namespace parley

#endif  // PARLEY_DICT_DICTIONARY_H_
