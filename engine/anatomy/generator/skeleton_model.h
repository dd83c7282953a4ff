#pragma once
// Derived skeleton geometry (private to the generator): everything the bone and muscle builders measure from
// the landmarks — the spine line, an analytic thorax surface the ribs lie on and muscles are kept outside
// of, clavicle curves, scapular points — plus the obstacles muscles are pushed out of.

#include <array>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "geometry.h"
#include "myoview/meshgen/landmarks.h"

namespace myoview::meshgen {

struct SideInfo {
    std::string suffix;  // "_r" or "_l"
    float sign = 1.0f;   // +1 left (y > 0), -1 right
};

// The thorax as stacked superellipse cross-sections: at height z, centre (centre_x(z), 0), semi-axes
// depth(z) along x and width(z) along y.
class ThoraxSurface {
public:
    float z_top = 0.0f;     // rib 1 heads
    float z_bottom = 0.0f;  // rib 12 heads
    float exponent = 2.4f;
    std::vector<glm::vec2> front;  // (z, x) samples, descending z
    std::vector<glm::vec2> back;   // (z, x) samples, descending z
    float half_width = 0.145f;     // widest half width

    float front_x(float z) const;
    float back_x(float z) const;
    float width(float z) const;
    float centre_x(float z) const { return 0.5f * (front_x(z) + back_x(z)); }
    float depth(float z) const { return 0.5f * (front_x(z) - back_x(z)); }
    // Point on the surface at angle phi (0 anterior, pi/2 lateral, pi posterior) on side `sign`, height z.
    glm::vec3 point(float phi, float z, float sign) const;
    // Pushes p radially out to at least `clearance` outside the surface; returns p unchanged if already out.
    glm::vec3 push_out(glm::vec3 p, float clearance) const;
    // Outward unit normal direction (approximate) at the surface point nearest p's height and angle.
    glm::vec3 outward(glm::vec3 p) const;
};

struct Capsule {
    glm::vec3 a{0.0f};
    glm::vec3 b{0.0f};
    float radius = 0.0f;
};

// The scapula as seen by the muscles that slide over it: its blade triangle and spine ridge.
struct ScapulaShape {
    glm::vec3 superior_angle{0.0f}, inferior_angle{0.0f}, spine_root{0.0f}, glenoid{0.0f};
    glm::vec3 acromion{0.0f}, acromion_posterior{0.0f}, coracoid{0.0f};
    glm::vec3 neck_superior{0.0f}, neck_inferior{0.0f};
    glm::vec3 normal{0.0f};  // posterior-facing blade normal
};

class SkeletonModel {
public:
    explicit SkeletonModel(const Landmarks& lm);

    const Landmarks& lm;
    ThoraxSurface thorax;
    std::array<glm::vec3, 13> spinous_t{};  // [1..12] thoracic spinous tips (0 unused)
    std::array<glm::vec3, 13> body_t{};     // [1..12] thoracic vertebral body centres
    std::array<glm::vec3, 8> spinous_c{};   // [1..7] cervical spinous tips
    std::array<glm::vec3, 8> body_c{};      // [1..7] cervical body centres
    glm::vec3 skull_base{0.0f};             // atlanto-occipital joint, midline
    Capsule neck_core;

    int body(const std::string& name) const { return lm.body_index(name); }
    glm::vec3 site(const std::string& name) const { return lm.site(name); }

    // Clavicle centre line (S-shaped), from the sternoclavicular joint (t = 0) to the AC joint (t = 1).
    std::vector<glm::vec3> clavicle_curve(const SideInfo& side, int count) const;
    glm::vec3 clavicle_at(const SideInfo& side, float t) const;
    ScapulaShape scapula(const SideInfo& side) const;
    glm::vec3 humeral_head_centre(const SideInfo& side) const;
    float humeral_head_radius() const { return 0.024f; }
    glm::vec3 elbow_centre(const SideInfo& side) const;

    // Ribs: centre line of rib k (1..10) including its costal cartilage, from the vertebra to the sternum;
    // `cartilage_from` receives the arc fraction where cartilage begins.
    std::vector<glm::vec3> rib_curve(int k, const SideInfo& side, float* cartilage_from) const;
    glm::vec3 sternum_at(float t) const;  // front centre line, 0 = jugular notch, 1 = xiphoid tip
    float sternum_half_width(float t) const;

    // Scapula push: keeps p at least `clearance` posterior to the blade (and more over the spine ridge).
    glm::vec3 push_over_scapula(glm::vec3 p, const SideInfo& side, float clearance, bool ridge = true) const;
};

glm::vec3 push_out_of_capsule(glm::vec3 p, const Capsule& c, float clearance);

}  // namespace myoview::meshgen
