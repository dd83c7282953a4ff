#include "sim_binding.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

namespace myoview::app {

glm::mat4 body_transform(const sim::BodyPose& pose) {
    glm::mat4 m = glm::mat4_cast(pose.rot);
    m[3] = glm::vec4(pose.pos, 1.0f);
    return m;
}

SimBinding::SimBinding(const render::SceneRenderer& renderer, const sim::Snapshot& bind_pose) {
    const auto& names = renderer.bone_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (std::size_t b = 0; b < bind_pose.bodies.size(); ++b) {
            if (bind_pose.bodies[b].name != names[i]) continue;
            bones_.push_back({i, b, glm::inverse(body_transform(bind_pose.bodies[b]))});
            break;
        }
    }
    for (const auto& m : bind_pose.muscles) healthy_length_.push_back(m.length_m);
    muscle_of_mesh_.resize(renderer.mesh_count());
    for (std::size_t m = 0; m < renderer.mesh_count(); ++m) {
        for (std::size_t k = 0; k < bind_pose.muscles.size(); ++k) {
            if (bind_pose.muscles[k].id == renderer.mesh_name(m)) muscle_of_mesh_[m] = k;
        }
        if (!muscle_of_mesh_[m]) ++unbound_meshes_;
    }
}

std::size_t SimBinding::bound_bones() const { return bones_.size(); }

void SimBinding::apply(const sim::Snapshot& snapshot, render::SceneRenderer& renderer, bool tension_colours) const {
    for (const Bone& bone : bones_) {
        if (bone.body_index >= snapshot.bodies.size()) continue;
        renderer.set_bone_matrix(bone.palette_index, body_transform(snapshot.bodies[bone.body_index]) *
                                                         bone.bind_from_world);
    }
    for (std::size_t m = 0; m < muscle_of_mesh_.size(); ++m) {
        render::MeshDrawState& state = renderer.draw_state(m);
        const auto& k = muscle_of_mesh_[m];
        if (!k || *k >= snapshot.muscles.size()) continue;
        const sim::MuscleState& muscle = snapshot.muscles[*k];
        state.tension = tension_colours ? static_cast<float>(muscle.tension) : -1.0f;
        state.length_ratio = static_cast<float>(length_vs_healthy(snapshot, *k));
    }
}

double SimBinding::length_vs_healthy(const sim::Snapshot& snapshot, std::size_t k) const {
    if (k >= snapshot.muscles.size() || k >= healthy_length_.size() || healthy_length_[k] <= 0.0) return 1.0;
    return snapshot.muscles[k].length_m / healthy_length_[k];
}

}  // namespace myoview::app
