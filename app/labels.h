#pragma once
// Name labels with leader lines for the muscles of the story (right side, to keep the picture readable).

#include <optional>
#include <string>
#include <vector>

#include "myoview/anatomy/catalog.h"
#include "myoview/render/scene_renderer.h"

namespace myoview::app {

class Labels {
public:
    explicit Labels(const render::SceneRenderer& renderer);
    // Draws the labels of the muscles visible from the camera; visibility (a pick at the anchor) is re-checked
    // every few frames, since a pick costs milliseconds on the CPU.
    void draw(const render::SceneRenderer& renderer, const render::OrbitCamera& camera, float width, float height,
              const anatomy::Catalog& catalog, const std::string& language, float scale);

private:
    struct Label {
        std::size_t right = 0, left = 0;  // the two sides' meshes
        bool visible = false;
        std::size_t mesh = 0;             // the side labelled this frame
    };
    std::vector<Label> labels_;
    int frame_ = 0;
};

}  // namespace myoview::app
