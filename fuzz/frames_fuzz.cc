// Fuzz target: the frame stages (tree, phrases, frames) on arbitrary trees. The input is
// read twice: as CoNLL-U text (syntax::ReadConllu, lenient, so any well-formed sentence in
// it is used), and as a compact byte code, three bytes a word (head, relation, tag and
// lemma from small tables of the words the stages react to), which reaches cycles, odd
// heads and rare relation mixes far faster than text. Every sentence's layers must pass
// frames::Validate (every id and word number in range) and trace without crashing.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "parley/frames.h"
#include "parley/syntax.h"

namespace {

using namespace parley;

constexpr std::array<std::string_view, 40> kRelations = {
    "root",      "nsubj",    "nsubj:pass", "obj",       "iobj",     "obl",          "obl:agent",
    "obl:tmod",  "nmod",     "nmod:poss",  "appos",     "compound", "compound:prt", "flat",
    "amod",      "det",      "nummod",     "case",      "conj",     "cc",           "cc:preconj",
    "aux",       "aux:pass", "cop",        "mark",      "advmod",   "xcomp",        "ccomp",
    "parataxis", "advcl",    "acl",        "acl:relcl", "csubj",    "punct",        "dep",
    "fixed",     "goeswith", "expl",       "list",      "_"};
constexpr std::array<std::string_view, 8> kTags = {"NOUN", "PROPN", "PRON", "NUM",
                                                   "VERB", "ADJ",   "AUX",  "ADP"};
constexpr std::array<std::string_view, 32> kLemmas = {
    "say",   "attack", "talk", "who",      "that",  "by",      "in",    "of",
    "to",    "not",    "will", "want",     "ready", "if",      "nor",   "no",
    "meet",  "be",     ",",    "Russia",   "sum",   "refuse",  "plan",  "on",
    "where", "'s",     "with", "sanction", "visit", "neither", "could", "be"};
constexpr std::array<std::string_view, 5> kXpos = {"VBN", "VBG", "VBD", "NN", "_"};
constexpr std::array<std::string_view, 5> kFeats = {
    "_", "Voice=Pass", "VerbForm=Ger", "Tense=Past|VerbForm=Fin", "Tense=Pres|VerbForm=Part"};

void Check(const frames::ParsedSentence& sentence, frames::SentenceFrames* layers) {
  frames::Analyze(sentence, layers);
  if (!frames::Validate(sentence, *layers).ok()) std::abort();
  std::string trace;
  frames::AppendTrace(layers->frames, &trace);
  if (trace.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  frames::SentenceFrames layers;  // reused across the sentences of one input
  frames::ParsedSentence sentence;
  std::vector<syntax::Sentence> read;
  std::vector<std::string> errors;
  syntax::ReadConllu(text, "in", &read, &errors);
  for (const syntax::Sentence& s : read) {
    frames::FromConllu(s, &sentence);
    Check(sentence, &layers);
  }
  // Byte code: word i from bytes 3i..3i+2.
  const size_t n = std::min<size_t>(size / 3, 2000);
  sentence.words.clear();
  for (size_t i = 0; i < n; ++i) {
    const uint8_t h = data[3 * i], r = data[3 * i + 1], t = data[3 * i + 2];
    frames::ParsedWord w;
    w.lemma = kLemmas[t % kLemmas.size()];
    w.form = w.lemma;
    w.upos = kTags[(t / kLemmas.size()) % kTags.size()];
    w.deprel = kRelations[r % kRelations.size()];
    w.xpos = kXpos[(r / kRelations.size()) % kXpos.size()];
    w.feats = kFeats[(h >> 5) % kFeats.size()];
    // Mostly nearby heads, sometimes out of range or negative.
    const int offset = static_cast<int>(h & 31) - 16;
    w.head = offset == -16 ? 0 : static_cast<int>(i) + 1 + offset;
    if ((h & 31) == 31) w.head = 100000;
    sentence.words.push_back(w);
  }
  Check(sentence, &layers);
  return 0;
}
