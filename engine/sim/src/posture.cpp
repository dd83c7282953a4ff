#include "myoview/sim/posture.h"

#include <cmath>

#include <glm/geometric.hpp>

namespace myoview::sim {
namespace {

constexpr double kRadToDeg = 180.0 / 3.14159265358979323846;

// World (x anterior, y left, z up) -> ISB thorax axes (X anterior, Y up, Z right).
glm::dvec3 to_isb(const glm::dvec3& w) {
    return {w.x, w.z, -w.y};
}

}  // namespace

ScapulaAngles scapula_angles(const ScapulaLandmarks& s, bool is_left) {
    auto prep = [is_left](glm::dvec3 p) {
        if (is_left) p.y = -p.y;  // mirror: the left scapula then reads like a right one
        return to_isb(p);
    };
    const glm::dvec3 ts = prep(s.spine_root);
    const glm::dvec3 aa = prep(s.acromion_posterior);
    const glm::dvec3 ai = prep(s.inferior_angle);
    // ISB (Wu et al. 2005): Zs from TS to AA; Xs perpendicular to the plane AI-AA-TS, pointing forward;
    // Ys = Zs x Xs (up).
    const glm::dvec3 zs = glm::normalize(aa - ts);
    glm::dvec3 xs = glm::normalize(glm::cross(ai - ts, aa - ts));
    if (xs.x < 0) xs = -xs;
    const glm::dvec3 ys = glm::normalize(glm::cross(zs, xs));
    // R (scapula axes in thorax axes, columns) = Ry(a) Rx(b) Rz(c), ISB order Y-X-Z.
    // R[row][col]: row = thorax axis, col = scapula axis.
    const double r02 = zs.x, r22 = zs.z, r12 = zs.y, r10 = xs.y, r11 = ys.y;
    const double a = std::atan2(r02, r22);  // about thorax Y: + when AA is anterior of TS (internal rotation)
    const double b = std::asin(-r12);       // about X: + when AA is lower than TS
    const double c = std::atan2(r10, r11);  // about Z: + when the blade's normal tips upward (posterior tilt)
    ScapulaAngles out;
    // ISB's Y rotation of Zs = (0,0,1) by a gives (sin a, 0, cos a): AA anterior => a > 0 is internal rotation.
    out.internal_rotation_deg = a * kRadToDeg;
    // Upward (lateral) rotation turns the glenoid up and the inferior angle laterally: about Xs with AA rising
    // relative to the medial border; ISB's sign about X for a right scapula is negative for upward rotation.
    out.upward_rotation_deg = -b * kRadToDeg;
    // Positive Z rotation turns Xs (forward normal) up: the top of the blade goes back = posterior tilt.
    out.anterior_tilt_deg = -c * kRadToDeg;
    return out;
}

double craniovertebral_angle_deg(const glm::dvec3& c7, const glm::dvec3& tragus) {
    const double dx = tragus.x - c7.x;  // tragus anterior of C7
    const double dz = tragus.z - c7.z;
    return std::atan2(dz, dx) * kRadToDeg;
}

SidePosture mean_of(const SidePosture& a, const SidePosture& b) {
    SidePosture m;
    m.forward_shoulder_mm = 0.5 * (a.forward_shoulder_mm + b.forward_shoulder_mm);
    m.scapular_internal_rotation_deg = 0.5 * (a.scapular_internal_rotation_deg + b.scapular_internal_rotation_deg);
    m.scapular_upward_rotation_deg = 0.5 * (a.scapular_upward_rotation_deg + b.scapular_upward_rotation_deg);
    m.scapular_anterior_tilt_deg = 0.5 * (a.scapular_anterior_tilt_deg + b.scapular_anterior_tilt_deg);
    m.pec_minor_length_mm = 0.5 * (a.pec_minor_length_mm + b.pec_minor_length_mm);
    return m;
}

}  // namespace myoview::sim
