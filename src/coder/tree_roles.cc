#include "coder/tree_roles.h"

#include <algorithm>

namespace parley::tree_roles {
namespace {

using frames::ArgRole;
using frames::Argument;
using frames::Frame;

struct Range {
  int first = -1, last = -1;
  bool empty() const { return first < 0; }
  bool Meets(const Range& o) const {
    return !empty() && !o.empty() && first <= o.last && o.first <= last;
  }
};

// The words that overlap bytes [start, end) of the sentence.
Range WordsOf(const frames::ParsedSentence& s, int32_t start, int32_t end) {
  Range r;
  if (start < 0 || end <= start) return r;
  for (int i = 0; i < static_cast<int>(s.words.size()); ++i) {
    const auto& w = s.words[i];
    if (static_cast<int32_t>(w.start) < end && static_cast<int32_t>(w.end) > start) {
      if (r.first < 0) r.first = i;
      r.last = i;
    }
  }
  return r;
}

// The words an argument stands for: its whole actor phrase, or the modifier word.
Range ExtentOf(const frames::SentenceFrames& l, const Argument& a) {
  if (a.group >= 0) {
    const frames::NounGroup& g = l.phrases.groups[a.group];
    return {g.extent_first, g.extent_last};
  }
  return {a.word, a.word};
}

// Relations that tie a word to the predicate it belongs to (a particle, an auxiliary),
// through which the verb of a pattern is looked up.
bool PartOfPredicate(std::string_view deprel) {
  return deprel == "compound:prt" || deprel == "fixed" || deprel == "aux" || deprel == "aux:pass" ||
         deprel == "cop" || deprel == "mark" || deprel == "case" || deprel == "compound";
}

// The frame of the event's verb: a predicate among the verb's words, else the predicate a
// verb word hangs from as a particle or auxiliary.
const Frame* FrameOfVerb(const Scratch& s, const Range& verb) {
  const frames::Frames& f = s.layers.frames;
  for (int w = verb.first; !verb.empty() && w <= verb.last; ++w) {
    if (f.frame_of_word[w] >= 0) return &f.frames[f.frame_of_word[w]];
  }
  for (int w = verb.first; !verb.empty() && w <= verb.last; ++w) {
    int at = w;
    for (int step = 0; step < 2 && at >= 0; ++step) {
      if (!PartOfPredicate(s.parsed.words[at].deprel)) break;
      at = s.layers.tree.head[at];
      if (at >= 0 && f.frame_of_word[at] >= 0) return &f.frames[f.frame_of_word[at]];
    }
  }
  return nullptr;
}

// True when the dictionary pattern itself covers the negation ("did not attend" coded
// as a refusal by its own pattern).
bool PatternHoldsNegation(const Scratch& s, const Frame& frame, const Range& verb) {
  if (frame.verb_group < 0) return false;
  const int neg = s.layers.phrases.verbs[frame.verb_group].negation_word;
  return neg >= 0 && neg >= verb.first && neg <= verb.last;
}

struct Roles {
  bool source_agent = false, source_other = false;
  bool target_agent = false, target_party = false, target_place = false;
  // An agent that names someone: a pronoun agent ("it", "he") may stand for the very
  // actor the patterns found elsewhere in the sentence, so it is no evidence against it.
  bool has_named_agent = false;
  bool target_speaker = false;  // the target is who reports the frame
};

Roles RolesIn(const Scratch& s, const Frame& frame, const Range& source, const Range& target) {
  Roles r;
  for (const Argument& a : s.layers.frames.Args(frame)) {
    const Range extent = ExtentOf(s.layers, a);
    if (a.role == ArgRole::kAgent) {
      // Agents found through control, participles or shared subjects are the parse's
      // weakest guesses; only direct subjects (and relative-clause heads) count against
      // the patterns' source.
      const bool firm = a.source == frames::ArgSource::kDirect ||
                        a.source == frames::ArgSource::kPassiveAgent ||
                        a.source == frames::ArgSource::kRelative;
      r.has_named_agent |= firm && a.word >= 0 && s.parsed.words[a.word].upos != "PRON";
      r.source_agent |= extent.Meets(source);
      r.target_agent |= extent.Meets(target);
    } else {
      r.source_other |= extent.Meets(source);
      if (extent.Meets(target)) (a.locative ? r.target_place : r.target_party) = true;
    }
  }
  // Reported speech: the speaker is the source of the statement itself, and never the
  // target of what it reports ("... will also resume, summed up Kulik").
  if (frame.speaker_group >= 0) {
    const frames::NounGroup& g = s.layers.phrases.groups[frame.speaker_group];
    const Range speaker{g.extent_first, g.extent_last};
    r.source_agent |= speaker.Meets(source) && frame.is_speech;
    r.target_speaker = frame.reported && speaker.Meets(target) && !r.target_party;
  }
  return r;
}

// True when the source is an argument of a relative or participle clause other than
// `frame` ("the minister, who met Ukraine's president, criticised Russia": the president
// belongs to "met"). Arguments of other main or complement clauses are not counted: there
// the parse is too often wrong about which clause a noun belongs to.
bool ArgumentElsewhere(const Scratch& s, const Frame& frame, const Range& source) {
  const frames::Frames& f = s.layers.frames;
  for (const Frame& other : f.frames) {
    if (&other == &frame) continue;
    if (other.clause != frames::ClauseKind::kRelative &&
        other.clause != frames::ClauseKind::kParticiple) {
      continue;
    }
    for (const Argument& a : f.Args(other)) {
      if (ExtentOf(s.layers, a).Meets(source)) return true;
    }
  }
  return false;
}

// Meetings and talks held somewhere are not with the place ("talks in Geneva"); a visit
// to a place is with its host ("arrived in Amman", 042/043), and material acts in a place
// may well be against it ("strikes in Syria").
bool PlaceIsNoParty(std::string_view code) {
  const std::string_view root = code.substr(0, 2);
  if (code == "042" || code == "043") return false;
  return root == "03" || root == "04" || root == "05";
}

}  // namespace

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kKeep:
      return "consistent with the parse";
    case Verdict::kRefusal:
      return "recoded as a refusal: the cooperative act is refused or ruled out";
    case Verdict::kSwap:
      return "source and target swapped (the parse has them the other way round)";
    case Verdict::kNegated:
      return "no event: the predicate is negated or refused";
    case Verdict::kHypothetical:
      return "no event: the predicate is inside an if/unless condition";
    case Verdict::kTargetIsAgent:
      return "no event: the target is the one acting (or reporting) and the source is no "
             "argument";
    case Verdict::kTargetIsPlace:
      return "no event: the target is only where it happened";
    case Verdict::kAudience:
      return "no event: a statement to the press has the media as its audience, not as a party";
    case Verdict::kForeignSource:
      return "no event: the source belongs to a relative or participle clause and this verb "
             "has its own agent";
  }
  return "";
}

Scratch::Scratch(std::shared_ptr<const syntax::Model> model) : analyzer(std::move(model)) {}

void ParseSentence(const text::TokenizedSentence& tokens, Scratch* s) {
  syntax::UdWords(tokens, &s->words);
  s->analyzer.Analyze(s->words);
  frames::FromAnalyzer(s->analyzer, s->words, &s->parsed);
  frames::Analyze(s->parsed, &s->layers);
}

bool JointCooperation(const Scratch& s, const Event& a, const Event& b) {
  if (!a.target.code.empty() || !b.target.code.empty() || a.code != b.code ||
      a.verb.start != b.verb.start || a.verb.end != b.verb.end || a.source.code == b.source.code) {
    return false;
  }
  const std::string_view root = std::string_view(a.code).substr(0, 2);
  if (root != "03" && root != "04" && root != "05" && root != "06") return false;
  const Frame* frame = FrameOfVerb(s, WordsOf(s.parsed, a.verb.start, a.verb.end));
  if (frame == nullptr) return false;
  const Range sa = WordsOf(s.parsed, a.source.start, a.source.end);
  const Range sb = WordsOf(s.parsed, b.source.start, b.source.end);
  int agent_a = -1, agent_b = -1, index = 0;
  for (const Argument& arg : s.layers.frames.Args(*frame)) {
    if (arg.role == ArgRole::kAgent) {
      // The word itself, not the whole phrase: conjuncts share their head's extent.
      const Range at = arg.group >= 0 ? Range{s.layers.phrases.groups[arg.group].first,
                                              s.layers.phrases.groups[arg.group].last}
                                      : Range{arg.word, arg.word};
      if (agent_a < 0 && at.Meets(sa)) agent_a = index;
      if (agent_b < 0 && at.Meets(sb)) agent_b = index;
    }
    ++index;
  }
  if (agent_a < 0 || agent_b < 0) return false;
  if (agent_a != agent_b) return true;
  // One agent whose modifiers are coordinated: "Japanese and Chinese officials".
  const Argument& agent = s.layers.frames.Args(*frame)[agent_a];
  if (agent.group < 0) return false;
  const frames::NounGroup& g = s.layers.phrases.groups[agent.group];
  int coordinated = 0;
  for (uint32_t m = g.members_begin; m < g.members_end; ++m) {
    const frames::GroupMember& member = s.layers.phrases.members[m];
    if (member.coordinated &&
        (Range{member.word, member.word}.Meets(sa) || Range{member.word, member.word}.Meets(sb)))
      ++coordinated;
  }
  return coordinated >= 1 && !sa.Meets(sb);
}

std::string_view RefusalOf(std::string_view code) {
  // CAMEO's refusals (12x) mirror its intents (03x) and the acts themselves (04x-08x).
  struct Pair {
    std::string_view from, to;
  };
  static constexpr Pair kExact[] = {
      {"010", "011"},   {"0311", "1211"}, {"0312", "1212"}, {"0331", "1221"}, {"0332", "1222"},
      {"0333", "1223"}, {"0334", "1224"}, {"0341", "1231"}, {"0342", "1232"}, {"0343", "1233"},
      {"0344", "1234"}, {"0351", "1241"}, {"0352", "1242"}, {"0353", "1243"}, {"0354", "1244"},
      {"0355", "1245"}, {"0356", "1246"}, {"057", "127"},   {"061", "1211"},  {"062", "1212"},
      {"071", "1221"},  {"072", "1222"},  {"073", "1223"},  {"074", "1224"},  {"075", "1223"},
      {"081", "1241"},  {"082", "1242"},  {"084", "1243"},  {"085", "1244"},  {"086", "1245"},
      {"087", "1246"},
  };
  for (const Pair& p : kExact) {
    if (code == p.from) return p.to;
  }
  static constexpr Pair kByPrefix[] = {
      {"031", "121"}, {"033", "122"}, {"034", "123"}, {"035", "124"}, {"036", "125"},
      {"038", "126"}, {"039", "126"}, {"03", "120"},  {"04", "125"},  {"05", "120"},
      {"06", "121"},  {"07", "122"},  {"083", "123"}, {"08", "124"},
  };
  for (const Pair& p : kByPrefix) {
    if (code.substr(0, p.from.size()) == p.from) return p.to;
  }
  return "";
}

// True when `target` is who reports some frame of the sentence and the event's verb is not
// that speech verb: the speaker of reported words is not their target, even where the
// parse has no frame for the event's verb.
bool TargetIsAReporter(const Scratch& s, const Range& verb, const Range& target) {
  for (const Frame& f : s.layers.frames.frames) {
    if (!f.reported || f.speaker_group < 0 || f.speech_frame < 0) continue;
    const frames::NounGroup& g = s.layers.phrases.groups[f.speaker_group];
    const int speech = s.layers.frames.frames[f.speech_frame].predicate;
    if (Range{g.extent_first, g.extent_last}.Meets(target) && !Range{speech, speech}.Meets(verb)) {
      return true;
    }
  }
  return false;
}

namespace {

// The actor that stands for argument `a`: the one holding the argument's head word, else
// the first inside its phrase; -1 when none.
int ActorOfArgument(const Scratch& s, std::span<const ActorSpan> actors, const Argument& a) {
  const Range extent = ExtentOf(s.layers, a);
  const Range head{a.word, a.word};
  int inside = -1;
  for (int i = 0; i < static_cast<int>(actors.size()); ++i) {
    const Range words = WordsOf(s.parsed, actors[i].start, actors[i].end);
    if (words.empty()) continue;
    if (words.Meets(head)) return i;
    if (inside < 0 && words.first >= extent.first && words.last <= extent.last) inside = i;
  }
  return inside;
}

}  // namespace

bool CompleteRoles(const Scratch& s, std::span<const ActorSpan> actors, Event* e) {
  const Frame* frame = FrameOfVerb(s, WordsOf(s.parsed, e->verb.start, e->verb.end));
  if (frame == nullptr) return false;
  const auto args = s.layers.frames.Args(*frame);
  if (e->source.code.empty()) {
    for (const Argument& a : args) {
      if (a.role != ArgRole::kAgent) continue;
      const int actor = ActorOfArgument(s, actors, a);
      if (actor >= 0 && actors[actor].code != e->target.code) {
        e->source = actors[actor];
        break;
      }
    }
  }
  if (e->target.code.empty() && !e->source.code.empty()) {
    // Patient and recipient first, then obliques that name a party ("with", "against",
    // "to"), never a place.
    for (int pass = 0; pass < 2 && e->target.code.empty(); ++pass) {
      for (const Argument& a : args) {
        const bool wanted = pass == 0 ? a.role == ArgRole::kPatient || a.role == ArgRole::kRecipient
                                      : a.role == ArgRole::kOblique && !a.locative;
        if (!wanted) continue;
        const int actor = ActorOfArgument(s, actors, a);
        if (actor >= 0 && actors[actor].code != e->source.code) {
          e->target = actors[actor];
          break;
        }
      }
    }
  }
  return !e->source.code.empty() && !e->target.code.empty() && e->source.code != e->target.code;
}

// Media roles of CAMEO actor codes ("USAMED", "MED").
bool IsMediaCode(std::string_view code) { return code.size() >= 3 && code.ends_with("MED"); }

Verdict Judge(const Scratch& s, const Event& e, std::string_view* refusal_code) {
  const Range verb = WordsOf(s.parsed, e.verb.start, e.verb.end);
  if (e.root == "01" && IsMediaCode(e.target.code)) return Verdict::kAudience;
  const Range target_words = WordsOf(s.parsed, e.target.start, e.target.end);
  if (TargetIsAReporter(s, verb, target_words)) return Verdict::kTargetIsAgent;
  const Frame* frame = FrameOfVerb(s, verb);
  if (frame == nullptr) return Verdict::kKeep;
  constexpr uint16_t kNegation =
      frames::kMoodNegated | frames::kMoodRefused | frames::kMoodInheritedNegation;
  if ((frame->mood_flags & kNegation) != 0 && e.root != "12" &&
      !PatternHoldsNegation(s, *frame, verb)) {
    // A refusal ("refused to meet") or a ruled-out future act ("will not provide aid") is
    // the CAMEO refusal of a cooperative code; a plain negation ("did not attack") is no
    // event.
    constexpr uint16_t kRuledOut = frames::kMoodModal | frames::kMoodIntended |
                                   frames::kMoodInheritedIntent | frames::kMoodRefused;
    const std::string_view refusal = RefusalOf(e.code);
    if ((frame->mood_flags & kRuledOut) != 0 && !refusal.empty()) {
      if (refusal_code != nullptr) *refusal_code = refusal;
      return Verdict::kRefusal;
    }
    return Verdict::kNegated;
  }
  if ((frame->mood_flags & frames::kMoodHypothetical) != 0) return Verdict::kHypothetical;

  const Range source = WordsOf(s.parsed, e.source.start, e.source.end);
  const Range target = WordsOf(s.parsed, e.target.start, e.target.end);
  const Roles r = RolesIn(s, *frame, source, target);
  if (r.source_other && !r.source_agent && r.target_agent) return Verdict::kSwap;
  if ((r.target_agent && !r.source_agent && !r.source_other) || r.target_speaker) {
    return Verdict::kTargetIsAgent;
  }
  if (r.target_place && !r.target_party && !r.target_agent && PlaceIsNoParty(e.code)) {
    return Verdict::kTargetIsPlace;
  }
  if (r.has_named_agent && !source.empty() && !r.source_agent && !r.source_other &&
      ArgumentElsewhere(s, *frame, source)) {
    return Verdict::kForeignSource;
  }
  return Verdict::kKeep;
}

}  // namespace parley::tree_roles
