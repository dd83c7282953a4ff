#include "lod.h"

#include <iterator>

#include <meshoptimizer.h>

namespace myoview::bake {

void build_lods(MeshData& mesh) {
    mesh.lods.clear();
    mesh.lod_errors_m.clear();
    if (mesh.positions.empty() || mesh.indices.empty()) return;
    const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
    if (!(scale > 0.0f)) return;
    mesh.lods.reserve(std::size(kLodLevels));  // `previous` points into it
    const std::vector<std::uint32_t>* previous = &mesh.indices;
    float spent = 0.0f;  // error of the previous level against the full mesh
    for (const LodLevel& level : kLodLevels) {
        const auto target = static_cast<std::size_t>(static_cast<float>(mesh.indices.size() / 3) * level.target_share);
        std::vector<std::uint32_t> out(previous->size());
        float relative = 0.0f;
        // Simplified from the previous level with what is left of this level's bound (errors add up), so the levels
        // nest and each stays within its bound of the full mesh.
        const float budget = level.max_error_m - spent;
        if (!(budget > 0.0f)) break;
        const std::size_t count = meshopt_simplify(out.data(), previous->data(), previous->size(),
                                                   &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3),
                                                   target * 3, budget / scale, 0, &relative);
        if (count == 0 || count * 10 > previous->size() * 9) break;
        out.resize(count);
        std::vector<std::uint32_t> ordered(count);
        meshopt_optimizeVertexCache(ordered.data(), out.data(), count, mesh.positions.size());
        mesh.lods.push_back(std::move(ordered));
        spent += relative * scale;
        mesh.lod_errors_m.push_back(spent);
        previous = &mesh.lods.back();
    }
}

}  // namespace myoview::bake
