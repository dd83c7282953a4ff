#pragma once
// Where the side panels are, for framing the figure beside them: each panel notes its rectangle while its Dear ImGui
// window is open (note_panel, between Begin and End); the viewer reads them after the UI frame and gives the scene
// the free area between them (scene::Input::free_area).

#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/scene/scene.h"

namespace myoview::app {

// The current window's rectangle (x0, y0, x1, y1 in pixels), noted for this frame.
void note_panel();
// A rectangle noted as a panel's (a window whose size its first frame does not know yet).
void note_rect(glm::vec4 rect);
// The panels noted since the last call, and forgets them.
std::vector<glm::vec4> take_panels();
// The panels noted so far this frame (those drawn before the caller), kept.
std::vector<glm::vec4> panels_so_far();
// The part of a width x height viewport left free by the panels that stand at its sides (taller than a third of
// it, left or right of its centre; and the cards in its left or right third, as the legend, while the figure still
// fits the height beside them) and by the bands across the middle above and below it (the story's caption, the
// kiosk's hint; while the figure keeps 55 % of the height), as fractions (x0, y0, x1, y1), with a small margin.
glm::vec4 free_area(const std::vector<glm::vec4>& panels, float width, float height);

// The screen rectangle (x0, y0, x1, y1 in pixels of a width x height viewport) the figure covers: every visible mesh's
// posed vertices projected (the skin outline included). Nothing when no vertex lies in front of the camera. A ray
// cast's worth of work: for the --ui-map, which checks the figure is never under a panel.
std::optional<glm::vec4> figure_rect(const scene::Scene& scene, glm::uvec2 viewport);

}  // namespace myoview::app
