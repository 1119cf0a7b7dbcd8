#include "dedup/eval_set.h"

#include <algorithm>
#include <array>
#include <bit>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>

#include "parley/text.h"

namespace parley::dedup {
namespace {

// std::mt19937_64's sequence is fixed by the standard; the distributions are not, so we
// draw with modulo ourselves to keep the set identical across standard libraries.
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  // Uniform in [0, n); n > 0.
  size_t Below(size_t n) { return static_cast<size_t>(engine_() % n); }
  // Uniform in [lo, hi].
  size_t Between(size_t lo, size_t hi) { return lo + Below(hi - lo + 1); }
  bool Chance(double p) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < p; }

 private:
  std::mt19937_64 engine_;
};

constexpr std::array<std::string_view, 6> kHeadlinePrefixes = {
    "", "Exclusive: ", "Analysis: ", "Update: ", "World news: ", "Breaking: "};

// Our own short boilerplate lines of the kinds wire and syndication copies carry.
constexpr std::array<std::string_view, 5> kBoilerplate = {
    "This story has been corrected to fix the spelling of a name in the third paragraph.",
    "Reporting by our correspondents; additional reporting by staff in London. Editing by "
    "the world desk. Our standards: the trust principles.",
    "Sign up to the morning briefing to get the top stories in your inbox every weekday. "
    "Read more about how we handle your data in our privacy policy.",
    "Copyright 2019. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed without permission.",
    "Follow the latest developments on our live page and share your views in the comments "
    "below. Photograph: agency pictures.",
};

// Substitutions an editor makes when rewriting a wire story.
const std::unordered_map<std::string_view, std::string_view>& Synonyms() {
  static const auto* map = new std::unordered_map<std::string_view, std::string_view>{
      {"said", "stated"},
      {"says", "states"},
      {"told", "informed"},
      {"officials", "authorities"},
      {"government", "administration"},
      {"people", "individuals"},
      {"killed", "slain"},
      {"attack", "assault"},
      {"country", "nation"},
      {"big", "large"},
      {"large", "big"},
      {"also", "additionally"},
      {"but", "however"},
      {"about", "around"},
      {"many", "numerous"},
      {"help", "assist"},
      {"began", "started"},
      {"start", "begin"},
      {"show", "reveal"},
      {"more", "further"},
      {"after", "following"},
      {"before", "prior to"},
      {"plan", "proposal"},
      {"leader", "head"},
      {"minister", "secretary"},
      {"president", "head of state"},
      {"police", "officers"},
      {"war", "conflict"},
      {"city", "town"},
      {"talks", "negotiations"},
  };
  return *map;
}

constexpr std::array<std::string_view, 8> kFillerWords = {
    "reportedly", "however", "meanwhile", "indeed", "notably", "recently", "officially", "still"};

std::vector<std::string> SplitIntoSentences(std::string_view text) {
  std::vector<text::Range> ranges;
  text::SplitSentences(text, &ranges);
  std::vector<std::string> out;
  out.reserve(ranges.size());
  for (const text::Range& r : ranges) out.emplace_back(text.substr(r.start, r.end - r.start));
  return out;
}

std::string MakeHeadline(const std::vector<std::string>& sentences, Rng& rng) {
  std::string headline(kHeadlinePrefixes[rng.Below(kHeadlinePrefixes.size())]);
  const std::string& source = sentences[rng.Below(sentences.size())];
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < source.size()) {
    size_t end = source.find(' ', start);
    if (end == std::string::npos) end = source.size();
    if (end > start) words.push_back(std::string_view(source).substr(start, end - start));
    start = end + 1;
  }
  const size_t n = std::min<size_t>(words.size(), rng.Between(6, 11));
  const size_t from = words.size() > n ? rng.Below(words.size() - n + 1) : 0;
  for (size_t i = 0; i < n; ++i) {
    if (i) headline += ' ';
    headline += words[from + i];
  }
  return headline;
}

void DropParagraph(std::vector<std::string>* sentences, Rng& rng) {
  if (sentences->size() < 3) return;
  const size_t max_len = std::max<size_t>(1, std::min<size_t>(4, sentences->size() / 4));
  const size_t len = rng.Between(std::min<size_t>(2, max_len), max_len);
  const size_t at = rng.Below(sentences->size() - len + 1);
  sentences->erase(sentences->begin() + at, sentences->begin() + at + len);
}

void AddParagraph(std::vector<std::string>* sentences, const std::vector<std::string>& donor,
                  Rng& rng) {
  if (donor.empty()) return;
  const size_t len = std::min<size_t>(donor.size(), rng.Between(2, 4));
  const size_t from = rng.Below(donor.size() - len + 1);
  const size_t at = rng.Below(sentences->size() + 1);
  sentences->insert(sentences->begin() + at, donor.begin() + from, donor.begin() + from + len);
}

void ReorderSentences(std::vector<std::string>* sentences, Rng& rng) {
  if (sentences->size() < 2) return;
  const size_t moves = std::max<size_t>(1, sentences->size() / 10);
  for (size_t m = 0; m < moves; ++m) {
    const size_t from = rng.Below(sentences->size());
    std::string moved = std::move((*sentences)[from]);
    sentences->erase(sentences->begin() + from);
    sentences->insert(sentences->begin() + rng.Below(sentences->size() + 1), std::move(moved));
  }
}

// Replaces about `rate` of the words, preferring synonyms; otherwise inserts a filler
// adverb before the word (an edit that also breaks shingles).
std::string SubstituteWords(const std::string& text, double rate, Rng& rng) {
  std::string out;
  out.reserve(text.size() + text.size() / 10);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string_view word = std::string_view(text).substr(start, end - start);
    if (!out.empty()) out += ' ';
    if (!word.empty() && rng.Chance(rate)) {
      auto it = Synonyms().find(word);
      if (it != Synonyms().end()) {
        out += it->second;
      } else {
        out += kFillerWords[rng.Below(kFillerWords.size())];
        out += ' ';
        out += word;
      }
    } else {
      out += word;
    }
    start = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& sentences) {
  std::string out;
  for (const std::string& s : sentences) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

std::string MakeCopy(const std::vector<std::string>& sentences,
                     const std::vector<std::string>& donor, uint32_t kinds, Rng& rng) {
  std::vector<std::string> body = sentences;
  if (kinds & kParagraphDropped) DropParagraph(&body, rng);
  if (kinds & kParagraphAdded) AddParagraph(&body, donor, rng);
  if (kinds & kSentencesReordered) ReorderSentences(&body, rng);
  std::string text = Join(body);
  if (kinds & kWordsSubstituted) text = SubstituteWords(text, 0.04, rng);
  if (kinds & kBoilerplateAdded) {
    std::string_view plate = kBoilerplate[rng.Below(kBoilerplate.size())];
    text =
        rng.Chance(0.5) ? std::string(plate) + "\n\n" + text : text + "\n\n" + std::string(plate);
  }
  if (kinds & kNewHeadline) text = MakeHeadline(sentences, rng) + "\n\n" + text;
  return text;
}

uint32_t PickPerturbations(int min_kinds, Rng& rng) {
  constexpr int kKinds = 6;
  uint32_t kinds = 0;
  for (int k = 0; k < kKinds; ++k)
    if (rng.Chance(0.5)) kinds |= 1u << k;
  while (std::popcount(kinds) < std::min(min_kinds, kKinds)) kinds |= 1u << rng.Below(kKinds);
  return kinds;
}

}  // namespace

std::string PerturbationNames(uint32_t perturbations) {
  static constexpr std::array<std::string_view, 6> kNames = {
      "headline", "dropped", "added", "reordered", "substituted", "boilerplate"};
  std::string out;
  for (size_t k = 0; k < kNames.size(); ++k) {
    if (!(perturbations & (1u << k))) continue;
    if (!out.empty()) out += '+';
    out += kNames[k];
  }
  return out.empty() ? "original" : out;
}

std::vector<EvalDoc> BuildEvalSet(const std::vector<std::string>& ids,
                                  const std::vector<std::string>& texts,
                                  const EvalSetOptions& options) {
  std::vector<std::vector<std::string>> sentences;
  sentences.reserve(texts.size());
  for (const std::string& t : texts) sentences.push_back(SplitIntoSentences(t));

  Rng rng(options.seed);
  std::vector<EvalDoc> docs;
  for (size_t a = 0; a < texts.size(); ++a) {
    docs.push_back({ids[a], texts[a], static_cast<uint32_t>(a), 0});
    if (sentences[a].empty()) continue;
    for (int c = 0; c < options.copies_per_article; ++c) {
      const uint32_t kinds = PickPerturbations(options.min_perturbations, rng);
      size_t donor = texts.size() > 1 ? rng.Below(texts.size() - 1) : a;
      if (donor >= a && texts.size() > 1) ++donor;  // never the article itself
      EvalDoc copy;
      copy.id = ids[a] + "~c" + std::to_string(c + 1);
      copy.text = MakeCopy(sentences[a], sentences[donor], kinds, rng);
      copy.cluster = static_cast<uint32_t>(a);
      copy.perturbations = kinds;
      docs.push_back(std::move(copy));
    }
  }
  for (size_t i = docs.size(); i > 1; --i) std::swap(docs[i - 1], docs[rng.Below(i)]);
  return docs;
}

PairwiseScore ScorePairs(const std::vector<uint32_t>& truth,
                         const std::vector<uint64_t>& predicted) {
  auto pairs = [](uint64_t n) { return n * (n - 1) / 2; };
  std::unordered_map<uint32_t, uint64_t> truth_sizes;
  std::unordered_map<uint64_t, uint64_t> predicted_sizes;
  std::map<std::pair<uint32_t, uint64_t>, uint64_t> both;
  for (size_t i = 0; i < truth.size() && i < predicted.size(); ++i) {
    ++truth_sizes[truth[i]];
    ++predicted_sizes[predicted[i]];
    ++both[{truth[i], predicted[i]}];
  }
  PairwiseScore score;
  for (const auto& [cluster, n] : truth_sizes) score.true_pairs += pairs(n);
  for (const auto& [story, n] : predicted_sizes) score.predicted_pairs += pairs(n);
  for (const auto& [key, n] : both) score.correct_pairs += pairs(n);
  return score;
}

}  // namespace parley::dedup
