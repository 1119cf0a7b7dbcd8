// Near-duplicate evaluation set: perturbed copies of real articles, the way wire copies and
// syndicated rewrites differ from the original, plus pairwise clustering scores. Used by
// the DedupEval test and the dedup bench; the generator is deterministic for a seed.
#ifndef PARLEY_DEDUP_EVAL_SET_H_
#define PARLEY_DEDUP_EVAL_SET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::dedup {

// Perturbations a copy can receive (bit flags in EvalDoc::perturbations).
enum Perturbation : uint32_t {
  kNewHeadline = 1u << 0,         // a headline line made up from the article's words
  kParagraphDropped = 1u << 1,    // 2-4 consecutive sentences removed
  kParagraphAdded = 1u << 2,      // 2-4 consecutive sentences of another article inserted
  kSentencesReordered = 1u << 3,  // about one sentence in ten moved elsewhere
  kWordsSubstituted = 1u << 4,    // about 4% of words replaced (synonyms, reporting verbs)
  kBoilerplateAdded = 1u << 5,    // agency/newsletter boilerplate prepended or appended
};

// "headline+dropped+..." for messages.
std::string PerturbationNames(uint32_t perturbations);

struct EvalSetOptions {
  int copies_per_article = 3;  // perturbed copies of each article (the spec asks >= 2)
  int min_perturbations = 2;   // each copy gets at least this many kinds of change
  uint64_t seed = 20190410;
};

struct EvalDoc {
  std::string id;  // "<article id>" for originals, "<article id>~c<k>" for copies
  std::string text;
  uint32_t cluster = 0;        // index of the source article: the true story
  uint32_t perturbations = 0;  // 0 for originals
};

// Originals followed by their copies, in a seeded shuffled order so that copies sometimes
// arrive before their original. `ids` and `texts` are parallel. Articles are donors of
// added paragraphs for each other.
std::vector<EvalDoc> BuildEvalSet(const std::vector<std::string>& ids,
                                  const std::vector<std::string>& texts,
                                  const EvalSetOptions& options);

// Pairwise clustering quality: a pair of documents is "predicted" when they got the same
// story and "true" when they come from the same article.
struct PairwiseScore {
  uint64_t true_pairs = 0;
  uint64_t predicted_pairs = 0;
  uint64_t correct_pairs = 0;
  double precision() const {
    return predicted_pairs == 0 ? 1.0 : static_cast<double>(correct_pairs) / predicted_pairs;
  }
  double recall() const {
    return true_pairs == 0 ? 1.0 : static_cast<double>(correct_pairs) / true_pairs;
  }
};

// `truth[i]` and `predicted[i]` are document i's true cluster and predicted story.
// O(n) in documents plus the number of distinct (truth, predicted) combinations.
PairwiseScore ScorePairs(const std::vector<uint32_t>& truth,
                         const std::vector<uint64_t>& predicted);

}  // namespace parley::dedup

#endif  // PARLEY_DEDUP_EVAL_SET_H_
