#pragma once
// The bake's inputs besides the meshes: structures.tsv (what ships), attachments.json (where each muscle attaches),
// the data folder's manifest.tsv (what each file must hash to) and the check of every file against it.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "mesh.h"
#include "myoview/base/result.h"

namespace myoview::bake {

// One row of structures.tsv.
struct StructureRow {
    std::string id;  // contract id (catalog, simulation, mesh node)
    std::string fma_id;
    StructureKind kind = StructureKind::bone;
    char side = 'M';   // R, L or M
    std::string body;  // bones: the MJCF body that carries it rigidly; empty for muscles
    std::string file;  // relative to the data folder, as in manifest.tsv
};

Result<std::vector<StructureRow>> read_structures(const std::filesystem::path& path);

// One row of manifest.tsv (the columns the bake uses).
struct ManifestEntry {
    std::string fma_id;
    std::string file;
    std::string sha256;
    std::string notes;
    glm::vec3 bbox_min{0.0f};  // millimetres, BodyParts3D frame
    glm::vec3 bbox_max{0.0f};
};
using Manifest = std::map<std::string, ManifestEntry>;

Result<Manifest> read_manifest(const std::filesystem::path& path);

// Lower-case hex SHA-256 of a file (OpenSSL EVP).
Result<std::string> sha256_file(const std::filesystem::path& path);

// Every file the structures name must be in the manifest, marked role=primary where the manifest has two files for
// the structure, present under data_dir and hash to the manifest's sha256. The error names the first bad file
// (expected and actual hash); details list every bad file.
Status verify_inputs(const std::filesystem::path& data_dir, const Manifest& manifest,
                     const std::vector<StructureRow>& structures);

// One end of a muscle in attachments.json.
struct AttachmentEnd {
    glm::vec3 toward{0.0f};           // unit direction in the world frame, for the right side (left mirrors y)
    std::string toward_text;          // as written
    float band = 0.15f;               // fraction of the muscle's extent along `toward`
    std::vector<std::string> bodies;  // MJCF bodies; "_s" suffix = the muscle's side
};
struct Attachment {
    AttachmentEnd origin;
    AttachmentEnd insertion;
};
using Attachments = std::map<std::string, Attachment>;  // by muscle base id (no _r / _l)

// Parses attachments.json. `toward`: words joined by '+' (anterior, posterior, superior, inferior, medial, lateral)
// in right-side anatomical terms, or a vector [x, y, z] in the world frame.
Result<Attachments> read_attachments(const std::filesystem::path& path);

// The muscle's base id: "pec_minor_r" -> "pec_minor".
std::string muscle_base_id(const std::string& id);
// "clavicle_s" -> "clavicle_r" for side 'R'; names without "_s" are returned unchanged.
std::string sided_body(const std::string& body, char side);
// The direction of an attachment end for a structure on `side` (the left side mirrors y).
glm::vec3 sided_direction(glm::vec3 right_side_direction, char side);

}  // namespace myoview::bake
