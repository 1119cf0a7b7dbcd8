// Test helpers: hand-written CoNLL-U trees in a compact form and lookups over the layers.
#ifndef PARLEY_FRAMES_FRAMES_TEST_UTIL_H_
#define PARLEY_FRAMES_FRAMES_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/frames.h"
#include "parley/syntax.h"

namespace parley::frames::testing {

// One analysed sentence; owns the CoNLL-U the views point into.
struct Analysed {
  std::vector<syntax::Sentence> conllu;
  ParsedSentence sentence;
  SentenceFrames layers;

  const Phrases& phrases() const { return layers.phrases; }
  const Frames& frames() const { return layers.frames; }

  // The 0-based number of the (first) word with this form; fails the test if none.
  int Word(std::string_view form) const {
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      if (sentence.words[i].form == form) return static_cast<int>(i);
    }
    ADD_FAILURE() << "no word " << form;
    return -1;
  }
  // The frame whose predicate has this form, or null.
  const Frame* FrameOf(std::string_view form) const {
    for (const Frame& f : frames().frames) {
      if (sentence.words[f.predicate].form == form) return &f;
    }
    return nullptr;
  }
  // The forms of the heads of the frame's arguments in `role` (and with `preposition`, if
  // given), in order.
  std::vector<std::string> Args(const Frame* f, ArgRole role,
                                std::string_view preposition = {}) const {
    std::vector<std::string> out;
    if (f == nullptr) return out;
    for (const Argument& a : frames().Args(*f)) {
      if (a.role != role) continue;
      if (!preposition.empty() && a.preposition != preposition) continue;
      out.emplace_back(sentence.words[a.word].form);
    }
    return out;
  }
  // How the frame's first argument in `role` was found (kDirect if there is none).
  ArgSource SourceOf(const Frame* f, ArgRole role) const {
    if (f != nullptr) {
      for (const Argument& a : frames().Args(*f)) {
        if (a.role == role) return a.source;
      }
    }
    ADD_FAILURE() << "no argument in that role";
    return ArgSource::kDirect;
  }
  // The group headed by the word with this form.
  const NounGroup* GroupOf(std::string_view form) const {
    const int w = Word(form);
    if (w < 0) return nullptr;
    for (const NounGroup& g : phrases().groups) {
      if (g.head == w) return &g;
    }
    return nullptr;
  }
  std::string Form(int w) const { return w < 0 ? "-" : std::string(sentence.words[w].form); }
  std::string Trace() const {
    std::string out;
    AppendTrace(frames(), &out);
    return out;
  }
};

// Rows "id form lemma upos xpos feats head deprel", one per line, fields separated by
// spaces; deps and misc are "_".
inline std::unique_ptr<Analysed> AnalyseRows(std::string_view rows) {
  std::string text;
  std::istringstream in{std::string(rows)};
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<std::string> f;
    std::string field;
    while (fields >> field) f.push_back(field);
    if (f.empty()) continue;
    EXPECT_EQ(f.size(), 8u) << line;
    for (const std::string& x : f) text += x + "\t";
    text += "_\t_\n";
  }
  auto a = std::make_unique<Analysed>();
  const Status st = syntax::ReadConllu(text, "test", &a->conllu);
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(a->conllu.size(), 1u);
  if (a->conllu.empty()) a->conllu.emplace_back();
  FromConllu(a->conllu[0], &a->sentence);
  Analyze(a->sentence, &a->layers);
  const Status valid = Validate(a->sentence, a->layers);
  EXPECT_TRUE(valid.ok()) << valid.ToString();
  return a;
}

using Strings = std::vector<std::string>;

}  // namespace parley::frames::testing

#endif  // PARLEY_FRAMES_FRAMES_TEST_UTIL_H_
