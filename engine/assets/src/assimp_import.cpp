#include "assimp_import.h"
#include "glb_lods.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <new>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <assimp/config.h>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>

namespace myoview::assets::detail {
namespace {

// Post-processing, and why each step is on:
// - Triangulate: the renderer draws triangle lists only; polygons and quads are split.
// - SortByPType (+ AI_CONFIG_PP_SBP_REMOVE points|lines): splits mixed meshes by primitive type and drops point
//   and line primitives, which have no surface to shade.
// - JoinIdenticalVertices: most formats (OBJ, STL, PLY) store vertices per face; indexing them shrinks the GPU
//   buffers and is what GenSmoothNormals needs to average across faces.
// - GenSmoothNormals: normals only where the file has none (Assimp leaves existing normals alone).
// - LimitBoneWeights: at most 4 weights per vertex (AI_CONFIG_PP_LBW_MAX_WEIGHTS), the skinning shader's limit;
//   the importer renormalises and keeps the 4 largest as well, in case a file bypasses it.
// - ValidateDataStructure: rejects scenes with out-of-range indices and similar before we read them.
// - FindInvalidData: removes zeroed / NaN normal and UV arrays so GenSmoothNormals replaces them.
// - FlipUVs: texture origin top-left, as Vulkan samples (Assimp otherwise presents OpenGL's bottom-left).
// - RemoveRedundantMaterials: cheap, fewer material names to report.
// Not on: PreTransformVertices (would destroy skins; node transforms are baked here for static meshes only),
// CalcTangentSpace (tangents are kept only where the file has them: myoview's meshes store fibre directions),
// MakeLeftHanded (the renderer is right-handed), FindDegenerates (would change counts of valid thin meshes).
constexpr unsigned int kPostProcess = aiProcess_Triangulate | aiProcess_SortByPType | aiProcess_JoinIdenticalVertices |
                                      aiProcess_GenSmoothNormals | aiProcess_LimitBoneWeights |
                                      aiProcess_ValidateDataStructure | aiProcess_FindInvalidData | aiProcess_FlipUVs |
                                      aiProcess_RemoveRedundantMaterials;

constexpr int kMaxWeightsPerVertex = 4;

glm::mat4 to_glm(const aiMatrix4x4& m) {
    // Assimp stores row-major (a1..a4 is the first row); glm is column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
}

glm::vec3 to_glm(const aiVector3D& v) {
    return {v.x, v.y, v.z};
}

std::string to_string(const aiString& s) {
    return std::string(s.C_Str(), s.length);
}

// y-up -> z-up: a rotation of +90 degrees about x, so that +y becomes +z and +z becomes -y.
const glm::mat4 kYUpToZUp(1.0f, 0.0f, 0.0f, 0.0f,   // column 0: x stays x
                          0.0f, 0.0f, 1.0f, 0.0f,   // column 1: y -> z
                          0.0f, -1.0f, 0.0f, 0.0f,  // column 2: z -> -y
                          0.0f, 0.0f, 0.0f, 1.0f);

// A normal that cannot be normalised (zero length in the file) becomes +z rather than NaN.
glm::vec3 safe_normalize(const glm::vec3& v, const glm::vec3& fallback) {
    const float length = glm::length(v);
    return (std::isfinite(length) && length > 1e-20f) ? v / length : fallback;
}

struct MeshInstanceContext {
    const aiScene& scene;
    const std::string& node_name;
    glm::mat4 transform;  // applied to static meshes (node global, plus axis conversion); skinned: axis only
};

void read_material(const aiScene& scene, const aiMesh& source, Mesh& mesh) {
    if (source.mMaterialIndex >= scene.mNumMaterials || scene.mMaterials == nullptr) return;
    const aiMaterial* material = scene.mMaterials[source.mMaterialIndex];
    if (material == nullptr) return;
    aiString name;
    if (material->Get(AI_MATKEY_NAME, name) == aiReturn_SUCCESS) mesh.material_name = to_string(name);
    aiColor4D color;
    if (material->Get(AI_MATKEY_BASE_COLOR, color) == aiReturn_SUCCESS ||
        material->Get(AI_MATKEY_COLOR_DIFFUSE, color) == aiReturn_SUCCESS) {
        mesh.base_color = glm::vec4(color.r, color.g, color.b, color.a);
    }
}

// Bone weights: keeps the 4 largest per vertex and renormalises them to sum 1. A vertex no bone influences is
// bound fully to bone 0 so that it still has a valid skin (glTF forbids such vertices; other formats allow them).
Status read_skin(const std::string& file, const aiMesh& source, Mesh& mesh) {
    const std::size_t vertex_count = source.mNumVertices;
    std::vector<std::array<std::pair<float, uint32_t>, kMaxWeightsPerVertex>> slots(vertex_count);
    for (auto& s : slots) s.fill({0.0f, 0u});
    mesh.bones.reserve(source.mNumBones);
    for (unsigned int b = 0; b < source.mNumBones; ++b) {
        const aiBone* bone = source.mBones[b];
        if (bone == nullptr) continue;
        const auto bone_index = static_cast<uint32_t>(mesh.bones.size());
        mesh.bones.push_back(Bone{to_string(bone->mName), to_glm(bone->mOffsetMatrix)});
        for (unsigned int w = 0; w < bone->mNumWeights; ++w) {
            const aiVertexWeight& vw = bone->mWeights[w];
            if (!std::isfinite(vw.mWeight)) {
                return Error(file + ": mesh '" + mesh.name + "': bone '" + mesh.bones.back().name +
                             "' has a non-finite weight for vertex " + std::to_string(vw.mVertexId));
            }
            if (vw.mVertexId >= vertex_count || vw.mWeight <= 0.0f) continue;
            auto& vertex_slots = slots[vw.mVertexId];
            auto smallest = std::min_element(vertex_slots.begin(), vertex_slots.end());
            if (vw.mWeight > smallest->first) *smallest = {vw.mWeight, bone_index};
        }
    }
    mesh.joints.resize(vertex_count);
    mesh.weights.resize(vertex_count);
    for (std::size_t v = 0; v < vertex_count; ++v) {
        auto& vertex_slots = slots[v];
        // Largest first, so that joints.x is the dominant bone (useful for picking and debugging).
        std::sort(vertex_slots.begin(), vertex_slots.end(), [](const auto& a, const auto& b) { return a > b; });
        float sum = 0.0f;
        for (const auto& s : vertex_slots) sum += s.first;
        if (!(sum > 0.0f)) {
            mesh.joints[v] = glm::uvec4(0u);
            mesh.weights[v] = glm::vec4(1.0f, 0.0f, 0.0f, 0.0f);
            continue;
        }
        for (int k = 0; k < kMaxWeightsPerVertex; ++k) {
            mesh.joints[v][k] = vertex_slots[static_cast<std::size_t>(k)].second;
            mesh.weights[v][k] = vertex_slots[static_cast<std::size_t>(k)].first / sum;
        }
    }
    return Ok{};
}

Result<Mesh> convert_mesh(const std::string& file, const MeshInstanceContext& context, const aiMesh& source) {
    Mesh mesh;
    mesh.name = source.mName.length > 0 ? to_string(source.mName) : context.node_name;
    mesh.node_name = context.node_name;
    read_material(context.scene, source, mesh);

    const bool skinned = source.HasBones();
    const glm::mat4& transform = context.transform;
    const glm::mat3 linear(transform);
    const glm::mat3 normal_matrix = glm::transpose(glm::inverse(linear));
    const bool mirrored = glm::determinant(linear) < 0.0f;

    const std::size_t vertex_count = source.mNumVertices;
    if (source.mVertices != nullptr) {
        mesh.positions.resize(vertex_count);
        for (std::size_t v = 0; v < vertex_count; ++v) {
            mesh.positions[v] = glm::vec3(transform * glm::vec4(to_glm(source.mVertices[v]), 1.0f));
        }
    }
    if (source.mNormals != nullptr) {
        mesh.normals.resize(vertex_count);
        for (std::size_t v = 0; v < vertex_count; ++v) {
            const glm::vec3 n = to_glm(source.mNormals[v]);
            // NaN stays NaN so that validate() reports the corrupt file; only zero length gets the fallback.
            mesh.normals[v] =
                std::isfinite(n.x + n.y + n.z) ? safe_normalize(normal_matrix * n, glm::vec3(0, 0, 1)) : n;
        }
    }
    if (source.mTangents != nullptr && source.mNormals != nullptr) {
        mesh.tangents.resize(vertex_count);
        for (std::size_t v = 0; v < vertex_count; ++v) {
            const glm::vec3 t = safe_normalize(linear * to_glm(source.mTangents[v]), glm::vec3(1, 0, 0));
            float handedness = 1.0f;
            if (source.mBitangents != nullptr) {
                const glm::vec3 b = linear * to_glm(source.mBitangents[v]);
                handedness = glm::dot(glm::cross(mesh.normals[v], t), b) < 0.0f ? -1.0f : 1.0f;
            }
            mesh.tangents[v] = glm::vec4(t, handedness);
        }
    }
    if (source.mColors[0] != nullptr) {
        mesh.colors.resize(vertex_count);
        for (std::size_t v = 0; v < vertex_count; ++v) {
            const aiColor4D& c = source.mColors[0][v];
            mesh.colors[v] = glm::vec4(c.r, c.g, c.b, c.a);
        }
    }
    if (source.mTextureCoords[0] != nullptr) {
        mesh.uvs.resize(vertex_count);
        for (std::size_t v = 0; v < vertex_count; ++v) {
            mesh.uvs[v] = glm::vec2(source.mTextureCoords[0][v].x, source.mTextureCoords[0][v].y);
        }
    }
    mesh.indices.reserve(static_cast<std::size_t>(source.mNumFaces) * 3);
    for (unsigned int f = 0; f < source.mNumFaces; ++f) {
        const aiFace& face = source.mFaces[f];
        if (face.mNumIndices != 3 || face.mIndices == nullptr) continue;  // SortByPType removed the others
        // A mirroring transform turns the winding around; swap to keep front faces front.
        mesh.indices.push_back(face.mIndices[0]);
        mesh.indices.push_back(face.mIndices[mirrored ? 2 : 1]);
        mesh.indices.push_back(face.mIndices[mirrored ? 1 : 2]);
    }
    if (skinned) {
        if (Status skin = read_skin(file, source, mesh); !skin) return skin.error();
        // The axis conversion was applied to the bind-pose vertices; undo it on the bone side so skinning
        // (global_bone * offset * v) sees the same bind pose.
        const glm::mat4 inverse_transform = glm::inverse(transform);
        for (Bone& bone : mesh.bones) bone.offset = bone.offset * inverse_transform;
    }
    return mesh;
}

Result<Model> convert_scene(const std::string& file, const aiScene& scene, const ImportOptions& options) {
    Model model;
    model.source_path = file;
    if (scene.mRootNode == nullptr) return Error(file + ": the file holds no scene");

    const glm::mat4 axis = options.convert_y_up_to_z_up ? kYUpToZUp : glm::mat4(1.0f);
    // Skinned meshes are shared by every node that references them (their vertices do not depend on the node);
    // static meshes get one copy per referencing node, with that node's transform baked in.
    std::unordered_map<unsigned int, int> skinned_mesh_index;
    std::unordered_set<const aiNode*> visited;  // a corrupt file could make the node graph cyclic

    struct Pending {
        const aiNode* node;
        int parent;
        glm::mat4 parent_global;
    };
    std::vector<Pending> stack{{scene.mRootNode, -1, axis}};
    while (!stack.empty()) {
        const Pending item = stack.back();
        stack.pop_back();
        if (item.node == nullptr || !visited.insert(item.node).second) continue;

        const auto node_index = static_cast<int>(model.nodes.size());
        Node node;
        node.name = to_string(item.node->mName);
        node.parent = item.parent;
        node.local = to_glm(item.node->mTransformation);
        if (item.parent < 0) node.local = axis * node.local;
        const glm::mat4 global = item.parent_global * to_glm(item.node->mTransformation);

        for (unsigned int i = 0; i < item.node->mNumMeshes; ++i) {
            const unsigned int source_index = item.node->mMeshes[i];
            if (source_index >= scene.mNumMeshes || scene.mMeshes[source_index] == nullptr) continue;
            const aiMesh& source = *scene.mMeshes[source_index];
            if ((source.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) == 0) continue;
            if (source.HasBones()) {
                if (auto found = skinned_mesh_index.find(source_index); found != skinned_mesh_index.end()) {
                    node.meshes.push_back(found->second);
                    continue;
                }
            }
            const MeshInstanceContext context{scene, node.name, source.HasBones() ? axis : global};
            Result<Mesh> mesh = convert_mesh(file, context, source);
            if (!mesh) return mesh.error();
            const auto mesh_index = static_cast<int>(model.meshes.size());
            if (source.HasBones()) skinned_mesh_index.emplace(source_index, mesh_index);
            model.meshes.push_back(std::move(mesh).value());
            node.meshes.push_back(mesh_index);
        }
        model.nodes.push_back(std::move(node));
        // Push children in reverse so that they come out in file order: depth-first, parents before children.
        for (unsigned int c = item.node->mNumChildren; c > 0; --c) {
            if (item.node->mChildren != nullptr) stack.push_back({item.node->mChildren[c - 1], node_index, global});
        }
    }
    model.bounds = compute_bounds(model);
    return model;
}

}  // namespace

Result<Model> import_with_assimp(const std::filesystem::path& path, const ImportOptions& options) {
    const std::string file = path.string();
    try {
        Assimp::Importer importer;
        importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
        importer.SetPropertyInteger(AI_CONFIG_PP_LBW_MAX_WEIGHTS, kMaxWeightsPerVertex);
        // Without this Assimp invents a stick-figure mesh for skeleton-only files (BVH and the like).
        importer.SetPropertyBool(AI_CONFIG_IMPORT_NO_SKELETON_MESHES, true);
        const aiScene* scene = importer.ReadFile(file, kPostProcess);
        if (scene == nullptr) {
            std::string reason = importer.GetErrorString();
            if (reason.empty()) reason = "Assimp could not read the file";
            // SortByPType removed every mesh: Assimp's words alone do not tell the user why.
            if (reason == "No meshes remaining") reason += " (the file holds only points or lines, nothing to draw)";
            return Error(file + ": " + reason);
        }
        Result<Model> model = convert_scene(file, *scene, options);
        if (!model) return model;
        if (Status lods = attach_glb_lods(path, model.value()); !lods) return lods.error();
        if (Status valid = validate(model.value()); !valid) return valid.error();
        return model;
    } catch (const std::bad_alloc&) {
        return Error(file + ": ran out of memory while importing");
    } catch (const std::exception& e) {
        return Error(file + ": the importer failed: " + e.what());
    }
}

}  // namespace myoview::assets::detail
