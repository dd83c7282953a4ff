#include "myoview/meshgen/landmarks.h"

#include <cassert>
#include <memory>

#include <mujoco/mujoco.h>

namespace myoview::meshgen {

void Landmarks::index() {
    site_by_name_.clear();
    body_by_name_.clear();
    for (std::size_t i = 0; i < sites.size(); ++i) site_by_name_.emplace(sites[i].name, i);
    for (std::size_t i = 0; i < bodies.size(); ++i) body_by_name_.emplace(bodies[i].name, i);
}

const Site* Landmarks::find_site(std::string_view name) const {
    const auto it = site_by_name_.find(name);
    return it == site_by_name_.end() ? nullptr : &sites[it->second];
}

glm::vec3 Landmarks::site(std::string_view name) const {
    const Site* s = find_site(name);
    assert(s != nullptr && "required site missing; check missing_required() first");
    return s != nullptr ? s->position : glm::vec3(0.0f);
}

int Landmarks::body_index(std::string_view name) const {
    const auto it = body_by_name_.find(name);
    return it == body_by_name_.end() ? -1 : static_cast<int>(it->second);
}

const BodyFrame& Landmarks::body(std::string_view name) const {
    const int i = body_index(name);
    assert(i >= 0 && "required body missing; check missing_required() first");
    return bodies[static_cast<std::size_t>(i < 0 ? 0 : i)];
}

std::vector<const Site*> Landmarks::muscle_path(std::string_view muscle_id) const {
    std::vector<const Site*> path;
    const std::string id(muscle_id);
    const Site* origin = find_site(id + "_o");
    const Site* insertion = find_site(id + "_i");
    if (origin == nullptr || insertion == nullptr) return path;
    path.push_back(origin);
    for (int k = 1; k < 64; ++k) {
        const Site* via = find_site(id + "_v" + std::to_string(k));
        if (via == nullptr) break;
        path.push_back(via);
    }
    path.push_back(insertion);
    return path;
}

namespace {

struct ModelDeleter {
    void operator()(mjModel* m) const { mj_deleteModel(m); }
};
struct DataDeleter {
    void operator()(mjData* d) const { mj_deleteData(d); }
};

glm::vec3 to_vec3(const mjtNum* v) {
    return {static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])};
}

}  // namespace

Result<Landmarks> load_mjcf_landmarks(const std::filesystem::path& mjcf_path) {
    if (!std::filesystem::exists(mjcf_path)) {
        return Error("MJCF model not found: " + mjcf_path.string());
    }
    char error[1024] = {};
    std::unique_ptr<mjModel, ModelDeleter> model(
        mj_loadXML(mjcf_path.string().c_str(), nullptr, error, static_cast<int>(sizeof(error))));
    if (!model) {
        return Error("cannot load MJCF model " + mjcf_path.string() + ": " + std::string(error));
    }
    std::unique_ptr<mjData, DataDeleter> data(mj_makeData(model.get()));
    if (!data) return Error("MuJoCo could not allocate data for " + mjcf_path.string());
    mj_forward(model.get(), data.get());  // rest pose: qpos0

    Landmarks lm;
    lm.source = mjcf_path.filename().string();
    // Body 0 is MuJoCo's world; index i in Landmarks::bodies is MuJoCo body i + 1.
    for (int b = 1; b < model->nbody; ++b) {
        BodyFrame frame;
        const char* name = mj_id2name(model.get(), mjOBJ_BODY, b);
        frame.name = name != nullptr ? name : "body" + std::to_string(b);
        frame.parent = model->body_parentid[b] - 1;
        frame.position = to_vec3(data->xpos + 3 * b);
        const mjtNum* q = data->xquat + 4 * b;
        frame.orientation = glm::normalize(glm::quat(static_cast<float>(q[0]), static_cast<float>(q[1]),
                                                     static_cast<float>(q[2]), static_cast<float>(q[3])));
        lm.bodies.push_back(std::move(frame));
    }
    for (int s = 0; s < model->nsite; ++s) {
        const char* name = mj_id2name(model.get(), mjOBJ_SITE, s);
        if (name == nullptr) continue;  // unnamed sites cannot be part of the contract
        Site site;
        site.name = name;
        site.body = model->site_bodyid[s] - 1;
        site.position = to_vec3(data->site_xpos + 3 * s);
        lm.sites.push_back(std::move(site));
    }
    lm.index();
    return lm;
}

namespace {

class BuiltinWriter {
public:
    explicit BuiltinWriter(Landmarks& lm) : lm_(lm) {}
    void body(const std::string& name, const std::string& parent, glm::vec3 pos) {
        BodyFrame f;
        f.name = name;
        f.parent = -1;
        for (std::size_t i = 0; i < lm_.bodies.size(); ++i) {
            if (lm_.bodies[i].name == parent) f.parent = static_cast<int>(i);
        }
        f.position = pos;
        lm_.bodies.push_back(f);
    }
    void site(const std::string& name, const std::string& body_name, glm::vec3 pos) {
        Site s;
        s.name = name;
        for (std::size_t i = 0; i < lm_.bodies.size(); ++i) {
            if (lm_.bodies[i].name == body_name) s.body = static_cast<int>(i);
        }
        s.position = pos;
        lm_.sites.push_back(s);
    }
    // A paired site given for the left side (y > 0); the right one mirrors it.
    void pair(const std::string& name, const std::string& body_base, glm::vec3 left) {
        const bool sided = body_base != "thorax" && body_base != "neck" && body_base != "head";
        site(name + "_r", sided ? body_base + "_r" : body_base, {left.x, -left.y, left.z});
        site(name + "_l", sided ? body_base + "_l" : body_base, left);
    }

private:
    Landmarks& lm_;
};

}  // namespace

Landmarks builtin_landmarks() {
    Landmarks lm;
    lm.source = "builtin";
    BuiltinWriter w(lm);
    w.body("thorax", "", {-0.02f, 0.0f, 1.30f});
    w.body("neck", "thorax", {-0.04f, 0.0f, 1.46f});
    w.body("head", "neck", {-0.03f, 0.0f, 1.56f});
    for (const char* side : {"_r", "_l"}) {
        const float s = std::string(side) == "_l" ? 1.0f : -1.0f;
        w.body(std::string("clavicle") + side, "thorax", {0.075f, s * 0.025f, 1.43f});
        w.body(std::string("scapula") + side, std::string("clavicle") + side, {0.0f, s * 0.175f, 1.445f});
        w.body(std::string("humerus") + side, std::string("scapula") + side, {-0.005f, s * 0.19f, 1.39f});
    }
    w.site("sternal_notch", "thorax", {0.075f, 0.0f, 1.425f});
    w.site("xiphoid", "thorax", {0.115f, 0.0f, 1.245f});
    w.site("c7_spinous", "neck", {-0.085f, 0.0f, 1.465f});
    w.site("t1_spinous", "thorax", {-0.09f, 0.0f, 1.445f});
    w.site("t2_spinous", "thorax", {-0.097f, 0.0f, 1.42f});
    w.site("t3_spinous", "thorax", {-0.103f, 0.0f, 1.395f});
    w.site("t4_spinous", "thorax", {-0.108f, 0.0f, 1.37f});
    w.site("t5_spinous", "thorax", {-0.112f, 0.0f, 1.345f});
    w.site("t12_spinous", "thorax", {-0.095f, 0.0f, 1.14f});
    w.site("occiput", "head", {-0.095f, 0.0f, 1.585f});
    w.site("vertex", "head", {-0.01f, 0.0f, 1.75f});
    w.site("nasion", "head", {0.095f, 0.0f, 1.645f});
    w.pair("tragus", "head", {0.0f, 0.072f, 1.615f});
    w.pair("mastoid", "head", {-0.025f, 0.055f, 1.585f});
    w.pair("sc_joint", "clavicle", {0.07f, 0.025f, 1.425f});
    w.pair("acromion", "scapula", {0.005f, 0.195f, 1.445f});
    w.pair("acromion_posterior", "scapula", {-0.03f, 0.19f, 1.44f});
    w.pair("coracoid", "scapula", {0.04f, 0.155f, 1.40f});
    w.pair("scapula_spine_root", "scapula", {-0.09f, 0.08f, 1.385f});
    w.pair("scapula_superior_angle", "scapula", {-0.075f, 0.075f, 1.43f});
    w.pair("scapula_inferior_angle", "scapula", {-0.09f, 0.095f, 1.26f});
    w.pair("glenoid", "scapula", {-0.005f, 0.165f, 1.39f});
    w.pair("humeral_head", "humerus", {-0.005f, 0.19f, 1.39f});
    w.pair("bicipital_groove", "humerus", {0.02f, 0.2f, 1.36f});
    w.pair("deltoid_tuberosity", "humerus", {0.005f, 0.215f, 1.25f});
    w.pair("epicondyle_lateral", "humerus", {-0.005f, 0.23f, 1.085f});
    w.pair("epicondyle_medial", "humerus", {-0.01f, 0.17f, 1.085f});
    w.pair("rib3", "thorax", {0.105f, 0.06f, 1.355f});
    w.pair("rib4", "thorax", {0.11f, 0.07f, 1.315f});
    w.pair("rib5", "thorax", {0.11f, 0.08f, 1.275f});
    lm.index();
    return lm;
}

std::vector<std::string> missing_required(const Landmarks& landmarks) {
    std::vector<std::string> missing;
    for (const char* body :
         {"thorax", "neck", "head", "clavicle_r", "scapula_r", "humerus_r", "clavicle_l", "scapula_l", "humerus_l"}) {
        if (landmarks.body_index(body) < 0) missing.push_back(std::string("body ") + body);
    }
    for (const char* site : {"sternal_notch", "xiphoid", "c7_spinous", "t1_spinous", "t2_spinous", "t3_spinous",
                             "t4_spinous", "t5_spinous", "t12_spinous", "occiput", "vertex", "nasion"}) {
        if (!landmarks.has_site(site)) missing.push_back(std::string("site ") + site);
    }
    for (const char* pair :
         {"tragus", "mastoid", "sc_joint", "acromion", "acromion_posterior", "coracoid", "scapula_spine_root",
          "scapula_superior_angle", "scapula_inferior_angle", "glenoid", "humeral_head", "bicipital_groove",
          "deltoid_tuberosity", "epicondyle_lateral", "epicondyle_medial", "rib3", "rib4", "rib5"}) {
        for (const char* side : {"_r", "_l"}) {
            const std::string name = std::string(pair) + side;
            if (!landmarks.has_site(name)) missing.push_back("site " + name);
        }
    }
    return missing;
}

}  // namespace myoview::meshgen
