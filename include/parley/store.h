// Event store: coded documents, stories and events in one SQLite file (docs/store.md).
//
// GDELT's split: an `events` row is one happening -- (story, date, source, target, code)
// -- with NumMentions / NumSources / NumArticles, and a `mentions` row is one sentence
// that reports it, with byte offsets of the actors and the verb. Near-duplicate documents
// (the same wire story re-published) form a story, so re-published copies add mentions,
// not events. In one-a-day mode (Phoenix) the story is ignored: one event per
// (date, source, target, code).
//
// Writing is incremental and idempotent: a document is identified by (id, content hash)
// and stored at most once; all rows of a document are written in the same transaction
// (one transaction per batch), so a run killed at any point leaves a consistent file and
// rerunning the same input completes it without loss or duplication.
#ifndef PARLEY_STORE_H_
#define PARLEY_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/dates.h"
#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"

struct sqlite3;

namespace parley {

// One coded document ready to be stored. Built on the coding threads by
// PrepareStoreDocument so that the single store writer only does SQL.
struct StoreDocument {
  std::string id;
  std::string url;
  std::string source;
  std::string title;
  uint64_t content_hash = 0;  // of the cleaned text
  uint32_t text_bytes = 0;
  PublicationDate publication;
  // Serialised near-duplicate signature (parley/dedup.h); empty when none was computed.
  std::string signature;
  // The document's events, dated by dates::DateEvents.
  std::vector<Event> events;
  // Parallel to `events`: byte offset of the event's sentence in the document text, or
  // -1 when the sentence could not be located.
  std::vector<int32_t> sentence_offsets;
};

// Fills `out` from `doc` and its coded `events` (moved from): content hash, publication
// date (reader metadata, else inferred from the text), event dates from dates::DateEvents
// (the resolver `code` and `explain` use too), sentence offsets and signature. Thread-safe; meant
// for the coding threads.
void PrepareStoreDocument(const Document& doc, std::vector<Event>* events, StoreDocument* out);

// The content hash PrepareStoreDocument uses (of the document text).
uint64_t DocumentContentHash(std::string_view text);

struct StoreOptions {
  // Phoenix "one-a-day": one event per (date, source, target, code) across all stories.
  // Fixed when the store is created; opening an existing store with a different setting
  // is InvalidArgument.
  bool one_a_day = false;
  // Open for reading only (export, stories). The file must exist. A store whose folder is
  // read-only (no -wal and -shm files can be created) is read as it is on disk.
  bool read_only = false;
  // Writers only. One process at a time writes a store: Open takes the store's writer
  // lock ("<path>.lock") and holds it until the EventStore is destroyed. When another
  // process holds it, Open waits for it (calling `on_wait` first, with the holder's pid,
  // 0 if unknown) or, with `wait_for_writer` false, fails at once with IOError.
  bool wait_for_writer = true;
  std::function<void(const std::string& path, int64_t pid)> on_wait;
};

// Row counts of every table.
struct StoreCounts {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t stories = 0;
  int64_t events = 0;
  int64_t mentions = 0;
};

// What one AddBatch call did.
struct AddResult {
  int64_t documents_added = 0;
  int64_t documents_skipped = 0;  // already stored (same id and content hash)
  int64_t mentions_added = 0;
  int64_t events_added = 0;  // new event rows (the rest extended existing events)
};

// An aggregated event as read back for export.
struct StoredEvent {
  int64_t event_id = 0;
  int64_t story_id = 0;  // 0 in one-a-day aggregation
  Date date = 0;
  std::string source;  // CAMEO actor codes ("RUSGOV"); target may be empty
  std::string target;
  std::string source_text;  // words of the first mention
  std::string target_text;
  std::string code;
  std::string root;
  int32_t quad_class = 0;
  double goldstein = 0.0;
  int64_t num_mentions = 0;
  int64_t num_sources = 0;
  int64_t num_articles = 0;
  std::string url;             // first mention's document URL (or doc id when no URL)
  std::string news_source;     // first mention's publisher
  std::string doc_id;          // first mention's document id
  int32_t sentence_index = 0;  // first mention's sentence
  std::string sentence;        // first mention's sentence text
  std::string issues;
  int64_t added_at = 0;  // unix seconds when the event row was created
  // How `date` was found (the Event fields of the same names; docs/dates.md), and the
  // first mention's publication date.
  DatePrecision date_precision = DatePrecision::kUnknown;
  EventDateSource date_source = EventDateSource::kPublication;
  double date_confidence = 0.0;
  bool date_guessed = false;
  bool future = false;
  bool historical = false;
  Date pub_date = 0;
  std::string pub_date_method;
  double pub_date_confidence = 0.0;
};

// One mention (a sentence reporting an event) as read back for export.
struct StoredMention {
  int64_t event_id = 0;
  Date event_date = 0;
  Date mention_date = 0;  // publication date of the mentioning document
  std::string doc_id;
  std::string url;
  std::string news_source;
  int32_t sentence_index = 0;
  // Byte offsets into the document text (sentence offset + in-sentence offset); -1 unknown.
  int32_t source_offset = -1;
  int32_t target_offset = -1;
  int32_t verb_offset = -1;
  int32_t doc_bytes = 0;
  double date_confidence = 0.0;
  int64_t added_at = 0;
};

// One story: a cluster of near-duplicate documents.
struct StoredStory {
  int64_t story_id = 0;
  std::vector<std::string> doc_ids;  // in store order
};

// Filters for reading events back. Zero / empty fields do not filter.
struct EventQuery {
  Date from = 0;  // inclusive, YYYYMMDD
  Date to = 0;    // inclusive
  // Actor-code prefixes: "RUS" matches RUS, RUSGOV, RUSMIL...
  std::string source_prefix;
  std::string target_prefix;
  // Aggregate at read time to one event per (date, source, target, code).
  bool one_a_day = false;
};

class EventStore {
 public:
  // Opens or creates the SQLite file at `path` (WAL mode), creating or checking the
  // schema. A writer first takes the writer lock (StoreOptions::wait_for_writer) and then
  // reads what the store holds, so what it knows is never older than the last writer's
  // commit. IOError if it cannot be opened ("cannot write to store X: read-only ..." for a
  // writer on a read-only file or folder), Corruption if it is not a parley store or has
  // a newer schema version, InvalidArgument on a one-a-day mismatch.
  static Status Open(const std::string& path, const StoreOptions& options,
                     std::unique_ptr<EventStore>* store);

  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // True when a document with this id and content hash is already stored (or was added
  // through this object). Thread-safe; lets callers skip coding documents seen before.
  bool Contains(std::string_view doc_id, uint64_t content_hash) const;

  // Stores `docs` in one transaction: documents not yet stored get their story, sentence,
  // event and mention rows; the rest are skipped. On error the transaction is rolled back
  // and nothing of the batch is stored. Not thread-safe with other writers.
  Status AddBatch(const std::vector<StoreDocument>& docs, AddResult* result = nullptr);

  Status GetCounts(StoreCounts* counts) const;
  bool one_a_day() const { return one_a_day_; }

  // Calls `fn` for every event matching `query`, ordered by date then event id.
  Status ForEachEvent(const EventQuery& query,
                      const std::function<void(const StoredEvent&)>& fn) const;
  // Calls `fn` for every mention of an event matching `query`, by event then mention.
  Status ForEachMention(const EventQuery& query,
                        const std::function<void(const StoredMention&)>& fn) const;
  // Calls `fn` for every story, by story id.
  Status ForEachStory(const std::function<void(const StoredStory&)>& fn) const;
  // Calls `fn` for every document in store order (the order they were added), rebuilt
  // as the StoreDocument that stored it: metadata, hash, signature, and its events in
  // their original order with sentences, offsets, rules and issues. One read transaction:
  // a store being written is read as of one commit. Stops at the first error `fn` returns.
  // AddBatch on another store with these documents stores them exactly as coding their
  // inputs into it would have (parley merge).
  Status ForEachDocument(const std::function<Status(StoreDocument&&)>& fn) const;

  // The schema version this code writes (PRAGMA user_version and meta.schema_version).
  // Version 2 added the events' date columns; a writer migrates a version 1 store.
  static constexpr int kSchemaVersion = 2;

  class Impl;

 private:
  explicit EventStore(std::unique_ptr<Impl> impl, bool one_a_day);
  std::unique_ptr<Impl> impl_;
  bool one_a_day_;
};

// Writes batches to an EventStore on its own thread so that SQL never stalls the coding
// threads. At most `max_queued` batches wait; Submit blocks beyond that.
class StoreWriter {
 public:
  StoreWriter(EventStore* store, size_t max_queued = 8);
  // Finishes (see Finish) if not done yet.
  ~StoreWriter();
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  // Queues a batch. After the first failure batches are dropped; Finish reports it.
  void Submit(std::vector<StoreDocument> batch);
  // Waits for every queued batch; returns the first error. Totals in `result`.
  Status Finish(AddResult* result = nullptr);

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_STORE_H_
