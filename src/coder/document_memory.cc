#include "coder/document_memory.h"

#include <algorithm>

namespace parley::entities {
namespace {

bool SameCodes(const Referent& r, std::span<const std::string> codes) {
  return std::equal(r.Codes().begin(), r.Codes().end(), codes.begin(), codes.end());
}

}  // namespace

void DocumentMemory::Clear() {
  used_ = 0;
  clock_ = 0;
  speaker_.code_count = 0;
  speaker_sentence_ = -1;
}

Referent& DocumentMemory::NewEntry() {
  if (used_ == entries_.size()) entries_.emplace_back();
  Referent& r = entries_[used_++];
  r.code_count = 0;
  r.title.clear();
  r.surname.clear();
  r.person = false;
  return r;
}

void DocumentMemory::Note(std::span<const std::string> codes, std::string_view title,
                          std::string_view surname, bool person, int sentence) {
  if (codes.empty() || (title.empty() && surname.empty())) return;
  Referent* entry = nullptr;
  for (size_t i = 0; i < used_ && entry == nullptr; ++i) {
    Referent& r = entries_[i];
    if (!SameCodes(r, codes) || r.person != person) continue;
    // The same person again: by surname when both have one, else by title.
    const bool same = !surname.empty() && !r.surname.empty() ? r.surname == surname
                                                             : !title.empty() && r.title == title;
    if (same) entry = &r;
  }
  if (entry == nullptr) {
    entry = &NewEntry();
    for (const std::string& c : codes) {
      if (entry->code_count == entry->codes.size()) entry->codes.emplace_back();
      entry->codes[entry->code_count++].assign(c);
    }
    entry->person = person;
  }
  // A later, fuller mention completes the entry ("the ambassador", then "Ambassador Kulik").
  if (!title.empty()) entry->title.assign(title);
  if (!surname.empty()) entry->surname.assign(surname);
  entry->sentence = sentence;
  entry->stamp = ++clock_;
}

void DocumentMemory::Mention(const Referent* r, int sentence) {
  for (size_t i = 0; i < used_; ++i) {
    if (&entries_[i] != r) continue;
    entries_[i].sentence = sentence;
    entries_[i].stamp = ++clock_;
  }
}

const Referent* DocumentMemory::Latest(std::string_view surname, std::string_view title) const {
  const Referent* best = nullptr;
  for (size_t i = 0; i < used_; ++i) {
    const Referent& r = entries_[i];
    if (!surname.empty() && r.surname != surname) continue;
    if (!title.empty() && r.title != title) continue;
    if (best == nullptr || r.stamp > best->stamp) best = &r;
  }
  return best;
}

const Referent* DocumentMemory::BySurname(std::string_view surname) const {
  return surname.empty() ? nullptr : Latest(surname, {});
}

const Referent* DocumentMemory::ByTitle(std::string_view title) const {
  return title.empty() ? nullptr : Latest({}, title);
}

const Referent* DocumentMemory::LastPerson(int sentence, int max_distance) const {
  const Referent* best = nullptr;
  for (size_t i = 0; i < used_; ++i) {
    const Referent& r = entries_[i];
    if (r.person && (best == nullptr || r.stamp > best->stamp)) best = &r;
  }
  if (best == nullptr || sentence - best->sentence > max_distance) return nullptr;
  return best;
}

void DocumentMemory::SetSpeaker(std::span<const std::string> codes, int sentence) {
  speaker_.code_count = 0;
  for (const std::string& c : codes) {
    if (speaker_.code_count == speaker_.codes.size()) speaker_.codes.emplace_back();
    speaker_.codes[speaker_.code_count++].assign(c);
  }
  speaker_.sentence = sentence;
  speaker_sentence_ = sentence;
}

const Referent* DocumentMemory::Speaker(int sentence, int max_distance) const {
  if (speaker_.code_count == 0 || sentence - speaker_sentence_ > max_distance) return nullptr;
  return &speaker_;
}

}  // namespace parley::entities
