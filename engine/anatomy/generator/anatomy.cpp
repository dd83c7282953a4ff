#include <algorithm>
#include <cmath>

#include "builders.h"
#include "myoview/meshgen/anatomy_mesh.h"

namespace myoview::meshgen {

const std::vector<std::string>& bone_ids() {
    static const std::vector<std::string> kIds = {"sternum",    "ribcage",    "thoracic_spine", "cervical_spine",
                                                  "skull",      "clavicle_r", "scapula_r",      "humerus_r",
                                                  "clavicle_l", "scapula_l",  "humerus_l"};
    return kIds;
}

const std::vector<std::string>& muscle_ids() {
    static const std::vector<std::string> kIds = [] {
        const std::vector<std::string> base = {
            "pec_major_clavicular", "pec_major_sternal", "pec_major_costal",    "pec_minor",
            "rhomboid_major",       "rhomboid_minor",    "trapezius_upper",     "trapezius_middle",
            "trapezius_lower",      "deltoid_anterior",  "deltoid_middle",      "deltoid_posterior",
            "levator_scapulae",     "serratus_anterior", "sternocleidomastoid", "splenius_capitis"};
        std::vector<std::string> ids;
        for (const char* side : {"_r", "_l"}) {
            for (const std::string& b : base) ids.push_back(b + side);
        }
        return ids;
    }();
    return kIds;
}

Result<AnatomyModel> generate_anatomy(const Landmarks& landmarks) {
    const std::vector<std::string> missing = missing_required(landmarks);
    if (!missing.empty()) {
        Error e("the anatomy model " + landmarks.source + " lacks " + std::to_string(missing.size()) +
                " bodies/sites the mesh generator needs");
        e.details = missing;
        return e;
    }
    const SkeletonModel sk(landmarks);
    AnatomyModel model;
    model.bodies = landmarks.bodies;
    model.meshes = build_bones(sk);
    for (MeshData& m : build_muscles(sk)) model.meshes.push_back(std::move(m));
    for (const MeshData& m : model.meshes) {
        for (const glm::vec3& p : m.positions) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
                return Error("mesh generation produced a non-finite vertex in " + m.id + " (coincident landmarks in " +
                             landmarks.source + "?)");
            }
        }
    }
    model.meshes.push_back(build_skin(sk, model.meshes));
    bake_ambient_occlusion(model.meshes);
    return model;
}

double signed_volume(const MeshData& mesh) {
    double vol = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a(mesh.positions[mesh.indices[t]]);
        const glm::dvec3 b(mesh.positions[mesh.indices[t + 1]]);
        const glm::dvec3 c(mesh.positions[mesh.indices[t + 2]]);
        vol += glm::dot(a, glm::cross(b, c));
    }
    return vol / 6.0;
}

std::size_t count_degenerate_triangles(const MeshData& mesh, double min_area) {
    std::size_t n = 0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a(mesh.positions[mesh.indices[t]]);
        const glm::dvec3 b(mesh.positions[mesh.indices[t + 1]]);
        const glm::dvec3 c(mesh.positions[mesh.indices[t + 2]]);
        if (0.5 * glm::length(glm::cross(b - a, c - a)) < min_area) ++n;
    }
    return n;
}

std::size_t count_open_or_misoriented_edges(const MeshData& mesh) {
    // Each directed edge must appear once, and its reverse once.
    std::vector<std::uint64_t> directed;
    directed.reserve(mesh.indices.size());
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        for (std::size_t k = 0; k < 3; ++k) {
            const std::uint64_t a = mesh.indices[t + k];
            const std::uint64_t b = mesh.indices[t + (k + 1) % 3];
            directed.push_back(a << 32 | b);
        }
    }
    std::sort(directed.begin(), directed.end());
    std::size_t bad = 0;
    for (std::size_t i = 0; i < directed.size(); ++i) {
        if (i + 1 < directed.size() && directed[i + 1] == directed[i]) ++bad;  // duplicated directed edge
        const std::uint64_t rev = (directed[i] & 0xffffffffu) << 32 | (directed[i] >> 32);
        if (!std::binary_search(directed.begin(), directed.end(), rev)) ++bad;
    }
    return bad;
}

}  // namespace myoview::meshgen
