#include "myoview/render/scene_renderer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>

#include <glm/gtc/constants.hpp>

#include "myoview/base/paths.h"
#include "myoview/gpu/shader.h"
#include "myoview/gpu/vk_error.h"

namespace myoview::render {
namespace {

// Interleaved vertex as the shaders read it (shaders/mesh.vert locations 0..3).
struct Vertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec4 color;    // rgb albedo, a: ambient occlusion
    glm::vec4 tangent;  // fibre direction (xyz), 0 when the mesh has none
    glm::uvec4 joints;  // bone palette indices
    glm::vec4 weights;  // 0 on static meshes
};
static_assert(sizeof(Vertex) == 88);

struct DrawConstants {
    glm::mat4 model;
    glm::vec4 color;
    glm::vec4 params;
    glm::vec4 muscle;
    glm::vec4 origin;  // xyz: the mesh's centre (world, bind pose), where the length bands' phase starts
};
static_assert(sizeof(DrawConstants) <= 128, "the guaranteed push-constant budget is 128 bytes");

float srgb_to_linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
glm::vec4 linear(glm::vec3 srgb) { return {srgb_to_linear(srgb.r), srgb_to_linear(srgb.g), srgb_to_linear(srgb.b), 1.0f}; }

std::string shader_path(const char* name) { return paths::shader_path(std::string(name) + ".spv").string(); }

// The subpass dependencies of every scene render pass: the direct one, the scaled scene pass and the composite pass
// must be compatible (one set of pipelines for all), and compatible passes have identical dependencies, so this is
// the union of what each needs.
// Incoming: the previous frame's writes to the shared depth / MSAA / scaled attachments and its composite's read of
// the scaled image, and the swapchain image's acquire (waited at COLOR_ATTACHMENT_OUTPUT), happen before this
// pass's attachment writes. Outgoing: the target is ready for a transfer (read-back) or presentation, the scaled
// image for the composite's shader, the depth image for the next pass.
std::array<VkSubpassDependency, 2> scene_pass_dependencies() {
    constexpr VkPipelineStageFlags kAttachmentStages = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT |
                                                       VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT |
                                                       VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT;
    constexpr VkAccessFlags kAttachmentAccess =
        VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_COLOR_ATTACHMENT_READ_BIT |
        VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT;
    std::array<VkSubpassDependency, 2> deps{};
    deps[0].srcSubpass = VK_SUBPASS_EXTERNAL;
    deps[0].dstSubpass = 0;
    deps[0].srcStageMask = kAttachmentStages | VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT;
    deps[0].dstStageMask = kAttachmentStages;
    deps[0].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT |
                            VK_ACCESS_TRANSFER_READ_BIT;
    deps[0].dstAccessMask = kAttachmentAccess;
    deps[1].srcSubpass = 0;
    deps[1].dstSubpass = VK_SUBPASS_EXTERNAL;
    deps[1].srcStageMask = kAttachmentStages;
    deps[1].dstStageMask = VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT | kAttachmentStages;
    deps[1].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT;
    deps[1].dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_SHADER_READ_BIT | kAttachmentAccess;
    return deps;
}

}  // namespace

SceneRenderer::~SceneRenderer() = default;

Result<std::unique_ptr<SceneRenderer>> SceneRenderer::create(const gpu::Device& device, const RenderTargetDesc& desc) {
    std::unique_ptr<SceneRenderer> r(new SceneRenderer(device));
    r->samples_ = device.physical().max_samples(desc.samples);
    r->color_format_ = desc.color_format;

    VkCommandPoolCreateInfo pool{};
    pool.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
    pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    pool.queueFamilyIndex = device.graphics_family();
    VkCommandPool p = VK_NULL_HANDLE;
    VkResult res = vkCreateCommandPool(device, &pool, nullptr, &p);
    if (res != VK_SUCCESS) return gpu::make_vk_error("creating the upload command pool", res);
    r->upload_pool_ = gpu::UniqueCommandPool(device, p);
    device.name(p, "upload command pool");

    if (auto s = r->create_render_pass(desc); !s) return s.error();
    if (auto s = r->create_uniforms(); !s) return s.error();
    if (auto s = r->create_pipeline_layout(); !s) return s.error();
    if (auto s = r->create_scene_pipelines(r->render_pass_, r->pipelines_, ""); !s) return s.error();
    if (r->samples_ == VK_SAMPLE_COUNT_1_BIT) {
        if (auto s = r->create_scaled_passes(desc); !s) return s.error();
        if (auto s = r->create_scene_pipelines(r->scaled_pass_, r->scaled_pipelines_, "scaled "); !s) return s.error();
        if (auto s = r->create_composite_pipeline(); !s) return s.error();
    }
    return r;
}

void SceneRenderer::set_render_scale(float scale) {
    render_scale_auto_ = scale <= 0.0f;
    if (!render_scale_auto_) render_scale_ = std::clamp(scale, kMinRenderScale, 1.0f);
    frame_intervals_ms_.clear();
    last_record_ = {};
}

// The scene pass at a reduced scale and the composite pass onto the target. The composite pass is compatible with
// render_pass_ (same formats and samples), so the overlay's pipelines run in either. The scaled scene pass draws into
// kScaledFormat, a linear half-float image: on a CPU device an sRGB attachment costs a conversion for every pixel
// written and blended, and the composite's filtered read of an sRGB image four more (1080p, scale 0.5: ~8 ms of CPU
// time a frame, 10 %); the scene has its own pipelines for it.
Status SceneRenderer::create_scaled_passes(const RenderTargetDesc& desc) {
    for (int which = 0; which < 2; ++which) {
        const bool scene = which == 0;
        std::array<VkAttachmentDescription, 2> attachments{};
        VkAttachmentDescription& color = attachments[0];
        color.format = scene ? kScaledFormat : desc.color_format;
        color.samples = VK_SAMPLE_COUNT_1_BIT;
        color.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;  // the background, or the composite, covers every pixel
        color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        color.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        color.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
        color.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        color.finalLayout = scene ? VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL : desc.final_layout;
        VkAttachmentDescription& depth = attachments[1];
        depth = color;
        depth.format = depth_format_;
        depth.loadOp = scene ? VK_ATTACHMENT_LOAD_OP_CLEAR : VK_ATTACHMENT_LOAD_OP_DONT_CARE;  // the UI tests no depth
        depth.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
        depth.finalLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;

        VkAttachmentReference color_ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
        VkAttachmentReference depth_ref{1, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
        VkSubpassDescription subpass{};
        subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
        subpass.colorAttachmentCount = 1;
        subpass.pColorAttachments = &color_ref;
        subpass.pDepthStencilAttachment = &depth_ref;

        const std::array<VkSubpassDependency, 2> deps = scene_pass_dependencies();
        VkRenderPassCreateInfo info{};
        info.sType = VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO;
        info.attachmentCount = static_cast<uint32_t>(attachments.size());
        info.pAttachments = attachments.data();
        info.subpassCount = 1;
        info.pSubpasses = &subpass;
        info.dependencyCount = static_cast<uint32_t>(deps.size());
        info.pDependencies = deps.data();
        VkRenderPass pass = VK_NULL_HANDLE;
        const VkResult r = vkCreateRenderPass(device_, &info, nullptr, &pass);
        const char* name = scene ? "scaled scene render pass" : "composite render pass";
        if (r != VK_SUCCESS) return gpu::make_vk_error(std::string("creating the ") + name, r);
        (scene ? scaled_pass_ : composite_pass_) = gpu::UniqueRenderPass(device_, pass);
        device_.name(pass, name);
    }
    return Ok{};
}

Status SceneRenderer::create_composite_pipeline() {
    VkSamplerCreateInfo sampler{};
    sampler.sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO;
    sampler.magFilter = VK_FILTER_LINEAR;
    sampler.minFilter = VK_FILTER_LINEAR;
    sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
    sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    sampler.maxLod = 0.0f;
    VkSampler smp = VK_NULL_HANDLE;
    VkResult r = vkCreateSampler(device_, &sampler, nullptr, &smp);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the render-scale sampler", r);
    sampler_ = gpu::UniqueSampler(device_, smp);
    device_.name(smp, "render-scale sampler");

    VkDescriptorSetLayoutBinding binding{};
    binding.binding = 0;
    binding.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    binding.descriptorCount = 1;
    binding.stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT;
    VkDescriptorSetLayoutCreateInfo layout{};
    layout.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
    layout.bindingCount = 1;
    layout.pBindings = &binding;
    VkDescriptorSetLayout l = VK_NULL_HANDLE;
    r = vkCreateDescriptorSetLayout(device_, &layout, nullptr, &l);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the composite descriptor layout", r);
    composite_set_layout_ = gpu::UniqueDescriptorSetLayout(device_, l);
    device_.name(l, "composite layout");
    const VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1};
    VkDescriptorPoolCreateInfo pool{};
    pool.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
    pool.maxSets = 1;
    pool.poolSizeCount = 1;
    pool.pPoolSizes = &size;
    VkDescriptorPool p = VK_NULL_HANDLE;
    r = vkCreateDescriptorPool(device_, &pool, nullptr, &p);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the composite descriptor pool", r);
    composite_pool_ = gpu::UniqueDescriptorPool(device_, p);
    device_.name(p, "composite descriptor pool");
    VkDescriptorSetAllocateInfo alloc{};
    alloc.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
    alloc.descriptorPool = p;
    alloc.descriptorSetCount = 1;
    alloc.pSetLayouts = &l;
    r = vkAllocateDescriptorSets(device_, &alloc, &composite_set_);
    if (r != VK_SUCCESS) return gpu::make_vk_error("allocating the composite descriptor set", r);
    device_.name(composite_set_, "composite set");

    VkPushConstantRange push{VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(glm::vec4)};
    VkPipelineLayoutCreateInfo pl_info{};
    pl_info.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
    pl_info.setLayoutCount = 1;
    pl_info.pSetLayouts = &l;
    pl_info.pushConstantRangeCount = 1;
    pl_info.pPushConstantRanges = &push;
    VkPipelineLayout pl = VK_NULL_HANDLE;
    r = vkCreatePipelineLayout(device_, &pl_info, nullptr, &pl);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the composite pipeline layout", r);
    composite_layout_ = gpu::UniquePipelineLayout(device_, pl);
    device_.name(pl, "composite pipeline layout");

    auto vert = gpu::load_shader(device_, shader_path("background.vert"));  // the full-screen triangle
    if (!vert) return vert.error();
    auto frag = gpu::load_shader(device_, shader_path("composite.frag"));
    if (!frag) return frag.error();
    std::array<VkPipelineShaderStageCreateInfo, 2> stages{};
    for (auto& st : stages) {
        st.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
        st.pName = "main";
    }
    stages[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
    stages[0].module = vert.value();
    stages[1].stage = VK_SHADER_STAGE_FRAGMENT_BIT;
    stages[1].module = frag.value();
    VkPipelineVertexInputStateCreateInfo input{};
    input.sType = VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO;
    VkPipelineInputAssemblyStateCreateInfo assembly{};
    assembly.sType = VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO;
    assembly.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
    VkPipelineViewportStateCreateInfo viewport{};
    viewport.sType = VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO;
    viewport.viewportCount = 1;
    viewport.scissorCount = 1;
    VkPipelineRasterizationStateCreateInfo raster{};
    raster.sType = VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO;
    raster.polygonMode = VK_POLYGON_MODE_FILL;
    raster.cullMode = VK_CULL_MODE_NONE;
    raster.lineWidth = 1.0f;
    VkPipelineMultisampleStateCreateInfo multisample{};
    multisample.sType = VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO;
    multisample.rasterizationSamples = VK_SAMPLE_COUNT_1_BIT;
    VkPipelineDepthStencilStateCreateInfo depth{};
    depth.sType = VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO;
    VkPipelineColorBlendAttachmentState blend{};
    blend.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT |
                           VK_COLOR_COMPONENT_A_BIT;
    VkPipelineColorBlendStateCreateInfo blend_state{};
    blend_state.sType = VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO;
    blend_state.attachmentCount = 1;
    blend_state.pAttachments = &blend;
    const std::array<VkDynamicState, 2> dynamic_states{VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
    VkPipelineDynamicStateCreateInfo dynamic{};
    dynamic.sType = VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO;
    dynamic.dynamicStateCount = static_cast<uint32_t>(dynamic_states.size());
    dynamic.pDynamicStates = dynamic_states.data();
    VkGraphicsPipelineCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO;
    info.stageCount = static_cast<uint32_t>(stages.size());
    info.pStages = stages.data();
    info.pVertexInputState = &input;
    info.pInputAssemblyState = &assembly;
    info.pViewportState = &viewport;
    info.pRasterizationState = &raster;
    info.pMultisampleState = &multisample;
    info.pDepthStencilState = &depth;
    info.pColorBlendState = &blend_state;
    info.pDynamicState = &dynamic;
    info.layout = pl;
    info.renderPass = composite_pass_;
    VkPipeline pipeline = VK_NULL_HANDLE;
    r = vkCreateGraphicsPipelines(device_, VK_NULL_HANDLE, 1, &info, nullptr, &pipeline);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the composite pipeline", r);
    composite_pipeline_ = gpu::UniquePipeline(device_, pipeline);
    device_.name(pipeline, "composite pipeline");
    return Ok{};
}

void SceneRenderer::update_render_scale() {
    const auto now = std::chrono::steady_clock::now();
    const bool first = last_record_ == std::chrono::steady_clock::time_point{};
    const double interval_ms = std::chrono::duration<double, std::milli>(now - last_record_).count();
    last_record_ = now;
    if (!render_scale_auto_ || scaled_framebuffer_.get() == VK_NULL_HANDLE || first) return;
    frame_intervals_ms_.push_back(interval_ms);
    // Every 8 frames, from their median (a pipeline compile or a stall in one frame does not move it): fragments
    // cost as the square of the scale, so sqrt(target / median) is where the scale should go; at most 25 % a step,
    // and only when the median is off by more than 15 %, so the picture does not pump.
    constexpr std::size_t kWindow = 8;
    if (frame_intervals_ms_.size() < kWindow) return;
    std::nth_element(frame_intervals_ms_.begin(), frame_intervals_ms_.begin() + kWindow / 2, frame_intervals_ms_.end());
    const double median = frame_intervals_ms_[kWindow / 2];
    frame_intervals_ms_.clear();
    if (!(median > 0.0) || std::abs(median - frame_time_target_ms_) < 0.15 * frame_time_target_ms_) return;
    const double step = std::clamp(std::sqrt(frame_time_target_ms_ / median), 0.8, 1.25);
    render_scale_ = std::clamp(static_cast<float>(static_cast<double>(render_scale_) * step), kMinRenderScale, 1.0f);
}

Status SceneRenderer::create_render_pass(const RenderTargetDesc& desc) {
    const bool msaa = samples_ != VK_SAMPLE_COUNT_1_BIT;
    std::vector<VkAttachmentDescription> attachments;
    VkAttachmentDescription color{};
    color.format = desc.color_format;
    color.samples = samples_;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;  // the background pass covers every pixel
    color.storeOp = msaa ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE;
    color.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    color.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    color.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    color.finalLayout = msaa ? VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL : desc.final_layout;
    attachments.push_back(color);

    VkAttachmentDescription depth{};
    depth.format = depth_format_;
    depth.samples = samples_;
    depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    depth.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    depth.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    depth.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    depth.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    depth.finalLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
    attachments.push_back(depth);

    if (msaa) {
        VkAttachmentDescription resolve{};
        resolve.format = desc.color_format;
        resolve.samples = VK_SAMPLE_COUNT_1_BIT;
        resolve.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        resolve.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        resolve.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        resolve.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
        resolve.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        resolve.finalLayout = desc.final_layout;
        attachments.push_back(resolve);
    }

    VkAttachmentReference color_ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkAttachmentReference depth_ref{1, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
    VkAttachmentReference resolve_ref{2, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkSubpassDescription subpass{};
    subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
    subpass.colorAttachmentCount = 1;
    subpass.pColorAttachments = &color_ref;
    subpass.pDepthStencilAttachment = &depth_ref;
    subpass.pResolveAttachments = msaa ? &resolve_ref : nullptr;

    const std::array<VkSubpassDependency, 2> deps = scene_pass_dependencies();

    VkRenderPassCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO;
    info.attachmentCount = static_cast<uint32_t>(attachments.size());
    info.pAttachments = attachments.data();
    info.subpassCount = 1;
    info.pSubpasses = &subpass;
    info.dependencyCount = static_cast<uint32_t>(deps.size());
    info.pDependencies = deps.data();
    VkRenderPass pass = VK_NULL_HANDLE;
    const VkResult r = vkCreateRenderPass(device_, &info, nullptr, &pass);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the scene render pass", r);
    render_pass_ = gpu::UniqueRenderPass(device_, pass);
    device_.name(pass, "scene render pass");
    return Ok{};
}

Status SceneRenderer::create_uniforms() {
    std::array<VkDescriptorSetLayoutBinding, 2> bindings{};
    bindings[0].binding = 0;
    bindings[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
    bindings[0].descriptorCount = 1;
    bindings[0].stageFlags = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
    bindings[1].binding = 1;
    bindings[1].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    bindings[1].descriptorCount = 1;
    bindings[1].stageFlags = VK_SHADER_STAGE_VERTEX_BIT;
    VkDescriptorSetLayoutCreateInfo layout{};
    layout.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
    layout.bindingCount = static_cast<uint32_t>(bindings.size());
    layout.pBindings = bindings.data();
    VkDescriptorSetLayout l = VK_NULL_HANDLE;
    VkResult r = vkCreateDescriptorSetLayout(device_, &layout, nullptr, &l);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the frame descriptor layout", r);
    set_layout_ = gpu::UniqueDescriptorSetLayout(device_, l);
    device_.name(l, "frame globals layout");

    const std::array<VkDescriptorPoolSize, 2> sizes{{{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, gpu::kFramesInFlight},
                                                     {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, gpu::kFramesInFlight}}};
    VkDescriptorPoolCreateInfo pool{};
    pool.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
    pool.maxSets = gpu::kFramesInFlight;
    pool.poolSizeCount = static_cast<uint32_t>(sizes.size());
    pool.pPoolSizes = sizes.data();
    VkDescriptorPool p = VK_NULL_HANDLE;
    r = vkCreateDescriptorPool(device_, &pool, nullptr, &p);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the frame descriptor pool", r);
    descriptor_pool_ = gpu::UniqueDescriptorPool(device_, p);
    device_.name(p, "frame descriptor pool");

    for (uint32_t i = 0; i < gpu::kFramesInFlight; ++i) {
        const std::string name = "frame globals " + std::to_string(i);
        auto buffer = gpu::create_buffer(device_, sizeof(FrameGlobals), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, true,
                                         name.c_str());
        if (!buffer) return buffer.error();
        uniforms_.push_back(std::move(buffer).value());
        const std::string bones_name = "bone palette " + std::to_string(i);
        auto bones = gpu::create_buffer(device_, sizeof(glm::mat4) * kMaxBones * 2, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                        true, bones_name.c_str());
        if (!bones) return bones.error();
        bone_buffers_.push_back(std::move(bones).value());
        VkDescriptorSetAllocateInfo alloc{};
        alloc.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
        alloc.descriptorPool = p;
        alloc.descriptorSetCount = 1;
        alloc.pSetLayouts = &l;
        VkDescriptorSet set = VK_NULL_HANDLE;
        r = vkAllocateDescriptorSets(device_, &alloc, &set);
        if (r != VK_SUCCESS) return gpu::make_vk_error("allocating a frame descriptor set", r);
        device_.name(set, name.c_str());
        const VkDescriptorBufferInfo globals_info{uniforms_.back().buffer, 0, sizeof(FrameGlobals)};
        const VkDescriptorBufferInfo bones_info{bone_buffers_.back().buffer, 0, VK_WHOLE_SIZE};
        std::array<VkWriteDescriptorSet, 2> writes{};
        for (auto& w : writes) {
            w.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
            w.dstSet = set;
            w.descriptorCount = 1;
        }
        writes[0].dstBinding = 0;
        writes[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
        writes[0].pBufferInfo = &globals_info;
        writes[1].dstBinding = 1;
        writes[1].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
        writes[1].pBufferInfo = &bones_info;
        vkUpdateDescriptorSets(device_, static_cast<uint32_t>(writes.size()), writes.data(), 0, nullptr);
        descriptor_sets_.push_back(set);
    }
    return Ok{};
}

Status SceneRenderer::create_pipeline_layout() {
    VkPushConstantRange push{};
    push.stageFlags = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
    push.size = sizeof(DrawConstants);
    const VkDescriptorSetLayout set_layout = set_layout_;
    VkPipelineLayoutCreateInfo layout{};
    layout.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
    layout.setLayoutCount = 1;
    layout.pSetLayouts = &set_layout;
    layout.pushConstantRangeCount = 1;
    layout.pPushConstantRanges = &push;
    VkPipelineLayout pl = VK_NULL_HANDLE;
    VkResult r = vkCreatePipelineLayout(device_, &layout, nullptr, &pl);
    if (r != VK_SUCCESS) return gpu::make_vk_error("creating the scene pipeline layout", r);
    pipeline_layout_ = gpu::UniquePipelineLayout(device_, pl);
    device_.name(pl, "scene pipeline layout");
    return Ok{};
}

Status SceneRenderer::create_scene_pipelines(VkRenderPass pass, ScenePipelines& out, const char* which) {
    auto bg_vert = gpu::load_shader(device_, shader_path("background.vert"));
    if (!bg_vert) return bg_vert.error();
    auto bg_frag = gpu::load_shader(device_, shader_path("background.frag"));
    if (!bg_frag) return bg_frag.error();
    auto mesh_vert = gpu::load_shader(device_, shader_path("mesh.vert"));
    if (!mesh_vert) return mesh_vert.error();
    auto mesh_frag = gpu::load_shader(device_, shader_path("mesh.frag"));
    if (!mesh_frag) return mesh_frag.error();

    struct Variant {
        VkShaderModule vert, frag;
        bool vertices, depth_test, depth_write, blend;
        VkCullModeFlags cull;
        gpu::UniquePipeline* out;
        const char* name;
    };
    const Variant variants[] = {
        // Drawn after the opaque meshes at the far plane: only pixels nothing covered are shaded.
        {bg_vert.value(), bg_frag.value(), false, true, false, false, VK_CULL_MODE_NONE, &out.background,
         "background pipeline"},
        // Two-sided: imported models have inconsistent winding; the shader flips normals of back faces.
        {mesh_vert.value(), mesh_frag.value(), true, true, true, false, VK_CULL_MODE_NONE, &out.opaque,
         "opaque mesh pipeline"},
        // Closed, outward-wound meshes (myoview's own, checked by the generator's tests): back faces culled, which
        // halves the triangles a software rasteriser sets up.
        {mesh_vert.value(), mesh_frag.value(), true, true, true, false, VK_CULL_MODE_BACK_BIT, &out.opaque_culled,
         "opaque culled mesh pipeline"},
        // Translucent layers (skin): only the near shell, no depth writes, blended over the opaque scene.
        {mesh_vert.value(), mesh_frag.value(), true, true, false, true, VK_CULL_MODE_BACK_BIT, &out.translucent,
         "translucent mesh pipeline"},
    };

    VkVertexInputBindingDescription binding{0, sizeof(Vertex), VK_VERTEX_INPUT_RATE_VERTEX};
    const std::array<VkVertexInputAttributeDescription, 6> attributes{{
        {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, position)},
        {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, normal)},
        {2, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(Vertex, color)},
        {3, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(Vertex, tangent)},
        {4, 0, VK_FORMAT_R32G32B32A32_UINT, offsetof(Vertex, joints)},
        {5, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(Vertex, weights)},
    }};

    for (const Variant& v : variants) {
        std::array<VkPipelineShaderStageCreateInfo, 2> stages{};
        stages[0].sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
        stages[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
        stages[0].module = v.vert;
        stages[0].pName = "main";
        stages[1].sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
        stages[1].stage = VK_SHADER_STAGE_FRAGMENT_BIT;
        stages[1].module = v.frag;
        stages[1].pName = "main";

        VkPipelineVertexInputStateCreateInfo input{};
        input.sType = VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO;
        if (v.vertices) {
            input.vertexBindingDescriptionCount = 1;
            input.pVertexBindingDescriptions = &binding;
            input.vertexAttributeDescriptionCount = static_cast<uint32_t>(attributes.size());
            input.pVertexAttributeDescriptions = attributes.data();
        }
        VkPipelineInputAssemblyStateCreateInfo assembly{};
        assembly.sType = VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO;
        assembly.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
        VkPipelineViewportStateCreateInfo viewport{};
        viewport.sType = VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO;
        viewport.viewportCount = 1;
        viewport.scissorCount = 1;
        VkPipelineRasterizationStateCreateInfo raster{};
        raster.sType = VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO;
        raster.polygonMode = VK_POLYGON_MODE_FILL;
        raster.cullMode = v.cull;
        // Counter-clockwise front faces, as glTF: the projection's y flip and the sign in Vulkan's orientation
        // formula (which assumes a y-down framebuffer) cancel. Measured: the culled pipeline keeps the near faces.
        raster.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE;
        raster.lineWidth = 1.0f;
        VkPipelineMultisampleStateCreateInfo multisample{};
        multisample.sType = VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO;
        multisample.rasterizationSamples = samples_;
        VkPipelineDepthStencilStateCreateInfo depth{};
        depth.sType = VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO;
        depth.depthTestEnable = v.depth_test;
        depth.depthWriteEnable = v.depth_write;
        depth.depthCompareOp = VK_COMPARE_OP_LESS_OR_EQUAL;
        VkPipelineColorBlendAttachmentState blend{};
        blend.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT |
                               VK_COLOR_COMPONENT_A_BIT;
        if (v.blend) {
            blend.blendEnable = VK_TRUE;
            blend.srcColorBlendFactor = VK_BLEND_FACTOR_SRC_ALPHA;
            blend.dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
            blend.colorBlendOp = VK_BLEND_OP_ADD;
            blend.srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
            blend.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
            blend.alphaBlendOp = VK_BLEND_OP_ADD;
        }
        VkPipelineColorBlendStateCreateInfo blend_state{};
        blend_state.sType = VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO;
        blend_state.attachmentCount = 1;
        blend_state.pAttachments = &blend;
        const std::array<VkDynamicState, 2> dynamic_states{VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
        VkPipelineDynamicStateCreateInfo dynamic{};
        dynamic.sType = VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO;
        dynamic.dynamicStateCount = static_cast<uint32_t>(dynamic_states.size());
        dynamic.pDynamicStates = dynamic_states.data();

        VkGraphicsPipelineCreateInfo info{};
        info.sType = VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO;
        info.stageCount = static_cast<uint32_t>(stages.size());
        info.pStages = stages.data();
        info.pVertexInputState = &input;
        info.pInputAssemblyState = &assembly;
        info.pViewportState = &viewport;
        info.pRasterizationState = &raster;
        info.pMultisampleState = &multisample;
        info.pDepthStencilState = &depth;
        info.pColorBlendState = &blend_state;
        info.pDynamicState = &dynamic;
        info.layout = pipeline_layout_;
        info.renderPass = pass;
        VkPipeline pipeline = VK_NULL_HANDLE;
        const VkResult r = vkCreateGraphicsPipelines(device_, VK_NULL_HANDLE, 1, &info, nullptr, &pipeline);
        const std::string name = std::string(which) + v.name;
        if (r != VK_SUCCESS) return gpu::make_vk_error("creating the " + name, r);
        *v.out = gpu::UniquePipeline(device_, pipeline);
        device_.name(pipeline, name.c_str());
    }
    return Ok{};
}

Status SceneRenderer::set_model(const assets::Model& model, gpu::FrameRing* ring, bool closed_outward) {
    auto layout = assets::skin_layout(model, kMaxBones);
    if (!layout) return layout.error();
    std::vector<GpuMesh> meshes;
    for (std::size_t d = 0; d < layout->drawable.size(); ++d) {
        const assets::Mesh& m = model.meshes[layout->drawable[d]];
        const std::vector<uint32_t>& joint_map = layout->joint_map[d];
        const bool skinned = layout->skinned[d];
        std::vector<Vertex> vertices(m.positions.size());
        const bool has_colors = m.colors.size() == m.positions.size();
        const bool has_tangents = m.tangents.size() == m.positions.size();
        const bool has_normals = m.normals.size() == m.positions.size();
        glm::vec3 sum(0.0f);
        for (std::size_t i = 0; i < vertices.size(); ++i) {
            vertices[i].position = m.positions[i];
            vertices[i].normal = has_normals ? m.normals[i] : glm::vec3(0.0f, 0.0f, 1.0f);
            vertices[i].color = has_colors ? m.colors[i] : glm::vec4(1.0f);
            vertices[i].tangent = has_tangents ? m.tangents[i] : glm::vec4(0.0f);
            vertices[i].joints = glm::uvec4(0u);
            vertices[i].weights = glm::vec4(0.0f);
            if (skinned) {
                for (int k = 0; k < 4; ++k) {
                    const uint32_t j = m.joints[i][k];
                    if (j < joint_map.size()) vertices[i].joints[k] = joint_map[j];
                }
                vertices[i].weights = m.weights[i];
            }
            sum += m.positions[i];
        }
        GpuMesh gm;
        gm.name = assets::mesh_id(m);
        gm.index_count = static_cast<uint32_t>(m.indices.size());
        gm.base_color = has_colors ? glm::vec4(1.0f, 1.0f, 1.0f, m.base_color.a) : m.base_color;
        gm.uses_tangents = has_tangents;
        gm.cull_back_faces = closed_outward;
        gm.translucent = m.base_color.a < 0.999f;
        gm.center = sum / static_cast<float>(vertices.size());
        for (const glm::vec3& p : m.positions) gm.radius = std::max(gm.radius, glm::length(p - gm.center));
        // Every level in one index buffer, finest first; each level is a range of it.
        std::vector<uint32_t> all_indices = m.indices;
        gm.levels.push_back({0u, static_cast<uint32_t>(m.indices.size()), 0.0f});
        for (std::size_t k = 0; k < m.lods.size() && k < std::size(assets::kLodErrorBoundM); ++k) {
            gm.levels.push_back({static_cast<uint32_t>(all_indices.size()), static_cast<uint32_t>(m.lods[k].size()),
                                 assets::kLodErrorBoundM[k]});
            all_indices.insert(all_indices.end(), m.lods[k].begin(), m.lods[k].end());
        }
        const std::string vname = gm.name + " vertices";
        const std::string iname = gm.name + " indices";
        auto vb = gpu::upload_buffer(device_, upload_pool_, vertices.data(), sizeof(Vertex) * vertices.size(),
                                     VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, vname.c_str());
        if (!vb) return vb.error();
        auto ib = gpu::upload_buffer(device_, upload_pool_, all_indices.data(), sizeof(uint32_t) * all_indices.size(),
                                     VK_BUFFER_USAGE_INDEX_BUFFER_BIT, iname.c_str());
        if (!ib) return ib.error();
        gm.vertices = std::move(vb).value();
        gm.indices = std::move(ib).value();
        meshes.push_back(std::move(gm));
    }
    if (ring && !meshes_.empty()) {
        auto old = std::make_shared<std::vector<GpuMesh>>(std::move(meshes_));
        ring->defer([old]() mutable { old->clear(); });
    }
    meshes_ = std::move(meshes);
    bounds_ = model.bounds;
    return Ok{};
}

Status SceneRenderer::resize(VkExtent2D extent, const std::vector<VkImageView>& final_views) {
    framebuffers_.clear();
    scaled_framebuffer_ = {};
    scaled_color_ = {};
    msaa_color_ = {};
    depth_ = {};
    extent_ = extent;
    const bool msaa = samples_ != VK_SAMPLE_COUNT_1_BIT;
    if (msaa) {
        gpu::ImageDesc desc;
        desc.extent = extent;
        desc.format = color_format_;
        desc.samples = samples_;
        desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT;
        desc.lazily_allocated = true;
        auto image = gpu::create_image(device_, desc, "MSAA colour");
        if (!image) return image.error();
        msaa_color_ = std::move(image).value();
    }
    gpu::ImageDesc ddesc;
    ddesc.extent = extent;
    ddesc.format = depth_format_;
    ddesc.samples = samples_;
    ddesc.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT;
    ddesc.aspect = VK_IMAGE_ASPECT_DEPTH_BIT;
    ddesc.lazily_allocated = true;
    auto depth = gpu::create_image(device_, ddesc, "depth");
    if (!depth) return depth.error();
    depth_ = std::move(depth).value();

    scaled_framebuffer_ = {};
    scaled_color_ = {};
    if (scaled_pass_.get() != VK_NULL_HANDLE) {
        gpu::ImageDesc sdesc;
        sdesc.extent = extent;
        sdesc.format = kScaledFormat;
        sdesc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
        auto image = gpu::create_image(device_, sdesc, "scaled scene colour");
        if (!image) return image.error();
        scaled_color_ = std::move(image).value();
        const std::array<VkImageView, 2> views{scaled_color_.view, depth_.view};
        VkFramebufferCreateInfo info{};
        info.sType = VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO;
        info.renderPass = scaled_pass_;
        info.attachmentCount = static_cast<uint32_t>(views.size());
        info.pAttachments = views.data();
        info.width = extent.width;
        info.height = extent.height;
        info.layers = 1;
        VkFramebuffer fb = VK_NULL_HANDLE;
        const VkResult r = vkCreateFramebuffer(device_, &info, nullptr, &fb);
        if (r != VK_SUCCESS) return gpu::make_vk_error("creating the scaled scene framebuffer", r);
        device_.name(fb, "scaled scene framebuffer");
        scaled_framebuffer_ = gpu::UniqueFramebuffer(device_, fb);
        const VkDescriptorImageInfo image_info{sampler_.get(), scaled_color_.view,
                                               VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
        VkWriteDescriptorSet write{};
        write.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
        write.dstSet = composite_set_;
        write.descriptorCount = 1;
        write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
        write.pImageInfo = &image_info;
        vkUpdateDescriptorSets(device_, 1, &write, 0, nullptr);
    }

    for (std::size_t i = 0; i < final_views.size(); ++i) {
        std::vector<VkImageView> views;
        if (msaa) views = {msaa_color_.view, depth_.view, final_views[i]};
        else views = {final_views[i], depth_.view};
        VkFramebufferCreateInfo info{};
        info.sType = VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO;
        info.renderPass = render_pass_;
        info.attachmentCount = static_cast<uint32_t>(views.size());
        info.pAttachments = views.data();
        info.width = extent.width;
        info.height = extent.height;
        info.layers = 1;
        VkFramebuffer fb = VK_NULL_HANDLE;
        const VkResult r = vkCreateFramebuffer(device_, &info, nullptr, &fb);
        if (r != VK_SUCCESS) return gpu::make_vk_error("creating a framebuffer", r);
        const std::string name = "framebuffer " + std::to_string(i);
        device_.name(fb, name.c_str());
        framebuffers_.emplace_back(device_, fb);
    }
    return Ok{};
}

void SceneRenderer::draw_ghost(VkCommandBuffer cmd, const GpuMesh& mesh, const MeshDrawState& state) const {
    DrawConstants dc{};
    dc.model = state.model;
    dc.color = glm::vec4(0.55f, 0.80f, 1.0f, 0.55f);
    dc.params = glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);  // flat tint, outline alpha
    dc.muscle = glm::vec4(-1.0f, 1.0f, -1.0f, static_cast<float>(kMaxBones));  // w: palette offset
    vkCmdPushConstants(cmd, pipeline_layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(dc),
                       &dc);
    draw_indices(cmd, mesh);
}

std::size_t SceneRenderer::choose_level(const GpuMesh& mesh, const glm::mat4& model, const glm::vec3& eye,
                                       float pixels_per_metre_at_1m) const {
    if (lod_pixel_error_ <= 0.0f || mesh.levels.size() < 2) return 0;
    // The nearest the mesh can be (its bind-pose sphere, moved by its model matrix; the pose moves vertices by
    // centimetres, covered by the margin), where a level's error is largest on screen.
    const glm::vec3 center(model * glm::vec4(mesh.center, 1.0f));
    const float nearest = std::max(glm::length(center - eye) - mesh.radius - 0.05f, 1e-3f);
    const float pixels_per_metre = pixels_per_metre_at_1m / nearest;
    std::size_t level = 0;
    for (std::size_t k = 1; k < mesh.levels.size(); ++k) {
        if (mesh.levels[k].error_m * pixels_per_metre <= lod_pixel_error_) level = k;
    }
    return level;
}

void SceneRenderer::draw_indices(VkCommandBuffer cmd, const GpuMesh& mesh) const {
    const VkBuffer vb = mesh.vertices.buffer;
    const VkDeviceSize offset = 0;
    vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &offset);
    vkCmdBindIndexBuffer(cmd, mesh.indices.buffer, 0, VK_INDEX_TYPE_UINT32);
    const Level& level = mesh.levels[std::min(mesh.drawn_level, mesh.levels.size() - 1)];
    vkCmdDrawIndexed(cmd, level.index_count, 1, level.first_index, 0, 0);
}

// The colour of a muscle at this tension: the legend's scale (TensionScale::position), the colormap's stops mixed in
// linear light. One per draw: in the fragment shader this was a square root and an indexed read of the colormap for
// every pixel, which a CPU device pays in full.
glm::vec3 SceneRenderer::tension_color(float tension) const {
    const float x = std::clamp(tension_scale_.position(tension), 0.0f, 1.0f) * static_cast<float>(kColormapStops - 1);
    const int i = std::min(static_cast<int>(x), kColormapStops - 2);
    const auto k = static_cast<std::size_t>(i);
    return glm::mix(colormap_linear_[k], colormap_linear_[k + 1], x - static_cast<float>(i));
}

void SceneRenderer::draw_mesh(VkCommandBuffer cmd, const GpuMesh& mesh, const MeshDrawState& state) const {
    DrawConstants dc{};
    dc.model = state.model;
    // By tension, the colour is the tension's (the tint does not apply); otherwise the mesh's colour, tinted.
    const glm::vec3 rgb = state.tension >= 0.0f ? tension_color(state.tension)
                                                : glm::vec3(mesh.base_color) * glm::vec3(state.tint);
    dc.color = glm::vec4(rgb, state.tint.a);
    dc.params = glm::vec4(1.0f, state.highlight, mesh.uses_tangents ? 1.0f : 0.0f, 0.0f);
    dc.params.w = state.outline ? 1.0f : 0.0f;
    // z: the mesh's run of hot spots, first * (kMaxHotSpots + 1) + count (mesh.frag decodes it), or -1 without one: the fragment shader loops over
    // that run only. It looped over every spot of the frame, testing each against the mesh (every pixel of a large
    // muscle paid for all its exps and sines: a CPU device runs both sides of the test), and before that over them on
    // every mesh (1080p desk worker: 783 -> 402 ms).
    const auto index = static_cast<std::size_t>(&mesh - meshes_.data());
    const SpotRun run = index < mesh_spots_.size() ? mesh_spots_[index] : SpotRun{};
    const float spots = run.count > 0 ? static_cast<float>(run.first * (kMaxHotSpots + 1) + run.count) : -1.0f;
    dc.muscle = glm::vec4(state.tension, state.length_ratio, spots, 0.0f);
    dc.origin = glm::vec4(mesh.center, state.cut ? 1.0f : 0.0f);  // w: the cutting plane applies
    vkCmdPushConstants(cmd, pipeline_layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(dc),
                       &dc);
    draw_indices(cmd, mesh);
}

void SceneRenderer::record(VkCommandBuffer cmd, uint32_t target_index, uint32_t frame_index, const SceneFrame& frame,
                           const std::function<void(VkCommandBuffer)>& overlay) {
    update_render_scale();
    const bool scaled = scaled_framebuffer_.get() != VK_NULL_HANDLE && render_scale_ < 1.0f;
    const ScenePipelines& pipelines = scaled ? scaled_pipelines_ : pipelines_;
    // The scene's extent: the target's, or its scaled part (the top-left of scaled_color_).
    const VkExtent2D scene_extent =
        scaled ? VkExtent2D{std::max(1u, static_cast<uint32_t>(std::lround(static_cast<float>(extent_.width) * render_scale_))),
                            std::max(1u, static_cast<uint32_t>(std::lround(static_cast<float>(extent_.height) * render_scale_)))}
               : extent_;
    const OrbitCamera& camera = frame.camera;
    const std::vector<HotSpot>& hot_spots = frame.hot_spots;
    const TensionView& tension_view = frame.tension_view;
    const float aspect = static_cast<float>(extent_.width) / static_cast<float>(std::max(extent_.height, 1u));
    FrameGlobals g{};
    g.view = camera.view();
    g.proj = camera.projection(aspect);
    g.camera_pos = glm::vec4(camera.position(), 1.0f);
    // Key light from the upper front-left of the viewer, fill from the right, both relative to the camera so the
    // model reads the same from every side; rim from behind.
    const glm::mat3 cam_to_world = glm::transpose(glm::mat3(g.view));
    g.key_dir = glm::vec4(glm::normalize(cam_to_world * glm::vec3(0.45f, -0.6f, -0.65f)), 0.35f);
    g.key_color = glm::vec4(1.05f, 0.98f, 0.9f, 0.0f) * 1.15f;
    g.fill_dir = glm::vec4(glm::normalize(cam_to_world * glm::vec3(-0.7f, -0.1f, -0.6f)), 0.0f);
    g.fill_color = glm::vec4(0.22f, 0.27f, 0.36f, 0.0f);
    g.rim_color = glm::vec4(0.35f, 0.42f, 0.55f, 3.0f);
    g.sky_color = glm::vec4(0.20f, 0.22f, 0.26f, 0.0f);
    g.ground_color = glm::vec4(0.12f, 0.10f, 0.09f, 0.0f);
    g.bg_top = linear(kBackgroundTopSrgb);
    g.bg_bottom = linear(kBackgroundBottomSrgb);
    // The pulse is sin(4 t) (shaders/mesh.frag): t is passed modulo its period, so the float the shader gets keeps
    // full precision however long the session runs.
    const double pulse_period = glm::pi<double>() / 2.0;
    const auto pulse_t = static_cast<float>(std::fmod(std::max(frame.time_s, 0.0), pulse_period));
    g.viewport = glm::vec4(static_cast<float>(scene_extent.width), static_cast<float>(scene_extent.height), pulse_t,
                           frame.exposure);
    // The hot spots drawn (at most kMaxHotSpots), grouped by the mesh they lie on.
    std::vector<std::size_t> order(std::min(hot_spots.size(), kMaxHotSpots));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return hot_spots[a].mesh < hot_spots[b].mesh; });
    mesh_spots_.assign(meshes_.size(), SpotRun{});
    g.hot_spot_count = glm::vec4(static_cast<float>(order.size()), 0.0f, 0.0f, 0.0f);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const HotSpot& spot = hot_spots[order[k]];
        g.hot_spots[k] = glm::vec4(spot.center, spot.radius);
        g.hot_spot_info[k] = glm::vec4(spot.strength, static_cast<float>(spot.mesh), spot.zone ? 1.0f : 0.0f, 0.0f);
        if (spot.mesh >= mesh_spots_.size()) continue;
        SpotRun& run = mesh_spots_[spot.mesh];
        if (run.count == 0) run.first = static_cast<std::uint16_t>(k);
        ++run.count;
    }
    g.cut_plane = frame.cut_plane;
    const TensionScale& scale = tension_view.scale;
    g.tension_view = glm::vec4(scale.floor, scale.range, scale.full_scale, tension_view.stripes);
    const auto& stops = colormap_stops(tension_view.colormap);
    tension_scale_ = scale;
    for (std::size_t i = 0; i < stops.size(); ++i) colormap_linear_[i] = glm::vec3(linear(stops[i]));
    std::memcpy(uniforms_[frame_index].mapped, &g, sizeof(g));
    std::array<glm::mat4, kMaxBones * 2> palette;
    palette.fill(glm::mat4(1.0f));
    std::copy_n(frame.palette.begin(), std::min(frame.palette.size(), palette.size()), palette.begin());
    std::memcpy(bone_buffers_[frame_index].mapped, palette.data(), sizeof(palette));

    std::array<VkClearValue, 3> clears{};
    clears[1].depthStencil = {1.0f, 0};
    VkRenderPassBeginInfo begin{};
    begin.sType = VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO;
    begin.renderPass = scaled ? scaled_pass_.get() : render_pass_.get();
    begin.framebuffer = scaled ? scaled_framebuffer_.get() : framebuffers_[target_index].get();
    begin.renderArea = {{0, 0}, scene_extent};
    begin.clearValueCount = static_cast<uint32_t>(clears.size());
    begin.pClearValues = clears.data();
    vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);

    const VkViewport viewport{0.0f, 0.0f, static_cast<float>(scene_extent.width),
                              static_cast<float>(scene_extent.height), 0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, scene_extent};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    const VkDescriptorSet set = descriptor_sets_[frame_index];
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_layout_, 0, 1, &set, 0, nullptr);

    // Opaque meshes nearest first, so the depth test rejects hidden fragments before they are shaded.
    const glm::vec3 eye = camera.position();
    // Pixels per metre at 1 m from the eye: proj[1][1] = 1 / tan(fov_y / 2), over half the height.
    const float pixels_per_metre_at_1m = std::abs(g.proj[1][1]) * 0.5f * static_cast<float>(scene_extent.height);
    drawn_triangles_ = 0;
    const std::size_t drawn = std::min(meshes_.size(), frame.meshes.size());
    std::vector<std::size_t> opaque;
    std::vector<std::size_t> translucent;
    for (std::size_t i = 0; i < drawn; ++i) {
        const MeshDrawState& state = frame.meshes[i];
        meshes_[i].drawn_level = choose_level(meshes_[i], state.model, eye, pixels_per_metre_at_1m);
        if (!state.visible) continue;
        drawn_triangles_ += meshes_[i].levels[meshes_[i].drawn_level].index_count / 3;
        if (meshes_[i].translucent || state.tint.a < 0.999f) translucent.push_back(i);
        else opaque.push_back(i);
    }
    auto distance = [&](std::size_t i) { return glm::length(meshes_[i].center - eye); };
    std::sort(opaque.begin(), opaque.end(), [&](std::size_t a, std::size_t b) { return distance(a) < distance(b); });
    VkPipeline bound = VK_NULL_HANDLE;
    for (std::size_t i : opaque) {
        const VkPipeline wanted = meshes_[i].cull_back_faces ? pipelines.opaque_culled.get() : pipelines.opaque.get();
        if (wanted != bound) vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, bound = wanted);
        draw_mesh(cmd, meshes_[i], frame.meshes[i]);
    }

    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelines.background);
    vkCmdDraw(cmd, 3, 1, 0, 0);

    if (!translucent.empty()) {
        // Back to front by mesh centre: good enough for a few nested layers.
        std::sort(translucent.begin(), translucent.end(),
                  [&](std::size_t a, std::size_t b) { return distance(a) > distance(b); });
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelines.translucent);
        for (std::size_t i : translucent) draw_mesh(cmd, meshes_[i], frame.meshes[i]);
    }
    if (frame.show_ghost && !frame.ghost_meshes.empty()) {
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelines.translucent);
        for (std::size_t i : frame.ghost_meshes) {
            if (i < drawn && frame.meshes[i].visible) draw_ghost(cmd, meshes_[i], frame.meshes[i]);  // follows layers
        }
    }
    if (scaled) {
        // Stretch the scene over the target, then the overlay at full resolution.
        vkCmdEndRenderPass(cmd);
        VkRenderPassBeginInfo composite{};
        composite.sType = VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO;
        composite.renderPass = composite_pass_;
        composite.framebuffer = framebuffers_[target_index];
        composite.renderArea = {{0, 0}, extent_};
        vkCmdBeginRenderPass(cmd, &composite, VK_SUBPASS_CONTENTS_INLINE);
        const VkViewport full{0.0f, 0.0f, static_cast<float>(extent_.width), static_cast<float>(extent_.height), 0.0f,
                              1.0f};
        const VkRect2D full_scissor{{0, 0}, extent_};
        vkCmdSetViewport(cmd, 0, 1, &full);
        vkCmdSetScissor(cmd, 0, 1, &full_scissor);
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, composite_pipeline_);
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, composite_layout_, 0, 1, &composite_set_, 0,
                                nullptr);
        const float w = static_cast<float>(extent_.width), h = static_cast<float>(extent_.height);
        const glm::vec4 uv(static_cast<float>(scene_extent.width) / w, static_cast<float>(scene_extent.height) / h,
                           (static_cast<float>(scene_extent.width) - 0.5f) / w,
                           (static_cast<float>(scene_extent.height) - 0.5f) / h);
        vkCmdPushConstants(cmd, composite_layout_, VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(uv), &uv);
        vkCmdDraw(cmd, 3, 1, 0, 0);
    }
    if (overlay) overlay(cmd);
    vkCmdEndRenderPass(cmd);
}

}  // namespace myoview::render
