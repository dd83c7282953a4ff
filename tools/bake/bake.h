#pragma once
// myoview-bake as a library: BodyParts3D meshes + structures.tsv + attachments.json + the MJCF rest pose -> one
// binary glTF 2.0 file. Every step is deterministic: the same inputs and the same build give the same bytes.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "myoview/base/result.h"

namespace myoview::bake {

struct BakeOptions {
    std::filesystem::path data_dir;     // the BodyParts3D folder (manifest.tsv, bones/, muscles/, ...)
    std::filesystem::path mjcf;         // assets/anatomy/myoview.xml
    std::filesystem::path structures;   // tools/bake/structures.tsv
    std::filesystem::path attachments;  // tools/bake/attachments.json
};

// What happened to one structure.
struct StructureReport {
    std::string id;
    std::string group;            // decimation group (skull, spine, ribs, ...)
    float error_bound_mm = 0.0f;  // the group's error bound
    std::size_t source_triangles = 0;
    std::size_t fragments_dropped = 0;
    std::size_t fragment_triangles_dropped = 0;
    std::size_t holes_closed = 0;
    std::size_t open_edges = 0;  // shipped edges used by one triangle only (0: closed)
    std::size_t triangles = 0;   // shipped
    float error_mm = 0.0f;       // error meshoptimizer reached
    std::string attachments;     // muscles: band sizes and the bodies their vertices ride on
};

struct BakeResult {
    std::vector<std::uint8_t> glb;
    std::vector<StructureReport> structures;  // structures.tsv order, then the skin
    std::vector<std::string> warnings;        // one line each (a body the MJCF lacks, ...)
    std::size_t total_triangles = 0;
    std::vector<std::size_t> lod_triangles;   // per level of detail (lod.h), the whole model's triangles
};

Result<BakeResult> bake(const BakeOptions& options);

// The per-structure table and the totals per group, as printed by the tool.
std::string format_report(const BakeResult& result);

// Writes to a temporary name beside `path`, then renames.
Status write_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

}  // namespace myoview::bake
