// parley code: placeholder until the event writer lands.
#include "commands.h"

namespace parley::cli {
void AddCodeCommand(CLI::App* app, int* exit_code) {}
}  // namespace parley::cli
