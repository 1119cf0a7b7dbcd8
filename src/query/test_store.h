// Test helpers for the workbench: a shared Coder on the bundled dictionaries and an event
// store coded from the seed articles (../shared/seeds), built once per test process.
#ifndef PARLEY_QUERY_TEST_STORE_H_
#define PARLEY_QUERY_TEST_STORE_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "parley/coder.h"
#include "parley/dictionary.h"
#include "parley/paths.h"
#include "parley/reader.h"
#include "parley/store.h"

namespace parley::query::testing {

inline const Coder& BundledCoder() {
  static const Coder* coder = [] {
    dict::DictionaryBuilder builder;
    std::vector<std::string> warnings;
    std::shared_ptr<const Dictionary> dictionary;
    if (!dict::LoadDictionaryFolder(BundledDictionaryDir(), &builder, &warnings).ok() ||
        !builder.Build(&dictionary, &warnings).ok())
      std::abort();
    return new Coder(std::move(dictionary), CoderOptions());
  }();
  return *coder;
}

// Path of a store holding the coded seed articles; aborts when it cannot be built.
inline const std::string& SeedStorePath() {
  static const std::string path = [] {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("parley_query_test_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    static const fs::path cleanup = dir;
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(cleanup, ec);
    });
    std::string file = (dir / "seeds.sqlite").string();
    std::unique_ptr<DocumentReader> reader;
    ReaderOptions options;
    std::vector<std::string> inputs = {PARLEY_SOURCE_DIR "/../shared/seeds"};
    if (!DocumentReader::Open(inputs, options, &reader).ok()) std::abort();
    std::unique_ptr<EventStore> store;
    if (!EventStore::Open(file, StoreOptions(), &store).ok()) std::abort();
    CoderScratch scratch;
    std::vector<StoreDocument> batch;
    Document doc;
    while (reader->Next(&doc)) {
      std::vector<Event> events;
      BundledCoder().CodeDocument(doc, &scratch, &events);
      PrepareStoreDocument(doc, &events, &batch.emplace_back());
    }
    if (!store->AddBatch(batch).ok()) std::abort();
    return file;
  }();
  return path;
}

}  // namespace parley::query::testing

#endif  // PARLEY_QUERY_TEST_STORE_H_
