#pragma once
// Result<T>: a value or an Error that says why, in words a user can act on.
//
// Contract: recoverable failures (a bad file, no suitable GPU, no display) travel as Error; programming errors
// assert. Callers test has_value() before value(); value() on an error is a programming error and aborts with
// the error's message rather than throwing.

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

namespace myoview {

struct Error {
    std::string message;                // one line a user can act on
    std::vector<std::string> details;   // further lines: e.g. why each GPU was rejected
    int vk_result = 0;                  // VkResult where one caused it, else 0 (VK_SUCCESS)
    std::error_code code{};             // per-stage error code where one applies

    Error() = default;
    explicit Error(std::string msg) : message(std::move(msg)) {}
    Error(std::string msg, std::error_code ec) : message(std::move(msg)), code(ec) {}

    // The message followed by every detail line, each on its own indented line.
    std::string full_text() const {
        std::string text = message;
        for (const auto& d : details) text += "\n  - " + d;
        return text;
    }
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : storage_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : storage_(std::move(error)) {}   // NOLINT(google-explicit-constructor)

    bool has_value() const { return std::holds_alternative<T>(storage_); }
    explicit operator bool() const { return has_value(); }

    T& value() & { check(); return std::get<T>(storage_); }
    const T& value() const& { check(); return std::get<T>(storage_); }
    T&& value() && { check(); return std::get<T>(std::move(storage_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const {
        assert(!has_value());
        return std::get<Error>(storage_);
    }

private:
    void check() const {
        if (!has_value()) {
            std::fprintf(stderr, "myoview: value() called on a failed Result: %s\n",
                         std::get<Error>(storage_).message.c_str());
            std::abort();
        }
    }
    std::variant<T, Error> storage_;
};

// Result<void>: success or an Error.
struct Ok {};
using Status = Result<Ok>;

}  // namespace myoview
