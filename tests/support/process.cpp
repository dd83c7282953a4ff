#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace myoview::testing {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    start_ = std::chrono::steady_clock::now();
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(out_pipe[1], STDOUT_FILENO);
        dup2(err_pipe[1], STDERR_FILENO);
        const int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) dup2(devnull, STDIN_FILENO);
        for (const auto& [name, value] : options.env) {
            if (value) setenv(name.c_str(), value->c_str(), 1);
            else unsetenv(name.c_str());
        }
        if (!options.working_dir.empty() && chdir(options.working_dir.c_str()) != 0) _exit(126);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    out_fd_ = out_pipe[0];
    err_fd_ = err_pipe[0];
}

BackgroundProcess::~BackgroundProcess() {
    if (pid_ > 0 && !exited_) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status_, 0);
    }
    if (out_fd_ >= 0) close(out_fd_);
    if (err_fd_ >= 0) close(err_fd_);
}

void BackgroundProcess::pump(int timeout_ms) {
    pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    const int n = poll(fds, 2, timeout_ms);
    if (n <= 0) return;
    char buffer[4096];
    for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
        const ssize_t got = read(fds[i].fd, buffer, sizeof(buffer));
        if (got > 0) {
            (i == 0 ? result_.out : result_.err).append(buffer, static_cast<std::size_t>(got));
        } else {
            close(fds[i].fd);
            (i == 0 ? out_fd_ : err_fd_) = -1;
        }
    }
}

bool BackgroundProcess::running() {
    if (exited_) return false;
    pump(0);
    if (waitpid(pid_, &status_, WNOHANG) == pid_) exited_ = true;
    return !exited_;
}

const std::string& BackgroundProcess::err_so_far() {
    if (out_fd_ >= 0 || err_fd_ >= 0) pump(0);
    return result_.err;
}

bool BackgroundProcess::wait_for_err(const std::string& text, double timeout_s) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (std::chrono::steady_clock::now() < deadline) {
        if (out_fd_ >= 0 || err_fd_ >= 0) pump(50);
        if (result_.err.find(text) != std::string::npos) return true;
        if (!running()) return result_.err.find(text) != std::string::npos;
        if (out_fd_ < 0 && err_fd_ < 0) usleep(20000);
    }
    return false;
}

ProcessResult BackgroundProcess::wait(double timeout_s) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (!exited_) {
        if (std::chrono::steady_clock::now() > deadline) {
            result_.timed_out = true;
            kill(pid_, SIGKILL);
            waitpid(pid_, &status_, 0);
            exited_ = true;
            break;
        }
        if (out_fd_ >= 0 || err_fd_ >= 0) pump(50);
        else usleep(20000);
        if (waitpid(pid_, &status_, WNOHANG) == pid_) exited_ = true;
    }
    while (out_fd_ >= 0 || err_fd_ >= 0) pump(100);  // drain what is left
    result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (WIFEXITED(status_) && !result_.timed_out) result_.exit_code = WEXITSTATUS(status_);
    if (WIFSIGNALED(status_)) result_.signal = WTERMSIG(status_);
    return result_;
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    BackgroundProcess process(argv, options);
    return process.wait(options.timeout_s);
}

std::string executable() { return MYOVIEW_EXECUTABLE; }

std::string temp_dir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("myoview-test-" + std::to_string(getpid())) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

}  // namespace myoview::testing
