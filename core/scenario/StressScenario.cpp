#include "scenario/StressScenario.h"

#include <algorithm>
#include <random>

namespace uintr::scenario {

Scenario makeStressScenario(const StressShape& shape) {
    Scenario sc;
    sc.title = "Stress: " + std::to_string(shape.entries) + " timeline entries";
    sc.summary = "Generated for benchmarks and level-of-detail tests.";
    sc.machine.cpus = std::max(2, shape.cpus - shape.cpus % 2);
    sc.machine.ipiLatencyNs = 300;
    const int pairs = sc.machine.cpus / 2;
    for (int k = 0; k < pairs; ++k) {
        sc.tasks.push_back({"rx" + std::to_string(k), true});
        sc.tasks.push_back({"tx" + std::to_string(k), false});
        sc.tasks.push_back({"other" + std::to_string(k), false});
        ConnectionSpec c;
        c.sender = 3 * k + 1;
        c.receiver = 3 * k;
        c.vector = k % 64;
        c.uittIndex = 0;
        c.uittIndexGiven = true;
        sc.connections.push_back(c);
    }
    std::mt19937_64 rng(shape.seed);
    for (int k = 0; k < pairs; ++k) {
        TimelineEntry rx;
        rx.at = 0;
        rx.cpu = 2 * k;
        rx.runTask = 3 * k;
        sc.timeline.push_back(rx);
        TimelineEntry tx = rx;
        tx.cpu = 2 * k + 1;
        tx.runTask = 3 * k + 1;
        sc.timeline.push_back(tx);
    }
    // Per pair: send, then toggle the receiver's CPU between the receiver and "other" at a
    // jittered offset, so some IPIs land before the switch and some after.
    std::vector<bool> receiverOn(static_cast<std::size_t>(pairs), true);
    std::int64_t t = shape.periodNs;
    for (std::int64_t n = static_cast<std::int64_t>(sc.timeline.size()); n < shape.entries;) {
        for (int k = 0; k < pairs && n < shape.entries; ++k) {
            TimelineEntry send;
            send.kind = TimelineEntry::Kind::TaskOp;
            send.at = t;
            send.task = 3 * k + 1;
            send.op = OpKind::SendUipi;
            send.uittIndex = 0;
            sc.timeline.push_back(send);
            ++n;
            if (n >= shape.entries) break;
            TimelineEntry sw;
            sw.at = t + static_cast<std::int64_t>(rng() % 400);
            sw.cpu = 2 * k;
            receiverOn[static_cast<std::size_t>(k)] = !receiverOn[static_cast<std::size_t>(k)];
            sw.runTask = receiverOn[static_cast<std::size_t>(k)] ? 3 * k : 3 * k + 2;
            sc.timeline.push_back(sw);
            ++n;
        }
        t += shape.periodNs;
    }
    for (std::size_t i = 0; i < sc.timeline.size(); ++i)
        sc.timeline[i].id = "e" + std::to_string(i);
    return sc;
}

} // namespace uintr::scenario
