"""Minimal readers for the BodyParts3D meshes of /work/shared/anatomy-data/bodyparts3d (numpy only).

Both readers return (vertices, triangles) in the BodyParts3D frame: millimetres, +X the subject's left,
+Y posterior, +Z superior.

- OBJ: the files store that frame directly ("v x y z", "f a b c" with optional /vt/vn, 1-based, polygons fanned).
- GLB (glTF 2.0 binary): raw positions are glTF Y-up, placed under node transforms (the aHer-dev re-exports
  carry one root node rotated +90 deg about X). The node transforms are applied, so the result is the same
  frame as the OBJ files (manifest.tsv: "world coords == BP3D 3.0 mm frame").

And the frame change to myoview's world (metres, x anterior, y left, z up), fixed for the whole project
(the bake uses the same): x_w = -(Y + 140) / 1000, y_w = X / 1000, z_w = Z / 1000.
"""

import json
import os
import struct

import numpy as np

DATA_DIR = os.environ.get("MYOVIEW_BP3D_DIR", "/work/shared/anatomy-data/bodyparts3d")

# Offset of the frame change: the jugular (sternal) notch lies near Y = -140 mm, so it lands near x = 0.
Y_OFFSET_MM = 140.0


def to_world(p_mm):
    """BodyParts3D mm (X left, Y posterior, Z up) -> myoview world m (x anterior, y left, z up)."""
    p = np.asarray(p_mm, dtype=float)
    return np.stack([-(p[..., 1] + Y_OFFSET_MM), p[..., 0], p[..., 2]], axis=-1) / 1000.0


def to_bp3d(p_w):
    """Inverse of to_world."""
    p = np.asarray(p_w, dtype=float) * 1000.0
    return np.stack([p[..., 1], -p[..., 0] - Y_OFFSET_MM, p[..., 2]], axis=-1)


def read_obj(path):
    verts, tris = [], []
    with open(path, "r", errors="replace") as f:
        for line in f:
            if line.startswith("v "):
                verts.append([float(t) for t in line.split()[1:4]])
            elif line.startswith("f "):
                idx = [int(t.split("/")[0]) for t in line.split()[1:]]
                idx = [i - 1 if i > 0 else len(verts) + i for i in idx]
                for k in range(1, len(idx) - 1):
                    tris.append((idx[0], idx[k], idx[k + 1]))
    return np.array(verts, dtype=float), np.array(tris, dtype=np.int64).reshape(-1, 3)


def _quat_matrix(q):
    x, y, z, w = q
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])


def _node_matrix(node):
    m = np.eye(4)
    if "matrix" in node:
        return np.array(node["matrix"], dtype=float).reshape(4, 4).T  # glTF is column-major
    if "scale" in node:
        m = np.diag(list(node["scale"]) + [1.0]) @ m
    if "rotation" in node:
        r = np.eye(4)
        r[:3, :3] = _quat_matrix(node["rotation"])
        m = r @ m
    if "translation" in node:
        t = np.eye(4)
        t[:3, 3] = node["translation"]
        m = t @ m
    return m


_COMPONENTS = {5120: ("b", 1), 5121: ("B", 1), 5122: ("h", 2), 5123: ("H", 2), 5125: ("I", 4), 5126: ("f", 4)}
_TYPE_SIZE = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}


def read_glb(path):
    data = open(path, "rb").read()
    magic, _version, _length = struct.unpack_from("<4sII", data, 0)
    if magic != b"glTF":
        raise ValueError(f"{path}: not a GLB file")
    offset, doc, binary = 12, None, b""
    while offset < len(data):
        clen, ctype = struct.unpack_from("<II", data, offset)
        chunk = data[offset + 8:offset + 8 + clen]
        if ctype == 0x4E4F534A:
            doc = json.loads(chunk)
        elif ctype == 0x004E4942:
            binary = chunk
        offset += 8 + clen

    def accessor(i):
        a = doc["accessors"][i]
        view = doc["bufferViews"][a["bufferView"]]
        fmt, size = _COMPONENTS[a["componentType"]]
        n = _TYPE_SIZE[a["type"]]
        start = view.get("byteOffset", 0) + a.get("byteOffset", 0)
        stride = view.get("byteStride", size * n)
        arr = np.frombuffer(binary, dtype=np.dtype(fmt).newbyteorder("<"), count=a["count"] * stride // size,
                            offset=start) if stride == size * n else None
        if arr is None:
            rows = [struct.unpack_from("<" + fmt * n, binary, start + k * stride) for k in range(a["count"])]
            return np.array(rows)
        return arr[:a["count"] * n].reshape(a["count"], n) if n > 1 else arr[:a["count"]]

    verts, tris = [], []

    def visit(node_index, parent):
        node = doc["nodes"][node_index]
        world = parent @ _node_matrix(node)
        if "mesh" in node:
            for prim in doc["meshes"][node["mesh"]]["primitives"]:
                if prim.get("mode", 4) != 4:
                    continue
                p = accessor(prim["attributes"]["POSITION"]).astype(float)
                p = p @ world[:3, :3].T + world[:3, 3]
                idx = accessor(prim["indices"]).astype(np.int64) if "indices" in prim else np.arange(len(p))
                base = sum(len(v) for v in verts)
                verts.append(p)
                tris.append(idx.reshape(-1, 3) + base)
        for c in node.get("children", []):
            visit(c, world)

    scene = doc["scenes"][doc.get("scene", 0)]
    for n in scene["nodes"]:
        visit(n, np.eye(4))
    return np.concatenate(verts), np.concatenate(tris)


def read_mesh(relative_path):
    """A mesh of the data store by its manifest path ("bones/FMA13395_right_scapula.obj"), BP3D mm."""
    path = os.path.join(DATA_DIR, relative_path)
    return read_glb(path) if path.endswith(".glb") else read_obj(path)


def drop_small_pieces(verts, tris, min_vertices=30):
    """Triangles of the connected pieces with at least min_vertices vertices (the data README: a few costal
    cartilages carry stray fragments of <= 24 vertices on the opposite side)."""
    n = len(verts)
    parent = np.arange(n)

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b, c in tris:
        ra, rb, rc = find(a), find(b), find(c)
        if rb != ra:
            parent[rb] = ra
        rc = find(rc)
        if rc != ra:
            parent[rc] = ra
    roots = np.array([find(i) for i in range(n)])
    used = np.unique(tris)
    labels, counts = np.unique(roots[used], return_counts=True)
    big = set(labels[counts >= min_vertices].tolist())
    keep = np.array([r in big for r in roots])
    return tris[keep[tris[:, 0]]]
