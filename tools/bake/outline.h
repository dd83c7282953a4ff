#pragma once
// The translucent body outline `skin` (a shrink-wrap around the baked structures) and the ambient-occlusion bake.

#include <vector>

#include "mesh.h"

namespace myoview::bake {

inline constexpr glm::vec3 kSkinColor{0.86f, 0.72f, 0.63f};

// Horizontal rings around a trunk-neck-head axis and rings around each arm (shoulder to wrist, along the humerus and
// the forearm); each ring's radius per sector = the farthest structure in that sector + 9 mm, filled and smoothed.
// The trunk outline takes the skin binding of the nearest trunk structure (never an arm body), each sleeve that of
// the nearest arm structure, so the trunk stays put when an arm moves. `structures` are finished meshes (weights set).
MeshData build_skin_outline(const std::vector<BodyFrame>& bodies, const std::vector<MeshData>& structures);

// Per vertex, area-weighted disc occlusion from the surfaces of every bone and muscle within 4.5 cm in the normal's
// hemisphere (occluders pooled per 6 mm voxel, uniform grid, fixed order); stored in colors[].a, rounded to 1/1000.
void bake_ambient_occlusion(std::vector<MeshData>& meshes);

}  // namespace myoview::bake
