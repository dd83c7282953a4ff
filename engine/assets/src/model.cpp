#include <algorithm>
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

Result<SkinLayout> skin_layout(const Model& model, std::size_t max_bones) {
    SkinLayout layout;
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        const Mesh& mesh = model.meshes[m];
        if (mesh.positions.empty() || mesh.indices.empty()) continue;
        std::vector<uint32_t> map;
        for (const Bone& bone : mesh.bones) {
            auto it = std::find(layout.bone_names.begin(), layout.bone_names.end(), bone.name);
            if (it == layout.bone_names.end()) {
                if (layout.bone_names.size() >= max_bones) {
                    return Error("the model " + model.source_path + " has more than " + std::to_string(max_bones) +
                                 " skin joints, more than myoview can animate");
                }
                it = layout.bone_names.insert(layout.bone_names.end(), bone.name);
            }
            map.push_back(static_cast<uint32_t>(it - layout.bone_names.begin()));
        }
        layout.skinned.push_back(!map.empty() && mesh.joints.size() == mesh.positions.size() &&
                                 mesh.weights.size() == mesh.positions.size());
        layout.joint_map.push_back(std::move(map));
        layout.drawable.push_back(m);
    }
    if (layout.drawable.empty()) return Error("the model " + model.source_path + " has no drawable triangles");
    return layout;
}

Bounds compute_bounds(const Model& model) {
    Bounds bounds;
    for (const Mesh& mesh : model.meshes) {
        for (const glm::vec3& p : mesh.positions) bounds.extend(p);
    }
    return bounds;
}

}  // namespace myoview::assets
