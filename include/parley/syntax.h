// Syntax: Universal Dependencies words, tags and dependency trees.
//
// - CoNLL-U reading and writing (treebanks for training and evaluation).
// - UD English words from parley's tokens (text.h), each keeping byte offsets.
// - A tagger (UPOS, XPOS, lemma, a few features) and a labeled transition-based dependency
//   parser, both averaged perceptrons, stored in one memory-mapped model file.
// Design notes and measurements: docs/syntax.md.
#ifndef PARLEY_SYNTAX_H_
#define PARLEY_SYNTAX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"
#include "parley/text.h"

namespace parley::syntax {

// One syntactic word (a CoNLL-U line whose ID is an integer). Fields that CoNLL-U leaves
// unspecified hold "_" (and head -1 when HEAD is "_").
struct Word {
  std::string form;
  std::string lemma = "_";
  std::string upos = "_";
  std::string xpos = "_";
  std::string feats = "_";
  int head = -1;  // 0 is the root; words are numbered from 1
  std::string deprel = "_";
  std::string deps = "_";
  std::string misc = "_";
  // Byte offsets into the sentence text, when the word came from raw text (ParseText);
  // 0/0 for words read from CoNLL-U.
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Sentence {
  std::vector<std::string> comments;  // comment lines, whole (starting with #)
  std::vector<Word> words;
};

// Reads CoNLL-U text. Comment lines (starting with '#') are kept with their sentence;
// multiword-token lines ("3-4") and empty nodes ("5.1") are skipped. Every word line must
// have 10 tab-separated fields, IDs must run 1, 2, ... within a sentence and HEAD must be
// "_" or a number in 0..sentence length. A malformed line gives Corruption
// "<name>:<line>: <what>". With `errors` null the first error stops the read and is
// returned; otherwise each error is appended to `errors`, the sentence holding it is
// dropped, and reading goes on (the return value is then OK). `out` is appended to.
Status ReadConllu(std::string_view text, std::string_view name, std::vector<Sentence>* out,
                  std::vector<std::string>* errors = nullptr);

// Reads a CoNLL-U file (see ReadConllu); a missing file is NotFound naming it.
Status ReadConlluFile(const std::string& path, std::vector<Sentence>* out,
                      std::vector<std::string>* errors = nullptr);

// Appends `sentence` as CoNLL-U: its comments, one line per word, and a blank line.
void AppendConllu(const Sentence& sentence, std::string* out);

// A word found in raw text: byte range into the sentence and its form (a view into the
// sentence text or into a static string such as "n't").
struct WordSpan {
  std::string_view form;
  uint32_t start = 0;
  uint32_t end = 0;
};

// Maps parley's tokens of one sentence to UD English words: "n't", "'s" and "'re" are words,
// hyphens between letters split ("anti-war" -> anti - war), "cannot" -> can not, curly
// quotes keep their bytes. Fills `out` (cleared first); allocates nothing once grown.
void UdWords(const text::TokenizedSentence& tokens, std::vector<WordSpan>* out);

class Model;

// Tags and parses sentences with a loaded model. Holds per-thread scratch space: one
// Analyzer per thread, all sharing one Model. Analyze allocates nothing once grown.
class Analyzer {
 public:
  explicit Analyzer(std::shared_ptr<const Model> model);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Tags and parses `words` (forms only). Results are read with the accessors below until
  // the next call. Sentences longer than kMaxWords are cut into chained pieces.
  void Analyze(const std::vector<WordSpan>& words);
  static constexpr size_t kMaxWords = 1000;

  const Model& model() const;
  size_t size() const;
  std::string_view Upos(size_t i) const;
  std::string_view Xpos(size_t i) const;
  std::string_view Feats(size_t i) const;  // only Tense, VerbForm, Voice, Mood, Polarity, Number
  std::string_view Lemma(size_t i) const;
  int Head(size_t i) const;  // 0 = root, else 1-based word number
  std::string_view Deprel(size_t i) const;

  // Convenience: fills the tag, lemma, head and deprel fields of `sentence`'s words from
  // their forms.
  void AnalyzeSentence(Sentence* sentence);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Loads a model file (memory-mapped, read-only). Checks magic, version, size and
// checksum: a truncated, corrupt or foreign file is Corruption naming the file.
Status LoadModel(const std::string& path, std::shared_ptr<const Model>* model);

struct TrainOptions {
  int epochs = 12;      // parser epochs; the tagger trains for about two thirds of them
  uint64_t seed = 1;    // drives shuffling and exploration; same seed, same model
  int jackknife = 4;    // parser trains on tags predicted by N-fold tagger (0: gold tags)
  int min_updates = 3;  // feature rows updated fewer times in training are not saved
  bool verbose = true;  // progress per epoch on stderr
};

// Trains tagger and parser on `train`, reports dev scores per epoch (dev may be empty),
// keeps the best epoch by dev LAS, and writes the model to `out_path`.
Status Train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
             const TrainOptions& options, const std::string& out_path);

// Scores of predicted against gold words, as percentages (CoNLL 2018 shared task with
// gold tokenisation: every word counts, punctuation included; LAS compares the universal
// part of the relation only, before any ':').
struct Scores {
  double upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  size_t sentences = 0, words = 0;
};
Scores Evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& predicted);

// Runs `analyzer` over a copy of each gold sentence (gold words) and scores it.
Scores EvaluateModel(Analyzer* analyzer, const std::vector<Sentence>& gold);

}  // namespace parley::syntax

#endif  // PARLEY_SYNTAX_H_
