#pragma once
// Dear ImGui (Debian's libimgui 1.86, GLFW + Vulkan backends) drawn inside the scene render pass.
// With a window, input comes through ImGui's GLFW backend; headless, the display size is set by hand so the same
// panels render into screenshots.

#include <memory>

#include "myoview/base/result.h"
#include "myoview/gpu/device.h"
#include "myoview/gpu/handle.h"
#include "myoview/gpu/instance.h"
#include "myoview/render/scene_renderer.h"

struct GLFWwindow;
struct ImFont;

namespace myoview::render {

// The UI font: DejaVu Sans from Debian's fonts-dejavu-core.
inline constexpr const char* kUiFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr float kUiFontPixels = 17.0f;  // at scale 1 (96 dpi)

class ImGuiLayer {
public:
    // window may be null (headless). ui_scale multiplies font size and widget metrics.
    static Result<std::unique_ptr<ImGuiLayer>> create(const gpu::Instance& instance, const gpu::Device& device,
                                                      const SceneRenderer& renderer, GLFWwindow* window,
                                                      float ui_scale);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    void begin_frame(VkExtent2D extent, float dt_s);
    void end_frame();                  // ImGui::Render()
    void record(VkCommandBuffer cmd);  // inside the scene render pass, after the scene
    float scale() const { return scale_; }
    bool wants_mouse() const;
    bool wants_keyboard() const;  // true only while a text field has the keyboard
    ImFont* large_font() const { return large_font_; }
    // The first Vulkan failure Dear ImGui's backend reported since the last call (its check callback cannot return
    // one), or Ok. The backend goes on after a failure; the caller ends the session.
    static Status take_backend_error();

private:
    ImGuiLayer() = default;
    bool glfw_backend_ = false;
    bool vulkan_backend_ = false;
    float scale_ = 1.0f;
    VkDevice device_ = VK_NULL_HANDLE;
    gpu::UniqueDescriptorPool pool_;
    ImFont* large_font_ = nullptr;
};

}  // namespace myoview::render
