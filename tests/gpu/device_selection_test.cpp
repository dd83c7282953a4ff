// Device selection: the ranking as a pure function over described GPUs (no driver needed), and the real selector on
// whatever this machine has (lavapipe on CI).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "myoview/gpu/device.h"
#include "myoview/gpu/instance.h"
#include "myoview/gpu/vk_error.h"

namespace myoview::gpu {
namespace {

using ::testing::HasSubstr;

DeviceCandidate gpu(std::string name, VkPhysicalDeviceType type) {
    DeviceCandidate c;
    c.name = std::move(name);
    c.type = type;
    c.api_version = VK_API_VERSION_1_3;
    c.graphics_family = 0;
    c.extensions = {VK_KHR_SWAPCHAIN_EXTENSION_NAME};
    return c;
}

TEST(DeviceSelection, PrefersDiscreteOverIntegratedOverVirtualOverCpu) {
    const std::vector<DeviceCandidate> all = {
        gpu("llvmpipe", VK_PHYSICAL_DEVICE_TYPE_CPU), gpu("virtio", VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU),
        gpu("Intel UHD", VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU), gpu("RTX", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU)};
    EXPECT_EQ(choose_device(all, {}).chosen, 3);
    EXPECT_EQ(choose_device({all[0], all[1], all[2]}, {}).chosen, 2);
    EXPECT_EQ(choose_device({all[0], all[1]}, {}).chosen, 1);
    EXPECT_EQ(choose_device({all[0]}, {}).chosen, 0);
    const auto outcome = choose_device(all, {});
    EXPECT_EQ(outcome.passed_over.size(), 3u) << "the log says which usable GPUs were ranked lower";
}

TEST(DeviceSelection, NameFilterOverridesTheRankingCaseInsensitively) {
    const std::vector<DeviceCandidate> all = {gpu("llvmpipe (LLVM 15)", VK_PHYSICAL_DEVICE_TYPE_CPU),
                                              gpu("NVIDIA H100", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU)};
    SelectionCriteria criteria;
    criteria.name_filter = "LLVMPIPE";
    const auto outcome = choose_device(all, criteria);
    EXPECT_EQ(outcome.chosen, 0);
    ASSERT_EQ(outcome.rejections.size(), 1u);
    EXPECT_THAT(outcome.rejections[0], HasSubstr("NVIDIA H100"));
    EXPECT_THAT(outcome.rejections[0], HasSubstr("--gpu"));
}

TEST(DeviceSelection, EveryRejectedGpuCarriesItsReason) {
    DeviceCandidate old_api = gpu("Old", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU);
    old_api.api_version = VK_API_VERSION_1_0;
    DeviceCandidate no_graphics = gpu("Compute only", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU);
    no_graphics.graphics_family = -1;
    DeviceCandidate no_swapchain = gpu("Headless card", VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU);
    no_swapchain.extensions.clear();
    DeviceCandidate no_formats = gpu("No formats", VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU);
    no_formats.has_surface_formats = false;
    SelectionCriteria criteria;
    criteria.need_present = true;
    criteria.required_extensions = {VK_KHR_SWAPCHAIN_EXTENSION_NAME};
    const auto outcome = choose_device({old_api, no_graphics, no_swapchain, no_formats}, criteria);
    EXPECT_EQ(outcome.chosen, -1);
    ASSERT_EQ(outcome.rejections.size(), 4u);
    EXPECT_THAT(outcome.rejections[0], HasSubstr("supports Vulkan 1.0, needs 1.2"));
    EXPECT_THAT(outcome.rejections[1], HasSubstr("draw and present"));
    EXPECT_THAT(outcome.rejections[2], HasSubstr("missing extension VK_KHR_swapchain"));
    EXPECT_THAT(outcome.rejections[3], HasSubstr("cannot present"));
}

TEST(DeviceSelection, EqualTypesKeepTheDriversOrder) {
    const auto outcome = choose_device(
        {gpu("first", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU), gpu("second", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU)}, {});
    EXPECT_EQ(outcome.chosen, 0);
}

TEST(DeviceSelection, RealSelectorFindsADeviceHeadless) {
    auto instance = InstanceBuilder().request_validation(true).build();
    ASSERT_TRUE(instance) << instance.error().full_text();
    auto physical = PhysicalDeviceSelector(instance.value()).select();
    ASSERT_TRUE(physical) << physical.error().full_text();
    EXPECT_FALSE(physical->name().empty());
    auto device = DeviceBuilder(instance.value(), physical.value()).build();
    ASSERT_TRUE(device) << device.error().full_text();
    EXPECT_NE(device->graphics_queue(), VK_NULL_HANDLE);
    EXPECT_EQ(instance->validation_log()->count(), 0);
}

TEST(DeviceSelection, RealSelectorWithAnUnmatchedFilterSaysWhyEachGpuWasRejected) {
    auto instance = InstanceBuilder().build();
    ASSERT_TRUE(instance);
    auto physical = PhysicalDeviceSelector(instance.value()).set_name_filter("no-such-gpu-xyz").select();
    ASSERT_FALSE(physical);
    EXPECT_THAT(physical.error().message, HasSubstr("no-such-gpu-xyz"));
    ASSERT_FALSE(physical.error().details.empty());
    for (const auto& d : physical.error().details) EXPECT_THAT(d, HasSubstr("name does not contain"));
}

TEST(VkError, NamesTheResultAndExplainsIt) {
    const Error e = make_vk_error("creating the device", VK_ERROR_OUT_OF_DEVICE_MEMORY);
    EXPECT_THAT(e.message, HasSubstr("VK_ERROR_OUT_OF_DEVICE_MEMORY"));
    EXPECT_THAT(e.message, HasSubstr("GPU ran out of memory"));
    EXPECT_EQ(e.vk_result, VK_ERROR_OUT_OF_DEVICE_MEMORY);
    EXPECT_STREQ(vk_result_string(VK_SUBOPTIMAL_KHR), "VK_SUBOPTIMAL_KHR");
}

}  // namespace
}  // namespace myoview::gpu
