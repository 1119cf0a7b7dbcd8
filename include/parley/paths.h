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

// Returns the folder holding the built workbench page (index.html and its assets), trying
// in order: $PARLEY_WEB, $PARLEY_DATA/web, <dir of binary>/web (the build tree, where the
// npm build writes it), <dir of binary>/../share/parley/web (installed), and
// <source tree>/web/dist. Returns "" when none holds an index.html.
std::string BundledWebDir();

// Returns the bundled syntax model file (model/en_ewt.parley), trying in order:
// $PARLEY_DATA/model, <dir of binary>/../../data/model, <dir of binary>/../share/parley/model
// and the source tree's data/model. Returns "" when none exists.
std::string BundledSyntaxModelPath();

}  // namespace parley

#endif  // PARLEY_PATHS_H_
