// LabController's side of the race explorer: the strip follows the drag (a request when a drag
// starts, cleared when it ends), the map follows the document, and a point chosen on the map
// becomes one undo step through the same edit path as a drag (LabDocument::choosePoint).
#include "LabController.h"

namespace uintr::lab {

void LabController::startRaceStrip(int entry) {
    // The lane the entry is drawn on: where the committed run recorded its first event.
    const auto& run = *document_.committed();
    int cpu = -1;
    for (const auto& e : run.trace().events)
        if (e.entry == entry) {
            cpu = e.cpu;
            break;
        }
    raceStrip_.request(document_.scenario(), entry, cpu, timeline_.t0(), timeline_.t1(),
                       run.eventCount());
}

} // namespace uintr::lab
