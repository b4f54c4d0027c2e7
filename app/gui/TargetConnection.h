#pragma once

#include "targets/TargetSpec.h"

#include <QObject>
#include <QThread>
#include <stop_token>
#include <utility>

class LoginPrompter;
class TargetController;

// One server as the window holds it: a TargetController on a thread of its
// own, where its target is opened and every driver call runs. A new
// connection gets a new one, so that a connection being made never holds
// up the server the window shows, and one the user gave up on can be
// abandoned whatever it is waiting for.
class TargetConnection : public QObject {
    Q_OBJECT

public:
    explicit TargetConnection(mpmlab::TargetSpec spec, QObject *parent = nullptr);
    // Stops what is waiting (stop token), then waits for the thread.
    ~TargetConnection() override;

    [[nodiscard]] const mpmlab::TargetSpec &spec() const { return m_spec; }
    [[nodiscard]] QString targetName() const { return m_spec.name(); }
    [[nodiscard]] bool isLocal() const { return m_spec.isLocal(); }
    // Lives on the connection's thread: connect to its signals, and call it
    // through request() only.
    [[nodiscard]] TargetController *controller() const { return m_controller; }

    // Opens the target on the thread; the controller says how it went. An
    // SSH login's questions go to `prompter` (none: only what the spec's
    // own callbacks answer), and Cancel or abandon() end them.
    void open(LoginPrompter *prompter = nullptr);
    // Runs `call(controller)` on the thread, after what was asked before.
    template <typename Call> void request(Call &&call)
    {
        QMetaObject::invokeMethod(m_controller,
                                  [controller = m_controller, call = std::forward<Call>(call)] {
                                      call(controller);
                                  });
    }

    // Gives up on this connection: stops its waits and lets it delete
    // itself when its thread is done, without waiting here.
    void abandon();

private:
    mpmlab::TargetSpec m_spec;
    QThread m_thread;
    TargetController *m_controller;
    std::stop_source m_stop;
};
