#include "parley/dedup.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace parley::dedup {
namespace {

// Our own test article (about 150 words) and variants of it.
constexpr std::string_view kArticle =
    "The foreign ministers of the two neighbouring countries met in the capital on Tuesday "
    "to discuss a new trade agreement that would lower tariffs on farm goods and machinery. "
    "Officials from both delegations described the talks as constructive but said several "
    "questions about fishing rights remained open. The agreement, which has been negotiated "
    "for almost three years, would also create a joint commission to settle disputes about "
    "border crossings. Opposition politicians criticised the government for keeping the text "
    "secret and demanded a debate in parliament before any signature. Farmers' unions "
    "welcomed the lower tariffs but warned that cheaper imports could hurt small producers in "
    "the northern provinces. A second round of talks is planned for next month, when the "
    "ministers hope to agree on the remaining chapters. Analysts said the deal would mark the "
    "biggest improvement in relations between the two governments since the end of the war.";

constexpr std::string_view kOtherArticle =
    "Heavy rain flooded large parts of the coastal city overnight, forcing hundreds of "
    "residents to leave their homes and closing the main railway line for most of the day. "
    "Emergency services rescued dozens of people from cars trapped in underpasses, and the "
    "mayor asked everyone to avoid travel until the water receded. Forecasters expect more "
    "storms later this week and have issued warnings for the whole region.";

std::unique_ptr<SignatureComputer> MakeComputer(DedupOptions options = {}) {
  std::unique_ptr<SignatureComputer> computer;
  EXPECT_TRUE(SignatureComputer::Create(options, &computer).ok());
  return computer;
}

std::unique_ptr<StoryIndex> MakeIndex(DedupOptions options = {}) {
  std::unique_ptr<StoryIndex> index;
  EXPECT_TRUE(StoryIndex::Create(options, &index).ok());
  return index;
}

TEST(DedupNormalizeTest, FoldsCaseAndCollapsesPunctuationAndSpace) {
  EXPECT_EQ(NormalizeForDedup("  The  U.S. said:\n\n\"No!\"  "), "the u s said no");
  EXPECT_EQ(NormalizeForDedup("Erdoğan’s ÉLYSÉE visit"), "erdoğan s élysée visit");
  EXPECT_EQ(NormalizeForDedup("STRASSE Straße"), "strasse straße");
  EXPECT_EQ(NormalizeForDedup("..."), "");
  EXPECT_EQ(NormalizeForDedup("3.5 per cent"), "3 5 per cent");
}

TEST(DedupOptionsTest, RejectsUnusableOptions) {
  EXPECT_TRUE(ValidateOptions({}).ok());
  DedupOptions o;
  o.bands = 30;  // does not divide 256
  EXPECT_EQ(ValidateOptions(o).code(), Status::Code::kInvalidArgument);
  o = {};
  o.threshold = 0;
  EXPECT_FALSE(ValidateOptions(o).ok());
  o = {};
  o.shingle_words = 0;
  EXPECT_FALSE(ValidateOptions(o).ok());
  std::unique_ptr<StoryIndex> index;
  EXPECT_FALSE(StoryIndex::Create(o, &index).ok());
  std::unique_ptr<SignatureComputer> computer;
  EXPECT_FALSE(SignatureComputer::Create(o, &computer).ok());
}

TEST(DedupSignatureTest, ExactDuplicatesShareTheContentHash) {
  auto computer = MakeComputer();
  std::string reformatted(kArticle);
  for (char& c : reformatted)
    if (c == ' ') c = '\n';
  reformatted[0] = 't';
  const DocumentSignature a = computer->ComputeSignature(kArticle);
  const DocumentSignature b = computer->ComputeSignature(reformatted + " ...");
  EXPECT_EQ(a.content_hash(), b.content_hash());
  EXPECT_EQ(a.minhashes(), b.minhashes());
  EXPECT_EQ(a.EstimateJaccard(b), 1.0);
  EXPECT_NE(a.content_hash(), computer->ComputeSignature(kOtherArticle).content_hash());
}

TEST(DedupSignatureTest, EstimatesJaccardOfShingleSets) {
  // 200 distinct words; the second text shares the first 150 and has 50 new ones, so with
  // k=1 the true Jaccard is 150 / 250 = 0.6.
  std::string a, b;
  for (int i = 0; i < 200; ++i) a += "w" + std::to_string(i) + " ";
  for (int i = 0; i < 150; ++i) b += "w" + std::to_string(i) + " ";
  for (int i = 0; i < 50; ++i) b += "x" + std::to_string(i) + " ";
  DedupOptions o;
  o.shingle_words = 1;
  o.num_hashes = 512;
  o.bands = 128;
  auto computer = MakeComputer(o);
  const double estimate =
      computer->ComputeSignature(a).EstimateJaccard(computer->ComputeSignature(b));
  EXPECT_NEAR(estimate, 0.6, 0.07);
}

TEST(DedupSignatureTest, UnrelatedTextsAreDissimilar) {
  auto computer = MakeComputer();
  EXPECT_LT(computer->ComputeSignature(kArticle).EstimateJaccard(
                computer->ComputeSignature(kOtherArticle)),
            0.05);
}

TEST(DedupSignatureTest, ShortAndEmptyTexts) {
  auto computer = MakeComputer();
  const DocumentSignature short_a = computer->ComputeSignature("Talks resumed.");
  const DocumentSignature short_b = computer->ComputeSignature("talks RESUMED");
  EXPECT_EQ(short_a.word_count(), 2u);
  EXPECT_EQ(short_a.EstimateJaccard(short_b), 1.0);
  const DocumentSignature empty = computer->ComputeSignature(" -- ");
  EXPECT_EQ(empty.word_count(), 0u);
  EXPECT_EQ(empty.EstimateJaccard(empty), 0.0);
}

TEST(DedupSignatureTest, SerializeRoundTripsAndRejectsBadBytes) {
  auto computer = MakeComputer();
  const DocumentSignature sig = computer->ComputeSignature(kArticle);
  const std::string bytes = sig.Serialize();
  EXPECT_EQ(bytes.size(), 24u + 4u * 256u);
  DocumentSignature back;
  ASSERT_TRUE(DocumentSignature::Deserialize(bytes, &back).ok());
  EXPECT_EQ(back.content_hash(), sig.content_hash());
  EXPECT_EQ(back.word_count(), sig.word_count());
  EXPECT_EQ(back.minhashes(), sig.minhashes());
  EXPECT_EQ(back.params_fingerprint(), sig.params_fingerprint());

  DocumentSignature untouched;
  EXPECT_EQ(DocumentSignature::Deserialize(bytes.substr(0, 10), &untouched).code(),
            Status::Code::kCorruption);
  EXPECT_EQ(DocumentSignature::Deserialize(bytes.substr(0, bytes.size() - 1), &untouched).code(),
            Status::Code::kCorruption);
  std::string other_version = bytes;
  other_version[0] = 9;
  Status st = DocumentSignature::Deserialize(other_version, &untouched);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("version 9"), std::string::npos) << st.message();
  EXPECT_TRUE(untouched.minhashes().empty());
}

TEST(DedupSignatureTest, ComputeIsThreadSafeAndDeterministic) {
  auto computer = MakeComputer();
  const DocumentSignature expected = computer->ComputeSignature(kArticle);
  std::vector<DocumentSignature> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) results[t] = computer->ComputeSignature(kArticle);
    });
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r.minhashes(), expected.minhashes());
}

TEST(StoryIndexTest, GroupsDuplicatesAndNumbersStoriesInOrder) {
  auto computer = MakeComputer();
  auto index = MakeIndex();
  std::string rewrite = "Exclusive: ministers meet on trade\n\n" + std::string(kArticle);
  rewrite.replace(rewrite.find("said several"), 4, "stated");

  StoryMatch m;
  EXPECT_EQ(index->Add("a", computer->ComputeSignature(kArticle), &m), 1u);
  EXPECT_EQ(m.kind, MatchKind::kNew);
  EXPECT_EQ(index->Add("b", computer->ComputeSignature(kOtherArticle), &m), 2u);
  EXPECT_EQ(index->Add("c", computer->ComputeSignature(rewrite), &m), 1u);
  EXPECT_EQ(m.kind, MatchKind::kNearDuplicate);
  EXPECT_EQ(m.matched_doc_id, "a");
  EXPECT_GE(m.similarity, 0.5);
  EXPECT_EQ(index->Add("d", computer->ComputeSignature(std::string(kOtherArticle) + "  "), &m), 2u);
  EXPECT_EQ(m.kind, MatchKind::kExactDuplicate);
  EXPECT_EQ(m.matched_doc_id, "b");
  EXPECT_EQ(index->Add("e", computer->ComputeSignature(""), &m), 3u);  // empty: own story
  EXPECT_EQ(index->Add("f", computer->ComputeSignature(""), &m), 4u);
  EXPECT_EQ(index->size(), 6u);
  EXPECT_EQ(index->next_story_id(), 5u);
}

TEST(StoryIndexTest, FindMatchDoesNotAdd) {
  auto computer = MakeComputer();
  auto index = MakeIndex();
  index->Add("a", computer->ComputeSignature(kArticle));
  const StoryMatch m = index->FindMatch(computer->ComputeSignature(kOtherArticle));
  EXPECT_EQ(m.kind, MatchKind::kNew);
  EXPECT_EQ(m.story_id, 2u);
  EXPECT_EQ(index->size(), 1u);
  EXPECT_EQ(index->FindMatch(computer->ComputeSignature(kArticle)).story_id, 1u);
}

TEST(StoryIndexTest, RestoreKeepsStoryIdsAndContinuesAfterThem) {
  auto computer = MakeComputer();
  // First run: persist the signatures' bytes and the story ids.
  const std::string stored_a = computer->ComputeSignature(kArticle).Serialize();
  const std::string stored_b = computer->ComputeSignature(kOtherArticle).Serialize();

  auto index = MakeIndex();
  DocumentSignature a, b;
  ASSERT_TRUE(DocumentSignature::Deserialize(stored_a, &a).ok());
  ASSERT_TRUE(DocumentSignature::Deserialize(stored_b, &b).ok());
  ASSERT_TRUE(index->Restore("a", a, 41).ok());
  ASSERT_TRUE(index->Restore("b", b, 7).ok());
  EXPECT_EQ(index->next_story_id(), 42u);
  std::string rewrite = std::string(kArticle) + " Reporting by the world desk.";
  EXPECT_EQ(index->Add("c", computer->ComputeSignature(rewrite)), 41u);
  EXPECT_EQ(index->Add("d", computer->ComputeSignature("A completely different short note.")), 42u);
  EXPECT_FALSE(index->Restore("e", a, 0).ok());
}

TEST(StoryIndexTest, SignaturesFromOtherOptionsAreNotCompared) {
  DedupOptions other;
  other.shingle_words = 3;
  auto other_computer = MakeComputer(other);
  auto computer = MakeComputer();
  auto index = MakeIndex();
  index->Add("a", computer->ComputeSignature(kArticle));
  std::string rewrite = std::string(kArticle) + " Reporting by the world desk.";
  EXPECT_EQ(index->Add("b", other_computer->ComputeSignature(rewrite)), 2u);
  // Exact duplicates are still found: the content hash does not depend on the options.
  EXPECT_EQ(index->Add("c", other_computer->ComputeSignature(kArticle)), 1u);
  Status st = index->Restore("d", other_computer->ComputeSignature(kArticle), 3);
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(st.message().find("'d'"), std::string::npos);
}

TEST(StoryIndexTest, SameInputOrderGivesSameStories) {
  auto computer = MakeComputer();
  std::vector<std::string> texts = {std::string(kArticle), std::string(kOtherArticle),
                                    std::string(kArticle) + " Photograph: agency.",
                                    "Unrelated one line text about nothing in particular",
                                    std::string(kOtherArticle) + " Updated at noon."};
  std::vector<uint64_t> first, second;
  for (int run = 0; run < 2; ++run) {
    auto index = MakeIndex();
    for (size_t i = 0; i < texts.size(); ++i)
      (run == 0 ? first : second)
          .push_back(index->Add(std::to_string(i), computer->ComputeSignature(texts[i])));
  }
  EXPECT_EQ(first, second);
  EXPECT_EQ(first, (std::vector<uint64_t>{1, 2, 1, 3, 2}));
}

}  // namespace
}  // namespace parley::dedup
