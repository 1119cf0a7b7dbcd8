// Bad model files: every way of damaging a model file gives a clear error, never a crash.
#include "syntax/model.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parley/syntax.h"
#include "syntax/parser_table.h"

namespace parley::syntax {
namespace {

// A tiny but complete model: two tags, two labels, a few weights. Version 1 files hold the
// parser as a plain weight table, version 2 files as a ParserTable.
std::string TinyModel(uint32_t version = kModelVersion) {
  std::vector<WeightRow> rows(1);
  rows[0].feature = 12345;
  rows[0].weights = {{0, 1.0f}, {1, -0.5f}};
  return BuildModelFile(
      {{kStrings, "T\tNOUN\tNN\tNumber=Sing\nT\tVERB\tVBD\tTense=Past\nL\troot\nL\tnsubj\n"},
       {kTagger, BuildWeights(rows)},
       version == 1 ? std::pair<uint32_t, std::string>{kParser, BuildWeights(rows)}
                    : std::pair<uint32_t, std::string>{kParserTable, BuildParserTable(rows, 2)},
       {kLexicon, BuildMap({})},
       {kRules, BuildMap({})},
       {kTagDict, BuildMap({{777, 1}})},
       {kPool, std::string("\0", 1)}},
      version);
}

class SyntaxModelFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("parley_model_test_" + std::to_string(::getpid()) + ".parley"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  Status LoadBytes(const std::string& bytes) {
    std::ofstream(path_, std::ios::binary) << bytes;
    std::shared_ptr<const Model> model;
    return LoadModel(path_, &model);
  }
  std::string path_;
};

TEST_F(SyntaxModelFileTest, AGoodFileLoadsAndAnalyzes) {
  std::ofstream(path_, std::ios::binary) << TinyModel();
  std::shared_ptr<const Model> model;
  ASSERT_TRUE(LoadModel(path_, &model).ok());
  Analyzer analyzer(model);
  std::vector<WordSpan> words = {{"Rebels", 0, 6}, {"fled", 7, 11}, {".", 11, 12}};
  analyzer.Analyze(words);
  ASSERT_EQ(analyzer.size(), 3u);
  int roots = 0;
  for (size_t i = 0; i < 3; ++i) roots += analyzer.Head(i) == 0;
  EXPECT_EQ(roots, 1);
}

TEST_F(SyntaxModelFileTest, AVersionOneFileIsConvertedAtLoad) {
  std::ofstream(path_, std::ios::binary) << TinyModel(1);
  std::shared_ptr<const Model> model;
  ASSERT_TRUE(LoadModel(path_, &model).ok());
  EXPECT_EQ(model->parser().features(), 1u);
  const std::vector<WeightRow> rows = model->parser().Rows(1);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].weights.size(), 2u);
  EXPECT_FLOAT_EQ(rows[0].weights[0].second, 1.0f);
  EXPECT_NEAR(rows[0].weights[1].second, -0.5f, 1e-4);
}

TEST_F(SyntaxModelFileTest, MissingFileIsNotFound) {
  std::shared_ptr<const Model> model;
  const Status st = LoadModel("/nonexistent/model.parley", &model);
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
  EXPECT_NE(st.message().find("/nonexistent/model.parley"), std::string::npos);
}

TEST_F(SyntaxModelFileTest, ForeignFileIsRejected) {
  const Status st = LoadBytes("# a dictionary file, not a model\nRUSSIA [RUS]\n");
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("bad magic"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find(path_), std::string::npos);
  EXPECT_EQ(LoadBytes("").code(), Status::Code::kCorruption);
}

TEST_F(SyntaxModelFileTest, TruncatedFileIsRejected) {
  const std::string good = TinyModel();
  for (size_t keep : {size_t{8}, size_t{39}, size_t{40}, good.size() / 2, good.size() - 1}) {
    const Status st = LoadBytes(good.substr(0, keep));
    EXPECT_EQ(st.code(), Status::Code::kCorruption) << keep;
  }
  EXPECT_NE(LoadBytes(good.substr(0, good.size() - 8)).message().find("truncated"),
            std::string::npos);
}

TEST_F(SyntaxModelFileTest, CorruptByteFailsTheChecksum) {
  std::string bad = TinyModel();
  bad[bad.size() / 2] ^= 0x40;
  const Status st = LoadBytes(bad);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("checksum"), std::string::npos) << st.message();
}

TEST_F(SyntaxModelFileTest, OtherVersionIsRejected) {
  std::string bad = TinyModel();
  bad[8] = 9;
  const Status st = LoadBytes(bad);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("version 9"), std::string::npos) << st.message();
}

TEST_F(SyntaxModelFileTest, FolderIsNotAModel) {
  std::shared_ptr<const Model> model;
  EXPECT_FALSE(LoadModel(std::filesystem::temp_directory_path().string(), &model).ok());
}

}  // namespace
}  // namespace parley::syntax
