#pragma once
// Name labels with leader lines for the muscles the scene says the eye sees (scene::Scene::label_anchors): two
// columns beside the figure, pushed apart so no two overlap.

#include <vector>

#include "myoview/scene/scene.h"

namespace myoview::app {

void draw_labels(const scene::LabelLayout& layout, const scene::Scene& scene, float scale);

}  // namespace myoview::app
