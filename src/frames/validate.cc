// Validate: every id and word number in the layers points where it may. Used by the fuzz
// target and the tests; cheap enough to run in debug paths of the coder.
#include <fmt/format.h>

#include "parley/frames.h"

namespace parley::frames {
namespace {

bool In(int x, size_t size) { return x >= 0 && static_cast<size_t>(x) < size; }
bool InOrNone(int x, size_t size) { return x == -1 || In(x, size); }

}  // namespace

Status Validate(const ParsedSentence& sentence, const SentenceFrames& layers) {
  const size_t n = sentence.words.size();
  const Tree& t = layers.tree;
  const Phrases& p = layers.phrases;
  const Frames& f = layers.frames;
  auto bad = [](std::string_view what) { return Status::Corruption(what); };
  if (t.head.size() != n || t.order.size() != n || t.depth.size() != n) {
    return bad("tree size differs from the sentence");
  }
  for (size_t i = 0; i < n; ++i) {
    if (!InOrNone(t.head[i], n)) return bad(fmt::format("word {}: head out of range", i + 1));
    if (t.head[i] >= 0 && t.depth[i] != t.depth[t.head[i]] + 1) {
      return bad(fmt::format("word {}: depth inconsistent", i + 1));
    }
  }
  if (p.group_of_word.size() != n || p.verb_of_word.size() != n || f.frame_of_word.size() != n) {
    return bad("a per-word map differs in size from the sentence");
  }
  for (size_t gi = 0; gi < p.groups.size(); ++gi) {
    const NounGroup& g = p.groups[gi];
    if (!In(g.head, n) || p.group_of_word[g.head] != static_cast<int>(gi)) {
      return bad(fmt::format("group {}: head", gi));
    }
    if (!(g.extent_first <= g.first && g.first <= g.head && g.head <= g.last &&
          g.last <= g.extent_last && In(g.extent_first, n) && In(g.extent_last, n))) {
      return bad(fmt::format("group {}: span", gi));
    }
    if (g.members_begin > g.members_end || g.members_end > p.members.size() ||
        g.links_begin > g.links_end || g.links_end > p.links.size()) {
      return bad(fmt::format("group {}: member or link range", gi));
    }
    for (uint32_t m = g.members_begin; m < g.members_end; ++m) {
      const GroupMember& member = p.members[m];
      if (!In(member.word, n) || p.group_of_word[member.word] != static_cast<int>(gi) ||
          !In(member.attach, n) || member.word < g.first || member.word > g.last) {
        return bad(fmt::format("group {}: member {}", gi, m));
      }
    }
    for (uint32_t l = g.links_begin; l < g.links_end; ++l) {
      if (!In(p.links[l], p.groups.size()) || p.groups[p.links[l]].parent != static_cast<int>(gi)) {
        return bad(fmt::format("group {}: link {}", gi, l));
      }
    }
    if (!InOrNone(g.parent, p.groups.size()) || !InOrNone(g.case_word, n)) {
      return bad(fmt::format("group {}: parent or case word", gi));
    }
  }
  for (size_t vi = 0; vi < p.verbs.size(); ++vi) {
    const VerbGroup& v = p.verbs[vi];
    if (!In(v.head, n) || p.verb_of_word[v.head] != static_cast<int>(vi) ||
        !InOrNone(v.modal_word, n) || !InOrNone(v.negation_word, n) ||
        !InOrNone(v.agent_group, p.groups.size()) || v.members_begin > v.members_end ||
        v.members_end > p.verb_members.size()) {
      return bad(fmt::format("verb group {}", vi));
    }
    for (uint32_t m = v.members_begin; m < v.members_end; ++m) {
      if (!In(p.verb_members[m].word, n)) return bad(fmt::format("verb group {}: member", vi));
    }
  }
  const size_t frames = f.frames.size();
  for (size_t fi = 0; fi < frames; ++fi) {
    const Frame& fr = f.frames[fi];
    if (!In(fr.predicate, n) || f.frame_of_word[fr.predicate] != static_cast<int>(fi) ||
        !InOrNone(fr.verb_group, p.verbs.size()) || !InOrNone(fr.noun_group, p.groups.size()) ||
        !InOrNone(fr.governor, frames) || !InOrNone(fr.conjunct_of, frames) ||
        !InOrNone(fr.controller_frame, frames) || !InOrNone(fr.speech_frame, frames) ||
        !InOrNone(fr.condition_frame, frames) || !InOrNone(fr.relative_head, n) ||
        !InOrNone(fr.speaker_group, p.groups.size()) || !InOrNone(fr.modal_word, n) ||
        fr.reported != (fr.speech_frame >= 0) || fr.args_begin > fr.args_end ||
        fr.args_end > f.arguments.size()) {
      return bad(fmt::format("frame {}", fi));
    }
    if (fr.speech_frame == static_cast<int>(fi))
      return bad(fmt::format("frame {} reports itself", fi));
    for (const Argument& a : f.Args(fr)) {
      if (!InOrNone(a.group, p.groups.size()) || !In(a.word, n) ||
          (a.group >= 0 && p.groups[a.group].head != a.word)) {
        return bad(fmt::format("frame {}: argument", fi));
      }
    }
  }
  return Status::OK();
}

}  // namespace parley::frames
