#include <set>
#include <string_view>

#include "myoview/assets/model.h"

namespace myoview::assets {

void Bounds::extend(const glm::vec3& p) {
    if (empty) {
        min = p;
        max = p;
        empty = false;
        return;
    }
    min = glm::min(min, p);
    max = glm::max(max, p);
}

ModelStats compute_stats(const Model& model) {
    ModelStats stats;
    stats.meshes = model.meshes.size();
    std::set<std::string_view> bone_names;
    for (const Mesh& mesh : model.meshes) {
        stats.vertices += mesh.positions.size();
        stats.triangles += mesh.indices.size() / 3;
        for (const Bone& bone : mesh.bones) bone_names.insert(bone.name);
    }
    stats.bones = bone_names.size();
    return stats;
}

Bounds compute_bounds(const Model& model) {
    Bounds bounds;
    for (const Mesh& mesh : model.meshes) {
        for (const glm::vec3& p : mesh.positions) bounds.extend(p);
    }
    return bounds;
}

}  // namespace myoview::assets
