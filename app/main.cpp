// myoview: a thin main. Everything reusable lives in engine/; this file parses the command line and dispatches.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "myoview/base/log.h"
#include "options.h"
#include "viewer.h"

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
            std::puts("myoview 0.1.0");
            return 0;
        case app::Command::kCheckModel:
            return app::run_check_model(o.check_model_path);
        case app::Command::kListStructures:
            return app::run_list_structures();
        case app::Command::kView:
            break;
    }
    if (o.no_render) return app::run_simulation_only(o);
    return app::run_viewer(o);
}
