#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <system_error>

#include <mujoco/mujoco.h>

#include "myoview/anatomy/binding.h"
#include "myoview/base/log.h"

namespace myoview::anatomy {
namespace {

std::atomic<int> g_warning_count{0};
thread_local std::vector<std::string>* t_warning_sink = nullptr;

void count_warning(const char* message) {
    g_warning_count.fetch_add(1);
    const std::string text = message != nullptr ? message : "";
    log::warn("MuJoCo: " + text);
    if (t_warning_sink != nullptr) t_warning_sink->push_back(text);
}

// Installs the counting warning handler for the duration of one load and restores whatever handler the process had
// (the simulation may install its own), so that this library never changes MuJoCo's global state behind its back.
class ScopedWarningHandler {
  public:
    explicit ScopedWarningHandler(std::vector<std::string>& sink) : previous_(mju_user_warning) {
        t_warning_sink = &sink;
        mju_user_warning = count_warning;
    }
    ~ScopedWarningHandler() {
        mju_user_warning = previous_;
        t_warning_sink = nullptr;
    }
    ScopedWarningHandler(const ScopedWarningHandler&) = delete;
    ScopedWarningHandler& operator=(const ScopedWarningHandler&) = delete;

  private:
    void (*previous_)(const char*);
};

struct ModelDeleter {
    void operator()(mjModel* model) const { mj_deleteModel(model); }
};
using ModelPtr = std::unique_ptr<mjModel, ModelDeleter>;

}  // namespace

int mujoco_warning_count() {
    return g_warning_count.load();
}

Result<MjcfIds> read_mjcf_ids(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return Error("MJCF file not found: " + path.string(),
                     std::make_error_code(std::errc::no_such_file_or_directory));
    }

    MjcfIds ids;
    std::array<char, 1024> error{};
    ModelPtr model;
    {
        ScopedWarningHandler handler(ids.warnings);
        model.reset(mj_loadXML(path.string().c_str(), nullptr, error.data(), static_cast<int>(error.size())));
    }
    error.back() = '\0';
    if (!model) {
        const std::string reason = error[0] != '\0' ? error.data() : "unknown MuJoCo error";
        return Error("cannot load MJCF " + path.string() + ": " + reason,
                     std::make_error_code(std::errc::invalid_argument));
    }
    if (error[0] != '\0') {  // the model compiled, and MuJoCo's compiler reported a warning in the buffer
        g_warning_count.fetch_add(1);
        ids.warnings.emplace_back(error.data());
    }

    for (int i = 1; i < model->nbody; ++i) {  // body 0 is the world
        const char* name = mj_id2name(model.get(), mjOBJ_BODY, i);
        if (name != nullptr && name[0] != '\0') ids.bodies.emplace_back(name);
    }
    for (int i = 0; i < model->nsite; ++i) {
        const char* name = mj_id2name(model.get(), mjOBJ_SITE, i);
        const char* body = mj_id2name(model.get(), mjOBJ_BODY, model->site_bodyid[i]);
        if (name != nullptr && name[0] != '\0') ids.site_bodies.emplace(name, body != nullptr ? body : "");
    }
    for (int i = 0; i < model->nu; ++i) {
        if (model->actuator_gaintype[i] != mjGAIN_MUSCLE) continue;
        const char* name = mj_id2name(model.get(), mjOBJ_ACTUATOR, i);
        if (name == nullptr || name[0] == '\0') {
            ids.warnings.push_back("actuator " + std::to_string(i) + " is a muscle without a name; it cannot bind");
            continue;
        }
        ids.muscles.emplace_back(name);
    }
    return ids;
}

Result<std::vector<std::string>> mjcf_muscle_ids(const std::filesystem::path& path) {
    auto ids = read_mjcf_ids(path);
    if (!ids) return ids.error();
    return std::move(ids.value().muscles);
}

Result<std::vector<std::string>> mjcf_body_ids(const std::filesystem::path& path) {
    auto ids = read_mjcf_ids(path);
    if (!ids) return ids.error();
    return std::move(ids.value().bodies);
}

}  // namespace myoview::anatomy
