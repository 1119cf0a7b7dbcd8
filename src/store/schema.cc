#include "store/schema.h"

#include <fmt/format.h>

#include <string>

#include "parley/store.h"

namespace parley::store {
namespace {

// Version 2 (1 plus the events' date columns). Keep in step with docs/store.md; a change
// means kSchemaVersion + 1 and a migration in PrepareSchema.
constexpr std::string_view kCreateSchema = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE stories (
  id            INTEGER PRIMARY KEY,
  first_doc     INTEGER,            -- documents.id of the first member
  num_documents INTEGER NOT NULL DEFAULT 0,
  first_date    INTEGER,            -- YYYYMMDD, earliest member publication date
  last_date     INTEGER
);

CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  doc_id          TEXT NOT NULL,     -- the input's record id
  content_hash    INTEGER NOT NULL,  -- 64-bit hash of the cleaned text (as signed)
  url             TEXT,
  source          TEXT,              -- publisher
  title           TEXT,
  pub_date        INTEGER,           -- YYYYMMDD, NULL when unknown
  date_method     TEXT NOT NULL,     -- metadata|header|dateline|text|inferred: ...|unknown
  date_confidence REAL NOT NULL,     -- 0..1
  story_id        INTEGER NOT NULL REFERENCES stories(id),
  text_bytes      INTEGER NOT NULL,
  signature       BLOB,              -- near-duplicate signature, to rebuild the story index
  added_at        INTEGER NOT NULL,  -- unix seconds
  UNIQUE (doc_id, content_hash)
);
CREATE INDEX documents_story ON documents(story_id);
CREATE INDEX documents_date ON documents(pub_date);

CREATE TABLE sentences (
  id             INTEGER PRIMARY KEY,
  doc            INTEGER NOT NULL REFERENCES documents(id),
  sentence_index INTEGER NOT NULL,   -- 0-based in the document
  start_offset   INTEGER,            -- byte offset in the document text, NULL unknown
  text           TEXT NOT NULL,
  UNIQUE (doc, sentence_index)
);

CREATE TABLE events (
  id            INTEGER PRIMARY KEY, -- GLOBALEVENTID in exports
  story_key     INTEGER NOT NULL,    -- stories.id, or 0 in a one-a-day store
  date          INTEGER NOT NULL,    -- YYYYMMDD, 0 unknown
  source        TEXT NOT NULL,       -- CAMEO actor codes; '' for none
  target        TEXT NOT NULL,
  code          TEXT NOT NULL,       -- CAMEO event code
  root          TEXT NOT NULL,
  quad_class    INTEGER NOT NULL,
  goldstein     REAL NOT NULL,
  num_mentions  INTEGER NOT NULL DEFAULT 0,
  num_sources   INTEGER NOT NULL DEFAULT 0,
  num_articles  INTEGER NOT NULL DEFAULT 0,
  first_mention INTEGER,             -- mentions.id of the first report
  added_at      INTEGER NOT NULL,
  -- How the date was found (docs/dates.md), as its first report gave it. Version 2.
  date_precision  TEXT NOT NULL DEFAULT 'unknown',  -- day|week|month|year|unknown
  date_source     TEXT NOT NULL DEFAULT 'publication', -- text|publication|inferred-publication
  date_confidence REAL NOT NULL DEFAULT 0,
  date_guessed    INTEGER NOT NULL DEFAULT 0,  -- rests on a guessed publication date
  future          INTEGER NOT NULL DEFAULT 0,
  historical      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (story_key, date, source, target, code)
);
CREATE INDEX events_dyad ON events(source, target, date);
CREATE INDEX events_date ON events(date);

CREATE TABLE mentions (
  id           INTEGER PRIMARY KEY,
  event        INTEGER NOT NULL REFERENCES events(id),
  doc          INTEGER NOT NULL REFERENCES documents(id),
  sentence     INTEGER NOT NULL REFERENCES sentences(id),
  source_start INTEGER, source_end INTEGER,  -- byte offsets into the sentence, NULL unknown
  target_start INTEGER, target_end INTEGER,
  verb_start   INTEGER, verb_end   INTEGER,
  source_text  TEXT NOT NULL,
  target_text  TEXT NOT NULL,
  verb_text    TEXT NOT NULL,
  rule         TEXT NOT NULL,
  issues       TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event);

-- Publishers that reported each event, so NumSources counts each once.
CREATE TABLE event_sources (
  event  INTEGER NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (event, source)
) WITHOUT ROWID;
CREATE INDEX mentions_doc ON mentions(doc);
)sql";

Status ReadMeta(Db* db, std::string_view key, std::string* value) {
  Stmt stmt;
  Status s = stmt.Prepare(*db, "SELECT value FROM meta WHERE key = ?");
  if (!s.ok()) return s;
  stmt.Bind(1, key);
  value->clear();
  if (stmt.Step(&s)) value->assign(stmt.Text(0));
  return s;
}

Status ReadUserVersion(Db* db, int* version) {
  Stmt stmt;
  Status s = stmt.Prepare(*db, "PRAGMA user_version");
  if (s.ok() && stmt.Step(&s)) *version = static_cast<int>(stmt.Int(0));
  return s;
}

Status TableCount(Db* db, int64_t* count) {
  Stmt stmt;
  Status s = stmt.Prepare(*db, "SELECT count(*) FROM sqlite_master");
  if (s.ok() && stmt.Step(&s)) *count = stmt.Int(0);
  return s;
}

// Version 1 -> 2: the events' date columns, filled for the stored events from what
// version 1 kept (the event date and its first report's publication date): an event on
// its publication date came from it (guessed when that was inferred); another date came
// from the text, at a precision nobody recorded. Nothing is dropped or re-keyed. One
// transaction: a crash leaves version 1 as it was.
Status MigrateToVersion2(Db* db) {
  std::string sql = "BEGIN IMMEDIATE;";
  for (const char* column :
       {"date_precision TEXT NOT NULL DEFAULT 'unknown'",
        "date_source TEXT NOT NULL DEFAULT 'publication'",
        "date_confidence REAL NOT NULL DEFAULT 0", "date_guessed INTEGER NOT NULL DEFAULT 0",
        "future INTEGER NOT NULL DEFAULT 0", "historical INTEGER NOT NULL DEFAULT 0"}) {
    sql += fmt::format("ALTER TABLE events ADD COLUMN {};", column);
  }
  sql += fmt::format(
      "UPDATE events AS e SET {}; UPDATE meta SET value = '2' WHERE key = 'schema_version';"
      " PRAGMA user_version = 2; COMMIT;",
      LegacyDateAssignments());
  Status s = db->Exec(sql);
  if (!s.ok()) db->Exec("ROLLBACK").ok();
  return s;
}

Status CreateSchema(Db* db, bool one_a_day) {
  std::string sql = "BEGIN IMMEDIATE;";
  sql += kCreateSchema;
  sql += fmt::format(
      "INSERT INTO meta VALUES ('format', 'parley-events');"
      "INSERT INTO meta VALUES ('schema_version', '{0}');"
      "INSERT INTO meta VALUES ('aggregation', '{1}');"
      "INSERT INTO meta VALUES ('created_at', strftime('%s','now'));"
      "PRAGMA user_version = {0};"
      "COMMIT;",
      EventStore::kSchemaVersion, one_a_day ? "one-a-day" : "story");
  Status s = db->Exec(sql);
  if (!s.ok()) db->Exec("ROLLBACK").ok();
  return s;
}

}  // namespace

Status StoreSchemaVersion(Db* db, int* version) { return ReadUserVersion(db, version); }

std::string LegacyDateColumn(std::string_view column) {
  // The first report's document, for a version 1 event `e`.
  constexpr std::string_view kDoc =
      "(SELECT {} FROM mentions lm JOIN documents ld ON ld.id = lm.doc"
      " WHERE lm.id = e.first_mention)";
  const std::string pub = fmt::format(fmt::runtime(kDoc), "ld.pub_date");
  const std::string guessed = fmt::format(fmt::runtime(kDoc), "ld.date_method LIKE 'inferred%'");
  const std::string confidence = fmt::format(fmt::runtime(kDoc), "ld.date_confidence");
  if (column == "date_precision")
    return fmt::format(
        "(CASE WHEN e.date = 0 THEN 'unknown' WHEN e.date = {} AND NOT {} THEN "
        "'day' ELSE 'unknown' END)",
        pub, guessed);
  if (column == "date_source")
    return fmt::format(
        "(CASE WHEN e.date != 0 AND e.date IS NOT {} THEN 'text' WHEN {} THEN "
        "'inferred-publication' ELSE 'publication' END)",
        pub, guessed);
  if (column == "date_confidence")
    return fmt::format(
        "(CASE WHEN e.date = 0 THEN 0 WHEN e.date = {0} THEN 0.7 * {1} ELSE 0.5 END)", pub,
        confidence);
  if (column == "date_guessed")
    return fmt::format("(CASE WHEN e.date != 0 AND e.date = {} AND {} THEN 1 ELSE 0 END)", pub,
                       guessed);
  if (column == "future") return fmt::format("(CASE WHEN e.date > {} THEN 1 ELSE 0 END)", pub);
  if (column == "historical")
    return fmt::format("(CASE WHEN e.date > 0 AND e.date < {} - 10000 THEN 1 ELSE 0 END)", pub);
  return "NULL";
}

std::string LegacyDateAssignments() {
  std::string out;
  for (std::string_view c : {"date_precision", "date_source", "date_confidence", "date_guessed",
                             "future", "historical"}) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} = {}", c, LegacyDateColumn(c));
  }
  return out;
}

Status PrepareSchema(Db* db, bool one_a_day, bool read_only, bool* stored_one_a_day) {
  Status s;
  if (!read_only) {
    // WAL: readers never block the writer; NORMAL sync keeps every committed transaction
    // consistent after a crash (only the last commits may roll back on power loss).
    s = db->Exec(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = "
        "8192;");
    if (!s.ok()) return s;
  }
  s = db->Exec(
      "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
  if (!s.ok()) return s;
  int64_t objects = 0;
  s = TableCount(db, &objects);
  if (!s.ok()) return Status::Corruption(s.message());
  if (objects == 0) {
    if (read_only) return Status::Corruption("empty database: not a parley event store");
    s = CreateSchema(db, one_a_day);
    if (!s.ok()) {
      // Another process may have created it between our check and our transaction.
      s = TableCount(db, &objects);
      if (!s.ok() || objects == 0) return Status::IOError("cannot create the store schema");
    }
  }
  std::string format, aggregation;
  if (!ReadMeta(db, "format", &format).ok() || format != "parley-events")
    return Status::Corruption("not a parley event store (no meta.format = parley-events)");
  int version = 0;
  s = ReadUserVersion(db, &version);
  if (!s.ok()) return s;
  if (version > EventStore::kSchemaVersion) {
    return Status::Corruption(
        fmt::format("store schema version {} is newer than this parley reads ({})", version,
                    EventStore::kSchemaVersion));
  }
  if (version < 1) return Status::Corruption("store has no schema version");
  if (version < 2 && !read_only) {
    s = MigrateToVersion2(db);
    if (!s.ok())
      return Status::IOError(
          fmt::format("cannot migrate the store to schema version 2: {}", s.message()));
  }
  s = ReadMeta(db, "aggregation", &aggregation);
  if (!s.ok()) return s;
  *stored_one_a_day = aggregation == "one-a-day";
  if (!read_only) {
    // Stores written before event_sources existed (same version, added early on).
    s = db->Exec(
        "CREATE TABLE IF NOT EXISTS event_sources (event INTEGER NOT NULL, source TEXT NOT NULL,"
        " PRIMARY KEY (event, source)) WITHOUT ROWID");
    if (!s.ok()) return s;
  }
  if (!read_only && *stored_one_a_day != one_a_day) {
    return Status::InvalidArgument(fmt::format("the store aggregates events per {}; {} --one-a-day",
                                               *stored_one_a_day ? "day (one-a-day)" : "story",
                                               *stored_one_a_day ? "pass" : "do not pass"));
  }
  return Status::OK();
}

}  // namespace parley::store
