// EventStore's internals, shared by the files of src/store that implement it.
#ifndef PARLEY_STORE_EVENT_STORE_IMPL_H_
#define PARLEY_STORE_EVENT_STORE_IMPL_H_

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "parley/store.h"
#include "store/adapters.h"
#include "store/sqlite_util.h"
#include "store/store_lock.h"

namespace parley {

class EventStore::Impl {
 public:
  // Declared before `db`, so it is released only after the connection is closed.
  std::unique_ptr<store::StoreLock> lock;
  store::Db db;
  std::string path;
  bool one_a_day = false;
  bool failed = false;
  int schema_version = EventStore::kSchemaVersion;  // older only when opened read-only
  mutable std::mutex seen_mu;
  std::unordered_set<std::string> seen;
  std::unique_ptr<store::StoryAssigner> stories = store::MakeStoryAssigner();
  // Event row ids seen by this process, by aggregation key, so most look-ups skip SQL.
  std::unordered_map<std::string, int64_t> event_ids;
  std::string key_buffer;

  store::Stmt doc_exists, insert_doc, insert_story, update_story, insert_sentence, find_event,
      insert_event, add_source, insert_mention, update_event;

  Status Load();
  Status PrepareWriters();
  Status AddDocument(const StoreDocument& doc, int64_t now, AddResult* result);
  Status FindOrInsertEvent(int64_t story_key, const Event& e, int64_t now, int64_t* id,
                           AddResult* result);
  // The events date column `name` of the row aliased `e`, also in a version 1 store.
  std::string DateColumn(std::string_view name) const;
  Status BuildFilter(const EventQuery& q, std::string* where) const;
  void BindFilter(const EventQuery& q, store::Stmt* stmt) const;
};

}  // namespace parley

#endif  // PARLEY_STORE_EVENT_STORE_IMPL_H_
