#version 450
// A full-screen triangle at the far plane (no vertex buffer, 3 vertices). Drawn after the opaque meshes with the
// depth test on, it shades only the pixels nothing else covered.
layout(location = 0) out vec2 uv;
void main() {
    uv = vec2((gl_VertexIndex << 1) & 2, gl_VertexIndex & 2);
    gl_Position = vec4(uv * 2.0 - 1.0, 1.0, 1.0);
}
