#include "myoview/render/context.h"

#include "myoview/base/log.h"
#include "myoview/platform/window.h"

namespace myoview::render {

Result<std::unique_ptr<GpuContext>> create_gpu_context(const GpuOptions& options, const platform::Window* window) {
    auto ctx = std::make_unique<GpuContext>();
    gpu::InstanceBuilder builder;
    builder.set_app_name("myoview").request_validation(options.validate);
    if (window) builder.require_extensions(platform::Window::required_instance_extensions());
    auto instance = builder.build();
    if (!instance) return instance.error();
    ctx->instance = std::move(instance).value();

    gpu::PhysicalDeviceSelector selector(ctx->instance);
    selector.set_name_filter(options.gpu_filter);
    if (window) {
        auto surface = window->create_surface(ctx->instance.get());
        if (!surface) return surface.error();
        ctx->surface = std::make_unique<Surface>(ctx->instance.get(), surface.value());
        selector.set_surface(ctx->surface->get());
    }
    auto physical = selector.select();
    if (!physical) return physical.error();
    const gpu::PhysicalDevice& chosen = physical.value();
    log::info("GPU: " + chosen.name() + " (" + gpu::device_type_name(chosen.properties.deviceType) + ", Vulkan " +
              std::to_string(VK_API_VERSION_MAJOR(chosen.properties.apiVersion)) + "." +
              std::to_string(VK_API_VERSION_MINOR(chosen.properties.apiVersion)) + ")");
    for (const auto& reason : chosen.rejections) log::info("  not chosen: " + reason);

    auto device = gpu::DeviceBuilder(ctx->instance, std::move(physical).value()).build();
    if (!device) return device.error();
    ctx->device = std::move(device).value();
    return ctx;
}

}  // namespace myoview::render
