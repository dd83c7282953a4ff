#include "myoview/render/camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace myoview::render {

bool parse_view_preset(std::string_view text, ViewPreset& out) {
    if (text == "front") out = ViewPreset::kFront;
    else if (text == "back") out = ViewPreset::kBack;
    else if (text == "left") out = ViewPreset::kLeft;
    else if (text == "right") out = ViewPreset::kRight;
    else if (text == "three-quarter") out = ViewPreset::kThreeQuarter;
    else return false;
    return true;
}

void OrbitCamera::frame(const assets::Bounds& bounds, float aspect) {
    if (bounds.empty) return;
    target_ = bounds.center();
    scene_radius_ = std::max(bounds.radius(), 1e-3f);
    // Fit the eight box corners (not the bounding sphere, which leaves a tall figure small on screen): for each
    // corner, the distance at which it sits just inside both the horizontal and the vertical field of view.
    const float tan_y = std::tan(glm::radians(fov_y_deg_) * 0.5f);
    const float tan_x = tan_y * std::max(aspect, 1e-3f);
    const glm::vec3 forward = glm::normalize(target_ - position());  // direction only; distance_ is replaced
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 0.0f, 1.0f)));
    const glm::vec3 up = glm::cross(right, forward);
    float needed = 0.0f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? bounds.max.x : bounds.min.x, (i & 2) ? bounds.max.y : bounds.min.y,
                               (i & 4) ? bounds.max.z : bounds.min.z);
        const glm::vec3 d = corner - target_;
        const float toward_camera = -glm::dot(d, forward);
        needed = std::max(needed, toward_camera + std::abs(glm::dot(d, right)) / tan_x);
        needed = std::max(needed, toward_camera + std::abs(glm::dot(d, up)) / tan_y);
    }
    distance_ = std::max(needed * 1.06f, scene_radius_ * 0.5f);
    near_ = std::max(distance_ - scene_radius_ * 2.0f, distance_ * 0.01f);
    far_ = distance_ + scene_radius_ * 4.0f;
}

void OrbitCamera::set_preset(ViewPreset preset) {
    switch (preset) {
        case ViewPreset::kFront: yaw_ = 0.0f; pitch_ = 5.0f; break;
        case ViewPreset::kBack: yaw_ = 180.0f; pitch_ = 5.0f; break;
        case ViewPreset::kLeft: yaw_ = 90.0f; pitch_ = 5.0f; break;
        case ViewPreset::kRight: yaw_ = -90.0f; pitch_ = 5.0f; break;
        case ViewPreset::kThreeQuarter: yaw_ = -40.0f; pitch_ = 15.0f; break;
    }
}

void OrbitCamera::orbit(float dx, float dy) {
    yaw_ -= dx * 0.3f;
    pitch_ = std::clamp(pitch_ + dy * 0.3f, -85.0f, 85.0f);
    yaw_ = std::fmod(yaw_, 360.0f);
}

void OrbitCamera::pan(float dx, float dy, float viewport_height) {
    const float units_per_pixel = 2.0f * distance_ * std::tan(glm::radians(fov_y_deg_) * 0.5f) /
                                  std::max(viewport_height, 1.0f);
    const glm::mat4 v = view();
    const glm::vec3 right(v[0][0], v[1][0], v[2][0]);
    const glm::vec3 up(v[0][1], v[1][1], v[2][1]);
    target_ += (-dx * right + dy * up) * units_per_pixel;
}

void OrbitCamera::zoom(float steps) {
    distance_ = std::clamp(distance_ * std::pow(0.88f, steps), scene_radius_ * 0.2f, scene_radius_ * 20.0f);
    near_ = std::max(distance_ - scene_radius_ * 2.0f, distance_ * 0.01f);
    far_ = distance_ + scene_radius_ * 4.0f;
}

void OrbitCamera::set_pose(float yaw_deg, float pitch_deg, float distance, glm::vec3 target) {
    yaw_ = yaw_deg;
    pitch_ = std::clamp(pitch_deg, -85.0f, 85.0f);
    target_ = target;
    distance_ = std::clamp(distance, scene_radius_ * 0.2f, scene_radius_ * 20.0f);
    near_ = std::max(distance_ - scene_radius_ * 2.0f, distance_ * 0.01f);
    far_ = distance_ + scene_radius_ * 4.0f;
}

glm::vec3 OrbitCamera::position() const {
    const float yaw = glm::radians(yaw_);
    const float pitch = glm::radians(pitch_);
    const glm::vec3 dir(std::cos(pitch) * std::cos(yaw), std::cos(pitch) * std::sin(yaw), std::sin(pitch));
    return target_ + dir * distance_;
}

glm::mat4 OrbitCamera::view() const { return glm::lookAt(position(), target_, glm::vec3(0.0f, 0.0f, 1.0f)); }

glm::mat4 OrbitCamera::projection(float aspect) const {
    glm::mat4 p = glm::perspectiveRH_ZO(glm::radians(fov_y_deg_), std::max(window_aspect(aspect), 1e-3f), near_, far_);
    p[1][1] *= -1.0f;  // Vulkan's clip space has y pointing down
    // Into the screen window: scale x and y to its size and move the centre there (clip x' = sx x + cx w).
    const float sx = window_.z - window_.x, sy = window_.w - window_.y;
    const float cx = window_.x + window_.z - 1.0f, cy = window_.y + window_.w - 1.0f;
    glm::mat4 result = p;
    for (int c = 0; c < 4; ++c) {  // rows 0 and 1 of every column: x' = sx x + cx w, y' = sy y + cy w
        result[c][0] = sx * p[c][0] + cx * p[c][3];
        result[c][1] = sy * p[c][1] + cy * p[c][3];
    }
    return result;
}

}  // namespace myoview::render
