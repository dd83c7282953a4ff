// The model's anatomy against what the muscles and joints must do: moment arms computed by MuJoCo (actuator_moment
// = d length / d q at the configuration), attachment sites on the real bones (tools/mjcf/landmarks.json), and the
// joints that must never open (scapulothoracic, sternoclavicular, acromioclavicular, glenohumeral) in every preset.

#include <gtest/gtest.h>
#include <mujoco/mujoco.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>

#include "myoview/sim/simulation.h"
#include "sim_fixture.h"

namespace myoview::sim::test {
namespace {

const std::string kModelPath = std::string(MYOVIEW_SOURCE_DIR) + "/assets/anatomy/myoview.xml";
const std::string kLandmarks = std::string(MYOVIEW_SOURCE_DIR) + "/tools/mjcf/landmarks.json";
constexpr double kPi = 3.14159265358979323846;

struct ModelDeleter {
    void operator()(mjModel* m) const { mj_deleteModel(m); }
};
struct DataDeleter {
    void operator()(mjData* d) const { mj_deleteData(d); }
};

class AnatomyTest : public MujocoQuietTest {
protected:
    void SetUp() override {
        MujocoQuietTest::SetUp();
        std::array<char, 1024> err{};
        model_.reset(mj_loadXML(kModelPath.c_str(), nullptr, err.data(), static_cast<int>(err.size())));
        ASSERT_NE(model_, nullptr) << err.data();
        data_.reset(mj_makeData(model_.get()));
        mj_forward(model_.get(), data_.get());
    }

    int id(mjtObj type, const std::string& name) const {
        const int i = mj_name2id(model_.get(), type, name.c_str());
        EXPECT_GE(i, 0) << name;
        return i;
    }

    // Moment arm (m) of a muscle about a joint, signed so that + means the muscle's pull drives the joint's
    // positive (named) motion: -d(length)/dq.
    double arm(const std::string& muscle, const std::string& joint) const {
        const int a = id(mjOBJ_ACTUATOR, muscle);
        const int dof = model_->jnt_dofadr[id(mjOBJ_JOINT, joint)];
        return -data_->actuator_moment[a * model_->nv + dof];
    }

    void set_joint_deg(const std::string& joint, double deg) {
        data_->qpos[model_->jnt_qposadr[id(mjOBJ_JOINT, joint)]] = deg * kPi / 180.0;
        mj_forward(model_.get(), data_.get());
    }

    glm::dvec3 site(const std::string& name) const {
        const mjtNum* p = data_->site_xpos + 3 * id(mjOBJ_SITE, name);
        return {p[0], p[1], p[2]};
    }

    std::unique_ptr<mjModel, ModelDeleter> model_;
    std::unique_ptr<mjData, DataDeleter> data_;
};

nlohmann::json landmarks() {
    std::ifstream in(kLandmarks);
    EXPECT_TRUE(in.good()) << kLandmarks;
    return nlohmann::json::parse(in);
}

double distance_to_segment(glm::dvec3 p, glm::dvec3 a, glm::dvec3 b) {
    const glm::dvec3 d = b - a;
    const double t = std::clamp(glm::dot(p - a, d) / glm::dot(d, d), 0.0, 1.0);
    return glm::length(a + t * d - p);
}

// ---- item: every site is where it was picked ---------------------------------------------------------------

TEST_F(AnatomyTest, RestPoseSitesAreThePicksOnTheMeshes) {
    const nlohmann::json lm = landmarks();
    int checked = 0;
    for (const auto& [name, pick] : lm["points"].items()) {
        const int s = mj_name2id(model_.get(), mjOBJ_SITE, name.c_str());
        if (s < 0) continue;  // picks that are not sites (porion, body origins only)
        for (int k = 0; k < 3; ++k) {
            EXPECT_NEAR(data_->site_xpos[3 * s + k], pick["world"][k].get<double>(), 2e-5) << name;
        }
        ++checked;
    }
    for (const auto& [muscle, path] : lm["muscles"].items()) {
        for (const auto& q : path) {
            const std::string name = muscle + "_" + q["site"].get<std::string>();
            const glm::dvec3 p = site(name);
            EXPECT_NEAR(glm::length(p - glm::dvec3(q["world"][0], q["world"][1], q["world"][2])), 0.0, 2e-5) << name;
            ++checked;
        }
    }
    EXPECT_GT(checked, 180);
    // Body origins on the picked joint centres.
    for (const auto& [body, centre] :
         std::vector<std::pair<std::string, std::string>>{{"neck", "c7_t1_joint"},
                                                          {"head", "c0_c1_joint"},
                                                          {"thorax", "t12_l1_joint"},
                                                          {"clavicle_r", "sc_joint_r"},
                                                          {"scapula_r", "ac_joint_r"},
                                                          {"humerus_r", "humeral_head_r"},
                                                          {"forearm_r", "elbow_centre_r"},
                                                          {"clavicle_l", "sc_joint_l"},
                                                          {"scapula_l", "ac_joint_l"},
                                                          {"humerus_l", "humeral_head_l"},
                                                          {"forearm_l", "elbow_centre_l"}}) {
        const int b = id(mjOBJ_BODY, body);
        for (int k = 0; k < 3; ++k) {
            EXPECT_NEAR(data_->xpos[3 * b + k], lm["points"][centre]["world"][k].get<double>(), 2e-5) << body;
        }
    }
}

// ---- item 4: what the model used to get wrong ---------------------------------------------------------------

// Upper trapezius: its line runs behind C7/T1 (a via point over the back of the lower neck), so it extends and
// side-bends the neck to its own side and elevates the shoulder girdle, upright and with the neck flexed.
TEST_F(AnatomyTest, UpperTrapeziusExtendsAndSideBendsTheNeckAndElevatesTheGirdle) {
    for (double flexion : {0.0, 20.0}) {
        set_joint_deg("neck_flexion", flexion);
        for (const char* s : {"r", "l"}) {
            const std::string m = std::string("trapezius_upper_") + s;
            EXPECT_LT(arm(m, "neck_flexion"), -0.005) << m << " must EXTEND the neck (flexion " << flexion << ")";
            // neck_lateral_flexion: + bends to the left
            const double side = arm(m, "neck_lateral_flexion");
            const double toward_own_side = s[0] == 'r' ? -side : side;
            EXPECT_GT(toward_own_side, 0.005) << m << " bends the neck to its own side";
            EXPECT_GT(arm(m, std::string("sc_elevation_") + s), 0.02) << m << " elevates the shoulder girdle";
        }
    }
}

// Posterior deltoid: its origin sits on the spine of the scapula (the line from the trigonum to the acromial
// angle), not in the air behind it.
TEST_F(AnatomyTest, PosteriorDeltoidArisesOnTheScapularSpine) {
    for (const char* s : {"r", "l"}) {
        const std::string side(s);
        const glm::dvec3 o = site("deltoid_posterior_" + side + "_o");
        const double d = distance_to_segment(o, site("scapula_spine_root_" + side), site("acromion_posterior_" + side));
        EXPECT_LT(d, 0.008) << "deltoid_posterior_" << side << "_o is " << d * 1000 << " mm off the spine line";
    }
}

// Scapula axes in the scapular plane (ISB). Pectoralis minor tilts the scapula anteriorly: its moment arm about
// the tilt axis is positive, and a desk worker whose pec major alone is released (pec minor still short and
// toned) sits more anteriorly tilted, more downwardly rotated, with a shorter pec minor and the shoulder further
// forward than the same desk worker fully released. Internal rotation comes with the whole tight-pec pattern:
// the desk worker sits more internally rotated and more anteriorly tilted than neutral (Borstad & Ludewig 2005).
// (In this model the pec minor alone barely rotates the scapula internally: its pull on the coracoid, in front
// of the AC joint, rotates the blade externally about the AC joint about as much as the clavicle's protraction
// rotates it internally; the pec major's pull through the humerus does the internal rotation.)
TEST_F(AnatomyTest, PecMinorTiltsTheScapulaAnteriorly) {
    for (const char* s : {"r", "l"}) {
        const std::string side(s);
        EXPECT_GT(arm("pec_minor_" + side, "scapula_anterior_tilt_" + side), 0.005) << side;
        EXPECT_GT(arm("pec_minor_" + side, "sc_protraction_" + side), 0.02) << side;
        EXPECT_LT(arm("pec_minor_" + side, "scapula_upward_rotation_" + side), 0.02) << side;
    }
    Simulation sim = load_model();
    const PostureMetrics neutral = settle(sim, "neutral", 0.0).posture;
    const PostureMetrics released = settle(sim, "desk-worker", 1.0).posture;
    ASSERT_TRUE(sim.set_preset("desk-worker").has_value());
    sim.set_release(1.0);
    sim.set_part_release(PecPart::kMinor, 0.0);
    sim.advance(30.0);
    const PostureMetrics minor = sim.snapshot().posture;
    EXPECT_GT(minor.mean.scapular_anterior_tilt_deg, released.mean.scapular_anterior_tilt_deg + 1.5);
    EXPECT_LT(minor.mean.scapular_upward_rotation_deg, released.mean.scapular_upward_rotation_deg - 1.5);
    EXPECT_LT(minor.mean.pec_minor_length_mm, released.mean.pec_minor_length_mm - 2.0);
    EXPECT_GT(minor.mean.forward_shoulder_mm, released.mean.forward_shoulder_mm + 2.0);
    const PostureMetrics desk = settle(sim, "desk-worker", 0.0).posture;
    EXPECT_GT(desk.mean.scapular_anterior_tilt_deg, neutral.mean.scapular_anterior_tilt_deg + 1.0);
    EXPECT_GT(desk.mean.scapular_internal_rotation_deg, neutral.mean.scapular_internal_rotation_deg + 3.0);
}

// The scapula's joints turn about the ISB scapula axes of the rest pose: 5 deg of each joint moves its own ISB
// angle (relative to the thorax) by ~5 deg and the other two by much less.
TEST_F(AnatomyTest, ScapulaJointsTurnAboutTheIsbAxes) {
    auto angles = [this](const std::string& s) {
        return scapula_angles(
            {site("scapula_spine_root_" + s), site("acromion_posterior_" + s), site("scapula_inferior_angle_" + s)},
            s == "l");
    };
    for (const std::string s : {"r", "l"}) {
        const ScapulaAngles rest = angles(s);
        const std::array<std::string, 3> joints = {"scapula_internal_rotation_", "scapula_upward_rotation_",
                                                   "scapula_anterior_tilt_"};
        for (std::size_t j = 0; j < joints.size(); ++j) {
            set_joint_deg(joints[j] + s, 5.0);
            const ScapulaAngles a = angles(s);
            set_joint_deg(joints[j] + s, 0.0);
            const std::array<double, 3> moved = {a.internal_rotation_deg - rest.internal_rotation_deg,
                                                 a.upward_rotation_deg - rest.upward_rotation_deg,
                                                 a.anterior_tilt_deg - rest.anterior_tilt_deg};
            for (std::size_t k = 0; k < 3; ++k) {
                if (k == j) {
                    EXPECT_NEAR(moved[k], 5.0, 0.5) << joints[j] << s;
                } else {
                    EXPECT_LT(std::abs(moved[k]), 1.5) << joints[j] << s << " moves ISB angle " << k;
                }
            }
        }
    }
}

// Serratus anterior: one actuator (one mesh, one id), its path on the chest wall: every point of the rest-pose
// path within 12 mm of the ribs (tools/mjcf/pick_landmarks.py measures it on the rib meshes; the old straight
// line ran 4 cm in front of the chest wall); the via points ride on the thorax.
TEST_F(AnatomyTest, SerratusAnteriorHugsTheRibs) {
    const nlohmann::json lm = landmarks();
    for (const char* s : {"r", "l"}) {
        const std::string m = std::string("serratus_anterior_") + s;
        const double d = lm["checks"][m]["max_distance_to_ribs_mm"].get<double>();
        EXPECT_LT(d, 12.0) << m;
        const int t = id(mjOBJ_TENDON, m + "_path");
        EXPECT_EQ(model_->tendon_num[t], 4) << m << ": origin, two via points on the ribs, insertion";
        for (const char* v : {"_v1", "_v2"}) {
            EXPECT_STREQ(mj_id2name(model_.get(), mjOBJ_BODY, model_->site_bodyid[id(mjOBJ_SITE, m + v)]), "thorax");
        }
        EXPECT_GT(arm(m, std::string("sc_protraction_") + s), 0.03) << m << " protracts";
    }
}

// Neck: extensor-dominant at C7/T1. Maximal isometric moment = sum over the muscles of F0 x moment arm at the
// rest pose, flexors and extensors separately.
TEST_F(AnatomyTest, NeckIsExtensorDominantAtC7T1) {
    const int dof = model_->jnt_dofadr[id(mjOBJ_JOINT, "neck_flexion")];
    double flexor = 0, extensor = 0;
    for (int a = 0; a < model_->nu; ++a) {
        const double r = -data_->actuator_moment[a * model_->nv + dof];
        const double f0 = model_->actuator_gainprm[a * mjNGAIN + 2];
        (r > 0 ? flexor : extensor) += std::abs(r) * f0;
    }
    std::printf("C7/T1 maximal isometric moment: extensors %.1f Nm, flexors %.1f Nm\n", extensor, flexor);
    RecordProperty("c7t1_extensor_Nm", std::to_string(extensor));
    RecordProperty("c7t1_flexor_Nm", std::to_string(flexor));
    EXPECT_GT(extensor, 1.1 * flexor);
    EXPECT_GT(flexor, 5.0) << "sternocleidomastoid still flexes the lower neck";
}

// One source for the deltoid: Wu (DELT1-3), not Holzbaur's 1142.6 N.
TEST_F(AnatomyTest, DeltoidForcesComeFromTheWuModel) {
    const std::array<std::pair<const char*, double>, 3> f0 = {
        {{"deltoid_anterior", 556.8}, {"deltoid_middle", 1098.4}, {"deltoid_posterior", 944.7}}};
    for (const auto& [m, f] : f0) {
        for (const char* s : {"_r", "_l"}) {
            EXPECT_DOUBLE_EQ(model_->actuator_gainprm[id(mjOBJ_ACTUATOR, std::string(m) + s) * mjNGAIN + 2], f) << m;
        }
    }
}

// Every muscle acts as the anatomy books say on the joint it is named for (a sign check of the paths).
TEST_F(AnatomyTest, ShoulderMusclesActInTheirTextbookDirections) {
    struct Action {
        const char* muscle;
        const char* joint;
        int sign;
    };
    const std::array<Action, 16> actions = {{
        {"deltoid_middle", "gh_abduction", +1},
        {"supraspinatus", "gh_abduction", +1},
        {"deltoid_anterior", "gh_flexion", +1},
        {"deltoid_posterior", "gh_flexion", -1},
        {"latissimus_dorsi", "gh_flexion", -1},
        {"latissimus_dorsi", "gh_abduction", -1},
        {"teres_major", "gh_abduction", -1},
        {"infraspinatus", "gh_internal_rotation", -1},
        {"teres_minor", "gh_internal_rotation", -1},
        {"subscapularis", "gh_internal_rotation", +1},
        {"pec_major_clavicular", "gh_internal_rotation", +1},
        {"rhomboid_major", "sc_protraction", -1},
        {"trapezius_middle", "sc_protraction", -1},
        {"trapezius_lower", "sc_elevation", -1},
        {"levator_scapulae", "sc_elevation", +1},
        {"subclavius", "sc_elevation", -1},
    }};
    for (const Action& x : actions) {
        for (const char* s : {"_r", "_l"}) {
            const double r = arm(std::string(x.muscle) + s, std::string(x.joint) + s);
            EXPECT_GT(x.sign * r, 0.0) << x.muscle << s << " on " << x.joint << s << ": " << r * 1000 << " mm";
        }
    }
}

// ---- item 5: the joints that must not open -------------------------------------------------------------------

// Site positions of a settled snapshot, from its body poses and the model's site offsets (rest orientations are
// identity, so a site's offset is in its body's frame).
class SitesOf {
public:
    SitesOf(const mjModel* m, const Snapshot& s) : m_(m), s_(s) {}
    glm::dvec3 operator()(const std::string& name) const {
        const int id = mj_name2id(m_, mjOBJ_SITE, name.c_str());
        EXPECT_GE(id, 0) << name;
        const BodyPose* b = s_.find_body(mj_id2name(m_, mjOBJ_BODY, m_->site_bodyid[id]));
        EXPECT_NE(b, nullptr);
        const glm::dquat q(b->rot.w, b->rot.x, b->rot.y, b->rot.z);
        const glm::dvec3 local(m_->site_pos[3 * id], m_->site_pos[3 * id + 1], m_->site_pos[3 * id + 2]);
        return glm::dvec3(b->pos) + q * local;
    }
    // A world point in the thorax frame.
    glm::dvec3 in_thorax(glm::dvec3 p) const {
        const BodyPose* t = s_.find_body("thorax");
        const glm::dquat q(t->rot.w, t->rot.x, t->rot.y, t->rot.z);
        return glm::inverse(q) * (p - glm::dvec3(t->pos));
    }

private:
    const mjModel* m_;
    const Snapshot& s_;
};

// Signed distance (+ outside) of p from an axis-aligned ellipsoid (centre c, radii r): closest point by Newton
// on the Lagrange multiplier.
double ellipsoid_gap(glm::dvec3 p, glm::dvec3 c, glm::dvec3 r) {
    const glm::dvec3 q = p - c;
    const glm::dvec3 r2 = r * r;
    double t = 0;
    for (int i = 0; i < 100; ++i) {
        const glm::dvec3 x = r2 * q / (r2 + t);
        const double f = glm::dot(x / r, x / r) - 1.0;
        const double df = -2.0 * glm::dot(x * x, 1.0 / (r2 * (r2 + t)));
        const double step = f / df;
        t -= step;
        if (std::abs(step) < 1e-14) break;
    }
    const glm::dvec3 foot = c + r2 * q / (r2 + t);
    const double sign = glm::dot(q / r, q / r) > 1.0 ? 1.0 : -1.0;
    return sign * glm::length(p - foot);
}

TEST_F(AnatomyTest, ScapulaGlidesOnTheRibCageAndNoJointOpensInAnyPreset) {
    struct Surface {
        glm::dvec3 centre, radii;
    };
    std::array<Surface, 2> surf{};
    const int thorax = id(mjOBJ_BODY, "thorax");
    for (int k = 0; k < 2; ++k) {
        const int g = id(mjOBJ_GEOM, std::string("scapulothoracic_") + (k == 0 ? "r" : "l"));
        ASSERT_EQ(model_->geom_bodyid[g], thorax);
        surf[k] = {glm::dvec3(model_->geom_pos[3 * g], model_->geom_pos[3 * g + 1], model_->geom_pos[3 * g + 2]),
                   glm::dvec3(model_->geom_size[3 * g], model_->geom_size[3 * g + 1], model_->geom_size[3 * g + 2])};
    }
    const std::array<const char*, 3> contact = {"scapula_spine_root", "scapula_inferior_angle",
                                                "scapula_superior_angle"};
    // Rest gaps (soft tissue between the blade and the ribs: subscapularis and serratus).
    Simulation sim = load_model();
    std::array<std::array<double, 3>, 2> rest{};
    {
        const Snapshot s0 = sim.snapshot();  // neutral, t = 0: the rest pose
        const SitesOf at(model_.get(), s0);
        for (int k = 0; k < 2; ++k) {
            for (std::size_t i = 0; i < contact.size(); ++i) {
                const std::string n = std::string(contact[i]) + (k == 0 ? "_r" : "_l");
                rest[k][i] = ellipsoid_gap(at.in_thorax(at(n)), surf[k].centre, surf[k].radii);
                EXPECT_GT(rest[k][i], 0.005) << n << ": the blade lies on the ribs with soft tissue between";
                EXPECT_LT(rest[k][i], 0.035) << n;
            }
        }
    }
    for (const char* preset : {"neutral", "desk-worker", "driver", "phone-user"}) {
        for (double release : {0.0, 1.0}) {
            const Snapshot s = settle(sim, preset, release);
            const SitesOf at(model_.get(), s);
            for (int k = 0; k < 2; ++k) {
                const std::string sx = k == 0 ? "_r" : "_l";
                const std::string where = std::string(preset) + " release " + std::to_string(release) + " side " + sx;
                for (std::size_t i = 0; i < contact.size(); ++i) {
                    const double gap = ellipsoid_gap(at.in_thorax(at(contact[i] + sx)), surf[k].centre, surf[k].radii);
                    const double moved_mm = (gap - rest[k][i]) * 1000.0;
                    if (i == 0) {  // trigonum: never leaves, never sinks in
                        EXPECT_LT(std::abs(moved_mm), 2.0) << contact[i] << " " << where;
                    } else {  // angles: may lift off (a little), never sink in
                        EXPECT_GT(moved_mm, -1.5) << contact[i] << " sinks into the ribs, " << where;
                        EXPECT_LT(moved_mm, 12.0) << contact[i] << " leaves the ribs, " << where;
                    }
                }
                // Sternoclavicular, acromioclavicular and glenohumeral joints stay closed (mm).
                EXPECT_LT(glm::length(at("sc_joint" + sx) - at("sc_sternum" + sx)) * 1000.0, 0.5) << where;
                EXPECT_LT(glm::length(at("ac_joint" + sx) - at("acromion_ac" + sx)) * 1000.0, 0.5) << where;
                EXPECT_LT(glm::length(at("humeral_head" + sx) - at("gh_glenoid" + sx)) * 1000.0, 0.5) << where;
            }
        }
    }
}

}  // namespace
}  // namespace myoview::sim::test
