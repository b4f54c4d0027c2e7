#pragma once

#include <functional>
#include <mutex>
#include <thread>

// Turns Ctrl+C and SIGTERM into a call of a handler, from a thread of its
// own (a signal handler may only set a flag), for as long as it lives; the
// previous handlers come back after it. With no handler set, an interrupt
// waits for one: the work it must stop may not have begun yet.
class InterruptWatcher {
public:
    InterruptWatcher();
    ~InterruptWatcher();
    InterruptWatcher(const InterruptWatcher &) = delete;
    InterruptWatcher &operator=(const InterruptWatcher &) = delete;

    // What an interrupt calls from now on (an empty one: nothing); called
    // at once when an interrupt came already.
    void watch(std::function<void()> onInterrupt);
    [[nodiscard]] bool interrupted() const;

private:
    void (*m_previousInt)(int) = nullptr;
    void (*m_previousTerm)(int) = nullptr;
    mutable std::mutex m_mutex;
    std::function<void()> m_onInterrupt;
    std::jthread m_thread;
};
