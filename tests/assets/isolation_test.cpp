// The child-process import: identical results to the in-process path, bounded by the deadline and the memory
// limit, no zombies, no effect on the parent's memory, stdio buffers or signal handling.

#include <gtest/gtest.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "myoview/assets/import.h"
#include "test_files.h"

namespace myoview::assets {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

using test_files::TempDir;

template <typename T>
bool same_bytes(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void expect_identical(const Model& a, const Model& b) {
    EXPECT_EQ(a.source_path, b.source_path);
    ASSERT_EQ(a.meshes.size(), b.meshes.size());
    for (std::size_t i = 0; i < a.meshes.size(); ++i) {
        const Mesh& x = a.meshes[i];
        const Mesh& y = b.meshes[i];
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.node_name, y.node_name);
        EXPECT_EQ(x.material_name, y.material_name);
        EXPECT_EQ(x.base_color, y.base_color);
        EXPECT_TRUE(same_bytes(x.positions, y.positions)) << "mesh " << i;
        EXPECT_TRUE(same_bytes(x.normals, y.normals)) << "mesh " << i;
        EXPECT_TRUE(same_bytes(x.tangents, y.tangents)) << "mesh " << i;
        EXPECT_TRUE(same_bytes(x.colors, y.colors)) << "mesh " << i;
        EXPECT_TRUE(same_bytes(x.uvs, y.uvs)) << "mesh " << i;
        EXPECT_TRUE(same_bytes(x.joints, y.joints)) << "mesh " << i;
        EXPECT_TRUE(same_bytes(x.weights, y.weights)) << "mesh " << i;
        EXPECT_EQ(x.indices, y.indices);
        ASSERT_EQ(x.bones.size(), y.bones.size());
        for (std::size_t k = 0; k < x.bones.size(); ++k) {
            EXPECT_EQ(x.bones[k].name, y.bones[k].name);
            EXPECT_EQ(x.bones[k].offset, y.bones[k].offset);
        }
    }
    ASSERT_EQ(a.nodes.size(), b.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        EXPECT_EQ(a.nodes[i].name, b.nodes[i].name);
        EXPECT_EQ(a.nodes[i].parent, b.nodes[i].parent);
        EXPECT_EQ(a.nodes[i].local, b.nodes[i].local);
        EXPECT_EQ(a.nodes[i].meshes, b.nodes[i].meshes);
    }
    EXPECT_EQ(a.bounds.empty, b.bounds.empty);
    EXPECT_EQ(a.bounds.min, b.bounds.min);
    EXPECT_EQ(a.bounds.max, b.bounds.max);
}

// A grid of quads large enough that Assimp needs far longer than the tiny deadlines used below.
std::string big_grid_obj(int n) {
    std::ostringstream out;
    for (int y = 0; y <= n; ++y) {
        for (int x = 0; x <= n; ++x) out << "v " << x << ' ' << y << ' ' << ((x * 7 + y * 3) % 5) << '\n';
    }
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            const int a = y * (n + 1) + x + 1;
            out << "f " << a << ' ' << a + 1 << ' ' << a + n + 2 << ' ' << a + n + 1 << '\n';
        }
    }
    return out.str();
}

// Resident memory of this process, in kB, from /proc/self/status.
long resident_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
}

// True when this process has no child at all, not even an unreaped (zombie) one.
bool has_no_children() {
    errno = 0;
    return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

TEST(AssetsIsolationTest, ChildAndInProcessImportsGiveIdenticalModels) {
    TempDir dir;
    const std::vector<std::filesystem::path> files = {
        dir.write("cube.obj", test_files::cube_obj()),
        dir.write("tetra.stl", test_files::tetrahedron_stl()),
        dir.write("quad.ply", test_files::colored_quad_ply()),
        dir.write("arm.gltf", test_files::skinned_strip_gltf()),
        dir.write("mirror.gltf", test_files::static_triangle_gltf(R"("scale":[-1,1,1],"translation":[0,0,2])")),
    };
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        for (bool convert : {false, true}) {
            ImportOptions options;
            options.convert_y_up_to_z_up = convert;
            options.isolate = true;
            const Result<Model> isolated = import_model(file, options);
            options.isolate = false;
            const Result<Model> in_process = import_model(file, options);
            ASSERT_TRUE(isolated.has_value()) << isolated.error().message;
            ASSERT_TRUE(in_process.has_value()) << in_process.error().message;
            expect_identical(isolated.value(), in_process.value());
        }
    }
    EXPECT_TRUE(has_no_children());
}

TEST(AssetsIsolationTest, ErrorsAreTheSameInBothPaths) {
    TempDir dir;
    const auto file = dir.write("lines.obj", "v 0 0 0\nv 1 0 0\nv 1 1 0\nl 1 2 3\n");
    ImportOptions options;
    const auto isolated = import_model(file, options);
    options.isolate = false;
    const auto in_process = import_model(file, options);
    ASSERT_FALSE(isolated.has_value());
    ASSERT_FALSE(in_process.has_value());
    EXPECT_EQ(isolated.error().message, in_process.error().message);
}

TEST(AssetsIsolationTest, TimedOutChildIsKilledAndReapedWithoutTouchingParentMemory) {
    TempDir dir;
    const auto file = dir.write("grid.obj", big_grid_obj(300));
    ImportOptions options;
    options.timeout_s = 0.02;
    ASSERT_TRUE(has_no_children());
    // One import first so that lazily allocated parent state is not counted as growth.
    (void)import_model(file, options);
    const long rss_before = resident_kb();
    for (int i = 0; i < 10; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const Result<Model> result = import_model(file, options);
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().message,
                  file.string() + ": import timed out after 0.02 s (the file may be malformed)");
        EXPECT_LT(elapsed, 2.0);  // 20 ms deadline; the rest is kill, reap and a loaded machine
        EXPECT_TRUE(has_no_children()) << "a killed child was left unreaped";
    }
    const long rss_after = resident_kb();
    // The child's allocations (hundreds of MB for this grid) never show up in the parent.
    EXPECT_LT(rss_after - rss_before, 8 * 1024) << "before " << rss_before << " kB, after " << rss_after << " kB";

    // The same file imports fine with a normal deadline.
    options.timeout_s = 60.0;
    const Result<Model> model = import_model(file, options);
    ASSERT_TRUE(model.has_value()) << model.error().message;
    EXPECT_EQ(compute_stats(model.value()).triangles, 2u * 300u * 300u);
    EXPECT_TRUE(has_no_children());
}

TEST(AssetsIsolationTest, MemoryLimitIsReportedAsOutOfMemory) {
    // ASan's allocator reports an exhausted address space itself and exits instead of returning null.
    if (kAddressSanitizer) GTEST_SKIP() << "not meaningful under AddressSanitizer";
    TempDir dir;
    const auto file = dir.write("grid.obj", big_grid_obj(300));
    ImportOptions options;
    options.memory_limit_mb = 8;  // far less than Assimp needs for 90 000 quads
    const Result<Model> result = import_model(file, options);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().message, file.string() + ": ran out of memory (limit 8 MB)");
    EXPECT_TRUE(has_no_children());
}

TEST(AssetsIsolationTest, ChildDoesNotFlushTheParentsStdioBuffers) {
    TempDir dir;
    const auto model_file = dir.write("cube.obj", test_files::cube_obj());
    const auto log_path = dir.path() / "parent.log";
    std::FILE* log = std::fopen(log_path.c_str(), "w");
    ASSERT_NE(log, nullptr);
    static char buffer[4096];
    std::setvbuf(log, buffer, _IOFBF, sizeof(buffer));
    std::fputs("written once by the parent\n", log);  // stays in the buffer across the fork
    const Result<Model> model = import_model(model_file);
    ASSERT_TRUE(model.has_value()) << model.error().message;
    std::fclose(log);
    std::ifstream in(log_path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "written once by the parent\n");
}

volatile std::sig_atomic_t g_alarms = 0;
void count_alarm(int) {
    g_alarms = g_alarms + 1;
}

TEST(AssetsIsolationTest, ParentSurvivesSignalsInterruptingItsWaits) {
    TempDir dir;
    const auto file = dir.write("grid.obj", big_grid_obj(120));
    // A handler without SA_RESTART: poll, read and waitpid in the parent see EINTR every millisecond.
    struct sigaction action {};
    action.sa_handler = count_alarm;
    sigemptyset(&action.sa_mask);
    struct sigaction previous {};
    ASSERT_EQ(::sigaction(SIGALRM, &action, &previous), 0);
    itimerval timer{{0, 1000}, {0, 1000}};
    ::setitimer(ITIMER_REAL, &timer, nullptr);
    const Result<Model> model = import_model(file);
    itimerval off{};
    ::setitimer(ITIMER_REAL, &off, nullptr);
    ::sigaction(SIGALRM, &previous, nullptr);
    ASSERT_TRUE(model.has_value()) << model.error().message;
    EXPECT_EQ(compute_stats(model.value()).triangles, 2u * 120u * 120u);
    EXPECT_GT(g_alarms, 0);
    EXPECT_TRUE(has_no_children());
}

TEST(AssetsIsolationTest, ConcurrentImportsFromSeveralThreadsAllSucceed) {
    // ASan's allocator is not fork-safe: a child forked while another thread allocates can block on its lock
    // (the deadline then ends it as a timeout). glibc's malloc is fork-safe; see engine/assets/README.md.
    if (kAddressSanitizer) GTEST_SKIP() << "ASan's allocator is not fork-safe with concurrent threads";
    TempDir dir;
    const auto cube = dir.write("cube.obj", test_files::cube_obj());
    const auto arm = dir.write("arm.gltf", test_files::skinned_strip_gltf());
    const auto grid = dir.write("grid.obj", big_grid_obj(100));
    constexpr int kThreads = 3;
    constexpr int kImportsPerThread = 8;
    int failures[kThreads] = {};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kImportsPerThread; ++i) {
                const auto& file = (i + t) % 3 == 0 ? cube : ((i + t) % 3 == 1 ? arm : grid);
                if (!import_model(file).has_value()) ++failures[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
    EXPECT_TRUE(has_no_children());
}

// myoview's own bundled model, the file the viewer loads at start-up: both paths agree, and it is skinned.
TEST(AssetsIsolationTest, BundledAnatomyModelImportsIdenticallyInBothPaths) {
    const std::filesystem::path file = std::filesystem::path(MYOVIEW_SOURCE_DIR) / "assets/models/anatomy.glb";
    if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " not generated yet";
    ImportOptions options;
    options.convert_y_up_to_z_up = true;  // as the viewer loads it
    auto start = std::chrono::steady_clock::now();
    const Result<Model> isolated = import_model(file, options);
    const double isolated_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    options.isolate = false;
    start = std::chrono::steady_clock::now();
    const Result<Model> in_process = import_model(file, options);
    const double in_process_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(isolated.has_value()) << isolated.error().message;
    ASSERT_TRUE(in_process.has_value()) << in_process.error().message;
    expect_identical(isolated.value(), in_process.value());
    const ModelStats stats = compute_stats(in_process.value());
    EXPECT_GT(stats.meshes, 0u);
    EXPECT_GT(stats.bones, 0u);
    std::printf("anatomy.glb: %zu meshes, %zu vertices, %zu triangles, %zu bones; isolated %.3f s, in-process %.3f s\n",
                stats.meshes, stats.vertices, stats.triangles, stats.bones, isolated_s, in_process_s);
}

TEST(AssetsIsolationTest, InvalidTimeoutIsRejected) {
    TempDir dir;
    const auto file = dir.write("cube.obj", test_files::cube_obj());
    ImportOptions options;
    options.timeout_s = 0.0;
    const auto result = import_model(file, options);
    ASSERT_FALSE(result.has_value());
    EXPECT_NE(result.error().message.find("invalid import timeout"), std::string::npos);
}

}  // namespace
}  // namespace myoview::assets
