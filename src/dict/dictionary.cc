// DictionaryBuilder::Build and the compiled matchers.
#include "dict/dictionary.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace parley {

using dict::PatternElement;
using dict::Phrase;
using dict::WordMatch;
using Kind = PatternElement::Kind;

namespace {
inline uint64_t HashWord(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }
}  // namespace

std::string RuleName(const dict::Origin& origin) {
  std::string_view file = origin.file;
  size_t slash = file.find_last_of("/\\");
  if (slash != std::string_view::npos) file = file.substr(slash + 1);
  return std::string(file) + ":" + std::to_string(origin.line);
}

namespace {

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

int Letters(std::string_view s) {
  int n = 0;
  for (char c : s) n += std::isalnum(static_cast<unsigned char>(c)) ? 1 : 0;
  return n;
}

}  // namespace

std::vector<std::string> VerbInflections(std::string_view base_view) {
  std::vector<std::string> out;
  std::string base(base_view);
  if (base.size() < 2) return out;
  char last = base.back();
  char prev = base[base.size() - 2];
  auto add = [&](std::string s) {
    if (s != base && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  bool sibilant =
      last == 'S' || last == 'X' || last == 'Z' || base.ends_with("CH") || base.ends_with("SH");
  if (last == 'Y' && !IsVowel(prev)) {
    std::string stem = base.substr(0, base.size() - 1);
    add(stem + "IES");
    add(stem + "IED");
    add(base + "ING");
    add(base + "S");
    add(base + "ED");
  } else {
    add(base + "S");
    add(base + "ES");  // TABARI accepts -ES on any verb ("DEPARTES")
    if (last == 'E') {
      add(base + "D");
      add(base + "N");
      if (prev != 'E') add(base.substr(0, base.size() - 1) + "ING");
      add(base + "ING");
    } else {
      add(base + "ED");
      add(base + "ING");
      add(base + "EN");
      // Consonant-vowel-consonant endings double the consonant: OMIT -> OMITTED.
      if (!IsVowel(last) && last != 'W' && last != 'X' && last != 'Y' && IsVowel(prev) &&
          base.size() >= 3 && !IsVowel(base[base.size() - 3])) {
        add(base + last + "ED");
        add(base + last + "ING");
      }
    }
  }
  return out;
}

// ---- PhraseTrie ------------------------------------------------------------------------

bool PhraseTrie::Add(const std::vector<WordId>& words, const Phrase& phrase, int32_t payload) {
  uint32_t node = 0;
  bool adjacent = false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (phrase[k].kind != Kind::kWord) return false;
    WordId w = words[k];
    WordMatch m = phrase[k].match;
    auto& edges = nodes_[node].edges;
    auto it = std::lower_bound(edges.begin(), edges.end(), w,
                               [](const Edge& e, WordId id) { return e.word < id; });
    uint32_t child = 0;
    for (auto j = it; j != edges.end() && j->word == w; ++j) {
      if (j->match == m && j->adjacent == adjacent) {
        child = j->child;
        break;
      }
    }
    if (child == 0) {
      child = static_cast<uint32_t>(nodes_.size());
      int chars = nodes_[node].chars + Letters(phrase[k].text);
      nodes_[node].edges.insert(it, Edge{w, m, adjacent, child});
      nodes_.emplace_back();
      nodes_.back().chars = chars;
    }
    node = child;
    adjacent = phrase[k].adjacent_to_next;
  }
  if (node == 0) return false;
  nodes_[node].payloads.push_back(payload);
  return true;
}

void PhraseTrie::Walk(const SentenceWords& s, uint32_t node_index, int pos, int depth, int exact,
                      int max_gap, Match* best) const {
  const Node& node = nodes_[node_index];
  if (!node.payloads.empty() &&
      (depth > best->elements ||
       (depth == best->elements &&
        (node.chars > best->chars || (node.chars == best->chars && exact > best->exact))))) {
    best->payload = node.payloads.front();
    best->end = pos;
    best->elements = depth;
    best->chars = node.chars;
    best->exact = exact;
  }
  if (node.edges.empty()) return;
  int limit = depth == 0 ? pos : std::min(s.size - 1, pos + max_gap);
  for (int p = pos; p <= limit && p < s.size; ++p) {
    if (depth > 0 && s.barrier[p]) break;
    for (uint32_t k = s.begin[p]; k < s.begin[p + 1]; ++k) {
      const TokenMatch& tm = s.matches[k];
      auto it = std::lower_bound(node.edges.begin(), node.edges.end(), tm.word,
                                 [](const Edge& e, WordId id) { return e.word < id; });
      for (; it != node.edges.end() && it->word == tm.word; ++it) {
        if (p > pos && it->adjacent) continue;
        if (!Accepts(it->match, tm.relation)) continue;
        Walk(s, it->child, p + 1, depth + 1,
             exact + (it->match == WordMatch::kStem ? 0 : 1) + (it->adjacent ? 1 : 0), max_gap,
             best);
      }
    }
  }
}

bool PhraseTrie::LongestAt(const SentenceWords& s, int start, int max_gap, Match* best) const {
  *best = Match{};
  if (start >= s.size) return false;
  Walk(s, 0, start, 0, 0, max_gap, best);
  return best->payload >= 0;
}

// ---- Dictionary lookups ------------------------------------------------------------------

WordId Dictionary::FindHashed(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kNoWord) return kNoWord;
    if (slot.hash == hash && words_[slot.id] == word) return slot.id;
  }
}

WordId Dictionary::Find(std::string_view word) const { return FindHashed(word, HashWord(word)); }

void Dictionary::Lookup(std::string_view norm, std::vector<TokenMatch>* out) const {
  WordId id = Find(norm);
  if (id != kNoWord) out->push_back({id, kSameForm});
  if (stem_nodes_.size() > 1) {
    uint32_t node = 0;
    for (size_t i = 0; i + 1 < norm.size(); ++i) {
      const auto& children = stem_nodes_[node].children;
      auto it =
          std::lower_bound(children.begin(), children.end(), norm[i],
                           [](const std::pair<char, uint32_t>& e, char c) { return e.first < c; });
      if (it == children.end() || it->first != norm[i]) break;
      node = it->second;
      if (stem_nodes_[node].word != kNoWord) out->push_back({stem_nodes_[node].word, kHasPrefix});
    }
  }
  if (any_noun_forms_ && norm.size() > 2 && norm.back() == 'S') {
    auto try_form = [&](std::string_view base) {
      WordId f = Find(base);
      if (f != kNoWord && (flags_[f] & kUsedWithNounForms)) out->push_back({f, kPluralOf});
    };
    try_form(norm.substr(0, norm.size() - 1));
    if (norm.ends_with("ES")) try_form(norm.substr(0, norm.size() - 2));
    if (norm.ends_with("IES") && norm.size() < 64) {
      char buf[64];
      size_t n = norm.size() - 3;
      norm.copy(buf, n);
      buf[n] = 'Y';
      try_form(std::string_view(buf, n + 1));
    }
  }
}

void Dictionary::AddStem(std::string_view word, WordId id) {
  uint32_t node = 0;
  for (char c : word) {
    auto& children = stem_nodes_[node].children;
    auto it =
        std::lower_bound(children.begin(), children.end(), c,
                         [](const std::pair<char, uint32_t>& e, char ch) { return e.first < ch; });
    if (it != children.end() && it->first == c) {
      node = it->second;
      continue;
    }
    uint32_t child = static_cast<uint32_t>(stem_nodes_.size());
    children.insert(it, {c, child});
    stem_nodes_.emplace_back();
    node = child;
  }
  stem_nodes_[node].word = id;
}

void Dictionary::ComputeStarts() {
  starts_.assign(words_.size(), 0);
  auto mark = [&](const PhraseTrie& trie, uint8_t bit) {
    trie.ForEachFirstWord([&](WordId w) { starts_[w] |= bit; });
  };
  mark(actor_trie_, kActorStart);
  mark(agent_trie_, kAgentStart);
  mark(verb_trie_, kVerbStart);
  mark(noun_trie_, kNounStart);
  mark(adjective_trie_, kAdjectiveStart);
  mark(discard_trie_, kDiscardStart);
  mark(issue_trie_, kIssueStart);
}

void Dictionary::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kNoWord) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id != kNoWord) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

WordId Dictionary::Intern(std::string_view word, WordMatch match) {
  uint64_t hash = HashWord(word);
  WordId id = FindHashed(word, hash);
  if (id == kNoWord) {
    if ((words_.size() + 1) * 2 > slots_.size()) Grow();
    id = static_cast<WordId>(words_.size());
    words_.emplace_back(word);
    flags_.push_back(0);
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].id != kNoWord) i = (i + 1) & mask;
    slots_[i] = Slot{hash, id};
  }
  if (match == WordMatch::kStem && !(flags_[id] & kUsedAsStem)) {
    flags_[id] |= kUsedAsStem;
    AddStem(word, id);
  }
  if (match == WordMatch::kNounForms) {
    flags_[id] |= kUsedWithNounForms;
    any_noun_forms_ = true;
  }
  return id;
}

}  // namespace parley

// ---- Build ------------------------------------------------------------------------------

namespace parley::dict {
namespace {

std::string PhraseText(const Phrase& phrase) {
  std::string s;
  for (const auto& e : phrase) {
    if (!s.empty()) s += ' ';
    switch (e.kind) {
      case Kind::kWord:
        s += e.text;
        break;
      case Kind::kSynset:
        s += "&" + e.text;
        break;
      case Kind::kVerb:
        s += "*";
        break;
      case Kind::kSource:
        s += "$";
        break;
      case Kind::kTarget:
        s += "+";
        break;
      case Kind::kCompound:
        s += "%";
        break;
      case Kind::kSkip:
        s += "^";
        break;
    }
  }
  return s;
}

std::vector<std::string> SplitCodes(const std::string& code) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= code.size()) {
    size_t slash = code.find('/', start);
    if (slash == std::string::npos) slash = code.size();
    if (slash > start) out.push_back(code.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

}  // namespace

class BuildContext {
 public:
  BuildContext(Dictionary* d, std::vector<std::string>* warnings) : d_(d), warnings_(warnings) {}

  void Warn(const Origin& origin, const std::string& msg) {
    if (warnings_)
      warnings_->push_back(origin.file + ":" + std::to_string(origin.line) + ": " + msg);
  }

  // Adds a words-only phrase to `trie`; warns when it contains pattern tokens.
  bool AddPhrase(PhraseTrie* trie, const Phrase& phrase, int32_t payload, const Origin& origin) {
    std::vector<WordId> ids;
    for (const auto& e : phrase) {
      if (e.kind != Kind::kWord) {
        Warn(origin, "phrase '" + PhraseText(phrase) + "' may contain only words");
        return false;
      }
      ids.push_back(d_->Intern(e.text, e.match));
    }
    if (ids.empty() || !trie->Add(ids, phrase, payload)) {
      Warn(origin, "empty phrase");
      return false;
    }
    return true;
  }

  // Compiles pattern elements, expanding nothing: synsets are referenced by index.
  bool CompileItems(const Phrase& phrase, std::vector<PatternItem>* items, const Origin& origin) {
    for (const auto& e : phrase) {
      PatternItem item;
      item.kind = e.kind;
      item.adjacent_to_next = e.adjacent_to_next;
      if (e.kind == Kind::kWord) {
        item.word = d_->Intern(e.text, e.match);
        item.match = e.match;
      } else if (e.kind == Kind::kSynset) {
        auto it = synset_index_.find(e.text);
        if (it == synset_index_.end()) {
          Warn(origin, "unknown synset &" + e.text + " (never defined); entry skipped");
          return false;
        }
        item.synset = it->second;
      }
      items->push_back(item);
    }
    return true;
  }

  // Compiles every synset. A synset may use another one defined anywhere (before or after
  // it, in any file); the first definition of a name wins.
  void BuildSynsets(std::vector<Synset>& synsets) {
    synsets_ = &synsets;
    first_definition_.clear();
    state_.assign(synsets.size(), kNotStarted);
    for (size_t k = 0; k < synsets.size(); ++k) {
      auto [first, fresh] = first_definition_.emplace(synsets[k].name, k);
      if (!fresh) {
        const Origin& o = synsets[first->second].origin;
        Warn(synsets[k].origin, "duplicate synset &" + synsets[k].name + " (first defined at " +
                                    o.file + ":" + std::to_string(o.line) + "); ignored");
      }
    }
    for (size_t k = 0; k < synsets.size(); ++k) {
      if (first_definition_[synsets[k].name] == k) CompileSynset(k);
    }
    synsets_ = nullptr;
  }

  // The compiled index of synsets[k], compiling it (and the synsets it uses) first; -1
  // while it is being compiled (a cycle).
  int32_t CompileSynset(size_t k) {
    Synset& s = (*synsets_)[k];
    if (state_[k] == kDone) return synset_index_[s.name];
    if (state_[k] == kInProgress) return -1;
    state_[k] = kInProgress;
    CompiledSynset compiled;
    compiled.name = s.name;
    for (size_t m = 0; m < s.members.size(); ++m) {
      Phrase& member = s.members[m];
      const Origin at{s.origin.file, m < s.member_lines.size() ? s.member_lines[m] : s.origin.line};
      if (s.generate_plurals && !member.empty() && member.back().kind == Kind::kWord &&
          member.back().match == WordMatch::kExact) {
        member.back().match = WordMatch::kNounForms;
      }
      if (!CompileNested(s, member, at)) continue;
      std::vector<PatternItem> items;
      if (!CompileItems(member, &items, at)) continue;
      // Nested synsets are expanded so matching never recurses.
      std::vector<std::vector<PatternItem>> expanded(1);
      for (const auto& item : items) {
        if (item.kind != Kind::kSynset) {
          for (auto& seq : expanded) seq.push_back(item);
          continue;
        }
        std::vector<std::vector<PatternItem>> next;
        for (const auto& seq : expanded) {
          for (auto inner : d_->synsets_[item.synset].members) {
            if (inner.empty()) continue;
            inner.back().adjacent_to_next = item.adjacent_to_next;
            auto combined = seq;
            combined.insert(combined.end(), inner.begin(), inner.end());
            next.push_back(std::move(combined));
          }
        }
        expanded.swap(next);
        if (expanded.size() > kMaxExpandedMembers) break;
      }
      if (expanded.size() > kMaxExpandedMembers) {
        Warn(at, "synset &" + s.name + " member expands to more than " +
                     std::to_string(kMaxExpandedMembers) + " phrases; member skipped");
        continue;
      }
      bool warned = false;
      for (auto& seq : expanded) {
        bool words_only = true;
        for (auto& it : seq) words_only &= it.kind == Kind::kWord;
        if (!words_only) {
          if (!warned) Warn(at, "synset &" + s.name + " member may contain only words");
          warned = true;
          continue;
        }
        if (!seq.empty()) seq.back().adjacent_to_next = false;
        compiled.members.push_back(std::move(seq));
      }
    }
    for (const auto& member : compiled.members) {
      if (!member.empty() && std::find(compiled.first_words.begin(), compiled.first_words.end(),
                                       member[0].word) == compiled.first_words.end()) {
        compiled.first_words.push_back(member[0].word);
      }
    }
    const int32_t index = static_cast<int32_t>(d_->synsets_.size());
    synset_index_[s.name] = index;
    d_->synsets_.push_back(std::move(compiled));
    state_[k] = kDone;
    return index;
  }

  // Compiles the synsets `member` of synset `s` uses; false (with a warning at `at`) when
  // one is never defined or uses `s` itself.
  bool CompileNested(const Synset& s, const Phrase& member, const Origin& at) {
    for (const auto& e : member) {
      if (e.kind != Kind::kSynset) continue;
      auto def = first_definition_.find(e.text);
      if (def == first_definition_.end()) {
        Warn(at, "unknown synset &" + e.text + " (never defined); member skipped");
        return false;
      }
      if (CompileSynset(def->second) < 0) {
        Warn(at, "synset &" + s.name + " uses &" + e.text + ", which uses &" + s.name +
                     " again; member skipped");
        return false;
      }
    }
    return true;
  }

  void BuildPatterns(const VerbBlock& block, VerbBlockInfo* info) {
    for (const auto& p : block.patterns) {
      CompiledPattern cp;
      if (!CompileItems(p.elements, &cp.items, p.origin)) continue;
      cp.code = p.code;
      if (cp.code.primary.empty()) cp.code = block.code;
      cp.rule = RuleName(p.origin);
      cp.verb_pos = -1;
      for (size_t k = 0; k < cp.items.size(); ++k) {
        const auto& it = cp.items[k];
        if (it.kind == Kind::kVerb) cp.verb_pos = static_cast<int>(k);
        if (it.kind == Kind::kWord) cp.length += Letters(p.elements[k].text);
        if (it.kind == Kind::kSynset) cp.length += Letters(p.elements[k].text);
        if (it.kind == Kind::kWord) cp.required_words.push_back(it.word);
        if (it.kind == Kind::kSynset) cp.required_synsets.push_back(it.synset);
      }
      if (cp.verb_pos < 0) {
        Warn(p.origin, "pattern has no '*'");
        continue;
      }
      info->patterns.push_back(std::move(cp));
    }
    std::stable_sort(
        info->patterns.begin(), info->patterns.end(),
        [](const CompiledPattern& a, const CompiledPattern& b) { return a.length > b.length; });
  }

  void AddVerbForm(const Phrase& phrase, int32_t verb_index, const Origin& origin) {
    AddPhrase(&d_->verb_trie_, phrase, verb_index, origin);
  }

  // A verb form listed in several blocks (files) is matched once, by its first entry;
  // that entry gets a block holding every block's patterns, longest first, so the
  // patterns of all of them are tried (docs/dictionary-format.md).
  void MergeSharedVerbBlocks() {
    for (const std::vector<int32_t>& verbs : d_->verb_trie_.SharedPayloads()) {
      std::vector<int32_t> blocks;
      for (int32_t v : verbs) {
        int32_t b = d_->verb_info_[v].block;
        if (std::find(blocks.begin(), blocks.end(), b) == blocks.end()) blocks.push_back(b);
      }
      if (blocks.size() < 2) continue;
      VerbBlockInfo merged;
      merged.name = d_->blocks_[blocks.front()].name;
      for (int32_t b : blocks) {
        const auto& patterns = d_->blocks_[b].patterns;
        merged.patterns.insert(merged.patterns.end(), patterns.begin(), patterns.end());
      }
      std::stable_sort(
          merged.patterns.begin(), merged.patterns.end(),
          [](const CompiledPattern& a, const CompiledPattern& b) { return a.length > b.length; });
      d_->verb_info_[verbs.front()].block = static_cast<int32_t>(d_->blocks_.size());
      d_->blocks_.push_back(std::move(merged));
    }
  }

  void BuildVerbs(const std::vector<VerbBlock>& blocks) {
    for (const auto& block : blocks) {
      int32_t b = static_cast<int32_t>(d_->blocks_.size());
      d_->blocks_.emplace_back();
      d_->blocks_.back().name = block.name;
      BuildPatterns(block, &d_->blocks_.back());
      for (const auto& word : block.verbs) {
        if (word.phrase.empty()) continue;
        VerbInfo info;
        info.block = b;
        info.code = word.code.primary.empty() ? block.code : word.code;
        info.rule = RuleName(word.origin.line ? word.origin : block.origin);
        info.text = PhraseText(word.phrase);
        info.chars = Letters(info.text);
        int32_t v = static_cast<int32_t>(d_->verb_info_.size());
        d_->verb_info_.push_back(info);
        size_t head = 0;
        for (size_t k = 0; k < word.phrase.size(); ++k) {
          if (word.phrase[k].is_verb_head) head = k;
        }
        AddVerbForm(word.phrase, v, word.origin);
        // A stem already matches its regular endings; exact words get them spelled out.
        if (word.generate_regular && word.phrase[head].kind == Kind::kWord &&
            word.phrase[head].match != WordMatch::kStem) {
          for (const auto& form : VerbInflections(word.phrase[head].text)) {
            Phrase inflected = word.phrase;
            inflected[head].text = form;
            inflected[head].match = WordMatch::kExact;
            AddVerbForm(inflected, v, word.origin);
          }
        }
        for (const auto& irregular : word.irregular) {
          if (irregular.empty()) continue;
          Phrase form = irregular;
          if (irregular.size() == 1 && word.phrase.size() > 1) {
            form = word.phrase;
            form[head] = irregular[0];
            form[head].adjacent_to_next = word.phrase[head].adjacent_to_next;
          }
          AddVerbForm(form, v, word.origin);
        }
      }
    }
  }

  std::unordered_map<std::string, int32_t> synset_index_;

 private:
  // Bounds what nesting synsets can multiply into (a member "&A &A &A" of 100-word sets).
  static constexpr size_t kMaxExpandedMembers = 10000;
  enum State : uint8_t { kNotStarted, kInProgress, kDone };
  std::vector<Synset>* synsets_ = nullptr;  // during BuildSynsets
  std::unordered_map<std::string, size_t> first_definition_;
  std::vector<State> state_;
  Dictionary* d_;
  std::vector<std::string>* warnings_;
};

Status DictionaryBuilder::Build(std::shared_ptr<const Dictionary>* out,
                                std::vector<std::string>* warnings) {
  auto d = std::make_shared<Dictionary>();
  BuildContext ctx(d.get(), warnings);
  ctx.BuildSynsets(synsets_);

  for (const auto& a : actors_) {
    ActorInfo info;
    info.default_codes = SplitCodes(a.default_code);
    for (const auto& dc : a.dated) info.dated.push_back({SplitCodes(dc.code), dc.from, dc.to});
    info.rule = RuleName(a.origin);
    // Dated roles, or a file named for people (parley.people.actors.txt).
    info.person = !info.dated.empty() || a.origin.file.find("people") != std::string::npos;
    int32_t index = static_cast<int32_t>(d->actor_info_.size());
    bool any = false;
    for (const auto& p : a.phrases) any |= ctx.AddPhrase(&d->actor_trie_, p, index, a.origin);
    if (any) d->actor_info_.push_back(std::move(info));
  }
  for (const auto& a : agents_) {
    int32_t index = static_cast<int32_t>(d->agent_info_.size());
    bool any = false;
    for (const auto& p : a.phrases) any |= ctx.AddPhrase(&d->agent_trie_, p, index, a.origin);
    if (any) d->agent_info_.push_back(AgentInfo{a.code, a.prefix, RuleName(a.origin)});
  }
  Origin none{"<nouns>", 0};
  for (const auto& p : nouns_) ctx.AddPhrase(&d->noun_trie_, p, 0, none);
  for (const auto& p : adjectives_) ctx.AddPhrase(&d->adjective_trie_, p, 0, none);
  ctx.BuildVerbs(verbs_);
  ctx.MergeSharedVerbBlocks();
  for (const auto& e : discards_) {
    int32_t index = static_cast<int32_t>(d->discard_story_.size());
    if (ctx.AddPhrase(&d->discard_trie_, e.phrase, index, e.origin)) {
      d->discard_story_.push_back(e.whole_story);
    }
  }
  for (const auto& e : issues_) {
    int32_t index = static_cast<int32_t>(d->issue_codes_.size());
    if (ctx.AddPhrase(&d->issue_trie_, e.phrase, index, e.origin)) {
      d->issue_codes_.push_back(e.code);
    }
  }
  d->ComputeStarts();
  if (d->verb_info_.empty() && d->actor_info_.empty()) {
    return Status::InvalidArgument("dictionary has no usable verbs or actors");
  }
  *out = std::move(d);
  return Status::OK();
}

}  // namespace parley::dict
