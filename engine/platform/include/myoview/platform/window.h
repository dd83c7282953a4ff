#pragma once
// The desktop window behind a small interface (GLFW underneath). Headless mode has no Window at all.
//
// Input arrives as a queue of events the application drains once a frame (take_events), after Dear ImGui has seen
// them: ImGui's GLFW backend chains the callbacks installed here.

#include <vulkan/vulkan.h>

#include <memory>
#include <string>
#include <vector>

#include "myoview/base/result.h"

struct GLFWwindow;

namespace myoview::platform {

struct WindowOptions {
    int width = 1280;
    int height = 720;
    std::string title = "myoview";
    bool fullscreen = false;
};

struct InputEvent {
    enum class Type { kMouseButton, kMouseMove, kScroll, kKey };
    Type type = Type::kMouseMove;
    int button = 0;      // GLFW_MOUSE_BUTTON_* for kMouseButton
    int key = 0;         // GLFW_KEY_* for kKey
    int mods = 0;
    bool pressed = false;  // press (or repeat, for keys) vs release
    double x = 0.0, y = 0.0;  // cursor position (kMouseMove, kMouseButton) or scroll offsets (kScroll)
};

// Non-empty when no display server can be reached: names the missing variable and suggests --headless.
std::string display_problem();

class Window {
public:
    static Result<std::unique_ptr<Window>> create(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    static std::vector<std::string> required_instance_extensions();
    Result<VkSurfaceKHR> create_surface(VkInstance instance) const;

    bool should_close() const;
    void request_close();
    void poll_events();
    void wait_events(double timeout_s);  // while minimized: sleep instead of spinning
    VkExtent2D framebuffer_size() const;
    bool minimized() const;               // iconified, or a 0x0 framebuffer
    float content_scale() const;          // DPI scale of the monitor the window is on (1 = 96 dpi)
    void toggle_fullscreen();
    std::vector<InputEvent> take_events();

private:
    Window() = default;
    static void on_mouse_button(GLFWwindow* w, int button, int action, int mods);
    static void on_cursor(GLFWwindow* w, double x, double y);
    static void on_scroll(GLFWwindow* w, double dx, double dy);
    static void on_key(GLFWwindow* w, int key, int scancode, int action, int mods);

    GLFWwindow* window_ = nullptr;
    std::vector<InputEvent> events_;
    int windowed_x_ = 0, windowed_y_ = 0, windowed_w_ = 1280, windowed_h_ = 720;
};

}  // namespace myoview::platform
