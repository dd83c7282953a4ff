#pragma once
// Driving the viewer's window with a real X client (xdotool), on the X server tools/test started or on a private
// one this test starts itself (with a window manager, for what only a window manager does: iconify and restore).

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.h"

namespace myoview::testing {

inline bool have_display() {
    const char* d = std::getenv("DISPLAY");
    return d && *d;
}

// Runs an X client against `display` ("" = the inherited DISPLAY).
inline ProcessResult x_client(std::vector<std::string> argv, const std::string& display = "") {
    ProcessOptions options = with_timeout(15.0);
    if (!display.empty()) options.env["DISPLAY"] = display;
    return run_process(argv, options);
}

inline ProcessResult xdotool(const std::vector<std::string>& args, const std::string& display = "") {
    std::vector<std::string> argv{"/usr/bin/xdotool"};
    argv.insert(argv.end(), args.begin(), args.end());
    return x_client(argv, display);
}

// Waits for the visible window of process `pid`; returns its X window id or "".
inline std::string find_window(int pid, double timeout_s, const std::string& display = "") {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (std::chrono::steady_clock::now() < deadline) {
        const auto r = xdotool({"search", "--onlyvisible", "--pid", std::to_string(pid)}, display);
        if (r.exit_code == 0 && !r.out.empty()) return r.out.substr(0, r.out.find('\n'));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return {};
}

// "IsViewable", "IsUnMapped" or "IsUnviewable", from xwininfo.
inline std::string map_state(const std::string& id, const std::string& display = "") {
    const auto r = x_client({"/usr/bin/xwininfo", "-id", id}, display);
    const auto at = r.out.find("Map State: ");
    if (at == std::string::npos) return {};
    const auto begin = at + 11;
    return r.out.substr(begin, r.out.find('\n', begin) - begin);
}

inline nlohmann::json read_json(const std::string& path) {
    std::ifstream in(path);
    if (!in) return {};
    return nlohmann::json::parse(in, nullptr, false);
}

// A private Xvfb on a free display number, optionally with twm (the smallest window manager Debian packages that
// iconifies on request, WM_CHANGE_STATE, and restores on a map request), stopped with the object. Private, so that
// a window manager never touches the windows of tests running beside it on the shared X server.
class PrivateDisplay {
public:
    // `screen`: Xvfb's WIDTHxHEIGHTxDEPTH (the 1920x1080 and 3840x2160 screens of a clinic or a classroom).
    explicit PrivateDisplay(bool window_manager, const std::string& work_dir,
                            const std::string& screen = "1280x1024x24") {
        for (int n = 160; n < 240 && !server_; ++n) {
            const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
            const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
            struct stat info {};
            if (::stat(socket.c_str(), &info) == 0 || ::stat(lock.c_str(), &info) == 0) continue;
            auto server = std::make_unique<BackgroundProcess>(std::vector<std::string>{
                "/usr/bin/Xvfb", ":" + std::to_string(n), "-screen", "0", screen, "-nolisten", "tcp",
                "-noreset"});
            // Ours once the lock file names our server: two tests starting at once may both have found the number
            // free, and the one whose Xvfb lost the lock must not take the other's display (it would vanish with
            // the other test).
            for (int i = 0; i < 100 && server->running() && !(owns_lock(lock, server->pid()) &&
                                                              ::stat(socket.c_str(), &info) == 0);
                 ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            // And a client gets in. -noreset: without it the server resets when its last client leaves (this
            // check, or the viewer's own probe of the display before GLFW connects), and a client connecting
            // during the reset is refused: "Failed to open display".
            if (server->running() && owns_lock(lock, server->pid()) && ::stat(socket.c_str(), &info) == 0 &&
                x_client({"/usr/bin/xdotool", "getdisplaygeometry"}, ":" + std::to_string(n)).exit_code == 0 &&
                server->running()) {
                server_ = std::move(server);
                name_ = ":" + std::to_string(n);
            }
        }
        if (!server_ || !window_manager) return;
        // twm's default fonts are not on a bare Xvfb; "fixed" is built in. No title bars, no placement by hand.
        const std::string config = work_dir + "/twmrc";
        std::ofstream(config) << "RandomPlacement\nNoTitle\nTitleFont \"fixed\"\nResizeFont \"fixed\"\n"
                                 "MenuFont \"fixed\"\nIconFont \"fixed\"\nIconManagerFont \"fixed\"\n";
        ProcessOptions options;
        options.env["DISPLAY"] = name_;
        options.env["LC_ALL"] = "C";
        window_manager_ = std::make_unique<BackgroundProcess>(std::vector<std::string>{"/usr/bin/twm", "-f", config},
                                                              options);
    }
    ~PrivateDisplay() {
        // SIGTERM, not the SIGKILL of ~BackgroundProcess: Xvfb then removes its socket and lock file.
        for (auto* process : {window_manager_.get(), server_.get()}) {
            if (process && process->running()) {
                ::kill(process->pid(), SIGTERM);
                process->wait(10.0);
            }
        }
    }
    PrivateDisplay(const PrivateDisplay&) = delete;
    PrivateDisplay& operator=(const PrivateDisplay&) = delete;

    bool ok() { return server_ && server_->running() && (!window_manager_ || window_manager_->running()); }
    const std::string& name() const { return name_; }  // ":N", for DISPLAY
    std::string problem() {
        if (!server_) return "no Xvfb could be started";
        if (window_manager_ && !window_manager_->running()) return "twm exited: " + window_manager_->wait(1.0).err;
        return {};
    }

    // Waits until the window manager has taken window `id` in (reparented it into its frame).
    bool managed(const std::string& id, double timeout_s) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
        while (std::chrono::steady_clock::now() < deadline) {
            const auto r = x_client({"/usr/bin/xwininfo", "-id", id, "-tree"}, name_);
            const auto parent = r.out.find("Parent window id: ");
            if (parent != std::string::npos) {
                const std::string line = r.out.substr(parent, r.out.find('\n', parent) - parent);
                if (line.find("(the root window)") == std::string::npos) return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        return false;
    }

private:
    // Xvfb writes its process id into the display's lock file (/tmp/.XN-lock, "%10d\n").
    static bool owns_lock(const std::string& lock, int pid) {
        std::ifstream in(lock);
        int owner = 0;
        return in >> owner && owner == pid;
    }

    std::unique_ptr<BackgroundProcess> server_;
    std::unique_ptr<BackgroundProcess> window_manager_;
    std::string name_;
};

}  // namespace myoview::testing
