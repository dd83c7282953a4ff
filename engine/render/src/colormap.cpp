#include "myoview/render/colormap.h"

#include <algorithm>
#include <cmath>

namespace myoview::render {
namespace {
// Values sampled from matplotlib 3.6 (Debian python3-matplotlib) as cmap(i / 8), i = 0..8.
constexpr std::array<glm::vec3, kColormapStops> kMagma{{
        glm::vec3(0.001462f, 0.000466f, 0.013866f),
        glm::vec3(0.113094f, 0.065492f, 0.276784f),
        glm::vec3(0.316654f, 0.071690f, 0.485380f),
        glm::vec3(0.512831f, 0.148179f, 0.507648f),
        glm::vec3(0.716387f, 0.214982f, 0.475290f),
        glm::vec3(0.904281f, 0.319610f, 0.388137f),
        glm::vec3(0.986700f, 0.535582f, 0.382210f),
        glm::vec3(0.996898f, 0.769591f, 0.534892f),
        glm::vec3(0.987053f, 0.991438f, 0.749504f)}};
constexpr std::array<glm::vec3, kColormapStops> kViridis{{
        glm::vec3(0.267004f, 0.004874f, 0.329415f),
        glm::vec3(0.278826f, 0.175490f, 0.483397f),
        glm::vec3(0.229739f, 0.322361f, 0.545706f),
        glm::vec3(0.172719f, 0.448791f, 0.557885f),
        glm::vec3(0.127568f, 0.566949f, 0.550556f),
        glm::vec3(0.157851f, 0.683765f, 0.501686f),
        glm::vec3(0.369214f, 0.788888f, 0.382914f),
        glm::vec3(0.678489f, 0.863742f, 0.189503f),
        glm::vec3(0.993248f, 0.906157f, 0.143936f)}};
constexpr std::array<glm::vec3, kColormapStops> kCividis{{
        glm::vec3(0.000000f, 0.135112f, 0.304751f),
        glm::vec3(0.103401f, 0.220406f, 0.435790f),
        glm::vec3(0.263738f, 0.307831f, 0.422789f),
        glm::vec3(0.380830f, 0.395164f, 0.435653f),
        glm::vec3(0.488697f, 0.485318f, 0.471008f),
        glm::vec3(0.609105f, 0.579816f, 0.463638f),
        glm::vec3(0.736488f, 0.680629f, 0.424028f),
        glm::vec3(0.870717f, 0.789572f, 0.343333f),
        glm::vec3(0.995737f, 0.909344f, 0.217772f)}};
}  // namespace

std::string_view colormap_name(ColormapId id) {
    switch (id) {
        case ColormapId::kViridis: return "viridis";
        case ColormapId::kCividis: return "cividis";
        default: return "magma";
    }
}

const std::array<glm::vec3, kColormapStops>& colormap_stops(ColormapId id) {
    switch (id) {
        case ColormapId::kViridis: return kViridis;
        case ColormapId::kCividis: return kCividis;
        default: return kMagma;
    }
}

glm::vec3 colormap_srgb(ColormapId id, float t) {
    const auto& stops = colormap_stops(id);
    const float x = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(kColormapStops - 1);
    const int i = std::min(static_cast<int>(x), kColormapStops - 2);
    const float f = x - static_cast<float>(i);
    return glm::mix(stops[static_cast<std::size_t>(i)], stops[static_cast<std::size_t>(i + 1)], f);
}

float TensionScale::position(float tension) const {
    const float s = std::sqrt(std::clamp(tension / full_scale, 0.0f, 1.0f));
    return floor + range * s;
}

}  // namespace myoview::render
