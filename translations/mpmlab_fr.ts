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
        <location filename="../app/charts/CampaignDashboard.cpp" line="145"/>
        <source>time since the load started (s)</source>
        <translation>temps depuis le début de la charge (s)</translation>
    </message>
    <message>
        <location filename="../app/charts/CampaignDashboard.cpp" line="146"/>
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
    <name>ConnectDialog</name>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="44"/>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="63"/>
        <source>A new server</source>
        <translation>Un nouveau serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="67"/>
        <source>, instance %1</source>
        <translation>, instance %1</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="69"/>
        <source>, sudo</source>
        <translation>, sudo</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="73"/>
        <source>&amp;Recent:</source>
        <translation>Ré&amp;cents :</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="77"/>
        <source>host name or address, e.g. lab-vm or 192.168.56.10</source>
        <translation>nom d&apos;hôte ou adresse, par ex. lab-vm ou 192.168.56.10</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="84"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="87"/>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="92"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="94"/>
        <source>SSH &amp;agent</source>
        <translation>&amp;Agent SSH</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="95"/>
        <source>&amp;Key file:</source>
        <translation>Fichier de c&amp;lé :</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="96"/>
        <source>Pass&amp;word (asked when the server wants it)</source>
        <translation>&amp;Mot de passe (demandé quand le serveur le veut)</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="104"/>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="106"/>
        <source>Private key file</source>
        <translation>Fichier de clé privée</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="119"/>
        <source>Log in with:</source>
        <translation>Se connecter avec :</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="122"/>
        <source>Use &amp;sudo (the user is not root; its password is asked if sudo wants one)</source>
        <translation>Utiliser &amp;sudo (l&apos;utilisateur n&apos;est pas root ; son mot de passe est demandé si sudo le veut)</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="129"/>
        <source>empty: /etc/apache2 or /etc/httpd; NAME: /etc/apache2-NAME</source>
        <translation>vide : /etc/apache2 ou /etc/httpd ; NOM : /etc/apache2-NOM</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="130"/>
        <source>Debian &amp;instance:</source>
        <translation>&amp;Instance Debian :</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="131"/>
        <source>Re&amp;member passwords in the desktop&apos;s keyring</source>
        <translation>Mémoriser les mots de passe dans le &amp;trousseau du bureau</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="162"/>
        <source>Use the &amp;local lab instead</source>
        <translation>Utiliser plutôt le labo &amp;local</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="163"/>
        <source>&amp;Connect</source>
        <translation>Co&amp;nnecter</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="205"/>
        <source>Looking for the desktop&apos;s keyring…</source>
        <translation>Recherche du trousseau du bureau…</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="207"/>
        <source>Passwords are kept only in the desktop&apos;s keyring, never in a file of MPM Lab&apos;s.</source>
        <translation>Les mots de passe ne sont gardés que dans le trousseau du bureau, jamais dans un fichier de MPM Lab.</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="211"/>
        <source>No keyring service runs on this desktop: passwords are asked each time and never stored.</source>
        <translation>Aucun service de trousseau ne tourne sur ce bureau : les mots de passe sont demandés à chaque fois et jamais enregistrés.</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="257"/>
        <source>Give the server&apos;s host name or address.</source>
        <translation>Indiquez le nom d&apos;hôte ou l&apos;adresse du serveur.</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="259"/>
        <source>Give the user to log in as.</source>
        <translation>Indiquez l&apos;utilisateur sous lequel se connecter.</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="275"/>
        <source>Choose the private key file.</source>
        <translation>Choisissez le fichier de clé privée.</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="324"/>
        <source>Reading the keyring…</source>
        <translation>Lecture du trousseau…</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="363"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="380"/>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="395"/>
        <location filename="../app/gui/ConnectDialog.cpp" line="425"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="434"/>
        <source>Cancel connecting</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <location filename="../app/gui/ConnectDialog.cpp" line="434"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>DirectiveEditor</name>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="36"/>
        <source>Directive</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="36"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="36"/>
        <source>Apache uses</source>
        <translation>Apache utilise</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="36"/>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="49"/>
        <source>Seconds Apache waits for a slow client before giving up.</source>
        <translation>Secondes qu&apos;Apache attend un client lent avant d&apos;abandonner.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="50"/>
        <source>Whether a connection stays open for the client&apos;s next request.</source>
        <translation>Si une connexion reste ouverte pour la requête suivante du client.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="53"/>
        <source>Requests one kept-alive connection may carry (0: no limit).</source>
        <translation>Requêtes que peut porter une connexion keep-alive (0 : sans limite).</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="55"/>
        <source>Seconds an idle kept-alive connection is held open: under prefork and worker it holds a process or thread all that time.</source>
        <translation>Secondes pendant lesquelles une connexion keep-alive inactive reste ouverte : sous prefork et worker, elle occupe un processus ou un thread tout ce temps.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="57"/>
        <source>Processes started at once.</source>
        <translation>Processus lancés au démarrage.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="58"/>
        <source>prefork: idle processes kept ready at least.</source>
        <translation>prefork : processus inactifs gardés prêts, au moins.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="59"/>
        <source>prefork: idle processes kept ready at most.</source>
        <translation>prefork : processus inactifs gardés prêts, au plus.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="60"/>
        <source>Idle threads kept ready at least.</source>
        <translation>Threads inactifs gardés prêts, au moins.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="61"/>
        <source>Idle threads kept ready at most.</source>
        <translation>Threads inactifs gardés prêts, au plus.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="62"/>
        <source>The most ThreadsPerChild may ever be (needs a full restart).</source>
        <translation>Le maximum que ThreadsPerChild peut atteindre (demande un redémarrage complet).</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="64"/>
        <source>Threads in each process: connections one process serves at once.</source>
        <translation>Threads de chaque processus : connexions servies à la fois par un processus.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="66"/>
        <source>The most processes Apache may ever run.</source>
        <translation>Le plus grand nombre de processus qu&apos;Apache peut lancer.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="68"/>
        <source>Connections served at once: prefork&apos;s processes, or threads in all processes. Beyond it, clients wait in the listen queue.</source>
        <translation>Connexions servies à la fois : les processus de prefork, ou les threads de tous les processus. Au-delà, les clients attendent dans la file d&apos;écoute.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="71"/>
        <source>Connections a process serves before it is replaced (0: never).</source>
        <translation>Connexions qu&apos;un processus sert avant d&apos;être remplacé (0 : jamais).</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="73"/>
        <source>event: how many idle kept-alive connections each idle thread may park beside the busy ones.</source>
        <translation>event : combien de connexions keep-alive inactives chaque thread libre peut garder en attente à côté des connexions actives.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="76"/>
        <source>Bytes of stack per thread: what a memory limit counts for threads.</source>
        <translation>Octets de pile par thread : ce qu&apos;une limite de mémoire compte pour les threads.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="77"/>
        <source>Connections the kernel queues while every worker is busy.</source>
        <translation>Connexions que le noyau met en file pendant que tous les workers sont occupés.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="123"/>
        <source>the system&apos;s</source>
        <translation>celle du système</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="169"/>
        <location filename="../app/gui/DirectiveEditor.cpp" line="251"/>
        <source>built-in</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="170"/>
        <source>Debian&apos;s default</source>
        <translation>défaut de Debian</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="172"/>
        <source>MPM Lab</source>
        <translation>MPM Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="184"/>
        <source>MPM Lab sets it per MPM: %1</source>
        <translation>MPM Lab la règle par MPM : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="193"/>
        <source>No file sets it: Apache&apos;s compiled-in value for %1.</source>
        <translation>Aucun fichier ne la règle : valeur compilée d&apos;Apache pour %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="196"/>
        <source>Debian&apos;s packaged value, in %1.</source>
        <translation>Valeur fournie par Debian, dans %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="198"/>
        <source>Set in %1.</source>
        <translation>Réglée dans %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="199"/>
        <source>Set by MPM Lab, in %1.</source>
        <translation>Réglée par MPM Lab, dans %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="203"/>
        <source>An MPM&apos;s own directive: this is %1&apos;s value; each MPM reads its own.</source>
        <translation>Directive propre à un MPM : c&apos;est la valeur de %1 ; chaque MPM lit la sienne.</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="248"/>
        <source>Apache uses %1</source>
        <translation>Apache utilise %1</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="250"/>
        <source>edited (was %1)</source>
        <translation>modifiée (était %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/DirectiveEditor.cpp" line="257"/>
        <source>%1: this virtual host keeps its own value</source>
        <translation>%1 : cet hôte virtuel garde sa propre valeur</translation>
    </message>
</context>
<context>
    <name>ExperimentPanel</name>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="48"/>
        <source>Keep-alive</source>
        <translation>Keep-alive</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="52"/>
        <source>&amp;Run</source>
        <translation>Lan&amp;cer</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="53"/>
        <source>S&amp;top</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="58"/>
        <source>Experiment</source>
        <translation>Expérience</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="67"/>
        <source>Open a scenario file…</source>
        <translation>Ouvrir un fichier de scénario…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="75"/>
        <source>MPMs</source>
        <translation>MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="88"/>
        <source>Workload</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="94"/>
        <source>Multiplies request counts and durations; clients, think time and idle clients stay.</source>
        <translation>Multiplie le nombre de requêtes et les durées ; les clients, le temps de réflexion et les clients inactifs restent inchangés.</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="98"/>
        <source>none (timed)</source>
        <translation>aucune (durée fixe)</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="101"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="102"/>
        <source>until done</source>
        <translation>jusqu&apos;à la fin</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="107"/>
        <location filename="../app/gui/ExperimentPanel.cpp" line="108"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="114"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="115"/>
        <source>Runs per MPM</source>
        <translation>Passages par MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="116"/>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="117"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="118"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="120"/>
        <source>Think time</source>
        <translation>Temps de réflexion</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="121"/>
        <source>Idle keep-alive clients</source>
        <translation>Clients keep-alive inactifs</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="216"/>
        <source>Open a scenario file</source>
        <translation>Ouvrir un fichier de scénario</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="217"/>
        <source>Scenario files (*.json)</source>
        <translation>Fichiers de scénario (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="289"/>
        <source>The course expects:</source>
        <translation>Le cours prévoit :</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="290"/>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="291"/>
        <source>Load:</source>
        <translation>Charge :</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="293"/>
        <source>1 run, about %1</source>
        <translation>1 passage, environ %1</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="293"/>
        <source>%1 runs, about %2</source>
        <translation>%1 passages, environ %2</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="318"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="327"/>
        <source>%1 — %2 (run %3 of %4)</source>
        <translation>%1 — %2 (passage %3 sur %4)</translation>
    </message>
    <message>
        <location filename="../app/gui/ExperimentPanel.cpp" line="335"/>
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
    <name>HostKeyChangedDialog</name>
    <message>
        <location filename="../app/gui/HostKeyChangedDialog.cpp" line="15"/>
        <source>Host key changed: not connecting</source>
        <translation>Clé d&apos;hôte changée : pas de connexion</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <location filename="../app/gui/HostKeyDialog.cpp" line="16"/>
        <source>Unknown host key</source>
        <translation>Clé d&apos;hôte inconnue</translation>
    </message>
    <message>
        <location filename="../app/gui/HostKeyDialog.cpp" line="19"/>
        <source>&lt;p&gt;&lt;b&gt;MPM Lab has never seen the host key of %1.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The server presented this %2 key:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;MPM Lab n&apos;a jamais vu la clé d&apos;hôte de %1.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Le serveur a présenté cette clé %2 :&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/HostKeyDialog.cpp" line="34"/>
        <source>&lt;p&gt;Compare it with the server&apos;s own fingerprint, which its administrator reads on the server with &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub&lt;/tt&gt;. Connect only if they are the same: another key means another machine is answering in the server&apos;s name.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Comparez-la avec l&apos;empreinte du serveur lui-même, que son administrateur lit sur le serveur avec &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub&lt;/tt&gt;. Ne vous connectez que si elles sont identiques : une autre clé veut dire qu&apos;une autre machine répond au nom du serveur.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/HostKeyDialog.cpp" line="44"/>
        <source>Trust and &amp;remember</source>
        <translation>Faire confiance et &amp;mémoriser</translation>
    </message>
    <message>
        <location filename="../app/gui/HostKeyDialog.cpp" line="46"/>
        <source>Trust &amp;this time</source>
        <translation>Faire confiance &amp;cette fois</translation>
    </message>
    <message>
        <location filename="../app/gui/HostKeyDialog.cpp" line="49"/>
        <source>Connect, and keep the key in MPM Lab&apos;s own known_hosts file: the next connection will not ask.</source>
        <translation>Se connecter, et garder la clé dans le fichier known_hosts de MPM Lab : la prochaine connexion ne demandera rien.</translation>
    </message>
    <message>
        <location filename="../app/gui/HostKeyDialog.cpp" line="51"/>
        <source>Connect this time without keeping the key: the next connection asks again.</source>
        <translation>Se connecter cette fois sans garder la clé : la prochaine connexion redemandera.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="87"/>
        <source>MPM Lab — Apache MPM workbench</source>
        <translation>MPM Lab — atelier des MPM d&apos;Apache</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="170"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="101"/>
        <source>Live, side by side</source>
        <translation>En direct, côte à côte</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="92"/>
        <source>Choose an experiment on the left and press Run, or open a saved campaign (File &gt; Open).</source>
        <translation>Choisissez une expérience à gauche et cliquez sur Lancer, ou ouvrez une campagne enregistrée (Fichier &gt; Ouvrir).</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="94"/>
        <source>Experiment</source>
        <translation>Expérience</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="102"/>
        <source>Comparison and verdicts</source>
        <translation>Comparaison et verdicts</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="117"/>
        <source>Scenario file</source>
        <translation>Fichier de scénario</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="125"/>
        <source>Applying %n directive(s)…</source>
        <translation>
            <numerusform>Application de %n directive…</numerusform>
            <numerusform>Application de %n directives…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="132"/>
        <source>Setting the memory limit…</source>
        <translation>Réglage de la limite de mémoire…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="137"/>
        <location filename="../app/gui/MainWindow.cpp" line="225"/>
        <source>Putting the server back as it was…</source>
        <translation>Remise en état du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="141"/>
        <source>Reading the server…</source>
        <translation>Lecture du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="172"/>
        <source>&amp;Connect to a server…</source>
        <translation>Se &amp;connecter à un serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="174"/>
        <source>Use the &amp;local lab</source>
        <translation>Utiliser le labo &amp;local</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="176"/>
        <source>&amp;Open a campaign…</source>
        <translation>&amp;Ouvrir une campagne…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="178"/>
        <location filename="../app/gui/MainWindow.cpp" line="465"/>
        <source>Open a campaign</source>
        <translation>Ouvrir une campagne</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="178"/>
        <source>Campaign files (*.json)</source>
        <translation>Fichiers de campagne (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="185"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="204"/>
        <source>&amp;Start the server</source>
        <translation>&amp;Démarrer le serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="205"/>
        <source>S&amp;top the server</source>
        <translation>A&amp;rrêter le serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="206"/>
        <source>Stopping the server…</source>
        <translation>Arrêt du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="120"/>
        <location filename="../app/gui/MainWindow.cpp" line="218"/>
        <source>Switching to %1…</source>
        <translation>Passage à %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="222"/>
        <source>&amp;Directives and settings…</source>
        <translation>&amp;Directives et réglages…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="224"/>
        <source>&amp;Restore the original configuration</source>
        <translation>&amp;Remettre la configuration d&apos;origine</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="228"/>
        <source>R&amp;efresh the status</source>
        <translation>Ra&amp;fraîchir l&apos;état</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="240"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="245"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="246"/>
        <source>&amp;Overlay the MPMs in one plot per row</source>
        <translation>&amp;Superposer les MPM, un graphique par ligne</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="252"/>
        <source>&amp;Presentation mode (large fonts, thick lines)</source>
        <translation>Mode &amp;présentation (grands caractères, traits épais)</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="256"/>
        <source>&amp;Dark charts</source>
        <translation>&amp;Graphiques sombres</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="360"/>
        <source>Starting the server…</source>
        <translation>Démarrage du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="368"/>
        <location filename="../app/gui/MainWindow.cpp" line="376"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="369"/>
        <source>Connect to a server first (File &gt; Connect to a server), or use the local lab.</source>
        <translation>Connectez-vous d&apos;abord à un serveur (Fichier &gt; Se connecter à un serveur), ou utilisez le labo local.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="376"/>
        <source>Choose at least one MPM.</source>
        <translation>Choisissez au moins un MPM.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="389"/>
        <source>A campaign owns the server until it has put it back.</source>
        <translation>Une campagne dispose du serveur jusqu&apos;à ce qu&apos;elle l&apos;ait remis en état.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="398"/>
        <source>Stopping, then putting the server back as it was…</source>
        <translation>Arrêt, puis remise en état du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="427"/>
        <source>Stopped; the server was put back as it was.</source>
        <translation>Arrêté ; le serveur a été remis en état.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="428"/>
        <source>Done: %1 of %2 expectations held.</source>
        <translation>Terminé : %1 attentes confirmées sur %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="430"/>
        <source>The campaign failed: %1</source>
        <translation>La campagne a échoué : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="432"/>
        <source>The server could not be put back: %1</source>
        <translation>Le serveur n&apos;a pas pu être remis en état : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="434"/>
        <source>Restore</source>
        <translation>Remise en état</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="455"/>
        <source>The campaign could not be kept: %1</source>
        <translation>La campagne n&apos;a pas pu être conservée : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="457"/>
        <source>Campaign kept in %1</source>
        <translation>Campagne conservée dans %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="477"/>
        <source>MPM Lab — %1</source>
        <translation>MPM Lab — %1</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="492"/>
        <source>No server</source>
        <translation>Aucun serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="565"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="95"/>
        <location filename="../app/gui/MainWindow.cpp" line="576"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="203"/>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="209"/>
        <source>&amp;MPM</source>
        <translation>&amp;MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="191"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="192"/>
        <source>&amp;About MPM Lab</source>
        <translation>À &amp;propos de MPM Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="493"/>
        <source>Local lab</source>
        <translation>Labo local</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="193"/>
        <source>About MPM Lab</source>
        <translation>À propos de MPM Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="194"/>
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
    <name>QuitGuard</name>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="20"/>
        <location filename="../app/gui/QuitGuard.cpp" line="91"/>
        <source>Quit MPM Lab</source>
        <translation>Quitter MPM Lab</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="41"/>
        <source>A campaign is running on %1. Stop it and put the server back as it was, then quit?</source>
        <translation>Une campagne tourne sur %1. L&apos;arrêter, remettre le serveur en état, puis quitter ?</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="44"/>
        <source>Stop, restore and quit</source>
        <translation>Arrêter, remettre en état et quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="49"/>
        <source>Stopping the campaign, then putting the server back…</source>
        <translation>Arrêt de la campagne, puis remise en état du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="58"/>
        <source>A change is under way on %1. Quit once it is done and the server is put back as it was?</source>
        <translation>Une modification est en cours sur %1. Quitter une fois terminée et le serveur remis en état ?</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="61"/>
        <location filename="../app/gui/QuitGuard.cpp" line="65"/>
        <source>Restore and quit</source>
        <translation>Remettre en état et quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="61"/>
        <source>Quit when done, keep the changes</source>
        <translation>Quitter une fois terminé, garder les modifications</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="62"/>
        <source>MPM Lab changed %1 (its MPM, directives or files) and has not put it back. Restore the original before quitting?</source>
        <translation>MPM Lab a modifié %1 (son MPM, ses directives ou ses fichiers) et ne l&apos;a pas remis en état. Remettre l&apos;original avant de quitter ?</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="65"/>
        <source>Quit, keep the changes</source>
        <translation>Quitter, garder les modifications</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="70"/>
        <source>Putting the server back as it was…</source>
        <translation>Remise en état du serveur…</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="74"/>
        <source>Waiting for the change to finish…</source>
        <translation>Attente de la fin de la modification…</translation>
    </message>
    <message>
        <location filename="../app/gui/QuitGuard.cpp" line="121"/>
        <source>Putting the server back as it was…
%1</source>
        <translation>Remise en état du serveur…
%1</translation>
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
    <name>SecretDialog</name>
    <message>
        <location filename="../app/gui/SecretDialog.cpp" line="22"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../app/gui/SecretDialog.cpp" line="23"/>
        <source>%1 asks for the password of this login.</source>
        <translation>Le serveur %1 demande le mot de passe de ce compte.</translation>
    </message>
    <message>
        <location filename="../app/gui/SecretDialog.cpp" line="26"/>
        <source>Key passphrase</source>
        <translation>Phrase secrète de la clé</translation>
    </message>
    <message>
        <location filename="../app/gui/SecretDialog.cpp" line="27"/>
        <source>The key file %1 is encrypted: type its passphrase.</source>
        <translation>Le fichier de clé %1 est chiffré : tapez sa phrase secrète.</translation>
    </message>
    <message>
        <location filename="../app/gui/SecretDialog.cpp" line="30"/>
        <source>sudo password</source>
        <translation>Mot de passe de sudo</translation>
    </message>
    <message>
        <location filename="../app/gui/SecretDialog.cpp" line="31"/>
        <source>sudo on %1 asks for the login user&apos;s password, to act as root.</source>
        <translation>sudo sur %1 demande le mot de passe de l&apos;utilisateur connecté, pour agir en root.</translation>
    </message>
    <message>
        <location filename="../app/gui/SecretDialog.cpp" line="39"/>
        <source>That one was refused: try again.</source>
        <translation>Celui-ci a été refusé : réessayez.</translation>
    </message>
</context>
<context>
    <name>ServerFactsView</name>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="26"/>
        <source>Target:</source>
        <translation>Cible :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="27"/>
        <source>System:</source>
        <translation>Système :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="28"/>
        <source>Layout:</source>
        <translation>Installation :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="29"/>
        <source>Apache:</source>
        <translation>Apache :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="30"/>
        <source>MPM:</source>
        <translation>MPM :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="31"/>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="32"/>
        <source>mod_status:</source>
        <translation>mod_status :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="33"/>
        <source>Memory limit:</source>
        <translation>Limite de mémoire :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="34"/>
        <source>Modules:</source>
        <translation>Modules :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="35"/>
        <source>Changes:</source>
        <translation>Modifications :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="36"/>
        <source>In use by:</source>
        <translation>Utilisé par :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="69"/>
        <source>MPM Lab&apos;s local lab (%1)</source>
        <translation>labo local de MPM Lab (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="72"/>
        <source>, systemd</source>
        <translation>, systemd</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="74"/>
        <source>RHEL (%1)</source>
        <translation>RHEL (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="76"/>
        <source>Debian (%1)</source>
        <translation>Debian (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="77"/>
        <source>Debian instance %1 (%2)</source>
        <translation>instance Debian %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="93"/>
        <location filename="../app/gui/ServerFactsView.cpp" line="111"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="95"/>
        <source>the local lab</source>
        <translation>le labo local</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="99"/>
        <source>%1 configured</source>
        <translation>%1 configuré</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="101"/>
        <source>, %1 running</source>
        <translation>, %1 en marche</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="103"/>
        <source>running (pid %1) on %2</source>
        <translation>en marche (pid %1) sur %2</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="104"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="105"/>
        <source>readable</source>
        <translation>lisible</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="106"/>
        <source>not readable: %1</source>
        <translation>illisible : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="107"/>
        <source>not readable while the server is stopped</source>
        <translation>illisible tant que le serveur est arrêté</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="109"/>
        <source>%1 KiB of virtual memory per process (ulimit -v)</source>
        <translation>%1 Kio de mémoire virtuelle par processus (ulimit -v)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/ServerFactsView.cpp" line="115"/>
        <source>%n loaded</source>
        <translation>
            <numerusform>%n chargé</numerusform>
            <numerusform>%n chargés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="117"/>
        <source>; mod_php (%1), which needs prefork</source>
        <translation> ; mod_php (%1), qui exige prefork</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerFactsView.cpp" line="119"/>
        <source>allowed</source>
        <translation>permises</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="52"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="64"/>
        <source>&amp;Restore the original</source>
        <translation>Remettre l&apos;&amp;original</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="66"/>
        <source>Put back the configuration files byte for byte, the original MPM, and the server running or stopped as it was.</source>
        <translation>Remet les fichiers de configuration octet pour octet, le MPM d&apos;origine, et le serveur en marche ou arrêté comme il l&apos;était.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="77"/>
        <source>Read the server a&amp;gain</source>
        <translation>Relire le ser&amp;veur</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="86"/>
        <source>MPM</source>
        <translation>MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="107"/>
        <source>Switching is a full stop and start (a graceful restart cannot change the MPM), checked through mod_status; a failed start puts the previous MPM back.</source>
        <translation>Changer de MPM est un arrêt et un démarrage complets (un redémarrage en douceur ne peut pas changer de MPM), vérifiés par mod_status ; un démarrage raté remet le MPM précédent.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="116"/>
        <source>Directives</source>
        <translation>Directives</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="123"/>
        <source>every MPM</source>
        <translation>tous les MPM</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="127"/>
        <source>An MPM&apos;s own directives go to:</source>
        <translation>Les directives propres à un MPM vont à :</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="137"/>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="139"/>
        <source>configtest, then a full restart if the server runs; rolled back if Apache refuses or does not come back.</source>
        <translation>configtest, puis un redémarrage complet si le serveur tourne ; annulé si Apache refuse ou ne revient pas.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="141"/>
        <source>Re&amp;vert the edits</source>
        <translation>A&amp;nnuler les modifications</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="157"/>
        <source>Memory limit</source>
        <translation>Limite de mémoire</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="159"/>
        <source>Limit each Apache process to</source>
        <translation>Limiter chaque processus Apache à</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="164"/>
        <source> KiB</source>
        <translation> Kio</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="167"/>
        <source>&amp;Set</source>
        <translation>&amp;Fixer</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="174"/>
        <source>ulimit -v for every Apache process: threaded MPMs reserve address space per thread and may not start under it.</source>
        <translation>ulimit -v pour chaque processus Apache : les MPM à threads réservent de l&apos;espace d&apos;adressage par thread et peuvent ne pas démarrer sous cette limite.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="189"/>
        <source>this MPM (%1) only</source>
        <translation>ce MPM (%1) seulement</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="190"/>
        <source>The values Apache reads for %1, the MPM its config loads. Directives marked • are an MPM&apos;s own: each MPM reads its own value.</source>
        <translation>Les valeurs qu&apos;Apache lit pour %1, le MPM que charge sa configuration. Les directives marquées • sont propres à un MPM : chaque MPM lit sa propre valeur.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="198"/>
        <source>&lt;b&gt;MPM Lab changed this server on %1 and has not put it back yet.&lt;/b&gt; Restore puts back the original files and MPM.</source>
        <translation>&lt;b&gt;MPM Lab a modifié ce serveur le %1 et ne l&apos;a pas encore remis en état.&lt;/b&gt; La remise en état remet les fichiers et le MPM d&apos;origine.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="201"/>
        <source>&lt;b&gt;MPM Lab changed this server and has not put it back yet.&lt;/b&gt; Restore puts back the original files and MPM.</source>
        <translation>&lt;b&gt;MPM Lab a modifié ce serveur et ne l&apos;a pas encore remis en état.&lt;/b&gt; La remise en état remet les fichiers et le MPM d&apos;origine.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="213"/>
        <source>%1: done.</source>
        <translation>%1 : fait.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="214"/>
        <source>%1: done, with Apache&apos;s warnings:
%2</source>
        <translation>%1 : fait, avec les avertissements d&apos;Apache :
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="221"/>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerPanel.cpp" line="222"/>
        <source>Failed: %1
%2</source>
        <translation>Échec : %1
%2</translation>
    </message>
</context>
<context>
    <name>ServerStatusLine</name>
    <message>
        <location filename="../app/gui/ServerStatusLine.cpp" line="39"/>
        <source>Not connected: File &gt; Connect to a server, or use the local lab.</source>
        <translation>Non connecté : Fichier &gt; Se connecter à un serveur, ou utilisez le labo local.</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerStatusLine.cpp" line="45"/>
        <source>%1: checking…</source>
        <translation>%1 : vérification…</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerStatusLine.cpp" line="51"/>
        <source>%1: stopped</source>
        <translation>%1 : arrêté</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerStatusLine.cpp" line="54"/>
        <source>unknown MPM</source>
        <translation>MPM inconnu</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerStatusLine.cpp" line="55"/>
        <source>%1: running %2 on %3 (pid %4)</source>
        <translation>%1 : %2 en marche sur %3 (pid %4)</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerStatusLine.cpp" line="62"/>
        <source>%1: in use by the campaign %2 (%3, run %4 of %5)</source>
        <translation>%1 : utilisé par la campagne %2 (%3, passage %4 sur %5)</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerStatusLine.cpp" line="66"/>
        <source>%1: in use by the campaign %2</source>
        <translation>%1 : utilisé par la campagne %2</translation>
    </message>
    <message>
        <location filename="../app/gui/ServerStatusLine.cpp" line="72"/>
        <source>%1: error</source>
        <translation>%1 : erreur</translation>
    </message>
</context>
<context>
    <name>TargetController</name>
    <message>
        <location filename="../app/gui/TargetController.cpp" line="91"/>
        <source>Start</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location filename="../app/gui/TargetController.cpp" line="96"/>
        <source>Stop</source>
        <translation>Arrêt</translation>
    </message>
    <message>
        <location filename="../app/gui/TargetController.cpp" line="101"/>
        <source>Switch to %1</source>
        <translation>Passage à %1</translation>
    </message>
    <message>
        <location filename="../app/gui/TargetController.cpp" line="107"/>
        <source>Directives</source>
        <translation>Directives</translation>
    </message>
    <message>
        <location filename="../app/gui/TargetController.cpp" line="113"/>
        <source>Memory limit</source>
        <translation>Limite de mémoire</translation>
    </message>
    <message>
        <location filename="../app/gui/TargetController.cpp" line="120"/>
        <source>Restore</source>
        <translation>Remise en état</translation>
    </message>
    <message>
        <location filename="../app/gui/TargetController.cpp" line="129"/>
        <source>the server is not connected</source>
        <translation>le serveur n&apos;est pas connecté</translation>
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
