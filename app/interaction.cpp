#include "interaction.h"

#include <GLFW/glfw3.h>

#include <cmath>

namespace myoview::app {

WindowActions read_input(platform::Window& window, const render::ImGuiLayer* ui, PointerState& pointer,
                         scene::Input& input, bool kiosk) {
    WindowActions actions;
    const bool ui_mouse = ui && ui->wants_mouse();
    const bool ui_keys = ui && ui->wants_keyboard();
    bool moved = false;
    for (const platform::InputEvent& e : window.take_events()) {
        if (kiosk && e.type == platform::InputEvent::Type::kKey && e.key == GLFW_KEY_Q &&
            (e.mods & GLFW_MOD_CONTROL) && (e.mods & GLFW_MOD_ALT)) {
            if (e.pressed) {
                actions.exit_chord = true;
                window.request_close();  // the kiosk's exit chord (not a touch that wakes it)
            }
            continue;
        }
        // A touch that wakes a kiosk: a press (key, button), a scroll or a drop; not a release (the exit chord's
        // keys come back released) and not a bare modifier.
        const bool modifier = e.type == platform::InputEvent::Type::kKey &&
                              (e.key == GLFW_KEY_LEFT_CONTROL || e.key == GLFW_KEY_RIGHT_CONTROL ||
                               e.key == GLFW_KEY_LEFT_ALT || e.key == GLFW_KEY_RIGHT_ALT ||
                               e.key == GLFW_KEY_LEFT_SHIFT || e.key == GLFW_KEY_RIGHT_SHIFT);
        const bool press = (e.type == platform::InputEvent::Type::kKey || e.type == platform::InputEvent::Type::kMouseButton)
                               ? e.pressed
                               : e.type != platform::InputEvent::Type::kMouseMove;
        if (press && !modifier) actions.any_input = true;
        if (kiosk && e.type == platform::InputEvent::Type::kKey &&
            (e.key == GLFW_KEY_Q || e.key == GLFW_KEY_ESCAPE || e.key == GLFW_KEY_F || e.key == GLFW_KEY_F2 ||
             e.key == GLFW_KEY_L)) {
            continue;
        }
        switch (e.type) {
            case platform::InputEvent::Type::kMouseButton:
                if (!e.pressed) {
                    const bool was_dragging = pointer.dragging_orbit || pointer.dragging_pan;
                    pointer.dragging_orbit = pointer.dragging_pan = false;
                    if (was_dragging && e.button == GLFW_MOUSE_BUTTON_LEFT &&
                        std::abs(e.x - pointer.press_x) < kClickSlop && std::abs(e.y - pointer.press_y) < kClickSlop) {
                        input.click = glm::vec2(static_cast<float>(e.x), static_cast<float>(e.y));
                    }
                } else if (!ui_mouse) {
                    pointer.press_x = e.x;
                    pointer.press_y = e.y;
                    const bool pan = e.button == GLFW_MOUSE_BUTTON_RIGHT || e.button == GLFW_MOUSE_BUTTON_MIDDLE ||
                                     (e.mods & GLFW_MOD_SHIFT);
                    pointer.dragging_pan = pan;
                    pointer.dragging_orbit = !pan;
                }
                pointer.last_x = e.x;
                pointer.last_y = e.y;
                break;
            case platform::InputEvent::Type::kMouseMove: {
                const glm::vec2 d(static_cast<float>(e.x - pointer.last_x), static_cast<float>(e.y - pointer.last_y));
                if (pointer.dragging_orbit) input.orbit += d;
                if (pointer.dragging_pan) input.pan += d;
                moved = true;
                if (pointer.dragging_orbit || pointer.dragging_pan) actions.any_input = true;
                pointer.last_x = e.x;
                pointer.last_y = e.y;
                break;
            }
            case platform::InputEvent::Type::kDrop:
                actions.dropped.push_back(e.path);
                break;
            case platform::InputEvent::Type::kScroll:
                if (!ui_mouse) input.zoom += static_cast<float>(e.y);
                break;
            case platform::InputEvent::Type::kKey: {
                if (!e.pressed || e.repeat || ui_keys) break;
                static constexpr render::ViewPreset kPresets[] = {
                    render::ViewPreset::kFront, render::ViewPreset::kBack, render::ViewPreset::kLeft,
                    render::ViewPreset::kRight, render::ViewPreset::kThreeQuarter};
                scene::Requests& r = input.requests;
                if (e.key >= GLFW_KEY_1 && e.key <= GLFW_KEY_5) {
                    r.view = kPresets[e.key - GLFW_KEY_1];
                } else if (e.key == GLFW_KEY_F) {
                    window.toggle_fullscreen();
                    actions.toggled_fullscreen = true;
                } else if (e.key == GLFW_KEY_Q || e.key == GLFW_KEY_ESCAPE) {
                    window.request_close();
                } else if (e.key == GLFW_KEY_F2) {
                    actions.toggle_stats = true;
                } else if (e.key == GLFW_KEY_M) {
                    r.massage = true;
                } else if (e.key == GLFW_KEY_R) {
                    r.reset = true;
                } else if (e.key == GLFW_KEY_SPACE) {
                    r.toggle_pause = true;
                    actions.toggle_pause = true;
                } else if (e.key == GLFW_KEY_PAGE_DOWN) {
                    r.story += 1;
                } else if (e.key == GLFW_KEY_PAGE_UP) {
                    r.story -= 1;
                } else if (e.key == GLFW_KEY_L) {
                    actions.toggle_labels_all = true;
                }
                break;
            }
        }
    }
    if (moved) {
        const bool free = !ui_mouse && !pointer.dragging_orbit && !pointer.dragging_pan;
        if (free) input.hover = glm::vec2(static_cast<float>(pointer.last_x), static_cast<float>(pointer.last_y));
        else input.hover_lost = true;
    }
    return actions;
}

}  // namespace myoview::app
