#include "myoview/render/presenter.h"

#include "myoview/base/log.h"
#include "myoview/gpu/vk_error.h"
#include "myoview/platform/window.h"

namespace myoview::render {
namespace {

// How long one acquire may wait for a swapchain image before the frame is skipped: short, so that a presentation
// engine that stops handing out images leaves the loop responsive (events, Q, signals) instead of blocked.
constexpr uint64_t kAcquireTimeoutNs = 1'000'000'000ull;

Status begin_commands(VkCommandBuffer cmd) {
    VkCommandBufferBeginInfo begin{};
    begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    return gpu::vk_status("starting a frame's command buffer", vkBeginCommandBuffer(cmd, &begin));
}

bool injected(const FaultInjection& fault, FaultInjection::Kind kind, long frame) {
    return fault.kind == kind && fault.at_frame == frame;
}

// Starts frame number `frame` on the ring: the bounded wait for its slot, or the injected device loss.
Result<gpu::FrameSlot*> begin_slot(gpu::FrameRing& ring, const FaultInjection& fault, long frame) {
    if (injected(fault, FaultInjection::Kind::kDeviceLost, frame)) {
        ring.mark_failed();
        return gpu::make_vk_error("waiting for a frame to finish (injected)", VK_ERROR_DEVICE_LOST);
    }
    return ring.begin();
}

// Submits and, when the submission fails, tells the ring that the slot's fence will never signal.
Status submit(gpu::FrameRing& ring, gpu::FrameSlot& slot, VkQueue queue, const VkSubmitInfo& info,
              const FaultInjection& fault, long frame, const char* what) {
    const VkResult r = injected(fault, FaultInjection::Kind::kSubmit, frame)
                           ? VK_ERROR_OUT_OF_DEVICE_MEMORY
                           : vkQueueSubmit(queue, 1, &info, slot.in_flight);
    if (r == VK_SUCCESS) return Ok{};
    ring.submit_failed(slot);
    return gpu::make_vk_error(injected(fault, FaultInjection::Kind::kSubmit, frame) ? std::string(what) + " (injected)"
                                                                                     : std::string(what),
                              r);
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
    if (auto s = ring_.drain(); !s) return s;
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
    if (window_.minimized()) return FrameOutcome::kSkipped;  // no area to draw to; wait for a restore
    // A resize event and an earlier OUT_OF_DATE / SUBOPTIMAL are answered by one rebuild; the request stays until a
    // rebuild succeeds.
    if (window_.take_resized()) needs_recreate_ = true;
    if (needs_recreate_) {
        if (auto s = recreate(); !s) {
            if (window_.minimized()) return FrameOutcome::kSkipped;  // minimized between the check and the build
            return s.error();
        }
    }

    const long frame = frames_ + 1;
    auto begun = begin_slot(ring_, fault_, frame);
    if (!begun) return begun.error();
    gpu::FrameSlot& slot = *begun.value();
    uint32_t image = 0;
    VkResult r = vkAcquireNextImageKHR(ctx_.device, swapchain_.get(), kAcquireTimeoutNs, slot.image_acquired,
                                       VK_NULL_HANDLE, &image);
    if (r == VK_ERROR_OUT_OF_DATE_KHR) {
        needs_recreate_ = true;  // the semaphore was not signalled; the slot's fence is untouched
        return FrameOutcome::kSkipped;
    }
    if (r == VK_TIMEOUT || r == VK_NOT_READY) {
        log::debug("no swapchain image within 1 s; frame skipped");
        return FrameOutcome::kSkipped;  // nothing was signalled; the next frame tries again
    }
    if (r == VK_SUBOPTIMAL_KHR) {
        // The semaphore IS signalled: render and present this frame, recreate before the next one.
        needs_recreate_ = true;
    } else if (r != VK_SUCCESS) {
        ring_.mark_failed();
        return gpu::make_vk_error("acquiring a swapchain image", r);
    }
    frames_ = frame;

    if (auto s = ring_.reset_fence(slot); !s) return s.error();
    if (auto s = begin_commands(slot.cmd); !s) return s.error();
    record(slot.cmd, image, ring_.index());
    if (auto s = gpu::vk_status("recording a frame", vkEndCommandBuffer(slot.cmd)); !s) return s.error();

    const VkSemaphore wait = slot.image_acquired;
    const VkSemaphore signal = swapchain_.render_finished(image);
    const VkPipelineStageFlags wait_stage = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    VkSubmitInfo info{};
    info.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
    info.waitSemaphoreCount = 1;
    info.pWaitSemaphores = &wait;
    info.pWaitDstStageMask = &wait_stage;
    info.commandBufferCount = 1;
    info.pCommandBuffers = &slot.cmd;
    info.signalSemaphoreCount = 1;
    info.pSignalSemaphores = &signal;
    if (auto s = submit(ring_, slot, ctx_.device.graphics_queue(), info, fault_, frame, "submitting a frame"); !s) {
        return s.error();
    }

    const VkSwapchainKHR swapchain = swapchain_.get();
    VkPresentInfoKHR present{};
    present.sType = VK_STRUCTURE_TYPE_PRESENT_INFO_KHR;
    present.waitSemaphoreCount = 1;
    present.pWaitSemaphores = &signal;
    present.swapchainCount = 1;
    present.pSwapchains = &swapchain;
    present.pImageIndices = &image;
    const bool fail_present = injected(fault_, FaultInjection::Kind::kPresent, frame);
    r = fail_present ? VK_ERROR_SURFACE_LOST_KHR : vkQueuePresentKHR(ctx_.device.graphics_queue(), &present);
    ring_.advance();
    if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) {
        needs_recreate_ = true;  // not an error: the window changed under us
    } else if (r != VK_SUCCESS) {
        return gpu::make_vk_error(fail_present ? "presenting a frame (injected)" : "presenting a frame", r);
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
    const long frame = ++frames_;
    auto begun = begin_slot(ring_, fault_, frame);
    if (!begun) return begun.error();
    gpu::FrameSlot& slot = *begun.value();
    if (auto s = ring_.reset_fence(slot); !s) return s;
    if (auto s = begin_commands(slot.cmd); !s) return s;
    record(slot.cmd, 0, ring_.index());
    if (read_back) target_.record_readback(slot.cmd);
    if (auto s = gpu::vk_status("recording an offscreen frame", vkEndCommandBuffer(slot.cmd)); !s) return s;
    VkSubmitInfo info{};
    info.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
    info.commandBufferCount = 1;
    info.pCommandBuffers = &slot.cmd;
    auto submitted = submit(ring_, slot, ctx_.device.graphics_queue(), info, fault_, frame,
                            "submitting an offscreen frame");
    ring_.advance();
    return submitted;
}

Status OffscreenPresenter::wait_idle() { return ring_.drain(); }

}  // namespace myoview::render
