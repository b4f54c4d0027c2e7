<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="32"/>
        <source>MPM Lab — Apache MPM workbench</source>
        <translation>MPM Lab — atelier des MPM d&apos;Apache</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="155"/>
        <source>No run yet.
Start the local lab from the Lab menu, then run a scenario to see prefork, worker and event side by side.</source>
        <translation>Aucune mesure pour l&apos;instant.
Démarrez le labo local depuis le menu Labo, puis lancez un scénario pour voir prefork, worker et event côte à côte.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="42"/>
        <source>Local lab: checking…</source>
        <translation>Labo local : vérification…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="86"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="87"/>
        <source>&amp;Export dashboard as PNG…</source>
        <translation>&amp;Exporter le tableau de bord en PNG…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="89"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="92"/>
        <source>&amp;Lab</source>
        <translation>&amp;Labo</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="93"/>
        <source>&amp;Start local lab</source>
        <translation>&amp;Démarrer le labo local</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="94"/>
        <source>S&amp;top local lab</source>
        <translation>&amp;Arrêter le labo local</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="95"/>
        <source>Stopping the local lab…</source>
        <translation>Arrêt du labo local…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="99"/>
        <source>&amp;MPM</source>
        <translation>&amp;MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="108"/>
        <source>Switching the local lab to %1…</source>
        <translation>Passage du labo local à %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="113"/>
        <source>&amp;Refresh status</source>
        <translation>&amp;Actualiser l&apos;état</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="116"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="117"/>
        <source>&amp;About MPM Lab</source>
        <translation>À &amp;propos de MPM Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="122"/>
        <source>Starting the local lab…</source>
        <translation>Démarrage du labo local…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="142"/>
        <source>unknown MPM</source>
        <translation>MPM inconnu</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="143"/>
        <source>Local lab: running %1 on %2 (pid %3)</source>
        <translation>Labo local : %1 en marche sur %2 (pid %3)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="148"/>
        <source>No run yet.
The local lab is ready at %1: a run against it will show prefork, worker and event side by side here.</source>
        <translation>Aucune mesure pour l&apos;instant.
Le labo local est prêt sur %1 : une mesure lancée contre lui affichera ici prefork, worker et event côte à côte.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="152"/>
        <source>Local lab: stopped</source>
        <translation>Labo local : arrêté</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="171"/>
        <source>Local lab: %1</source>
        <translation>Labo local : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="173"/>
        <source>Local lab: error</source>
        <translation>Labo local : erreur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="179"/>
        <source>Local lab</source>
        <translation>Labo local</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="195"/>
        <location filename="../app/gui/MainWindow.cpp" line="201"/>
        <source>Export dashboard</source>
        <translation>Exporter le tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="197"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="201"/>
        <source>Cannot write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="207"/>
        <source>About MPM Lab</source>
        <translation>À propos de MPM Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="208"/>
        <source>&lt;h3&gt;MPM Lab %1&lt;/h3&gt;&lt;p&gt;A workbench that makes the differences between Apache httpd&apos;s prefork, worker and event MPMs visible under load.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MPM Lab %1&lt;/h3&gt;&lt;p&gt;Un atelier qui rend visibles, sous charge, les différences entre les MPM prefork, worker et event d&apos;Apache httpd.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
