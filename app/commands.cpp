#include "commands.h"

#include <cstdio>

#include <filesystem>

#include "myoview/anatomy/binding.h"
#include "myoview/anatomy/catalog.h"
#include "myoview/anatomy/structure_list.h"
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
    auto catalog = anatomy::Catalog::load(anatomy::default_catalog_path());
    if (!catalog) {
        std::fprintf(stderr, "myoview: %s\n", catalog.error().full_text().c_str());
        return 2;
    }
    auto muscles = anatomy::mjcf_muscle_ids(anatomy::default_mjcf_path());
    if (!muscles) {
        std::fprintf(stderr, "myoview: %s\n", muscles.error().full_text().c_str());
        return 2;
    }
    assets::ImportOptions import;
    import.isolate = false;  // the bundled, generated model
    auto model = assets::import_model(std::filesystem::path(MYOVIEW_ASSET_DIR) / "models/anatomy.glb", import);
    if (!model) {
        std::fprintf(stderr, "myoview: %s\n", model.error().full_text().c_str());
        return 2;
    }
    std::vector<std::string> mesh_nodes;
    for (const auto& m : model->meshes) mesh_nodes.push_back(m.node_name.empty() ? m.name : m.node_name);
    const auto json = anatomy::list_structures_json(catalog.value(), muscles.value(), mesh_nodes);
    std::printf("%s\n", json.dump(2).c_str());
    return 0;
}

int run_simulation_only(const Options&) {
    std::fprintf(stderr, "myoview: --no-render is not wired yet\n");
    return 1;
}

}  // namespace myoview::app
