#include "mujoco_handles.h"

#include <atomic>
#include <cstdint>
#include <mutex>

#include "myoview/base/log.h"
#include "myoview/sim/simulation.h"

namespace myoview::sim {
namespace {

std::atomic<std::int64_t> g_message_count{0};
std::mutex g_last_mutex;
std::string g_last_message;
thread_local int* t_sink = nullptr;

void record(const char* msg) {
    g_message_count.fetch_add(1, std::memory_order_relaxed);
    if (t_sink != nullptr) ++*t_sink;
    std::lock_guard<std::mutex> lock(g_last_mutex);
    g_last_message = msg != nullptr ? msg : "";
}

void on_warning(const char* msg) {
    record(msg);
    log::warn(std::string("MuJoCo warning: ") + (msg != nullptr ? msg : ""));
}

void on_error(const char* msg) {
    record(msg);
    log::error(std::string("MuJoCo error: ") + (msg != nullptr ? msg : ""));
    throw detail::MujocoError(msg != nullptr ? msg : "MuJoCo error");
}

}  // namespace

std::int64_t mujoco_message_count() {
    return g_message_count.load(std::memory_order_relaxed);
}

std::string last_mujoco_message() {
    std::lock_guard<std::mutex> lock(g_last_mutex);
    return g_last_message;
}

namespace detail {

void install_mujoco_hooks() {
    static std::once_flag once;
    std::call_once(once, [] {
        mju_user_warning = on_warning;
        mju_user_error = on_error;
    });
}

MessageSink::MessageSink(int* sink) : previous_(t_sink) {
    t_sink = sink;
}
MessageSink::~MessageSink() {
    t_sink = previous_;
}

}  // namespace detail
}  // namespace myoview::sim
