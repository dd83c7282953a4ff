#pragma once
// Model import through Assimp, bounded in time and memory.
//
// Contract: import_model never crashes, hangs or exhausts the caller's memory, whatever the file holds. By default
// the Assimp import runs in a child process with a memory limit and a deadline; a file that crashes, exceeds the
// limit or the deadline, or fails validation yields an Error whose message names the file and the reason.

#include <cstdint>
#include <filesystem>
#include <optional>

#include "myoview/assets/model.h"
#include "myoview/base/result.h"

namespace myoview::assets {

struct ImportOptions {
    bool isolate = true;                  // run Assimp in a child process (default); false: in-process (trusted files)
    std::optional<double> timeout_s{};    // wall-clock deadline for the child; default: import_deadline_s(file size)
    std::size_t memory_limit_mb = 4096;   // address-space limit of the child
    bool convert_y_up_to_z_up = false;    // glTF / most formats are y-up; myoview's world is z-up
};

Result<Model> import_model(const std::filesystem::path& path, const ImportOptions& options = {});

// The deadline an isolated import gets by default: in proportion to the file's size, so that a broken file of a few
// hundred bytes that sends Assimp into a loop is given up on within two seconds, while a large model gets the time
// it needs. 1.5 s (starting the child, Assimp's set-up, a slow shared machine) plus 2 s per MB: Assimp reads
// 10-100 MB/s on the 2-core CI machine, so a legitimate file finishes far inside it.
double import_deadline_s(std::uintmax_t file_bytes);

// Checks index ranges, NaN / Inf values, empty meshes, attribute array sizes, bone indices and weights.
Status validate(const Model& model);

}  // namespace myoview::assets
