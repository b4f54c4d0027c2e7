#include "MainWindow.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int screenshotDeadlineMs = 30000; // save even if the lab never answers

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"mpmlab"_s);
    QApplication::setApplicationDisplayName(u"MPM Lab"_s);
    QApplication::setApplicationVersion(QStringLiteral(MPMLAB_VERSION));
    QApplication::setOrganizationName(u"mpmlab"_s);
    QApplication::setDesktopFileName(u"mpmlab"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"MPM Lab: see how Apache httpd's MPMs behave under load."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(u"lang"_s, u"User interface language: fr or en."_s,
                                        u"language"_s);
    const QCommandLineOption labDirOption(u"lab-dir"_s, u"Directory of the local lab."_s, u"dir"_s);
    const QCommandLineOption portOption(u"port"_s, u"Port of the local lab on 127.0.0.1."_s,
                                        u"port"_s);
    const QCommandLineOption startLabOption(u"start-lab"_s,
                                            u"Start the local lab when the window opens."_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, u"Save a PNG of the window once the lab state is shown, then quit."_s,
        u"file"_s);
    parser.addOptions({langOption, labDirOption, portOption, startLabOption, screenshotOption});
    parser.process(app);

    UiLanguage::install(parser.value(langOption));

    mpmlab::LabOptions labOptions;
    labOptions.rootDir = parser.value(labDirOption);
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            qCritical("mpmlab: --port must be a number from 1 to 65535");
            return 2;
        }
        labOptions.port = quint16(port);
    }

    MainWindow window(labOptions);
    window.show();
    if (parser.isSet(startLabOption))
        window.startLab();

    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        const auto saveAndQuit = [&window, &app, path] {
            const bool saved = window.grab().save(path, "PNG");
            app.exit(saved ? 0 : 1);
        };
        // With --start-lab, show the lab started (or its error), not the state before.
        const auto ready = parser.isSet(startLabOption) ? &MainWindow::labOperationFinished
                                                        : &MainWindow::labStateKnown;
        QObject::connect(&window, ready, &app,
                         [saveAndQuit] { QTimer::singleShot(200, saveAndQuit); });
        QTimer::singleShot(screenshotDeadlineMs, &app, saveAndQuit);
    }
    return app.exec();
}
