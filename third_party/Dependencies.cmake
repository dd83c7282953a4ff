# Finds the system (Debian) packages myoview builds against. Nothing here downloads or vendors source:
# tools/setup installs the packages, this file only turns them into CMake targets.

find_package(Vulkan 1.3 REQUIRED COMPONENTS glslc)
find_package(glfw3 3.3 REQUIRED)
find_package(glm REQUIRED)
find_package(assimp 5.2 REQUIRED)
find_package(mujoco 2.2 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)

# Debian's libimgui-dev ships a static libimgui.a that already contains the GLFW and Vulkan backends.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
# Debian's libstb-dev ships the implementations compiled into libstb.
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
# FFmpeg's libraries (Debian's libavcodec is built with libx264) for engine/export's H.264 MP4 writer.
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavcodec libavformat libswscale libavutil)

add_library(myoview_imgui INTERFACE)
target_link_libraries(myoview_imgui INTERFACE PkgConfig::IMGUI PkgConfig::STB glfw Vulkan::Vulkan)
add_library(myoview::imgui ALIAS myoview_imgui)

add_library(myoview_stb INTERFACE)
target_link_libraries(myoview_stb INTERFACE PkgConfig::STB)
add_library(myoview::stb ALIAS myoview_stb)

if(MYOVIEW_BUILD_TESTS)
    find_package(GTest REQUIRED)
    include(GoogleTest)
endif()
if(MYOVIEW_BUILD_BENCHMARKS)
    find_package(benchmark REQUIRED)
endif()
