#pragma once
// Posture metrics computed from landmark positions (world frame: x anterior, y left, z up; metres in, mm and
// degrees out). Pure functions: usable on the simulation's sites or on any measured landmark set.
//
// Definitions (ISB conventions where they exist, Wu et al. 2005 J Biomech 38:981):
// - craniovertebral angle: angle between the horizontal and the line C7 spinous -> tragus in the sagittal
//   plane (mean of both tragi). Healthy ~50-55 deg, forward head posture < 48-50 deg (Yip et al. 2008, Man
//   Ther 13:148; Ruivo et al. 2014, Man Ther 19:72).
// - forward shoulder distance: horizontal (x) distance of the acromion's anterior tip in front of the T1
//   spinous process, mm. Larger = shoulders further forward. T1, not C7 as in photogrammetric "forward
//   shoulder angle" measures: C7 moves with the neck, which would mix head posture into a shoulder measure.
// - scapular internal rotation, upward rotation, anterior tilt: ISB scapula frame from the trigonum (TS =
//   scapula_spine_root), acromial angle (AA = acromion_posterior) and inferior angle (AI), decomposed in the
//   ISB Y-X-Z order relative to the thorax (which is the world frame here). Positive = internal rotation,
//   upward rotation, anterior tilt, on both sides.
// - pectoralis minor length: coracoid to rib 4 (Borstad & Ludewig 2005, JOSPT 35:227), mm.

#include <glm/vec3.hpp>

namespace myoview::sim {

struct SidePosture {
    double forward_shoulder_mm = 0;
    double scapular_internal_rotation_deg = 0;
    double scapular_upward_rotation_deg = 0;
    double scapular_anterior_tilt_deg = 0;
    double pec_minor_length_mm = 0;
};

struct PostureMetrics {
    double craniovertebral_angle_deg = 0;
    SidePosture right;
    SidePosture left;
    SidePosture mean;  // mean of both sides
};

struct ScapulaLandmarks {
    glm::dvec3 spine_root;          // TS
    glm::dvec3 acromion_posterior;  // AA
    glm::dvec3 inferior_angle;      // AI
};

struct ScapulaAngles {
    double internal_rotation_deg = 0;
    double upward_rotation_deg = 0;
    double anterior_tilt_deg = 0;
};

// is_left mirrors the landmarks (y -> -y) so that both sides share the right side's sign conventions.
ScapulaAngles scapula_angles(const ScapulaLandmarks& s, bool is_left);

double craniovertebral_angle_deg(const glm::dvec3& c7, const glm::dvec3& tragus);

SidePosture mean_of(const SidePosture& a, const SidePosture& b);

}  // namespace myoview::sim
