#pragma once
// Fibre directions and skin weights of a muscle mesh, from its two attachment bands.
//
// Bands: the muscle's vertices within band * extent of its extreme along the attachment's `toward` direction.
// t = d_o / (d_o + d_i) per vertex, with d_o / d_i the distances over the surface (edge graph) to the origin /
// insertion band (straight-line distance for a piece that no band reaches). The fibre is the surface gradient of t
// (per triangle, area-averaged to the vertices, projected onto the tangent plane). Skin weights: each vertex's end
// bodies are the bodies whose bones lie nearest to the band vertex it is closest to (among that end's bodies), blended
// origin -> insertion by smoothstep(t), then Laplacian-smoothed with the band vertices held on their end's bodies.

#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "inputs.h"
#include "surface.h"

namespace myoview::bake {

// Nearest-body queries against the bone vertices of every body (a uniform grid).
class BoneProximity {
public:
    // points[i] belongs to body bodies[i].
    BoneProximity(std::vector<glm::vec3> points, std::vector<int> bodies, float cell);
    // The body among `allowed` with a bone vertex nearest to p; -1 when none of them has bones.
    int nearest_body(glm::vec3 p, const std::vector<int>& allowed) const;

private:
    std::size_t cell_index(glm::ivec3 c) const;
    std::vector<glm::vec3> points_;
    std::vector<int> bodies_;
    float cell_;
    glm::vec3 origin_{0.0f};
    glm::ivec3 dims_{1};
    std::vector<std::uint32_t> start_;  // CSR cells
    std::vector<std::uint32_t> items_;
};

// Vertices of the band of one attachment end.
std::vector<std::uint32_t> select_band(const std::vector<glm::vec3>& positions, glm::vec3 toward, float band);

struct MuscleRig {
    std::vector<float> t;                     // 0 at the origin band, 1 at the insertion band
    std::vector<glm::vec3> fibres;            // unit, tangent to the surface, origin -> insertion
    std::vector<std::vector<float>> weights;  // per vertex, over `bodies`
    std::vector<int> bodies;                  // body indices the weights refer to
    std::vector<std::uint32_t> origin_band;
    std::vector<std::uint32_t> insertion_band;
};

// origin_bodies / insertion_bodies: resolved body indices (at least one each).
Result<MuscleRig> rig_muscle(const TriMesh& mesh, const std::vector<glm::vec3>& normals, glm::vec3 origin_toward,
                             float origin_band, const std::vector<int>& origin_bodies, glm::vec3 insertion_toward,
                             float insertion_band, const std::vector<int>& insertion_bodies,
                             const BoneProximity& bones);

}  // namespace myoview::bake
