// The public coder: Coder codes documents sentence by sentence with the sparse-parse
// sentence coder (sentence_coder.h) and, with roles_from_tree, checks the events found
// against the sentence's parse (tree_roles.h).
#include "parley/coder.h"

#include <memory>
#include <string>
#include <utility>

#include "coder/sentence_coder.h"
#include "coder/tree_roles.h"
#include "parley/cameo.h"
#include "parley/frames.h"

namespace parley {

CoderScratch::CoderScratch() : impl_(std::make_unique<Impl>()) {}
CoderScratch::~CoderScratch() = default;

Coder::Coder(std::shared_ptr<const Dictionary> dictionary, CoderOptions options)
    : dict_(std::move(dictionary)), options_(std::move(options)) {}

// Parses the sentence (only sentences the patterns found events in) and applies the tree
// stage's verdicts to its events [first, end).
void Coder::CheckRolesAgainstTree(CoderScratch::Impl& impl, size_t first,
                                  std::vector<Event>* events, CoderTrace* trace) const {
  if (impl.tree == nullptr || &impl.tree->analyzer.model() != options_.syntax_model.get()) {
    impl.tree = std::make_unique<tree_roles::Scratch>(options_.syntax_model);
  }
  tree_roles::ParseSentence(impl.ts, impl.tree.get());
  if (trace) {
    std::string listing;
    frames::AppendTrace(impl.tree->layers.frames, &listing);
    trace->OnTree(listing);
  }
  // Applies the tree's verdict to `e`; false when the event is dropped.
  auto judged = [&](Event& e) {
    std::string_view refusal;
    const tree_roles::Verdict v = tree_roles::Judge(*impl.tree, e, &refusal);
    if (trace) trace->OnTreeVerdict(e, tree_roles::VerdictName(v));
    if (v == tree_roles::Verdict::kSwap) {
      std::swap(e.source, e.target);
    } else if (v == tree_roles::Verdict::kRefusal) {
      if (const CameoCode* cc = LookupCameo(refusal)) {
        e.code.assign(refusal);
        e.root.assign(refusal.substr(0, 2));
        e.quad_class = cc->quad_class;
        e.goldstein = cc->goldstein;
      }
    } else if (v != tree_roles::Verdict::kKeep) {
      return false;
    }
    return true;
  };
  size_t kept = first;
  for (size_t i = first; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (!judged(e)) continue;
    if (kept != i) (*events)[kept] = std::move(e);
    ++kept;
  }
  events->resize(kept);
  // Events whose pattern fired without a source or target get the missing role from the
  // verb's frame; those complete are judged like the others and kept unless the sentence
  // already has the same event.
  if (!impl.partial.empty()) {
    impl.actor_spans.clear();
    for (const coding::ActorRef& a : impl.actors) {
      for (int m = a.mem_begin; m < a.mem_end; ++m) {
        const coding::Member& mem = impl.members[m];
        if (mem.start < 0 || coding::IsSpecial(mem.code)) continue;
        ActorSpan span;
        span.code = mem.code;
        span.start = static_cast<int32_t>(impl.toks[mem.start].start);
        span.end = static_cast<int32_t>(impl.toks[mem.end - 1].end);
        impl.actor_spans.push_back(std::move(span));
      }
    }
    for (Event& e : impl.partial) {
      if (!tree_roles::CompleteRoles(*impl.tree, impl.actor_spans, &e)) continue;
      bool seen = false;
      for (size_t i = first; i < events->size() && !seen; ++i) {
        const Event& o = (*events)[i];
        seen = o.source.code == e.source.code && o.target.code == e.target.code && o.code == e.code;
      }
      if (seen || !judged(e)) continue;
      for (ActorSpan* span : {&e.source, &e.target}) {
        span->text.assign(
            std::string_view(e.sentence).substr(span->start, span->end - span->start));
      }
      if (trace) trace->OnTreeVerdict(e, "roles completed from the parse");
      events->push_back(std::move(e));
    }
  }
  PairJointActors(impl.tree.get(), first, events);
}

// "Peru and Chile signed an agreement": the patterns give each member as a source with no
// target; mutual cooperation among coordinated agents is each towards the others.
void Coder::PairJointActors(tree_roles::Scratch* tree, size_t first,
                            std::vector<Event>* events) const {
  const size_t end = events->size();
  std::vector<size_t>& group = tree->group;
  for (size_t i = first; i < end; ++i) {
    if (!(*events)[i].target.code.empty()) continue;
    group.assign(1, i);
    for (size_t j = i + 1; j < end; ++j) {
      if (tree_roles::JointCooperation(*tree, (*events)[i], (*events)[j])) group.push_back(j);
    }
    if (group.size() < 2) continue;
    std::vector<ActorSpan> members;
    for (size_t k : group) members.push_back((*events)[k].source);
    // Each member keeps its event, aimed at the next member; the other pairs are added.
    for (size_t g = 0; g < group.size(); ++g) {
      (*events)[group[g]].target = members[(g + 1) % members.size()];
    }
    for (size_t g = 0; g < group.size(); ++g) {
      for (size_t h = 0; h < members.size(); ++h) {
        if (h == g || h == (g + 1) % members.size()) continue;
        Event extra = (*events)[group[g]];
        extra.target = members[h];
        events->push_back(std::move(extra));
      }
    }
  }
}

SentenceOutcome Coder::CodeSentence(std::string_view sentence, const Event& event_template,
                                    CoderScratch* scratch, std::vector<Event>* events,
                                    CoderTrace* trace) const {
  size_t first = events->size();
  scratch->impl_->partial.clear();
  coding::SentenceCoder sc(*dict_, options_, *scratch->impl_, sentence, event_template, events,
                           trace);
  SentenceOutcome outcome = sc.Run();
  if (outcome != SentenceOutcome::kCoded) events->resize(first);
  const bool completable = outcome == SentenceOutcome::kNoEvent && !scratch->impl_->partial.empty();
  if ((outcome == SentenceOutcome::kCoded || completable) && options_.roles_from_tree &&
      options_.syntax_model != nullptr) {
    CheckRolesAgainstTree(*scratch->impl_, first, events, trace);
    outcome = events->size() == first ? SentenceOutcome::kNoEvent : SentenceOutcome::kCoded;
  }
  if (trace) {
    for (size_t i = first; i < events->size(); ++i) trace->OnEvent((*events)[i]);
    trace->OnOutcome(outcome, "");
  }
  return outcome;
}

void Coder::CodeDocument(const Document& doc, CoderScratch* scratch, std::vector<Event>* events,
                         CoderTrace* trace, std::vector<std::string>* warnings) const {
  CoderScratch::Impl& impl = *scratch->impl_;
  auto& sentences = impl.sentences;
  impl.surnames.clear();
  impl.memory.Clear();
  SplitSentencesForCoding(doc.text, &sentences, &impl.long_sentences);
  auto warn = [&](uint32_t offset, const std::string& what) {
    if (warnings == nullptr) return;
    std::string w;
    if (!doc.origin.empty()) {
      w = doc.origin;
      if (doc.origin_line > 0) w += ":" + std::to_string(doc.origin_line);
      w += ": ";
    }
    w += "document " + doc.id + ": sentence at byte " + std::to_string(offset) + " " + what;
    warnings->push_back(std::move(w));
  };
  for (const LongSentence& l : impl.long_sentences) {
    warn(l.start, "has " + std::to_string(l.tokens) + " tokens, more than the " +
                      std::to_string(kMaxSentenceTokens) + " the coder takes; coded as " +
                      std::to_string(l.pieces) + (l.pieces == 1 ? " piece" : " pieces"));
  }
  Event tmpl;
  tmpl.doc_id = doc.id;
  tmpl.date = doc.date;
  const size_t doc_first = events->size();
  impl.story_discarded = false;
  for (size_t i = 0; i < sentences.size(); ++i) {
    tmpl.sentence_index = static_cast<int32_t>(i);
    std::string_view sentence = std::string_view(doc.text).substr(
        sentences[i].start, sentences[i].end - sentences[i].start);
    if (CodeSentence(sentence, tmpl, scratch, events, trace) == SentenceOutcome::kTooLong) {
      // Only a single word of hundreds of hyphenated pieces gets here.
      warn(sentences[i].start,
           "is one word of more than " + std::to_string(kMaxSentenceTokens) + " pieces; skipped");
    }
    if (impl.story_discarded) {
      // PETRARCH: a "+" discard phrase in any sentence discards the whole story, the
      // events of the sentences before it included.
      events->resize(doc_first);
      break;
    }
  }
}

}  // namespace parley
