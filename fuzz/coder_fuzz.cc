// Fuzz target: the coder with the bundled dictionaries on arbitrary bytes taken as one
// document's text (cleaned as the readers clean it). Checks what every consumer of events
// relies on: each event's sentence is the document's sentence at its index, actor and verb
// offsets point at their own text inside it, codes are CAMEO codes with their root and
// QuadClass, sources are coded, no sentence the coder codes is longer than its limit, and
// coding is deterministic with a reused scratch.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/cameo.h"
#include "parley/coder.h"
#include "parley/dictionary.h"
#include "parley/paths.h"
#include "parley/text.h"

namespace {

const parley::Coder* g_coder = nullptr;

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "coder_fuzz: invariant violated: %s\n", what);
  std::abort();
}

void CheckSpan(std::string_view sentence, int32_t start, int32_t end, std::string_view text) {
  Check(0 <= start && start < end && static_cast<size_t>(end) <= sentence.size(),
        "span offsets inside the sentence");
  Check(sentence.substr(start, end - start) == text, "span text is the sentence's bytes");
}

// Tokens as kMaxSentenceTokens counts them (hyphen pieces of words count once each).
int Weight(std::string_view sentence, parley::text::TokenizedSentence* ts) {
  parley::text::Tokenize(sentence, ts);
  int weight = 0;
  for (const parley::text::Token& t : ts->tokens) {
    weight += 1;
    if (t.kind == parley::text::TokenKind::kPunct) continue;
    for (char c : ts->Norm(t)) weight += (c == '-' || c == '_') ? 1 : 0;
  }
  return weight;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  parley::dict::DictionaryBuilder builder;
  std::vector<std::string> warnings;
  std::shared_ptr<const parley::Dictionary> dictionary;
  const std::string dir = parley::BundledDictionaryDir();
  if (dir.empty() || !parley::dict::LoadDictionaryFolder(dir, &builder, &warnings).ok() ||
      !builder.Build(&dictionary, &warnings).ok()) {
    std::fprintf(stderr, "coder_fuzz: cannot load the bundled dictionaries from '%s'\n",
                 dir.c_str());
    std::abort();
  }
  g_coder = new parley::Coder(std::move(dictionary), parley::CoderOptions());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  static CoderScratch scratch;  // reused across inputs, as a coding thread reuses it
  Document doc;
  doc.id = "fuzz";
  doc.date = 20230210;
  doc.text = text::CleanText(std::string_view(reinterpret_cast<const char*>(data), size), nullptr);

  std::vector<text::Range> sentences;
  std::vector<LongSentence> long_sentences;
  SplitSentencesForCoding(doc.text, &sentences, &long_sentences);
  text::TokenizedSentence ts;
  uint32_t previous_end = 0;
  for (const text::Range& r : sentences) {
    Check(r.start < r.end && r.end <= doc.text.size() && r.start >= previous_end,
          "sentences ordered, non-empty, inside the text");
    previous_end = r.end;
    const std::string_view s = std::string_view(doc.text).substr(r.start, r.end - r.start);
    if (Weight(s, &ts) > kMaxSentenceTokens) Check(ts.tokens.size() == 1, "sentence within limit");
  }

  std::vector<Event> events;
  std::vector<std::string> warnings;
  g_coder->CodeDocument(doc, &scratch, &events, nullptr, &warnings);
  Check(warnings.size() >= long_sentences.size(), "each over-long sentence is reported");
  int32_t previous_index = 0;
  for (const Event& e : events) {
    Check(e.doc_id == doc.id && e.date == doc.date, "document fields copied");
    Check(e.sentence_index >= previous_index, "events in sentence order");
    previous_index = e.sentence_index;
    Check(e.sentence_index >= 0 && static_cast<size_t>(e.sentence_index) < sentences.size(),
          "sentence index names a sentence");
    const text::Range& r = sentences[e.sentence_index];
    Check(e.sentence == std::string_view(doc.text).substr(r.start, r.end - r.start),
          "event sentence is the document's sentence at its index");
    Check(!e.source.code.empty(), "source coded");
    Check(e.source.code != e.target.code, "source and target differ");
    for (const ActorSpan* a : {&e.source, &e.target}) {
      if (a->start >= 0 || a->end >= 0) CheckSpan(e.sentence, a->start, a->end, a->text);
    }
    CheckSpan(e.sentence, e.verb.start, e.verb.end, e.verb.text);
    const CameoCode* code = LookupCameo(e.code);
    Check(code != nullptr, "event code is a CAMEO code");
    Check(e.root == e.code.substr(0, 2), "root is the code's first two digits");
    Check(e.quad_class == code->quad_class && e.quad_class >= 1 && e.quad_class <= 4,
          "QuadClass of the code");
    Check(!e.rule.empty(), "rule named");
  }

  std::vector<Event> again;
  g_coder->CodeDocument(doc, &scratch, &again);
  Check(again.size() == events.size(), "deterministic event count");
  for (size_t i = 0; i < events.size(); ++i) {
    Check(again[i].code == events[i].code && again[i].source.code == events[i].source.code &&
              again[i].target.code == events[i].target.code,
          "deterministic events");
  }
  return 0;
}
