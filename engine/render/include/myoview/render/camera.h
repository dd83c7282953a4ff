#pragma once
// Orbit camera around a target in myoview's z-up world (x anterior, y to the patient's left). Pure math, no GPU.

#include <string_view>

#include <glm/glm.hpp>

#include "myoview/assets/model.h"

namespace myoview::render {

enum class ViewPreset { kFront, kBack, kLeft, kRight, kThreeQuarter };
// "front", "back", "left", "right", "three-quarter"; false for anything else.
bool parse_view_preset(std::string_view text, ViewPreset& out);

class OrbitCamera {
public:
    // Places the camera so the bounds fill the view with a margin, keeping the current direction.
    void frame(const assets::Bounds& bounds, float aspect);
    void set_preset(ViewPreset preset);

    void orbit(float dx_pixels, float dy_pixels);          // drag: 0.3 degrees a pixel
    void pan(float dx_pixels, float dy_pixels, float viewport_height);
    void zoom(float wheel_steps);                           // positive: closer
    // An exact pose (a saved scene, a scenario's camera move): angles in degrees (pitch clamped to +-85), the
    // distance kept within the zoom range of the last framed scene.
    void set_pose(float yaw_deg, float pitch_deg, float distance, glm::vec3 target);

    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;               // Vulkan clip space (y down, depth 0..1)
    glm::vec3 position() const;
    glm::vec3 target() const { return target_; }
    float distance() const { return distance_; }
    float yaw_deg() const { return yaw_; }
    float pitch_deg() const { return pitch_; }

private:
    glm::vec3 target_{0.0f};
    float distance_ = 2.0f;
    float yaw_ = 0.0f;    // degrees; 0 = camera on +x (in front of the patient), 90 = on +y (patient's left)
    float pitch_ = 5.0f;  // degrees above the horizontal
    float fov_y_deg_ = 35.0f;
    float near_ = 0.01f;
    float far_ = 100.0f;
    float scene_radius_ = 1.0f;
};

}  // namespace myoview::render
