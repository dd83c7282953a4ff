#pragma once
// The caption of the scenario or story playing (scene::Playback): the step's title and the caption's text across
// the top, from the left edge to the controls (the figure is framed below it: footprint.h), in the language's words (assets/i18n/story.<lang>.json for the clinic story), with "k / N" and the
// PageUp / PageDown hint when the scenario has story steps.

#include "myoview/i18n/strings.h"
#include "myoview/scene/scene.h"

struct ImFont;

namespace myoview::app {

class UiMap;

// `keys`: show the PageUp / PageDown hint (not in an exported video, where no key works).
// `touch`: the kiosk's attract loop, "Touch the screen to explore" as the caption's last line, large (a band at the
// bottom would take the figure's height). In the --ui-map as `story` (and the line as `attract`).
void draw_story_caption(const scene::Playback& playback, const i18n::Strings& tr, float scale, ImFont* large_font,
                        bool keys, bool touch, UiMap& map);

// The kiosk's attract loop when no caption shows: "Touch the screen to explore", large, at the bottom centre; in the
// --ui-map as `attract`.
void draw_attract_hint(const i18n::Strings& tr, float scale, ImFont* large_font, UiMap& map);

}  // namespace myoview::app
