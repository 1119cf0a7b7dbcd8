// Bounded training on a small slice of UD English EWT: the model must learn (far above
// chance), training must be deterministic for a seed, and the file must round-trip.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parley/syntax.h"

namespace parley::syntax {
namespace {

std::vector<Sentence> Slice(const std::string& path, size_t from, size_t count) {
  std::vector<Sentence> all;
  if (!ReadConlluFile(path, &all).ok()) return {};
  if (from >= all.size()) return {};
  return std::vector<Sentence>(all.begin() + from,
                               all.begin() + std::min(all.size(), from + count));
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class SyntaxTrainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    train_ = Slice("../shared/treebanks/en_ewt-ud-train.conllu", 0, 600);
    dev_ = Slice("../shared/treebanks/en_ewt-ud-dev.conllu", 0, 300);
    if (train_.empty() || dev_.empty()) GTEST_SKIP() << "treebanks not found in ../shared";
    dir_ = std::filesystem::temp_directory_path() /
           ("parley_syntax_train_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::vector<Sentence> train_, dev_;
  std::filesystem::path dir_;
};

TEST_F(SyntaxTrainTest, LearnsFarAboveChanceOnASmallSlice) {
  TrainOptions options;
  options.epochs = 4;
  options.jackknife = 2;
  options.verbose = false;
  const std::string path = (dir_ / "small.parley").string();
  ASSERT_TRUE(Train(train_, dev_, options, path).ok());
  std::shared_ptr<const Model> model;
  ASSERT_TRUE(LoadModel(path, &model).ok());
  Analyzer analyzer(model);
  const Scores s = EvaluateModel(&analyzer, dev_);
  EXPECT_EQ(s.sentences, dev_.size());
  // Chance: UPOS about 1/17, a random head about 1/10 for these sentence lengths.
  EXPECT_GT(s.upos, 75.0);
  EXPECT_GT(s.uas, 55.0);
  EXPECT_GT(s.las, 45.0);
  EXPECT_GT(s.lemma, 80.0);
  // Every word gets a head inside the sentence and exactly one word is the root.
  Sentence one = dev_[0];
  analyzer.AnalyzeSentence(&one);
  int roots = 0;
  for (const Word& w : one.words) {
    EXPECT_GE(w.head, 0);
    EXPECT_LE(w.head, static_cast<int>(one.words.size()));
    roots += w.head == 0;
  }
  EXPECT_EQ(roots, 1);
}

TEST_F(SyntaxTrainTest, SameSeedSameModel) {
  TrainOptions options;
  options.epochs = 1;
  options.jackknife = 0;
  options.verbose = false;
  const std::vector<Sentence> small(train_.begin(), train_.begin() + 150);
  const std::vector<Sentence> dev(dev_.begin(), dev_.begin() + 20);
  const std::string a = (dir_ / "a.parley").string(), b = (dir_ / "b.parley").string();
  ASSERT_TRUE(Train(small, dev, options, a).ok());
  ASSERT_TRUE(Train(small, dev, options, b).ok());
  EXPECT_EQ(ReadAll(a), ReadAll(b));
}

}  // namespace
}  // namespace parley::syntax
