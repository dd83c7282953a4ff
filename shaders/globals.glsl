// Per-frame values shared by every pipeline (set 0, binding 0). Mirrors render::FrameGlobals in C++, whose
// static_asserts check this std140 layout; the array sizes are glslc defines read from the C++ constants
// (render::kMaxHotSpots; shaders/CMakeLists.txt). The tension colormap is not here: a muscle's colour is one per
// draw (SceneRenderer::tension_color, in the draw's push constants).
layout(set = 0, binding = 0) uniform FrameGlobals {
    mat4 view;
    mat4 proj;
    vec4 camera_pos;      // xyz world
    vec4 key_dir;         // xyz: direction the key light travels FROM (unit, world); w: wrap
    vec4 key_color;       // rgb linear radiance; w unused
    vec4 fill_dir;
    vec4 fill_color;
    vec4 rim_color;       // rgb; w: rim exponent (3: mesh.frag cubes, a pow costs a CPU device a log and an exp)
    vec4 sky_color;       // hemisphere ambient, up
    vec4 ground_color;    // hemisphere ambient, down
    vec4 bg_top;          // background gradient, linear rgb
    vec4 bg_bottom;
    vec4 viewport;        // width, height, time s, exposure
    vec4 tension_view;    // w: stripe strength (x, y, z: the tension scale, used on the CPU)
    vec4 hot_spot_count;  // x: hot spots in use
    vec4 hot_spots[MYOVIEW_MAX_HOT_SPOTS];  // xyz world centre, w radius (trigger points, referred-pain zones)
    vec4 hot_spot_info[MYOVIEW_MAX_HOT_SPOTS];
    vec4 cut_plane;       // xyz: unit normal (world), w: offset; a cut mesh drops what lies where dot(xyz, p) > w  // x strength 0..1, y index of the mesh they lie on, z: 1 = a zone (soft wash)
} g;

// Bone palette for skinning (set 0, binding 1): world-from-bind matrices, one per skin joint.
layout(std430, set = 0, binding = 1) readonly buffer BonePalette {
    mat4 bones[];
} palette;
