#include "commands.h"

#include <cstdio>

#include "myoview/assets/import.h"

namespace myoview::app {

int run_check_model(const std::string& path) {
    auto model = assets::import_model(path);
    if (!model) {
        std::fprintf(stderr, "myoview: check-model: %s\n", model.error().full_text().c_str());
        return 2;
    }
    const assets::ModelStats s = assets::compute_stats(model.value());
    std::printf("%s: %zu meshes, %zu vertices, %zu triangles, %zu bones\n", path.c_str(), s.meshes, s.vertices,
                s.triangles, s.bones);
    return 0;
}

int run_list_structures() {
    std::fprintf(stderr, "myoview: --list-structures is not wired yet\n");
    return 1;
}

int run_simulation_only(const Options&) {
    std::fprintf(stderr, "myoview: --no-render is not wired yet\n");
    return 1;
}

}  // namespace myoview::app
