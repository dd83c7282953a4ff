#pragma once
// Tension colormaps and the tension -> colour scale, shared by the muscle shader (through FrameGlobals) and the
// legend, so the legend always says what the muscles show.

#include <array>
#include <string_view>

#include <glm/glm.hpp>

namespace myoview::render {

enum class ColormapId { kMagma = 0, kViridis = 1, kCividis = 2 };
inline constexpr int kColormapCount = 3;
inline constexpr int kColormapStops = 9;

std::string_view colormap_name(ColormapId id);
// Nine evenly spaced stops in sRGB, sampled from matplotlib's perceptually uniform, colour-vision-deficiency-safe
// maps (CC0) as cmap(i / 8).
const std::array<glm::vec3, kColormapStops>& colormap_stops(ColormapId id);
glm::vec3 colormap_srgb(ColormapId id, float t);  // t in 0..1, interpolated between stops

// Tension (fraction of max isometric force) -> colormap position. A square-root scale above a floor: the darkest
// stops are never used, so a muscle at 1 % reads different from one at 0, and low tensions keep contrast (users of
// linear blue-to-red maps report that low activations vanish). Full colour at `full_scale`.
struct TensionScale {
    float full_scale = 0.25f;  // tension at the top of the legend: postural muscles work at 5-15 % of max force
    float floor = 0.16f;      // colormap position of zero tension
    float range = 0.82f;      // colormap span used above the floor
    float position(float tension) const;
};

}  // namespace myoview::render
