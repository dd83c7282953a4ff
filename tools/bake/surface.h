#pragma once
// Triangle-mesh steps of the bake: import a data file, weld, drop stray fragments, convert the frame, decimate,
// orient outward, order vertices, smooth normals. Every step is deterministic (no hash-map iteration, no clocks).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/base/result.h"

namespace myoview::bake {

struct TriMesh {
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;
    std::size_t triangle_count() const { return indices.size() / 3; }
};

// Reads every triangle of an OBJ or GLB file through Assimp with node transforms applied
// (aiProcess_PreTransformVertices: the data's GLB files keep glTF's y-up vertices under a root node that rotates them
// back), so that OBJ and GLB land in the same frame. Millimetres, BodyParts3D frame (+X left, +Y posterior, +Z up).
Result<TriMesh> import_source(const std::filesystem::path& path);

glm::vec3 bounds_min(const TriMesh& mesh);
glm::vec3 bounds_max(const TriMesh& mesh);

// Merges vertices closer than `tolerance` on every axis (so that no two vertices are left a few float steps apart,
// which Assimp's exporter would join), then those with identical positions, and removes triangles that collapse or
// repeat.
void weld(TriMesh& mesh, float tolerance);

struct FragmentReport {
    std::size_t components_kept = 0;
    std::size_t components_dropped = 0;
    std::size_t triangles_dropped = 0;
};
// Drops connected components (triangles sharing vertices) with fewer than `min_vertices` vertices or less than
// `min_fraction` of the triangles; the largest component always stays.
FragmentReport drop_fragments(TriMesh& mesh, std::size_t min_vertices, double min_fraction);

// BodyParts3D millimetres (+X left, +Y posterior, +Z superior) -> myoview metres (x anterior, y left, z up):
// x = -(Y + 140) / 1000, y = X / 1000, z = Z / 1000. The 140 mm put the jugular notch on x = 0. A rotation about z
// (no mirror), so the winding is kept.
glm::vec3 data_to_world(glm::vec3 p_mm);
void to_world(TriMesh& mesh);

// meshoptimizer's meshopt_simplify to an absolute error bound (metres, converted with meshopt_simplifyScale); never
// below `min_triangles`. Returns the error reached, in metres.
float decimate(TriMesh& mesh, float max_error_m, std::size_t min_triangles);

// Edges used by one triangle only, and edges used by more than two or twice in the same direction.
struct EdgeReport {
    std::size_t boundary = 0;
    std::size_t non_manifold = 0;
};
EdgeReport edge_report(const TriMesh& mesh);

// Closes every boundary loop of at most `max_loop` edges with a fan around its centroid (a new vertex), so that
// small holes of the data do not show through back-face culling. Returns the loops closed.
std::size_t close_small_holes(TriMesh& mesh, std::size_t max_loop);

// Makes the winding consistent across each connected component (breadth-first over shared edges) and outward: the
// component's signed volume about its centroid positive. Returns the number of triangles flipped.
std::size_t orient_outward(TriMesh& mesh);
double signed_volume(const TriMesh& mesh);

// Vertex-cache order of the triangles (meshopt_optimizeVertexCache), then vertices renumbered in first-use order
// with unused ones removed. `remap` (optional) receives old -> new (UINT32_MAX: removed).
void order_for_export(TriMesh& mesh, std::vector<std::uint32_t>* remap = nullptr);

// Angle-weighted vertex normals (unit; +z where undefined).
std::vector<glm::vec3> smooth_normals(const TriMesh& mesh);

// Vertex adjacency (sorted neighbour lists) over the triangle edges.
std::vector<std::vector<std::uint32_t>> vertex_neighbours(const TriMesh& mesh);

}  // namespace myoview::bake
