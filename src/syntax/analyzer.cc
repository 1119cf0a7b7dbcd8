// Tagging, lemmatisation and parsing with a loaded model: greedy left-to-right tagging,
// then greedy arc-hybrid parsing. Everything lives in per-Analyzer scratch buffers.
#include <algorithm>
#include <cstring>

#include "parley/syntax.h"
#include "syntax/analyzer_impl.h"
#include "syntax/features.h"
#include "syntax/model.h"
#include "syntax/parser_table.h"

namespace parley::syntax {

using internal::ParseState;

namespace internal {

uint64_t LexiconKey(uint64_t form, uint16_t xpos_id, bool lower) {
  return Key(Mix(form, xpos_id + (lower ? 20000u : 10000u)));
}
uint64_t RuleKey(std::string_view suffix, uint16_t xpos_id) {
  return Key(Mix(Mix(HashBytes(suffix), suffix.size()), xpos_id + 30000u));
}

void LowerAscii(std::string_view s, std::string* out) {
  out->assign(s);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

void TagWords(const Model& m, const std::vector<WordSpan>& words, TagScratch* s) {
  const size_t n = words.size();
  s->info.resize(n);
  s->tags.resize(n);
  for (size_t i = 0; i < n; ++i) {
    internal::ComputeWordInfo(words[i].form, &s->info[i]);
    const uint32_t t = m.tag_dict().Find(s->info[i].lower);
    s->info[i].dict_tag = t == MapView::kMissing ? 0 : static_cast<uint16_t>((t & ~kSureTag) + 1);
    s->info[i].sure = t != MapView::kMissing && (t & kSureTag) != 0;
  }
  s->scores.resize(m.num_tags());
  uint64_t features[kMaxTaggerFeatures];
  for (size_t i = 0; i < n; ++i) {
    if (s->info[i].sure) {
      s->tags[i] = s->info[i].dict_tag;
      continue;
    }
    const size_t k = TaggerFeatures(s->info.data(), n, i, s->tags.data(), features);
    std::fill(s->scores.begin(), s->scores.end(), 0);
    m.tagger().AddAll(features, k, s->scores.data());
    const size_t best = std::max_element(s->scores.begin(), s->scores.end()) - s->scores.begin();
    s->tags[i] = static_cast<uint16_t>(best + 1);
  }
}

void Lemmatize(const Model& m, const std::vector<WordSpan>& words, const TagScratch& t,
               std::string* buffer, std::vector<std::pair<uint32_t, uint32_t>>* spans,
               std::string* scratch) {
  buffer->clear();
  spans->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const TagInfo& tag = m.tag(t.tags[i] - 1);
    const uint32_t start = static_cast<uint32_t>(buffer->size());
    uint32_t at = m.lexicon().Find(LexiconKey(t.info[i].form, tag.xpos_id, false));
    if (at == MapView::kMissing) {
      at = m.lexicon().Find(LexiconKey(t.info[i].lemma_lower, tag.xpos_id, true));
    }
    if (at != MapView::kMissing) {
      buffer->append(m.PoolString(at));
    } else {
      // Unseen word: the longest known suffix rule for its tag (strip bytes, append).
      if (tag.proper) {
        scratch->assign(words[i].form);
      } else {
        LowerAscii(words[i].form, scratch);
      }
      const std::string_view form = *scratch;
      bool done = false;
      for (size_t k = std::min<size_t>(form.empty() ? 0 : form.size() - 1, 6); k >= 1 && !done;
           --k) {
        const uint32_t rule = m.rules().Find(RuleKey(form.substr(form.size() - k), tag.xpos_id));
        if (rule == MapView::kMissing) continue;
        const std::string_view r = m.PoolString(rule);
        if (r.empty() || static_cast<uint8_t>(r[0]) > form.size()) continue;
        buffer->append(form.substr(0, form.size() - static_cast<uint8_t>(r[0])));
        buffer->append(r.substr(1));
        done = true;
      }
      if (!done) buffer->append(form);
    }
    (*spans)[i] = {start, static_cast<uint32_t>(buffer->size()) - start};
  }
}

void ParseWords(const Model& m, const TagScratch& t, size_t from, size_t count, ParseScratch* p) {
  const int n = static_cast<int>(count);
  p->words.resize(n + 1);
  p->tags.resize(n + 1);
  p->words[0] = 0x524F4F54ull;  // "ROOT"
  p->tags[0] = 1;
  for (int i = 1; i <= n; ++i) {
    p->words[i] = t.info[from + i - 1].lower;
    p->tags[i] = static_cast<uint16_t>(m.tag(t.tags[from + i - 1] - 1).xpos_id + 2);
  }
  ParseState& st = p->state;
  st.Init(n);
  const size_t labels = m.num_labels();
  p->label_scores.resize(labels);
  int32_t* label_scores = p->label_scores.data();
  uint64_t features[kMaxParserFeatures];
  uint32_t rows[kMaxParserFeatures];
  const ParserTable& w = m.parser();
  const WeightsView* labeler = m.labeler();
  uint64_t label_features[kMaxLabelFeatures];
  while (!st.Terminal()) {
    const size_t k = ParserFeatures(st, p->words.data(), p->tags.data(), features);
    int32_t transition[3] = {0, 0, 0};
    w.Lookup(features, k, transition, rows);
    int best = -1;
    for (int tr = 0; tr < 3; ++tr) {
      if (st.Valid(tr) && (best < 0 || transition[tr] > transition[best])) best = tr;
    }
    // Labels only for the chosen arc's direction.
    int label = 0;
    if (best != internal::kShift) {
      std::fill(label_scores, label_scores + labels, 0);
      if (labeler != nullptr) {
        const int dep = st.stack.back();
        const int head = best == internal::kLeft ? st.b : st.stack[st.stack.size() - 2];
        const size_t kl =
            LabelFeatures(st, dep, head, p->words.data(), p->tags.data(), label_features);
        labeler->AddAll(label_features, kl, label_scores);
      } else {
        w.AddLabels(rows, k, best == internal::kRight, label_scores);
      }
      label =
          static_cast<int>(std::max_element(label_scores, label_scores + labels) - label_scores);
    }
    st.Apply(best, label);
  }
}

}  // namespace internal

struct Analyzer::Impl {
  std::shared_ptr<const Model> model;
  internal::TagScratch tag;
  internal::ParseScratch parse;
  std::vector<int> heads;
  std::vector<uint16_t> labels;
  std::string lemmas;
  std::vector<std::pair<uint32_t, uint32_t>> lemma_spans;
  std::string scratch;
  std::vector<WordSpan> words;  // for AnalyzeSentence
};

Analyzer::Analyzer(std::shared_ptr<const Model> model) : impl_(std::make_unique<Impl>()) {
  impl_->model = std::move(model);
}
Analyzer::~Analyzer() = default;

void Analyzer::Analyze(const std::vector<WordSpan>& words) {
  Impl& d = *impl_;
  const Model& m = *d.model;
  internal::TagWords(m, words, &d.tag);
  internal::Lemmatize(m, words, d.tag, &d.lemmas, &d.lemma_spans, &d.scratch);
  d.heads.resize(words.size());
  d.labels.resize(words.size());
  // Over-long sentences are parsed in pieces; each later piece's root hangs off the first.
  int first_root = 0;
  for (size_t from = 0; from < words.size(); from += kMaxWords) {
    const size_t count = std::min(kMaxWords, words.size() - from);
    internal::ParseWords(m, d.tag, from, count, &d.parse);
    for (size_t i = 0; i < count; ++i) {
      const int h = d.parse.state.head[i + 1];
      d.labels[from + i] = static_cast<uint16_t>(std::max(0, d.parse.state.label[i + 1]));
      if (h == 0) {
        if (first_root == 0) {
          first_root = static_cast<int>(from + i + 1);
          d.heads[from + i] = 0;
        } else {
          d.heads[from + i] = first_root;
        }
      } else {
        d.heads[from + i] = static_cast<int>(from) + h;
      }
    }
  }
}

const Model& Analyzer::model() const { return *impl_->model; }
size_t Analyzer::size() const { return impl_->heads.size(); }
std::string_view Analyzer::Upos(size_t i) const {
  return impl_->model->tag(impl_->tag.tags[i] - 1).upos;
}
std::string_view Analyzer::Xpos(size_t i) const {
  return impl_->model->tag(impl_->tag.tags[i] - 1).xpos;
}
std::string_view Analyzer::Feats(size_t i) const {
  return impl_->model->tag(impl_->tag.tags[i] - 1).feats;
}
std::string_view Analyzer::Lemma(size_t i) const {
  const auto [start, len] = impl_->lemma_spans[i];
  return std::string_view(impl_->lemmas).substr(start, len);
}
int Analyzer::Head(size_t i) const { return impl_->heads[i]; }
std::string_view Analyzer::Deprel(size_t i) const {
  if (impl_->heads[i] == 0) return "root";
  return impl_->model->label(impl_->labels[i]);
}

void Analyzer::AnalyzeSentence(Sentence* sentence) {
  auto& words = impl_->words;
  words.clear();
  for (const Word& w : sentence->words) words.push_back(WordSpan{w.form, w.start, w.end});
  Analyze(words);
  for (size_t i = 0; i < sentence->words.size(); ++i) {
    Word& w = sentence->words[i];
    w.upos = Upos(i);
    w.xpos = Xpos(i);
    w.feats = Feats(i);
    w.lemma = Lemma(i);
    w.head = Head(i);
    w.deprel = Deprel(i);
  }
}

}  // namespace parley::syntax
