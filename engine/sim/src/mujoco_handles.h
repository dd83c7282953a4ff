#pragma once
// RAII ownership of MuJoCo objects and the process-wide warning / error hooks.
//
// MuJoCo reports through two global function pointers. This library installs them once:
// - mju_user_warning: counts (process-wide and into the sink of the Simulation currently calling MuJoCo on
//   this thread), remembers the last message and logs it. Never fatal.
// - mju_user_error: counts, remembers, then throws MujocoError. MuJoCo's default would exit(1); returning
//   from the hook is not allowed either (MuJoCo would continue with corrupt state). The exception unwinds
//   through MuJoCo's C frames (built with unwind tables on x86-64 Linux, as MuJoCo's own C++ compiler relies
//   on) and is caught at the Simulation API, which resets mjData to the rest pose and counts it.

#include <memory>
#include <stdexcept>
#include <string>

#include <mujoco/mujoco.h>

namespace myoview::sim::detail {

struct ModelDeleter {
    void operator()(mjModel* m) const { mj_deleteModel(m); }
};
struct DataDeleter {
    void operator()(mjData* d) const { mj_deleteData(d); }
};
using ModelPtr = std::unique_ptr<mjModel, ModelDeleter>;
using DataPtr = std::unique_ptr<mjData, DataDeleter>;

class MujocoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

void install_mujoco_hooks();

// While alive, MuJoCo warnings and errors raised on this thread are also counted into *sink.
class MessageSink {
public:
    explicit MessageSink(int* sink);
    ~MessageSink();
    MessageSink(const MessageSink&) = delete;
    MessageSink& operator=(const MessageSink&) = delete;

private:
    int* previous_;
};

}  // namespace myoview::sim::detail
