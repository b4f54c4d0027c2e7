#pragma once

#include <QString>
#include <array>

namespace mpmlab {

// mod_status's scoreboard: one character per worker slot. Its length is
// ServerLimit x ThreadLimit as configured, so it is never assumed.
class Scoreboard {
public:
    enum class SlotState {
        OpenSlot,     // '.' no process or thread
        Waiting,      // '_' idle, waiting for a connection
        Starting,     // 'S'
        Reading,      // 'R' reading the request
        SendingReply, // 'W'
        KeepAlive, // 'K' holding an idle keep-alive connection (a whole thread, except under event)
        DnsLookup, // 'D'
        Closing,   // 'C'
        Logging,   // 'L'
        Graceful,  // 'G' gracefully finishing
        IdleCleanup, // 'I'
        Unknown,     // any other character
    };
    static constexpr int slotStateCount = int(SlotState::Unknown) + 1;

    Scoreboard() = default;
    static Scoreboard parse(QStringView text);

    [[nodiscard]] int slotCount() const { return m_slots; }
    [[nodiscard]] int count(SlotState state) const { return m_counts[std::size_t(state)]; }
    // Slots that hold a process or thread that is doing something.
    [[nodiscard]] int busy() const;
    [[nodiscard]] const QString &text() const { return m_text; }

    static SlotState stateOf(QChar c);
    static QChar symbolOf(SlotState state);

private:
    QString m_text;
    std::array<int, slotStateCount> m_counts{};
    int m_slots = 0;
};

} // namespace mpmlab
