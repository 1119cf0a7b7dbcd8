// The event store's SQL schema (documented in docs/store.md) and its version checks.
#ifndef PARLEY_STORE_SCHEMA_H_
#define PARLEY_STORE_SCHEMA_H_

#include <string>
#include <string_view>

#include "parley/status.h"
#include "store/sqlite_util.h"

namespace parley::store {

// Creates the schema in an empty database, or checks an existing one: it must be a
// parley store (meta.format = "parley-events") of a version this code reads, and its
// aggregation mode must be `one_a_day`. Sets WAL mode and the connection pragmas.
// A writer migrates an older store (version 1) in place first, in one transaction; a
// reader leaves it as it is (see LegacyDateColumn).
Status PrepareSchema(Db* db, bool one_a_day, bool read_only, bool* stored_one_a_day);

// The schema version of an open store (PRAGMA user_version).
Status StoreSchemaVersion(Db* db, int* version);

// For reading a version 1 store without migrating it (read-only): an SQL expression that
// gives the version 2 events column `column` (date_precision, date_source,
// date_confidence, date_guessed, future, historical) of the events row aliased `e`, as the
// migration fills it.
std::string LegacyDateColumn(std::string_view column);
// "date_precision = <expr>, ..." for the migration's UPDATE.
std::string LegacyDateAssignments();

}  // namespace parley::store

#endif  // PARLEY_STORE_SCHEMA_H_
