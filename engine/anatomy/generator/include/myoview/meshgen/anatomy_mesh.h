#pragma once
// The generated anatomy: one triangle mesh per structure id, in myoview's world frame (z up) at the MJCF
// rest pose, plus the body frames its skin weights refer to.
//
// Contract of every mesh: triangles wound counter-clockwise seen from outside, unit normals pointing outward,
// tangents = unit fibre direction (w = 1), colors = rgb base colour with ambient occlusion in alpha, up to four
// joints per vertex indexing AnatomyModel::bodies with weights summing to 1. Vertices are numbered in the order
// the index buffer first uses them (the glTF exporter's vertex joining then keeps that order).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/meshgen/landmarks.h"

namespace myoview::meshgen {

enum class StructureKind { bone, muscle, skin };

struct MeshData {
    std::string id;  // structure id: node and mesh name in the .glb
    StructureKind kind = StructureKind::bone;
    bool closed = true;  // every edge is shared by exactly two triangles
    glm::vec3 base_color{0.8f};
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec4> tangents;
    std::vector<glm::vec4> colors;
    std::vector<std::array<std::uint16_t, 4>> joints;
    std::vector<glm::vec4> weights;
    std::vector<std::uint32_t> indices;
};

struct AnatomyModel {
    std::vector<BodyFrame> bodies;  // skin joints, in MJCF order
    std::vector<MeshData> meshes;   // bones, then muscles, then the skin
};

// Structure ids of the contract (assets/anatomy/README.md).
const std::vector<std::string>& bone_ids();
const std::vector<std::string>& muscle_ids();  // with side suffix, both sides

// Builds every mesh from the landmarks. Deterministic: the same landmarks give the same numbers.
Result<AnatomyModel> generate_anatomy(const Landmarks& landmarks);

// Geometry checks shared by the generator and its tests.
double signed_volume(const MeshData& mesh);
std::size_t count_degenerate_triangles(const MeshData& mesh, double min_area);
// Edges not shared by exactly two triangles with opposite directions (0 for a closed, consistently wound mesh).
std::size_t count_open_or_misoriented_edges(const MeshData& mesh);

}  // namespace myoview::meshgen
