#pragma once
// myoview-bake as a library: MJCF -> landmarks -> meshes -> binary glTF bytes -> file.
//
// Contract: the same MJCF gives the same bytes (no time stamps, no unordered iteration, no uninitialised
// bytes); errors come back as a Result with a message naming the file and the reason.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "myoview/base/result.h"
#include "myoview/meshgen/anatomy_mesh.h"

namespace myoview::meshgen {

// Writes the model as binary glTF 2.0 through Assimp's exporter (an aiScene built here, format "glb2"),
// converting myoview's z-up world to glTF's y-up. Assimp 5.2's glTF 2 exporter writes no TANGENT and its skin
// path rewrites joint indices through an out-of-bounds copy (glTF2::Buffer::ReplaceData_joint), so the
// meshes go to Assimp unskinned and a second pass over the GLB adds TANGENT, JOINTS_0, WEIGHTS_0 and the skin
// (joints = the MJCF bodies, inverse bind matrices = inverse rest frames) to the file Assimp wrote.
Result<std::vector<std::uint8_t>> export_glb(const AnatomyModel& model);

// The whole pipeline, in memory.
Result<std::vector<std::uint8_t>> bake_glb(const std::filesystem::path& mjcf_path);

// The whole pipeline, to a file (written to a temporary name, then renamed).
Status bake_to_file(const std::filesystem::path& mjcf_path, const std::filesystem::path& out_path);

}  // namespace myoview::meshgen
