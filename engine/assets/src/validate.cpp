// validate(): the checks every Model must pass before it reaches the renderer. Each message names the mesh (by
// name and index) and the first offending element, so a user can find it in a modelling tool.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "myoview/assets/import.h"

namespace myoview::assets {
namespace {

// Weights within this distance of 1 are accepted; the importer renormalises, so only corrupt data misses it.
constexpr float kWeightSumTolerance = 1e-3f;

template <int N>
bool is_finite(const glm::vec<N, float>& v) {
    for (int i = 0; i < N; ++i) {
        if (!std::isfinite(v[i])) return false;
    }
    return true;
}

bool is_finite(const glm::mat4& m) {
    for (int c = 0; c < 4; ++c) {
        if (!is_finite(m[c])) return false;
    }
    return true;
}

template <int N>
std::string to_text(const glm::vec<N, float>& v) {
    std::string text = "(";
    for (int i = 0; i < N; ++i) {
        char buffer[32];
        std::snprintf(buffer, sizeof(buffer), "%g", static_cast<double>(v[i]));
        text += buffer;
        if (i + 1 < N) text += ", ";
    }
    return text + ")";
}

std::string mesh_label(const Mesh& mesh, std::size_t index) {
    return "mesh '" + mesh.name + "' (#" + std::to_string(index) + ")";
}

// Finds the first non-finite element of an attribute array; returns its index or npos.
template <typename T>
std::size_t first_non_finite(const std::vector<T>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!is_finite(values[i])) return i;
    }
    return std::string::npos;
}

template <typename T>
std::string check_attribute(const std::vector<T>& values, std::size_t vertex_count, bool required, const char* what) {
    if (values.empty() && !required) return {};
    if (values.size() != vertex_count) {
        return "has " + std::to_string(values.size()) + " " + what + "s for " + std::to_string(vertex_count) +
               " vertices (each vertex needs exactly one)";
    }
    if (std::size_t bad = first_non_finite(values); bad != std::string::npos) {
        return "vertex " + std::to_string(bad) + " has a non-finite " + what + " " + to_text(values[bad]);
    }
    return {};
}

std::string check_mesh(const Mesh& mesh) {
    const std::size_t vertex_count = mesh.positions.size();
    if (vertex_count == 0) return "has no vertices";
    if (mesh.indices.empty()) return "has no triangles";
    if (mesh.indices.size() % 3 != 0) {
        return "has " + std::to_string(mesh.indices.size()) + " indices, which is not a whole number of triangles";
    }
    for (std::size_t i = 0; i < mesh.indices.size(); ++i) {
        if (mesh.indices[i] >= vertex_count) {
            return "index " + std::to_string(i) + " refers to vertex " + std::to_string(mesh.indices[i]) +
                   ", but the mesh has only " + std::to_string(vertex_count) + " vertices";
        }
    }
    for (std::size_t level = 0; level < mesh.lods.size(); ++level) {
        const std::vector<uint32_t>& lod = mesh.lods[level];
        const std::string name = "level of detail " + std::to_string(level + 1);
        if (lod.empty() || lod.size() % 3 != 0) {
            return name + " has " + std::to_string(lod.size()) + " indices, which is not a whole number of triangles";
        }
        const auto bad = std::find_if(lod.begin(), lod.end(), [&](uint32_t i) { return i >= vertex_count; });
        if (bad != lod.end()) {
            return name + " refers to vertex " + std::to_string(*bad) + ", but the mesh has only " +
                   std::to_string(vertex_count) + " vertices";
        }
    }
    std::string problem;
    if (!(problem = check_attribute(mesh.positions, vertex_count, true, "position")).empty()) return problem;
    if (!(problem = check_attribute(mesh.normals, vertex_count, true, "normal")).empty()) return problem;
    if (!(problem = check_attribute(mesh.tangents, vertex_count, false, "tangent")).empty()) return problem;
    if (!(problem = check_attribute(mesh.colors, vertex_count, false, "colour")).empty()) return problem;
    if (!(problem = check_attribute(mesh.uvs, vertex_count, false, "texture coordinate")).empty()) return problem;
    if (!(problem = check_attribute(mesh.weights, vertex_count, false, "bone weight")).empty()) return problem;
    if (mesh.joints.size() != mesh.weights.size()) {
        return "has " + std::to_string(mesh.joints.size()) + " bone-index sets but " +
               std::to_string(mesh.weights.size()) + " bone-weight sets";
    }
    if (!mesh.joints.empty() && mesh.bones.empty()) return "has skin weights but no bones";
    for (std::size_t v = 0; v < mesh.joints.size(); ++v) {
        for (int k = 0; k < 4; ++k) {
            if (mesh.joints[v][k] >= mesh.bones.size()) {
                return "vertex " + std::to_string(v) + " refers to bone " + std::to_string(mesh.joints[v][k]) +
                       ", but the mesh has only " + std::to_string(mesh.bones.size()) + " bones";
            }
        }
        const glm::vec4& w = mesh.weights[v];
        if (w.x < 0.0f || w.y < 0.0f || w.z < 0.0f || w.w < 0.0f) {
            return "vertex " + std::to_string(v) + " has a negative bone weight " + to_text(w);
        }
        const float sum = w.x + w.y + w.z + w.w;
        if (std::fabs(sum - 1.0f) > kWeightSumTolerance) {
            return "the bone weights of vertex " + std::to_string(v) + " " + to_text(w) + " sum to " +
                   std::to_string(sum) + " instead of 1";
        }
    }
    for (std::size_t b = 0; b < mesh.bones.size(); ++b) {
        if (!is_finite(mesh.bones[b].offset)) {
            return "bone '" + mesh.bones[b].name + "' (#" + std::to_string(b) + ") has a non-finite offset matrix";
        }
    }
    if (!is_finite(mesh.base_color)) return "has a non-finite base colour " + to_text(mesh.base_color);
    return {};
}

std::string check_nodes(const Model& model) {
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node& node = model.nodes[i];
        const std::string label = "node '" + node.name + "' (#" + std::to_string(i) + ")";
        if (node.parent < -1 || node.parent >= static_cast<long long>(i)) {
            return label + " has parent " + std::to_string(node.parent) + ", which does not come before it";
        }
        if (!is_finite(node.local)) return label + " has a non-finite transform";
        for (int m : node.meshes) {
            if (m < 0 || static_cast<std::size_t>(m) >= model.meshes.size()) {
                return label + " refers to mesh " + std::to_string(m) + ", but the model has only " +
                       std::to_string(model.meshes.size()) + " meshes";
            }
        }
    }
    return {};
}

}  // namespace

Status validate(const Model& model) {
    const std::string prefix = model.source_path.empty() ? std::string() : model.source_path + ": ";
    if (model.meshes.empty()) {
        return Error(prefix + "the model has no triangle mesh to draw (points, lines and empty meshes are skipped)");
    }
    for (std::size_t i = 0; i < model.meshes.size(); ++i) {
        if (std::string problem = check_mesh(model.meshes[i]); !problem.empty()) {
            return Error(prefix + mesh_label(model.meshes[i], i) + " " + problem);
        }
    }
    if (std::string problem = check_nodes(model); !problem.empty()) return Error(prefix + problem);
    return Ok{};
}

}  // namespace myoview::assets
