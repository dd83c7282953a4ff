#include "myoview/render/presenter.h"

#include "myoview/base/log.h"
#include "myoview/gpu/vk_error.h"
#include "myoview/platform/window.h"

namespace myoview::render {
namespace {
void begin_commands(VkCommandBuffer cmd) {
    VkCommandBufferBeginInfo begin{};
    begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    MYOVIEW_VK_CHECK(vkBeginCommandBuffer(cmd, &begin));
}
}  // namespace

Result<VkFormat> WindowPresenter::surface_format(const GpuContext& ctx) {
    auto format = gpu::choose_surface_format(ctx.device.physical().handle, ctx.surface->get());
    if (!format) return format.error();
    return format->format;
}

Result<std::unique_ptr<WindowPresenter>> WindowPresenter::create(GpuContext& ctx, platform::Window& window,
                                                                 SceneRenderer& renderer, gpu::FrameRing& ring) {
    std::unique_ptr<WindowPresenter> p(new WindowPresenter(ctx, window, renderer, ring));
    p->needs_recreate_ = true;  // the first draw builds the swapchain once the window has an area
    return p;
}

Status WindowPresenter::recreate() {
    // Nothing the GPU still uses may be destroyed: wait for every frame in flight first.
    ring_.drain();
    const VkExtent2D size = window_.framebuffer_size();
    gpu::SwapchainBuilder builder(ctx_.device, ctx_.surface->get());
    builder.set_desired_extent(size.width, size.height).set_old_swapchain(swapchain_.get());
    auto swapchain = builder.build();
    if (!swapchain) return swapchain.error();
    swapchain_ = std::move(swapchain).value();  // the old one is destroyed here, after the new one exists
    std::vector<VkImageView> views;
    for (uint32_t i = 0; i < swapchain_.image_count(); ++i) views.push_back(swapchain_.view(i));
    if (auto s = renderer_.resize(swapchain_.extent(), views); !s) return s;
    needs_recreate_ = false;
    ++recreations_;
    return Ok{};
}

Result<FrameOutcome> WindowPresenter::draw(const RecordFn& record) {
    if (window_.minimized()) return FrameOutcome::kSkipped;  // 0x0: no swapchain can exist; wait for a restore
    const VkExtent2D size = window_.framebuffer_size();
    if (needs_recreate_ || size.width != swapchain_.extent().width || size.height != swapchain_.extent().height) {
        if (auto s = recreate(); !s) {
            if (window_.minimized()) return FrameOutcome::kSkipped;  // minimized between the check and the build
            return s.error();
        }
    }

    gpu::FrameSlot& slot = ring_.begin();
    uint32_t image = 0;
    VkResult r = vkAcquireNextImageKHR(ctx_.device, swapchain_.get(), UINT64_MAX, slot.image_acquired,
                                       VK_NULL_HANDLE, &image);
    if (r == VK_ERROR_OUT_OF_DATE_KHR) {
        needs_recreate_ = true;  // the semaphore was not signalled; the slot's fence is untouched
        return FrameOutcome::kSkipped;
    }
    if (r == VK_SUBOPTIMAL_KHR) {
        // The semaphore IS signalled: render and present this frame, recreate before the next one.
        needs_recreate_ = true;
    } else if (r != VK_SUCCESS) {
        return gpu::make_vk_error("acquiring a swapchain image", r);
    }

    ring_.reset_fence(slot);
    begin_commands(slot.cmd);
    record(slot.cmd, image, ring_.index());
    MYOVIEW_VK_CHECK(vkEndCommandBuffer(slot.cmd));

    const VkSemaphore wait = slot.image_acquired;
    const VkSemaphore signal = swapchain_.render_finished(image);
    const VkPipelineStageFlags wait_stage = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    VkSubmitInfo submit{};
    submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
    submit.waitSemaphoreCount = 1;
    submit.pWaitSemaphores = &wait;
    submit.pWaitDstStageMask = &wait_stage;
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &slot.cmd;
    submit.signalSemaphoreCount = 1;
    submit.pSignalSemaphores = &signal;
    r = vkQueueSubmit(ctx_.device.graphics_queue(), 1, &submit, slot.in_flight);
    if (r != VK_SUCCESS) return gpu::make_vk_error("submitting a frame", r);

    const VkSwapchainKHR swapchain = swapchain_.get();
    VkPresentInfoKHR present{};
    present.sType = VK_STRUCTURE_TYPE_PRESENT_INFO_KHR;
    present.waitSemaphoreCount = 1;
    present.pWaitSemaphores = &signal;
    present.swapchainCount = 1;
    present.pSwapchains = &swapchain;
    present.pImageIndices = &image;
    r = vkQueuePresentKHR(ctx_.device.graphics_queue(), &present);
    ring_.advance();
    if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) {
        needs_recreate_ = true;  // not an error: the window changed under us
    } else if (r != VK_SUCCESS) {
        return gpu::make_vk_error("presenting a frame", r);
    }
    return FrameOutcome::kPresented;
}

Result<std::unique_ptr<OffscreenPresenter>> OffscreenPresenter::create(GpuContext& ctx, VkExtent2D extent,
                                                                       SceneRenderer& renderer, gpu::FrameRing& ring) {
    std::unique_ptr<OffscreenPresenter> p(new OffscreenPresenter(ctx, ring));
    auto target = gpu::OffscreenTarget::create(ctx.device, extent);
    if (!target) return target.error();
    p->target_ = std::move(target).value();
    if (auto s = renderer.resize(extent, {p->target_.view()}); !s) return s.error();
    return p;
}

Status OffscreenPresenter::draw(const RecordFn& record, bool read_back) {
    gpu::FrameSlot& slot = ring_.begin();
    ring_.reset_fence(slot);
    begin_commands(slot.cmd);
    record(slot.cmd, 0, ring_.index());
    if (read_back) target_.record_readback(slot.cmd);
    MYOVIEW_VK_CHECK(vkEndCommandBuffer(slot.cmd));
    VkSubmitInfo submit{};
    submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &slot.cmd;
    const VkResult r = vkQueueSubmit(ctx_.device.graphics_queue(), 1, &submit, slot.in_flight);
    ring_.advance();
    if (r != VK_SUCCESS) return gpu::make_vk_error("submitting an offscreen frame", r);
    return Ok{};
}

void OffscreenPresenter::wait_idle() { ring_.drain(); }

}  // namespace myoview::render
