// The parent and child halves of the isolated import.
//
// Parent: fork, read the child's result from a pipe with poll() against a deadline, cap what it accepts, reap
// the child, and turn every way the child can end into an Error a user can act on.
// Child: lower its own limits, import, encode the result into the pipe, _exit. It never returns into the
// caller's code, never runs the caller's atexit handlers and never flushes the caller's stdio buffers.

#include "isolated_import.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "assimp_import.h"
#include "model_stream.h"
#include "unique_fd.h"

namespace myoview::assets::detail {
namespace {

using Clock = std::chrono::steady_clock;

// Exit codes of the child besides 0 (a result record was written).
constexpr int kExitOutOfMemory = 86;
constexpr int kExitWriteFailed = 87;
constexpr int kExitUnexpected = 88;

constexpr std::size_t kReadChunkBytes = 64 * 1024;
constexpr std::size_t kMiB = 1024 * 1024;
// memory_limit_mb of 0, or this much and more (where MB -> bytes would overflow), means no limit.
constexpr std::size_t kUnlimitedMb = std::size_t{1} << 30;

bool has_memory_limit(const ImportOptions& options) {
    return options.memory_limit_mb > 0 && options.memory_limit_mb < kUnlimitedMb;
}

// --- child ---------------------------------------------------------------------------------------------------

// Writes to the pipe in large blocks. EINTR is retried, a short write continued; EPIPE (the parent gave up and
// closed its end; SIGPIPE is ignored in the child) fails the write, and the child exits.
class FdSink final : public ByteSink {
  public:
    explicit FdSink(int fd) : fd_(fd) { buffer_.reserve(kReadChunkBytes); }
    bool write(const char* data, std::size_t size) override {
        if (buffer_.size() + size > kReadChunkBytes) {
            if (!flush()) return false;
            if (size >= kReadChunkBytes) return write_all(data, size);
        }
        buffer_.insert(buffer_.end(), data, data + size);
        return true;
    }
    bool flush() {
        const bool ok = write_all(buffer_.data(), buffer_.size());
        buffer_.clear();
        return ok;
    }

  private:
    bool write_all(const char* data, std::size_t size) {
        while (size > 0) {
            const ssize_t n = ::write(fd_, data, size);
            if (n < 0) {
                if (errno == EINTR) continue;
                return false;
            }
            data += n;
            size -= static_cast<std::size_t>(n);
        }
        return true;
    }
    int fd_;
    std::vector<char> buffer_;
};

// Called by operator new when an allocation fails: under RLIMIT_AS that is the importer running out of memory.
// Exiting here (async-signal-safe, no allocation) reports it precisely instead of letting Assimp swallow the
// std::bad_alloc or die of it somewhere less obvious.
void on_child_out_of_memory() {
    ::_exit(kExitOutOfMemory);
}

// The child's current address-space size in bytes (inherited mappings: libraries, the parent's heap), read from
// /proc with plain syscalls; 0 when unknown.
std::size_t current_address_space() {
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char text[128] = {};
    const ssize_t n = ::read(fd, text, sizeof(text) - 1);
    ::close(fd);
    if (n <= 0) return 0;
    std::size_t pages = 0;
    for (const char* c = text; *c >= '0' && *c <= '9'; ++c) pages = pages * 10 + static_cast<std::size_t>(*c - '0');
    const long page_size = ::sysconf(_SC_PAGESIZE);
    return pages * static_cast<std::size_t>(page_size > 0 ? page_size : 4096);
}

void limit_child(const ImportOptions& options) {
    // A crashing importer must not leave a core file of several GB behind.
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    if (has_memory_limit(options)) {
        // The limit is on top of what the child inherited: a parent with a large address space (GPU driver
        // mappings) would otherwise leave the importer no room at all.
        const rlim_t limit = static_cast<rlim_t>(current_address_space() + options.memory_limit_mb * kMiB);
        const rlimit address_space{limit, limit};
        ::setrlimit(RLIMIT_AS, &address_space);
    }
}

void reset_signals() {
    // The caller's handlers (a crash reporter, a SIGINT handler that saves state) must not run in the child: a
    // crash must end the child with the signal so the parent can name it.
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGINT, SIGTERM, SIGHUP}) std::signal(sig, SIG_DFL);
    std::signal(SIGPIPE, SIG_IGN);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

void silence_output() {
    // Some Assimp importers print to stdout/stderr; the result travels through the pipe only.
    const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null_fd < 0) return;
    ::dup2(null_fd, STDOUT_FILENO);
    ::dup2(null_fd, STDERR_FILENO);
    ::close(null_fd);
}

// Keeps only stdin/stdout/stderr and the result pipe, which moves to kChildResultFd. Another thread of the
// parent may be importing at the same time: a write end of its pipe inherited here would hold back its EOF
// until this child exits (O_CLOEXEC does not help, the child never calls exec).
constexpr int kChildResultFd = 3;

int keep_only_result_fd(int write_fd) {
    if (write_fd != kChildResultFd && ::dup2(write_fd, kChildResultFd) < 0) ::_exit(kExitUnexpected);
    if (::close_range(kChildResultFd + 1, ~0u, 0) != 0) {
        const long max_fd = ::sysconf(_SC_OPEN_MAX);
        for (long fd = kChildResultFd + 1; fd < (max_fd > 0 ? max_fd : 1024); ++fd) ::close(static_cast<int>(fd));
    }
    return kChildResultFd;
}

[[noreturn]] void run_child(int write_fd, pid_t parent, const std::filesystem::path& path,
                            const ImportOptions& options) {
#ifdef __linux__
    // If the parent dies, so does the child: no orphaned importer keeps running for minutes. The signal follows
    // the forking *thread*; import_isolated blocks that thread until the child is reaped, so it outlives the child.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(kExitUnexpected);  // it died before prctl took effect
#endif
    write_fd = keep_only_result_fd(write_fd);
    reset_signals();
    limit_child(options);
    silence_output();
    std::set_new_handler(on_child_out_of_memory);
    int code = kExitUnexpected;
    try {
        FdSink sink(write_fd);
        Result<Model> model = import_with_assimp(path, options);
        const bool written = model ? encode_model(sink, model.value()) : encode_error(sink, model.error().message);
        code = (written && sink.flush()) ? 0 : kExitWriteFailed;
    } catch (const std::bad_alloc&) {
        code = kExitOutOfMemory;
    } catch (...) {
        code = kExitUnexpected;
    }
    ::_exit(code);
}

// --- parent --------------------------------------------------------------------------------------------------

// Owns the child's pid: whatever path the parent takes out of import_isolated, the child is killed if still
// running and always reaped, so no zombie is left behind.
class ChildProcess {
  public:
    explicit ChildProcess(pid_t pid) : pid_(pid) {}
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess() { kill_and_reap(); }

    // Non-blocking: true once the child has exited (status filled in).
    bool try_reap(int& status) {
        if (pid_ <= 0) return true;
        for (;;) {
            const pid_t r = ::waitpid(pid_, &status, WNOHANG);
            if (r == pid_) {
                pid_ = -1;
                return true;
            }
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) {  // ECHILD: someone else reaped it (a SIGCHLD=SIG_IGN caller); nothing left to wait for
                pid_ = -1;
                status = 0;
                return true;
            }
            return false;
        }
    }
    // Returns the wait status, or -1 if it could not be obtained.
    int kill_and_reap() {
        if (pid_ <= 0) return -1;
        ::kill(pid_, SIGKILL);
        int status = -1;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return status;
    }

  private:
    pid_t pid_;
};

std::string seconds_text(double seconds) {
    char buffer[32];
    std::snprintf(buffer, sizeof(buffer), "%g", seconds);
    return buffer;
}

int remaining_ms(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return 0;
    return left > 60'000 ? 60'000 : static_cast<int>(left) + 1;  // +1: round up so poll does not wake early
}

Result<Model> map_exit(const std::string& file, const ImportOptions& options, int status,
                       const std::vector<char>& bytes) {
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* name = ::strsignal(sig);
        std::string signal_text = "signal " + std::to_string(sig) + ": " + (name != nullptr ? name : "unknown");
        if (sig == SIGKILL) {
            // Not our timeout kill (that is handled before): most likely the kernel's out-of-memory killer.
            return Error(file + ": the importer was killed (" + signal_text + "); it may have run out of memory");
        }
        return Error(file + ": the importer crashed (" + signal_text + ")");
    }
    if (!WIFEXITED(status)) return Error(file + ": the importer ended in an unknown way");
    const int code = WEXITSTATUS(status);
    if (code == kExitOutOfMemory) {
        return Error(file + ": ran out of memory (limit " + std::to_string(options.memory_limit_mb) + " MB)");
    }
    if (code != 0) {
        return Error(file + ": the importer exited unexpectedly (exit code " + std::to_string(code) + ")");
    }
    DecodedPayload payload = decode_payload(bytes);
    switch (payload.kind) {
        case DecodedPayload::Kind::kError:
            return Error(std::move(payload.message));
        case DecodedPayload::Kind::kModel: {
            // The child validated already; checking again costs little and guards against a corrupted child.
            if (Status valid = validate(payload.model); !valid) return valid.error();
            return std::move(payload.model);
        }
        case DecodedPayload::Kind::kCorrupt:
            break;
    }
    return Error(file + ": the importer sent an unreadable result (" + payload.message + ")");
}

}  // namespace

Result<Model> import_isolated(const std::filesystem::path& path, const ImportOptions& options) {
    const std::string file = path.string();
    try {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            return Error(file + ": could not start the import process (pipe: " + std::strerror(errno) + ")");
        }
        UniqueFd read_end(fds[0]);
        UniqueFd write_end(fds[1]);
        const Clock::time_point deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                              std::chrono::duration<double>(*options.timeout_s));

        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid < 0) {
            return Error(file + ": could not start the import process (fork: " + std::strerror(errno) + ")");
        }
        if (pid == 0) {
            run_child(write_end.get(), parent, path, options);  // closes read_end with every other descriptor
        }
        ChildProcess child(pid);
        write_end.reset();  // the child holds the only write end: its exit gives us EOF

        // More than the child could hold in its address space is not a model, it is a runaway child.
        const std::size_t max_bytes =
            has_memory_limit(options) ? options.memory_limit_mb * kMiB + kMiB : static_cast<std::size_t>(-1);
        const std::string timeout_error =
            file + ": import timed out after " + seconds_text(*options.timeout_s) + " s (the file may be malformed)";
        std::vector<char> bytes;
        for (;;) {
            const int wait_ms = remaining_ms(deadline);
            if (wait_ms == 0) {
                child.kill_and_reap();
                return Error(timeout_error);
            }
            pollfd pfd{read_end.get(), POLLIN, 0};
            const int ready = ::poll(&pfd, 1, wait_ms);
            if (ready < 0) {
                if (errno == EINTR) continue;
                child.kill_and_reap();
                return Error(file + ": lost contact with the import process (poll: " + std::strerror(errno) + ")");
            }
            if (ready == 0) continue;  // the deadline check above decides
            const std::size_t old_size = bytes.size();
            if (old_size + kReadChunkBytes > max_bytes) {
                child.kill_and_reap();
                return Error(file + ": the importer sent more data than its memory limit allows");
            }
            bytes.resize(old_size + kReadChunkBytes);
            const ssize_t n = ::read(read_end.get(), bytes.data() + old_size, kReadChunkBytes);
            if (n < 0) {
                bytes.resize(old_size);
                if (errno == EINTR || errno == EAGAIN) continue;
                child.kill_and_reap();
                return Error(file + ": lost contact with the import process (read: " + std::strerror(errno) + ")");
            }
            bytes.resize(old_size + static_cast<std::size_t>(n));
            if (n == 0) break;  // EOF: the child closed the pipe, normally by exiting
        }

        // The child normally exits right after closing the pipe; still bounded by the same deadline.
        int status = 0;
        auto pause = std::chrono::microseconds(100);
        while (!child.try_reap(status)) {
            if (Clock::now() >= deadline) {
                child.kill_and_reap();
                return Error(timeout_error);
            }
            std::this_thread::sleep_for(pause);
            if (pause < std::chrono::milliseconds(10)) pause *= 2;
        }
        return map_exit(file, options, status, bytes);
    } catch (const std::bad_alloc&) {
        return Error(file + ": ran out of memory while reading the import result");
    } catch (const std::exception& e) {
        return Error(file + ": the import failed: " + e.what());
    }
}

}  // namespace myoview::assets::detail
