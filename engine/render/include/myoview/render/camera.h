#pragma once
// Orbit camera around a target in myoview's z-up world (x anterior, y to the patient's left). Pure math, no GPU.

#include <algorithm>
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
    // Vulkan clip space (y down, depth 0..1) for a viewport of this aspect; the camera's picture lands in the screen
    // window (below), the rest of the viewport shows what lies beyond it.
    glm::mat4 projection(float aspect) const;
    // The part of the viewport the camera's picture fills, as fractions (x0, y0, x1, y1; y down): the free area
    // beside the panels, so the figure is never under one. frame() fits the bounds into this window when it is
    // given the window's aspect (window_aspect()).
    void set_screen_window(glm::vec4 window) { window_ = window; }
    glm::vec4 screen_window() const { return window_; }
    float window_aspect(float viewport_aspect) const {
        return viewport_aspect * (window_.z - window_.x) / std::max(window_.w - window_.y, 1e-3f);
    }
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
    glm::vec4 window_{0.0f, 0.0f, 1.0f, 1.0f};
};

}  // namespace myoview::render
