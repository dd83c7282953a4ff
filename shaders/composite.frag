#version 450
// The render-scale pass: the scene, drawn into the top-left part of a full-size image at a reduced scale, stretched
// (bilinear) over the whole target; the UI is drawn on top at full resolution afterwards.
layout(set = 0, binding = 0) uniform sampler2D scene;
layout(push_constant) uniform Composite {
    vec4 uv;  // xy: the drawn part's share of the image; zw: the largest coordinate inside it (half a texel in)
} pc;
layout(location = 0) in vec2 uv;  // 0..1 over the target (shaders/background.vert's full-screen triangle)
layout(location = 0) out vec4 out_color;
void main() {
    out_color = vec4(texture(scene, min(uv * pc.uv.xy, pc.uv.zw)).rgb, 1.0);
}
