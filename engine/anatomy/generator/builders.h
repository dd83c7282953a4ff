#pragma once
// Builders of the individual structures (private to the generator).

#include <vector>

#include "myoview/meshgen/anatomy_mesh.h"
#include "skeleton_model.h"

namespace myoview::meshgen {

inline constexpr glm::vec3 kBoneColor{0.89f, 0.85f, 0.74f};
inline constexpr glm::vec3 kCartilageColor{0.80f, 0.83f, 0.84f};
inline constexpr glm::vec3 kMuscleColor{0.66f, 0.17f, 0.15f};
inline constexpr glm::vec3 kTendonColor{0.88f, 0.84f, 0.76f};
inline constexpr glm::vec3 kSkinColor{0.86f, 0.72f, 0.63f};
// The scapular blade rides this far outside the rib surface (room for serratus anterior beneath it).
inline constexpr float kBladeClearance = 0.016f;

const std::vector<SideInfo>& sides();  // right, then left

std::vector<MeshData> build_bones(const SkeletonModel& sk);
std::vector<MeshData> build_muscles(const SkeletonModel& sk);
MeshData build_skin(const SkeletonModel& sk, const std::vector<MeshData>& structures);
// Bakes ambient occlusion into colors[].a of every mesh (the skin excluded from the occluders).
void bake_ambient_occlusion(std::vector<MeshData>& meshes);

}  // namespace myoview::meshgen
