// The installed program as a user gets it: `cmake --install` into a prefix, the prefix copied elsewhere (so the
// build-tree paths compiled in are not what it runs on), run from / with no override in the environment. And the
// Debian package CPack makes from the same install rules: its files, its fields, its Depends.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "myoview/gpu/png.h"
#include "process.h"

namespace myoview::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// Every file the program needs at run time, and those a desktop and a Debian system expect, relative to the prefix.
const char* const kInstalledFiles[] = {
    "bin/myoview",
    "share/myoview/shaders/mesh.vert.spv",
    "share/myoview/shaders/mesh.frag.spv",
    "share/myoview/shaders/background.vert.spv",
    "share/myoview/shaders/background.frag.spv",
    "share/myoview/assets/models/anatomy.glb",
    "share/myoview/assets/models/LICENSE-BodyParts3D.md",
    "share/myoview/assets/models/LICENSES/aHer-dev__3DAnatomy.txt",
    "share/myoview/assets/anatomy/myoview.xml",
    "share/myoview/assets/anatomy/catalog.json",
    "share/myoview/assets/i18n/en.json",
    "share/myoview/assets/i18n/story.es.json",
    "share/myoview/assets/scenarios/clinic-story.json",
    "share/applications/myoview.desktop",
    "share/icons/hicolor/256x256/apps/myoview.png",
    "share/doc/myoview/README.md",
    "share/doc/myoview/LICENSE",
    "share/doc/myoview/LICENSE-BodyParts3D.md",
    "share/doc/myoview/LICENSES/zlatnaspirala__matrix-engine-starter.txt",
    "share/doc/myoview/copyright",
};

// A clean environment for the installed program: no override, no display (it runs headless).
ProcessOptions installed_run(const fs::path& working_dir) {
    ProcessOptions options;
    options.timeout_s = 120.0;
    options.working_dir = working_dir.string();
    options.env["MYOVIEW_ASSET_DIR"] = std::nullopt;
    options.env["MYOVIEW_SHADER_DIR"] = std::nullopt;
    options.env["DISPLAY"] = std::nullopt;
    return options;
}

// Whether a render shows the figure: many distinct colours, not a flat background.
std::size_t distinct_colours(const gpu::Pixels& pixels) {
    std::set<uint32_t> colours;
    for (uint32_t y = 0; y < pixels.height; ++y)
        for (uint32_t x = 0; x < pixels.width; ++x) {
            const uint8_t* p = pixels.at(x, y);
            colours.insert(static_cast<uint32_t>(p[0]) << 16 | static_cast<uint32_t>(p[1]) << 8 | p[2]);
        }
    return colours.size();
}

std::string read_text(const fs::path& path) {
    std::ostringstream text;
    text << std::ifstream(path).rdbuf();
    return text.str();
}

TEST(Install, ACopiedPrefixRunsFromAnyDirectoryOnItsOwnData) {
    const fs::path base = temp_dir("install");
    const fs::path prefix = base / "prefix", moved = base / "moved";
    const auto install = run_process(
        {MYOVIEW_CMAKE_COMMAND, "--install", MYOVIEW_BINARY_DIR, "--prefix", prefix.string()}, with_timeout(120.0));
    ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
    for (const char* file : kInstalledFiles) EXPECT_TRUE(fs::is_regular_file(prefix / file)) << file;
    // Nothing of the build's own: no tests, benchmarks or developer tools in the prefix.
    for (const auto& entry : fs::directory_iterator(prefix / "bin")) {
        EXPECT_EQ(entry.path().filename(), "myoview") << "unexpected in bin/: " << entry.path();
    }

    // Moved elsewhere: nothing may point back at the prefix it was installed into.
    fs::rename(prefix, moved);
    const std::string binary = (moved / "bin/myoview").string();
    const auto version = run_process({binary, "--version"}, installed_run("/"));
    ASSERT_EQ(version.exit_code, 0) << version.err;
    EXPECT_THAT(version.out, HasSubstr("myoview " MYOVIEW_VERSION));
    EXPECT_THAT(version.out, HasSubstr("assets: " + (moved / "share/myoview/assets").string() + "\n"));
    EXPECT_THAT(version.out, HasSubstr("shaders: " + (moved / "share/myoview/shaders").string() + "\n"));

    const fs::path png = base / "x.png", report = base / "r.json";
    const auto shot = run_process({binary, "-v", "--headless", "--validate", "--size", "320x200", "--screenshot",
                                   png.string(), "--report", report.string()},
                                  installed_run("/"));
    ASSERT_EQ(shot.exit_code, 0) << shot.err;
    EXPECT_THAT(shot.err, HasSubstr("assets: " + (moved / "share/myoview/assets").string() + "\n"));
    EXPECT_THAT(shot.err, HasSubstr("shaders: " + (moved / "share/myoview/shaders").string() + "\n"));
    auto pixels = gpu::read_png(png);
    ASSERT_TRUE(pixels) << pixels.error().message;
    EXPECT_EQ(pixels->width, 320u);
    EXPECT_EQ(pixels->height, 200u);
    EXPECT_GT(distinct_colours(pixels.value()), 500u) << "the render is blank";
    const auto json = nlohmann::json::parse(std::ifstream(report));
    EXPECT_EQ(json["validation"]["messages"], 0);

    fs::remove_all(base);
}

// A wrong override is the user's word against the install: one message naming it and the missing marker, exit 1
// (the environment's failure), before anything is loaded.
TEST(Install, AWrongOverrideEndsWithAMessageNamingItAndExitOne) {
    const fs::path base = temp_dir("install-override");
    const auto run_with = [&](const char* variable) {
        ProcessOptions options = installed_run("/");
        options.env[variable] = (base / "nothing-here").string();
        return run_process({executable(), "--headless", "--size", "64x64", "--screenshot", (base / "x.png").string()},
                           options);
    };
    const auto assets = run_with("MYOVIEW_ASSET_DIR");
    EXPECT_EQ(assets.exit_code, 1);
    EXPECT_THAT(assets.err, HasSubstr("MYOVIEW_ASSET_DIR does not name a usable asset directory"));
    EXPECT_THAT(assets.err,
                HasSubstr((base / "nothing-here").string() + " (from MYOVIEW_ASSET_DIR): no such directory"));
    const auto shaders = run_with("MYOVIEW_SHADER_DIR");
    EXPECT_EQ(shaders.exit_code, 1);
    EXPECT_THAT(shaders.err, HasSubstr("MYOVIEW_SHADER_DIR does not name a usable shader directory"));
    EXPECT_FALSE(fs::exists(base / "x.png"));
    // The simulation alone needs no shaders: a wrong shader override does not stop it.
    ProcessOptions options = installed_run("/");
    options.env["MYOVIEW_SHADER_DIR"] = (base / "nothing-here").string();
    const auto sim = run_process({executable(), "--no-render", "--seconds", "0.1"}, options);
    EXPECT_EQ(sim.exit_code, 0) << sim.err;
    fs::remove_all(base);
}

// The package CPack makes from this build (the same install rules; tools/package makes it from a fresh Release
// build): the files under /usr, the control fields, the Depends a fresh Debian machine resolves.
TEST(Package, TheDebHoldsTheProgramItsDataAndDeclaresItsDependencies) {
    ASSERT_TRUE(fs::exists(MYOVIEW_DPKG_DEB)) << "no dpkg-deb: tools/setup installs dpkg-dev";
    ASSERT_TRUE(fs::exists(MYOVIEW_DESKTOP_FILE_VALIDATE)) << "no desktop-file-validate: tools/setup installs it";
    const fs::path base = temp_dir("package");
    const auto cpack = run_process({MYOVIEW_CPACK_COMMAND, "-G", "DEB", "--config",
                                    std::string(MYOVIEW_BINARY_DIR) + "/CPackConfig.cmake", "-B", base.string()},
                                   with_timeout(240.0));
    ASSERT_EQ(cpack.exit_code, 0) << cpack.out << cpack.err;
    fs::path deb;
    for (const auto& entry : fs::directory_iterator(base)) {
        if (entry.path().extension() == ".deb") deb = entry.path();
    }
    ASSERT_FALSE(deb.empty()) << cpack.out;
    EXPECT_THAT(deb.filename().string(), ::testing::StartsWith("myoview_" MYOVIEW_VERSION "_"));

    const auto field = [&](const char* name) {
        const auto r = run_process({MYOVIEW_DPKG_DEB, "-f", deb.string(), name}, with_timeout(30.0));
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out;
    };
    EXPECT_EQ(field("Package"), "myoview\n");
    EXPECT_EQ(field("Version"), MYOVIEW_VERSION "\n");
    EXPECT_EQ(field("Section"), "science\n");
    EXPECT_THAT(field("Maintainer"), HasSubstr("@"));
    const std::string depends = field("Depends");
    // Loaded at run time without being linked: a Vulkan driver, the UI font.
    for (const char* package : {"libvulkan1", "mesa-vulkan-drivers | vulkan-icd", "fonts-dejavu-core"}) {
        EXPECT_THAT(depends, HasSubstr(package));
    }
    // Linked, found by dpkg-shlibdeps.
    for (const char* package : {"libglfw3", "libassimp5", "libmujoco", "libc6", "libstdc++6"}) {
        EXPECT_THAT(depends, HasSubstr(package));
    }

    const auto contents = run_process({MYOVIEW_DPKG_DEB, "-c", deb.string()}, with_timeout(30.0));
    ASSERT_EQ(contents.exit_code, 0) << contents.err;
    for (const char* file : kInstalledFiles) EXPECT_THAT(contents.out, HasSubstr(std::string("./usr/") + file)) << file;

    // Unpacked anywhere (as dpkg -i would under /), the program finds the package's data beside itself.
    const fs::path root = base / "root";
    const auto unpack = run_process({MYOVIEW_DPKG_DEB, "-x", deb.string(), root.string()}, with_timeout(60.0));
    ASSERT_EQ(unpack.exit_code, 0) << unpack.err;
    const auto version = run_process({(root / "usr/bin/myoview").string(), "--version"}, installed_run("/"));
    ASSERT_EQ(version.exit_code, 0) << version.err;
    EXPECT_THAT(version.out, HasSubstr("assets: " + (root / "usr/share/myoview/assets").string() + "\n"));
    EXPECT_THAT(version.out, HasSubstr("shaders: " + (root / "usr/share/myoview/shaders").string() + "\n"));

    const auto desktop =
        run_process({MYOVIEW_DESKTOP_FILE_VALIDATE, (root / "usr/share/applications/myoview.desktop").string()},
                    with_timeout(30.0));
    EXPECT_EQ(desktop.exit_code, 0) << desktop.out << desktop.err;
    const std::string entry = read_text(root / "usr/share/applications/myoview.desktop");
    EXPECT_THAT(entry, HasSubstr("\nExec=myoview\n"));
    EXPECT_THAT(entry, HasSubstr("\nIcon=myoview\n"));
    EXPECT_THAT(entry, HasSubstr("\nCategories=Education;Science;MedicalSoftware;\n"));
    auto icon = gpu::read_png(root / "usr/share/icons/hicolor/256x256/apps/myoview.png");
    ASSERT_TRUE(icon) << icon.error().message;
    EXPECT_EQ(icon->width, 256u);
    EXPECT_EQ(icon->height, 256u);
    fs::remove_all(base);
}

}  // namespace
}  // namespace myoview::testing
