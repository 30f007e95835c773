// Bounds that keep memory and run time finite: exceeding one is a load error, never a crash.
#pragma once

#include <cstdint>

namespace uintr::scenario::limits {
inline constexpr int kMaxCpus = 256;
inline constexpr int kMaxTasks = 1024;
inline constexpr int kMaxConnections = 4096;
inline constexpr int kUittEntries = 256; // the RFC allocates 256 UITT entries per sender
inline constexpr std::int64_t kMaxTimelineEntries = 2'000'000;
inline constexpr std::int64_t kMaxNarrationEntries = 100'000;
inline constexpr std::int64_t kMaxTimeNs = 1'000'000'000'000; // 1000 s of simulated time
inline constexpr std::int64_t kMaxIpiLatencyNs = 1'000'000'000;
// What a step takes: context_switch_ns, handler_ns, irq_ns, and a syscall's or kernel_fpu's
// duration_ns (1 s is far beyond any kernel path a lesson shows; `at` + duration stays in int64).
inline constexpr std::int64_t kMaxDurationNs = 1'000'000'000;
inline constexpr std::size_t kMaxTextBytes = 16 * 1024;
inline constexpr std::size_t kMaxFileBytes = 256u * 1024 * 1024;
// Every JSON value (objects, arrays, members' values, array elements), counted while parsing,
// before a document is built: a full timeline of kMaxTimelineEntries entries has about 12 million.
inline constexpr std::int64_t kMaxJsonValues = 16'000'000;
inline constexpr std::size_t kMaxNameLength = 32;
} // namespace uintr::scenario::limits
