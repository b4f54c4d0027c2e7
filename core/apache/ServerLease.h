#pragma once

#include <memory>

namespace mpmlab {

// What a driver holds while it owns its server (a lock file, a lock held
// on the server): given up when destroyed.
class ServerOwnership {
public:
    virtual ~ServerOwnership() = default;

protected:
    ServerOwnership() = default;
};

// The right to change one server, for one owner at a time (see
// ServerDriver::lease()): held until the lease is destroyed or released.
// Leases a driver hands out while it already owns its server share that
// ownership, which ends with the last of them. Movable, not copyable.
class ServerLease {
public:
    ServerLease() = default;

    [[nodiscard]] bool isHeld() const { return m_ownership != nullptr; }
    void release() { m_ownership.reset(); }

private:
    friend class ServerDriver;
    explicit ServerLease(std::shared_ptr<ServerOwnership> ownership)
        : m_ownership(std::move(ownership))
    {
    }

    std::shared_ptr<ServerOwnership> m_ownership;
};

} // namespace mpmlab
