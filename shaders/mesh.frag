#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"

layout(push_constant) uniform DrawConstants {
    mat4 model;
    vec4 color;
    vec4 params;
    vec4 muscle;
    vec4 origin;
} pc;

layout(location = 0) in vec3 v_world;
layout(location = 1) in vec3 v_normal;
layout(location = 2) in vec4 v_color;
layout(location = 3) in vec3 v_fibre;
layout(location = 0) out vec4 out_color;

// Soft studio lighting for anatomy: a warm wrapped key, a cool fill from the other side, a rim that separates the
// silhouette from the background, and a sky/ground hemisphere ambient modulated by baked occlusion.
void main() {
    vec3 n = normalize(v_normal);
    if (!gl_FrontFacing) n = -n;
    vec3 v = normalize(g.camera_pos.xyz - v_world);

    bool use_vertex_color = pc.params.x > 0.5;
    vec3 albedo = use_vertex_color ? v_color.rgb * pc.color.rgb : pc.color.rgb;
    float ao = use_vertex_color ? mix(1.0, v_color.a, 0.85) : 1.0;

    vec3 fibre = v_fibre - n * dot(v_fibre, n);
    float fibre_len = length(fibre);
    fibre = fibre_len > 1e-4 ? fibre / fibre_len : vec3(0.0);

    // Length bands, filtered: the phase and its screen-space rate are taken here, in uniform control flow (fwidth
    // is undefined inside a branch that differs between neighbouring pixels).
    float strain = pc.muscle.y - 1.0;
    float bands_per_m = strain > 0.0 ? 45.0 : 160.0;
    // The phase runs from the mesh's centre, not the world origin: the fibre direction turns across a muscle, and
    // dot(p, fibre) with |p| ~1.4 m (the height of the chest) turned a few degrees of turn into millimetre hatching.
    float phase = dot(v_world - pc.origin.xyz, fibre) * bands_per_m;
    float phase_rate = fwidth(phase);  // band periods per pixel
    if (pc.muscle.x >= 0.0) {
        albedo = pc.color.rgb;  // the tension's colour, one per draw (SceneRenderer::tension_color)
        // Length against the healthy length, across the fibres: wide bands = lengthened ("long and strained"), tight bands = shortened
        // ("short and tight"); no bands near the resting length.
        float amount = g.tension_view.w * smoothstep(0.02, 0.10, abs(strain));
        if (amount > 0.0 && fibre_len > 1e-4) {
            // A band is the 30 % of each period around the integer phase, with soft edges; its mean over a period
            // is 0.15. Edges widen with the pixel's footprint, and from a quarter period per pixel (4 px a band) to
            // half a period (2 px, where stripes alias into moire) the band fades to that mean: a distant or
            // oblique muscle reads as evenly darker instead of shimmering.
            float d = abs(fract(phase) - 0.5);
            float band = smoothstep(0.35 - 0.5 * phase_rate, 0.5, d);
            band = mix(band, 0.15, smoothstep(0.25, 0.5, phase_rate));
            albedo *= 1.0 - 0.45 * amount * band;
        }
    }

    // Fibre shading: a faint anisotropic sheen across the fibres makes muscle read as muscle, not plastic.
    vec3 h = normalize(-g.key_dir.xyz + v);
    float sheen = 0.0;
    if (pc.params.z > 0.0 && fibre_len > 1e-4) {
        float th = dot(fibre, h);
        // sin^24 = (1 - cos^2)^12 by squaring: on a CPU device each pow is a log and an exp per pixel.
        float sin2 = max(1.0 - th * th, 0.0), sin4 = sin2 * sin2, sin8 = sin4 * sin4;
        sheen = pc.params.z * 0.18 * sin8 * sin8 * sin8;
    }

    float wrap = g.key_dir.w;
    float key = max((dot(n, -g.key_dir.xyz) + wrap) / (1.0 + wrap), 0.0);
    float fill = max((dot(n, -g.fill_dir.xyz) + 0.5) / 1.5, 0.0);
    float facing = 1.0 - max(dot(n, v), 0.0);
    float rim = facing * facing * facing;  // g.rim_color.w = 3, multiplied out (a pow is a log and an exp)
    vec3 ambient = mix(g.ground_color.rgb, g.sky_color.rgb, n.z * 0.5 + 0.5);
    // pow(x, 40) by squaring (x^32 x^8): a pow is a log and an exp per pixel on a CPU device.
    float s1 = max(dot(n, h), 0.0), s2 = s1 * s1, s4 = s2 * s2, s8 = s4 * s4, s16 = s8 * s8;
    float spec = s16 * s16 * s8 * 0.12;

    vec3 lit = albedo * (ambient * ao + key * g.key_color.rgb * mix(0.6, 1.0, ao) + fill * g.fill_color.rgb * ao);
    lit += (spec + sheen) * g.key_color.rgb * ao + rim * g.rim_color.rgb * ao;
    // Hover / selection: a cool rim glow that leaves the face colour (the tension) untouched.
    lit += pc.params.y * facing * sqrt(facing) * vec3(0.45, 0.75, 1.2);

    // Gentle filmic shoulder so highlights roll off instead of clipping.
    lit *= g.viewport.w;
    lit = lit / (1.0 + 0.25 * lit);
    // Trigger points (on muscles) and referred-pain zones (on the skin): a pulsing warm glow with a bright core on
    // the mesh that holds them, as strong as the point is severe (release fades it).
    // This mesh's run of the frame's hot spots (grouped by mesh), packed by SceneRenderer::draw_mesh as
    // first * (MYOVIEW_MAX_HOT_SPOTS + 1) + count, or -1 without one.
    int run = int(pc.muscle.z + 0.5);
    int first = pc.muscle.z < 0.0 ? 0 : run / (MYOVIEW_MAX_HOT_SPOTS + 1);
    int last = pc.muscle.z < 0.0 ? 0 : first + run % (MYOVIEW_MAX_HOT_SPOTS + 1);
    float pulse = 0.8 + 0.2 * sin(g.viewport.z * 4.0);
    float spot_glow = 0.0;
    for (int i = first; i < last; ++i) {
        float r = g.hot_spots[i].w;
        float d = length(v_world - g.hot_spots[i].xyz) / r;
        bool zone = g.hot_spot_info[i].z > 0.5;  // a referred-pain area: a soft wash, no ring, no core
        float glow = zone ? g.hot_spot_info[i].x * pulse * smoothstep(1.0, 0.3, d)
                          : g.hot_spot_info[i].x * pulse * (exp(-d * d * 2.0) + 0.6 * smoothstep(0.25, 0.0, abs(d - 1.2)));
        lit = mix(lit, vec3(1.6, 0.35, 0.12), clamp(1.6 * glow, 0.0, 1.0));
        if (!zone) lit += vec3(1.4, 1.1, 0.8) * g.hot_spot_info[i].x * exp(-d * d * 5.0);
        spot_glow += glow;
    }

    // Outline layers (the skin) fade toward the viewer and show at the silhouette, so they outline the body
    // without veiling the muscles under it.
    float alpha = pc.color.a;
    if (pc.params.w > 0.5) {
        float edge = 1.0 - abs(dot(n, v));
        alpha *= mix(0.12, 1.0, edge * edge);
        alpha = max(alpha, 0.75 * clamp(spot_glow, 0.0, 1.0));  // a zone on the see-through skin shows face-on
    }
    out_color = vec4(lit, alpha);
    // The cutting plane, last: a discard before the derivatives above would leave them undefined in its quads.
    if (pc.origin.w > 0.5 && dot(g.cut_plane.xyz, v_world) > g.cut_plane.w) discard;
}
