<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CampaignComparison</name>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="52"/>
        <source>Latency by percentile</source>
        <translation>Latence par centile</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="53"/>
        <source>latency (ms)</source>
        <translation>latence (ms)</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="54"/>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="110"/>
        <source>not run</source>
        <translation>non lancé</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="111"/>
        <source>did not start</source>
        <translation>non démarré</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="112"/>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="140"/>
        <source>The course expects: </source>
        <translation>Le cours prévoit : </translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="144"/>
        <source>undecided</source>
        <translation>indécis</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="145"/>
        <source>held</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="146"/>
        <source>did not hold</source>
        <translation>non confirmé</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="154"/>
        <source>The campaign was stopped before its end.</source>
        <translation>La campagne a été arrêtée avant la fin.</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignComparison.cpp" line="157"/>
        <source>The server could not be put back: %1</source>
        <translation>Le serveur n&apos;a pas pu être remis en état : %1</translation>
    </message>
</context>
<context>
    <name>CampaignDashboard</name>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="42"/>
        <source>requests/s</source>
        <translation>requêtes/s</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="44"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="46"/>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="48"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="50"/>
        <source>longest wait</source>
        <translation>attente la plus longue</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="52"/>
        <source>connect</source>
        <translation>connexion</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="54"/>
        <source>receive</source>
        <translation>réception</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="56"/>
        <source>length</source>
        <translation>longueur</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="58"/>
        <source>protocol</source>
        <translation>protocole</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="62"/>
        <source>keep-alive closed (retried)</source>
        <translation>keep-alive fermé (renvoi)</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="64"/>
        <source>waiting for an answer</source>
        <translation>en attente de réponse</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="66"/>
        <source>thinking</source>
        <translation>en réflexion</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="68"/>
        <source>connecting</source>
        <translation>en connexion</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="70"/>
        <source>never served</source>
        <translation>jamais servis</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="81"/>
        <source>PSS</source>
        <translation>PSS</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="85"/>
        <source>RSS (summed)</source>
        <translation>RSS (cumulée)</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="87"/>
        <source>system used</source>
        <translation>utilisée (système)</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="89"/>
        <source>processes</source>
        <translation>processus</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="91"/>
        <source>threads</source>
        <translation>threads</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="93"/>
        <source>Apache</source>
        <translation>Apache</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="95"/>
        <source>whole machine</source>
        <translation>machine entière</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="112"/>
        <source>no mod_status page yet</source>
        <translation>pas encore de page mod_status</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="115"/>
        <source>%1 of %2 slots busy</source>
        <translation>%1 emplacements sur %2 occupés</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="118"/>
        <source>parked by the listener: %1 keep-alive, %2 writing, %3 closing</source>
        <translation>mis de côté par l&apos;écouteur : %1 keep-alive, %2 en écriture, %3 en fermeture</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="146"/>
        <source>time since the load started (s)</source>
        <translation>temps depuis le début de la charge (s)</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="147"/>
        <source>not run yet</source>
        <translation>pas encore lancé</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="163"/>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="163"/>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="163"/>
        <source>Failures</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="164"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="164"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="164"/>
        <source>Processes and threads</source>
        <translation>Processus et threads</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="165"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="166"/>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="166"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="166"/>
        <source>per s</source>
        <translation>par s</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="166"/>
        <source>clients</source>
        <translation>clients</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="167"/>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="167"/>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="167"/>
        <source>% of one core</source>
        <translation>% d&apos;un cœur</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="185"/>
        <source>%1 scoreboard</source>
        <translation>scoreboard de %1</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="187"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="278"/>
        <source>1 core</source>
        <translation>1 cœur</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="279"/>
        <source>%1 cores</source>
        <translation>%1 cœurs</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="285"/>
        <source>scale %1</source>
        <translation>échelle %1</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="287"/>
        <source>stopped before its end</source>
        <translation>arrêtée avant la fin</translation>
    </message>
</context>
<context>
    <name>ExperimentPanel</name>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="47"/>
        <source>Keep-alive</source>
        <translation>Keep-alive</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="51"/>
        <source>&amp;Run</source>
        <translation>Lan&amp;cer</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="52"/>
        <source>S&amp;top</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="57"/>
        <source>Experiment</source>
        <translation>Expérience</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="66"/>
        <source>Open a scenario file…</source>
        <translation>Ouvrir un fichier de scénario…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="74"/>
        <source>MPMs</source>
        <translation>MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="87"/>
        <source>Workload</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="93"/>
        <source>Multiplies request counts and durations; clients, think time and idle clients stay.</source>
        <translation>Multiplie le nombre de requêtes et les durées ; les clients, le temps de réflexion et les clients inactifs restent inchangés.</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="97"/>
        <source>none (timed)</source>
        <translation>aucune (durée fixe)</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="100"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="101"/>
        <source>until done</source>
        <translation>jusqu&apos;à la fin</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="106"/>
        <location filename="../app/gui/ExperimentPanel.cpp" line="107"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="113"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="114"/>
        <source>Runs per MPM</source>
        <translation>Passages par MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="115"/>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="116"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="117"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="119"/>
        <source>Think time</source>
        <translation>Temps de réflexion</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="120"/>
        <source>Idle keep-alive clients</source>
        <translation>Clients keep-alive inactifs</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="215"/>
        <source>Open a scenario file</source>
        <translation>Ouvrir un fichier de scénario</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="216"/>
        <source>Scenario files (*.json)</source>
        <translation>Fichiers de scénario (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="288"/>
        <source>The course expects:</source>
        <translation>Le cours prévoit :</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="289"/>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="290"/>
        <source>Load:</source>
        <translation>Charge :</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="292"/>
        <source>1 run, about %1</source>
        <translation>1 passage, environ %1</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="292"/>
        <source>%1 runs, about %2</source>
        <translation>%1 passages, environ %2</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="317"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="326"/>
        <source>%1 — %2 (run %3 of %4)</source>
        <translation>%1 — %2 (passage %3 sur %4)</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="334"/>
        <source>About %1 left</source>
        <translation>Encore environ %1</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="36"/>
        <source>Image size</source>
        <translation>Taille de l&apos;image</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="42"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="46"/>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="47"/>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="75"/>
        <source>Export the &amp;dashboard…</source>
        <translation>Exporter le &amp;tableau de bord…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="79"/>
        <source>Export the &amp;comparison…</source>
        <translation>Exporter la &amp;comparaison…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="83"/>
        <source>Copy the dashboard to the c&amp;lipboard</source>
        <translation>Copier le tableau de bord dans le &amp;presse-papiers</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="86"/>
        <source>Save the campaign &amp;as…</source>
        <translation>Enregistrer la campagne &amp;sous…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="87"/>
        <source>Export the &amp;report (HTML, CSV, charts)…</source>
        <translation>Exporter le &amp;rapport (HTML, CSV, graphiques)…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="104"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="76"/>
        <source>Export the dashboard</source>
        <translation>Exporter le tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="80"/>
        <source>Export the comparison</source>
        <translation>Exporter la comparaison</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="112"/>
        <source>PNG images (*.png);;SVG drawings (*.svg);;PDF documents (*.pdf)</source>
        <translation>Images PNG (*.png);;Dessins SVG (*.svg);;Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="123"/>
        <location filename="../app/gui/ExportActions.cpp" line="160"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="147"/>
        <source>&amp;Export this chart…</source>
        <translation>&amp;Exporter ce graphique…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="148"/>
        <source>Export this chart</source>
        <translation>Exporter ce graphique</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="150"/>
        <source>&amp;Copy this chart</source>
        <translation>&amp;Copier ce graphique</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="161"/>
        <source>There is no campaign yet: run one or open one.</source>
        <translation>Pas encore de campagne : lancez-en une ou ouvrez-en une.</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="172"/>
        <location filename="../app/gui/ExportActions.cpp" line="177"/>
        <source>Save the campaign</source>
        <translation>Enregistrer la campagne</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="173"/>
        <source>Campaign files (*.json)</source>
        <translation>Fichiers de campagne (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="186"/>
        <source>Folder for the report</source>
        <translation>Dossier du rapport</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="193"/>
        <location filename="../app/gui/ExportActions.cpp" line="197"/>
        <source>Export the report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <location filename="../app/gui/ExportActions.cpp" line="198"/>
        <source>The report is in %1 (report.html).</source>
        <translation>Le rapport est dans %1 (report.html).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="52"/>
        <source>MPM Lab — Apache MPM workbench</source>
        <translation>MPM Lab — atelier des MPM d&apos;Apache</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="142"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="71"/>
        <source>Live, side by side</source>
        <translation>En direct, côte à côte</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="57"/>
        <source>Choose an experiment on the left and press Run, or open a saved campaign (File &gt; Open).</source>
        <translation>Choisissez une expérience à gauche et cliquez sur Lancer, ou ouvrez une campagne enregistrée (Fichier &gt; Ouvrir).</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="72"/>
        <source>Comparison and verdicts</source>
        <translation>Comparaison et verdicts</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="84"/>
        <source>%1: checking…</source>
        <translation>%1 : vérification…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="90"/>
        <source>Scenario file</source>
        <translation>Fichier de scénario</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="143"/>
        <source>&amp;Open a campaign…</source>
        <translation>&amp;Ouvrir une campagne…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="145"/>
        <location filename="../app/gui/MainWindow.cpp" line="327"/>
        <source>Open a campaign</source>
        <translation>Ouvrir une campagne</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="145"/>
        <source>Campaign files (*.json)</source>
        <translation>Fichiers de campagne (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="152"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="157"/>
        <source>&amp;Lab</source>
        <translation>&amp;Labo</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="158"/>
        <source>&amp;Start the server</source>
        <translation>&amp;Démarrer le serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="159"/>
        <source>S&amp;top the server</source>
        <translation>A&amp;rrêter le serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="160"/>
        <source>Stopping the server…</source>
        <translation>Arrêt du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="173"/>
        <source>Switching to %1…</source>
        <translation>Passage à %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="178"/>
        <source>&amp;Refresh the status</source>
        <translation>&amp;Actualiser l&apos;état</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="197"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="202"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="203"/>
        <source>&amp;Overlay the MPMs in one plot per row</source>
        <translation>&amp;Superposer les MPM, un graphique par ligne</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="209"/>
        <source>&amp;Presentation mode (large fonts, thick lines)</source>
        <translation>Mode &amp;présentation (grands caractères, traits épais)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="213"/>
        <source>&amp;Dark charts</source>
        <translation>&amp;Graphiques sombres</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="229"/>
        <source>Starting the server…</source>
        <translation>Démarrage du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="240"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="240"/>
        <source>Choose at least one MPM.</source>
        <translation>Choisissez au moins un MPM.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="264"/>
        <source>Stopping, then putting the server back as it was…</source>
        <translation>Arrêt, puis remise en état du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="291"/>
        <source>Stopped; the server was put back as it was.</source>
        <translation>Arrêté ; le serveur a été remis en état.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="292"/>
        <source>Done: %1 of %2 expectations held.</source>
        <translation>Terminé : %1 attentes confirmées sur %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="294"/>
        <source>The campaign failed: %1</source>
        <translation>La campagne a échoué : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="296"/>
        <source>The server could not be put back: %1</source>
        <translation>Le serveur n&apos;a pas pu être remis en état : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="297"/>
        <source>Restore</source>
        <translation>Remise en état</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="317"/>
        <source>The campaign could not be kept: %1</source>
        <translation>La campagne n&apos;a pas pu être conservée : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="319"/>
        <source>Campaign kept in %1</source>
        <translation>Campagne conservée dans %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="339"/>
        <source>MPM Lab — %1</source>
        <translation>MPM Lab — %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="374"/>
        <source>%1: running %2 on %3 (pid %4)</source>
        <translation>%1 : %2 en marche sur %3 (pid %4)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="377"/>
        <source>%1: stopped</source>
        <translation>%1 : arrêté</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="392"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="394"/>
        <source>%1: error</source>
        <translation>%1 : erreur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="400"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="164"/>
        <source>&amp;MPM</source>
        <translation>&amp;MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="181"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="182"/>
        <source>&amp;About MPM Lab</source>
        <translation>À &amp;propos de MPM Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="372"/>
        <source>unknown MPM</source>
        <translation>MPM inconnu</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="370"/>
        <source>Local lab</source>
        <translation>Labo local</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="183"/>
        <source>About MPM Lab</source>
        <translation>À propos de MPM Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="184"/>
        <source>&lt;h3&gt;MPM Lab %1&lt;/h3&gt;&lt;p&gt;A workbench that makes the differences between Apache httpd&apos;s prefork, worker and event MPMs visible under load.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MPM Lab %1&lt;/h3&gt;&lt;p&gt;Un atelier qui rend visibles, sous charge, les différences entre les MPM prefork, worker et event d&apos;Apache httpd.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PercentileChart</name>
    <message>
        <location filename="../widgets/PercentileChart.cpp" line="49"/>
        <source>max</source>
        <translation>max</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../app/charts/ReportCharts.cpp" line="63"/>
        <source>Side by side, as it ran</source>
        <translation>Côte à côte, au fil de la campagne</translation>
    </message>
    <message>
        <location filename="../app/charts/ReportCharts.cpp" line="72"/>
        <source>Compared</source>
        <translation>Comparaison</translation>
    </message>
</context>
<context>
    <name>ScoreboardLegend</name>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="6"/>
        <source>waiting for a connection</source>
        <translation>attente d&apos;une connexion</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="7"/>
        <source>keep-alive (held by an idle client)</source>
        <translation>keep-alive (tenu par un client inactif)</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="8"/>
        <source>reading the request</source>
        <translation>lecture de la requête</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="9"/>
        <source>sending the reply</source>
        <translation>envoi de la réponse</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="10"/>
        <source>closing</source>
        <translation>fermeture</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="11"/>
        <source>logging</source>
        <translation>journalisation</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="12"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="13"/>
        <source>finishing gracefully</source>
        <translation>arrêt en douceur</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="14"/>
        <source>idle cleanup</source>
        <translation>nettoyage au repos</translation>
    </message>
    <message>
        <location filename="../app/charts/ScoreboardLegend.cpp" line="15"/>
        <source>open slot (no process or thread)</source>
        <translation>libre (ni processus ni thread)</translation>
    </message>
</context>
<context>
    <name>ScoreboardView</name>
    <message>
        <location filename="../widgets/ScoreboardView.cpp" line="33"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>WidgetExporter</name>
    <message>
        <location filename="../widgets/WidgetExporter.cpp" line="122"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../widgets/WidgetExporter.cpp" line="138"/>
        <source>nothing can be drawn on it</source>
        <translation>impossible d&apos;y dessiner</translation>
    </message>
    <message>
        <location filename="../widgets/WidgetExporter.cpp" line="172"/>
        <source>PNG encoding failed</source>
        <translation>échec de l&apos;encodage PNG</translation>
    </message>
</context>
</TS>
