// Scoring as in the CoNLL 2018 shared task, with gold tokenisation (words align 1:1).
#include <string_view>

#include "parley/syntax.h"

namespace parley::syntax {
namespace {

std::string_view Universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

Scores Evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& predicted) {
  Scores s;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  for (size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    const auto& g = gold[i].words;
    const auto& p = predicted[i].words;
    if (g.size() != p.size()) continue;
    ++s.sentences;
    for (size_t j = 0; j < g.size(); ++j) {
      ++s.words;
      upos += g[j].upos == p[j].upos;
      xpos += g[j].xpos == p[j].xpos;
      lemma += g[j].lemma == p[j].lemma || g[j].lemma == "_";
      if (g[j].head == p[j].head) {
        ++uas;
        las += Universal(g[j].deprel) == Universal(p[j].deprel);
      }
    }
  }
  if (s.words > 0) {
    const double n = static_cast<double>(s.words) / 100.0;
    s.upos = upos / n;
    s.xpos = xpos / n;
    s.lemma = lemma / n;
    s.uas = uas / n;
    s.las = las / n;
  }
  return s;
}

Scores EvaluateModel(Analyzer* analyzer, const std::vector<Sentence>& gold) {
  std::vector<Sentence> predicted = gold;
  for (Sentence& s : predicted) analyzer->AnalyzeSentence(&s);
  return Evaluate(gold, predicted);
}

}  // namespace parley::syntax
