#include "scenario/Scenario.h"

#include "scenario/ScenarioChecks.h"

#include <array>
#include <utility>

namespace uintr::scenario {
namespace {

// The spellings of scenario-format.md; a name here is part of the file format (never rename).
constexpr std::array<std::pair<KernelVariant, const char*>, 4> kVariants{{
    {KernelVariant::RfcV1, "rfc-v1"},
    {KernelVariant::NoSn, "no-sn"},
    {KernelVariant::MiscRestoreBug, "misc-restore-bug"},
    {KernelVariant::Reviewed, "reviewed"},
}};

constexpr std::array<std::pair<OpKind, const char*>, 10> kOps{{
    {OpKind::SendUipi, "senduipi"},
    {OpKind::Clui, "clui"},
    {OpKind::Stui, "stui"},
    {OpKind::Testui, "testui"},
    {OpKind::UintrWait, "uintr_wait"},
    {OpKind::Exit, "exit"},
    {OpKind::Syscall, "syscall"},
    {OpKind::KernelFpu, "kernel_fpu"},
    {OpKind::UnregisterSender, "uintr_unregister_sender"},
    {OpKind::UnregisterHandler, "uintr_unregister_handler"},
}};

template <typename Enum, std::size_t N>
const char* nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& table,
                            const std::string& s) {
    for (const auto& [v, name] : table)
        if (s == name) return v;
    return std::nullopt;
}

// "a, b, c": every spelling, for a message that lists what the format accepts.
template <typename Enum, std::size_t N>
std::string spellings(const std::array<std::pair<Enum, const char*>, N>& table) {
    std::string out;
    for (const auto& [v, name] : table)
        (out += out.empty() ? "" : ", ") += name;
    return out;
}

} // namespace

std::string kernelVariantSpellings() {
    return spellings(kVariants);
}
std::string opSpellings() {
    return spellings(kOps);
}

const char* toString(KernelVariant v) {
    return nameOf(kVariants, v);
}
std::optional<KernelVariant> kernelVariantFromString(const std::string& s) {
    return valueOf(kVariants, s);
}
const char* toString(OpKind op) {
    return nameOf(kOps, op);
}
std::optional<OpKind> opKindFromString(const std::string& s) {
    return valueOf(kOps, s);
}
const char* toString(ApicMode m) {
    return m == ApicMode::XApic ? "xapic" : "x2apic";
}

} // namespace uintr::scenario
