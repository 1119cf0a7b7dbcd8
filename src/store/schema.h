// The event store's SQL schema (documented in docs/store.md) and its version checks.
#ifndef PARLEY_STORE_SCHEMA_H_
#define PARLEY_STORE_SCHEMA_H_

#include "parley/status.h"
#include "store/sqlite_util.h"

namespace parley::store {

// Creates the schema in an empty database, or checks an existing one: it must be a
// parley store (meta.format = "parley-events") of a version this code reads, and its
// aggregation mode must be `one_a_day`. Sets WAL mode and the connection pragmas.
Status PrepareSchema(Db* db, bool one_a_day, bool read_only, bool* stored_one_a_day);

}  // namespace parley::store

#endif  // PARLEY_STORE_SCHEMA_H_
