// myoview-bake: BodyParts3D meshes -> assets/models/anatomy.glb. Argument parsing only; the work is in bake.cpp.
// Exit status: 0 written, 1 the bake failed (a missing or changed input, a bad model), 2 a bad argument.

#include <cstdio>
#include <string>

#include "bake.h"

namespace {

void usage(std::FILE* to, const myoview::bake::BakeOptions& o, const std::string& out) {
    std::fprintf(to,
                 "usage: myoview-bake [--data DIR] [--mjcf PATH] [--out PATH] [--structures PATH]\n"
                 "                    [--attachments PATH] [--quiet]\n"
                 "  bakes the BodyParts3D meshes into myoview's model (binary glTF 2.0)\n"
                 "  defaults:\n"
                 "    --data %s\n    --mjcf %s\n    --out %s\n    --structures %s\n    --attachments %s\n",
                 o.data_dir.c_str(), o.mjcf.c_str(), out.c_str(), o.structures.c_str(), o.attachments.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    myoview::bake::BakeOptions options;
    options.data_dir = MYOVIEW_BAKE_DATA_DIR;
    options.mjcf = MYOVIEW_ASSET_DIR "/anatomy/myoview.xml";
    options.structures = MYOVIEW_BAKE_DIR "/structures.tsv";
    options.attachments = MYOVIEW_BAKE_DIR "/attachments.json";
    std::string out = MYOVIEW_ASSET_DIR "/models/anatomy.glb";
    bool quiet = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            usage(stdout, options, out);
            return 0;
        }
        if (arg == "--quiet") {
            quiet = true;
        } else if (arg == "--data" && has_value) {
            options.data_dir = argv[++i];
        } else if (arg == "--mjcf" && has_value) {
            options.mjcf = argv[++i];
        } else if (arg == "--out" && has_value) {
            out = argv[++i];
        } else if (arg == "--structures" && has_value) {
            options.structures = argv[++i];
        } else if (arg == "--attachments" && has_value) {
            options.attachments = argv[++i];
        } else {
            std::fprintf(stderr, "myoview-bake: %s '%s' (try --help)\n",
                         arg.rfind("--", 0) == 0 && !has_value ? "missing value for" : "unknown argument", arg.c_str());
            return 2;
        }
    }
    const myoview::Result<myoview::bake::BakeResult> result = myoview::bake::bake(options);
    if (!result) {
        std::fprintf(stderr, "myoview-bake: %s\n", result.error().full_text().c_str());
        return 1;
    }
    for (const std::string& w : result.value().warnings) std::fprintf(stderr, "myoview-bake: warning: %s\n", w.c_str());
    if (!quiet) std::fputs(myoview::bake::format_report(result.value()).c_str(), stdout);
    if (const myoview::Status s = myoview::bake::write_file(out, result.value().glb); !s) {
        std::fprintf(stderr, "myoview-bake: %s\n", s.error().message.c_str());
        return 1;
    }
    std::printf("myoview-bake: wrote %s (%zu bytes, %zu triangles)\n", out.c_str(), result.value().glb.size(),
                result.value().total_triangles);
    return 0;
}
