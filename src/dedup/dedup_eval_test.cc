// DedupEval: clusters the Guardian sample plus perturbed copies of every article and checks
// pairwise precision and recall with the default options (numbers in docs/dedup.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dedup/eval_set.h"
#include "parley/dedup.h"
#include "parley/document.h"
#include "parley/reader.h"

namespace parley::dedup {
namespace {

constexpr const char* kCorpus = PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl";

struct Corpus {
  std::vector<std::string> ids;
  std::vector<std::string> texts;
};

const Corpus& GuardianSample() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::unique_ptr<DocumentReader> reader;
    ReaderOptions options;
    options.format = InputFormat::kJsonl;
    if (!DocumentReader::Open({kCorpus}, options, &reader).ok()) return c;
    Document doc;
    while (reader->Next(&doc)) {
      c->ids.push_back(doc.id);
      c->texts.push_back(doc.text);
    }
    return c;
  }();
  return *corpus;
}

struct EvalResult {
  PairwiseScore score;
  std::map<uint32_t, std::pair<int, int>> copies_by_kind;  // kind bit -> (joined, total)
};

EvalResult Evaluate(const DedupOptions& options, const std::vector<EvalDoc>& docs) {
  std::unique_ptr<SignatureComputer> computer;
  std::unique_ptr<StoryIndex> index;
  EXPECT_TRUE(SignatureComputer::Create(options, &computer).ok());
  EXPECT_TRUE(StoryIndex::Create(options, &index).ok());
  std::vector<uint32_t> truth;
  std::vector<uint64_t> predicted;
  for (const EvalDoc& d : docs) {
    truth.push_back(d.cluster);
    predicted.push_back(index->Add(d.id, computer->ComputeSignature(d.text)));
  }
  EvalResult result;
  result.score = ScorePairs(truth, predicted);
  // A copy "joined" when it shares a story with its original.
  std::map<uint32_t, uint64_t> original_story;
  for (size_t i = 0; i < docs.size(); ++i)
    if (docs[i].perturbations == 0) original_story[docs[i].cluster] = predicted[i];
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].perturbations == 0) continue;
    const bool joined = original_story[docs[i].cluster] == predicted[i];
    for (uint32_t bit = 1; bit <= kBoilerplateAdded; bit <<= 1) {
      if (!(docs[i].perturbations & bit)) continue;
      result.copies_by_kind[bit].first += joined;
      ++result.copies_by_kind[bit].second;
    }
  }
  return result;
}

TEST(DedupEval, GeneratorIsDeterministicAndPerturbsEveryCopy) {
  const Corpus& corpus = GuardianSample();
  ASSERT_GE(corpus.texts.size(), 200u) << kCorpus;
  EvalSetOptions options;
  const std::vector<EvalDoc> a = BuildEvalSet(corpus.ids, corpus.texts, options);
  const std::vector<EvalDoc> b = BuildEvalSet(corpus.ids, corpus.texts, options);
  ASSERT_EQ(a.size(), corpus.texts.size() * (1 + options.copies_per_article));
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].text, b[i].text);
    if (a[i].perturbations == 0) continue;
    EXPECT_GE(std::popcount(a[i].perturbations), options.min_perturbations) << a[i].id;
    EXPECT_NE(a[i].text, corpus.texts[a[i].cluster]) << a[i].id;
  }
}

TEST(DedupEval, DefaultOptionsMeetPrecisionAndRecallTargets) {
  const Corpus& corpus = GuardianSample();
  ASSERT_GE(corpus.texts.size(), 200u) << kCorpus;
  const std::vector<EvalDoc> docs = BuildEvalSet(corpus.ids, corpus.texts, EvalSetOptions{});
  const EvalResult r = Evaluate(DedupOptions{}, docs);
  std::printf(
      "DedupEval: %zu docs, true pairs %llu, predicted %llu, correct %llu: "
      "precision %.4f recall %.4f\n",
      docs.size(), static_cast<unsigned long long>(r.score.true_pairs),
      static_cast<unsigned long long>(r.score.predicted_pairs),
      static_cast<unsigned long long>(r.score.correct_pairs), r.score.precision(),
      r.score.recall());
  for (const auto& [bit, counts] : r.copies_by_kind)
    std::printf("  copies with %-12s joined their original: %d/%d\n",
                PerturbationNames(bit).c_str(), counts.first, counts.second);
  EXPECT_GE(r.score.recall(), 0.95);
  EXPECT_GE(r.score.precision(), 0.99);
}

}  // namespace
}  // namespace parley::dedup

namespace parley::dedup {
namespace {

// Not a check: prints precision/recall for a grid of options, the table in docs/dedup.md.
// Run with --gtest_also_run_disabled_tests --gtest_filter='DedupEval.DISABLED_Sweep*'.
TEST(DedupEval, DISABLED_SweepOptions) {
  const Corpus& corpus = GuardianSample();
  const std::vector<EvalDoc> docs = BuildEvalSet(corpus.ids, corpus.texts, EvalSetOptions{});
  // Similarity of each copy to its own original, to see where the threshold must sit.
  DedupOptions wide;
  wide.num_hashes = 256;
  wide.bands = 64;
  for (int k : {3, 4, 5}) {
    wide.shingle_words = k;
    std::unique_ptr<SignatureComputer> computer;
    ASSERT_TRUE(SignatureComputer::Create(wide, &computer).ok());
    std::map<uint32_t, DocumentSignature> originals;
    for (const EvalDoc& d : docs)
      if (d.perturbations == 0) originals[d.cluster] = computer->ComputeSignature(d.text);
    int histogram[11] = {};
    for (const EvalDoc& d : docs)
      if (d.perturbations != 0)
        ++histogram[static_cast<int>(
            10 * computer->ComputeSignature(d.text).EstimateJaccard(originals[d.cluster]))];
    std::printf("k=%d copy-vs-original similarity deciles:", k);
    for (int h : histogram) std::printf(" %d", h);
    // The closest pair from different articles: the margin precision has.
    std::vector<DocumentSignature> sigs;
    for (const EvalDoc& d : docs) sigs.push_back(computer->ComputeSignature(d.text));
    double worst = 0;
    for (size_t i = 0; i < docs.size(); ++i)
      for (size_t j = i + 1; j < docs.size(); ++j)
        if (docs[i].cluster != docs[j].cluster)
          worst = std::max(worst, sigs[i].EstimateJaccard(sigs[j]));
    std::printf("; closest pair from different articles %.3f\n", worst);
  }
  for (uint64_t seed : {1, 2, 3, 4, 5}) {
    EvalSetOptions eval_options;
    eval_options.seed = seed;
    const EvalResult r =
        Evaluate(DedupOptions{}, BuildEvalSet(corpus.ids, corpus.texts, eval_options));
    std::printf("defaults, eval seed %llu: precision %.4f recall %.4f\n",
                static_cast<unsigned long long>(seed), r.score.precision(), r.score.recall());
  }
  for (int k : {3, 4, 5}) {
    for (auto [hashes, bands] :
         {std::pair{128, 32}, std::pair{128, 64}, std::pair{256, 64}, std::pair{256, 128}}) {
      for (double threshold : {0.3, 0.4, 0.5}) {
        DedupOptions o;
        o.shingle_words = k;
        o.num_hashes = hashes;
        o.bands = bands;
        o.threshold = threshold;
        const EvalResult r = Evaluate(o, docs);
        std::printf("k=%d hashes=%d bands=%d threshold=%.2f precision %.4f recall %.4f\n", k,
                    hashes, bands, threshold, r.score.precision(), r.score.recall());
      }
    }
  }
}

}  // namespace
}  // namespace parley::dedup
