#pragma once
// Runs a program as a child process with a deadline, capturing stdout and stderr: how tests drive the real
// myoview executable (the tests never link the app).

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myoview::testing {

struct ProcessResult {
    int exit_code = -1;       // -1 when killed by a signal or the deadline
    int signal = 0;           // the signal that ended it, 0 if none
    bool timed_out = false;
    std::string out;
    std::string err;
    double seconds = 0.0;
};

struct ProcessOptions {
    double timeout_s = 60.0;
    // Environment changes: a value sets the variable, std::nullopt removes it.
    std::map<std::string, std::optional<std::string>> env;
    std::string working_dir;
};

inline ProcessOptions with_timeout(double seconds) {
    ProcessOptions o;
    o.timeout_s = seconds;
    return o;
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// A child process started in the background (for tests that drive a window while it runs).
class BackgroundProcess {
public:
    BackgroundProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});
    ~BackgroundProcess();  // kills and reaps the child if still running
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;
    bool running();
    // Waits until exit or the deadline (then kills); collects output.
    ProcessResult wait(double timeout_s);
    // What the child wrote to stderr so far (reads what is waiting, without blocking).
    const std::string& err_so_far();
    // Waits until stderr contains `text` (true), the child exits or the deadline passes (false).
    bool wait_for_err(const std::string& text, double timeout_s);
    int pid() const { return pid_; }

private:
    void pump(int timeout_ms);
    int pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    bool exited_ = false;
    int status_ = 0;
    ProcessResult result_;
    std::chrono::steady_clock::time_point start_;
};

std::string executable();                 // the built myoview binary
std::string temp_dir(const std::string& name);  // a fresh, empty directory under the build tree

}  // namespace myoview::testing
