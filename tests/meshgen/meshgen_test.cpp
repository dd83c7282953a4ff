// The mesh generator: determinism (the committed .glb is what the generator produces), mesh quality, the id
// contract, skinning and the file's size.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "myoview/meshgen/anatomy_mesh.h"
#include "myoview/meshgen/bake.h"
#include "myoview/meshgen/landmarks.h"

namespace mg = myoview::meshgen;

namespace {

const std::filesystem::path kMjcf = std::filesystem::path(MYOVIEW_SOURCE_DIR) / "assets/anatomy/myoview.xml";
const std::filesystem::path kGlb = std::filesystem::path(MYOVIEW_SOURCE_DIR) / "assets/models/anatomy.glb";

std::vector<std::uint8_t> read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json glb_json(const std::vector<std::uint8_t>& glb) {
    if (glb.size() < 20) return {};
    std::uint32_t len = 0;
    std::memcpy(&len, glb.data() + 12, 4);
    return nlohmann::json::parse(glb.begin() + 20, glb.begin() + 20 + len);
}

// Generates once for all tests of this binary.
class Generated : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto lm = mg::load_mjcf_landmarks(kMjcf);
        ASSERT_TRUE(lm.has_value()) << lm.error().full_text();
        landmarks_ = new mg::Landmarks(lm.value());
        auto model = mg::generate_anatomy(*landmarks_);
        ASSERT_TRUE(model.has_value()) << model.error().full_text();
        model_ = new mg::AnatomyModel(std::move(model).value());
    }
    static void TearDownTestSuite() {
        delete model_;
        delete landmarks_;
        model_ = nullptr;
        landmarks_ = nullptr;
    }
    static const mg::MeshData* find(const std::string& id) {
        for (const auto& m : model_->meshes) {
            if (m.id == id) return &m;
        }
        return nullptr;
    }
    static mg::Landmarks* landmarks_;
    static mg::AnatomyModel* model_;
};
mg::Landmarks* Generated::landmarks_ = nullptr;
mg::AnatomyModel* Generated::model_ = nullptr;

}  // namespace

TEST(MeshgenDeterminism, CommittedGlbIsWhatTheGeneratorProduces) {
    auto bytes = mg::bake_glb(kMjcf);
    ASSERT_TRUE(bytes.has_value()) << bytes.error().full_text();
    const std::vector<std::uint8_t> committed = read_file(kGlb);
    ASSERT_FALSE(committed.empty()) << kGlb;
    EXPECT_EQ(bytes.value().size(), committed.size());
    EXPECT_TRUE(bytes.value() == committed) << "assets/models/anatomy.glb is stale: run myoview-bake and commit it";
}

TEST(MeshgenDeterminism, TwoRunsGiveIdenticalBytes) {
    auto a = mg::bake_glb(kMjcf);
    auto b = mg::bake_glb(kMjcf);
    ASSERT_TRUE(a.has_value() && b.has_value());
    EXPECT_TRUE(a.value() == b.value());
}

TEST(MeshgenFile, CommittedGlbIsSmall) {
    ASSERT_TRUE(std::filesystem::exists(kGlb));
    EXPECT_LT(std::filesystem::file_size(kGlb), 8u * 1024u * 1024u);
}

TEST(MeshgenFile, NodesMeshesAndSkinFollowTheContract) {
    nlohmann::json j = glb_json(read_file(kGlb));
    std::set<std::string> nodes;
    for (auto& n : j["nodes"]) nodes.insert(n.value("name", std::string()));
    std::set<std::string> meshes;
    for (auto& m : j["meshes"]) meshes.insert(m.value("name", std::string()));
    std::vector<std::string> ids = mg::bone_ids();
    ids.insert(ids.end(), mg::muscle_ids().begin(), mg::muscle_ids().end());
    ids.push_back("skin");
    for (const std::string& id : ids) {
        EXPECT_TRUE(nodes.count(id)) << "no node " << id;
        EXPECT_TRUE(meshes.count(id)) << "no mesh " << id;
    }
    for (const char* body :
         {"thorax", "neck", "head", "clavicle_r", "scapula_r", "humerus_r", "clavicle_l", "scapula_l", "humerus_l"}) {
        EXPECT_TRUE(nodes.count(body)) << "no joint node " << body;
    }
    ASSERT_EQ(j["skins"].size(), 1u);
    EXPECT_EQ(j["skins"][0]["joints"].size(), 9u);
    for (auto& m : j["meshes"]) {
        auto& attrs = m["primitives"][0]["attributes"];
        for (const char* a : {"POSITION", "NORMAL", "TANGENT", "COLOR_0", "JOINTS_0", "WEIGHTS_0"}) {
            EXPECT_TRUE(attrs.contains(a)) << m.value("name", std::string()) << " lacks " << a;
        }
    }
    for (auto& n : j["nodes"]) {
        if (n.contains("mesh")) {
            EXPECT_EQ(n.value("skin", -1), 0) << n.value("name", std::string());
        }
    }
}

TEST(MeshgenErrors, MissingFileIsAClearError) {
    auto r = mg::bake_glb("/nonexistent/myoview.xml");
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().message.find("/nonexistent/myoview.xml"), std::string::npos);
}

TEST(MeshgenErrors, MalformedMjcfIsAClearError) {
    const std::filesystem::path p = std::filesystem::temp_directory_path() / "meshgen_bad.xml";
    std::ofstream(p) << "<mujoco><worldbody><body name='x'></worldbody>";
    auto r = mg::bake_glb(p);
    ASSERT_FALSE(r.has_value());
    EXPECT_FALSE(r.error().message.empty());
    std::filesystem::remove(p);
}

TEST(MeshgenErrors, ModelWithoutTheLandmarksIsRejected) {
    const std::filesystem::path p = std::filesystem::temp_directory_path() / "meshgen_empty.xml";
    std::ofstream(p) << "<mujoco><worldbody><body name='thorax'><geom size='0.1'/></body></worldbody></mujoco>";
    auto r = mg::bake_glb(p);
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().message.find("lacks"), std::string::npos) << r.error().message;
    EXPECT_FALSE(r.error().details.empty());
    std::filesystem::remove(p);
}

TEST_F(Generated, EveryContractStructureHasAMesh) {
    for (const std::string& id : mg::bone_ids()) EXPECT_NE(find(id), nullptr) << id;
    for (const std::string& id : mg::muscle_ids()) EXPECT_NE(find(id), nullptr) << id;
    EXPECT_NE(find("skin"), nullptr);
    EXPECT_EQ(model_->meshes.size(), mg::bone_ids().size() + mg::muscle_ids().size() + 1);
}

TEST_F(Generated, NoDegenerateTriangles) {
    for (const auto& m : model_->meshes) {
        EXPECT_EQ(mg::count_degenerate_triangles(m, 1e-10), 0u) << m.id;
        EXPECT_EQ(m.indices.size() % 3, 0u) << m.id;
    }
}

TEST_F(Generated, ClosedConsistentlyWoundOutwardFacing) {
    for (const auto& m : model_->meshes) {
        EXPECT_TRUE(m.closed) << m.id;
        EXPECT_EQ(mg::count_open_or_misoriented_edges(m), 0u) << m.id << " is not watertight";
        EXPECT_GT(mg::signed_volume(m), 0.0) << m.id << " faces inward";
    }
}

TEST_F(Generated, VertexNormalsAgreeWithFaceWinding) {
    for (const auto& m : model_->meshes) {
        std::size_t agree = 0;
        const std::size_t tris = m.indices.size() / 3;
        for (std::size_t t = 0; t < tris; ++t) {
            const glm::vec3 a = m.positions[m.indices[3 * t]];
            const glm::vec3 b = m.positions[m.indices[3 * t + 1]];
            const glm::vec3 c = m.positions[m.indices[3 * t + 2]];
            const glm::vec3 fn = glm::cross(b - a, c - a);
            const glm::vec3 vn =
                m.normals[m.indices[3 * t]] + m.normals[m.indices[3 * t + 1]] + m.normals[m.indices[3 * t + 2]];
            if (glm::dot(fn, vn) > 0.0f) ++agree;
        }
        EXPECT_GE(static_cast<double>(agree), 0.98 * static_cast<double>(tris)) << m.id;
        for (const glm::vec3& n : m.normals) ASSERT_NEAR(glm::length(n), 1.0f, 1e-3f) << m.id;
    }
}

TEST_F(Generated, FibreDirectionsAreUnitTangents) {
    for (const auto& m : model_->meshes) {
        ASSERT_EQ(m.tangents.size(), m.positions.size()) << m.id;
        for (const glm::vec4& t : m.tangents) {
            ASSERT_NEAR(glm::length(glm::vec3(t)), 1.0f, 1e-3f) << m.id;
            ASSERT_EQ(t.w, 1.0f) << m.id;
        }
    }
}

TEST_F(Generated, ColorsCarryAmbientOcclusionInAlpha) {
    for (const auto& m : model_->meshes) {
        ASSERT_EQ(m.colors.size(), m.positions.size()) << m.id;
        for (const glm::vec4& c : m.colors) {
            ASSERT_GE(c.a, 0.2f) << m.id;
            ASSERT_LE(c.a, 1.0f) << m.id;
        }
    }
}

TEST_F(Generated, SkinWeightsSumToOneAndReferenceMjcfBodies) {
    for (const auto& m : model_->meshes) {
        ASSERT_EQ(m.joints.size(), m.positions.size()) << m.id;
        for (std::size_t i = 0; i < m.weights.size(); ++i) {
            const glm::vec4 w = m.weights[i];
            ASSERT_NEAR(w.x + w.y + w.z + w.w, 1.0f, 1e-4f) << m.id;
            for (int k = 0; k < 4; ++k) {
                ASSERT_GE(w[k], 0.0f);
                ASSERT_LT(m.joints[i][static_cast<std::size_t>(k)], model_->bodies.size()) << m.id;
            }
        }
    }
}

TEST_F(Generated, BonesAreRigidOnTheirBody) {
    for (const char* id : {"clavicle_r", "scapula_l", "humerus_r"}) {
        const mg::MeshData* m = find(id);
        ASSERT_NE(m, nullptr);
        const int body = landmarks_->body_index(id);
        for (std::size_t i = 0; i < m->joints.size(); ++i) {
            ASSERT_EQ(m->joints[i][0], body) << id;
            ASSERT_EQ(m->weights[i].x, 1.0f) << id;
        }
    }
}

TEST_F(Generated, MusclesBlendFromOriginBodyToInsertionBody) {
    const mg::MeshData* m = find("pec_minor_r");
    ASSERT_NE(m, nullptr);
    const auto thorax = static_cast<std::uint16_t>(landmarks_->body_index("thorax"));
    const auto scapula = static_cast<std::uint16_t>(landmarks_->body_index("scapula_r"));
    const glm::vec3 coracoid = landmarks_->site("coracoid_r");
    const glm::vec3 rib4 = landmarks_->site("rib4_r");
    auto weight_of = [&](std::size_t i, std::uint16_t body) {
        float w = 0.0f;
        for (std::size_t k = 0; k < 4; ++k) {
            if (m->joints[i][k] == body) w += m->weights[i][static_cast<glm::length_t>(k)];
        }
        return w;
    };
    std::size_t near_origin = 0;
    std::size_t near_insertion = 0;
    for (std::size_t i = 0; i < m->positions.size(); ++i) {
        if (glm::length(m->positions[i] - rib4) < 0.03f) {
            ++near_origin;
            EXPECT_GT(weight_of(i, thorax), 0.7f);
        }
        if (glm::length(m->positions[i] - coracoid) < 0.015f) {
            ++near_insertion;
            EXPECT_GT(weight_of(i, scapula), 0.7f);
        }
    }
    EXPECT_GT(near_origin, 0u);
    EXPECT_GT(near_insertion, 0u);
}

TEST_F(Generated, MuscleEndsLieAtTheirMjcfOriginAndInsertion) {
    for (const std::string& id : mg::muscle_ids()) {
        const mg::MeshData* m = find(id);
        ASSERT_NE(m, nullptr) << id;
        const auto path = landmarks_->muscle_path(id);
        ASSERT_GE(path.size(), 2u) << id << " has no MJCF path";
        for (const mg::Site* s : {path.front(), path.back()}) {
            float best = 1e9f;
            for (const glm::vec3& p : m->positions) best = std::min(best, glm::length(p - s->position));
            EXPECT_LT(best, 0.03f) << id << ": mesh is " << best << " m from " << s->name;
        }
    }
}

TEST_F(Generated, BuiltinLandmarksAlsoGenerate) {
    auto model = mg::generate_anatomy(mg::builtin_landmarks());
    ASSERT_TRUE(model.has_value()) << model.error().full_text();
    for (const auto& m : model.value().meshes) EXPECT_EQ(mg::count_open_or_misoriented_edges(m), 0u) << m.id;
}

// Muscles lie on the ribcage, never through it: in each horizontal slice of the ribcage, no muscle vertex lies
// well inside the ribs' outline (the farthest rib vertex in its direction from the slice's centre).
TEST_F(Generated, MusclesDoNotCutThroughTheRibcage) {
    const mg::MeshData* ribs = find("ribcage");
    ASSERT_NE(ribs, nullptr);
    float z_lo = 1e9f;
    float z_hi = -1e9f;
    for (const glm::vec3& p : ribs->positions) {
        z_lo = std::min(z_lo, p.z);
        z_hi = std::max(z_hi, p.z);
    }
    constexpr int kSlices = 24;
    constexpr int kSectors = 24;
    constexpr float kTwoPi = 6.2831853f;
    const float dz = (z_hi - z_lo) / static_cast<float>(kSlices);
    for (int s = 4; s < kSlices - 3; ++s) {  // the middle of the cage, where its outline is closed
        const float a = z_lo + dz * static_cast<float>(s);
        const float b = a + dz;
        glm::vec2 centre(0.0f);
        int n = 0;
        for (const glm::vec3& p : ribs->positions) {
            if (p.z >= a && p.z < b) {
                centre += glm::vec2(p.x, p.y);
                ++n;
            }
        }
        ASSERT_GT(n, 0);
        centre /= static_cast<float>(n);
        std::vector<float> outline(kSectors, 0.0f);
        auto sector = [&](glm::vec2 d) {
            float ang = std::atan2(d.y, d.x) / kTwoPi;
            ang -= std::floor(ang);
            return std::min(static_cast<int>(ang * kSectors), kSectors - 1);
        };
        for (const glm::vec3& p : ribs->positions) {
            if (p.z < a || p.z >= b) continue;
            const glm::vec2 d = glm::vec2(p.x, p.y) - centre;
            float& r = outline[static_cast<std::size_t>(sector(d))];
            r = std::max(r, glm::length(d));
        }
        for (const std::string& id : mg::muscle_ids()) {
            const mg::MeshData* m = find(id);
            ASSERT_NE(m, nullptr) << id;
            for (const glm::vec3& p : m->positions) {
                if (p.z < a || p.z >= b) continue;
                const glm::vec2 d = glm::vec2(p.x, p.y) - centre;
                const float r = outline[static_cast<std::size_t>(sector(d))];
                EXPECT_GT(glm::length(d), 0.85f * r) << id << " cuts into the ribcage at z " << p.z;
            }
        }
    }
}

// The body outline's trunk must stay put when an arm moves: no vertex near the midline follows a humerus.
TEST_F(Generated, TrunkOutlineDoesNotFollowTheArms) {
    const mg::MeshData* skin = find("skin");
    ASSERT_NE(skin, nullptr);
    const int hr = landmarks_->body_index("humerus_r");
    const int hl = landmarks_->body_index("humerus_l");
    for (std::size_t i = 0; i < skin->positions.size(); ++i) {
        if (std::abs(skin->positions[i].y) > 0.1f) continue;
        for (std::size_t k = 0; k < 4; ++k) {
            const int j = skin->joints[i][k];
            if (skin->weights[i][static_cast<glm::length_t>(k)] > 0.0f) {
                ASSERT_TRUE(j != hr && j != hl) << "skin vertex " << i << " near the midline follows a humerus";
            }
        }
    }
}
