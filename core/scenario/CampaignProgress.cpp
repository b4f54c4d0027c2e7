#include "CampaignProgress.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

LocalizedText CampaignProgress::stepName(Step step)
{
    switch (step) {
    case Step::Preparing: return {u"Preparing"_s, u"Préparation"_s};
    case Step::Applying:
        return {u"Applying settings and restarting"_s, u"Réglages et redémarrage"_s};
    case Step::WarmingUp: return {u"Warming up"_s, u"Mise en température"_s};
    case Step::Loading: return {u"Loading"_s, u"Charge"_s};
    case Step::Restoring: return {u"Restoring the server"_s, u"Restauration du serveur"_s};
    case Step::Done: return {u"Done"_s, u"Terminé"_s};
    }
    return {};
}

} // namespace mpmlab
