// Stage 3 internals shared with the trace. The layer itself (Frames) is declared in
// parley/frames.h.
#ifndef PARLEY_FRAMES_FRAMES_H_
#define PARLEY_FRAMES_FRAMES_H_

#include <cstdint>

#include "parley/frames.h"

namespace parley::frames::internal {

// The mood a set of MoodFlag bits comes to: negated > hypothetical > conditional >
// intended > modal > asserted (the order in which they cancel an asserted event).
Mood MoodSummary(uint16_t flags);

}  // namespace parley::frames::internal

#endif  // PARLEY_FRAMES_FRAMES_H_
