#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
layout(location = 0) in vec2 uv;   // (0,0) top-left
layout(location = 0) out vec4 out_color;
void main() {
    // Calm vertical gradient with a soft vignette: dark enough for warm muscle reds and ivory bone to stand out.
    vec3 c = mix(g.bg_top.rgb, g.bg_bottom.rgb, smoothstep(0.0, 1.0, uv.y));
    vec2 d = uv - vec2(0.5, 0.45);
    float vignette = 1.0 - 0.35 * dot(d, d);
    out_color = vec4(c * vignette, 1.0);
}
