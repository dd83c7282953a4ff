#include "myoview/platform/window.h"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <string>

#include "myoview/base/log.h"

namespace myoview::platform {
namespace {

std::mutex g_error_mutex;
std::string g_last_glfw_error;

void on_glfw_error(int code, const char* description) {
    std::lock_guard lock(g_error_mutex);
    g_last_glfw_error = std::string(description ? description : "unknown") + " (GLFW error " + std::to_string(code) + ")";
}

std::string take_glfw_error() {
    std::lock_guard lock(g_error_mutex);
    return std::exchange(g_last_glfw_error, {});
}

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr && v[0] != '\0';
}

// GLFW is initialised once per process and terminated at exit by the last window.
int g_glfw_users = 0;

}  // namespace

std::string display_problem() {
    if (!env_set("DISPLAY") && !env_set("WAYLAND_DISPLAY")) {
        return "no display: neither DISPLAY (X11) nor WAYLAND_DISPLAY is set, so no window can be opened. "
               "Run with --headless to render offscreen (e.g. --headless --screenshot out.png), or start an X server "
               "(e.g. Xvfb) and set DISPLAY";
    }
    return {};
}

Result<std::unique_ptr<Window>> Window::create(const WindowOptions& options) {
    if (auto problem = display_problem(); !problem.empty()) return Error(problem);
    glfwSetErrorCallback(on_glfw_error);
    if (g_glfw_users == 0) {
        // GLFW 3.3 picks X11 on Linux (Wayland only when built for it); fail fast and say which display failed.
        if (!glfwInit()) {
            const char* display = std::getenv("DISPLAY");
            return Error(std::string("cannot open the display ") + (display ? display : "(unset)") + ": " +
                         take_glfw_error() + ". Check that the X server is running, or use --headless");
        }
    }
    ++g_glfw_users;
    if (!glfwVulkanSupported()) {
        if (--g_glfw_users == 0) glfwTerminate();
        return Error("the Vulkan loader cannot present to this display (" + take_glfw_error() +
                     "); install a Vulkan driver (Debian: mesa-vulkan-drivers) or use --headless");
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWmonitor* monitor = options.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    int width = options.width, height = options.height;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        width = mode->width;
        height = mode->height;
    }
    GLFWwindow* handle = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
    if (!handle) {
        if (--g_glfw_users == 0) glfwTerminate();
        return Error("could not open a window: " + take_glfw_error());
    }
    std::unique_ptr<Window> window(new Window());
    window->window_ = handle;
    window->windowed_w_ = options.width;
    window->windowed_h_ = options.height;
    glfwSetWindowUserPointer(handle, window.get());
    glfwSetMouseButtonCallback(handle, on_mouse_button);
    glfwSetCursorPosCallback(handle, on_cursor);
    glfwSetScrollCallback(handle, on_scroll);
    glfwSetDropCallback(handle, on_drop);
    glfwSetKeyCallback(handle, on_key);
    glfwSetFramebufferSizeCallback(handle, on_framebuffer_size);
    glfwSetWindowIconifyCallback(handle, on_iconify);
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(handle, &fb_w, &fb_h);
    window->framebuffer_ = {static_cast<uint32_t>(std::max(fb_w, 0)), static_cast<uint32_t>(std::max(fb_h, 0))};
    window->iconified_ = glfwGetWindowAttrib(handle, GLFW_ICONIFIED) != 0;
    return window;
}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
    if (window_ && --g_glfw_users == 0) glfwTerminate();
}

std::vector<std::string> Window::required_instance_extensions() {
    uint32_t count = 0;
    const char** names = glfwGetRequiredInstanceExtensions(&count);
    std::vector<std::string> out;
    for (uint32_t i = 0; names && i < count; ++i) out.emplace_back(names[i]);
    return out;
}

Result<VkSurfaceKHR> Window::create_surface(VkInstance instance) const {
    VkSurfaceKHR surface = VK_NULL_HANDLE;
    const VkResult r = glfwCreateWindowSurface(instance, window_, nullptr, &surface);
    if (r != VK_SUCCESS) return Error("could not create a Vulkan surface for the window: " + take_glfw_error());
    return surface;
}

bool Window::should_close() const { return glfwWindowShouldClose(window_) != 0; }
void Window::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }
void Window::cancel_close() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }
void Window::poll_events() { glfwPollEvents(); }
void Window::wait_events(double timeout_s) { glfwWaitEventsTimeout(timeout_s); }

bool Window::minimized() const { return iconified_ || framebuffer_.width == 0 || framebuffer_.height == 0; }

Window::MinimizeStats Window::minimize_stats() const {
    MinimizeStats stats = minimize_;
    if (iconified_) stats.minimized_s += glfwGetTime() - iconified_at_;
    return stats;
}

float Window::content_scale() const {
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window_, &sx, &sy);
    float scale = std::max(sx, sy);
    // Many X servers report 1.0 whatever the screen: fall back to the monitor's physical size.
    if (scale <= 1.0f) {
        if (GLFWmonitor* m = glfwGetPrimaryMonitor()) {
            int mm_w = 0, mm_h = 0;
            glfwGetMonitorPhysicalSize(m, &mm_w, &mm_h);
            const GLFWvidmode* mode = glfwGetVideoMode(m);
            if (mm_w > 100 && mode) {
                const float dpi = static_cast<float>(mode->width) / (static_cast<float>(mm_w) / 25.4f);
                scale = std::max(scale, dpi / 96.0f);
            }
        }
    }
    // A TV across the room needs type that grows with the screen, whatever its DPI: a 4K panel gets at least
    // 2.4x (text ~13 mm tall on a 55-inch screen, readable at three metres).
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) {
        if (const GLFWvidmode* mode = glfwGetVideoMode(m)) scale = std::max(scale, static_cast<float>(mode->height) / 900.0f);
    }
    return std::clamp(scale, 1.0f, 4.0f);
}

void Window::toggle_fullscreen() {
    GLFWmonitor* current = glfwGetWindowMonitor(window_);
    if (current) {
        glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_w_, windowed_h_, 0);
        return;
    }
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (!monitor) return;
    glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
    glfwGetWindowSize(window_, &windowed_w_, &windowed_h_);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

std::vector<InputEvent> Window::take_events() { return std::exchange(events_, {}); }

void Window::on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    InputEvent e;
    e.type = InputEvent::Type::kMouseButton;
    e.button = button;
    e.mods = mods;
    e.pressed = action == GLFW_PRESS;
    glfwGetCursorPos(w, &e.x, &e.y);
    self->events_.push_back(e);
}

void Window::on_cursor(GLFWwindow* w, double x, double y) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    InputEvent e;
    e.type = InputEvent::Type::kMouseMove;
    e.x = x;
    e.y = y;
    self->events_.push_back(e);
}

void Window::on_scroll(GLFWwindow* w, double dx, double dy) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    InputEvent e;
    e.type = InputEvent::Type::kScroll;
    e.x = dx;
    e.y = dy;
    self->events_.push_back(e);
}

void Window::on_drop(GLFWwindow* w, int count, const char** paths) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    for (int i = 0; i < count; ++i) {
        InputEvent e;
        e.type = InputEvent::Type::kDrop;
        e.path = paths[i];
        self->events_.push_back(std::move(e));
    }
}

void Window::on_key(GLFWwindow* w, int key, int /*scancode*/, int action, int mods) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    InputEvent e;
    e.type = InputEvent::Type::kKey;
    e.key = key;
    e.mods = mods;
    e.pressed = action != GLFW_RELEASE;
    e.repeat = action == GLFW_REPEAT;
    self->events_.push_back(e);
}

void Window::on_framebuffer_size(GLFWwindow* w, int width, int height) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    self->framebuffer_ = {static_cast<uint32_t>(std::max(width, 0)), static_cast<uint32_t>(std::max(height, 0))};
    self->resized_ = true;
}

void Window::on_iconify(GLFWwindow* w, int iconified) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    const bool now = iconified == GLFW_TRUE;
    if (now == self->iconified_) return;
    self->iconified_ = now;
    if (now) {
        ++self->minimize_.iconified;
        self->iconified_at_ = glfwGetTime();
    } else {
        ++self->minimize_.restored;
        self->minimize_.minimized_s += glfwGetTime() - self->iconified_at_;
    }
}

}  // namespace myoview::platform
