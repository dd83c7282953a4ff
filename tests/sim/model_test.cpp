// The MJCF model against the id contract of assets/anatomy/README.md and MuJoCo 2.2.2.

#include <gtest/gtest.h>
#include <mujoco/mujoco.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "myoview/sim/simulation.h"
#include "sim_fixture.h"

namespace myoview::sim::test {
namespace {

const std::string kModelPath = std::string(MYOVIEW_SOURCE_DIR) + "/assets/anatomy/myoview.xml";

struct ModelDeleter {
    void operator()(mjModel* m) const { mj_deleteModel(m); }
};
struct DataDeleter {
    void operator()(mjData* d) const { mj_deleteData(d); }
};

// Landmark sites of the contract (README "Landmark sites"), `_r`/`_l` expanded.
std::vector<std::string> contract_landmarks() {
    std::vector<std::string> names = {"sternal_notch", "xiphoid",    "c7_spinous", "t1_spinous",
                                      "t2_spinous",    "t3_spinous", "t4_spinous", "t5_spinous",
                                      "t12_spinous",   "occiput",    "vertex",     "nasion"};
    for (const char* paired :
         {"tragus", "mastoid", "coracoid", "acromion", "acromion_posterior", "scapula_spine_root",
          "scapula_superior_angle", "scapula_inferior_angle", "glenoid", "humeral_head", "bicipital_groove",
          "deltoid_tuberosity", "epicondyle_lateral", "epicondyle_medial", "sc_joint", "rib3", "rib4", "rib5"}) {
        names.push_back(std::string(paired) + "_r");
        names.push_back(std::string(paired) + "_l");
    }
    return names;
}

class ModelTest : public MujocoQuietTest {
protected:
    void SetUp() override {
        MujocoQuietTest::SetUp();
        std::array<char, 1024> err{};
        model_.reset(mj_loadXML(kModelPath.c_str(), nullptr, err.data(), static_cast<int>(err.size())));
        ASSERT_NE(model_, nullptr) << err.data();
        EXPECT_STREQ(err.data(), "") << "compiler warning";
        data_.reset(mj_makeData(model_.get()));
        mj_forward(model_.get(), data_.get());
    }
    std::unique_ptr<mjModel, ModelDeleter> model_;
    std::unique_ptr<mjData, DataDeleter> data_;
};

TEST_F(ModelTest, CompilesWithZeroWarningsAndLoadsThroughTheSimulation) {
    EXPECT_EQ(model_->nu, 2 * static_cast<int>(kMuscleIds.size()));   // 24 per side
    EXPECT_EQ(model_->nbody, 1 + static_cast<int>(kBodyIds.size()));  // world + 11
    auto sim = Simulation::load(kModelPath);
    ASSERT_TRUE(sim.has_value()) << sim.error().full_text();
    EXPECT_EQ(sim->snapshot().warnings, 0);
}

TEST_F(ModelTest, EveryContractIdExists) {
    for (std::string_view body : kBodyIds) {
        EXPECT_GE(mj_name2id(model_.get(), mjOBJ_BODY, std::string(body).c_str()), 0) << body;
    }
    for (std::string_view base : kMuscleIds) {
        for (const char* side : {"_r", "_l"}) {
            const std::string id = std::string(base) + side;
            const int a = mj_name2id(model_.get(), mjOBJ_ACTUATOR, id.c_str());
            ASSERT_GE(a, 0) << id;
            EXPECT_EQ(model_->actuator_dyntype[a], mjDYN_MUSCLE) << id;
            const int t = mj_name2id(model_.get(), mjOBJ_TENDON, (id + "_path").c_str());
            ASSERT_GE(t, 0) << id << "_path";
            EXPECT_EQ(model_->actuator_trnid[2 * a], t) << id << " must act on " << id << "_path";
            for (const char* end : {"_o", "_i"}) {
                EXPECT_GE(mj_name2id(model_.get(), mjOBJ_SITE, (id + end).c_str()), 0) << id << end;
            }
        }
    }
    for (const std::string& site : contract_landmarks()) {
        EXPECT_GE(mj_name2id(model_.get(), mjOBJ_SITE, site.c_str()), 0) << site;
    }
}

TEST_F(ModelTest, TendonPathsRunThroughTheirSitesInOrder) {
    for (std::string_view base : kMuscleIds) {
        for (const char* side : {"_r", "_l"}) {
            const std::string id = std::string(base) + side;
            const int t = mj_name2id(model_.get(), mjOBJ_TENDON, (id + "_path").c_str());
            ASSERT_GE(t, 0);
            const int adr = model_->tendon_adr[t];
            const int num = model_->tendon_num[t];
            ASSERT_GE(num, 2);
            // Objects in order: _o, _v1, _v2 ..., _i.
            for (int k = 0; k < num; ++k) {
                ASSERT_EQ(model_->wrap_type[adr + k], mjWRAP_SITE) << id;
                const std::string expected = id + (k == 0 ? "_o" : k == num - 1 ? "_i" : "_v" + std::to_string(k));
                EXPECT_STREQ(mj_id2name(model_.get(), mjOBJ_SITE, model_->wrap_objid[adr + k]), expected.c_str());
            }
            // The computed path starts at the origin site and ends at the insertion site (within 3 mm).
            const int wadr = data_->ten_wrapadr[t];
            const int wnum = data_->ten_wrapnum[t];
            ASSERT_GE(wnum, 2);
            const int o = mj_name2id(model_.get(), mjOBJ_SITE, (id + "_o").c_str());
            const int i = mj_name2id(model_.get(), mjOBJ_SITE, (id + "_i").c_str());
            const mjtNum* first = data_->wrap_xpos + 3 * wadr;
            const mjtNum* last = data_->wrap_xpos + 3 * (wadr + wnum - 1);
            EXPECT_LT(mju_dist3(first, data_->site_xpos + 3 * o), 0.003) << id;
            EXPECT_LT(mju_dist3(last, data_->site_xpos + 3 * i), 0.003) << id;
        }
    }
}

TEST_F(ModelTest, MusclesUseLminZeroAndStoredLengthranges) {
    for (int a = 0; a < model_->nu; ++a) {
        EXPECT_EQ(model_->actuator_gainprm[mjNGAIN * a + 4], 0.0) << "lmin must be 0 (2.2.2 force-length bug)";
        EXPECT_GT(model_->actuator_lengthrange[2 * a + 1], model_->actuator_lengthrange[2 * a]);
        EXPECT_GT(model_->actuator_gainprm[mjNGAIN * a + 2], 0.0) << "F0 given explicitly";
    }
}

TEST_F(ModelTest, StoredLengthrangesMatchARecomputation) {
    // Strip the stored lengthrange attributes and let MuJoCo 2.2.2 compute them again (mode="muscle").
    std::ifstream in(kModelPath);
    std::stringstream text;
    text << in.rdbuf();
    const std::string stripped = std::regex_replace(text.str(), std::regex(R"( lengthrange="[^"]*")"), "");
    const auto tmp = std::filesystem::temp_directory_path() / "myoview_lengthrange_check.xml";
    {
        std::ofstream out(tmp);
        out << stripped;
    }
    // Sites and classes are self-contained in the file, so it compiles from any folder.
    std::array<char, 1024> err{};
    std::unique_ptr<mjModel, ModelDeleter> fresh(
        mj_loadXML(tmp.string().c_str(), nullptr, err.data(), static_cast<int>(err.size())));
    std::filesystem::remove(tmp);
    ASSERT_NE(fresh, nullptr) << err.data();
    for (int a = 0; a < model_->nu; ++a) {
        const double span = model_->actuator_lengthrange[2 * a + 1] - model_->actuator_lengthrange[2 * a];
        for (int k = 0; k < 2; ++k) {
            EXPECT_NEAR(fresh->actuator_lengthrange[2 * a + k], model_->actuator_lengthrange[2 * a + k], 0.1 * span)
                << mj_id2name(model_.get(), mjOBJ_ACTUATOR, a) << " — regenerate with engine/sim/tools";
        }
    }
}

TEST_F(ModelTest, RestPoseFrameIsTheDocumentedOne) {
    // The scan's frame mapped by x = -(Y + 140)/1000: the jugular notch lands within a few mm of x = 0, y = 0.
    const int notch = mj_name2id(model_.get(), mjOBJ_SITE, "sternal_notch");
    EXPECT_NEAR(data_->site_xpos[3 * notch + 0], 0.0, 0.01);
    EXPECT_NEAR(data_->site_xpos[3 * notch + 1], 0.0, 0.005);
    EXPECT_NEAR(data_->site_xpos[3 * notch + 2], 1.333, 0.005) << "BodyParts3D: the notch is ~1333 mm above the floor";
    for (int b = 1; b < model_->nbody; ++b) {  // no body is rotated at rest: rest frames are translations
        EXPECT_NEAR(data_->xquat[4 * b], 1.0, 1e-12) << mj_id2name(model_.get(), mjOBJ_BODY, b);
    }
    // Left and right are picked on their own meshes: close to mirror images, not exactly.
    const int ar = mj_name2id(model_.get(), mjOBJ_SITE, "acromion_r");
    const int al = mj_name2id(model_.get(), mjOBJ_SITE, "acromion_l");
    EXPECT_LT(data_->site_xpos[3 * ar + 1], 0.0) << "right is -y";
    EXPECT_NEAR(data_->site_xpos[3 * ar + 1], -data_->site_xpos[3 * al + 1], 0.005);
    // Every joint is limited (2.2.2 has no autolimits; lengthrange needs limits).
    for (int j = 0; j < model_->njnt; ++j)
        EXPECT_TRUE(model_->jnt_limited[j]) << mj_id2name(model_.get(), mjOBJ_JOINT, j);
    // The forearms are welded to the humeri.
    for (const char* f : {"forearm_r", "forearm_l"}) {
        const int b = mj_name2id(model_.get(), mjOBJ_BODY, f);
        ASSERT_GE(b, 0) << f;
        EXPECT_EQ(model_->body_jntnum[b], 0) << f;
    }
}

}  // namespace
}  // namespace myoview::sim::test
