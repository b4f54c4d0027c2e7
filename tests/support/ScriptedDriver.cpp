#include "ScriptedDriver.h"

#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

constexpr int pageBytes = 1024;
constexpr int hangLimitMs = 30000;

// Answers every request on the connection until the client closes it.
void serveKeepAlive(FakeHttpServer &server, int &fd)
{
    static const std::string response = "HTTP/1.1 200 OK\r\nServer: ScriptedDriver\r\n"
                                        "Content-Type: text/html\r\nContent-Length: "
                                        + std::to_string(pageBytes) + "\r\n\r\n"
                                        + std::string(pageBytes, 'x');
    while (!server.stopping() && FakeHttpServer::readRequest(fd))
        FakeHttpServer::sendAll(fd, response);
}

} // namespace

ScriptedDriver::ScriptedDriver()
    : m_http(serveKeepAlive)
{
}

ScriptedDriver::~ScriptedDriver() = default;

void ScriptedDriver::failApply(MpmKind mpm, Error error) { m_failures.insert(mpm, error); }

void ScriptedDriver::hangApply(MpmKind mpm) { m_hangs << mpm; }

// Records its release among the calls.
class ScriptedDriver::Ownership final : public ServerOwnership {
public:
    explicit Ownership(ScriptedDriver &driver)
        : m_driver(driver)
    {
    }
    ~Ownership() override
    {
        const std::lock_guard lock(m_driver.m_mutex);
        m_driver.m_calls << u"release"_s;
    }
    Ownership(const Ownership &) = delete;
    Ownership &operator=(const Ownership &) = delete;

private:
    ScriptedDriver &m_driver;
};

Result<std::unique_ptr<ServerOwnership>> ScriptedDriver::claimOwnership(const QString &purpose,
                                                                        std::chrono::milliseconds)
{
    if (m_leaseRefusal)
        return *m_leaseRefusal;
    {
        const std::lock_guard lock(m_mutex);
        m_calls << u"lease "_s + purpose;
    }
    return std::unique_ptr<ServerOwnership>(new Ownership(*this));
}

void ScriptedDriver::record(const QString &call)
{
    const std::lock_guard lock(m_mutex);
    m_calls << (ownsServer() ? call : call + u" (not owned)"_s);
}

QStringList ScriptedDriver::calls() const
{
    const std::lock_guard lock(m_mutex);
    return m_calls;
}

QString ScriptedDriver::targetName() const { return u"scripted"_s; }

Result<ServerState> ScriptedDriver::state()
{
    ServerState state;
    state.target = targetName();
    state.running = m_running;
    state.pid = m_running ? 4242 : 0;
    state.host = u"127.0.0.1"_s;
    state.port = m_http.port();
    state.configuredMpm = m_configured;
    if (m_running) {
        state.runningMpm = m_configured;
        state.serverVersion = u"Apache/2.4.71 (Scripted)"_s;
    }
    state.osName = u"Test OS"_s;
    return state;
}

Result<ServerDescription> ScriptedDriver::describe()
{
    const Result<ServerState> current = state();
    ServerDescription description;
    description.state = *current;
    description.layout = u"scripted"_s;
    description.canChange = true;
    description.restorePending = m_changed;
    return description;
}

Status ScriptedDriver::doStart()
{
    record(u"start"_s);
    m_running = true;
    return {};
}

Status ScriptedDriver::doStop()
{
    record(u"stop"_s);
    m_running = false;
    return {};
}

Status ScriptedDriver::doSwitchMpm(MpmKind kind)
{
    record(u"switchMpm "_s + mpmName(kind));
    m_configured = kind;
    m_running = true;
    return {};
}

Result<QStringList> ScriptedDriver::doApplyProfile(const ServerProfile &profile)
{
    record(u"applyProfile "_s + mpmName(profile.mpm));
    m_changed = true;
    if (m_hangs.contains(profile.mpm)) {
        const QDeadlineTimer limit(hangLimitMs);
        while (!stopRequested() && !limit.hasExpired())
            QThread::msleep(10);
        return Error{Error::Kind::Cancelled, u"stopped while Apache was starting"_s, {}};
    }
    if (m_failures.contains(profile.mpm)) {
        // As a real driver does: rolled back, the previous MPM running.
        return m_failures.value(profile.mpm);
    }
    m_configured = profile.mpm;
    m_directives = profile.directives;
    m_running = true;
    return QStringList{};
}

Result<SamplingEndpoint> ScriptedDriver::samplingEndpoint()
{
    SamplingEndpoint endpoint;
    endpoint.pidFile = u"/run/scripted/httpd.pid"_s;
    endpoint.statusPort = m_http.port();
    return endpoint;
}

Result<DirectiveSet> ScriptedDriver::directives() { return m_directives; }

Result<QStringList> ScriptedDriver::doSetDirectives(const DirectiveSet &changes,
                                                    const QList<MpmKind> &, MpmKind)
{
    record(u"setDirectives"_s);
    m_changed = true;
    m_directives.merge(changes);
    return QStringList{};
}

Status ScriptedDriver::doSetMemoryLimit(std::optional<qint64>)
{
    record(u"setMemoryLimit"_s);
    m_changed = true;
    return {};
}

Result<QStringList> ScriptedDriver::doCreateTestFiles(const TestFilesSpec &)
{
    record(u"createTestFiles"_s);
    m_changed = true;
    return QStringList{u"/test.html"_s, u"/large.bin"_s};
}

Status ScriptedDriver::doRestore()
{
    record(u"restore"_s);
    m_changed = false;
    m_directives = {};
    return {};
}
