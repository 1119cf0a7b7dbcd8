// Placeholder until the PETRARCH readers land.
#include "dict/readers.h"

namespace parley::dict {

Status ReadPetrarchActors(const std::string& path, DictionaryBuilder*,
                          std::vector<std::string>*) {
  return Status::Unsupported(path + ": not implemented yet");
}
Status ReadPetrarchAgents(const std::string& path, DictionaryBuilder*,
                          std::vector<std::string>*) {
  return Status::Unsupported(path + ": not implemented yet");
}
Status ReadPetrarchVerbs(const std::string& path, DictionaryBuilder*, std::vector<std::string>*) {
  return Status::Unsupported(path + ": not implemented yet");
}
Status ReadPetrarchDiscards(const std::string& path, DictionaryBuilder*,
                            std::vector<std::string>*) {
  return Status::Unsupported(path + ": not implemented yet");
}
Status ReadPetrarchIssues(const std::string& path, DictionaryBuilder*,
                          std::vector<std::string>*) {
  return Status::Unsupported(path + ": not implemented yet");
}

}  // namespace parley::dict
