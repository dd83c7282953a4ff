// myoview: a thin main. Everything reusable lives in engine/; this file parses the command line and dispatches.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "myoview/base/log.h"
#include "myoview/base/paths.h"
#include "options.h"
#include "viewer.h"

namespace {

// Finds the data directories a command needs before anything loads: a missing one costs one message naming every
// place looked at and exit 1 (the environment, not the user's input), never a failed load deep inside a library.
bool find_data_dirs(bool need_shaders) {
    using namespace myoview;
    auto assets = paths::asset_dir();
    if (!assets) {
        std::fprintf(stderr, "myoview: %s\n", assets.error().full_text().c_str());
        return false;
    }
    log::debug("assets: " + assets->string());
    if (!need_shaders) return true;
    auto shaders = paths::shader_dir();
    if (!shaders) {
        std::fprintf(stderr, "myoview: %s\n", shaders.error().full_text().c_str());
        return false;
    }
    log::debug("shaders: " + shaders->string());
    return true;
}

// --version also says which data this program would use: where a bug report needs to know which install ran.
void print_version() {
    using namespace myoview;
    std::puts("myoview " MYOVIEW_VERSION);
    const auto assets = paths::asset_dir();
    const auto shaders = paths::shader_dir();
    std::printf("assets: %s\n", assets ? assets->c_str() : ("not found: " + assets.error().full_text()).c_str());
    std::printf("shaders: %s\n", shaders ? shaders->c_str() : ("not found: " + shaders.error().full_text()).c_str());
}

}  // namespace

int main(int argc, char** argv) {
    using namespace myoview;
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto parsed = app::parse_options(args);
    if (!parsed) {
        std::fprintf(stderr, "myoview: %s\n", parsed.error().message.c_str());
        return 2;
    }
    const app::Options& o = parsed.value();
    if (o.verbose) log::set_level(log::Level::kDebug);
    switch (o.command) {
        case app::Command::kHelp:
            std::fputs(app::usage_text(), stdout);
            return 0;
        case app::Command::kVersion:
            print_version();
            return 0;
        case app::Command::kCheckModel:
            return app::run_check_model(o.check_model_path);
        case app::Command::kListStructures:
            if (!find_data_dirs(false)) return 1;
            return app::run_list_structures();
        case app::Command::kView:
            break;
    }
    if (!find_data_dirs(!o.no_render)) return 1;
    if (o.no_render) return app::run_simulation_only(o);
    return app::run_viewer(o);
}
