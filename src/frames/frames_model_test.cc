// End to end: raw sentences through the tokenizer, the bundled syntax model and both frame
// stages. Checks only facts that hold for the bundled parser's readings (its trees differ
// from EWT's in places), plus size extremes and buffer reuse across sentences.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "parley/frames.h"
#include "parley/paths.h"
#include "parley/syntax.h"
#include "parley/text.h"

namespace parley::frames {
namespace {

class FramesModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = BundledSyntaxModelPath();
    ASSERT_FALSE(path.empty()) << "no bundled model (data/model/en_ewt.parley)";
    std::shared_ptr<const syntax::Model> model;
    const Status st = syntax::LoadModel(path, &model);
    ASSERT_TRUE(st.ok()) << st.ToString();
    model_ = new std::shared_ptr<const syntax::Model>(model);
  }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
  }

  // Runs every stage on `text`; the layers stay valid until the next call.
  void Run(const std::string& text) {
    text_ = text;
    if (analyzer_ == nullptr) analyzer_ = std::make_unique<syntax::Analyzer>(*model_);
    text::Tokenize(text_, &tokens_);
    syntax::UdWords(tokens_, &words_);
    analyzer_->Analyze(words_);
    FromAnalyzer(*analyzer_, words_, &sentence_);
    Analyze(sentence_, &layers_);
    const Status st = Validate(sentence_, layers_);
    ASSERT_TRUE(st.ok()) << st.ToString();
    trace_.clear();
    AppendTrace(layers_.frames, &trace_);
  }
  const Frame* FrameOf(std::string_view form) const {
    for (const Frame& f : layers_.frames.frames) {
      if (sentence_.words[f.predicate].form == form) return &f;
    }
    return nullptr;
  }
  std::vector<std::string> Args(const Frame* f, ArgRole role) const {
    std::vector<std::string> out;
    for (const Argument& a : layers_.frames.Args(*f)) {
      if (a.role == role) out.emplace_back(sentence_.words[a.word].form);
    }
    return out;
  }
  std::string GroupHead(int group) const {
    if (group < 0) return "-";
    return std::string(sentence_.words[layers_.phrases.groups[group].head].form);
  }

  static std::shared_ptr<const syntax::Model>* model_;
  std::unique_ptr<syntax::Analyzer> analyzer_;
  std::string text_;
  text::TokenizedSentence tokens_;
  std::vector<syntax::WordSpan> words_;
  ParsedSentence sentence_;
  SentenceFrames layers_;
  std::string trace_;
};

std::shared_ptr<const syntax::Model>* FramesModelTest::model_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(FramesModelTest, PassiveAgentIsTheAttacker) {
  Run("Russia is attacked by Ukraine.");
  const Frame* f = FrameOf("attacked");
  ASSERT_NE(f, nullptr) << trace_;
  EXPECT_EQ(Args(f, ArgRole::kAgent), (Strings{"Ukraine"})) << trace_;
  EXPECT_EQ(Args(f, ArgRole::kPatient), (Strings{"Russia"})) << trace_;
}

TEST_F(FramesModelTest, NegatedAndReportedUnderTheKremlin) {
  Run("Russia will not attack Ukraine, the Kremlin said on Monday.");
  const Frame* f = FrameOf("attack");
  ASSERT_NE(f, nullptr) << trace_;
  EXPECT_EQ(f->mood, Mood::kNegated) << trace_;
  EXPECT_TRUE(f->reported) << trace_;
  EXPECT_EQ(GroupHead(f->speaker_group), "Kremlin") << trace_;
  EXPECT_EQ(Args(f, ArgRole::kAgent), (Strings{"Russia"})) << trace_;
}

TEST_F(FramesModelTest, CoordinatedSubjectsBothSign) {
  Run("Peru and Chile signed a trade agreement on Tuesday.");
  const Frame* f = FrameOf("signed");
  ASSERT_NE(f, nullptr) << trace_;
  EXPECT_EQ(Args(f, ArgRole::kAgent), (Strings{"Peru", "Chile"})) << trace_;
}

TEST_F(FramesModelTest, InvertedSpeakerIsNeverATarget) {
  Run("The relations between our countries will improve, summed up Kulik.");
  for (const Frame& f : layers_.frames.frames) {
    for (const Argument& a : layers_.frames.Args(f)) {
      if (sentence_.words[a.word].form == "Kulik") {
        EXPECT_EQ(a.role, ArgRole::kAgent) << trace_;
      }
    }
  }
  const Frame* improve = FrameOf("improve");
  ASSERT_NE(improve, nullptr) << trace_;
  EXPECT_TRUE(improve->reported) << trace_;
  EXPECT_EQ(GroupHead(improve->speaker_group), "Kulik") << trace_;
}

TEST_F(FramesModelTest, LongAndEmptySentencesAndReuse) {
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += "Officials from Russia said talks in Geneva with Iran will not resume, ";
  }
  text += "and Kulik left.";
  Run(text);
  EXPECT_GE(sentence_.words.size(), 300u);
  EXPECT_GT(layers_.frames.frames.size(), 30u);
  const size_t capacity = layers_.frames.arguments.capacity();
  Run("Russia is attacked by Ukraine.");  // smaller: the buffers are reused, not shrunk
  EXPECT_EQ(layers_.frames.arguments.capacity(), capacity);
  ParsedSentence empty;
  Analyze(empty, &layers_);
  EXPECT_TRUE(Validate(empty, layers_).ok());
  EXPECT_TRUE(layers_.phrases.groups.empty());
  EXPECT_TRUE(layers_.frames.frames.empty());
}

// Every gold tree of the EWT dev treebank gives valid layers, and a second pass over the
// same sentences needs no buffer to grow (nothing is allocated once grown).
TEST(FramesTreebankTest, EwtDevTreesAreValidAndReuseBuffers) {
  std::vector<syntax::Sentence> treebank;
  const Status st = syntax::ReadConlluFile("../shared/treebanks/en_ewt-ud-dev.conllu", &treebank);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_GT(treebank.size(), 1000u);
  ParsedSentence sentence;
  SentenceFrames layers;
  auto capacities = [&] {
    const Phrases& p = layers.phrases;
    const Frames& f = layers.frames;
    const Tree& t = layers.tree;
    return std::vector<size_t>{
        sentence.words.capacity(),  t.head.capacity(),         t.depth.capacity(),
        t.order.capacity(),         t.first_child.capacity(),  t.child_list.capacity(),
        t.path_.capacity(),         p.groups.capacity(),       p.members.capacity(),
        p.links.capacity(),         p.verbs.capacity(),        p.verb_members.capacity(),
        p.group_of_word.capacity(), p.verb_of_word.capacity(), p.scratch_.capacity(),
        f.frames.capacity(),        f.arguments.capacity(),    f.frame_of_word.capacity(),
        f.scratch_.capacity()};
  };
  size_t frames = 0, passive_agents = 0, reported = 0;
  std::vector<size_t> after_first;
  for (int pass = 0; pass < 2; ++pass) {
    for (const syntax::Sentence& s : treebank) {
      FromConllu(s, &sentence);
      Analyze(sentence, &layers);
      if (pass == 1) continue;
      const Status valid = Validate(sentence, layers);
      ASSERT_TRUE(valid.ok()) << valid.ToString();
      frames += layers.frames.frames.size();
      for (const Frame& f : layers.frames.frames) {
        reported += f.reported;
        for (const Argument& a : layers.frames.Args(f)) {
          passive_agents += a.source == ArgSource::kPassiveAgent;
        }
      }
    }
    if (pass == 0) after_first = capacities();
  }
  EXPECT_EQ(capacities(), after_first);
  // The treebank holds thousands of predicates, passives with agents and reported clauses.
  EXPECT_GT(frames, 2000u);
  EXPECT_GT(passive_agents, 20u);
  EXPECT_GT(reported, 100u);
}

}  // namespace
}  // namespace parley::frames
