#include "rest_pose.h"

#include <array>
#include <memory>

#include <mujoco/mujoco.h>

namespace myoview::bake {

namespace {

struct ModelDeleter {
    void operator()(mjModel* m) const { mj_deleteModel(m); }
};
struct DataDeleter {
    void operator()(mjData* d) const { mj_deleteData(d); }
};

int find_body(const std::vector<BodyFrame>& bodies, const std::string& name) {
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        if (bodies[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

// The anatomical parent of a body of myoview's skeleton ("" at the top).
std::string anatomical_parent(const std::string& name) {
    const bool sided = name.size() > 2 && (name.ends_with("_r") || name.ends_with("_l"));
    const std::string base = sided ? name.substr(0, name.size() - 2) : name;
    const std::string side = sided ? name.substr(name.size() - 2) : "";
    if (base == "hand") return "forearm" + side;
    if (base == "forearm") return "humerus" + side;
    if (base == "humerus") return "scapula" + side;
    if (base == "scapula") return "clavicle" + side;
    if (base == "clavicle") return "thorax";
    if (base == "head") return "neck";
    if (base == "neck") return "thorax";
    return "";
}

}  // namespace

Result<std::vector<BodyFrame>> load_rest_pose(const std::filesystem::path& mjcf_path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(mjcf_path, ec)) return Error("MJCF model not found: " + mjcf_path.string());
    std::array<char, 1024> error{};
    std::unique_ptr<mjModel, ModelDeleter> model(
        mj_loadXML(mjcf_path.string().c_str(), nullptr, error.data(), static_cast<int>(error.size())));
    if (!model) return Error("cannot load the MJCF model " + mjcf_path.string() + ": " + std::string(error.data()));
    std::unique_ptr<mjData, DataDeleter> data(mj_makeData(model.get()));
    if (!data) return Error("MuJoCo could not allocate data for " + mjcf_path.string());
    mj_forward(model.get(), data.get());  // rest pose: qpos0

    std::vector<BodyFrame> bodies;
    // Body 0 is MuJoCo's world; index i of the list is MuJoCo body i + 1.
    for (int b = 1; b < model->nbody; ++b) {
        BodyFrame frame;
        const char* name = mj_id2name(model.get(), mjOBJ_BODY, b);
        frame.name = name != nullptr ? name : "body" + std::to_string(b);
        frame.parent = model->body_parentid[b] - 1;
        const mjtNum* p = data->xpos + 3 * b;
        frame.position = glm::vec3(static_cast<float>(p[0]), static_cast<float>(p[1]), static_cast<float>(p[2]));
        const mjtNum* q = data->xquat + 4 * b;
        frame.orientation = glm::normalize(glm::quat(static_cast<float>(q[0]), static_cast<float>(q[1]),
                                                     static_cast<float>(q[2]), static_cast<float>(q[3])));
        bodies.push_back(std::move(frame));
    }
    if (bodies.empty()) return Error("the MJCF model " + mjcf_path.string() + " has no bodies");
    return bodies;
}

int resolve_body(const std::vector<BodyFrame>& bodies, const std::string& name, bool* fell_back) {
    if (fell_back != nullptr) *fell_back = false;
    for (std::string n = name; !n.empty(); n = anatomical_parent(n)) {
        const int i = find_body(bodies, n);
        if (i >= 0) return i;
        if (fell_back != nullptr) *fell_back = true;
    }
    return -1;
}

}  // namespace myoview::bake
