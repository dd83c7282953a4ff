#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <system_error>

#include "assimp_import.h"
#include "isolated_import.h"
#include "myoview/assets/import.h"
#include "unique_fd.h"

namespace myoview::assets {
namespace {

// The checks that need no importer, done in the caller's process so the common mistakes get exact messages. Gives
// the file's size.
Result<std::uintmax_t> check_file(const std::filesystem::path& path) {
    const std::string file = path.string();
    if (file.empty()) return Error("no model file given (the path is empty)");
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) return Error(file + ": file not found");
        return Error(file + ": cannot be accessed (" + std::strerror(errno) + ")");
    }
    if (S_ISDIR(info.st_mode)) return Error(file + ": not a regular file (it is a directory)");
    if (!S_ISREG(info.st_mode)) return Error(file + ": not a regular file");
    // O_NONBLOCK: should the file be swapped for a FIFO between stat and open, open must not block.
    detail::UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (!fd.valid()) return Error(file + ": cannot be read (" + std::strerror(errno) + ")");
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) return Error(file + ": not a regular file");
    if (info.st_size == 0) return Error(file + ": the file is empty");
    char byte = 0;
    if (::read(fd.get(), &byte, 1) != 1) return Error(file + ": cannot be read (" + std::strerror(errno) + ")");
    return static_cast<std::uintmax_t>(info.st_size);
}

}  // namespace

double import_deadline_s(std::uintmax_t file_bytes) {
    constexpr double kBaseSeconds = 1.5;
    constexpr double kSecondsPerMegabyte = 2.0;
    return kBaseSeconds + kSecondsPerMegabyte * static_cast<double>(file_bytes) / 1.0e6;
}

Result<Model> import_model(const std::filesystem::path& path, const ImportOptions& options) {
    auto size = check_file(path);
    if (!size) return size.error();
    if (!options.isolate) return detail::import_with_assimp(path, options);
    ImportOptions resolved = options;
    if (!resolved.timeout_s) resolved.timeout_s = import_deadline_s(size.value());
    if (!(*resolved.timeout_s > 0.0) || !std::isfinite(*resolved.timeout_s)) {
        return Error(path.string() + ": invalid import timeout (" + std::to_string(*resolved.timeout_s) + " s)");
    }
    return detail::import_isolated(path, resolved);
}

}  // namespace myoview::assets
