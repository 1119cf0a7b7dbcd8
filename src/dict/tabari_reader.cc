// Placeholder until the TABARI readers land.
#include "dict/readers.h"

namespace parley::dict {

Status ReadTabariActors(const std::string& path, DictionaryBuilder*, std::vector<std::string>*) {
  return Status::Unsupported(path + ": TABARI actors not implemented yet");
}
Status ReadTabariVerbs(const std::string& path, DictionaryBuilder*, std::vector<std::string>*) {
  return Status::Unsupported(path + ": TABARI verbs not implemented yet");
}
Status ReadTabariAgents(const std::string& path, DictionaryBuilder*, std::vector<std::string>*) {
  return Status::Unsupported(path + ": TABARI agents not implemented yet");
}

}  // namespace parley::dict
