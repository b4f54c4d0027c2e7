#include "MainWindow.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// --screenshot: the lab's state must be on screen by then, else no picture
// (a window still "checking" proves nothing) and a failed exit.
constexpr int screenshotDeadlineMs = 30000;

// The window as a PNG that says what it shows: its title and the lab's
// state in text chunks, which image viewers list and the tests read.
bool saveScreenshot(MainWindow &window, const QString &path)
{
    QImage image = window.grab().toImage();
    image.setText(u"Title"_s, window.windowTitle());
    image.setText(u"Description"_s, window.labStatusText());
    image.setText(u"Software"_s, u"MPM Lab "_s + QApplication::applicationVersion());
    return image.save(path, "PNG");
}

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
        // With --start-lab, show the lab started (or its error), not the state before.
        const auto ready = parser.isSet(startLabOption) ? &MainWindow::labOperationFinished
                                                        : &MainWindow::labStateKnown;
        // 200 ms: let the status bar lay out its new text first.
        QObject::connect(&window, ready, &app, [&window, &app, path] {
            QTimer::singleShot(200, &app, [&window, path] {
                QApplication::exit(saveScreenshot(window, path) ? 0 : 1);
            });
        });
        QTimer::singleShot(screenshotDeadlineMs, &app, [] {
            qCritical("mpmlab: the local lab's state was not shown within %d s: no screenshot",
                      screenshotDeadlineMs / 1000);
            QApplication::exit(1);
        });
    }
    return app.exec();
}
