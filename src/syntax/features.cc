#include "syntax/features.h"

#include <xxhash.h>

#include <algorithm>

namespace parley::syntax::internal {
namespace {

constexpr size_t kMaxWordBytes = 48;
constexpr uint64_t kNone = 0x6E6F6E65ull;  // "none": outside the sentence

// Folds the punctuation that news and the treebank write differently: curly quotes and
// apostrophes to ASCII, en and em dashes to '-'. Returns bytes consumed (>= 1) and writes
// the folded byte to *c, or 0 in *c to copy the byte as is.
size_t FoldPunct(std::string_view s, size_t i, char* c) {
  *c = 0;
  if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    switch (static_cast<unsigned char>(s[i + 2])) {
      case 0x98:
      case 0x99:
        *c = '\'';
        return 3;
      case 0x9C:
      case 0x9D:
        *c = '"';
        return 3;
      case 0x93:
      case 0x94:
        *c = '-';
        return 3;
    }
  }
  return 1;
}

char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

}  // namespace

uint64_t HashBytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

void ComputeWordInfo(std::string_view form, WordInfo* info) {
  char lower[kMaxWordBytes] = {};
  char plain[kMaxWordBytes] = {};
  char shape[kMaxWordBytes] = {};
  size_t n = 0, m = 0, k = 0;
  for (size_t i = 0; i < form.size() && n < kMaxWordBytes;) {
    char folded;
    const size_t used = FoldPunct(form, i, &folded);
    unsigned char c = static_cast<unsigned char>(form[i]);
    const char low =
        (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    if (m < kMaxWordBytes) plain[m++] = low;
    if (folded != 0) {
      lower[n++] = folded;
      c = static_cast<unsigned char>(folded);
    } else {
      lower[n++] = (c >= '0' && c <= '9') ? '0' : low;
    }
    const char cls = ShapeClass(c);
    if (k < 2 || shape[k - 1] != cls || shape[k - 2] != cls) shape[k++] = cls;
    for (size_t j = 1; j < used && m < kMaxWordBytes; ++j) plain[m++] = form[i + j];
    i += used;
  }
  const std::string_view low(lower, n);
  info->lower = Key(HashBytes(low));
  info->form = Key(HashBytes(form));
  info->lemma_lower = Key(HashBytes(std::string_view(plain, m)));
  for (size_t j = 0; j < 4; ++j) {
    info->suffix[j] = j < n ? HashBytes(low.substr(n - j - 1)) : kNone;
  }
  for (size_t j = 0; j < 3; ++j) info->prefix[j] = j < n ? HashBytes(low.substr(0, j + 1)) : kNone;
  info->shape = HashBytes(std::string_view(shape, k));
  info->dict_tag = 0;
  info->sure = false;
}

size_t TaggerFeatures(const WordInfo* words, size_t n, size_t i, const uint16_t* tags,
                      uint64_t* out) {
  const WordInfo& w = words[i];
  auto lower = [&](long j) {
    return j < 0 || j >= static_cast<long>(n) ? kNone + j : words[j].lower;
  };
  auto suffix3 = [&](long j) {
    return j < 0 || j >= static_cast<long>(n) ? kNone : words[j].suffix[2];
  };
  auto dict = [&](long j) -> uint64_t {
    return j < 0 || j >= static_cast<long>(n) ? 0xFFFF : words[j].dict_tag;
  };
  const long x = static_cast<long>(i);
  const uint64_t t1 = i >= 1 ? tags[i - 1] : 0xFFFF;
  const uint64_t t2 = i >= 2 ? tags[i - 2] : 0xFFFF;
  size_t k = 0;
  out[k++] = F1(1, 0);
  out[k++] = F1(2, w.lower);
  out[k++] = F1(3, w.form);
  for (uint32_t j = 0; j < 4; ++j) out[k++] = F1(4 + j, w.suffix[j]);
  for (uint32_t j = 0; j < 3; ++j) out[k++] = F1(8 + j, w.prefix[j]);
  out[k++] = F2(11, w.shape, i == 0);
  out[k++] = F1(12, lower(x - 1));
  out[k++] = F1(13, lower(x - 2));
  out[k++] = F1(14, lower(x + 1));
  out[k++] = F1(15, lower(x + 2));
  out[k++] = F1(16, suffix3(x - 1));
  out[k++] = F1(17, suffix3(x + 1));
  out[k++] = F1(18, t1);
  out[k++] = F2(19, t2, t1);
  out[k++] = F2(20, t1, w.lower);
  out[k++] = F2(21, lower(x - 1), w.lower);
  out[k++] = F2(22, w.lower, lower(x + 1));
  out[k++] = F1(23, dict(x + 1));
  out[k++] = F1(24, dict(x + 2));
  out[k++] = F1(25, dict(x));
  out[k++] = F2(26, dict(x), dict(x + 1));
  out[k++] = F2(27, t1, dict(x + 1));
  out[k++] = F2(28, t1, w.suffix[2]);
  out[k++] = F2(29, dict(x), w.suffix[1]);
  return k;
}

void ParseState::Init(int words) {
  n = words;
  b = 1;
  stack.clear();
  stack.push_back(0);
  for (auto* v : {&head, &label, &l1, &l2, &r1, &r2, &lv, &rv}) v->assign(n + 1, -1);
  std::fill(lv.begin(), lv.end(), 0);
  std::fill(rv.begin(), rv.end(), 0);
  lset.assign(n + 1, 0);
  rset.assign(n + 1, 0);
}

void ParseState::Apply(int t, int lab) {
  if (t == kShift) {
    stack.push_back(b++);
    return;
  }
  const int dep = stack.back();
  stack.pop_back();
  const int h = t == kLeft ? b : stack.back();
  head[dep] = h;
  label[dep] = lab;
  if (dep < h) {
    // dep is left of h: new leftmost child, since children arrive from the inside out.
    if (l1[h] < 0 || dep < l1[h]) {
      l2[h] = l1[h];
      l1[h] = dep;
    } else if (l2[h] < 0 || dep < l2[h]) {
      l2[h] = dep;
    }
    ++lv[h];
    lset[h] |= 1ull << (lab & 63);
  } else {
    if (r1[h] < 0 || dep > r1[h]) {
      r2[h] = r1[h];
      r1[h] = dep;
    } else if (r2[h] < 0 || dep > r2[h]) {
      r2[h] = dep;
    }
    ++rv[h];
    rset[h] |= 1ull << (lab & 63);
  }
}

size_t ParserFeatures(const ParseState& st, const uint64_t* words, const uint16_t* tags,
                      uint64_t* out) {
  const size_t depth = st.stack.size();
  const int s0 = depth >= 1 ? st.stack[depth - 1] : -1;
  const int s1 = depth >= 2 ? st.stack[depth - 2] : -1;
  const int s2 = depth >= 3 ? st.stack[depth - 3] : -1;
  const int b0 = st.b <= st.n ? st.b : -1;
  const int b1 = st.b + 1 <= st.n ? st.b + 1 : -1;
  const int b2 = st.b + 2 <= st.n ? st.b + 2 : -1;
  auto W = [&](int i) -> uint64_t { return i < 0 ? kNone : words[i]; };
  auto P = [&](int i) -> uint64_t { return i < 0 ? 0xFFFF : tags[i]; };
  auto L = [&](int i) -> uint64_t {
    return i < 0 ? 0xFFFF : static_cast<uint64_t>(st.label[i] + 1);
  };
  auto child = [&](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0l = child(st.l1, s0), s0r = child(st.r1, s0), s0l2 = child(st.l2, s0),
            s0r2 = child(st.r2, s0);
  const int s1l = child(st.l1, s1), s1r = child(st.r1, s1);
  const int b0l = child(st.l1, b0), b0l2 = child(st.l2, b0);
  uint64_t dist = 0;
  if (s0 >= 0 && b0 >= 0) {
    const int d = b0 - s0;
    dist = d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
  }
  uint64_t dist2 = 0;
  if (s0 >= 0 && s1 >= 0) {
    const int d = s0 - s1;
    dist2 = d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
  }
  const uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), b0w = W(b0), b0p = P(b0);
  const uint64_t b1w = W(b1), b1p = P(b1), b2p = P(b2), s2p = P(s2);
  const uint64_t s0wp = Mix(s0w, s0p), s1wp = Mix(s1w, s1p), b0wp = Mix(b0w, b0p),
                 b1wp = Mix(b1w, b1p);
  auto V = [&](const std::vector<int>& v, int i) -> uint64_t { return i < 0 ? 99 : v[i]; };
  auto S = [&](const std::vector<uint64_t>& v, int i) -> uint64_t { return i < 0 ? 1 : v[i]; };
  size_t k = 0;
  // Unigrams.
  out[k++] = F1(1, s0w);
  out[k++] = F1(2, s0p);
  out[k++] = F1(3, s0wp);
  out[k++] = F1(4, s1w);
  out[k++] = F1(5, s1p);
  out[k++] = F1(6, s1wp);
  out[k++] = F1(7, b0w);
  out[k++] = F1(8, b0p);
  out[k++] = F1(9, b0wp);
  out[k++] = F1(10, b1w);
  out[k++] = F1(11, b1p);
  out[k++] = F1(12, b1wp);
  out[k++] = F1(13, b2p);
  out[k++] = F1(14, s2p);
  // Pairs.
  out[k++] = F2(20, s0wp, b0wp);
  out[k++] = F2(21, s0wp, b0w);
  out[k++] = F2(22, s0w, b0wp);
  out[k++] = F2(23, s0wp, b0p);
  out[k++] = F2(24, s0p, b0wp);
  out[k++] = F2(25, s0w, b0w);
  out[k++] = F2(26, s0p, b0p);
  out[k++] = F2(27, b0p, b1p);
  out[k++] = F2(28, s1p, s0p);
  out[k++] = F2(29, s1w, s0w);
  out[k++] = F2(30, s1wp, s0p);
  out[k++] = F2(31, s1p, s0wp);
  out[k++] = F2(32, s1wp, s0wp);
  out[k++] = F2(33, s1p, b0p);
  // Triples of tags.
  out[k++] = F3(40, b0p, b1p, b2p);
  out[k++] = F3(41, s0p, b0p, b1p);
  out[k++] = F3(42, s1p, s0p, b0p);
  out[k++] = F3(43, s2p, s1p, s0p);
  out[k++] = F3(44, s0p, P(s0l), b0p);
  out[k++] = F3(45, s0p, P(s0r), b0p);
  out[k++] = F3(46, s0p, b0p, P(b0l));
  out[k++] = F3(47, s1p, s0p, P(s0l));
  out[k++] = F3(48, s1p, s0p, P(s0r));
  out[k++] = F3(49, s1p, P(s1r), s0p);
  out[k++] = F3(50, s1p, P(s1l), s0p);
  out[k++] = F3(51, s0w, b0p, b1p);
  out[k++] = F3(52, s1p, s0w, b0p);
  // Distance.
  out[k++] = F2(60, s0w, dist);
  out[k++] = F2(61, s0p, dist);
  out[k++] = F2(62, b0w, dist);
  out[k++] = F2(63, b0p, dist);
  out[k++] = F3(64, s0w, b0w, dist);
  out[k++] = F3(65, s0p, b0p, dist);
  out[k++] = F3(66, s1p, s0p, dist2);
  out[k++] = F3(67, s1w, s0w, dist2);
  // Valency.
  out[k++] = F2(70, s0w, V(st.rv, s0));
  out[k++] = F2(71, s0p, V(st.rv, s0));
  out[k++] = F2(72, s0w, V(st.lv, s0));
  out[k++] = F2(73, s0p, V(st.lv, s0));
  out[k++] = F2(74, b0w, V(st.lv, b0));
  out[k++] = F2(75, b0p, V(st.lv, b0));
  out[k++] = F3(76, s1p, V(st.rv, s1), s0p);
  // Children.
  out[k++] = F2(80, W(s0l), P(s0l));
  out[k++] = F1(81, L(s0l));
  out[k++] = F2(82, W(s0r), P(s0r));
  out[k++] = F1(83, L(s0r));
  out[k++] = F2(84, W(b0l), P(b0l));
  out[k++] = F1(85, L(b0l));
  out[k++] = F1(86, L(s1r));
  out[k++] = F2(87, s0p, L(s0l));
  out[k++] = F2(88, s0p, L(s0r));
  out[k++] = F2(89, b0p, L(b0l));
  // Second children.
  out[k++] = F3(90, s0p, P(s0l), P(s0l2));
  out[k++] = F3(91, s0p, P(s0r), P(s0r2));
  out[k++] = F3(92, b0p, P(b0l), P(b0l2));
  out[k++] = F2(93, L(s0l2), L(s0l));
  out[k++] = F2(94, L(s0r2), L(s0r));
  out[k++] = F2(95, L(b0l2), L(b0l));
  // Label sets.
  out[k++] = F2(100, s0w, S(st.rset, s0));
  out[k++] = F2(101, s0p, S(st.rset, s0));
  out[k++] = F2(102, s0w, S(st.lset, s0));
  out[k++] = F2(103, s0p, S(st.lset, s0));
  out[k++] = F2(104, b0w, S(st.lset, b0));
  out[k++] = F2(105, b0p, S(st.lset, b0));
  out[k++] = F3(106, s1p, S(st.rset, s1), s0p);
  return k;
}

size_t LabelFeatures(const ParseState& st, int dep, int head, const uint64_t* words,
                     const uint16_t* tags, uint64_t* out) {
  // Every template is split by arc direction (the template id carries it), so LEFT and
  // RIGHT arcs learn separate weights.
  const uint32_t dir = head > dep ? 1 : 2;
  auto T = [&](uint32_t id) { return id * 4 + dir; };
  auto W = [&](int i) -> uint64_t { return i < 0 ? kNone : words[i]; };
  auto P = [&](int i) -> uint64_t { return i < 0 || i > st.n ? 0xFFFF : tags[i]; };
  auto L = [&](int i) -> uint64_t {
    return i < 0 ? 0xFFFF : static_cast<uint64_t>(st.label[i] + 1);
  };
  const int distance = head > dep ? head - dep : dep - head;
  const uint64_t dist = distance <= 4 ? distance : distance <= 6 ? 5 : distance <= 9 ? 6 : 7;
  const uint64_t dw = W(dep), dp = P(dep), hw = W(head), hp = P(head);
  const int dl = st.l1[dep], dr = st.r1[dep], hl = head > 0 ? st.l1[head] : -1;
  const uint64_t children = std::min(st.lv[dep] + st.rv[dep], 4);
  size_t k = 0;
  out[k++] = F1(T(1), 0);
  out[k++] = F1(T(2), dp);
  out[k++] = F1(T(3), dw);
  out[k++] = F2(T(4), dw, dp);
  out[k++] = F1(T(5), hp);
  out[k++] = F1(T(6), hw);
  out[k++] = F2(T(7), hw, hp);
  out[k++] = F2(T(8), dp, hp);
  out[k++] = F2(T(9), dw, hp);
  out[k++] = F2(T(10), dp, hw);
  out[k++] = F2(T(11), dw, hw);
  out[k++] = F3(T(12), dp, hp, dist);
  out[k++] = F2(T(13), dp, L(dl));
  out[k++] = F2(T(14), dp, L(dr));
  out[k++] = F2(T(15), dp, st.lset[dep]);
  out[k++] = F2(T(16), dp, st.rset[dep]);
  out[k++] = F2(T(17), hp, head > 0 ? st.lset[head] : 1);
  out[k++] = F2(T(18), hp, head > 0 ? st.rset[head] : 1);
  out[k++] = F3(T(19), dp, hp, P(dl));
  out[k++] = F3(T(20), dp, hp, P(dr));
  out[k++] = F3(T(21), dp, hp, P(dep - 1));
  out[k++] = F3(T(22), dp, hp, P(dep + 1));
  out[k++] = F3(T(23), dw, dp, hp);
  out[k++] = F3(T(24), dp, hw, hp);
  out[k++] = F3(T(25), dp, hp, children);
  out[k++] = F2(T(26), W(dl), dp);
  out[k++] = F3(T(27), W(dl), dp, hp);
  out[k++] = F3(T(28), dp, hp, L(hl));
  out[k++] = F3(T(29), dp, hp, st.lset[dep] ^ (st.rset[dep] << 1));
  return k;
}

}  // namespace parley::syntax::internal
