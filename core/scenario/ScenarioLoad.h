#pragma once

#include "LocalizedText.h"
#include "common/JsonFields.h"
#include "load/LoadSpec.h"

#include <QJsonObject>
#include <QString>

namespace mpmlab {

// The workload of a scenario, in the words of its file: what MPM Lab's
// engine sends to every MPM, the same each time. Counts and durations
// shrink with a campaign's scale (a quick class demo, a CI run);
// concurrency, think time and idle clients do not, since they are what
// makes the MPMs differ.
struct ScenarioLoad {
    QString path = QStringLiteral("/test.html");
    qint64 requests = 0;    // 0: run for `seconds`
    int concurrency = 1;    // measured connections (clients)
    double seconds = 0;     // 0: until `requests` are done
    bool keepAlive = false; // -k
    int thinkTimeMinMs = 0; // browser-like pause per client between requests
    int thinkTimeMaxMs = 0;
    int idleConnections = 0;    // keep-alive clients that send one request, then stay silent
    double rate = 0;            // open loop, requests/s (0: closed loop)
    double warmupSeconds = 1;   // load before measuring, not counted
    double timeoutSeconds = 30; // per request

    static constexpr double minimumScaledSeconds = 2; // s: >= 10 samples at 5 Hz
    // What a scenario may ask for; every front end reads its limits here.
    static constexpr qint64 maxRequests = 100'000'000;
    static constexpr int maxClients = 100'000; // measured or idle connections
    static constexpr double maxSeconds = 3600; // s: one hour per MPM is plenty for a class
    static constexpr int maxThinkTimeMs = 600'000;

    static Result<ScenarioLoad> fromJson(const JsonFields &fields);
    [[nodiscard]] QJsonObject toJson() const;

    // The engine's spec against `baseUrl` ("http://127.0.0.1:18080"), with
    // counts and durations multiplied by `scale` (never below what the
    // spec needs: requests >= concurrency, a run of 2 s or more).
    [[nodiscard]] LoadSpec toSpec(const QString &baseUrl, double scale) const;
    // The nominal length of one run at `scale`, in seconds, when it is
    // known (a timed run), else an estimate; for ETAs.
    [[nodiscard]] double expectedSeconds(double scale) const;
    // "5,000 requests, 500 clients, keep-alive, think 100–300 ms" and in French.
    [[nodiscard]] LocalizedText describe(double scale = 1.0) const;

    bool operator==(const ScenarioLoad &) const = default;
};

} // namespace mpmlab
