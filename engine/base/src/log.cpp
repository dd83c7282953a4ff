#include "myoview/base/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace myoview::log {
namespace {
std::atomic<Level> g_level{Level::kInfo};
std::mutex g_mutex;
}  // namespace

void set_level(Level level) { g_level = level; }
Level level() { return g_level; }

void write(Level lvl, std::string_view message) {
    if (static_cast<int>(lvl) < static_cast<int>(g_level.load())) return;
    static constexpr const char* kNames[] = {"debug", "info", "warning", "error"};
    std::lock_guard lock(g_mutex);
    std::fprintf(stderr, "myoview: %s: %.*s\n", kNames[static_cast<int>(lvl)], static_cast<int>(message.size()),
                 message.data());
}

}  // namespace myoview::log
