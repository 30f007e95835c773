#include "InspectorModel.h"

#include "Format.h"
#include "arch/UittEntry.h"
#include "arch/Upid.h"

namespace uintr::lab {

namespace {

// One row: the name as the spec spells it, the decoded value, a tooltip saying where it lives.
struct Fields {
    std::vector<InspectorField> list;
    // `wide`: a long value (an address, a bit set) that wants a row of its own.
    void add(const QString& name, const QString& now, const QString& before, const QString& tip,
             const QString& raw = {}, bool wide = false) {
        list.push_back({name, now, tip, raw, now != before, wide});
    }
};

QString taskOn(const scenario::Scenario& sc, const model::CpuState& cpu) {
    if (cpu.switching) return QStringLiteral("switching");
    return QString::fromStdString(sc.taskName(cpu.task));
}

QString ndstText(std::uint32_t ndst, scenario::ApicMode mode) {
    const auto arch =
        mode == scenario::ApicMode::XApic ? arch::ApicMode::XApic : arch::ApicMode::X2Apic;
    return hex(ndst, mode == scenario::ApicMode::XApic ? 4 : 8) +
           QStringLiteral(" → APIC %1").arg(arch::Upid::apicIdFromNdst(ndst, arch));
}

std::vector<std::uint8_t> bytesAt(const model::Machine& m, std::uint64_t address) {
    return address ? m.memory.readBytes(address, 16) : std::vector<std::uint8_t>{};
}

} // namespace

void InspectorModel::update(const scenario::Scenario& sc, const model::Machine& now,
                            const model::Machine& before, bool printsUis) {
    // Built aside and compared: a drag re-simulates every frame, but what the inspector shows
    // changes only when the drag crosses the playhead; the rows say so only then.
    std::vector<InspectorCard> cpus, upids, uitts;
    const QString oldUis = uisLine_;
    const bool oldUisChanged = uisChanged_;
    const bool oldHasUis = hasUis_;

    for (std::size_t c = 0; c < now.cpus.size(); ++c) {
        const auto& n = now.cpus[c];
        const auto& b = c < before.cpus.size() ? before.cpus[c] : n;
        const auto& nm = n.lp.msrs;
        const auto& bm = b.lp.msrs;
        Fields f;
        f.add("CPL", QString::number(static_cast<int>(n.lp.cpl)),
              QString::number(static_cast<int>(b.lp.cpl)),
              tr("Current privilege level: 3 user, 0 kernel. Delivery needs CPL 3."));
        f.add("UIF", n.lp.uif ? "1" : "0", b.lp.uif ? "1" : "0",
              tr("User-interrupt flag: set by STUI and UIRET, cleared by CLUI and delivery."));
        f.add("UIRR", bitSet(nm.rr), bitSet(bm.rr),
              tr("IA32_UINTR_RR (0x985): user vectors requested; non-zero makes one pending. "
                 "Raw: %1")
                  .arg(hex(nm.rr, 16)),
              {}, true);
        f.add("UINV", hex(nm.uinv(), 2), hex(bm.uinv(), 2),
              tr("IA32_UINTR_MISC bits 39:32 (0x988): the notification vector. XSAVES clears "
                 "it; a vector that does not match goes to the kernel (UIS)."));
        f.add("UITTSZ", QString::number(nm.uittsz()), QString::number(bm.uittsz()),
              tr("IA32_UINTR_MISC bits 31:0: the highest valid UITT index."));
        f.add("HANDLER", hex(nm.handler), hex(bm.handler),
              tr("IA32_UINTR_HANDLER (0x986): where delivery jumps."), {}, true);
        f.add("STACKADJ", hex(nm.stackAdjust), hex(bm.stackAdjust),
              tr("IA32_UINTR_STACKADJUST (0x987): bit 0 clear: subtract from RSP; set: load."), {},
              true);
        f.add("PD", hex(nm.pd), hex(bm.pd),
              tr("IA32_UINTR_PD (0x989): address of this task's UPID."), {}, true);
        f.add("TT", hex(nm.tt) + (nm.ttValid() ? tr(" (SENDUIPI on)") : QString()),
              hex(bm.tt) + (bm.ttValid() ? tr(" (SENDUIPI on)") : QString()),
              tr("IA32_UINTR_TT (0x98A): UITT address; bit 0 enables SENDUIPI."), {}, true);
        f.add("APIC IRR", vectorSet(n.lp.apic.irr()), vectorSet(b.lp.apic.irr()),
              tr("Local APIC interrupt request register: vectors arrived, not yet taken."));
        f.add("APIC ISR", vectorSet(n.lp.apic.isr()), vectorSet(b.lp.apic.isr()),
              tr("Local APIC in-service register: vectors taken, not yet EOI'd."));
        const QString task = taskOn(sc, n);
        cpus.push_back({QStringLiteral("CPU %1").arg(c),
                        task,
                        {},
                        {},
                        task != taskOn(sc, b),
                        false,
                        std::move(f.list)});
    }

    for (std::size_t t = 0; t < now.tasks.size(); ++t) {
        const auto& nt = now.tasks[t];
        const auto& bt = t < before.tasks.size() ? before.tasks[t] : nt;
        const QString name = QString::fromStdString(sc.taskName(static_cast<int>(t)));
        if (nt.receiver && nt.upid) {
            const auto nu = arch::Upid::load(now.memory, nt.upid).value_or(arch::Upid{});
            const auto bu = arch::Upid::load(before.memory, bt.upid).value_or(nu);
            Fields f;
            f.add("ON", nu.on() ? "1" : "0", bu.on() ? "1" : "0",
                  tr("Outstanding notification: an IPI was sent and not yet processed."));
            f.add("SN", nu.sn() ? "1" : "0", bu.sn() ? "1" : "0",
                  tr("Suppress notification: SENDUIPI posts into PIR but sends no IPI."));
            f.add("NV", hex(nu.nv(), 2), hex(bu.nv(), 2),
                  tr("Notification vector the IPI carries (0xEC; 0xEB while in uintr_wait)."));
            f.add("NDST", ndstText(nu.ndst(), sc.machine.apicMode),
                  ndstText(bu.ndst(), sc.machine.apicMode),
                  tr("Notification destination: the APIC ID the IPI goes to."), {}, true);
            f.add("PIR", bitSet(nu.pir), bitSet(bu.pir),
                  tr("Posted-interrupt requests: one bit per user vector 0..63. Raw: %1")
                      .arg(hex(nu.pir, 16)),
                  {}, true);
            const QString raw = hexBytes(bytesAt(now, nt.upid));
            const QString rawBefore = hexBytes(bytesAt(before, bt.upid));
            upids.push_back({"UPID " + name, name, hex(nt.upid), raw, false, raw != rawBefore,
                             std::move(f.list)});
        }
        if (nt.uitt) {
            Fields f;
            for (const auto& c : sc.connections) {
                if (c.sender != static_cast<int>(t)) continue;
                const std::uint64_t address = nt.uitt + 16ull * static_cast<unsigned>(c.uittIndex);
                const auto ne = arch::UittEntry::load(now.memory, address);
                const auto be = arch::UittEntry::load(before.memory, address);
                const auto describe = [&](const std::optional<arch::UittEntry>& e) -> QString {
                    if (!e) return tr("unmapped");
                    const int owner = now.taskOwningUpid(e->upidAddr);
                    return QStringLiteral("V=%1 UV=%2 → %3")
                        .arg(e->valid() ? 1 : 0)
                        .arg(e->uv())
                        .arg(owner >= 0 ? QString::fromStdString(sc.taskName(owner))
                                        : hex(e->upidAddr));
                };
                f.add(QStringLiteral("[%1]").arg(c.uittIndex), describe(ne), describe(be),
                      tr("UITT entry: V (valid), UV (user vector), UPIDADDR (target UPID %1).")
                          .arg(ne ? hex(ne->upidAddr) : QString()),
                      hexBytes(bytesAt(now, address)), true);
            }
            uitts.push_back(
                {"UITT " + name, name, hex(nt.uitt), {}, false, false, std::move(f.list)});
        }
    }

    // Whether the line exists is the kernel variant's decision (scenario-format.md).
    hasUis_ = printsUis;
    QString header = QStringLiteral("     ");
    QString line = QStringLiteral("UIS: ");
    uisChanged_ = false;
    for (std::size_t c = 0; c < now.cpus.size(); ++c) {
        if (!now.cpus[c].online) continue; // for_each_online_cpu
        header += QStringLiteral("CPU%1").arg(c).rightJustified(7);
        line += QString::number(now.cpus[c].uis).rightJustified(7);
        if (c < before.cpus.size() && before.cpus[c].uis != now.cpus[c].uis) uisChanged_ = true;
    }
    uisHeader_ = header;
    uisLine_ = line + QStringLiteral("   User-interrupt spurious event");
    // Each list says what of it changed (bitwise |: every one is updated).
    const bool cards = cpus_.setCards(std::move(cpus)) | upids_.setCards(std::move(upids)) |
                       uitts_.setCards(std::move(uitts));
    if (cards || uisLine_ != oldUis || uisChanged_ != oldUisChanged || hasUis_ != oldHasUis)
        Q_EMIT changed();
}

const InspectorCard* InspectorModel::findCard(const QString& group) const {
    for (const auto* list : {&cpus_, &upids_, &uitts_})
        for (int row = 0; row < list->count(); ++row)
            if (list->card(row).group == group) return &list->card(row);
    return nullptr;
}

const InspectorField* InspectorModel::find(const QString& group, const QString& name) const {
    for (const auto* list : {&cpus_, &upids_, &uitts_})
        for (int row = 0; row < list->count(); ++row) {
            if (list->card(row).group != group) continue;
            for (const auto& f : list->fieldsAt(row)->fields())
                if (f.name == name) return &f;
        }
    return nullptr;
}

QString InspectorModel::value(const QString& group, const QString& name) const {
    if (group == QLatin1String("UIS")) return hasUis_ ? uisLine_ : QString();
    if (name == QLatin1String("task")) {
        const auto* card = findCard(group);
        return card ? card->task : QString();
    }
    const auto* f = find(group, name);
    return f ? f->value : QString();
}

bool InspectorModel::isChanged(const QString& group, const QString& name) const {
    if (name == QLatin1String("task")) {
        const auto* card = findCard(group);
        return card && card->taskChanged;
    }
    const auto* f = find(group, name);
    return f && f->changed;
}

} // namespace uintr::lab
