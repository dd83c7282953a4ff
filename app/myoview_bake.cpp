// myoview-bake: generates assets/models/anatomy.glb from the MJCF model. Thin main; the work is in
// engine/anatomy/generator (myoview::meshgen).

#include <cstdio>
#include <string>

#include "myoview/meshgen/bake.h"

int main(int argc, char** argv) {
    std::string mjcf = MYOVIEW_ASSET_DIR "/anatomy/myoview.xml";
    std::string out = MYOVIEW_ASSET_DIR "/models/anatomy.glb";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--mjcf" || arg == "--out") && i + 1 < argc) {
            (arg == "--mjcf" ? mjcf : out) = argv[++i];
        } else if (arg == "--help" || arg == "-h") {
            std::printf(
                "usage: myoview-bake [--mjcf PATH] [--out PATH]\n"
                "  generates the anatomy meshes (.glb) from the MJCF model\n"
                "  defaults: --mjcf %s --out %s\n",
                mjcf.c_str(), out.c_str());
            return 0;
        } else {
            std::fprintf(stderr, "myoview-bake: unknown argument '%s' (try --help)\n", arg.c_str());
            return 2;
        }
    }
    const myoview::Status status = myoview::meshgen::bake_to_file(mjcf, out);
    if (!status) {
        std::fprintf(stderr, "myoview-bake: %s\n", status.error().full_text().c_str());
        return 1;
    }
    std::printf("myoview-bake: wrote %s\n", out.c_str());
    return 0;
}
