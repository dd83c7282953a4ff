#pragma once
// Instance creation, vk-bootstrap style: InstanceBuilder{}.set_app_name("x").request_validation(true).build().
//
// With validation requested, VK_LAYER_KHRONOS_validation is enabled with synchronization validation, and a debug
// messenger counts every warning and error message (ValidationLog). Tests run with it and assert the count is 0.

#include <vulkan/vulkan.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "myoview/base/result.h"

namespace myoview::gpu {

// Every validation / debug-utils message of severity warning or error, counted and kept (the first 64) for reports.
class ValidationLog {
public:
    void record(VkDebugUtilsMessageSeverityFlagBitsEXT severity, const char* message);
    int count() const { return count_.load(); }
    std::vector<std::string> messages() const;

private:
    std::atomic<int> count_{0};
    mutable std::mutex mutex_;
    std::vector<std::string> messages_;
};

class Instance {
public:
    Instance() = default;
    ~Instance();
    Instance(Instance&& other) noexcept;
    Instance& operator=(Instance&& other) noexcept;
    Instance(const Instance&) = delete;
    Instance& operator=(const Instance&) = delete;

    VkInstance get() const { return instance_; }
    uint32_t api_version() const { return api_version_; }
    bool validation_enabled() const { return validation_; }
    bool debug_utils_enabled() const { return debug_utils_; }
    // Never null after build(); shared so a messenger callback outliving a moved Instance stays valid.
    const std::shared_ptr<ValidationLog>& validation_log() const { return log_; }

private:
    friend class InstanceBuilder;
    void destroy();
    VkInstance instance_ = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
    uint32_t api_version_ = 0;
    bool validation_ = false;
    bool debug_utils_ = false;
    std::shared_ptr<ValidationLog> log_;
};

class InstanceBuilder {
public:
    InstanceBuilder& set_app_name(std::string name);           // default "myoview"
    InstanceBuilder& request_validation(bool enable);           // default false
    InstanceBuilder& require_extensions(const std::vector<std::string>& names);  // default none (headless)
    InstanceBuilder& require_api_version(uint32_t version);     // default VK_API_VERSION_1_2
    Result<Instance> build() const;

private:
    std::string app_name_ = "myoview";
    bool validation_ = false;
    std::vector<std::string> extensions_;
    uint32_t api_version_ = VK_API_VERSION_1_2;
};

}  // namespace myoview::gpu
