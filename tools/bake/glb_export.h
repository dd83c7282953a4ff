#pragma once
// Writes the baked model as binary glTF 2.0.
//
// Assimp's exporter (an aiScene built here, format "glb2") writes the meshes and materials. Assimp 5.2's glTF 2
// exporter writes no TANGENT and its skin path copies uninitialised bytes into the file and can write past its buffer
// (glTF2::Buffer::ReplaceData_joint), so the meshes go to Assimp unskinned and a second pass over the GLB adds
// TANGENT, JOINTS_0, WEIGHTS_0, the inverse bind matrices and the skin, and writes the node hierarchy the glTF
// specification asks of a skinned model: the joint nodes (named by the MJCF bodies, in the MJCF hierarchy, rest
// pose as translation + rotation) under one root node `anatomy`; every structure's mesh on its own root node with no
// transform (a skinned mesh ignores its node's transform and its parents'). myoview's z-up world becomes glTF's y-up
// here only: (x, y, z) -> (x, z, -y).
//
// Deterministic: no time stamps, no unordered iteration, every padding byte written, the JSON re-serialised by
// nlohmann (sorted keys).

#include <cstdint>
#include <vector>

#include "mesh.h"
#include "myoview/base/result.h"

namespace myoview::bake {

Result<std::vector<std::uint8_t>> export_glb(const BakedModel& model);

}  // namespace myoview::bake
