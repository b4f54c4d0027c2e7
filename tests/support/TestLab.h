#pragma once

#include "local/LocalLab.h"
#include "monitor/SamplerProgram.h"
#include "targets/Target.h"

#include <QMap>
#include <QTemporaryDir>
#include <memory>

// A private Apache for one test, through LocalLab itself: its own lab
// directory (removed afterwards) and a free high port on 127.0.0.1. The
// server is stopped when the TestLab goes away, whatever the test did.
class TestLab {
public:
    // A shorter second readiness check than the default keeps the suite
    // fast; tests of that check set their own.
    explicit TestLab(std::chrono::milliseconds settleDelay = std::chrono::milliseconds(300));
    ~TestLab();
    TestLab(const TestLab &) = delete;
    TestLab &operator=(const TestLab &) = delete;

    [[nodiscard]] bool isValid() const { return m_lab != nullptr; }
    [[nodiscard]] mpmlab::LocalLab &lab() { return *m_lab; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString rootDir() const { return m_dir.path(); }
    [[nodiscard]] mpmlab::LabOptions options() const { return m_options; }

    // Starts the lab on `mpm` (switching if needed), as `lab set-mpm` does:
    // the lab's own MPM, which restore() keeps.
    mpmlab::Status startWith(mpmlab::MpmKind mpm);
    // This lab as the front ends open it (driver and sampling), for a runner.
    [[nodiscard]] mpmlab::Result<std::unique_ptr<mpmlab::Target>> openTarget() const;

    // SHA-256 of every file MPM Lab may change in the lab (its config,
    // lab.json, the document root; not logs or the pid file), by relative path.
    [[nodiscard]] QMap<QString, QByteArray> fileHashes() const;

    // The sampler program for this lab's server, every `interval`.
    [[nodiscard]] mpmlab::SamplerProgram
    samplerProgram(std::chrono::milliseconds interval = std::chrono::milliseconds(200)) const;

    // A free port in a high range away from the kernel's ephemeral ports.
    static quint16 freeHighPort();

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    mpmlab::LabOptions m_options;
    std::unique_ptr<mpmlab::LocalLab> m_lab;
};
