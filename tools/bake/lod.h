#pragma once
// Levels of detail: coarser index lists over a finished mesh's own vertices (meshopt_simplify only collapses edges
// onto existing vertices, so a level needs no vertex data of its own: skin weights, fibres, colours and normals stay
// those of the full mesh). The viewer picks one per mesh and frame by its error in pixels (engine/render).

#include <cstdint>
#include <vector>

#include "mesh.h"

namespace myoview::bake {

struct LodLevel {
    float target_share;  // of the full mesh's triangles: stop there ...
    float max_error_m;   // ... or at this error (metres), whichever comes first
};

// The levels every mesh gets, finest first. The error bounds are engine/assets' kLodErrorBoundM (the renderer selects
// by them; the bake test checks the shipped levels against them).
inline constexpr LodLevel kLodLevels[] = {{0.35f, 0.0010f}, {0.12f, 0.0030f}};

// Fills mesh.lods (one index list per level, each simplified from the previous one, vertex-cache ordered) and
// mesh.lod_errors_m (measured: the farthest vertex of the full mesh from the level's surface, metres, within the
// level's max_error_m). A level that would not drop at least 10 % of the triangles of the one before is not worth its
// index buffer and ends the list (the mesh then has fewer levels).
void build_lods(MeshData& mesh);

}  // namespace myoview::bake
