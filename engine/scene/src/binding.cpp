#include "myoview/scene/binding.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <optional>

namespace myoview::scene {

glm::mat4 body_transform(const sim::BodyPose& pose) {
    glm::mat4 m = glm::mat4_cast(pose.rot);
    m[3] = glm::vec4(pose.pos, 1.0f);
    return m;
}

SimBinding::SimBinding(const MeshSet& meshes, const sim::Snapshot& bind_pose) {
    const auto& names = meshes.bone_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (std::size_t b = 0; b < bind_pose.bodies.size(); ++b) {
            if (bind_pose.bodies[b].name != names[i]) continue;
            bones_.push_back({i, b, glm::inverse(body_transform(bind_pose.bodies[b]))});
            break;
        }
    }
    for (const auto& m : bind_pose.muscles) healthy_length_.push_back(m.length_m);
    for (const auto& b : bind_pose.bodies) body_bind_from_world_.emplace_back(b.name, glm::inverse(body_transform(b)));
    muscle_of_mesh_.resize(meshes.size());
    for (std::size_t m = 0; m < meshes.size(); ++m) {
        for (std::size_t k = 0; k < bind_pose.muscles.size(); ++k) {
            if (bind_pose.muscles[k].id == meshes.mesh(m).id) muscle_of_mesh_[m] = k;
        }
        if (!muscle_of_mesh_[m]) ++unbound_meshes_;
    }
}

std::size_t SimBinding::bound_bones() const { return bones_.size(); }

void SimBinding::bind_trigger_points(const assets::Model& model, const sim::Snapshot& bind_pose,
                                     const MeshSet& meshes) {
    constexpr float kBand = 0.06f;  // half-width of the slice of the muscle averaged for the point
    for (std::size_t k = 0; k < bind_pose.trigger_points.size(); ++k) {
        const sim::TriggerPointState& tp = bind_pose.trigger_points[k];
        const assets::Mesh* mesh = nullptr;
        for (const auto& m : model.meshes) {
            if (m.node_name == tp.muscle_id) mesh = &m;
        }
        const std::optional<std::size_t> render_index = meshes.find(tp.muscle_id);
        if (!mesh || !render_index || mesh->positions.empty()) continue;
        // The muscle's long axis: from the vertex farthest from the centroid to the vertex farthest from that.
        glm::vec3 centroid(0.0f);
        for (const auto& p : mesh->positions) centroid += p;
        centroid /= static_cast<float>(mesh->positions.size());
        auto farthest_from = [&](glm::vec3 q) {
            std::size_t best = 0;
            for (std::size_t i = 1; i < mesh->positions.size(); ++i) {
                if (glm::length(mesh->positions[i] - q) > glm::length(mesh->positions[best] - q)) best = i;
            }
            return mesh->positions[best];
        };
        glm::vec3 a = farthest_from(centroid);
        glm::vec3 b = farthest_from(a);
        if (std::abs(a.y) > std::abs(b.y)) std::swap(a, b);  // a: the medial (origin) end
        const glm::vec3 axis = b - a;
        const float length2 = glm::dot(axis, axis);
        if (length2 <= 0.0f) continue;
        TriggerSpot spot;
        spot.mesh = *render_index;
        spot.trigger = k;
        std::vector<float> bone_sum(mesh->bones.size(), 0.0f);
        int count = 0;
        for (std::size_t i = 0; i < mesh->positions.size(); ++i) {
            const float t = glm::dot(mesh->positions[i] - a, axis) / length2;
            if (std::abs(t - static_cast<float>(tp.position)) > kBand) continue;
            spot.center_bind += mesh->positions[i];
            ++count;
            if (mesh->joints.size() != mesh->positions.size()) continue;
            for (int c = 0; c < 4; ++c) {
                const uint32_t j = mesh->joints[i][c];
                if (j < bone_sum.size()) bone_sum[j] += mesh->weights[i][c];
            }
        }
        if (count == 0) continue;
        spot.center_bind /= static_cast<float>(count);
        float total = 0.0f;
        for (float w : bone_sum) total += w;
        for (std::size_t j = 0; j < bone_sum.size() && total > 0.0f; ++j) {
            if (bone_sum[j] <= 0.0f) continue;
            for (std::size_t bone = 0; bone < bones_.size(); ++bone) {
                if (meshes.bone_names()[bones_[bone].palette_index] == mesh->bones[j].name) {
                    spot.bone_weights.emplace_back(bone, bone_sum[j] / total);
                }
            }
        }
        spots_.push_back(std::move(spot));
    }
}

void SimBinding::apply(const sim::Snapshot& snapshot, render::SceneFrame& frame, bool tension_colours) const {
    for (const Bone& bone : bones_) {
        if (bone.body_index >= snapshot.bodies.size() || bone.palette_index >= frame.palette.size()) continue;
        frame.palette[bone.palette_index] = body_transform(snapshot.bodies[bone.body_index]) * bone.bind_from_world;
    }
    frame.hot_spots.clear();
    for (const TriggerSpot& spot : spots_) {
        if (spot.trigger >= snapshot.trigger_points.size()) continue;
        glm::vec4 posed(0.0f);
        for (const auto& [b, w] : spot.bone_weights) {
            if (bones_[b].body_index >= snapshot.bodies.size()) continue;
            posed += w * (body_transform(snapshot.bodies[bones_[b].body_index]) * bones_[b].bind_from_world *
                          glm::vec4(spot.center_bind, 1.0f));
        }
        if (spot.bone_weights.empty()) posed = glm::vec4(spot.center_bind, 1.0f);
        render::HotSpot hot;
        hot.center = glm::vec3(posed);
        hot.radius = 0.022f;  // about a fingertip: what a therapist palpates
        hot.strength = tension_colours ? static_cast<float>(snapshot.trigger_points[spot.trigger].severity) : 0.0f;
        hot.mesh = spot.mesh;
        frame.hot_spots.push_back(hot);
    }
    for (std::size_t m = 0; m < muscle_of_mesh_.size() && m < frame.meshes.size(); ++m) {
        render::MeshDrawState& state = frame.meshes[m];
        const auto& k = muscle_of_mesh_[m];
        if (!k || *k >= snapshot.muscles.size()) continue;
        const sim::MuscleState& muscle = snapshot.muscles[*k];
        state.tension = tension_colours ? static_cast<float>(muscle.tension) : -1.0f;
        state.length_ratio = static_cast<float>(length_vs_healthy(snapshot, *k));
    }
}

std::optional<glm::vec3> SimBinding::pose_point(std::string_view body, glm::vec3 bind_world,
                                                const sim::Snapshot& now) const {
    const sim::BodyPose* pose = now.find_body(body);
    if (!pose) return std::nullopt;
    for (const auto& [name, bind_from_world] : body_bind_from_world_) {
        if (name == body) return glm::vec3(body_transform(*pose) * bind_from_world * glm::vec4(bind_world, 1.0f));
    }
    return std::nullopt;
}

double SimBinding::length_vs_healthy(const sim::Snapshot& snapshot, std::size_t k) const {
    if (k >= snapshot.muscles.size() || k >= healthy_length_.size() || healthy_length_[k] <= 0.0) return 1.0;
    return snapshot.muscles[k].length_m / healthy_length_[k];
}

}  // namespace myoview::scene
