// Tokens and units: the sentence's tokens as TABARI reads them, their dictionary words
// (resolved once), discard phrases, and the units (actor, agent, verb, noun ... phrases and
// fixed word classes) that the later stages work on.
#include <algorithm>

#include "coder/sentence_coder.h"

namespace parley::coding {

namespace {

struct Candidate {
  Cls cls = Cls::kNone;
  PhraseTrie::Match m;
};

}  // namespace

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
    if (!MayStartAt(i, Dictionary::kDiscardStart) || !d_.discards().LongestAt(sw_, i, 0, &m))
      continue;
    // A story discard anywhere outranks a sentence discard found before it.
    if (d_.discard_whole_story(m.payload)) return Discard::kStory;
    found = Discard::kSentence;
  }
  return found;
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

}  // namespace parley::coding
