#pragma once
// Where the side panels are, for framing the figure beside them: each panel notes its rectangle while its Dear ImGui
// window is open (note_panel, between Begin and End); the viewer reads them after the UI frame and gives the scene
// the free area between them (scene::Input::free_area).

#include <vector>

#include <glm/glm.hpp>

namespace myoview::app {

// The current window's rectangle (x0, y0, x1, y1 in pixels), noted for this frame.
void note_panel();
// The panels noted since the last call, and forgets them.
std::vector<glm::vec4> take_panels();
// The part of a width x height viewport left free by the panels that stand at its sides (taller than a third of
// it, left or right of its centre), as fractions (x0, y0, x1, y1), with a small margin.
glm::vec4 free_area(const std::vector<glm::vec4>& panels, float width, float height);

}  // namespace myoview::app
