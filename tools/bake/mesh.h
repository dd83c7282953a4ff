#pragma once
// The baked anatomy in memory: one triangle mesh per structure id, in myoview's world frame (metres, x anterior,
// y left, z up) at the MJCF rest pose, plus the body frames its skin weights refer to.
//
// Contract of every finished mesh: triangles wound counter-clockwise seen from outside, unit normals, tangents =
// unit fibre direction (w = 1; bones and the skin carry a unit vector too), colors = rgb base colour with ambient
// occlusion in alpha, up to four joints per vertex indexing BakedModel::bodies with weights summing to exactly 1
// (multiples of 1/1024, largest first). Vertices are unique and numbered in the order the index buffer first uses
// them, so Assimp's exporter (which always joins identical vertices) keeps them as they are.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace myoview::bake {

enum class StructureKind { bone, muscle, skin };

struct MeshData {
    std::string id;  // structure id: node and mesh name in the .glb
    StructureKind kind = StructureKind::bone;
    glm::vec3 base_color{0.8f};
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec4> tangents;
    std::vector<glm::vec4> colors;
    std::vector<std::array<std::uint8_t, 4>> joints;
    std::vector<glm::vec4> weights;
    std::vector<std::uint32_t> indices;
    // Coarser levels of detail over the same vertices, finest first (lod.h); exported as MSFT_lod levels.
    std::vector<std::vector<std::uint32_t>> lods;
    std::vector<float> lod_errors_m;  // each level's farthest vertex of the full mesh from its surface, metres

    std::size_t triangle_count() const { return indices.size() / 3; }
};

// A body of the MJCF model at its rest pose (qpos0).
struct BodyFrame {
    std::string name;
    int parent = -1;                                // index into the body list; -1: attached to the world
    glm::vec3 position{0.0f};                       // world position
    glm::quat orientation{1.0f, 0.0f, 0.0f, 0.0f};  // world orientation (w, x, y, z)
};

struct BakedModel {
    std::vector<BodyFrame> bodies;  // skin joints, in MJCF order
    std::vector<MeshData> meshes;   // structures.tsv order, then the skin
};

}  // namespace myoview::bake
