#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_color;    // rgb albedo, a: baked ambient occlusion
layout(location = 3) in vec4 in_tangent;  // xyz: fibre direction on muscles

layout(push_constant) uniform DrawConstants {
    mat4 model;
    vec4 color;    // rgb tint (multiplied with the vertex colour), a: opacity
    vec4 params;   // x: 1 = use vertex colour, y: highlight 0..1, z: fibre shading 0..1, w: unused
} pc;

layout(location = 0) out vec3 v_world;
layout(location = 1) out vec3 v_normal;
layout(location = 2) out vec4 v_color;
layout(location = 3) out vec3 v_fibre;

void main() {
    vec4 world = pc.model * vec4(in_position, 1.0);
    mat3 normal_matrix = transpose(inverse(mat3(pc.model)));
    v_world = world.xyz;
    v_normal = normal_matrix * in_normal;
    v_color = in_color;
    v_fibre = mat3(pc.model) * in_tangent.xyz;
    gl_Position = g.proj * g.view * world;
}
