// The input side of the frame stages: parsed sentences from CoNLL-U or from the analyzer,
// and the checked tree with its children lists.
#include <algorithm>

#include "parley/frames.h"

namespace parley::frames {

void FromConllu(const syntax::Sentence& sentence, ParsedSentence* out) {
  out->words.clear();
  for (const syntax::Word& w : sentence.words) {
    out->words.push_back(
        ParsedWord{w.form, w.lemma, w.upos, w.xpos, w.feats, w.deprel, w.head, w.start, w.end});
  }
}

ParsedSentence FromConllu(const syntax::Sentence& sentence) {
  ParsedSentence out;
  FromConllu(sentence, &out);
  return out;
}

void FromAnalyzer(const syntax::Analyzer& analyzer, const std::vector<syntax::WordSpan>& words,
                  ParsedSentence* out) {
  out->words.clear();
  const size_t n = std::min(words.size(), analyzer.size());
  for (size_t i = 0; i < n; ++i) {
    out->words.push_back(ParsedWord{words[i].form, analyzer.Lemma(i), analyzer.Upos(i),
                                    analyzer.Xpos(i), analyzer.Feats(i), analyzer.Deprel(i),
                                    analyzer.Head(i), words[i].start, words[i].end});
  }
}

void BuildTree(const ParsedSentence& sentence, Tree* tree) {
  const int n = static_cast<int>(sentence.words.size());
  tree->repaired_heads = 0;
  tree->head.resize(n);
  for (int i = 0; i < n; ++i) {
    const int h = sentence.words[i].head;
    if (h == 0) {
      tree->head[i] = -1;
    } else if (h < 0 || h > n || h == i + 1) {
      tree->head[i] = -1;
      ++tree->repaired_heads;
    } else {
      tree->head[i] = h - 1;
    }
  }
  // Cycles: walk up from each word; reaching a word already on the current path means the
  // last arc walked closes a cycle, and its dependent becomes a root. depth doubles as the
  // state: -2 unvisited, -1 on the path, >= 0 done.
  tree->depth.assign(n, -2);
  std::vector<int>& path = tree->path_;
  for (int i = 0; i < n; ++i) {
    path.clear();
    int x = i;
    while (x >= 0 && tree->depth[x] == -2) {
      tree->depth[x] = -1;
      path.push_back(x);
      x = tree->head[x];
    }
    if (x >= 0 && tree->depth[x] == -1) {
      tree->head[path.back()] = -1;
      ++tree->repaired_heads;
    }
    // Depths from the top of the path down.
    for (size_t k = path.size(); k-- > 0;) {
      const int w = path[k];
      const int h = tree->head[w];
      tree->depth[w] = h < 0 ? 0 : tree->depth[h] + 1;
    }
  }
  // Children lists (counting sort by head), each in word order.
  tree->first_child.assign(n + 1, 0);
  for (int i = 0; i < n; ++i) {
    if (tree->head[i] >= 0) ++tree->first_child[tree->head[i] + 1];
  }
  for (int i = 0; i < n; ++i) tree->first_child[i + 1] += tree->first_child[i];
  tree->child_list.resize(tree->first_child[n]);
  path.assign(tree->first_child.begin(), tree->first_child.begin() + n);
  for (int i = 0; i < n; ++i) {
    const int h = tree->head[i];
    if (h >= 0) tree->child_list[path[h]++] = i;
  }
  // Breadth-first order: roots, then children level by level.
  tree->order.clear();
  for (int i = 0; i < n; ++i) {
    if (tree->head[i] < 0) tree->order.push_back(i);
  }
  for (size_t k = 0; k < tree->order.size(); ++k) {
    for (int c : tree->Children(tree->order[k])) tree->order.push_back(c);
  }
}

void Analyze(const ParsedSentence& sentence, SentenceFrames* out) {
  BuildTree(sentence, &out->tree);
  BuildPhrases(sentence, out->tree, &out->phrases);
  BuildFrames(sentence, out->tree, out->phrases, &out->frames);
}

}  // namespace parley::frames
