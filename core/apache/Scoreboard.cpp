#include "Scoreboard.h"

namespace mpmlab {

namespace {

constexpr char16_t symbols[Scoreboard::slotStateCount] = {u'.', u'_', u'S', u'R', u'W', u'K',
                                                          u'D', u'C', u'L', u'G', u'I', u'?'};

} // namespace

Scoreboard::SlotState Scoreboard::stateOf(QChar c)
{
    for (int i = 0; i < int(SlotState::Unknown); ++i) {
        if (symbols[i] == c.unicode())
            return SlotState(i);
    }
    return SlotState::Unknown;
}

QChar Scoreboard::symbolOf(SlotState state) { return QChar(symbols[int(state)]); }

Scoreboard Scoreboard::parse(QStringView text)
{
    Scoreboard board;
    board.m_text = text.trimmed().toString();
    for (QChar c : std::as_const(board.m_text))
        ++board.m_counts[std::size_t(stateOf(c))];
    board.m_slots = int(board.m_text.size());
    return board;
}

int Scoreboard::busy() const
{
    return m_slots - count(SlotState::OpenSlot) - count(SlotState::Waiting);
}

} // namespace mpmlab
