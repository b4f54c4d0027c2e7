#include "TargetSpec.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

Result<TargetSpec> TargetSpec::parse(const QString &text)
{
    TargetSpec spec;
    if (text == u"local") {
        spec.kind = Kind::Local;
        return spec;
    }
    if (!text.startsWith(u"ssh://")) {
        return Error{Error::Kind::InvalidInput,
                     u"unknown target '%1': use local or ssh://user@host[:port]"_s.arg(text),
                     {}};
    }
    const Result<SshTarget> target = SshTarget::parse(text);
    if (!target)
        return target.error();
    spec.kind = Kind::Ssh;
    spec.ssh.target = *target;
    spec.ssh.policy = HostKeyPolicy::defaults();
    return spec;
}

TargetSpec TargetSpec::local(LabOptions options)
{
    TargetSpec spec;
    spec.lab = std::move(options);
    return spec;
}

QString TargetSpec::name() const
{
    return kind == Kind::Local ? u"local"_s : ssh.target.toString();
}

} // namespace mpmlab
