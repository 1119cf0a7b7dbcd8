// Stage 3: one frame per event-bearing predicate, its arguments and its clause.
//
// Frames are filled top-down (Tree::order), so that when a frame is built every frame it can
// inherit from (the governor of an xcomp, the first of conjoined verbs, the clause a
// relative clause hangs from) is complete. Each frame's arguments are appended in one go
// and stay contiguous. The rules and the reasons for them: docs/frames.md.
#include "frames/frames.h"

#include <algorithm>

#include "frames/lexicon.h"
#include "frames/phrases.h"

namespace parley::frames {
namespace {

using internal::BaseRelation;
using internal::EqualsLower;
using internal::GroupHeadedBy;

constexpr uint16_t kNegationBits = kMoodNegated | kMoodRefused | kMoodInheritedNegation;
constexpr uint16_t kIntentBits = kMoodIntended | kMoodModal | kMoodInheritedIntent;
constexpr uint16_t kConditionBits = kMoodConditional | kMoodHypothetical | kMoodInheritedCondition;

ClauseKind ClauseOf(std::string_view deprel) {
  const std::string_view base = BaseRelation(deprel);
  if (deprel == "root" || base == "parataxis" || base == "conj") return ClauseKind::kMain;
  if (base == "xcomp") return ClauseKind::kControlled;
  if (base == "ccomp" || base == "csubj") return ClauseKind::kComplement;
  if (deprel == "acl:relcl") return ClauseKind::kRelative;
  if (base == "acl") return ClauseKind::kParticiple;
  if (base == "advcl") return ClauseKind::kAdverbial;
  return ClauseKind::kOther;
}

class Builder {
 public:
  Builder(const ParsedSentence& s, const Tree& t, const Phrases& p, Frames* out)
      : s_(s), t_(t), p_(p), out_(out) {}

  void Run() {
    const int n = t_.size();
    for (int w = 0; w < n; ++w) {
      const int g = GroupHeadedBy(p_, w);
      const bool verb = p_.verb_of_word[w] >= 0 && s_.words[w].upos == "VERB";
      if (!verb && (g < 0 || !p_.groups[g].eventive)) continue;
      Frame f;
      f.predicate = w;
      f.kind = verb ? PredicateKind::kVerb : PredicateKind::kNoun;
      f.lemma = s_.words[w].lemma;
      f.verb_group = p_.verb_of_word[w];
      f.noun_group = verb ? -1 : g;
      f.relation = s_.words[w].deprel;
      f.is_speech = verb && internal::IsSpeechVerb(f.lemma);
      out_->frame_of_word[w] = static_cast<int>(out_->frames.size());
      out_->frames.push_back(f);
    }
    for (int w : t_.order) {
      const int f = out_->frame_of_word[w];
      if (f < 0) continue;
      if (out_->frames[f].kind == PredicateKind::kVerb) {
        BuildVerbFrame(f);
      } else {
        BuildNounFrame(f);
      }
    }
    for (Frame& f : out_->frames) {
      if (f.speech_frame >= 0) {
        for (const Argument& a : out_->Args(out_->frames[f.speech_frame])) {
          if (a.role == ArgRole::kAgent && a.group >= 0) {
            f.speaker_group = a.group;
            break;
          }
        }
      }
      f.mood = internal::MoodSummary(f.mood_flags);
    }
  }

 private:
  const ParsedWord& W(int i) const { return s_.words[i]; }

  // Appends `group` and every group coordinated with it, one argument each.
  void AddGroup(ArgRole role, ArgSource source, int group, std::string_view preposition,
                bool from_subject) {
    std::vector<int>& queue = out_->scratch_;
    queue.clear();
    queue.push_back(group);
    for (size_t k = 0; k < queue.size(); ++k) {
      const NounGroup& g = p_.groups[queue[k]];
      Argument a;
      a.role = role;
      a.source = source;
      a.group = queue[k];
      a.word = g.head;
      a.preposition = preposition;
      a.locative = g.locative != Locative::kNone;
      a.conjunct = static_cast<uint8_t>(std::min<size_t>(k, 255));
      a.from_subject = from_subject;
      out_->arguments.push_back(a);
      for (uint32_t l = g.links_begin; l < g.links_end; ++l) {
        if (p_.groups[p_.links[l]].link == LinkKind::kConjunct) queue.push_back(p_.links[l]);
      }
    }
  }

  bool HasSubject(uint32_t begin) const {
    for (size_t i = begin; i < out_->arguments.size(); ++i) {
      if (out_->arguments[i].from_subject) return true;
    }
    return false;
  }
  bool HasRole(uint32_t begin, ArgRole role) const {
    for (size_t i = begin; i < out_->arguments.size(); ++i) {
      if (out_->arguments[i].role == role) return true;
    }
    return false;
  }

  // Copies the subject of `word`'s clause as this frame's subject: the subject arguments of
  // its verb frame, else its own nsubj (an adjective: "is ready to talk"), else that of the
  // clause it is an xcomp or conjunct of. False when none is found.
  bool CopySubjectOf(int word, ArgRole role, ArgSource source) {
    for (int hops = 0; word >= 0 && hops < 8; ++hops) {
      const int f = out_->frame_of_word[word];
      if (f >= 0 && out_->frames[f].kind == PredicateKind::kVerb) {
        const Frame& from = out_->frames[f];
        bool copied = false;
        for (uint32_t i = from.args_begin; i < from.args_end; ++i) {
          Argument a = out_->arguments[i];
          if (!a.from_subject) continue;
          a.role = role;
          a.source = source;
          out_->arguments.push_back(a);
          copied = true;
        }
        return copied;
      }
      for (int c : t_.Children(word)) {
        const int g = GroupHeadedBy(p_, c);
        if (g >= 0 && BaseRelation(W(c).deprel) == "nsubj") {
          AddGroup(role, source, g, {}, true);
          return true;
        }
      }
      const std::string_view base = BaseRelation(W(word).deprel);
      if (base != "xcomp" && base != "conj") return false;
      word = t_.head[word];
    }
    return false;
  }

  // The inverted subject of a speech verb, as the parser reads it: "..., summed up Kulik."
  // comes out as a conjunct or parataxis with Kulik as object, '"...," said Ronalds.' as a
  // root with Ronalds as a ccomp. A speech verb with no subject of its own, after a comma or
  // after the quote it governs, takes the first nominal dependent after it (obj, ccomp, iobj
  // or dep) as its speaker. Returns that word, or -1.
  int InvertedSpeaker(int v) const {
    if (!internal::IsSpeechVerb(W(v).lemma)) return -1;
    const std::string_view base = BaseRelation(W(v).deprel);
    const int h = t_.head[v];
    // The parser hangs such a verb from the clause before it in several ways.
    const bool after_clause =
        (base == "conj" || base == "parataxis" || base == "advcl" || base == "ccomp") && h >= 0 &&
        h < v;
    bool comma = v > 0 && W(v - 1).form == ",";
    bool quote_before = false;
    int speaker = -1;
    for (int c : t_.Children(v)) {
      const std::string_view cb = BaseRelation(W(c).deprel);
      if (cb == "nsubj" || cb == "csubj" || cb == "expl") return -1;
      if (cb == "punct" && c < v && W(c).form == ",") comma = true;
      if ((cb == "ccomp" || cb == "parataxis") && c < v) quote_before = true;
      const int g = GroupHeadedBy(p_, c);
      // "summed up Kulik" is also read with Kulik as a bare oblique.
      const bool bare_obl = W(c).deprel == "obl" && g >= 0 && p_.groups[g].case_word < 0;
      if (speaker < 0 && c > v && g >= 0 &&
          (cb == "obj" || cb == "ccomp" || cb == "iobj" || cb == "dep" || bare_obl)) {
        speaker = c;
      }
    }
    return (after_clause && comma) || quote_before ? speaker : -1;
  }

  bool CommaBetween(int a, int b) const {
    for (int k = a + 1; k < b; ++k) {
      if (W(k).form == ",") return true;
    }
    return false;
  }

  // The speech frame that clause head `x` is reported under through a speech verb hanging
  // from it ("Russia will not attack Ukraine, the Kremlin said."; "..., summed up Kulik"),
  // or -1. The speech verb has a subject or an inverted one, and no complement of its own.
  int ReportingChild(int x) const {
    for (int c : t_.Children(x)) {
      const int f = out_->frame_of_word[c];
      if (f < 0 || !out_->frames[f].is_speech || c < x) continue;
      bool has_subject = false, has_complement = false;
      for (int d : t_.Children(c)) {
        const std::string_view db = BaseRelation(W(d).deprel);
        if (db == "nsubj") has_subject = true;
        if (db == "ccomp" || db == "xcomp") has_complement = true;
      }
      if (BaseRelation(W(c).deprel) == "parataxis" && has_subject && !has_complement) return f;
      if (InvertedSpeaker(c) >= 0) return f;
      // "Russia will not attack Ukraine, the Kremlin said" read with "said" as a ccomp of
      // the clause before it (EWT annotates it as parataxis).
      if (BaseRelation(W(c).deprel) == "ccomp" && has_subject && !has_complement &&
          CommaBetween(x, c)) {
        return f;
      }
    }
    return -1;
  }

  // Whether frame `self` (predicate `w`) is reported, and under which speech frame: the
  // clause it sits in is the ccomp or parataxis of a speech verb (or the xcomp of a passive
  // one: "is said to have"), or has a speech verb
  // hanging from it (ReportingChild), or sits in a reported frame. Copular clauses have no
  // frame, so the walk up to the governing frame checks every clause head on the way.
  int SpeechFrameOf(int w, int self) const {
    int prev = w;
    for (int x = w; x >= 0; prev = x, x = t_.head[x]) {
      const int f = out_->frame_of_word[x];
      if (f >= 0 && f != self) {
        const Frame& g = out_->frames[f];
        const std::string_view rel = BaseRelation(W(prev).deprel);
        // "Isis was said to have survived": the xcomp of a passive speech verb is hearsay.
        const bool passive_speech =
            g.is_speech && g.verb_group >= 0 && p_.verbs[g.verb_group].voice == Voice::kPassive;
        if (g.is_speech &&
            (rel == "ccomp" || rel == "parataxis" || (rel == "xcomp" && passive_speech))) {
          return f;
        }
        return g.reported && g.speech_frame != self ? g.speech_frame : -1;
      }
      const int child = ReportingChild(x);
      if (child >= 0 && child != self) return child;
    }
    return -1;
  }

  int NearestFrameAbove(int w) const {
    for (int x = t_.head[w]; x >= 0; x = t_.head[x]) {
      if (out_->frame_of_word[x] >= 0) return out_->frame_of_word[x];
    }
    return -1;
  }

  void BuildVerbFrame(int fi) {
    const int v = out_->frames[fi].predicate;
    const VerbGroup& vg = p_.verbs[out_->frames[fi].verb_group];
    const bool passive = vg.voice == Voice::kPassive;
    const ArgRole subject_role = passive ? ArgRole::kPatient : ArgRole::kAgent;
    const uint32_t begin = static_cast<uint32_t>(out_->arguments.size());
    const std::string_view rel = W(v).deprel;
    const std::string_view base = BaseRelation(rel);
    const int h = t_.head[v];
    Frame f = out_->frames[fi];  // written back at the end (AddGroup may grow vectors)
    f.args_begin = begin;
    f.governor = NearestFrameAbove(v);
    f.clause = ClauseOf(rel);
    if (base == "conj" && h >= 0 && out_->frame_of_word[h] >= 0) {
      const Frame& first = out_->frames[out_->frame_of_word[h]];
      f.conjunct_of = out_->frame_of_word[h];
      f.clause = first.clause;
      f.relative_head = first.relative_head;
    }
    // The relativised noun: the group a relative or participle clause hangs from.
    int relativised = -1;
    if ((f.clause == ClauseKind::kRelative || f.clause == ClauseKind::kParticiple) &&
        base != "conj" && h >= 0) {
      relativised = p_.group_of_word[h];
      f.relative_head = h;
    }
    for (int c : t_.Children(v)) {
      if (BaseRelation(W(c).deprel) == "advcl" && out_->frame_of_word[c] >= 0) {
        for (int m : t_.Children(c)) {
          if (BaseRelation(W(m).deprel) == "mark" && internal::IsConditionMark(W(m).lemma)) {
            f.condition_frame = out_->frame_of_word[c];
            f.mood_flags |= kMoodConditional;
          }
        }
      }
    }
    if (base == "advcl" && h >= 0) {
      for (int m : t_.Children(v)) {
        if (BaseRelation(W(m).deprel) == "mark" && internal::IsConditionMark(W(m).lemma)) {
          f.clause = ClauseKind::kCondition;
          f.mood_flags |= kMoodHypothetical;
        }
      }
    }
    // Direct dependents.
    const int inverted_speaker = InvertedSpeaker(v);
    const bool inverted = inverted_speaker >= 0;
    bool relative_word_seen = false;
    for (int c : t_.Children(v)) {
      const std::string_view crel = W(c).deprel;
      const std::string_view cbase = BaseRelation(crel);
      int g = GroupHeadedBy(p_, c);
      if (g < 0) continue;
      ArgSource source = ArgSource::kDirect;
      if (relativised >= 0 && f.clause == ClauseKind::kRelative &&
          internal::IsRelativeWord(W(c).lemma) && (W(c).upos == "PRON" || W(c).upos == "DET")) {
        g = relativised;
        source = ArgSource::kRelative;
        relative_word_seen = true;
      }
      const std::string_view prep =
          p_.groups[GroupHeadedBy(p_, c)].preposition;  // of the word itself
      if (c == inverted_speaker) {
        AddGroup(ArgRole::kAgent, ArgSource::kInverted, g, {}, true);
      } else if (crel == "nsubj:pass" || crel == "csubj:pass") {
        AddGroup(ArgRole::kPatient, source, g, {}, true);
      } else if (cbase == "nsubj") {
        AddGroup(ArgRole::kAgent, source, g, {}, true);
      } else if (cbase == "obj") {
        AddGroup(ArgRole::kPatient, source, g, {}, false);
      } else if (cbase == "iobj") {
        AddGroup(ArgRole::kRecipient, source, g, {}, false);
      } else if (crel == "obl:agent" || (cbase == "obl" && passive && EqualsLower(prep, "by"))) {
        AddGroup(ArgRole::kAgent, ArgSource::kPassiveAgent, g, prep, false);
      } else if (cbase == "obl") {
        AddGroup(ArgRole::kOblique, source, g, prep, false);
      }
    }
    // Empty subject (and object) positions filled from the clause around.
    if (relativised >= 0 && f.clause == ClauseKind::kRelative && !relative_word_seen) {
      if (!HasSubject(begin)) {
        AddGroup(subject_role, ArgSource::kRelative, relativised, {}, true);
      } else if (!HasRole(begin, ArgRole::kPatient) && !HasRelativeAdverb(v)) {
        AddGroup(ArgRole::kPatient, ArgSource::kRelative, relativised, {},
                 false);  // "the deal Russia signed"
      }
    } else if (relativised >= 0 && f.clause == ClauseKind::kParticiple && !HasSubject(begin)) {
      const std::string_view form = internal::FeatureValue(W(v).feats, "VerbForm");
      if (passive) {
        AddGroup(ArgRole::kPatient, ArgSource::kParticiple, relativised, {}, true);
      } else if (W(v).xpos == "VBG" || form == "Ger" ||
                 (form == "Part" && internal::HasFeature(W(v).feats, "Tense=Pres"))) {
        AddGroup(ArgRole::kAgent, ArgSource::kParticiple, relativised, {}, true);
      }
    } else if (base == "xcomp" && h >= 0 && !HasSubject(begin)) {
      f.controller_frame = out_->frame_of_word[h];
      int controller = -1;
      for (int c : t_.Children(h)) {
        if ((W(c).deprel == "obj" || W(c).deprel == "iobj") && GroupHeadedBy(p_, c) >= 0) {
          controller = GroupHeadedBy(p_, c);
          break;
        }
      }
      if (controller >= 0) {
        AddGroup(subject_role, ArgSource::kControl, controller, {}, true);  // object control
      } else {
        CopySubjectOf(h, subject_role, ArgSource::kControl);
      }
    } else if (base == "conj" && h >= 0 && !HasSubject(begin)) {
      CopySubjectOf(h, subject_role, ArgSource::kShared);
    } else if ((base == "advcl") && h >= 0 && !HasSubject(begin) && inverted_speaker < 0) {
      CopySubjectOf(h, subject_role, ArgSource::kControl);  // "..., killing five people"
    }
    f.args_end = static_cast<uint32_t>(out_->arguments.size());
    // Mood from the verb group, then what this clause inherits.
    if (vg.negated) f.mood_flags |= kMoodNegated;
    switch (vg.modal_source) {
      case ModalSource::kAuxiliary:
        f.mood_flags |= kMoodModal;
        break;
      case ModalSource::kReadiness:
      case ModalSource::kIntention:
        f.mood_flags |= kMoodIntended;
        break;
      case ModalSource::kRefusal:
        f.mood_flags |= kMoodRefused;
        break;
      case ModalSource::kNone:
        break;
    }
    f.modal_word = vg.modal_word;
    f.modal = vg.modal;
    if (f.conjunct_of >= 0 && vg.modal_source == ModalSource::kNone && !HasOwnSubject(v) &&
        !inverted && internal::FeatureValue(W(v).feats, "VerbForm") != "Fin") {
      // "will meet Y and sign a deal", "plans to meet Y and sign a deal": the auxiliary and
      // the governor sit on the first verb only, so a non-finite second verb shares the
      // first's mood, all but its own negation, which only "or" keeps in scope ("will not
      // attack or invade"). A finite one ("..., and withdrew") has a mood of its own.
      const Frame& first = out_->frames[f.conjunct_of];
      f.mood_flags |= first.mood_flags & ~kMoodNegated;
      if (f.modal_word < 0) {
        f.modal_word = first.modal_word;
        f.modal = first.modal;
      }
      if ((first.mood_flags & kMoodNegated) && HasCoordinator(v, "or")) {
        f.mood_flags |= kMoodInheritedNegation;
      }
    }
    const bool embedded =
        base == "xcomp" || base == "advcl" || base == "csubj" ||
        (base == "acl" && rel != "acl:relcl") ||
        (base == "ccomp" && !(f.governor >= 0 && out_->frames[f.governor].is_speech) &&
         !(f.is_speech && h >= 0 && ReportingChild(h) == fi));
    if (embedded && f.governor >= 0) {
      const Frame& g = out_->frames[f.governor];
      if (g.mood_flags & kNegationBits) f.mood_flags |= kMoodInheritedNegation;
      if (g.mood_flags & kIntentBits) f.mood_flags |= kMoodInheritedIntent;
      if (g.mood_flags & kConditionBits) f.mood_flags |= kMoodInheritedCondition;
      if (f.modal_word < 0 && g.modal_word >= 0) {
        f.modal_word = g.modal_word;
        f.modal = g.modal;
      }
    }
    f.speech_frame = SpeechFrameOf(v, fi);
    f.reported = f.speech_frame >= 0;
    out_->frames[fi] = f;
  }

  bool HasOwnSubject(int v) const {
    for (int c : t_.Children(v)) {
      if (BaseRelation(W(c).deprel) == "nsubj") return true;
    }
    return false;
  }
  bool HasCoordinator(int v, std::string_view lemma) const {
    for (int c : t_.Children(v)) {
      if (BaseRelation(W(c).deprel) == "cc" && EqualsLower(W(c).lemma, lemma)) return true;
    }
    return false;
  }
  bool HasRelativeAdverb(int v) const {
    for (int c : t_.Children(v)) {
      if (internal::IsRelativeAdverb(W(c).lemma)) return true;
    }
    return false;
  }

  void BuildNounFrame(int fi) {
    Frame f = out_->frames[fi];
    const NounGroup& g = p_.groups[f.noun_group];
    f.args_begin = static_cast<uint32_t>(out_->arguments.size());
    f.clause = ClauseKind::kNominal;
    f.governor = NearestFrameAbove(f.predicate);
    // Modifiers directly on the noun that may name its agent: "Russian attack", "the Vienna
    // talks" (a place, most likely; the gazetteer decides).
    uint8_t conjunct = 0;
    for (uint32_t m = g.members_begin; m < g.members_end; ++m) {
      const GroupMember& member = p_.members[m];
      const bool top = member.attach == g.head || member.coordinated;
      const bool candidate =
          (member.role == MemberRole::kAmod &&
           (W(member.word).upos == "ADJ" || W(member.word).upos == "PROPN")) ||
          (member.role == MemberRole::kCompound && W(member.word).upos == "PROPN");
      if (!top || !candidate) continue;
      Argument a;
      a.role = ArgRole::kAgent;
      a.source = ArgSource::kModifier;
      a.word = member.word;
      a.locative = member.possible_place;
      a.conjunct = conjunct < 255 ? conjunct++ : conjunct;
      out_->arguments.push_back(a);
    }
    for (uint32_t l = g.links_begin; l < g.links_end; ++l) {
      const int sub = p_.links[l];
      const NounGroup& sg = p_.groups[sub];
      if (sg.link == LinkKind::kPossessor) {
        AddGroup(ArgRole::kAgent, ArgSource::kDirect, sub, {}, false);
      } else if (sg.link == LinkKind::kNmod || sg.link == LinkKind::kPart) {
        const std::string_view prep = sg.preposition;
        if (EqualsLower(prep, "by")) {
          AddGroup(ArgRole::kAgent, ArgSource::kDirect, sub, prep, false);
        } else if (internal::IsNounPatientCase(prep)) {
          AddGroup(ArgRole::kPatient, ArgSource::kDirect, sub, prep, false);
        } else if (EqualsLower(prep, "to")) {
          AddGroup(ArgRole::kRecipient, ArgSource::kDirect, sub, prep, false);
        } else {
          AddGroup(ArgRole::kOblique, ArgSource::kDirect, sub, prep, false);
        }
      }
    }
    f.args_end = static_cast<uint32_t>(out_->arguments.size());
    for (int c : t_.Children(f.predicate)) {
      if (BaseRelation(W(c).deprel) == "det" && EqualsLower(W(c).lemma, "no")) {
        f.mood_flags |= kMoodNegated;  // "no talks"
      }
    }
    if (f.verb_group >= 0 && p_.verbs[f.verb_group].negated) f.mood_flags |= kMoodNegated;
    f.speech_frame = SpeechFrameOf(f.predicate, fi);
    f.reported = f.speech_frame >= 0;
    out_->frames[fi] = f;
  }

  const ParsedSentence& s_;
  const Tree& t_;
  const Phrases& p_;
  Frames* out_;
};

}  // namespace

namespace internal {

Mood MoodSummary(uint16_t flags) {
  if (flags & kNegationBits) return Mood::kNegated;
  if (flags & kMoodHypothetical) return Mood::kHypothetical;
  if (flags & (kMoodConditional | kMoodInheritedCondition)) return Mood::kConditional;
  if (flags & (kMoodIntended | kMoodInheritedIntent)) return Mood::kIntended;
  if (flags & kMoodModal) return Mood::kModal;
  return Mood::kAsserted;
}

}  // namespace internal

void BuildFrames(const ParsedSentence& sentence, const Tree& tree, const Phrases& phrases,
                 Frames* out) {
  out->frames.clear();
  out->arguments.clear();
  out->frame_of_word.assign(tree.size(), -1);
  out->sentence = &sentence;
  out->phrases = &phrases;
  Builder(sentence, tree, phrases, out).Run();
}

}  // namespace parley::frames
