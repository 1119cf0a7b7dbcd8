#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "parley/dates.h"
#include "parley/paths.h"
#include "parley/query.h"
#include "parley/text.h"
#include "query/json_util.h"

namespace parley::query {
namespace {

// Collects the coder's trace into an Explanation, one ExplainedSentence per sentence.
class Recorder : public CoderTrace {
 public:
  explicit Recorder(Explanation* out) : out_(out) {}

  void OnSentence(int index, std::string_view text) override {
    ExplainedSentence& s = out_->sentences.emplace_back();
    s.text = std::string(text);
    text::TokenizedSentence tokens;
    text::Tokenize(text, &tokens);
    for (const text::Token& t : tokens.tokens) s.tokens.emplace_back(tokens.Norm(t));
    explicit_why_.clear();
  }
  void OnActor(std::string_view text, std::string_view code, std::string_view rule) override {
    if (Current() == nullptr) return;
    Current()->actors.push_back({std::string(text), std::string(code), std::string(rule)});
  }
  void OnVerb(std::string_view text, std::string_view rule) override {
    if (Current() == nullptr) return;
    Current()->verbs.push_back({std::string(text), std::string(rule)});
  }
  void OnPattern(std::string_view rule, bool matched) override {
    ExplainedSentence* s = Current();
    if (s == nullptr) return;
    s->patterns.push_back({std::string(rule), "", matched});
  }
  void OnEvent(const Event& event) override {
    if (Current() != nullptr) Current()->events.push_back(event);
  }
  void OnTree(std::string_view listing) override {
    if (Current() != nullptr) Current()->tree = std::string(listing);
  }
  void OnTreeVerdict(const Event& event, std::string_view verdict) override {
    if (Current() != nullptr) Current()->tree_verdicts.push_back({event, std::string(verdict)});
  }
  void OnOutcome(SentenceOutcome outcome, std::string_view why) override {
    ExplainedSentence* s = Current();
    if (s == nullptr) return;
    s->outcome = outcome;
    // The coder reports a specific reason first and a bare outcome last; keep the reason.
    if (!why.empty()) explicit_why_ = std::string(why);
  }

  // Called between sentences so each keeps its own reason.
  void CloseSentence() {
    if (Current() != nullptr) Current()->why_not = WhyNot(*Current(), explicit_why_);
    explicit_why_.clear();
  }

 private:
  ExplainedSentence* Current() {
    return out_->sentences.empty() ? nullptr : &out_->sentences.back();
  }

  static std::string WhyNot(const ExplainedSentence& s, const std::string& reason) {
    if (!s.events.empty()) return "";
    switch (s.outcome) {
      case SentenceOutcome::kCoded:
        return "";
      case SentenceOutcome::kTooShort:
        return "the sentence is shorter than the minimum number of words";
      case SentenceOutcome::kTooLong:
        return "the sentence is longer than the coder takes (" +
               std::to_string(kMaxSentenceTokens) + " tokens)";
      case SentenceOutcome::kDiscarded:
        return "a discard phrase (###) in the dictionaries rules the sentence out";
      case SentenceOutcome::kComplex:
        return "the sentence was judged too complex to code (" +
               (reason.empty() ? std::string("+++ phrase or COMPLEX condition") : reason) + ")";
      case SentenceOutcome::kNoEvent:
        break;
    }
    if (!s.tree_verdicts.empty()) {
      // The patterns found events and the check against the parse removed them all.
      std::string why = "the parse ruled out every event the patterns found:";
      for (const auto& v : s.tree_verdicts) {
        why += " " + v.event.source.code + "->" + v.event.target.code + " " + v.event.code + " (" +
               v.verdict + ")";
      }
      return why;
    }
    if (s.verbs.empty() && s.actors.empty())
      return "no dictionary verb and no actor were recognised";
    if (s.verbs.empty()) return "no dictionary verb was recognised";
    if (s.actors.empty()) return "no actor was recognised";
    bool any_match = false;
    for (const ExplainedPattern& p : s.patterns) any_match |= p.matched;
    if (!reason.empty()) return reason;
    if (!any_match) return "no verb pattern matched and the verbs found no source and target";
    return "a pattern matched but no source and target actor could be attached";
  }

  Explanation* out_;
  std::string explicit_why_;
};

// Dictionary lines quoted by "file:line" rules. Rules name a file by its base name, so
// the loader's folder is searched when the path is not absolute.
class RuleLines {
 public:
  std::string Line(const std::string& rule) {
    size_t colon = rule.rfind(':');
    if (colon == std::string::npos) return "";
    std::string file = rule.substr(0, colon);
    int line = std::atoi(rule.c_str() + colon + 1);
    const std::vector<std::string>* lines = Load(file);
    if (lines == nullptr || line < 1 || line > static_cast<int>(lines->size())) return "";
    return (*lines)[line - 1];
  }

 private:
  const std::vector<std::string>* Load(const std::string& file) {
    auto it = files_.find(file);
    if (it != files_.end()) return it->second.get();
    std::unique_ptr<std::vector<std::string>>& lines = files_[file];
    std::ifstream in(file);
    if (!in) in.open(BundledDictionaryDir() + "/" + file);
    if (!in) return nullptr;
    lines = std::make_unique<std::vector<std::string>>();
    for (std::string l; std::getline(in, l);) lines->push_back(std::move(l));
    return lines.get();
  }
  std::map<std::string, std::unique_ptr<std::vector<std::string>>> files_;
};

}  // namespace

std::string_view OutcomeName(SentenceOutcome outcome) {
  switch (outcome) {
    case SentenceOutcome::kCoded:
      return "coded";
    case SentenceOutcome::kNoEvent:
      return "no event";
    case SentenceOutcome::kDiscarded:
      return "discarded";
    case SentenceOutcome::kComplex:
      return "complex";
    case SentenceOutcome::kTooShort:
      return "too short";
    case SentenceOutcome::kTooLong:
      return "too long";
  }
  return "unknown";
}

Explanation Explain(const Coder& coder, std::string_view raw_text, Date date) {
  Explanation out;
  std::string clean = text::CleanText(raw_text, nullptr);
  std::vector<text::Range> ranges;
  // The sentences `parley code` codes: over-long ones cut into pieces.
  SplitSentencesForCoding(clean, &ranges, nullptr);
  Recorder recorder(&out);
  CoderScratch scratch;
  std::vector<Event> events;
  Event tmpl;
  tmpl.doc_id = "explain";
  tmpl.date = date;
  for (size_t i = 0; i < ranges.size(); ++i) {
    tmpl.sentence_index = static_cast<int32_t>(i);
    std::string_view sentence =
        std::string_view(clean).substr(ranges[i].start, ranges[i].end - ranges[i].start);
    coder.CodeSentence(sentence, tmpl, &scratch, &events, &recorder);
    recorder.CloseSentence();
  }
  // The one resolver (dates::DateEvents), as `code` and the store date events: the
  // publication date is `date`, or else what the text gives away.
  Document doc;
  doc.text = clean;
  doc.date = date;
  doc.date_source = date ? DateSource::kMetadata : DateSource::kUnknown;
  const PublicationDate pub = dates::FindPublicationDate(doc);
  for (ExplainedSentence& s : out.sentences) {
    dates::DateEvents(pub, &s.events);
    for (auto& v : s.tree_verdicts) {
      std::vector<Event> one(1, v.event);
      dates::DateEvents(pub, &one);
      v.event = std::move(one[0]);
    }
  }
  RuleLines rule_lines;
  for (ExplainedSentence& s : out.sentences)
    for (ExplainedPattern& p : s.patterns) p.pattern = rule_lines.Line(p.rule);
  return out;
}

std::string ExplanationToJson(const Explanation& explanation) {
  nlohmann::json sentences = nlohmann::json::array();
  for (const ExplainedSentence& s : explanation.sentences) {
    nlohmann::json actors = nlohmann::json::array();
    for (const ExplainedActor& a : s.actors)
      actors.push_back({{"text", a.text}, {"code", a.code}, {"rule", a.rule}});
    nlohmann::json verbs = nlohmann::json::array();
    for (const ExplainedVerb& v : s.verbs) verbs.push_back({{"text", v.text}, {"rule", v.rule}});
    nlohmann::json patterns = nlohmann::json::array();
    for (const ExplainedPattern& p : s.patterns)
      patterns.push_back({{"rule", p.rule}, {"pattern", p.pattern}, {"matched", p.matched}});
    nlohmann::json events = nlohmann::json::array();
    for (const Event& e : s.events) events.push_back(EventJson(e));
    nlohmann::json verdicts = nlohmann::json::array();
    for (const auto& v : s.tree_verdicts)
      verdicts.push_back({{"event", EventJson(v.event)}, {"verdict", v.verdict}});
    sentences.push_back({{"text", s.text},
                         {"tokens", s.tokens},
                         {"actors", actors},
                         {"verbs", verbs},
                         {"patterns", patterns},
                         {"events", events},
                         {"tree", s.tree},
                         {"tree_verdicts", verdicts},
                         {"outcome", OutcomeName(s.outcome)},
                         {"why_not", s.why_not}});
  }
  return DumpJson({{"sentences", sentences}, {"truncated", explanation.truncated}});
}

}  // namespace parley::query
