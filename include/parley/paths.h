// Locating parley's bundled data (dictionaries) from an installed or in-tree binary.
#ifndef PARLEY_PATHS_H_
#define PARLEY_PATHS_H_

#include <string>

namespace parley {

// Returns the folder holding the bundled dictionaries, trying in order: $PARLEY_DATA/dict,
// <dir of the running binary>/../../data/dict (build/release/parley in a checkout),
// <dir of binary>/../share/parley/dict (installed), and the source tree it was built from.
// Returns "" when none exists.
std::string BundledDictionaryDir();

}  // namespace parley

#endif  // PARLEY_PATHS_H_
