// Imports small real files written by the tests and checks what the renderer relies on.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "myoview/assets/import.h"
#include "test_files.h"

namespace myoview::assets {
namespace {

using test_files::TempDir;

// The in-process path is tested here; AssetsIsolationTest checks that the child produces the same models.
const ImportOptions kInProcess{.isolate = false};

Model import_ok(const std::filesystem::path& file, const ImportOptions& options = kInProcess) {
    Result<Model> model = import_model(file, options);
    EXPECT_TRUE(model.has_value()) << (model ? "" : model.error().message);
    return model ? std::move(model).value() : Model{};
}

void expect_unit_normals(const Mesh& mesh) {
    ASSERT_EQ(mesh.normals.size(), mesh.positions.size());
    for (const glm::vec3& n : mesh.normals) EXPECT_NEAR(glm::length(n), 1.0f, 1e-4f);
}

// Every triangle's winding agrees with its vertex normals (front faces stay front after transforms).
void expect_winding_matches_normals(const Mesh& mesh) {
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const glm::vec3& a = mesh.positions[mesh.indices[i]];
        const glm::vec3& b = mesh.positions[mesh.indices[i + 1]];
        const glm::vec3& c = mesh.positions[mesh.indices[i + 2]];
        const glm::vec3 face = glm::cross(b - a, c - a);
        EXPECT_GT(glm::dot(face, mesh.normals[mesh.indices[i]]), 0.0f) << "triangle " << i / 3;
    }
}

const Node* find_node(const Model& model, const std::string& name) {
    auto it = std::find_if(model.nodes.begin(), model.nodes.end(), [&](const Node& n) { return n.name == name; });
    return it == model.nodes.end() ? nullptr : &*it;
}

TEST(AssetsImportTest, ObjCubeGetsSmoothUnitNormalsAndBounds) {
    TempDir dir;
    const Model model = import_ok(dir.write("cube.obj", test_files::cube_obj()));
    ASSERT_EQ(model.meshes.size(), 1u);
    const Mesh& mesh = model.meshes[0];
    EXPECT_EQ(mesh.indices.size(), 36u);   // 6 quads -> 12 triangles
    EXPECT_EQ(mesh.positions.size(), 8u);  // joined: the 8 corners, one smooth normal each
    expect_unit_normals(mesh);
    EXPECT_FALSE(model.bounds.empty);
    EXPECT_EQ(model.bounds.min, glm::vec3(0.0f));
    EXPECT_EQ(model.bounds.max, glm::vec3(1.0f));
    EXPECT_NEAR(model.bounds.radius(), std::sqrt(3.0f) / 2.0f, 1e-6f);
    EXPECT_NE(find_node(model, "Cube"), nullptr);
    EXPECT_EQ(mesh.node_name, "Cube");
    EXPECT_TRUE(mesh.joints.empty());
    EXPECT_TRUE(mesh.bones.empty());

    const ModelStats stats = compute_stats(model);
    EXPECT_EQ(stats.meshes, 1u);
    EXPECT_EQ(stats.vertices, 8u);
    EXPECT_EQ(stats.triangles, 12u);
    EXPECT_EQ(stats.bones, 0u);
}

TEST(AssetsImportTest, AsciiStlTetrahedronKeepsFacetNormals) {
    TempDir dir;
    const Model model = import_ok(dir.write("tetra.stl", test_files::tetrahedron_stl()));
    ASSERT_EQ(model.meshes.size(), 1u);
    const Mesh& mesh = model.meshes[0];
    EXPECT_EQ(mesh.indices.size() / 3, 4u);
    EXPECT_EQ(mesh.positions.size(), 12u);  // facet normals differ, so no corner is shared
    expect_unit_normals(mesh);
    expect_winding_matches_normals(mesh);
    EXPECT_EQ(model.bounds.min, glm::vec3(0.0f));
    EXPECT_EQ(model.bounds.max, glm::vec3(2.0f, 2.0f, 3.0f));
}

TEST(AssetsImportTest, AsciiPlyQuadIsTriangulatedAndKeepsColors) {
    TempDir dir;
    const Model model = import_ok(dir.write("quad.ply", test_files::colored_quad_ply()));
    ASSERT_EQ(model.meshes.size(), 1u);
    const Mesh& mesh = model.meshes[0];
    EXPECT_EQ(mesh.positions.size(), 4u);
    EXPECT_EQ(mesh.indices.size(), 6u);
    expect_unit_normals(mesh);
    for (const glm::vec3& n : mesh.normals) EXPECT_NEAR(std::fabs(n.z), 1.0f, 1e-5f);
    ASSERT_EQ(mesh.colors.size(), 4u);
    const bool has_red = std::any_of(mesh.colors.begin(), mesh.colors.end(), [](const glm::vec4& c) {
        return std::fabs(c.r - 1.0f) < 1e-3f && c.g < 1e-3f && c.b < 1e-3f;
    });
    EXPECT_TRUE(has_red);
    EXPECT_EQ(model.bounds.max, glm::vec3(4.0f, 2.0f, 0.0f));
}

TEST(AssetsImportTest, SkinnedGltfKeepsBindPoseBonesAndRenormalisedWeights) {
    TempDir dir;
    const Model model = import_ok(dir.write("arm.gltf", test_files::skinned_strip_gltf()));
    ASSERT_EQ(model.meshes.size(), 1u);
    const Mesh& mesh = model.meshes[0];
    EXPECT_EQ(mesh.name, "arm");
    EXPECT_EQ(mesh.node_name, "arm_skin");
    EXPECT_EQ(mesh.positions.size(), 6u);
    EXPECT_EQ(mesh.indices.size(), 12u);
    expect_unit_normals(mesh);
    // Bind pose: the node's x+5 translation is not baked into a skinned mesh.
    EXPECT_EQ(model.bounds.min, glm::vec3(0.0f));
    EXPECT_EQ(model.bounds.max, glm::vec3(1.0f, 2.0f, 0.0f));

    ASSERT_EQ(mesh.bones.size(), 2u);
    auto bone_index = [&](const std::string& name) {
        for (std::size_t i = 0; i < mesh.bones.size(); ++i) {
            if (mesh.bones[i].name == name) return static_cast<int>(i);
        }
        return -1;
    };
    const int upper = bone_index("upper");
    const int lower = bone_index("lower");
    ASSERT_GE(upper, 0);
    ASSERT_GE(lower, 0);
    EXPECT_NEAR(mesh.bones[static_cast<std::size_t>(lower)].offset[3][1], -1.0f, 1e-6f);
    EXPECT_NEAR(mesh.bones[static_cast<std::size_t>(upper)].offset[3][1], 0.0f, 1e-6f);

    ASSERT_EQ(mesh.joints.size(), 6u);
    ASSERT_EQ(mesh.weights.size(), 6u);
    for (std::size_t v = 0; v < 6; ++v) {
        const glm::vec4& w = mesh.weights[v];
        EXPECT_NEAR(w.x + w.y + w.z + w.w, 1.0f, 1e-5f) << "vertex " << v;
        EXPECT_GE(w.x, w.y);  // largest first
        const float y = mesh.positions[v].y;
        if (y < 0.5f) {
            EXPECT_EQ(static_cast<int>(mesh.joints[v].x), upper);
            EXPECT_NEAR(w.x, 1.0f, 1e-6f);
        } else if (y < 1.5f) {
            EXPECT_EQ(static_cast<int>(mesh.joints[v].x), upper);
            EXPECT_EQ(static_cast<int>(mesh.joints[v].y), lower);
            EXPECT_NEAR(w.x, 0.75f, 1e-5f);
            EXPECT_NEAR(w.y, 0.25f, 1e-5f);
        } else {
            EXPECT_EQ(static_cast<int>(mesh.joints[v].x), lower);
            EXPECT_NEAR(w.x, 1.0f, 1e-6f);
        }
    }

    for (const char* name : {"body", "arm_skin", "upper", "lower"}) EXPECT_NE(find_node(model, name), nullptr) << name;
    const Node* lower_node = find_node(model, "lower");
    ASSERT_NE(lower_node, nullptr);
    ASSERT_GE(lower_node->parent, 0);
    EXPECT_EQ(model.nodes[static_cast<std::size_t>(lower_node->parent)].name, "upper");
    EXPECT_NEAR(lower_node->local[3][1], 1.0f, 1e-6f);
    for (std::size_t i = 0; i < model.nodes.size(); ++i) EXPECT_LT(model.nodes[i].parent, static_cast<int>(i));
    const Node* skin_node = find_node(model, "arm_skin");
    ASSERT_NE(skin_node, nullptr);
    ASSERT_EQ(skin_node->meshes.size(), 1u);
    EXPECT_EQ(skin_node->meshes[0], 0);

    EXPECT_EQ(compute_stats(model).bones, 2u);
    EXPECT_TRUE(validate(model).has_value());
}

TEST(AssetsImportTest, StaticMeshGetsNodeTransformBaked) {
    TempDir dir;
    const Model model = import_ok(dir.write("tri.gltf", test_files::static_triangle_gltf(R"("translation":[10,0,0])")));
    ASSERT_EQ(model.meshes.size(), 1u);
    EXPECT_EQ(model.bounds.min, glm::vec3(10.0f, 0.0f, 0.0f));
    EXPECT_EQ(model.bounds.max, glm::vec3(11.0f, 1.0f, 0.0f));
    expect_unit_normals(model.meshes[0]);
}

TEST(AssetsImportTest, MirroringNodeTransformKeepsWindingConsistent) {
    TempDir dir;
    const Model model = import_ok(dir.write("mirror.gltf", test_files::static_triangle_gltf(R"("scale":[-1,1,1])")));
    ASSERT_EQ(model.meshes.size(), 1u);
    EXPECT_EQ(model.bounds.min, glm::vec3(-1.0f, 0.0f, 0.0f));
    expect_unit_normals(model.meshes[0]);
    expect_winding_matches_normals(model.meshes[0]);
}

TEST(AssetsImportTest, YUpToZUpConversionRotatesStaticAndSkinnedMeshes) {
    TempDir dir;
    ImportOptions options = kInProcess;
    options.convert_y_up_to_z_up = true;
    const Model tri = import_ok(dir.write("tri.gltf", test_files::static_triangle_gltf("")), options);
    EXPECT_EQ(tri.bounds.min, glm::vec3(0.0f, 0.0f, 0.0f));
    EXPECT_EQ(tri.bounds.max, glm::vec3(1.0f, 0.0f, 1.0f));  // +y became +z

    const Model arm = import_ok(dir.write("arm.gltf", test_files::skinned_strip_gltf()), options);
    ASSERT_EQ(arm.meshes.size(), 1u);
    EXPECT_NEAR(arm.bounds.max.z, 2.0f, 1e-6f);
    // Skinning identity at bind pose: bone global * offset maps each converted vertex onto itself.
    for (const Bone& bone : arm.meshes[0].bones) {
        const Node* node = find_node(arm, bone.name);
        ASSERT_NE(node, nullptr) << bone.name;
        glm::mat4 global(1.0f);
        for (int i = static_cast<int>(node - arm.nodes.data()); i >= 0;
             i = arm.nodes[static_cast<std::size_t>(i)].parent) {
            global = arm.nodes[static_cast<std::size_t>(i)].local * global;
        }
        const glm::mat4 skin = global * bone.offset;
        for (int c = 0; c < 4; ++c) {
            for (int r = 0; r < 4; ++r) EXPECT_NEAR(skin[c][r], c == r ? 1.0f : 0.0f, 1e-5f) << bone.name;
        }
    }
}

TEST(AssetsImportTest, MissingDirectoryAndEmptyFilesGiveClearErrors) {
    TempDir dir;
    const auto missing = import_model(dir.path() / "nope.obj");
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().message, (dir.path() / "nope.obj").string() + ": file not found");

    const auto directory = import_model(dir.path());
    ASSERT_FALSE(directory.has_value());
    EXPECT_NE(directory.error().message.find("not a regular file"), std::string::npos) << directory.error().message;

    const auto empty_file = dir.write("empty.obj", "");
    const auto empty = import_model(empty_file);
    ASSERT_FALSE(empty.has_value());
    EXPECT_EQ(empty.error().message, empty_file.string() + ": the file is empty");

    const auto empty_path = import_model("");
    ASSERT_FALSE(empty_path.has_value());
}

TEST(AssetsImportTest, FifoIsNotARegularFileAndSymlinksAreFollowed) {
    TempDir dir;
    const auto fifo = dir.path() / "pipe.obj";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto from_fifo = import_model(fifo);  // must not block waiting for a writer
    ASSERT_FALSE(from_fifo.has_value());
    EXPECT_EQ(from_fifo.error().message, fifo.string() + ": not a regular file");

    const auto target = dir.write("cube.obj", test_files::cube_obj());
    const auto link = dir.path() / "link.obj";
    std::filesystem::create_symlink(target, link);
    const auto linked = import_model(link);
    ASSERT_TRUE(linked.has_value()) << linked.error().message;
    EXPECT_EQ(compute_stats(linked.value()).triangles, 12u);
}

TEST(AssetsImportTest, UnreadableFileGivesClearError) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
    TempDir dir;
    const auto file = dir.write("locked.obj", test_files::cube_obj());
    std::filesystem::permissions(file, std::filesystem::perms::none);
    const auto result = import_model(file);
    ASSERT_FALSE(result.has_value());
    EXPECT_NE(result.error().message.find("cannot be read"), std::string::npos) << result.error().message;
}

TEST(AssetsImportTest, UnknownFormatAndGarbageReportAssimpsReason) {
    TempDir dir;
    for (bool isolate : {false, true}) {
        ImportOptions options;
        options.isolate = isolate;
        const auto file = dir.write("garbage.xyzzy", "this is not a model\n");
        const auto result = import_model(file, options);
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().message.rfind(file.string() + ": ", 0), 0u) << result.error().message;
    }
}

TEST(AssetsImportTest, LinesOnlyFileHasNothingToDraw) {
    TempDir dir;
    const auto file = dir.write("lines.obj", "v 0 0 0\nv 1 0 0\nv 1 1 0\nl 1 2 3\n");
    const auto result = import_model(file, kInProcess);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().message.rfind(file.string() + ": ", 0), 0u) << result.error().message;
}

TEST(AssetsBoundsTest, ExtendStartsEmptyAndGrows) {
    Bounds b;
    EXPECT_TRUE(b.empty);
    EXPECT_EQ(b.radius(), 0.0f);
    b.extend(glm::vec3(1.0f, -2.0f, 3.0f));
    EXPECT_FALSE(b.empty);
    EXPECT_EQ(b.min, glm::vec3(1.0f, -2.0f, 3.0f));
    EXPECT_EQ(b.max, glm::vec3(1.0f, -2.0f, 3.0f));
    b.extend(glm::vec3(-1.0f, 2.0f, 0.0f));
    EXPECT_EQ(b.min, glm::vec3(-1.0f, -2.0f, 0.0f));
    EXPECT_EQ(b.max, glm::vec3(1.0f, 2.0f, 3.0f));
    EXPECT_EQ(b.center(), glm::vec3(0.0f, 0.0f, 1.5f));
}

TEST(AssetsStatsTest, BonesAreCountedByDistinctName) {
    Model model;
    model.meshes.resize(2);
    model.meshes[0].bones = {Bone{"a", {}}, Bone{"b", {}}};
    model.meshes[1].bones = {Bone{"b", {}}, Bone{"c", {}}};
    model.meshes[0].positions.resize(3);
    model.meshes[0].indices = {0, 1, 2};
    EXPECT_EQ(compute_stats(model).bones, 3u);
    EXPECT_EQ(compute_stats(model).triangles, 1u);
    EXPECT_EQ(compute_stats(model).vertices, 3u);
}

}  // namespace
}  // namespace myoview::assets
