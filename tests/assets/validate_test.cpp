// validate() on hand-built models: each defect is rejected with a message that names the mesh and the fault.

#include <gtest/gtest.h>

#include <limits>

#include "myoview/assets/import.h"

namespace myoview::assets {
namespace {

Model good_model() {
    Model model;
    model.source_path = "hand.gltf";
    Mesh mesh;
    mesh.name = "tri";
    mesh.node_name = "tri_node";
    mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    mesh.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
    mesh.indices = {0, 1, 2};
    mesh.bones = {Bone{"root", glm::mat4(1.0f)}, Bone{"tip", glm::mat4(1.0f)}};
    mesh.joints = {glm::uvec4(0), glm::uvec4(0, 1, 0, 0), glm::uvec4(1, 0, 0, 0)};
    mesh.weights = {{1, 0, 0, 0}, {0.5f, 0.5f, 0, 0}, {1, 0, 0, 0}};
    model.meshes.push_back(mesh);
    model.nodes.push_back(Node{"tri_node", -1, glm::mat4(1.0f), {0}});
    return model;
}

// Expects validate() to fail with a message containing every one of `parts`.
void expect_rejected(const Model& model, std::initializer_list<const char*> parts) {
    const Status status = validate(model);
    ASSERT_FALSE(status.has_value());
    for (const char* part : parts) {
        EXPECT_NE(status.error().message.find(part), std::string::npos)
            << "message: " << status.error().message << "\nmissing: " << part;
    }
}

TEST(AssetsValidateTest, AcceptsAWellFormedModel) {
    const Status status = validate(good_model());
    EXPECT_TRUE(status.has_value()) << (status ? "" : status.error().message);
}

TEST(AssetsValidateTest, RejectsIndexOutOfRange) {
    Model model = good_model();
    model.meshes[0].indices[2] = 7;
    expect_rejected(model, {"hand.gltf: ", "mesh 'tri' (#0)", "refers to vertex 7", "only 3 vertices"});
}

TEST(AssetsValidateTest, RejectsNaNAndInfinity) {
    Model nan_position = good_model();
    nan_position.meshes[0].positions[1].y = std::numeric_limits<float>::quiet_NaN();
    expect_rejected(nan_position, {"mesh 'tri' (#0)", "vertex 1", "non-finite position"});

    Model inf_normal = good_model();
    inf_normal.meshes[0].normals[2].z = std::numeric_limits<float>::infinity();
    expect_rejected(inf_normal, {"vertex 2", "non-finite normal"});

    Model nan_uv = good_model();
    nan_uv.meshes[0].uvs = {{0, 0}, {0, 0}, {std::numeric_limits<float>::quiet_NaN(), 0}};
    expect_rejected(nan_uv, {"vertex 2", "non-finite texture coordinate"});

    Model nan_offset = good_model();
    nan_offset.meshes[0].bones[1].offset[3][0] = std::numeric_limits<float>::quiet_NaN();
    expect_rejected(nan_offset, {"bone 'tip'", "non-finite offset"});

    Model nan_weight = good_model();
    nan_weight.meshes[0].weights[0].x = std::numeric_limits<float>::quiet_NaN();
    expect_rejected(nan_weight, {"vertex 0", "non-finite bone weight"});
}

TEST(AssetsValidateTest, RejectsEmptyMeshes) {
    Model no_vertices = good_model();
    no_vertices.meshes[0] = Mesh{};
    no_vertices.meshes[0].name = "ghost";
    expect_rejected(no_vertices, {"mesh 'ghost' (#0)", "has no vertices"});

    Model no_triangles = good_model();
    no_triangles.meshes[0].indices.clear();
    expect_rejected(no_triangles, {"mesh 'tri' (#0)", "has no triangles"});

    Model partial_triangle = good_model();
    partial_triangle.meshes[0].indices.push_back(0);
    expect_rejected(partial_triangle, {"4 indices", "not a whole number of triangles"});
}

TEST(AssetsValidateTest, RejectsAModelWithNothingToDraw) {
    Model model;
    model.source_path = "empty.fbx";
    expect_rejected(model, {"empty.fbx: ", "no triangle mesh"});
}

TEST(AssetsValidateTest, RejectsMismatchedAttributeArrays) {
    Model normals = good_model();
    normals.meshes[0].normals.pop_back();
    expect_rejected(normals, {"mesh 'tri' (#0)", "has 2 normals for 3 vertices"});

    Model colors = good_model();
    colors.meshes[0].colors = {{1, 1, 1, 1}};
    expect_rejected(colors, {"has 1 colours for 3 vertices"});

    Model tangents = good_model();
    tangents.meshes[0].tangents.resize(5);
    expect_rejected(tangents, {"has 5 tangents for 3 vertices"});

    Model joints = good_model();
    joints.meshes[0].joints.pop_back();
    expect_rejected(joints, {"2 bone-index sets but 3 bone-weight sets"});
}

TEST(AssetsValidateTest, RejectsBadBoneIndicesAndWeights) {
    Model bad_index = good_model();
    bad_index.meshes[0].joints[1].y = 5;
    expect_rejected(bad_index, {"mesh 'tri' (#0)", "vertex 1 refers to bone 5", "only 2 bones"});

    Model no_bones = good_model();
    no_bones.meshes[0].bones.clear();
    expect_rejected(no_bones, {"skin weights but no bones"});

    Model bad_sum = good_model();
    bad_sum.meshes[0].weights[1] = {0.5f, 0.2f, 0.0f, 0.0f};
    expect_rejected(bad_sum, {"vertex 1", "sum to 0.7"});

    Model negative = good_model();
    negative.meshes[0].weights[1] = {1.5f, -0.5f, 0.0f, 0.0f};
    expect_rejected(negative, {"vertex 1", "negative bone weight"});
}

TEST(AssetsValidateTest, RejectsBadNodes) {
    Model bad_mesh_ref = good_model();
    bad_mesh_ref.nodes[0].meshes = {3};
    expect_rejected(bad_mesh_ref, {"node 'tri_node' (#0)", "refers to mesh 3"});

    Model bad_parent = good_model();
    bad_parent.nodes[0].parent = 0;
    expect_rejected(bad_parent, {"node 'tri_node' (#0)", "does not come before it"});
}

TEST(AssetsValidateTest, NamesTheRightMeshAmongSeveral) {
    Model model = good_model();
    Mesh second = model.meshes[0];
    second.name = "second";
    second.positions[0].x = std::numeric_limits<float>::infinity();
    model.meshes.push_back(second);
    expect_rejected(model, {"mesh 'second' (#1)", "vertex 0"});
}

}  // namespace
}  // namespace myoview::assets
