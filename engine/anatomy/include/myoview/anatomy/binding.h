#pragma once
// Id binding between the three sources of anatomy: the MJCF model (bodies, muscle actuators), the catalog and the
// mesh nodes of the visual model. Ids are the contract (assets/anatomy/README.md): the same string names the MJCF
// body or muscle, the catalog entry and the mesh node.
//
// Contract: reading an MJCF never crashes or aborts on a bad file; MuJoCo's error text comes back in the Error.
// bind() only compares id lists; it never fails, it reports.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "myoview/anatomy/catalog.h"
#include "myoview/base/result.h"

namespace myoview::anatomy {

// The ids an MJCF file declares, in model order.
struct MjcfIds {
    std::vector<std::string> bodies;    // named bodies, the world body excluded
    std::vector<std::string> muscles;   // names of actuators with muscle gain (MJCF <muscle> or equivalent general)
    std::vector<std::string> warnings;  // MuJoCo warnings raised while loading, and contract remarks (unnamed muscle)
    std::map<std::string, std::string, std::less<>> site_bodies;  // named site -> the body it is attached to
};

// Loads the MJCF through MuJoCo (mj_loadXML with an error buffer) and lists its ids. Errors: missing file, XML or
// compile errors (MuJoCo's text). MuJoCo warnings during the load are counted (see mujoco_warning_count) and
// returned in MjcfIds::warnings. MuJoCo's warning hook is process-global: the handler is installed for the duration
// of the load and the previous one restored, so call this from the thread that owns MuJoCo (the frame loop).
Result<MjcfIds> read_mjcf_ids(const std::filesystem::path& path);

// Convenience wrappers over read_mjcf_ids.
Result<std::vector<std::string>> mjcf_muscle_ids(const std::filesystem::path& path);
Result<std::vector<std::string>> mjcf_body_ids(const std::filesystem::path& path);

// MuJoCo warnings seen by this library's loads since the process started.
int mujoco_warning_count();

// What does not bind. Every list is sorted; an empty report means the three sources agree.
struct BindingReport {
    std::vector<std::string> mjcf_muscles_without_catalog;      // simulated muscle with no catalog entry
    std::vector<std::string> mjcf_muscles_not_catalog_muscles;  // catalog entry exists but its kind is not muscle
    std::vector<std::string> mjcf_muscles_without_mesh;         // simulated muscle with no mesh node
    std::vector<std::string> catalog_muscles_without_mjcf;      // catalog muscle that is not simulated
    std::vector<std::string> catalog_meshes_missing;            // catalog has_mesh, but no mesh node of that id
    std::vector<std::string> meshes_without_catalog;            // mesh node that names no catalog structure
    std::vector<std::string> bodies_missing;  // "id: body 'x'": a bone body or muscle span not in MJCF

    bool ok() const;
    // One human-readable line per problem, e.g. "MJCF muscle 'x_r' has no catalog entry".
    std::vector<std::string> describe() const;
};

BindingReport bind(const Catalog& catalog, const MjcfIds& mjcf, const std::vector<std::string>& mesh_nodes);

}  // namespace myoview::anatomy
