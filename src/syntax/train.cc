// Training: tag set and lemma tables from the treebank, an averaged-perceptron tagger, and
// an arc-hybrid parser trained with a dynamic oracle (Goldberg & Nivre 2013) on tags
// predicted by a jackknifed tagger, so that it sees at training time the tag errors it will
// see at parse time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <unordered_map>

#include "parley/syntax.h"
#include "syntax/analyzer_impl.h"
#include "syntax/features.h"
#include "syntax/model.h"
#include "syntax/parser_table.h"
#include "syntax/perceptron.h"

namespace parley::syntax {

using namespace internal;

namespace {

// Keeps the features the coder needs, in their original order.
std::string CoderFeats(std::string_view feats) {
  std::string out;
  while (!feats.empty()) {
    const size_t bar = feats.find('|');
    const std::string_view f = feats.substr(0, bar);
    for (std::string_view name :
         {"Mood=", "Number=", "Polarity=", "Tense=", "VerbForm=", "Voice="}) {
      if (f.substr(0, name.size()) == name) {
        if (!out.empty()) out.push_back('|');
        out.append(f);
      }
    }
    if (bar == std::string_view::npos) break;
    feats.remove_prefix(bar + 1);
  }
  return out.empty() ? "_" : out;
}

std::string TagKey(const Word& w) { return w.upos + "\t" + w.xpos + "\t" + CoderFeats(w.feats); }

// The inventory of tags and labels, and every training word's gold ids.
struct Inventory {
  std::vector<std::string> tags;    // "UPOS\tXPOS\tFEATS"
  std::vector<std::string> labels;  // deprels
  std::unordered_map<std::string, uint16_t> tag_ids, label_ids;
  std::vector<uint16_t> xpos_ids;  // per tag, as Model::Init assigns them

  void Build(const std::vector<Sentence>& train) {
    std::set<std::string> tag_set, label_set;
    for (const Sentence& s : train) {
      for (const Word& w : s.words) {
        tag_set.insert(TagKey(w));
        if (w.deprel != "root") label_set.insert(w.deprel);
      }
    }
    label_set.insert("root");
    tags.assign(tag_set.begin(), tag_set.end());
    labels.assign(label_set.begin(), label_set.end());
    std::vector<std::string> xpos_seen;
    for (size_t i = 0; i < tags.size(); ++i) {
      tag_ids[tags[i]] = static_cast<uint16_t>(i);
      const std::string xpos =
          tags[i].substr(tags[i].find('\t') + 1, tags[i].rfind('\t') - tags[i].find('\t') - 1);
      auto it = std::find(xpos_seen.begin(), xpos_seen.end(), xpos);
      xpos_ids.push_back(static_cast<uint16_t>(it - xpos_seen.begin()));
      if (it == xpos_seen.end()) xpos_seen.push_back(xpos);
    }
    for (size_t i = 0; i < labels.size(); ++i) label_ids[labels[i]] = static_cast<uint16_t>(i);
  }
  int Tag(const Word& w) const {
    auto it = tag_ids.find(TagKey(w));
    return it == tag_ids.end() ? -1 : it->second;
  }
  int Label(const Word& w) const {
    auto it = label_ids.find(w.deprel);
    return it == label_ids.end() ? 0 : it->second;
  }
  std::string Strings() const {
    std::string out;
    for (const std::string& t : tags) out += "T\t" + t + "\n";
    for (const std::string& l : labels) out += "L\t" + l + "\n";
    return out;
  }
};

// A training sentence in the form the learners use.
struct Example {
  std::vector<WordSpan> words;
  std::vector<WordInfo> info;
  std::vector<int> gold_tag;        // -1: tag unknown to the inventory
  std::vector<int> gold_head;       // 1-based heads, index 0 unused
  std::vector<int> gold_label;      // index 0 unused
  std::vector<uint16_t> parse_tag;  // predicted xpos id + 2 per word (1-based, [0] root)
};

std::vector<Example> MakeExamples(const std::vector<Sentence>& sentences, const Inventory& inv) {
  std::vector<Example> out;
  out.reserve(sentences.size());
  for (const Sentence& s : sentences) {
    Example e;
    const int n = static_cast<int>(s.words.size());
    if (n == 0 || n > static_cast<int>(Analyzer::kMaxWords)) continue;
    e.gold_head.assign(n + 1, 0);
    e.gold_label.assign(n + 1, 0);
    bool heads_ok = true;
    for (int i = 0; i < n; ++i) {
      const Word& w = s.words[i];
      e.words.push_back(WordSpan{w.form, 0, 0});
      e.gold_tag.push_back(inv.Tag(w));
      if (w.head < 0) heads_ok = false;
      e.gold_head[i + 1] = w.head;
      e.gold_label[i + 1] = inv.Label(w);
    }
    if (!heads_ok) e.gold_head.clear();  // no tree: tagger only
    e.info.resize(n);
    for (int i = 0; i < n; ++i) ComputeWordInfo(e.words[i].form, &e.info[i]);
    out.push_back(std::move(e));
  }
  return out;
}

// Most frequent tag of each lower-cased form seen at least 3 times; forms seen at least
// kSureCount times with one tag in at least kSureShare of them are marked sure (tagged
// without the classifier: a third of news tokens are such words, "the", ",", "of").
constexpr int kSureCount = 20;
constexpr double kSureShare = 0.99;
std::vector<std::pair<uint64_t, uint32_t>> BuildTagDict(const std::vector<Example>& ex,
                                                        const std::vector<size_t>& use) {
  std::unordered_map<uint64_t, std::unordered_map<int, int>> counts;
  for (size_t i : use) {
    for (size_t j = 0; j < ex[i].info.size(); ++j) {
      if (ex[i].gold_tag[j] >= 0) ++counts[ex[i].info[j].lower][ex[i].gold_tag[j]];
    }
  }
  std::vector<std::pair<uint64_t, uint32_t>> dict;
  for (const auto& [word, tags] : counts) {
    int total = 0, best = -1, best_count = 0;
    for (const auto& [t, c] : tags) {
      total += c;
      if (c > best_count || (c == best_count && t < best)) best = t, best_count = c;
    }
    const bool sure = total >= kSureCount && best_count >= kSureShare * total;
    if (total >= 3) dict.emplace_back(word, static_cast<uint32_t>(best) | (sure ? kSureTag : 0));
  }
  std::sort(dict.begin(), dict.end());
  return dict;
}

void ApplyTagDict(const std::vector<std::pair<uint64_t, uint32_t>>& dict, Example* e) {
  for (WordInfo& w : e->info) {
    auto it = std::lower_bound(dict.begin(), dict.end(), std::pair<uint64_t, uint32_t>{w.lower, 0});
    const bool found = it != dict.end() && it->first == w.lower;
    w.dict_tag = found ? static_cast<uint16_t>((it->second & ~kSureTag) + 1) : 0;
    w.sure = found && (it->second & kSureTag) != 0;
  }
}

struct TaggerResult {
  std::vector<WeightRow> rows;
  std::vector<std::pair<uint64_t, uint32_t>> dict;
};

// Trains a tagger on examples `use`; returns its averaged weights and tag dictionary.
TaggerResult TrainTagger(std::vector<Example>& ex, const std::vector<size_t>& use, size_t num_tags,
                         int epochs, uint32_t min_updates, std::mt19937_64* rng, bool verbose,
                         const char* what) {
  TaggerResult result;
  result.dict = BuildTagDict(ex, use);
  for (size_t i : use) ApplyTagDict(result.dict, &ex[i]);
  SparseWeights weights;
  std::vector<float> scores(num_tags);
  std::vector<uint16_t> tags;
  uint64_t features[kMaxTaggerFeatures];
  uint32_t rows[kMaxTaggerFeatures];
  std::vector<size_t> order = use;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), *rng);
    size_t correct = 0, total = 0;
    for (size_t i : order) {
      Example& e = ex[i];
      const size_t n = e.info.size();
      tags.assign(n, 0);
      for (size_t j = 0; j < n; ++j) {
        if (e.info[j].sure) {
          tags[j] = e.info[j].dict_tag;
          correct += e.gold_tag[j] == e.info[j].dict_tag - 1;
          ++total;
          continue;
        }
        const size_t k = TaggerFeatures(e.info.data(), n, j, tags.data(), features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        weights.Score(features, k, scores.data(), rows);
        const int guess =
            static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        const int gold = e.gold_tag[j];
        if (gold >= 0 && guess != gold) {
          weights.Update(features, rows, k, static_cast<uint16_t>(gold), 1.0f);
          weights.Update(features, rows, k, static_cast<uint16_t>(guess), -1.0f);
        }
        correct += guess == gold;
        ++total;
        weights.Tick();
        tags[j] = static_cast<uint16_t>(guess + 1);
      }
    }
    if (verbose) {
      std::fprintf(stderr, "parley syntax: %s epoch %d/%d train tag accuracy %.2f%%\n", what, epoch,
                   epochs, 100.0 * correct / std::max<size_t>(total, 1));
    }
  }
  result.rows = weights.Averaged(min_updates);
  return result;
}

// Tags examples `use` with frozen tagger weights, storing parse_tag.
void PredictTags(const TaggerResult& tagger, const Inventory& inv, std::vector<Example>& ex,
                 const std::vector<size_t>& use) {
  const std::string bytes = BuildWeights(tagger.rows);
  WeightsView view;
  (void)view.Init(bytes, static_cast<uint32_t>(inv.tags.size()), "tagger");
  std::vector<float> scores(inv.tags.size());
  std::vector<uint16_t> tags;
  uint64_t features[kMaxTaggerFeatures];
  for (size_t i : use) {
    Example& e = ex[i];
    ApplyTagDict(tagger.dict, &e);
    const size_t n = e.info.size();
    tags.assign(n, 0);
    e.parse_tag.assign(n + 1, 1);
    for (size_t j = 0; j < n; ++j) {
      size_t best = e.info[j].dict_tag - 1;
      if (!e.info[j].sure) {
        const size_t k = TaggerFeatures(e.info.data(), n, j, tags.data(), features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        for (size_t f = 0; f < k; ++f) view.Add(features[f], scores.data());
        best = std::max_element(scores.begin(), scores.end()) - scores.begin();
      }
      tags[j] = static_cast<uint16_t>(best + 1);
      e.parse_tag[j + 1] = static_cast<uint16_t>(inv.xpos_ids[best] + 2);
    }
  }
}

// Dynamic-oracle cost of transition `t`: gold arcs it makes unreachable.
int Cost(const ParseState& st, int t, const std::vector<int>& gold) {
  const int s0 = st.stack.back();
  const int s1 = st.stack.size() >= 2 ? st.stack[st.stack.size() - 2] : -1;
  int cost = 0;
  if (t == kShift) {
    const int b0 = st.b;
    for (int d : st.stack) cost += gold[d] == b0 && d != 0;
    const int h = gold[b0];
    if (h != s0 && std::find(st.stack.begin(), st.stack.end(), h) != st.stack.end()) ++cost;
    return cost;
  }
  for (int d = st.b; d <= st.n; ++d) cost += gold[d] == s0;
  const int h = gold[s0];
  if (t == kLeft) {
    if (h != st.b && (h == s1 || h > st.b)) ++cost;
  } else {
    if (h != s1 && h >= st.b) ++cost;
  }
  return cost;
}

// Trains the transition classifier (SHIFT, LEFT, RIGHT) and, for each arc, the label
// classifier over its own features.
struct ParserTrainer {
  const Inventory& inv;
  SparseWeights weights;        // over the 3 transitions
  SparseWeights label_weights;  // over the labels
  std::vector<float> label_scores;
  ParseState st;
  std::vector<uint64_t> words;
  uint64_t features[kMaxParserFeatures];
  uint32_t rows[kMaxParserFeatures];
  uint64_t label_features[kMaxLabelFeatures];
  uint32_t label_rows[kMaxLabelFeatures];

  explicit ParserTrainer(const Inventory& i) : inv(i), label_scores(i.labels.size()) {}

  // Predicts the label of the arc head -> dep; when the arc is right, learns from the gold
  // label and returns it (so the state carries gold labels where it can).
  int Label(const Example& e, int dep, int head) {
    const size_t k = LabelFeatures(st, dep, head, words.data(), e.parse_tag.data(), label_features);
    std::fill(label_scores.begin(), label_scores.end(), 0.0f);
    label_weights.Score(label_features, k, label_scores.data(), label_rows);
    const int guess = static_cast<int>(std::max_element(label_scores.begin(), label_scores.end()) -
                                       label_scores.begin());
    label_weights.Tick();
    if (e.gold_head[dep] != head) return guess;
    const int gold = e.gold_label[dep];
    if (guess != gold) {
      label_weights.Update(label_features, label_rows, k, static_cast<uint16_t>(gold), 1.0f);
      label_weights.Update(label_features, label_rows, k, static_cast<uint16_t>(guess), -1.0f);
    }
    return gold;
  }

  // One sentence; returns (correct heads, words) of the path followed.
  std::pair<int, int> Train(const Example& e, bool explore, std::mt19937_64* rng) {
    const int n = static_cast<int>(e.info.size());
    words.resize(n + 1);
    words[0] = 0x524F4F54ull;
    for (int i = 1; i <= n; ++i) words[i] = e.info[i - 1].lower;
    st.Init(n);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    float scores[3];
    while (!st.Terminal()) {
      const size_t k = ParserFeatures(st, words.data(), e.parse_tag.data(), features);
      scores[0] = scores[1] = scores[2] = 0.0f;
      weights.Score(features, k, scores, rows);
      int costs[3] = {-1, -1, -1};
      int best = -1, min_cost = 1 << 30;
      for (int t = 0; t < 3; ++t) {
        if (!st.Valid(t)) continue;
        costs[t] = Cost(st, t, e.gold_head);
        min_cost = std::min(min_cost, costs[t]);
        if (best < 0 || scores[t] > scores[best]) best = t;
      }
      int oracle = -1;
      for (int t = 0; t < 3; ++t) {
        if (costs[t] == min_cost && (oracle < 0 || scores[t] > scores[oracle])) oracle = t;
      }
      if (costs[best] > min_cost) {
        weights.Update(features, rows, k, static_cast<uint16_t>(oracle), 1.0f);
        weights.Update(features, rows, k, static_cast<uint16_t>(best), -1.0f);
      }
      int next = costs[best] == min_cost ? best : oracle;
      if (explore && next != best && coin(*rng) < 0.9) next = best;
      int label = 0;
      if (next != kShift) {
        const int dep = st.stack.back();
        const int head = next == kLeft ? st.b : st.stack[st.stack.size() - 2];
        label = Label(e, dep, head);
      }
      weights.Tick();
      st.Apply(next, label);
    }
    int correct = 0;
    for (int i = 1; i <= n; ++i) correct += st.head[i] == e.gold_head[i];
    return {correct, n};
  }
};

// Lemma lexicon (form + xpos -> most frequent lemma) and suffix rules for unseen words.
struct LemmaTables {
  std::vector<std::pair<uint64_t, uint32_t>> lexicon, rules;
  std::string pool;

  uint32_t Add(std::string_view s) {
    const uint32_t at = static_cast<uint32_t>(pool.size());
    pool.push_back(static_cast<char>(std::min<size_t>(s.size(), 255)));
    pool.append(s.substr(0, 255));
    return at;
  }

  void Build(const std::vector<Sentence>& train, const Inventory& inv) {
    std::map<uint64_t, std::map<std::string, int>> lex, rule;
    std::string lower;
    for (const Sentence& s : train) {
      for (const Word& w : s.words) {
        const int tag = inv.Tag(w);
        if (tag < 0 || w.lemma == "_") continue;
        const uint16_t xpos = inv.xpos_ids[tag];
        WordInfo info;
        ComputeWordInfo(w.form, &info);
        ++lex[LexiconKey(info.form, xpos, false)][w.lemma];
        ++lex[LexiconKey(info.lemma_lower, xpos, true)][w.lemma];
        if (w.upos == "PROPN") {
          lower = w.form;
        } else {
          LowerAscii(w.form, &lower);
        }
        size_t common = 0;
        while (common < lower.size() && common < w.lemma.size() &&
               lower[common] == w.lemma[common]) {
          ++common;
        }
        const size_t strip = lower.size() - common;
        if (strip > 255) continue;
        const std::string edit = std::string(1, static_cast<char>(strip)) + w.lemma.substr(common);
        for (size_t k = 1; k < lower.size() && k <= 6; ++k) {
          if (k < strip) continue;  // the rule must see all it strips
          ++rule[RuleKey(std::string_view(lower).substr(lower.size() - k), xpos)][edit];
        }
      }
    }
    auto best = [](const std::map<std::string, int>& m) {
      auto b = m.begin();
      for (auto it = m.begin(); it != m.end(); ++it) {
        if (it->second > b->second) b = it;
      }
      return b;
    };
    for (const auto& [key, lemmas] : lex) lexicon.emplace_back(key, Add(best(lemmas)->first));
    for (const auto& [key, edits] : rule) {
      const auto b = best(edits);
      if (b->second >= 2) rules.emplace_back(key, Add(b->first));
    }
  }
};

std::string AssembleModel(const Inventory& inv, const TaggerResult& tagger,
                          const std::vector<WeightRow>& parser,
                          const std::vector<WeightRow>& labeler, const LemmaTables& lemmas) {
  return BuildModelFile({{kStrings, inv.Strings()},
                         {kTagger, BuildWeights(tagger.rows)},
                         {kParserTable, BuildParserTable(parser, inv.labels.size())},
                         {kLabelTable, BuildWeights(labeler)},
                         {kLexicon, BuildMap(lemmas.lexicon)},
                         {kRules, BuildMap(lemmas.rules)},
                         {kTagDict, BuildMap(tagger.dict)},
                         {kPool, lemmas.pool}});
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

Status Train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
             const TrainOptions& options, const std::string& out_path) {
  const auto started = std::chrono::steady_clock::now();
  if (train.empty()) return Status::InvalidArgument("no training sentences");
  std::mt19937_64 rng(options.seed);
  const uint32_t min_updates = static_cast<uint32_t>(std::max(1, options.min_updates));
  Inventory inv;
  inv.Build(train);
  std::vector<Example> ex = MakeExamples(train, inv);
  const int tagger_epochs = std::max(1, options.epochs * 2 / 3);
  std::vector<size_t> all(ex.size());
  for (size_t i = 0; i < ex.size(); ++i) all[i] = i;

  // Jackknifing: each fold is tagged by a tagger trained on the other folds.
  const int folds = options.jackknife >= 2 ? options.jackknife : 0;
  for (int f = 0; f < folds; ++f) {
    std::vector<size_t> in, out;
    for (size_t i = 0; i < ex.size(); ++i)
      (static_cast<int>(i % folds) == f ? out : in).push_back(i);
    const std::string what =
        "jackknife tagger " + std::to_string(f + 1) + "/" + std::to_string(folds);
    TaggerResult fold =
        TrainTagger(ex, in, inv.tags.size(), tagger_epochs, min_updates, &rng, false, what.c_str());
    PredictTags(fold, inv, ex, out);
    if (options.verbose) {
      std::fprintf(stderr, "parley syntax: %s done (%.0f s)\n", what.c_str(), Seconds(started));
    }
  }
  TaggerResult tagger = TrainTagger(ex, all, inv.tags.size(), tagger_epochs, min_updates, &rng,
                                    options.verbose, "tagger");
  if (folds == 0) {
    for (Example& e : ex) {
      e.parse_tag.assign(e.info.size() + 1, 1);
      for (size_t j = 0; j < e.info.size(); ++j) {
        e.parse_tag[j + 1] =
            static_cast<uint16_t>(e.gold_tag[j] >= 0 ? inv.xpos_ids[e.gold_tag[j]] + 2 : 0);
      }
    }
  }
  LemmaTables lemmas;
  lemmas.Build(train, inv);

  std::vector<size_t> parse_order;
  for (size_t i = 0; i < ex.size(); ++i) {
    if (!ex[i].gold_head.empty()) parse_order.push_back(i);
  }
  ParserTrainer trainer(inv);
  std::string best_model;
  double best_las = -1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(parse_order.begin(), parse_order.end(), rng);
    long correct = 0, total = 0;
    for (size_t i : parse_order) {
      const auto [c, n] = trainer.Train(ex[i], epoch > 1, &rng);
      correct += c;
      total += n;
    }
    std::string model = AssembleModel(inv, tagger, trainer.weights.Averaged(min_updates),
                                      trainer.label_weights.Averaged(min_updates), lemmas);
    double las = 0;
    std::string dev_note;
    if (!dev.empty()) {
      const Model* raw = nullptr;
      if (Status st = Model::FromBytes(model, "trained model", &raw); !st.ok()) return st;
      Analyzer analyzer{std::shared_ptr<const Model>(raw)};
      const Scores s = EvaluateModel(&analyzer, dev);
      las = s.las;
      char buf[160];
      std::snprintf(buf, sizeof buf, " dev UPOS %.2f UAS %.2f LAS %.2f", s.upos, s.uas, s.las);
      dev_note = buf;
    }
    if (options.verbose) {
      std::fprintf(stderr,
                   "parley syntax: parser epoch %d/%d train UAS (explored) %.2f%%%s, %zu features, "
                   "model %.1f MB (%.0f s)\n",
                   epoch, options.epochs, 100.0 * correct / std::max<long>(total, 1),
                   dev_note.c_str(), trainer.weights.rows() + trainer.label_weights.rows(),
                   model.size() / 1e6, Seconds(started));
    }
    if (dev.empty() || las > best_las) {
      best_las = las;
      best_model = std::move(model);
    }
  }
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError("cannot write " + tmp);
    out.write(best_model.data(), static_cast<std::streamsize>(best_model.size()));
    if (!out) return Status::IOError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    return Status::IOError("cannot rename " + tmp + " to " + out_path);
  }
  if (options.verbose) {
    std::fprintf(stderr, "parley syntax: wrote %s (%.1f MB%s)\n", out_path.c_str(),
                 best_model.size() / 1e6,
                 dev.empty() ? "" : (", best dev LAS " + std::to_string(best_las)).c_str());
  }
  return Status::OK();
}

}  // namespace parley::syntax
