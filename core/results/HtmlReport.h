#pragma once

#include "scenario/CampaignResult.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mpmlab {

// A campaign as one HTML page a teacher can hand out: the scenario and
// what the course expects, the machine, the settings applied per MPM, the
// summary table, the verdicts with their evidence, and the charts,
// embedded (data URIs), so that the file reads offline, alone, and prints
// on A4.
class HtmlReport {
public:
    struct Chart {
        QString title;
        QByteArray png; // the image itself
    };

    static QByteArray render(const CampaignResult &campaign, const QList<Chart> &charts,
                             QStringView language = u"en");
};

} // namespace mpmlab
