// The id contract across the shipped assets: assets/anatomy/catalog.json, assets/anatomy/myoview.xml (MuJoCo) and
// assets/models/anatomy.glb (Assimp). A missing asset is a failure that says so, never a silent skip.

#include <optional>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contract_ids.h"
#include "myoview/anatomy/binding.h"
#include "myoview/assets/import.h"

namespace myoview::anatomy {
namespace {

using ::testing::IsEmpty;

constexpr const char* kMjcf = "assets/anatomy/myoview.xml";
constexpr const char* kGlb = "assets/models/anatomy.glb";

// Loaded once per test binary; each holds a value or the reason it could not be had.
struct Shipped {
    std::optional<Catalog> catalog;
    std::string catalog_error;
    std::optional<MjcfIds> mjcf;
    std::string mjcf_error;
    std::optional<std::vector<std::string>> mesh_nodes;
    std::set<std::string> skin_joints;
    std::string mesh_error;
};

const Shipped& shipped() {
    static const Shipped data = [] {
        Shipped s;
        if (auto c = Catalog::load(test::source_path("assets/anatomy/catalog.json")))
            s.catalog = std::move(c).value();
        else
            s.catalog_error = c.error().full_text();

        const std::filesystem::path mjcf = test::source_path(kMjcf);
        if (!std::filesystem::exists(mjcf)) {
            s.mjcf_error = std::string(kMjcf) + " missing (the MJCF model has not been committed yet)";
        } else if (auto ids = read_mjcf_ids(mjcf)) {
            s.mjcf = std::move(ids).value();
        } else {
            s.mjcf_error = ids.error().full_text();
        }

        const std::filesystem::path glb = test::source_path(kGlb);
        if (!std::filesystem::exists(glb)) {
            s.mesh_error = std::string(kGlb) + " missing (generate it with myoview-bake from the MJCF)";
        } else {
            assets::ImportOptions options;
            options.isolate = false;  // our own generated file: trusted, imported in-process
            if (auto model = assets::import_model(glb, options)) {
                std::vector<std::string> nodes;
                for (const auto& mesh : model->meshes) {
                    nodes.push_back(mesh.node_name);
                    for (const auto& bone : mesh.bones) s.skin_joints.insert(bone.name);
                }
                s.mesh_nodes = std::move(nodes);
            } else {
                s.mesh_error = "cannot import " + std::string(kGlb) + ": " + model.error().full_text();
            }
        }
        return s;
    }();
    return data;
}

#define REQUIRE_CATALOG() ASSERT_TRUE(shipped().catalog.has_value()) << shipped().catalog_error
#define REQUIRE_MJCF() ASSERT_TRUE(shipped().mjcf.has_value()) << shipped().mjcf_error
#define REQUIRE_MESHES() ASSERT_TRUE(shipped().mesh_nodes.has_value()) << shipped().mesh_error

std::set<std::string> as_set(const std::vector<std::string>& ids) {
    return {ids.begin(), ids.end()};
}

TEST(MjcfCrossCheck, LoadsWithoutWarnings) {
    REQUIRE_MJCF();
    EXPECT_THAT(shipped().mjcf->warnings, IsEmpty());
}

TEST(MjcfCrossCheck, DeclaresEveryContractBody) {
    REQUIRE_MJCF();
    const auto bodies = as_set(shipped().mjcf->bodies);
    for (const auto& body : test::kContractBodies) EXPECT_TRUE(bodies.contains(body)) << "MJCF lacks body " << body;
}

// The target model: the contract's 24 muscles on each side, no more and no fewer.
TEST(MjcfCrossCheck, SimulatesTheContractMuscles) {
    REQUIRE_MJCF();
    const auto muscles = as_set(shipped().mjcf->muscles);
    EXPECT_EQ(muscles, as_set(test::contract_muscle_ids()))
        << "the MJCF should simulate exactly the " << 2 * test::kContractMusclesPerSide
        << " muscles of tests/anatomy/contract_ids.h";
}

TEST(MjcfCrossCheck, EveryMjcfMuscleHasACatalogEntry) {
    REQUIRE_CATALOG();
    REQUIRE_MJCF();
    for (const auto& id : shipped().mjcf->muscles) {
        const Structure* s = shipped().catalog->find(id);
        ASSERT_NE(s, nullptr) << "MJCF muscle '" << id << "' has no catalog entry";
        EXPECT_EQ(s->kind, Kind::kMuscle) << id;
    }
}

TEST(MjcfCrossCheck, EveryCatalogMuscleIsSimulated) {
    REQUIRE_CATALOG();
    REQUIRE_MJCF();
    const auto muscles = as_set(shipped().mjcf->muscles);
    for (const auto& s : *shipped().catalog) {
        if (s.kind != Kind::kMuscle) continue;
        EXPECT_TRUE(muscles.contains(s.id)) << "catalog muscle '" << s.id << "' is not an MJCF <muscle>";
    }
}

TEST(MjcfCrossCheck, EveryCatalogBodyExists) {
    REQUIRE_CATALOG();
    REQUIRE_MJCF();
    const auto bodies = as_set(shipped().mjcf->bodies);
    for (const auto& s : *shipped().catalog) {
        if (s.kind == Kind::kBone) {
            EXPECT_TRUE(bodies.contains(s.body)) << "bone '" << s.id << "': body '" << s.body << "' not in the MJCF";
        }
        for (const auto& span : s.spans) {
            EXPECT_TRUE(bodies.contains(span)) << "muscle '" << s.id << "': span '" << span << "' not in the MJCF";
        }
    }
}

// A muscle's catalog spans name the bodies of its MJCF origin and insertion sites (<id>_o, <id>_i).
TEST(MjcfCrossCheck, SpansAreTheBodiesOfTheMuscleSites) {
    REQUIRE_CATALOG();
    REQUIRE_MJCF();
    const auto& site_bodies = shipped().mjcf->site_bodies;
    for (const auto& s : *shipped().catalog) {
        if (s.kind != Kind::kMuscle || s.spans.empty()) continue;
        const auto origin = site_bodies.find(s.id + "_o");
        const auto insertion = site_bodies.find(s.id + "_i");
        if (origin == site_bodies.end() || insertion == site_bodies.end()) {
            ADD_FAILURE() << "MJCF lacks site " << s.id << (origin == site_bodies.end() ? "_o" : "_i");
            continue;  // report every muscle, not only the first
        }
        EXPECT_EQ(s.spans.front(), origin->second) << s.id << ": origin site is on another body";
        EXPECT_EQ(s.spans.back(), insertion->second) << s.id << ": insertion site is on another body";
    }
}

TEST(MeshCrossCheck, EveryCatalogMeshExists) {
    REQUIRE_CATALOG();
    REQUIRE_MESHES();
    const auto nodes = as_set(*shipped().mesh_nodes);
    for (const auto& s : *shipped().catalog) {
        if (s.has_mesh) {
            EXPECT_TRUE(nodes.contains(s.id)) << "no mesh node named '" << s.id << "' in " << kGlb;
        }
    }
}

TEST(MeshCrossCheck, EveryMeshNodeHasACatalogEntry) {
    REQUIRE_CATALOG();
    REQUIRE_MESHES();
    for (const auto& node : *shipped().mesh_nodes) {
        EXPECT_NE(shipped().catalog->find(node), nullptr) << "mesh node '" << node << "' has no catalog entry";
    }
}

TEST(MeshCrossCheck, EveryMjcfMuscleHasAMesh) {
    REQUIRE_MJCF();
    REQUIRE_MESHES();
    const auto nodes = as_set(*shipped().mesh_nodes);
    for (const auto& id : shipped().mjcf->muscles) {
        EXPECT_TRUE(nodes.contains(id)) << "MJCF muscle '" << id << "' has no mesh node in " << kGlb;
    }
}

TEST(MeshCrossCheck, SkinJointsAreMjcfBodies) {
    REQUIRE_MJCF();
    REQUIRE_MESHES();
    const auto bodies = as_set(shipped().mjcf->bodies);
    // The meshes are skinned to the MJCF bodies (DESIGN.md); no joints at all would make this check vacuous.
    EXPECT_FALSE(shipped().skin_joints.empty()) << kGlb << " has no skin joints";
    for (const auto& joint : shipped().skin_joints) {
        EXPECT_TRUE(bodies.contains(joint)) << "skin joint '" << joint << "' is not an MJCF body";
    }
}

// The whole contract in one report, as the application would see it at start-up.
TEST(CrossCheck, BindReportIsClean) {
    REQUIRE_CATALOG();
    REQUIRE_MJCF();
    REQUIRE_MESHES();
    const auto report = bind(*shipped().catalog, *shipped().mjcf, *shipped().mesh_nodes);
    EXPECT_TRUE(report.ok()) << ::testing::PrintToString(report.describe());
}

}  // namespace
}  // namespace myoview::anatomy
