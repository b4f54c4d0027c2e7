#include "ScoreboardLegend.h"

QList<ScoreboardView::Entry> ScoreboardLegend::entries()
{
    return {
        {QLatin1Char('_'), QColor(0xd9, 0xea, 0xd3), tr("waiting for a connection")},
        {QLatin1Char('K'), QColor(0xE6, 0x9F, 0x00), tr("keep-alive (held by an idle client)")},
        {QLatin1Char('R'), QColor(0x56, 0xB4, 0xE9), tr("reading the request")},
        {QLatin1Char('W'), QColor(0x00, 0x72, 0xB2), tr("sending the reply")},
        {QLatin1Char('C'), QColor(0xCC, 0x79, 0xA7), tr("closing")},
        {QLatin1Char('L'), QColor(0xF0, 0xE4, 0x42), tr("logging")},
        {QLatin1Char('S'), QColor(0x99, 0x99, 0x99), tr("starting")},
        {QLatin1Char('G'), QColor(0x8c, 0x56, 0x4b), tr("finishing gracefully")},
        {QLatin1Char('I'), QColor(0xbb, 0xbb, 0xbb), tr("idle cleanup")},
        {QLatin1Char('.'), QColor(Qt::transparent), tr("open slot (no process or thread)")},
    };
}
