#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_color;    // rgb albedo, a: baked ambient occlusion
layout(location = 3) in vec4 in_tangent;  // xyz: fibre direction on muscles
layout(location = 4) in uvec4 in_joints;  // indices into the bone palette
layout(location = 5) in vec4 in_weights;  // sum 1 on skinned meshes, 0 on static ones

layout(push_constant) uniform DrawConstants {
    mat4 model;
    vec4 color;    // rgb tint (multiplied with the vertex colour), a: opacity
    vec4 params;   // x: 1 = use vertex colour, y: highlight 0..1, z: fibre shading 0..1, w: 1 = outline alpha
    vec4 muscle;   // x: tension (< 0: not by tension), y: length / healthy, z: its hot spots (mesh.frag), w: palette offset
    vec4 origin;   // xyz: the mesh's centre, where the length bands' phase starts (mesh.frag)
} pc;

layout(location = 0) out vec3 v_world;
layout(location = 1) out vec3 v_normal;
layout(location = 2) out vec4 v_color;
layout(location = 3) out vec3 v_fibre;

void main() {
    // Linear blend skinning; static meshes (weights 0) keep their bind pose.
    float weight_sum = in_weights.x + in_weights.y + in_weights.z + in_weights.w;
    mat4 skin = mat4(1.0);
    if (weight_sum > 0.0) {
        uvec4 j = in_joints + uvec4(uint(pc.muscle.w));  // w: palette offset (0 live pose, 32 the ghost's)
        skin = in_weights.x * palette.bones[j.x] + in_weights.y * palette.bones[j.y] +
               in_weights.z * palette.bones[j.z] + in_weights.w * palette.bones[j.w];
    }
    mat4 world_from_bind = pc.model * skin;
    vec4 world = world_from_bind * vec4(in_position, 1.0);
    mat3 linear_part = mat3(world_from_bind);  // rigid bones: rotation (and uniform scale), no shear
    v_world = world.xyz;
    v_normal = linear_part * in_normal;
    v_color = in_color;
    v_fibre = linear_part * in_tangent.xyz;
    gl_Position = g.proj * g.view * world;
}
