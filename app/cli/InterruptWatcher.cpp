#include "InterruptWatcher.h"

#include <chrono>
#include <csignal>

namespace {

volatile std::sig_atomic_t interruptedFlag = 0;

extern "C" void onWatchedInterrupt(int) { interruptedFlag = 1; }

constexpr auto interruptPoll = std::chrono::milliseconds(50); // well within a Stop's 200 ms

} // namespace

InterruptWatcher::InterruptWatcher()
{
    interruptedFlag = 0;
    m_previousInt = std::signal(SIGINT, onWatchedInterrupt);
    m_previousTerm = std::signal(SIGTERM, onWatchedInterrupt);
    m_thread = std::jthread([this](std::stop_token stop) {
        while (!stop.stop_requested()) {
            if (interruptedFlag) {
                const std::lock_guard lock(m_mutex);
                if (m_onInterrupt)
                    m_onInterrupt();
            }
            std::this_thread::sleep_for(interruptPoll);
        }
    });
}

InterruptWatcher::~InterruptWatcher()
{
    m_thread.request_stop();
    m_thread.join();
    std::signal(SIGINT, m_previousInt);
    std::signal(SIGTERM, m_previousTerm);
}

void InterruptWatcher::watch(std::function<void()> onInterrupt)
{
    const std::lock_guard lock(m_mutex);
    m_onInterrupt = std::move(onInterrupt);
    if (m_onInterrupt && interruptedFlag)
        m_onInterrupt();
}

bool InterruptWatcher::interrupted() const { return interruptedFlag != 0; }
