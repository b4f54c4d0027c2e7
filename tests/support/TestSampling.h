#pragma once

#include "common/Result.h"
#include "monitor/ServerSampler.h"

#include <QString>
#include <chrono>
#include <optional>

// Small helpers the sampler tests share.

// The error of `status` as text, empty when it succeeded: for QVERIFY2.
inline QString describe(const mpmlab::Status &status)
{
    return status.ok() ? QString() : status.error().toString();
}

// The next sample taken after this call, if one comes within `timeout`.
inline std::optional<mpmlab::ServerSample>
nextSample(mpmlab::ServerSampler &sampler,
           std::chrono::milliseconds timeout = std::chrono::seconds(15))
{
    (void)sampler.takeSamples();
    if (!sampler.waitForSamples(1, timeout))
        return std::nullopt;
    return sampler.takeSamples().constLast();
}
