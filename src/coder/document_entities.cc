// Entity linking across a document (news profile, document_entities): the people and
// officials a sentence names in full go into the document memory (document_memory.h);
// later bare titles, surnames, and a quote's "we"/"I" take the codes of who they refer to.
// Pronouns use the memory in Coreference (entities.cc).
#include <algorithm>
#include <string>

#include "coder/sentence_coder.h"

namespace parley::coding {

// The agent unit that gave actor unit `unit` its role ("Ambassador" in "Russian
// Ambassador", "minister" in "Russia's foreign minister"), or -1.
int SentenceCoder::TitleOf(int unit) const {
  const Unit& u = s_.units[unit];
  if (u.from_agent) return unit;
  if (u.actor < 0) return -1;
  const ActorRef& a = s_.actors[u.actor];
  if (a.MemberCount() < 1) return -1;
  const Member& m = s_.members[a.mem_begin];
  for (int g = 0; g < static_cast<int>(s_.units.size()); ++g) {
    const Unit& agent = s_.units[g];
    if (agent.cls == Cls::kAgent && agent.agent_used && agent.start >= m.start &&
        agent.end <= m.end)
      return g;
  }
  return -1;
}

// The normalised words of tokens [from, to), space-separated (a view of scratch).
std::string_view SentenceCoder::UnitWords(int from, int to) {
  std::string& out = s_.title;
  out.clear();
  for (int t = from; t < to; ++t) {
    if (!out.empty()) out += ' ';
    out.append(Norm(t));
  }
  return out;
}

// "Russian Ambassador Georgy Zinoviev", "Russian Ambassador to South Korea Andrei Kulik":
// the token that ends the capitalised name right after title actor `unit` (past an optional
// "to|in|at <actor>"), or -1. A name the dictionary knows as a person is returned as
// *person_unit instead (token -1).
int SentenceCoder::NameAfter(int unit, int* person_unit) const {
  *person_unit = -1;
  const int count = static_cast<int>(s_.units.size());
  int k = unit + 1;
  while (k < count && s_.units[k].cls == Cls::kAgent && s_.units[k].agent_used) ++k;
  if (k + 1 < count && s_.units[k].cls == Cls::kPrep && s_.units[k + 1].cls == Cls::kActor) k += 2;
  if (k >= count) return -1;
  const Unit& next = s_.units[k];
  if (next.cls == Cls::kActor && !next.from_agent && next.ref >= 0 && d_.actor(next.ref).person) {
    *person_unit = k;
    return -1;
  }
  int last = -1;
  for (int j = k; j < count && j < k + 3; ++j) {
    const Unit& w = s_.units[j];
    // Capitalised words the dictionaries do not know, or know only as nouns ("Mark").
    const bool name_word = w.cls == Cls::kNone || w.cls == Cls::kNoun;
    if (!name_word || w.end != w.start + 1 || !s_.toks[w.start].cap || !s_.toks[w.start].word ||
        IsFunctionWord(Norm(w.start)))
      break;
    last = w.start;
  }
  return last;
}

void SentenceCoder::CollectCodes(const ActorRef& a) {
  s_.codes.resize(std::max<size_t>(s_.codes.size(), a.MemberCount()));
  for (int m = a.mem_begin; m < a.mem_end; ++m) s_.codes[m - a.mem_begin] = s_.members[m].code;
}

void SentenceCoder::NoteMentions() {
  if (all_caps_) return;
  const int sentence = tmpl_.sentence_index;
  for (int ui = 0; ui < static_cast<int>(s_.units.size()); ++ui) {
    const Unit& u = s_.units[ui];
    if (u.cls != Cls::kActor || u.actor < 0) continue;
    ActorRef& a = s_.actors[u.actor];
    if (a.pronoun || a.MemberCount() < 1 || IsSpecial(s_.members[a.mem_begin].code)) continue;
    CollectCodes(a);
    const std::span<const std::string> codes(s_.codes.data(), a.MemberCount());
    const bool dictionary_person = !u.from_agent && u.ref >= 0 && d_.actor(u.ref).person;
    const int title_unit = TitleOf(ui);
    // "North Korea", "South Sudan": the article may go on with "the North", "the South".
    const std::string_view first = Norm(u.start);
    if (title_unit < 0 && !u.from_agent && u.end - u.start >= 2 &&
        (first == "NORTH" || first == "SOUTH")) {
      s_.memory.Note(codes, first, {}, false, sentence);
      continue;
    }
    if (title_unit < 0) {
      if (!dictionary_person || u.end - u.start < 2) continue;
      a.person = true;
      s_.memory.Note(codes, {}, Norm(u.end - 1), true, sentence);
      continue;
    }
    const Unit& t = s_.units[title_unit];
    // The surname: a title and name joined into one actor ends with it; else the name
    // follows the title.
    int person_unit = -1;
    int surname = dictionary_person && t.end < u.end ? u.end - 1 : NameAfter(ui, &person_unit);
    if (person_unit >= 0) {
      const Unit& p = s_.units[person_unit];
      const ActorRef& pa = s_.actors[p.actor];
      const bool same =
          pa.MemberCount() == a.MemberCount() &&
          std::equal(codes.begin(), codes.end(), s_.members.begin() + pa.mem_begin,
                     s_.members.begin() + pa.mem_end,
                     [](const std::string& c, const Member& m) { return c == m.code; });
      if (same && p.end - p.start >= 2) surname = p.end - 1;
    }
    const std::string_view surname_text = surname >= 0 ? Norm(surname) : std::string_view();
    a.person = surname >= 0 || dictionary_person;
    s_.memory.Note(codes, UnitWords(t.start, t.end), surname_text, a.person, sentence);
  }
}

int SentenceCoder::ActorFromReferent(int unit, const entities::Referent& r, std::string_view why) {
  Unit& u = s_.units[unit];
  ActorRef a;
  a.start = u.start;
  a.end = u.end;
  a.person = r.person;
  a.mem_begin = static_cast<int>(s_.members_used);
  for (const std::string& code : r.Codes()) {
    Member& m = s_.NewMember();
    m.code = code;
    m.start = u.start;
    m.end = u.end;
  }
  a.mem_end = static_cast<int>(s_.members_used);
  a.compound = a.MemberCount() > 1;
  u.cls = Cls::kActor;
  u.actor = static_cast<int>(s_.actors.size());
  s_.actors.push_back(a);
  if (trace_) {
    for (const std::string& code : r.Codes()) {
      trace_->OnActor(
          sentence_.substr(s_.toks[u.start].start, s_.toks[u.end - 1].end - s_.toks[u.start].start),
          code, why);
    }
  }
  return u.actor;
}

// The speaker of a quote in this sentence: the actor right before or after a reporting
// word ("..., the ambassador said", "summed up Kulik") or after "according to".
const entities::Referent* SentenceCoder::SentenceSpeaker() {
  const int count = static_cast<int>(s_.units.size());
  for (int k = 0; k < count; ++k) {
    const Unit& v = s_.units[k];
    std::string_view w = Norm(v.start);
    const bool according = w == "ACCORDING" && v.start + 1 < n_ && Norm(v.start + 1) == "TO";
    if (!according && !IsReportingWord(w) && !IsSpeechWord(w)) continue;
    // "the ambassador said", "he said"; inverted after a quote or comma: "..., summed up
    // Kulik"; "according to the ambassador".
    auto names_actor = [&](int unit) {
      const Unit& a = s_.units[unit];
      return a.actor >= 0 && (a.cls == Cls::kActor || a.cls == Cls::kPronoun);
    };
    int speaker = -1;
    // Not an actor that only modifies the subject ("our contacts in Seoul confirm").
    const bool modifier =
        k > 1 && (s_.units[k - 2].cls == Cls::kPrep || Norm(s_.units[k - 2].start) == "IN");
    if (!according && k > 0 && names_actor(k - 1) && !modifier) speaker = k - 1;
    const bool inverted = according || k == 0 || s_.units[k - 1].cls == Cls::kComma ||
                          s_.units[k - 1].cls == Cls::kPunct;
    int after = k + 1;
    while (after < count && s_.units[after].end == s_.units[after].start + 1 &&
           (Norm(s_.units[after].start) == "UP" || Norm(s_.units[after].start) == "TO" ||
            Norm(s_.units[after].start) == "THE"))
      ++after;
    if (speaker < 0 && inverted && after < count && names_actor(after)) speaker = after;
    if (speaker < 0 || s_.units[speaker].actor < 0) continue;
    const ActorRef& a = s_.actors[s_.units[speaker].actor];
    if (a.MemberCount() < 1 || IsSpecial(s_.members[a.mem_begin].code)) continue;
    CollectCodes(a);
    s_.memory.SetSpeaker(std::span<const std::string>(s_.codes.data(), a.MemberCount()),
                         tmpl_.sentence_index);
    return s_.memory.Speaker(tmpl_.sentence_index, 0);
  }
  return nullptr;
}

// Quoted "we", "our", "I": the speaker of this sentence's reporting clause, or of the
// quote the previous sentence opened. Runs after Coreference, so that "he said" names
// its speaker.
void SentenceCoder::ResolveQuotedSpeakers() {
  if (all_caps_) return;
  const int sentence = tmpl_.sentence_index;
  const int count = static_cast<int>(s_.units.size());
  auto first_person = [&](const Unit& u) {
    if (u.end != u.start + 1 || (u.cls != Cls::kNone && u.cls != Cls::kPronoun)) return false;
    const std::string_view w = Norm(u.start);
    return w == "WE" || w == "OUR" || w == "I" || w == "MY" ||
           (w == "US" && ShortNotCapitals(u.start));
  };
  bool any_first_person = false;
  for (int ui = 0; ui < count && !any_first_person; ++ui) {
    any_first_person = first_person(s_.units[ui]);
  }
  // The speaker is looked for only where it is needed: for this sentence's "we", or for
  // the next sentence when this one quotes.
  const bool quotes = sentence_.find('"') != std::string_view::npos ||
                      sentence_.find("\xE2\x80\x9C") != std::string_view::npos ||
                      sentence_.find("\xE2\x80\x9D") != std::string_view::npos;
  if (!any_first_person && !quotes) return;
  const entities::Referent* speaker = SentenceSpeaker();
  const bool opens_with_quote =
      !sentence_.empty() && (sentence_[0] == '"' || sentence_.starts_with("\xE2\x80\x9C") ||
                             sentence_.starts_with("\xE2\x80\x9D") || sentence_[0] == '\'');
  if (speaker == nullptr && opens_with_quote) speaker = s_.memory.Speaker(sentence, 1);
  if (speaker == nullptr || !any_first_person) return;
  for (int ui = 0; ui < count; ++ui) {
    if (first_person(s_.units[ui])) ActorFromReferent(ui, *speaker, "document: speaker");
  }
}

void SentenceCoder::ResolveShortMentions() {
  if (all_caps_) return;
  const int sentence = tmpl_.sentence_index;
  const int count = static_cast<int>(s_.units.size());
  for (int ui = 0; ui < count; ++ui) {
    Unit& u = s_.units[ui];
    if (u.cls == Cls::kAgent && !u.agent_used && u.start > 0 && Norm(u.start - 1) == "THE") {
      // "the ambassador said": the official the article named with that title.
      if (const auto* r = s_.memory.ByTitle(UnitWords(u.start, u.end))) {
        ActorFromReferent(ui, *r, "document: title");
        u.from_agent = true;
        s_.memory.Mention(r, sentence);
      }
    } else if (u.cls == Cls::kNone && u.end == u.start + 1 && s_.toks[u.start].cap && u.start > 0 &&
               Norm(u.start - 1) == "THE" &&
               (Norm(u.start) == "NORTH" || Norm(u.start) == "SOUTH") &&
               (u.end >= n_ || !s_.toks[u.end].cap || !s_.toks[u.end].word)) {
      // "the North" after "North Korea" (not "the North Atlantic").
      if (const auto* r = s_.memory.ByTitle(Norm(u.start))) {
        ActorFromReferent(ui, *r, "document: the north or south");
        s_.memory.Mention(r, sentence);
      }
    } else if (u.cls == Cls::kNone && u.end == u.start + 1 && s_.toks[u.start].cap &&
               s_.toks[u.start].word) {
      // "Kulik said": a surname the article gave with a title (in an earlier sentence:
      // in this one it is part of the full mention).
      const auto* r = s_.memory.BySurname(Norm(u.start));
      if (r != nullptr && r->sentence < sentence) {
        ActorFromReferent(ui, *r, "document: surname");
        s_.memory.Mention(r, sentence);
      }
    }
  }
}

}  // namespace parley::coding
