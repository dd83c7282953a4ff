// The posture metric functions on constructed landmarks with known angles.

#include <gtest/gtest.h>

#include <cmath>

#include "myoview/sim/posture.h"

namespace myoview::sim::test {
namespace {

constexpr double kPi = 3.14159265358979323846;
double rad(double deg) {
    return deg * kPi / 180.0;
}

// ISB rotation sequence Y-X-Z (thorax axes: X anterior, Y up, Z right) applied to a scapula whose frame starts
// aligned with the thorax; returns world landmarks (x anterior, y left, z up) for the right side.
ScapulaLandmarks rotated_scapula(double about_y, double about_x, double about_z) {
    auto ry = [](double a, glm::dvec3 v) {
        return glm::dvec3(std::cos(a) * v.x + std::sin(a) * v.z, v.y, -std::sin(a) * v.x + std::cos(a) * v.z);
    };
    auto rx = [](double a, glm::dvec3 v) {
        return glm::dvec3(v.x, std::cos(a) * v.y - std::sin(a) * v.z, std::sin(a) * v.y + std::cos(a) * v.z);
    };
    auto rz = [](double a, glm::dvec3 v) {
        return glm::dvec3(std::cos(a) * v.x - std::sin(a) * v.y, std::sin(a) * v.x + std::cos(a) * v.y, v.z);
    };
    auto isb_to_world = [](glm::dvec3 v) { return glm::dvec3(v.x, -v.z, v.y); };
    const glm::dvec3 origin(-0.12, -0.08, 1.42);
    // In the scapula's own ISB frame: AA lies along +Zs, AI below TS (-Ys), in the blade plane (Xs normal).
    const glm::dvec3 ts(0, 0, 0), aa(0, 0, 0.13), ai(0, -0.14, 0.01);
    auto place = [&](glm::dvec3 p) { return origin + isb_to_world(ry(about_y, rx(about_x, rz(about_z, p)))); };
    return {place(ts), place(aa), place(ai)};
}

TEST(PostureMetrics, ScapulaAnglesRecoverTheIsbSequence) {
    for (double ir : {0.0, 20.0, 35.0}) {
        for (double ur : {-5.0, 0.0, 10.0}) {
            for (double at : {-10.0, 0.0, 12.0}) {
                // ISB signs: +Y = internal rotation for this construction, upward rotation and anterior tilt are
                // negative rotations about X and Z of a right scapula.
                const ScapulaAngles a = scapula_angles(rotated_scapula(rad(ir), rad(-ur), rad(-at)), false);
                EXPECT_NEAR(a.internal_rotation_deg, ir, 1e-6) << ir << " " << ur << " " << at;
                EXPECT_NEAR(a.upward_rotation_deg, ur, 1e-6) << ir << " " << ur << " " << at;
                EXPECT_NEAR(a.anterior_tilt_deg, at, 1e-6) << ir << " " << ur << " " << at;
            }
        }
    }
}

TEST(PostureMetrics, LeftSideMirrorsRight) {
    ScapulaLandmarks right = rotated_scapula(rad(33), rad(-4), rad(-9));
    ScapulaLandmarks left = right;
    for (glm::dvec3* p : {&left.spine_root, &left.acromion_posterior, &left.inferior_angle}) p->y = -p->y;
    const ScapulaAngles r = scapula_angles(right, false);
    const ScapulaAngles l = scapula_angles(left, true);
    EXPECT_NEAR(r.internal_rotation_deg, l.internal_rotation_deg, 1e-9);
    EXPECT_NEAR(r.upward_rotation_deg, l.upward_rotation_deg, 1e-9);
    EXPECT_NEAR(r.anterior_tilt_deg, l.anterior_tilt_deg, 1e-9);
}

TEST(PostureMetrics, CraniovertebralAngle) {
    const glm::dvec3 c7(-0.138, 0.0, 1.482);
    EXPECT_NEAR(craniovertebral_angle_deg(c7, c7 + glm::dvec3(0.1, 0.0, 0.1)), 45.0, 1e-9);
    EXPECT_NEAR(craniovertebral_angle_deg(c7, c7 + glm::dvec3(0.0, 0.07, 0.1)), 90.0, 1e-9) << "sagittal plane only";
    EXPECT_NEAR(craniovertebral_angle_deg(c7, glm::dvec3(-0.035, 0.0, 1.615)), 52.24, 0.01);  // the rest pose
}

}  // namespace
}  // namespace myoview::sim::test
