// Events: the events of one coded verb, one per pair of source and target members, with
// the code rewritten as an intent or threat after a modal, and none inside a condition.
#include <algorithm>

#include "coder/sentence_coder.h"
#include "parley/cameo.h"

namespace parley::coding {

// A modal right before the verb, or one word before it ("may yet reach", "will be
// expelled"), or READY / WILLING TO before it, unless negated ("would not attack" is not a threat).
bool SentenceCoder::AfterModal(int verb_token) const {
  // "is ready to contribute", "is willing to send": an offer, like "will".
  if (verb_token >= 2 && Norm(verb_token - 1) == "TO") {
    std::string_view w = Norm(verb_token - 2);
    if (w == "READY" || w == "WILLING" || w == "PREPARED" || w == "EAGER" || w == "KEEN")
      return true;
  }
  for (int back = 1; back <= 2 && verb_token - back >= 0; ++back) {
    std::string_view w = Norm(verb_token - back);
    if (IsNegation(w)) return false;
    // "Theresa May spoke": a capitalised MAY mid-sentence is a name.
    if (IsModal(w)) return !s_.toks[verb_token - back].cap || all_caps_ || verb_token - back == 0;
  }
  return false;
}

// "The United States announced it would prohibit all aid": a sanction announced or decided
// is imposed by the announcement, so it is not a threat.
bool SentenceCoder::AnnouncedDecision(int verb_token) const {
  for (int t = verb_token - 1; t >= 0 && t >= verb_token - 6; --t) {
    std::string_view w = Norm(t);
    if (w.starts_with("ANNOUNC") || w.starts_with("DECID")) return true;
    if (w == "," || w == ";" || w == "IF" || w == "UNLESS") return false;
  }
  return false;
}

// "if Assad used chemical weapons again", "unless the president agrees": the verb of a
// condition reports no event. The condition ends at a comma or a clause word.
bool SentenceCoder::InConditional(int verb_token) const {
  for (int t = verb_token - 1; t >= 0 && t >= verb_token - 12; --t) {
    std::string_view w = Norm(t);
    if (w == "IF" || w == "UNLESS") return true;
    if (w == "," || w == ";" || w == ":" || w == "THAT" || w == "AND" || w == "BUT" ||
        w == "WHILE" || w == "WHEN")
      return false;
  }
  return false;
}

void SentenceCoder::MakeEvents(int source, int target, const std::string& default_source,
                               const std::string& default_target, const dict::EventCode& code,
                               const std::string& rule, const Unit& verb,
                               std::vector<Event>* events, bool partial) {
  auto span_of = [&](int member, ActorSpan* span) {
    const Member& m = s_.members[member];
    span->code = m.code;
    if (m.start >= 0) {
      span->start = static_cast<int32_t>(s_.toks[m.start].start);
      span->end = static_cast<int32_t>(s_.toks[m.end - 1].end);
      span->text = std::string(sentence_.substr(span->start, span->end - span->start));
    }
  };
  if (o_.skip_conditionals && InConditional(verb.start)) return;
  const bool future = o_.future_as_intent && AfterModal(verb.start);
  auto emit = [&](const ActorSpan& src, const ActorSpan& tgt, const std::string& coded) {
    if (src.code == tgt.code && !(partial && src.code.empty())) return;
    bool decided = future && coded.starts_with("16") && AnnouncedDecision(verb.start);
    std::string_view intent = future && !decided ? IntentCode(coded) : std::string_view();
    const std::string& c = intent.empty() ? coded : s_.scratch_code.assign(intent);
    for (const Event& e : *events) {
      if (e.source.code == src.code && e.target.code == tgt.code && e.code == c) return;
    }
    Event e = tmpl_;
    e.sentence = std::string(sentence_);
    e.source = src;
    e.target = tgt;
    e.code = c;
    e.root = c.substr(0, std::min<size_t>(2, c.size()));
    if (const CameoCode* cc = LookupCameo(c)) {
      e.quad_class = cc->quad_class;
      e.goldstein = cc->goldstein;
    }
    e.verb.start = static_cast<int32_t>(s_.toks[verb.start].start);
    e.verb.end = static_cast<int32_t>(s_.toks[verb.end - 1].end);
    e.verb.text = std::string(sentence_.substr(e.verb.start, e.verb.end - e.verb.start));
    e.rule = rule;
    events->push_back(std::move(e));
  };
  auto spans = [&](int actor, const std::string& fallback, std::vector<ActorSpan>* out) {
    if (actor < 0) {
      ActorSpan s;
      s.code = fallback;
      out->push_back(s);
      return;
    }
    const ActorRef& a = s_.actors[actor];
    for (int m = a.mem_begin; m < a.mem_end; ++m) {
      ActorSpan s;
      span_of(m, &s);
      out->push_back(std::move(s));
    }
  };
  std::vector<ActorSpan> sources, targets;
  spans(source, default_source, &sources);
  spans(target, default_target, &targets);
  if (source >= 0 && source == target) {
    // '%' or a compound with no other target: events among its members; with a paired
    // code each pair once each way (TABARI 5.7.3, 6.6.3).
    for (size_t i = 0; i < sources.size(); ++i) {
      for (size_t j = i + 1; j < sources.size(); ++j) {
        emit(sources[i], sources[j], code.primary);
        emit(sources[j], sources[i], code.paired.empty() ? code.primary : code.paired);
      }
    }
    return;
  }
  for (const auto& src : sources) {
    for (const auto& tgt : targets) {
      emit(src, tgt, code.primary);
      if (!code.paired.empty()) emit(tgt, src, code.paired);
    }
  }
}

}  // namespace parley::coding
