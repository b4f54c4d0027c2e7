#pragma once

#include "ScoreboardView.h"

#include <QCoreApplication>
#include <QList>

// Apache's scoreboard symbols as a ScoreboardView legend: what each slot
// state means, in the UI's language, in colours that keep the states that
// tell the MPMs apart (waiting, keep-alive, busy) far apart.
class ScoreboardLegend {
    Q_DECLARE_TR_FUNCTIONS(ScoreboardLegend)

public:
    ScoreboardLegend() = delete;
    [[nodiscard]] static QList<ScoreboardView::Entry> entries();
};
