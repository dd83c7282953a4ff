#pragma once
// The desktop window behind a small interface (GLFW underneath). Headless mode has no Window at all.
//
// Input arrives as a queue of events the application drains once a frame (take_events), after Dear ImGui has seen
// them: ImGui's GLFW backend chains the callbacks installed here.
//
// Size and state come from GLFW's events, not from queries each frame: the framebuffer size and the iconified state
// are kept from their callbacks, and a framebuffer resize raises a flag the presenter takes (take_resized) to
// rebuild the swapchain once.

#include <vulkan/vulkan.h>

#include <memory>
#include <string>
#include <utility>
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
    enum class Type { kMouseButton, kMouseMove, kScroll, kKey, kDrop };
    Type type = Type::kMouseMove;
    int button = 0;      // GLFW_MOUSE_BUTTON_* for kMouseButton
    int key = 0;         // GLFW_KEY_* for kKey
    int mods = 0;
    bool pressed = false;  // press (or repeat, for keys) vs release
    bool repeat = false;   // a key held down: the system's auto-repeat, not a new press
    double x = 0.0, y = 0.0;  // cursor position (kMouseMove, kMouseButton) or scroll offsets (kScroll)
    std::string path;         // kDrop: a file dropped on the window (one event per file)
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
    void cancel_close();  // a kiosk refuses a close from the window manager (only its exit chord quits)
    void poll_events();
    void wait_events(double timeout_s);  // while minimized: sleep instead of spinning
    VkExtent2D framebuffer_size() const { return framebuffer_; }  // as of the last event
    bool minimized() const;               // iconified, or a 0x0 framebuffer
    // True once after each framebuffer resize event (the swapchain must be rebuilt); clears the flag.
    bool take_resized() { return std::exchange(resized_, false); }
    // Minimize bookkeeping for the report: how often the window was iconified and restored, and for how long it
    // stayed minimized in all (seconds, to the last restore or now).
    struct MinimizeStats {
        int iconified = 0;
        int restored = 0;
        double minimized_s = 0.0;
    };
    MinimizeStats minimize_stats() const;
    float content_scale() const;          // DPI scale of the monitor the window is on (1 = 96 dpi)
    void toggle_fullscreen();
    std::vector<InputEvent> take_events();

private:
    Window() = default;
    static void on_mouse_button(GLFWwindow* w, int button, int action, int mods);
    static void on_cursor(GLFWwindow* w, double x, double y);
    static void on_scroll(GLFWwindow* w, double dx, double dy);
    static void on_drop(GLFWwindow* w, int count, const char** paths);
    static void on_key(GLFWwindow* w, int key, int scancode, int action, int mods);
    static void on_framebuffer_size(GLFWwindow* w, int width, int height);
    static void on_iconify(GLFWwindow* w, int iconified);

    GLFWwindow* window_ = nullptr;
    std::vector<InputEvent> events_;
    VkExtent2D framebuffer_{};
    bool resized_ = false;
    bool iconified_ = false;
    MinimizeStats minimize_;
    double iconified_at_ = 0.0;  // glfwGetTime() of the last iconify
    int windowed_x_ = 0, windowed_y_ = 0, windowed_w_ = 1280, windowed_h_ = 720;
};

}  // namespace myoview::platform
