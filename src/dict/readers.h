// Readers for each supported dictionary file format. Each reads one file into the
// builder, skipping malformed lines with a "file:line: message" warning.
#ifndef PARLEY_DICT_READERS_H_
#define PARLEY_DICT_READERS_H_

#include <string>
#include <vector>

#include "parley/dictionary.h"

namespace parley::dict {

// TABARI formats (see the TABARI manual, chapter 5).
Status ReadTabariActors(const std::string& path, DictionaryBuilder* builder,
                        std::vector<std::string>* warnings);
Status ReadTabariVerbs(const std::string& path, DictionaryBuilder* builder,
                       std::vector<std::string>* warnings);
Status ReadTabariAgents(const std::string& path, DictionaryBuilder* builder,
                        std::vector<std::string>* warnings);

// PETRARCH-1 and PETRARCH-2/Phoenix formats; parley's bundled files use these too.
Status ReadPetrarchActors(const std::string& path, DictionaryBuilder* builder,
                          std::vector<std::string>* warnings);
Status ReadPetrarchAgents(const std::string& path, DictionaryBuilder* builder,
                          std::vector<std::string>* warnings);
Status ReadPetrarchVerbs(const std::string& path, DictionaryBuilder* builder,
                         std::vector<std::string>* warnings);
Status ReadPetrarchDiscards(const std::string& path, DictionaryBuilder* builder,
                            std::vector<std::string>* warnings);
Status ReadPetrarchIssues(const std::string& path, DictionaryBuilder* builder,
                          std::vector<std::string>* warnings);

}  // namespace parley::dict

#endif  // PARLEY_DICT_READERS_H_
