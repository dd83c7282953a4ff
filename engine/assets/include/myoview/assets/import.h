#pragma once
// Model import through Assimp, bounded in time and memory.
//
// Contract: import_model never crashes, hangs or exhausts the caller's memory, whatever the file holds. By default
// the Assimp import runs in a child process with a memory limit and a deadline; a file that crashes, exceeds the
// limit or the deadline, or fails validation yields an Error whose message names the file and the reason.

#include <filesystem>

#include "myoview/assets/model.h"
#include "myoview/base/result.h"

namespace myoview::assets {

struct ImportOptions {
    bool isolate = true;                  // run Assimp in a child process (default); false: in-process (trusted files)
    double timeout_s = 20.0;              // wall-clock deadline for the child
    std::size_t memory_limit_mb = 4096;   // address-space limit of the child
    bool convert_y_up_to_z_up = false;    // glTF / most formats are y-up; myoview's world is z-up
};

Result<Model> import_model(const std::filesystem::path& path, const ImportOptions& options = {});

// Checks index ranges, NaN / Inf values, empty meshes, attribute array sizes, bone indices and weights.
Status validate(const Model& model);

}  // namespace myoview::assets
