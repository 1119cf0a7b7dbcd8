// Document memory: who an article has named so far, so that a later short mention takes the
// actor codes of the person or body it refers to (issue 12, entity linking).
//
// News names a person in full once ("Russian Ambassador to South Korea Andrei Kulik") and
// then by surname ("Kulik said"), by bare title ("the ambassador said"), by pronoun ("he
// stressed") or, inside a quote, as "we" and "I". The sentence coder notes every full mention
// here and asks the memory when it meets a short one. Entries live for one document; the
// coder clears the memory at each new document.
//
// The memory stores codes, not pointers into a sentence, so entries outlive the sentence that
// made them. Storage is reused across documents: after the first few documents nothing is
// allocated.
#ifndef PARLEY_CODER_DOCUMENT_MEMORY_H_
#define PARLEY_CODER_DOCUMENT_MEMORY_H_

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parley::entities {

// One remembered referent: the actor codes of its full mention.
struct Referent {
  std::vector<std::string> codes;  // e.g. {"RUSGOV"}; a person holding two roles has two
  size_t code_count = 0;           // codes[0 .. code_count) are in use (storage is reused)
  std::string title;               // the agent word that named the role ("AMBASSADOR"), or ""
  std::string surname;             // the last word of the person's name ("KULIK"), or ""
  int sentence = -1;               // index in the document of the last mention
  uint64_t stamp = 0;              // order of last mention (larger is more recent)
  bool person = false;             // a person (he/she), not a state or organisation

  std::span<const std::string> Codes() const { return {codes.data(), code_count}; }
};

class DocumentMemory {
 public:
  // Forgets everything (a new document).
  void Clear();

  // Notes a full mention in sentence `sentence` (sentences are noted in order): a person
  // when `person`, named by `title` (upper-case agent word, may be empty) and `surname`
  // (upper-case, may be empty), coded `codes` (at least one). A later mention of the same
  // surname or title with the same codes refreshes the entry; with other codes it becomes
  // the newer referent of that title (the most recent holder wins).
  void Note(std::span<const std::string> codes, std::string_view title, std::string_view surname,
            bool person, int sentence);

  // A short mention of `r` (an entry of this memory) in `sentence`: it becomes the most
  // recent referent.
  void Mention(const Referent* r, int sentence);

  // The person last named with this surname; nullptr when none.
  const Referent* BySurname(std::string_view surname) const;

  // The person last named with this title ("the ambassador"); nullptr when none.
  const Referent* ByTitle(std::string_view title) const;

  // The most recently mentioned person, if mentioned at most `max_distance` sentences before
  // `sentence` (he, she, and a quote's "we"/"I" when the speaker is elided).
  const Referent* LastPerson(int sentence, int max_distance) const;

  // The speaker of the current quotation: set from a sentence with a reporting clause ("...,
  // the ambassador said", coded `codes`), read by the sentences that continue the quote.
  // Empty `codes` forget the speaker.
  void SetSpeaker(std::span<const std::string> codes, int sentence);
  // The speaker of a quote still open at `sentence` (set at most `max_distance` sentences
  // earlier); nullptr when none.
  const Referent* Speaker(int sentence, int max_distance) const;

  // Entries in use (for tests).
  size_t size() const { return used_; }

 private:
  Referent& NewEntry();
  const Referent* Latest(std::string_view surname, std::string_view title) const;

  // entries_[0 .. used_) are in use. A deque, so that a Referent* stays valid while
  // later mentions of the same sentence are noted.
  std::deque<Referent> entries_;
  size_t used_ = 0;
  uint64_t clock_ = 0;
  Referent speaker_;  // code_count 0: none
  int speaker_sentence_ = -1;
};

}  // namespace parley::entities

#endif  // PARLEY_CODER_DOCUMENT_MEMORY_H_
