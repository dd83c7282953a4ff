#include "interaction.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

namespace myoview::app {

KeyActions apply_input(platform::Window& window, const render::ImGuiLayer* ui, ViewState& view, VkExtent2D extent,
                       const assets::Bounds& bounds) {
    KeyActions actions;
    const bool ui_mouse = ui && ui->wants_mouse();
    const bool ui_keys = ui && ui->wants_keyboard();
    for (const platform::InputEvent& e : window.take_events()) {
        switch (e.type) {
            case platform::InputEvent::Type::kMouseButton:
                if (!e.pressed) {
                    const bool was_dragging = view.dragging_orbit || view.dragging_pan;
                    view.dragging_orbit = view.dragging_pan = false;
                    if (was_dragging && e.button == GLFW_MOUSE_BUTTON_LEFT &&
                        std::abs(e.x - view.press_x) < kClickSlop && std::abs(e.y - view.press_y) < kClickSlop) {
                        view.click = std::make_pair(e.x, e.y);
                    }
                } else if (!ui_mouse) {
                    view.press_x = e.x;
                    view.press_y = e.y;
                    const bool pan = e.button == GLFW_MOUSE_BUTTON_RIGHT || e.button == GLFW_MOUSE_BUTTON_MIDDLE ||
                                     (e.mods & GLFW_MOD_SHIFT);
                    view.dragging_pan = pan;
                    view.dragging_orbit = !pan;
                }
                view.last_x = e.x;
                view.last_y = e.y;
                break;
            case platform::InputEvent::Type::kMouseMove: {
                const auto dx = static_cast<float>(e.x - view.last_x);
                const auto dy = static_cast<float>(e.y - view.last_y);
                if (view.dragging_orbit) view.camera.orbit(dx, dy);
                if (view.dragging_pan) view.camera.pan(dx, dy, static_cast<float>(extent.height));
                view.mouse_moved = true;
                view.last_x = e.x;
                view.last_y = e.y;
                break;
            }
            case platform::InputEvent::Type::kScroll:
                if (!ui_mouse) view.camera.zoom(static_cast<float>(e.y));
                break;
            case platform::InputEvent::Type::kKey: {
                if (!e.pressed || e.repeat || ui_keys) break;
                static constexpr render::ViewPreset kPresets[] = {
                    render::ViewPreset::kFront, render::ViewPreset::kBack, render::ViewPreset::kLeft,
                    render::ViewPreset::kRight, render::ViewPreset::kThreeQuarter};
                if (e.key >= GLFW_KEY_1 && e.key <= GLFW_KEY_5) {
                    view.camera.set_preset(kPresets[e.key - GLFW_KEY_1]);
                    view.camera.frame(bounds, static_cast<float>(extent.width) /
                                                  static_cast<float>(std::max(extent.height, 1u)));
                } else if (e.key == GLFW_KEY_F) {
                    window.toggle_fullscreen();
                    actions.toggled_fullscreen = true;
                } else if (e.key == GLFW_KEY_Q || e.key == GLFW_KEY_ESCAPE) {
                    window.request_close();
                } else if (e.key == GLFW_KEY_F2) {
                    actions.toggle_stats = true;
                } else if (e.key == GLFW_KEY_M) {
                    actions.massage = true;
                } else if (e.key == GLFW_KEY_R) {
                    actions.reset = true;
                } else if (e.key == GLFW_KEY_SPACE) {
                    actions.toggle_pause = true;
                } else if (e.key == GLFW_KEY_PAGE_DOWN) {
                    actions.story = +1;
                } else if (e.key == GLFW_KEY_PAGE_UP) {
                    actions.story = -1;
                }
                break;
            }
        }
    }
    return actions;
}

}  // namespace myoview::app
