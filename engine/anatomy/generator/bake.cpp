#include "myoview/meshgen/bake.h"

#include <fstream>

namespace myoview::meshgen {

Result<std::vector<std::uint8_t>> bake_glb(const std::filesystem::path& mjcf_path) {
    Result<Landmarks> landmarks = load_mjcf_landmarks(mjcf_path);
    if (!landmarks) return landmarks.error();
    Result<AnatomyModel> model = generate_anatomy(landmarks.value());
    if (!model) return model.error();
    return export_glb(model.value());
}

Status bake_to_file(const std::filesystem::path& mjcf_path, const std::filesystem::path& out_path) {
    Result<std::vector<std::uint8_t>> bytes = bake_glb(mjcf_path);
    if (!bytes) return bytes.error();
    std::error_code ec;
    if (out_path.has_parent_path()) std::filesystem::create_directories(out_path.parent_path(), ec);
    std::filesystem::path tmp = out_path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return Error("cannot write " + tmp.string());
        out.write(reinterpret_cast<const char*>(bytes.value().data()),
                  static_cast<std::streamsize>(bytes.value().size()));
        if (!out) return Error("write failed: " + tmp.string());
    }
    std::filesystem::rename(tmp, out_path, ec);
    if (ec) return Error("cannot move " + tmp.string() + " to " + out_path.string() + ": " + ec.message());
    return Ok{};
}

}  // namespace myoview::meshgen
