#include "myoview/render/imgui_layer.h"

#include <array>
#include <filesystem>
#include <utility>

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_vulkan.h>

#include "myoview/base/log.h"
#include "myoview/gpu/resources.h"
#include "myoview/gpu/vk_error.h"

namespace myoview::render {
namespace {
// Dear ImGui's backend reports every VkResult here and carries on; the first failure is kept for the caller.
VkResult g_backend_error = VK_SUCCESS;

void check_imgui_vk(VkResult r) {
    if (r < 0 && g_backend_error == VK_SUCCESS) g_backend_error = r;
}

void apply_style(float scale) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 8.0f;
    style.FrameRounding = 6.0f;
    style.GrabRounding = 6.0f;
    style.WindowBorderSize = 0.0f;
    style.FramePadding = ImVec2(10.0f, 6.0f);
    style.ItemSpacing = ImVec2(10.0f, 8.0f);
    style.WindowPadding = ImVec2(14.0f, 12.0f);
    style.GrabMinSize = 18.0f;  // touch-friendly slider grabs
    style.ScrollbarSize = 18.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.08f, 0.10f, 0.13f, 0.88f);
    c[ImGuiCol_TitleBg] = ImVec4(0.10f, 0.13f, 0.17f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.14f, 0.19f, 0.25f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.20f, 0.26f, 1.0f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.95f, 0.62f, 0.40f, 1.0f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(1.0f, 0.72f, 0.50f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.20f, 0.33f, 0.45f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.42f, 0.57f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.30f, 0.50f, 0.66f, 1.0f);
    style.ScaleAllSizes(scale);
}
}  // namespace

Result<std::unique_ptr<ImGuiLayer>> ImGuiLayer::create(const gpu::Instance& instance, const gpu::Device& device,
                                                       const SceneRenderer& renderer, GLFWwindow* window,
                                                       float ui_scale) {
    std::unique_ptr<ImGuiLayer> layer(new ImGuiLayer());
    layer->device_ = device;
    layer->scale_ = ui_scale;

    const std::array<VkDescriptorPoolSize, 1> sizes{{{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16}}};
    VkDescriptorPoolCreateInfo pool{};
    pool.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
    pool.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
    pool.maxSets = 16;
    pool.poolSizeCount = static_cast<uint32_t>(sizes.size());
    pool.pPoolSizes = sizes.data();
    VkDescriptorPool p = VK_NULL_HANDLE;
    VkResult r = vkCreateDescriptorPool(device, &pool, nullptr, &p);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the UI descriptor pool", r);
    layer->pool_ = gpu::UniqueDescriptorPool(device, p);
    device.name(p, "imgui descriptor pool");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini littered into the working directory
    // Keyboard navigation needs the GLFW backend's key map; headless has no keyboard.
    if (window) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    apply_style(ui_scale);

    // Latin-1 covers English and Spanish letters; anatomy text also needs dashes, degree and math signs.
    static const ImWchar kGlyphRanges[] = {
        0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (á é í ó ú ñ ü ¿ ¡ °)
        0x0100, 0x017F,  // Latin Extended-A
        0x2010, 0x205E,  // General Punctuation (– — ‘ ’ “ ” …)
        0x2190, 0x21FF,  // Arrows
        0x2200, 0x22FF,  // Mathematical Operators (≥ ≤ ±)
        0,
    };
    if (std::filesystem::exists(kUiFontPath)) {
        io.Fonts->AddFontFromFileTTF(kUiFontPath, kUiFontPixels * ui_scale, nullptr, kGlyphRanges);
        layer->large_font_ =
            io.Fonts->AddFontFromFileTTF(kUiFontPath, kUiFontPixels * 1.6f * ui_scale, nullptr, kGlyphRanges);
    } else {
        log::warn(std::string("UI font ") + kUiFontPath + " not found (Debian package fonts-dejavu-core); "
                  "using Dear ImGui's built-in font");
        ImFontConfig config;
        config.SizePixels = 13.0f * ui_scale;
        io.Fonts->AddFontDefault(&config);
    }

    if (window) {
        if (!ImGui_ImplGlfw_InitForVulkan(window, true)) return Error("Dear ImGui's GLFW backend failed to start");
        layer->glfw_backend_ = true;
    }
    ImGui_ImplVulkan_InitInfo info{};
    info.Instance = instance.get();
    info.PhysicalDevice = device.physical().handle;
    info.Device = device;
    info.QueueFamily = device.graphics_family();
    info.Queue = device.graphics_queue();
    info.DescriptorPool = p;
    info.Subpass = 0;
    // The backend cycles ImageCount vertex buffers, one per RenderDrawData call; with as many as frames in flight,
    // a buffer is only rewritten after the fence of the frame that used it has been waited.
    info.MinImageCount = gpu::kFramesInFlight;
    info.ImageCount = gpu::kFramesInFlight;
    info.MSAASamples = renderer.samples();
    info.CheckVkResultFn = check_imgui_vk;
    if (!ImGui_ImplVulkan_Init(&info, renderer.render_pass())) return Error("Dear ImGui's Vulkan backend failed to start");
    layer->vulkan_backend_ = true;

    auto status = gpu::submit_and_wait(device, renderer.upload_pool(),
                                       [](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
    if (!status) return status.error();
    ImGui_ImplVulkan_DestroyFontUploadObjects();
    if (auto backend = take_backend_error(); !backend) return backend.error();  // a failure while it set up
    return layer;
}

Status ImGuiLayer::take_backend_error() {
    const VkResult r = std::exchange(g_backend_error, VK_SUCCESS);
    if (r == VK_SUCCESS) return Ok{};
    return gpu::make_vk_error("Dear ImGui's Vulkan backend", r);
}

ImGuiLayer::~ImGuiLayer() {
    if (device_ != VK_NULL_HANDLE) {
        // The backend's buffers may be in use by the last frames: wait before they go. A failure here (a lost
        // device) was already reported by the frame that met it; the objects are released all the same.
        if (const VkResult r = vkDeviceWaitIdle(device_); r != VK_SUCCESS) {
            log::debug(std::string("Dear ImGui teardown: ") + gpu::vk_result_string(r));
        }
    }
    if (vulkan_backend_) ImGui_ImplVulkan_Shutdown();
    if (glfw_backend_) ImGui_ImplGlfw_Shutdown();
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
}

void ImGuiLayer::begin_frame(VkExtent2D extent, float dt_s) {
    ImGui_ImplVulkan_NewFrame();
    if (glfw_backend_) {
        ImGui_ImplGlfw_NewFrame();
    } else {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(extent.width), static_cast<float>(extent.height));
        io.DeltaTime = dt_s > 0.0f ? dt_s : 1.0f / 60.0f;
    }
    ImGui::NewFrame();
}

void ImGuiLayer::end_frame() { ImGui::Render(); }

void ImGuiLayer::record(VkCommandBuffer cmd) {
    ImDrawData* data = ImGui::GetDrawData();
    if (data) ImGui_ImplVulkan_RenderDrawData(data, cmd, VK_NULL_HANDLE);
}

bool ImGuiLayer::wants_mouse() const { return ImGui::GetIO().WantCaptureMouse; }
// Only while text is being typed: the clinician's single-key shortcuts (and a presenter clicker's keys) must work
// whichever panel has focus.
bool ImGuiLayer::wants_keyboard() const { return ImGui::GetIO().WantTextInput; }

}  // namespace myoview::render
