// The readable listing of stages 2 and 3 that `parley explain` shows. Words are printed as
// form#n with n the CoNLL-U word number (1-based), groups as G<id>, verb groups as V<id> and
// frames as F<id>.
#include <fmt/format.h>

#include <iterator>

#include "frames/frames.h"
#include "parley/frames.h"

namespace parley::frames {
namespace {

std::string_view MemberRoleName(MemberRole role) {
  switch (role) {
    case MemberRole::kCompound:
      return "compound";
    case MemberRole::kAmod:
      return "amod";
    case MemberRole::kFlat:
      return "flat";
    case MemberRole::kDet:
      return "det";
    case MemberRole::kNummod:
      return "nummod";
    case MemberRole::kOther:
      return "other";
  }
  return "?";
}

std::string_view LinkName(LinkKind kind) {
  switch (kind) {
    case LinkKind::kNone:
      return "none";
    case LinkKind::kPossessor:
      return "possessor";
    case LinkKind::kAppos:
      return "appos";
    case LinkKind::kPart:
      return "part";
    case LinkKind::kNmod:
      return "nmod";
    case LinkKind::kConjunct:
      return "conjunct";
  }
  return "?";
}

std::string_view TenseName(Tense t) {
  switch (t) {
    case Tense::kNone:
      return "none";
    case Tense::kPast:
      return "past";
    case Tense::kPresent:
      return "present";
    case Tense::kFuture:
      return "future";
  }
  return "?";
}

std::string_view ModalSourceName(ModalSource m) {
  switch (m) {
    case ModalSource::kNone:
      return "none";
    case ModalSource::kAuxiliary:
      return "auxiliary";
    case ModalSource::kReadiness:
      return "readiness";
    case ModalSource::kIntention:
      return "intention";
    case ModalSource::kRefusal:
      return "refusal";
  }
  return "?";
}

std::string_view SourceName(ArgSource s) {
  switch (s) {
    case ArgSource::kDirect:
      return "direct";
    case ArgSource::kPassiveAgent:
      return "passive-agent";
    case ArgSource::kControl:
      return "control";
    case ArgSource::kShared:
      return "shared";
    case ArgSource::kRelative:
      return "relative";
    case ArgSource::kParticiple:
      return "participle";
    case ArgSource::kModifier:
      return "modifier";
    case ArgSource::kInverted:
      return "inverted";
  }
  return "?";
}

void AppendWord(const ParsedSentence& s, int w, std::string* out) {
  if (w < 0 || w >= static_cast<int>(s.words.size())) {
    out->append("-");
    return;
  }
  fmt::format_to(std::back_inserter(*out), "{}#{}", s.words[w].form, w + 1);
}

void AppendSpan(const ParsedSentence& s, int first, int last, std::string* out) {
  out->push_back('"');
  for (int w = first; w <= last && w >= 0 && w < static_cast<int>(s.words.size()); ++w) {
    if (w > first) out->push_back(' ');
    out->append(s.words[w].form);
  }
  out->push_back('"');
}

constexpr struct {
  uint16_t bit;
  const char* name;
} kFlagNames[] = {
    {kMoodNegated, "negated"},
    {kMoodModal, "modal"},
    {kMoodConditional, "conditional"},
    {kMoodHypothetical, "hypothetical"},
    {kMoodIntended, "intended"},
    {kMoodRefused, "refused"},
    {kMoodInheritedNegation, "inherited-negation"},
    {kMoodInheritedIntent, "inherited-intent"},
    {kMoodInheritedCondition, "inherited-condition"},
};

}  // namespace

std::string_view MoodName(Mood mood) {
  switch (mood) {
    case Mood::kAsserted:
      return "asserted";
    case Mood::kNegated:
      return "negated";
    case Mood::kModal:
      return "modal";
    case Mood::kConditional:
      return "conditional";
    case Mood::kHypothetical:
      return "hypothetical";
    case Mood::kIntended:
      return "intended";
  }
  return "?";
}

std::string_view ArgRoleName(ArgRole role) {
  switch (role) {
    case ArgRole::kAgent:
      return "agent";
    case ArgRole::kPatient:
      return "patient";
    case ArgRole::kRecipient:
      return "recipient";
    case ArgRole::kOblique:
      return "oblique";
  }
  return "?";
}

std::string_view ClauseKindName(ClauseKind kind) {
  switch (kind) {
    case ClauseKind::kMain:
      return "main";
    case ClauseKind::kControlled:
      return "controlled";
    case ClauseKind::kComplement:
      return "complement";
    case ClauseKind::kRelative:
      return "relative";
    case ClauseKind::kParticiple:
      return "participle";
    case ClauseKind::kAdverbial:
      return "adverbial";
    case ClauseKind::kCondition:
      return "condition";
    case ClauseKind::kNominal:
      return "nominal";
    case ClauseKind::kOther:
      return "other";
  }
  return "?";
}

void AppendTrace(const Frames& frames, std::string* out) {
  if (frames.sentence == nullptr || frames.phrases == nullptr) {
    out->append("frames: not built\n");
    return;
  }
  const ParsedSentence& s = *frames.sentence;
  const Phrases& p = *frames.phrases;
  auto it = std::back_inserter(*out);
  out->append("noun groups:\n");
  for (size_t gi = 0; gi < p.groups.size(); ++gi) {
    const NounGroup& g = p.groups[gi];
    fmt::format_to(it, "  G{} head ", gi);
    AppendWord(s, g.head, out);
    out->push_back(' ');
    AppendSpan(s, g.extent_first, g.extent_last, out);
    fmt::format_to(it, " rel={}", g.relation);
    if (!g.preposition.empty()) fmt::format_to(it, " case={}", g.preposition);
    if (g.parent >= 0) fmt::format_to(it, " {}-of=G{}", LinkName(g.link), g.parent);
    if (g.locative != Locative::kNone) out->append(" locative");
    if (g.eventive) out->append(" eventive");
    for (uint32_t m = g.members_begin; m < g.members_end; ++m) {
      const GroupMember& member = p.members[m];
      out->append(m == g.members_begin ? " members:" : "");
      out->push_back(' ');
      AppendWord(s, member.word, out);
      fmt::format_to(it, "/{}", MemberRoleName(member.role));
      if (member.coordinated) out->append("+conj");
      if (member.possible_place) out->append("+place?");
    }
    out->push_back('\n');
  }
  out->append("verb groups:\n");
  for (size_t vi = 0; vi < p.verbs.size(); ++vi) {
    const VerbGroup& v = p.verbs[vi];
    fmt::format_to(it, "  V{} ", vi);
    AppendWord(s, v.head, out);
    fmt::format_to(it, " lemma={} tense={} voice={}", v.lemma, TenseName(v.tense),
                   v.voice == Voice::kPassive ? "passive" : "active");
    if (v.modal_source != ModalSource::kNone) {
      fmt::format_to(it, " modal={}({})", v.modal, ModalSourceName(v.modal_source));
    }
    if (v.negated) out->append(" negated");
    if (v.copular) out->append(" copular");
    if (v.agent_group >= 0) fmt::format_to(it, " by=G{}", v.agent_group);
    out->push_back('\n');
  }
  out->append("frames:\n");
  for (size_t fi = 0; fi < frames.frames.size(); ++fi) {
    const Frame& f = frames.frames[fi];
    fmt::format_to(it, "  F{} ", fi);
    AppendWord(s, f.predicate, out);
    fmt::format_to(it, " {} {} mood={}", f.kind == PredicateKind::kVerb ? "verb" : "noun",
                   ClauseKindName(f.clause), MoodName(f.mood));
    if (f.mood_flags != 0) {
      out->append(" [");
      bool first = true;
      for (const auto& flag : kFlagNames) {
        if (!(f.mood_flags & flag.bit)) continue;
        if (!first) out->push_back(',');
        out->append(flag.name);
        first = false;
      }
      out->push_back(']');
    }
    if (!f.modal.empty()) fmt::format_to(it, " modal={}", f.modal);
    if (f.governor >= 0) fmt::format_to(it, " under=F{}", f.governor);
    if (f.conjunct_of >= 0) fmt::format_to(it, " conj-of=F{}", f.conjunct_of);
    if (f.relative_head >= 0) {
      out->append(" modifies=");
      AppendWord(s, f.relative_head, out);
    }
    if (f.is_speech) out->append(" speech");
    if (f.reported) {
      fmt::format_to(it, " reported-by=F{}", f.speech_frame);
      if (f.speaker_group >= 0) fmt::format_to(it, " speaker=G{}", f.speaker_group);
    }
    if (f.condition_frame >= 0) fmt::format_to(it, " if=F{}", f.condition_frame);
    out->push_back('\n');
    for (const Argument& a : frames.Args(f)) {
      fmt::format_to(it, "    {}", ArgRoleName(a.role));
      if (!a.preposition.empty()) fmt::format_to(it, "({})", a.preposition);
      out->push_back(' ');
      if (a.group >= 0) fmt::format_to(it, "G{} ", a.group);
      AppendWord(s, a.word, out);
      fmt::format_to(it, " {}", SourceName(a.source));
      if (a.conjunct > 0) fmt::format_to(it, " conjunct={}", a.conjunct);
      if (a.locative) out->append(" locative");
      out->push_back('\n');
    }
  }
}

}  // namespace parley::frames
