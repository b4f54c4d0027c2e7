#pragma once

#include <libssh/libssh.h>
#include <memory>

namespace mpmlab::ssh {

// RAII owners for the libssh handles MPM Lab uses. Private to core/remote:
// nothing outside it includes libssh.

struct ChannelDeleter {
    void operator()(ssh_channel channel) const
    {
        if (ssh_channel_is_open(channel))
            ssh_channel_close(channel);
        ssh_channel_free(channel);
    }
};
using Channel = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;

struct KeyDeleter {
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using Key = std::unique_ptr<ssh_key_struct, KeyDeleter>;

struct StringDeleter {
    void operator()(char *text) const { ssh_string_free_char(text); }
};
using String = std::unique_ptr<char, StringDeleter>;

struct KnownHostsEntryDeleter {
    void operator()(ssh_knownhosts_entry *entry) const { ssh_knownhosts_entry_free(entry); }
};
using KnownHostsEntry = std::unique_ptr<ssh_knownhosts_entry, KnownHostsEntryDeleter>;

} // namespace mpmlab::ssh
