#pragma once
// Binds a simulation snapshot to the meshes by id: skin joints <-> MJCF bodies (bone matrices), mesh nodes <->
// MJCF muscles (tension and length). Data flows one way: snapshot -> the frame the renderer draws.

#include <optional>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/assets/model.h"
#include "myoview/render/frame.h"
#include "myoview/scene/mesh_set.h"
#include "myoview/sim/simulation.h"

namespace myoview::scene {

class SimBinding {
public:
    // `bind_pose` is the snapshot of the pose the meshes were generated in (MJCF qpos0: the snapshot right after
    // load, before any advance).
    SimBinding(const MeshSet& meshes, const sim::Snapshot& bind_pose);

    // Places the snapshot's trigger points on their muscle meshes (bind pose): a point at `position` p lies where
    // the muscle is a fraction p of the way from its origin end to its insertion end. Pectoral origins are the
    // medial ends (sternum, ribs, medial clavicle), the only muscles with trigger points in the model.
    void bind_trigger_points(const assets::Model& model, const sim::Snapshot& bind_pose,
                             const MeshSet& meshes);

    // Where a point given in the bind pose (world coordinates) is now, carried by MJCF body `body`.
    std::optional<glm::vec3> pose_point(std::string_view body, glm::vec3 bind_world, const sim::Snapshot& now) const;

    // Writes bone matrices, muscle tension/length and trigger-point hot spots into the frame (replacing its hot
    // spots).
    void apply(const sim::Snapshot& snapshot, render::SceneFrame& frame, bool tension_colours) const;

    std::size_t bound_bones() const;
    // Current length over the muscle's healthy length (its length in the neutral rest pose): < 1 shortened (the
    // tight pectorals), > 1 lengthened (the strained back muscles). The simulation's own length_ratio compares
    // with the tissue's current resting length, which adaptive shortening has already moved.
    double length_vs_healthy(const sim::Snapshot& snapshot, std::size_t muscle_index) const;
    std::size_t bound_muscles() const { return muscle_of_mesh_.size() - unbound_meshes_; }

private:
    struct Bone {
        std::size_t palette_index = 0;
        std::size_t body_index = 0;
        glm::mat4 bind_from_world{1.0f};  // inverse of the body's world transform in the bind pose
    };
    std::vector<Bone> bones_;
    std::vector<std::optional<std::size_t>> muscle_of_mesh_;  // per renderer mesh: index into snapshot.muscles
    std::size_t unbound_meshes_ = 0;
    std::vector<double> healthy_length_;  // per snapshot muscle, metres
    struct TriggerSpot {
        std::size_t mesh = 0;         // renderer mesh
        std::size_t trigger = 0;      // index into snapshot.trigger_points
        glm::vec3 center_bind{0.0f};  // bind-pose world position
        std::vector<std::pair<std::size_t, float>> bone_weights;  // index into bones_, weight
    };
    std::vector<TriggerSpot> spots_;
    std::vector<std::pair<std::string, glm::mat4>> body_bind_from_world_;  // every body, by name
};

glm::mat4 body_transform(const sim::BodyPose& pose);

}  // namespace myoview::scene
