#include "syntax/model.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>

#include "parley/syntax.h"
#include "syntax/bytes.h"
#include "syntax/features.h"
#include "syntax/parser_table.h"

namespace parley::syntax {
namespace {

using internal::AppendValue;
using internal::ReadValue;

void PadTo8(std::string* out) {
  while (out->size() % 8 != 0) out->push_back('\0');
}

}  // namespace

Status MapView::Init(std::string_view bytes, std::string_view what) {
  const std::string bad = std::string(what) + ": malformed table";
  if (bytes.size() < 8) return Status::Corruption(bad);
  const uint64_t capacity = ReadValue<uint64_t>(bytes, 0);
  if (capacity == 0 || (capacity & (capacity - 1)) != 0 || capacity > (1ull << 32) ||
      bytes.size() < 8 + capacity * 12) {
    return Status::Corruption(bad);
  }
  keys_ = reinterpret_cast<const uint64_t*>(bytes.data() + 8);
  values_ = reinterpret_cast<const uint32_t*>(bytes.data() + 8 + capacity * 8);
  mask_ = capacity - 1;
  if (std::find(keys_, keys_ + capacity, 0ull) == keys_ + capacity) return Status::Corruption(bad);
  return Status::OK();
}

Status WeightsView::Init(std::string_view bytes, uint32_t classes, std::string_view what) {
  const std::string bad = std::string(what) + ": malformed weights";
  if (bytes.size() < 24) return Status::Corruption(bad);
  scale_ = ReadValue<float>(bytes, 0);
  const uint64_t entries = ReadValue<uint64_t>(bytes, 8);
  const uint64_t map_size = ReadValue<uint64_t>(bytes, 16);
  if (!std::isfinite(scale_) || map_size > bytes.size() - 24 || map_size % 8 != 0 ||
      entries > (bytes.size() - 24 - map_size) / 4) {
    return Status::Corruption(bad);
  }
  if (Status st = map_.Init(bytes.substr(24, map_size), what); !st.ok()) return st;
  entries_ = reinterpret_cast<const uint32_t*>(bytes.data() + 24 + map_size);
  for (uint64_t slot = 0; slot < map_.capacity(); ++slot) {
    if (map_.keys()[slot] == 0) continue;
    const uint64_t v = map_.values()[slot];
    if (v >= entries || entries_[v] > entries - v - 1) return Status::Corruption(bad);
    for (uint32_t i = 0; i < entries_[v]; ++i) {
      if ((entries_[v + 1 + i] >> 16) >= classes) return Status::Corruption(bad);
    }
  }
  return Status::OK();
}

size_t WeightsView::features() const {
  size_t n = 0;
  for (uint64_t slot = 0; slot < map_.capacity(); ++slot) n += map_.keys()[slot] != 0;
  return n;
}

std::vector<WeightRow> WeightsView::Rows(int min_quantised) const {
  std::vector<WeightRow> out;
  for (uint64_t slot = 0; slot < map_.capacity(); ++slot) {
    if (map_.keys()[slot] == 0) continue;
    WeightRow row;
    row.feature = map_.keys()[slot];
    const uint32_t* e = entries_ + map_.values()[slot];
    int largest = 0;
    for (uint32_t i = 0; i < e[0]; ++i) {
      const int q = static_cast<int16_t>(e[1 + i] & 0xFFFF);
      largest = std::max(largest, std::abs(q));
      row.weights.emplace_back(static_cast<uint16_t>(e[1 + i] >> 16), q * scale_);
    }
    if (largest >= min_quantised) out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(),
            [](const WeightRow& a, const WeightRow& b) { return a.feature < b.feature; });
  return out;
}

std::string PruneModel(const Model& model, int min_quantised) {
  std::vector<std::pair<uint32_t, std::string>> sections;
  for (uint32_t id :
       {kStrings, kTagger, kParserTable, kLabelTable, kLexicon, kRules, kTagDict, kPool}) {
    if (id == kLabelTable) {
      if (model.labeler() != nullptr) {
        sections.emplace_back(id, BuildWeights(model.labeler()->Rows(min_quantised)));
      }
    } else if (id == kTagger) {
      sections.emplace_back(id, BuildWeights(model.tagger().Rows(min_quantised)));
    } else if (id == kParserTable) {
      sections.emplace_back(
          id, BuildParserTable(model.parser().Rows(min_quantised), model.num_labels()));
    } else {
      sections.emplace_back(id, std::string(model.section(id)));
    }
  }
  return BuildModelFile(sections);
}

std::string BuildMap(const std::vector<std::pair<uint64_t, uint32_t>>& items) {
  uint64_t capacity = 16;
  while (capacity < items.size() * 10 / 7 + 1) capacity *= 2;
  std::vector<uint64_t> keys(capacity, 0);
  std::vector<uint32_t> values(capacity, 0);
  for (const auto& [key, value] : items) {
    uint64_t slot = key & (capacity - 1);
    while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & (capacity - 1);
    keys[slot] = key;
    values[slot] = value;
  }
  std::string out;
  AppendValue<uint64_t>(&out, capacity);
  out.append(reinterpret_cast<const char*>(keys.data()), capacity * 8);
  out.append(reinterpret_cast<const char*>(values.data()), capacity * 4);
  PadTo8(&out);
  return out;
}

std::string BuildWeights(const std::vector<WeightRow>& rows) {
  float max_weight = 0;
  for (const WeightRow& r : rows) {
    for (const auto& [cls, w] : r.weights) max_weight = std::max(max_weight, std::fabs(w));
  }
  const float scale = max_weight > 0 ? max_weight / 32767.0f : 1.0f;
  std::vector<uint32_t> entries;
  std::vector<std::pair<uint64_t, uint32_t>> index;
  for (const WeightRow& r : rows) {
    std::vector<uint32_t> packed;
    for (const auto& [cls, w] : r.weights) {
      const long q = std::lround(w / scale);
      if (q == 0) continue;
      packed.push_back(static_cast<uint32_t>(cls) << 16 |
                       static_cast<uint16_t>(static_cast<int16_t>(q)));
    }
    if (packed.empty()) continue;
    index.emplace_back(r.feature, static_cast<uint32_t>(entries.size()));
    entries.push_back(static_cast<uint32_t>(packed.size()));
    entries.insert(entries.end(), packed.begin(), packed.end());
  }
  const std::string map = BuildMap(index);
  std::string out;
  AppendValue<float>(&out, scale);
  AppendValue<uint32_t>(&out, 0);
  AppendValue<uint64_t>(&out, entries.size());
  AppendValue<uint64_t>(&out, map.size());
  out += map;
  out.append(reinterpret_cast<const char*>(entries.data()), entries.size() * 4);
  PadTo8(&out);
  return out;
}

std::string BuildModelFile(const std::vector<std::pair<uint32_t, std::string>>& sections,
                           uint32_t version) {
  std::string out(kHeaderSize, '\0');
  const size_t directory = out.size();
  out.resize(directory + sections.size() * 24);
  for (size_t i = 0; i < sections.size(); ++i) {
    const uint64_t offset = out.size();
    const uint64_t size = sections[i].second.size();
    std::memcpy(&out[directory + i * 24], &sections[i].first, 4);
    std::memcpy(&out[directory + i * 24 + 8], &offset, 8);
    std::memcpy(&out[directory + i * 24 + 16], &size, 8);
    out += sections[i].second;
    PadTo8(&out);
  }
  std::memcpy(&out[0], kModelMagic, 8);
  const uint32_t count = static_cast<uint32_t>(sections.size());
  const uint64_t file_size = out.size();
  std::memcpy(&out[8], &version, 4);
  std::memcpy(&out[12], &count, 4);
  std::memcpy(&out[16], &file_size, 8);
  const uint64_t checksum = XXH3_64bits(out.data() + kHeaderSize, out.size() - kHeaderSize);
  std::memcpy(&out[24], &checksum, 8);
  return out;
}

Model::Model() = default;

Model::~Model() {
  if (mapping != nullptr) munmap(mapping, mapping_size);
}

std::string_view Model::PoolString(uint32_t offset) const {
  if (offset >= pool_.size()) return {};
  const size_t len = static_cast<uint8_t>(pool_[offset]);
  return pool_.substr(offset + 1, std::min(len, pool_.size() - offset - 1));
}

Status Model::Init(std::string_view bytes, std::string_view name) {
  const std::string who(name);
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kModelMagic, 8) != 0) {
    return Status::Corruption(who + ": not a parley syntax model (bad magic)");
  }
  const uint32_t version = ReadValue<uint32_t>(bytes, 8);
  if (version < kOldestModelVersion || version > kModelVersion) {
    return Status::Corruption(
        who + ": model version " + std::to_string(version) + ", this parley reads versions " +
        std::to_string(kOldestModelVersion) + " to " + std::to_string(kModelVersion));
  }
  const uint32_t count = ReadValue<uint32_t>(bytes, 12);
  const uint64_t file_size = ReadValue<uint64_t>(bytes, 16);
  if (file_size != bytes.size()) {
    return Status::Corruption(who + ": size " + std::to_string(bytes.size()) +
                              " bytes, header says " + std::to_string(file_size) +
                              " (truncated or extended file)");
  }
  if (XXH3_64bits(bytes.data() + kHeaderSize, bytes.size() - kHeaderSize) !=
      ReadValue<uint64_t>(bytes, 24)) {
    return Status::Corruption(who + ": checksum mismatch (corrupt file)");
  }
  if (count > 64 || kHeaderSize + count * 24ull > bytes.size()) {
    return Status::Corruption(who + ": bad section directory");
  }
  bytes_ = bytes;
  std::string_view section[kMaxSection + 1];
  for (uint32_t i = 0; i < count; ++i) {
    const size_t at = kHeaderSize + i * 24;
    const uint32_t id = ReadValue<uint32_t>(bytes, at);
    const uint64_t offset = ReadValue<uint64_t>(bytes, at + 8);
    const uint64_t size = ReadValue<uint64_t>(bytes, at + 16);
    if (id == 0 || id > kMaxSection || offset % 8 != 0 || offset > bytes.size() ||
        size > bytes.size() - offset) {
      return Status::Corruption(who + ": bad section directory");
    }
    section[id] = bytes.substr(offset, size);
    sections_[id] = section[id];
  }
  // Strings: tags and labels.
  std::string_view strings = section[kStrings];
  std::vector<std::string_view> xpos_seen;
  while (!strings.empty()) {
    const size_t nl = strings.find('\n');
    if (nl == std::string_view::npos) return Status::Corruption(who + ": bad strings");
    std::string_view line = strings.substr(0, nl);
    strings.remove_prefix(nl + 1);
    std::string_view f[4];
    size_t n = 0;
    while (n < 4) {
      const size_t tab = line.find('\t');
      f[n++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (n == 4 && f[0] == "T") {
      TagInfo t{f[1], f[2], f[3]};
      auto it = std::find(xpos_seen.begin(), xpos_seen.end(), t.xpos);
      t.xpos_id = static_cast<uint16_t>(it - xpos_seen.begin());
      if (it == xpos_seen.end()) xpos_seen.push_back(t.xpos);
      t.proper = t.upos == "PROPN";
      tags_.push_back(t);
    } else if (n == 2 && f[0] == "L") {
      labels_.push_back(f[1]);
    } else {
      return Status::Corruption(who + ": bad strings");
    }
  }
  num_xpos_ = xpos_seen.size();
  if (tags_.empty() || labels_.empty() || tags_.size() > 65000 || labels_.size() > 4000) {
    return Status::Corruption(who + ": no tags or labels");
  }
  if (Status st =
          tagger_.Init(section[kTagger], static_cast<uint32_t>(tags_.size()), who + " tagger");
      !st.ok()) {
    return st;
  }
  std::string_view table = section[kParserTable];
  if (version == 1) {
    WeightsView old;
    if (Status st = old.Init(section[kParser], ParserClasses(labels_.size()), who + " parser");
        !st.ok()) {
      return st;
    }
    converted_parser_ = BuildParserTable(old.Rows(1), labels_.size());
    table = converted_parser_;
  }
  parser_ = std::make_unique<ParserTable>();
  if (Status st = parser_->Init(table, labels_.size(), who + " parser"); !st.ok()) return st;
  has_labeler_ = !section[kLabelTable].empty();
  if (has_labeler_) {
    if (Status st = labeler_.Init(section[kLabelTable], static_cast<uint32_t>(labels_.size()),
                                  who + " labeler");
        !st.ok()) {
      return st;
    }
  }
  for (auto [id, map] : {std::pair{kLexicon, &lexicon_}, std::pair{kRules, &rules_},
                         std::pair{kTagDict, &tag_dict_}}) {
    if (Status st = map->Init(section[id], who + " lexicon"); !st.ok()) return st;
  }
  pool_ = section[kPool];
  for (const MapView* map : {&lexicon_, &rules_}) {
    for (uint64_t slot = 0; slot < map->capacity(); ++slot) {
      if (map->keys()[slot] != 0 && map->values()[slot] >= pool_.size()) {
        return Status::Corruption(who + ": lexicon points outside its pool");
      }
    }
  }
  for (uint64_t slot = 0; slot < tag_dict_.capacity(); ++slot) {
    if (tag_dict_.keys()[slot] != 0 &&
        (tag_dict_.values()[slot] & ~internal::kSureTag) >= tags_.size()) {
      return Status::Corruption(who + ": bad tag dictionary");
    }
  }
  return Status::OK();
}

Status Model::FromBytes(std::string bytes, std::string_view name, const Model** out) {
  auto model = std::make_unique<Model>();
  model->owned = std::move(bytes);
  if (Status st = model->Init(model->owned, name); !st.ok()) return st;
  *out = model.release();
  return Status::OK();
}

Status LoadModel(const std::string& path, std::shared_ptr<const Model>* out) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound("cannot open syntax model " + path);
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::IOError("syntax model " + path + " is not a regular file");
  }
  auto model = std::make_shared<Model>();
  const size_t size = static_cast<size_t>(st.st_size);
  if (size < kHeaderSize) {
    close(fd);
    return Status::Corruption(path + ": not a parley syntax model (" + std::to_string(size) +
                              " bytes)");
  }
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return Status::IOError("cannot map syntax model " + path);
  model->mapping = map;
  model->mapping_size = size;
  if (Status s = model->Init(std::string_view(static_cast<const char*>(map), size), path);
      !s.ok()) {
    return s;
  }
  *out = std::move(model);
  return Status::OK();
}

}  // namespace parley::syntax
