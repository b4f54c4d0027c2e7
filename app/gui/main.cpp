#include "ExperimentPanel.h"
#include "GuiOptions.h"
#include "MainWindow.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QImage>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// --screenshot: the server's state must be on screen by then, else no
// picture (a window still "checking" proves nothing) and a failed exit.
constexpr int screenshotDeadlineMs = 30000;
constexpr int settleMs = 300; // let layouts and the last replot land before the picture

// The window as a PNG that says what it shows: its title and the server's
// state in text chunks, which image viewers list and the tests read.
bool saveScreenshot(MainWindow &window, const QString &path)
{
    QImage image = window.grab().toImage();
    image.setText(u"Title"_s, window.windowTitle());
    image.setText(u"Description"_s, window.statusText());
    image.setText(u"Software"_s, u"MPM Lab "_s + QApplication::applicationVersion());
    return image.save(path, "PNG");
}

void screenshotWhen(MainWindow &window, void (MainWindow::*ready)(), const QString &path,
                    int exitCode = 0)
{
    QObject::connect(&window, ready, &window, [&window, path, exitCode] {
        QTimer::singleShot(settleMs, &window, [&window, path, exitCode] {
            QApplication::exit(saveScreenshot(window, path) ? exitCode : 1);
        });
    });
}

// Help, version and scripted screenshots need no screen: without a display
// they use the offscreen platform instead of failing to start.
void chooseHeadlessPlatform(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")) {
        return;
    }
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version" || arg == "--screenshot" || arg.startsWith("--screenshot=")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    chooseHeadlessPlatform(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"mpmlab"_s);
    QApplication::setApplicationDisplayName(u"MPM Lab"_s);
    QApplication::setApplicationVersion(QStringLiteral(MPMLAB_VERSION));
    QApplication::setOrganizationName(u"mpmlab"_s);
    QApplication::setDesktopFileName(u"mpmlab"_s);

    const mpmlab::Result<GuiOptions> options = GuiOptions::parse(QApplication::arguments());
    if (!options) {
        qCritical("mpmlab: %s", qPrintable(options.error().message));
        return 2;
    }
    UiLanguage::install(options->language);

    MainWindow window(options->target);
    ExperimentPanel *panel = window.experimentPanel();
    if (!options->scenario.isEmpty() && !panel->selectScenario(options->scenario)) {
        qCritical("mpmlab: no scenario '%s'", qPrintable(options->scenario));
        return 2;
    }
    if (options->scale)
        panel->setScale(*options->scale);
    if (options->presentation)
        window.setPresentation(true);
    if (options->serverPanel)
        window.showServerPanel();
    window.show();
    if (!options->openPath.isEmpty() && !window.openCampaign(options->openPath))
        return 1;
    if (options->startServer)
        window.startServer();
    if (options->run)
        QTimer::singleShot(0, &window, &MainWindow::runExperiment);

    if (!options->screenshot.isEmpty()) {
        const QString path = options->screenshot;
        if (options->run) {
            screenshotWhen(window, &MainWindow::campaignFinished, path);
        } else if (!options->openPath.isEmpty()) {
            QTimer::singleShot(settleMs, &window, [&window, path] {
                QApplication::exit(saveScreenshot(window, path) ? 0 : 1);
            });
        } else {
            // With --start-server, show the server started (or its error), not the state before.
            screenshotWhen(window,
                           options->startServer ? &MainWindow::serverOperationFinished
                                                : &MainWindow::targetStateKnown,
                           path);
            QTimer::singleShot(screenshotDeadlineMs, &app, [] {
                qCritical("mpmlab: the server's state was not shown within %d s: no screenshot",
                          screenshotDeadlineMs / 1000);
                QApplication::exit(1);
            });
        }
    }
    return app.exec();
}
