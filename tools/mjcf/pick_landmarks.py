#!/usr/bin/env python3
"""Picks the landmarks, joint centres, muscle path points and the scapulothoracic surface of myoview's MJCF on the
real BodyParts3D meshes, and writes them to tools/mjcf/landmarks.json (read by make_myoview_mjcf.py).

    /usr/bin/python3 tools/mjcf/pick_landmarks.py            # writes tools/mjcf/landmarks.json
    /usr/bin/python3 tools/mjcf/pick_landmarks.py --check    # recomputes and compares with the committed file

Every point carries the mesh (or meshes) it was picked on and the method, in words, in the JSON. Left and right
are picked on their own meshes: the two sides are independent scans, not mirror images, and the bake skins each
side's meshes to its own bodies, so mirroring would put the left joint centres off the left bones.

Frame: the BodyParts3D whole-body frame (mm, +X left, +Y posterior, +Z superior) is converted to myoview's world
(m, x anterior, y left, z up) with x = -(Y + 140)/1000, y = X/1000, z = Z/1000 (bp3d_mesh.to_world); both are
stored. Numpy only; about a minute on one core.
"""

import csv
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bp3d_mesh as bp  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "landmarks.json")
SIDES = ("r", "l")
SIDE_WORD = {"r": "right", "l": "left"}

# ------------------------------------------------------------------------------------------------------------
# Meshes (world coordinates, mm: world metres x 1000, so that distances read in mm)
# ------------------------------------------------------------------------------------------------------------


def _manifest():
    rows = list(csv.DictReader(open(os.path.join(bp.DATA_DIR, "manifest.tsv")), delimiter="\t"))
    files = {}
    for r in rows:
        if r["name"] in files and "role=primary" not in r["notes"]:
            continue
        files[r["name"]] = r["file"]
    return files


FILES = _manifest()
_CACHE = {}


def mesh(name):
    """(vertices in world mm, triangles, manifest file) of a structure, small stray pieces dropped."""
    if name not in _CACHE:
        v, t = bp.read_mesh(FILES[name])
        t = bp.drop_small_pieces(v, t)
        used = np.zeros(len(v), bool)
        used[np.unique(t)] = True
        w = bp.to_world(v) * 1000.0
        _CACHE[name] = (w, t, used, FILES[name])
    w, t, used, f = _CACHE[name]
    return w, t, f


def verts(name):
    w, t, _f = mesh(name)
    return w[np.unique(t)]


def file_of(*names):
    return ", ".join(FILES[n] for n in names)


def sided(stem, s):
    return f"{SIDE_WORD[s]}_{stem}"


def lateral(s):
    """Unit vector pointing laterally on side s (world: right is -y)."""
    return np.array([0.0, -1.0 if s == "r" else 1.0, 0.0])


def nearest(a, b, chunk=1500):
    """Distance from every point of a to the nearest point of b (brute force in chunks)."""
    a = np.asarray(a, float)
    out = np.empty(len(a))
    bb = (b * b).sum(1)
    for i in range(0, len(a), chunk):
        x = a[i:i + chunk]
        d = (x * x).sum(1)[:, None] - 2 * x @ b.T + bb[None, :]
        out[i:i + chunk] = np.sqrt(np.maximum(d.min(1), 0))
    return out


def near_box(points, other, margin):
    lo, hi = other.min(0) - margin, other.max(0) + margin
    return np.all((points > lo) & (points < hi), axis=1)


def contact(a_name, b_names, tol=3.0):
    """Vertices of mesh a within tol mm of any of the meshes b (the contact patch of a against b)."""
    a = verts(a_name)
    keep = np.zeros(len(a), bool)
    for b_name in b_names:
        b = verts(b_name)
        box = near_box(a, b, tol + 1)
        if box.any():
            d = np.full(len(a), np.inf)
            d[box] = nearest(a[box], b)
            keep |= d < tol
    return a[keep]


def sphere_fit(p):
    A = np.c_[2 * p, np.ones(len(p))]
    sol = np.linalg.lstsq(A, (p * p).sum(1), rcond=None)[0]
    c = sol[:3]
    r = float(np.sqrt(sol[3] + c @ c))
    rms = float(np.sqrt(((np.linalg.norm(p - c, axis=1) - r) ** 2).mean()))
    return c, r, rms


def raycast(name, origins, direction):
    """Distance along direction from each origin to the first triangle of a mesh (inf where none)."""
    w, t, _f = mesh(name)
    d = np.asarray(direction, float)
    d = d / np.linalg.norm(d)
    v0 = w[t[:, 0]]
    e1 = w[t[:, 1]] - v0
    e2 = w[t[:, 2]] - v0
    p = np.cross(d, e2)
    det = (e1 * p).sum(1)
    ok = np.abs(det) > 1e-12
    v0, e1, e2, p, inv = v0[ok], e1[ok], e2[ok], p[ok], 1.0 / det[ok]
    out = np.full(len(origins), np.inf)
    for i, o in enumerate(np.asarray(origins, float)):
        s = o - v0
        u = (s * p).sum(1) * inv
        q = np.cross(s, e1)
        v = (q @ d) * inv
        tt = (q * e2).sum(1) * inv
        m = (u >= 0) & (v >= 0) & (u + v <= 1) & (tt > 0)
        if m.any():
            out[i] = tt[m].min()
    return out


# ------------------------------------------------------------------------------------------------------------
# The record: every pick with its mesh and method
# ------------------------------------------------------------------------------------------------------------

POINTS = {}


def put(name, p_mm, meshes, method):
    p_mm = np.asarray(p_mm, float)
    POINTS[name] = {
        "world": [round(float(x) / 1000.0, 5) for x in p_mm],
        "bp3d_mm": [round(float(x), 2) for x in bp.to_bp3d(p_mm / 1000.0)],
        "mesh": meshes,
        "method": method,
    }
    return p_mm


def P(name):
    return np.array(POINTS[name]["world"]) * 1000.0


# ------------------------------------------------------------------------------------------------------------
# Trunk: sternum, spine, ribs
# ------------------------------------------------------------------------------------------------------------

VERTEBRAE = {"c1": "atlas_c1", "c2": "axis_c2", "c3": "third_cervical_vertebra_c3",
             "c4": "fourth_cervical_vertebra_c4", "c5": "fifth_cervical_vertebra_c5",
             "c6": "sixth_cervical_vertebra_c6",
             "c7": "seventh_cervical_vertebra_c7", "t1": "first_thoracic_vertebra_t1",
             "t2": "second_thoracic_vertebra_t2", "t3": "third_thoracic_vertebra_t3",
             "t4": "fourth_thoracic_vertebra_t4", "t5": "fifth_thoracic_vertebra_t5",
             "t6": "sixth_thoracic_vertebra_t6", "t7": "seventh_thoracic_vertebra_t7",
             "t8": "eighth_thoracic_vertebra_t8", "t9": "ninth_thoracic_vertebra_t9",
             "t10": "tenth_thoracic_vertebra_t10", "t11": "eleventh_thoracic_vertebra_t11",
             "t12": "twelfth_thoracic_vertebra_t12"}
RIB_WORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
            9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth"}


def rib(k, s):
    return f"{SIDE_WORD[s]}_{RIB_WORD[k]}_rib"


def cartilage(k, s):
    return f"{SIDE_WORD[s]}_{RIB_WORD[k]}_costal_cartilage"


def spinous_tip(level):
    v = verts(VERTEBRAE[level])
    mid = v[np.abs(v[:, 1]) < 8.0]
    return mid[mid[:, 0].argmin()]


# Sagittal depth of the vertebral bodies (mm): C7 ~16, T1 ~17, T12 ~28 (Panjabi et al. 1991 Spine 16:888 and
# 1992 Spine 17:299, rounded). Used only to tell the body from the posterior elements.
BODY_DEPTH = {"c7": 16.0, "t1": 17.0, "t12": 28.0}


def vertebral_body(level):
    """Vertices of the vertebral body: within its sagittal depth of the most anterior point, near the midline."""
    v = verts(VERTEBRAE[level])
    return v[(v[:, 0] > v[:, 0].max() - BODY_DEPTH[level]) & (np.abs(v[:, 1]) < 12.0)]


def endplate_centre(level, which):
    body = vertebral_body(level)
    z = body[:, 2]
    sel = body[z < z.min() + 3.0] if which == "inferior" else body[z > z.max() - 3.0]
    return sel.mean(0)


def pick_trunk():
    man = verts("manubrium")
    mid = man[np.abs(man[:, 1]) < 4.0]
    top = mid[mid[:, 2] > mid[:, 2].max() - 1.5]
    put("sternal_notch", top.mean(0), file_of("manubrium"),
        "jugular notch: mean of the manubrium vertices within 4 mm of the midline and 1.5 mm of its highest point "
        "there")
    xi = verts("xiphoid_process")
    put("xiphoid", xi[xi[:, 2].argmin()], file_of("xiphoid_process"),
        "lowest vertex of the xiphoid process (registered BodyParts3D 4.x mesh; the data README notes it overlaps "
        "the sternal body by up to 5 mm)")
    for level in ("c7", "t1", "t2", "t3", "t4", "t5", "t12"):
        put(f"{level}_spinous", spinous_tip(level), file_of(VERTEBRAE[level]),
            "spinous process tip: most posterior vertex of the vertebra within 8 mm of the midline")
    c7 = endplate_centre("c7", "inferior")
    t1 = endplate_centre("t1", "superior")
    put("c7_t1_joint", 0.5 * (c7 + t1), file_of(VERTEBRAE["c7"], VERTEBRAE["t1"]),
        "C7/T1 intervertebral joint centre: midpoint of the centres of C7's inferior and T1's superior endplates "
        "(vertebral body = vertices within the body's sagittal depth, 16 / 17 mm, of the vertebra's most "
        "anterior point and 12 mm of the midline; endplate = its lowest / highest 3 mm)")
    t12 = endplate_centre("t12", "inferior")
    put("t12_l1_joint", t12 + np.array([0.0, 0.0, -5.0]), file_of(VERTEBRAE["t12"]),
        "T12/L1 joint centre: centre of T12's inferior endplate, 5 mm lower (half a lumbar disc; there is no L1 "
        "mesh in the data)")
    # C0/C1: the occipital condyles against the atlas's superior articular facets, both sides.
    occ = contact("occipital_bone", ["atlas_c1"], tol=3.0)
    atl = contact("atlas_c1", ["occipital_bone"], tol=3.0)
    centres = []
    for sign in (-1, 1):
        a = occ[np.sign(occ[:, 1]) == sign]
        b = atl[np.sign(atl[:, 1]) == sign]
        centres.append(0.5 * (a.mean(0) + b.mean(0)))
    put("c0_c1_joint", 0.5 * (centres[0] + centres[1]), file_of("occipital_bone", "atlas_c1"),
        "C0/C1 joint centre: midpoint of the right and left atlanto-occipital contacts (per side, the mean of the "
        "centroids of the occipital-condyle and atlas vertices within 3 mm of each other)")


def pick_ribs():
    for s in SIDES:
        # Borstad & Ludewig 2005 (JOSPT 35:227) measure pectoralis minor length from the coracoid to the caudal
        # edge of the 4th rib one finger-width lateral of the sternum: there the 4th "rib" is its cartilage.
        c = verts(cartilage(4, s))
        sternal_end = contact(cartilage(4, s), ["body_of_sternum"], tol=3.0).mean(0)
        band = c[np.abs(np.abs(c[:, 1]) - (abs(sternal_end[1]) + 20.0)) < 3.0]
        low = band[band[:, 2] < np.percentile(band[:, 2], 25)]
        put(f"pec_minor_rib4_{s}", low[low[:, 0].argmax()], file_of(cartilage(4, s), "body_of_sternum"),
            "Borstad & Ludewig's 4th-rib point for pectoralis minor length: on costal cartilage 4, 20 mm (a finger "
            "width) lateral of its junction with the sternum (centroid of its vertices within 3 mm of the sternal "
            "body), the most anterior of the lowest quarter of the cartilage vertices in a 6 mm band there")
        for k in (3, 4, 5):
            r = verts(rib(k, s))
            junction = contact(rib(k, s), [cartilage(k, s)], tol=3.0)
            c = junction.mean(0)
            # the caudal edge of the rib's outer surface at the junction: of the rib vertices within 12 mm of the
            # junction, the lowest third, then the most anterior of those
            near = r[np.linalg.norm(r - c, axis=1) < 12.0]
            low = near[near[:, 2] < np.percentile(near[:, 2], 33)]
            p = low[low[:, 0].argmax()]
            put(f"rib{k}_{s}", p, file_of(rib(k, s), cartilage(k, s)),
                f"costochondral junction of rib {k}: of the rib vertices within 12 mm of the centroid of its contact "
                f"with costal cartilage {k} (3 mm), the most anterior of the lowest third (caudal edge, outer surface)")


# ------------------------------------------------------------------------------------------------------------
# Head
# ------------------------------------------------------------------------------------------------------------

# The tragus is cartilage and skin, not in the data. It sits in front of the opening of the external acoustic
# meatus, over the anterior wall of the cartilaginous canal (about 8 mm long, running laterally from the bony
# opening): placed 10 mm anterior and 10 mm lateral of the centre of the bony opening. A model assumption;
# the craniovertebral angle uses only its sagittal (x, z) position.
TRAGUS_OFFSET_ANTERIOR_MM = 10.0
TRAGUS_OFFSET_LATERAL_MM = 10.0


def external_meatus(s):
    """Centre and top (porion) of the bony opening of the external acoustic meatus on the temporal bone.

    Rays cast medially on a 1.5 mm grid over the lateral face of the temporal bone; a ray that enters a hole
    runs on to the tympanic part, more than 12 mm deeper than the lateral surface around it (the highest
    lateral extent within 8 mm). The meatus is the largest connected group of such rays between the root of
    the zygomatic arch and the mastoid."""
    name = sided("temporal_bone", s)
    v = verts(name)
    lat = lateral(s)
    ys = np.arange(v[:, 0].min(), v[:, 0].max(), 1.5)  # world x (anterior)
    zs = np.arange(v[:, 2].min(), v[:, 2].min() + 45.0, 1.5)
    far = (np.abs(v[:, 1]).max() + 30.0) * lat[1]
    origins = np.array([[x, far, z] for z in zs for x in ys])
    t = raycast(name, origins, -lat).reshape(len(zs), len(ys))
    depth = np.abs(far) - t  # lateral extent of the first surface hit, mm from the midline (inf: no hit)
    depth[~np.isfinite(depth)] = np.nan
    rim = np.full_like(depth, np.nan)
    k = int(round(8.0 / 1.5))
    for i in range(len(zs)):
        for j in range(len(ys)):
            win = depth[max(0, i - k):i + k + 1, max(0, j - k):j + k + 1]
            if np.isfinite(win).any():
                rim[i, j] = np.nanmax(win)
    hole = np.isfinite(depth) & (rim - depth > 12.0)
    # largest 4-connected component
    label = np.zeros(hole.shape, int)
    best, best_n, n = 0, 0, 0
    for i in range(len(zs)):
        for j in range(len(ys)):
            if hole[i, j] and label[i, j] == 0:
                n += 1
                stack, cnt = [(i, j)], 0
                label[i, j] = n
                while stack:
                    a, b = stack.pop()
                    cnt += 1
                    for da, db in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                        aa, bb = a + da, b + db
                        if 0 <= aa < len(zs) and 0 <= bb < len(ys) and hole[aa, bb] and label[aa, bb] == 0:
                            label[aa, bb] = n
                            stack.append((aa, bb))
                if cnt > best_n:
                    best, best_n = n, cnt
    ii, jj = np.nonzero(label == best)
    xs, zz = ys[jj], zs[ii]
    rim_lat = np.nanmedian(rim[ii, jj])
    centre = np.array([xs.mean(), lat[1] * rim_lat, zz.mean()])
    top = np.array([xs.mean(), lat[1] * rim_lat, zz.max()])
    return centre, top, best_n * 1.5 * 1.5


def pick_head():
    for s in SIDES:
        name = sided("temporal_bone", s)
        centre, top, area = external_meatus(s)
        put(f"meatus_{s}", centre, file_of(name),
            f"centre of the bony opening of the external acoustic meatus ({area:.0f} mm2 of rays): rays cast "
            "medially on a 1.5 mm grid over the temporal bone; the opening is the largest connected group of rays "
            "hitting bone more than 12 mm deeper than the lateral surface within 8 mm around them")
        put(f"porion_{s}", top, file_of(name), "porion: top of the same group of rays")
        put(f"tragus_{s}", centre + np.array([TRAGUS_OFFSET_ANTERIOR_MM, 0, 0]) + TRAGUS_OFFSET_LATERAL_MM * lateral(s),
            file_of(name),
            "tragus (not in the data: cartilage): the meatus centre moved 10 mm anterior and 10 mm lateral, where the "
            "tragus covers the cartilaginous canal (model assumption; the craniovertebral angle uses x and z only)")
        v = verts(name)
        post = v[(v[:, 0] < centre[0] - 10.0) & (np.abs(v[:, 1]) > np.abs(centre[1]) - 20.0)]
        put(f"mastoid_{s}", post[post[:, 2].argmin()], file_of(name),
            "mastoid tip: lowest vertex of the temporal bone more than 10 mm posterior of the meatus centre and "
            "less than 20 mm medial of its opening (excludes the styloid process)")
    occ = verts("occipital_bone")
    mid = occ[np.abs(occ[:, 1]) < 5.0]
    put("occiput", mid[mid[:, 0].argmin()], file_of("occipital_bone"),
        "back of the skull (opisthocranion, near the external occipital protuberance): most posterior vertex of "
        "the occipital bone within 5 mm of the midline")
    par = np.vstack([verts("right_parietal_bone"), verts("left_parietal_bone")])
    put("vertex", par[par[:, 2].argmax()], file_of("right_parietal_bone", "left_parietal_bone"),
        "vertex: highest vertex of the parietal bones")
    nas = np.vstack([contact(n, ["frontal_bone"], tol=2.0) for n in ("right_nasal_bone", "left_nasal_bone")])
    put("nasion", nas.mean(0), file_of("right_nasal_bone", "left_nasal_bone", "frontal_bone"),
        "nasion: centroid of the nasal-bone vertices within 2 mm of the frontal bone (frontonasal suture)")


# ------------------------------------------------------------------------------------------------------------
# Shoulder girdle and arm
# ------------------------------------------------------------------------------------------------------------


def blade_frame(s):
    """Principal axes of the scapula (PCA of its vertices): centroid, and the plane's normal pointing back."""
    v = verts(sided("scapula", s))
    c = v.mean(0)
    _u, _sv, wt = np.linalg.svd(v - c, full_matrices=False)
    n = wt[2] if wt[2][0] < 0 else -wt[2]
    return c, n


def humeral_head(s):
    """Sphere fitted to the articular surface of the humeral head: the humerus vertices within 8 mm of the
    scapula (they face the glenoid) seed a fit; then every humerus vertex within 1 mm of that sphere and within
    70 deg of the centre-to-glenoid direction is refitted."""
    hum = verts(sided("humerus", s))
    seed = contact(sided("humerus", s), [sided("scapula", s)], tol=8.0)
    c, r, _rms = sphere_fit(seed)
    towards = seed.mean(0) - c
    towards /= np.linalg.norm(towards)
    d = hum - c
    dist = np.linalg.norm(d, axis=1)
    cosang = (d @ towards) / np.maximum(dist, 1e-9)
    sel = hum[(np.abs(dist - r) < 1.0) & (cosang > np.cos(np.radians(70)))]
    c, r, rms = sphere_fit(sel)
    return c, r, rms, len(sel)


def pick_shoulder():
    for s in SIDES:
        sca, cla, hum = sided("scapula", s), sided("clavicle", s), sided("humerus", s)
        lat = lateral(s)
        v = verts(sca)
        # sternoclavicular and acromioclavicular joints: the two facing contact patches, midpoint of centroids
        a = contact(cla, ["manubrium"], tol=5.0)
        b = contact("manubrium", [cla], tol=5.0)
        put(f"sc_joint_{s}", 0.5 * (a.mean(0) + b.mean(0)), file_of(cla, "manubrium"),
            "sternoclavicular joint centre: midpoint of the centroids of the clavicle and manubrium vertices within "
            "5 mm of each other (the medial end of the clavicle against the clavicular notch)")
        a = contact(cla, [sca], tol=4.0)
        b = contact(sca, [cla], tol=4.0)
        ac = put(f"ac_joint_{s}", 0.5 * (a.mean(0) + b.mean(0)), file_of(cla, sca),
                 "acromioclavicular joint centre: midpoint of the centroids of the clavicle and scapula (acromion) "
                 "vertices within 4 mm of each other")
        c, r, rms, n = humeral_head(s)
        put(f"humeral_head_{s}", c, file_of(hum, sca),
            f"glenohumeral centre = centre of the humeral head: sphere fit (r = {r:.1f} mm, rms {rms:.2f} mm, "
            f"{n} vertices) to the articular surface (humerus vertices within 8 mm of the scapula seed the fit; "
            "then those within 1 mm of the sphere and 70 deg of the glenoid direction)")
        glen = v[np.linalg.norm(v - c, axis=1) < r + 5.0]
        put(f"glenoid_{s}", glen.mean(0), file_of(sca, hum),
            "glenoid centre: centroid of the scapula vertices within 5 mm of the fitted humeral head sphere")
        put(f"scapula_inferior_angle_{s}", v[v[:, 2].argmin()], file_of(sca),
            "inferior angle (AI, ISB): most caudal vertex of the scapula")
        post = -np.array([1.0, 0.0, 0.0])
        put(f"acromion_posterior_{s}", v[(v @ (lat + post)).argmax()], file_of(sca),
            "acromial angle (AA, ISB): the scapula vertex farthest along lateral + posterior (equal weights)")
        put(f"coracoid_{s}", v[v[:, 0].argmax()], file_of(sca), "coracoid tip: most anterior vertex of the scapula")
        acro = v[((v - ac) @ lat > 0.0) & (v[:, 2] > c[2] + 15.0)]
        put(f"acromion_{s}", acro[acro[:, 0].argmax()], file_of(sca),
            "anterior tip of the acromion: most anterior scapula vertex lateral of the AC joint centre and more than "
            "15 mm above the glenohumeral centre")
        # trigonum spinae: where the spine (which stands off the blade's dorsal face) meets the medial border.
        # In 5 mm horizontal slices, the border is the most medial vertex; the spine's medial end is the slice
        # whose vertices within 15 mm of the border stand farthest off the blade plane (PCA of the scapula).
        cen, n = blade_frame(s)
        h = (v - cen) @ n
        best, ts = -np.inf, None
        for z0 in np.arange(v[:, 2].min() + 60.0, v[:, 2].max() - 25.0, 5.0):
            m = (v[:, 2] >= z0) & (v[:, 2] < z0 + 5.0)
            if m.sum() < 3:
                continue
            sl, hs = v[m], h[m]
            border = sl[(sl @ -lat).argmax()]
            near = (border - sl) @ -lat < 15.0
            if hs[near].max() > best:
                best, ts = hs[near].max(), border
        put(f"scapula_spine_root_{s}", ts, file_of(sca),
            "trigonum spinae (TS, ISB): in 5 mm horizontal slices of the scapula the medial border is the most "
            "medial vertex; TS is the border vertex of the slice whose vertices within 15 mm of the border stand "
            "farthest off the blade plane (PCA), i.e. where the spine's root meets the border")
        med = v[(v - ts) @ lat < 30.0]
        put(f"scapula_superior_angle_{s}", med[med[:, 2].argmax()], file_of(sca),
            "superior angle: highest scapula vertex less than 30 mm lateral of the trigonum")
        # humerus: groove, tuberosity, epicondyles; forearm: wrist
        hv = verts(hum)
        # bicipital groove: slice 30 mm below the head centre; the anterior half of its outline in polar form
        # around the slice centroid; the groove is the deepest point between the two tubercles
        sl = hv[np.abs(hv[:, 2] - (c[2] - 30.0)) < 2.0]
        sc_ = sl.mean(0)
        ang = np.degrees(np.arctan2((sl - sc_) @ (-lat), (sl - sc_)[:, 0]))  # 0 = anterior, + = medial
        rad = np.linalg.norm((sl - sc_)[:, :2], axis=1)
        bins = np.arange(-90, 91, 6)
        prof = np.array([rad[(ang >= b0) & (ang < b0 + 6)].max() if ((ang >= b0) & (ang < b0 + 6)).any() else np.nan
                         for b0 in bins])
        i_lat = np.nanargmax(np.where(bins < 0, prof, np.nan))   # greater tubercle, lateral
        i_med = np.nanargmax(np.where(bins >= 0, prof, np.nan))  # lesser tubercle, medial
        lo, hi = min(i_lat, i_med), max(i_lat, i_med)
        k = lo + int(np.nanargmin(prof[lo:hi + 1]))
        m = (ang >= bins[k]) & (ang < bins[k] + 6)
        put(f"bicipital_groove_{s}", sl[m][rad[m].argmax()], file_of(hum),
            "intertubercular (bicipital) groove: in the 4 mm slice of the humerus 30 mm below the head centre, the "
            "outline in 6 deg sectors around the slice centroid; the groove is the shallowest sector between the "
            "greater (lateral) and lesser (medial) tubercles")
        dl = contact(sided("deltoid_acromial_part", s), [hum], tol=3.0)
        dl = np.vstack([dl] + [contact(sided(p, s), [hum], tol=3.0) for p in ("deltoid_clavicular_part",
                                                                               "deltoid_spinal_part")])
        low = dl[dl[:, 2] < c[2] - 60.0]
        put(f"deltoid_tuberosity_{s}", low.mean(0), file_of(hum, sided("deltoid_acromial_part", s)),
            "deltoid tuberosity: centroid of the vertices of the three deltoid parts within 3 mm of the humerus and "
            "more than 60 mm below the head centre")
        dist = hv[hv[:, 2] < hv[:, 2].min() + 40.0]
        el = dist[(dist @ lat).argmax()]
        em = dist[(dist @ lat).argmin()]
        put(f"epicondyle_lateral_{s}", el, file_of(hum), "lateral epicondyle: most lateral vertex of the distal 40 mm")
        put(f"epicondyle_medial_{s}", em, file_of(hum), "medial epicondyle: most medial vertex of the distal 40 mm")
        put(f"elbow_centre_{s}", 0.5 * (el + em), file_of(hum), "elbow centre: midpoint of the epicondyles (ISB)")
        rs, ul = verts(sided("radius", s)), verts(sided("ulna", s))
        put(f"wrist_centre_{s}", 0.5 * (rs[rs[:, 2].argmin()] + ul[ul[:, 2].argmin()]),
            file_of(sided("radius", s), sided("ulna", s)),
            "wrist centre: midpoint of the lowest vertices of the radius and the ulna (styloid processes)")


# ------------------------------------------------------------------------------------------------------------
# Muscle paths
# ------------------------------------------------------------------------------------------------------------

# Which MJCF body carries each bone (the same mapping as tools/bake/structures.tsv).
def body_of(bone, s):
    if bone in ("manubrium", "body_of_sternum", "xiphoid_process") or "rib" in bone or "costal" in bone \
            or "thoracic_vertebra" in bone:
        return "thorax"
    if "cervical" in bone or bone in ("atlas_c1", "axis_c2", "hyoid_bone"):
        return "neck"
    for stem in ("clavicle", "scapula", "humerus"):
        if bone.endswith(stem):
            return f"{stem}_{s}"
    return "head"


MUSCLE_MESH = {
    "pec_major_clavicular": "pectoralis_major_clavicular_part", "pec_major_sternal":
    "pectoralis_major_sternocostal_part", "pec_major_costal": "pectoralis_major_abdominal_part",
    "pec_minor": "pectoralis_minor", "rhomboid_major": "rhomboid_major", "rhomboid_minor": "rhomboid_minor",
    "trapezius_upper": "trapezius_descending_part", "trapezius_middle": "trapezius_transverse_part",
    "trapezius_lower": "trapezius_ascending_part", "deltoid_anterior": "deltoid_clavicular_part",
    "deltoid_middle": "deltoid_acromial_part", "deltoid_posterior": "deltoid_spinal_part",
    "levator_scapulae": "levator_scapulae", "serratus_anterior": "serratus_anterior",
    "sternocleidomastoid": "sternocleidomastoid", "splenius_capitis": "splenius_capitis",
    "splenius_cervicis": "splenius_cervicis", "supraspinatus": "supraspinatus", "infraspinatus": "infraspinatus",
    "teres_minor": "teres_minor", "teres_major": "teres_major", "subscapularis": "subscapularis",
    "latissimus_dorsi": "latissimus_dorsi", "subclavius": "subclavius",
}
MIDLINE = {"manubrium", "body_of_sternum", "xiphoid_process", "occipital_bone", "frontal_bone", "sphenoid_bone",
           "ethmoid", "mandible", "hyoid_bone"} | set(VERTEBRAE.values())


def bone_name(stem, s):
    return stem if stem in MIDLINE else sided(stem, s)


class Path:
    """Collects the path points of one muscle on one side."""

    def __init__(self, mid, s):
        self.mid, self.s = mid, s
        self.mesh = sided(MUSCLE_MESH[mid], s)
        self.points = []

    def attach(self, suffix, bones, body=None, per_bone=False, where=None, tol=3.0, note=""):
        """Attachment: centroid of the muscle's vertices within tol mm of the bones (its contact patch).
        per_bone: the mean of the per-bone centroids (each bone one vote: a long origin along the spine).
        where: (predicate, words) restricting the patch."""
        names = [bone_name(b, self.s) for b in bones]
        cents, allp, used = [], [], []
        for b in names:
            p = contact(self.mesh, [b], tol=tol)
            if where is not None:
                p = p[where[0](p)]
            if len(p) >= 3:
                cents.append(p.mean(0))
                allp.append(p)
                used.append(b)
        if not allp:
            raise RuntimeError(f"{self.mesh}: no contact with {names}")
        allp = np.vstack(allp)
        pt = np.mean(cents, axis=0) if per_bone else allp.mean(0)
        body = body or body_of(names[0], self.s)
        how = (f"{'mean of the per-bone centroids' if per_bone else 'centroid'} of the {self.mesh} vertices within "
               f"{tol:g} mm of {', '.join(used)}" + (f", {where[1]}" if where else "") + (f"; {note}" if note else ""))
        self._add(suffix, body, pt, [self.mesh] + used, how)
        return pt

    def via(self, suffix, body, frac, a=None, b=None, half=6.0, note="", outside=None):
        """Via point on the muscle's centre line: centroid of the muscle vertices in the slab perpendicular to
        the chord from the origin to the insertion (or a..b) at `frac` of its length, half-width `half` mm."""
        a = self.points[0]["p"] if a is None else a
        b = self.ins if b is None else b
        v = verts(self.mesh)
        d = b - a
        L = np.linalg.norm(d)
        t = (v - a) @ d / L
        sel = v[np.abs(t - frac * L) < half]
        pt = sel.mean(0)
        how = (f"centre line: centroid of the {self.mesh} vertices within {half:g} mm of the plane perpendicular to "
               f"the origin-insertion chord at {frac:g} of its length")
        if outside is not None:
            c, rad, words = outside
            if np.linalg.norm(pt - c) < rad:
                pt = c + rad * (pt - c) / np.linalg.norm(pt - c)
                how += f", pushed radially out to {rad:.1f} mm from {words}"
        self._add(suffix, body, pt, [self.mesh], how + (f"; {note}" if note else ""))
        return pt

    def point(self, suffix, body, p, meshes, how):
        self._add(suffix, body, p, meshes, how)
        return p

    def _add(self, suffix, body, p, meshes, how):
        if suffix == "i":
            self.ins = np.asarray(p, float)
        self.points.append({"suffix": suffix, "body": body, "p": np.asarray(p, float), "mesh": meshes, "method": how})

    def record(self):
        order = sorted(self.points, key=lambda q: (q["suffix"] != "o", q["suffix"] == "i", q["suffix"]))
        return [{"site": q["suffix"], "body": q["body"], "world": [round(float(x) / 1000.0, 5) for x in q["p"]],
                 "bp3d_mm": [round(float(x), 2) for x in bp.to_bp3d(q["p"] / 1000.0)],
                 "mesh": ", ".join(FILES[m] for m in q["mesh"]), "method": q["method"]} for q in order]


T_LEVELS = [f"t{k}" for k in range(1, 13)]
RIBS = lambda ks: [f"{RIB_WORD[k]}_rib" for k in ks]  # noqa: E731
CARTS = lambda ks: [f"{RIB_WORD[k]}_costal_cartilage" for k in ks]  # noqa: E731


def pick_muscles():
    out = {}
    for s in SIDES:
        lat = lateral(s)
        gh = P(f"humeral_head_{s}")
        r_head = float(POINTS[f"humeral_head_{s}"]["method"].split("r = ")[1].split(" mm")[0])
        ts = P(f"scapula_spine_root_{s}")
        off_head = (lambda p, gh=gh, r=r_head: np.linalg.norm(p - gh, axis=1) > r + 4.0,
                    f"only those more than {r_head + 4.0:.0f} mm from the humeral head centre (on the tubercle, not "
                    "over the articular head)")
        head_out = (gh, r_head + 3.0, "the humeral head centre (head radius + 3 mm of tendon)")
        below_head = (lambda p, gh=gh: p[:, 2] < gh[2] - 60.0, "only those more than 60 mm below the head centre "
                      "(deltoid tuberosity)")
        paths = []

        m = Path("pec_major_clavicular", s)
        m.attach("o", ["clavicle"])
        m.attach("i", ["humerus"], where=off_head)
        m.via("v1", f"humerus_{s}", 0.8, note="in front of the humeral head", outside=head_out)
        paths.append(m)

        m = Path("pec_major_sternal", s)
        m.attach("o", ["manubrium", "body_of_sternum"] + CARTS(range(1, 8)) + RIBS(range(2, 7)),
                 note="broad origin on the sternum and costal cartilages")
        m.attach("i", ["humerus"], where=off_head)
        m.via("v1", "thorax", 0.45, note="the belly on the chest wall")
        m.via("v2", f"humerus_{s}", 0.85, note="anterior axillary fold", outside=head_out)
        paths.append(m)

        m = Path("pec_major_costal", s)
        m.attach("o", CARTS(range(5, 8)) + RIBS(range(5, 8)))
        m.attach("i", ["humerus"], where=off_head)
        m.via("v1", "thorax", 0.45, note="the belly on the chest wall")
        m.via("v2", f"humerus_{s}", 0.85, note="anterior axillary fold", outside=head_out)
        paths.append(m)

        m = Path("pec_minor", s)
        m.attach("o", RIBS((3, 4, 5)), per_bone=True, note="ribs 3-5 near their costal cartilages")
        m.attach("i", ["scapula"], note="coracoid process")
        paths.append(m)

        m = Path("rhomboid_major", s)
        m.attach("o", [VERTEBRAE[f"t{k}"] for k in range(1, 6)], per_bone=True, body="thorax")
        m.attach("i", ["scapula"], note="medial border below the spine root")
        paths.append(m)

        m = Path("rhomboid_minor", s)
        m.attach("o", [VERTEBRAE["c6"], VERTEBRAE["c7"], VERTEBRAE["t1"]], per_bone=True, body="thorax",
                 note="lower ligamentum nuchae and spinous processes C7-T1; carried by the thorax")
        m.attach("i", ["scapula"], note="medial border at the spine root")
        paths.append(m)

        m = Path("trapezius_upper", s)
        m.attach("o", ["occipital_bone", VERTEBRAE["c1"], VERTEBRAE["c2"], VERTEBRAE["c3"],
                       VERTEBRAE["c6"]], per_bone=True, body="neck",
                 note="superior nuchal line and ligamentum nuchae; carried by the neck")
        m.attach("i", ["clavicle"], note="lateral third of the clavicle")
        m.via("v1", "neck", 0.35, note="over the back of the lower neck, so that the line runs behind C7/T1")
        paths.append(m)

        m = Path("trapezius_middle", s)
        m.attach("o", [VERTEBRAE[f"t{k}"] for k in range(1, 5)], per_bone=True, body="thorax")
        m.attach("i", ["scapula"], note="medial acromion and superior lip of the spine")
        paths.append(m)

        m = Path("trapezius_lower", s)
        m.attach("o", [VERTEBRAE[f"t{k}"] for k in range(4, 13)], per_bone=True, body="thorax", tol=8.0,
                 note="spinous processes T4-T12; the mesh lies on the supraspinous ligament, 3-8 mm off the tips")
        m.attach("i", ["scapula"], where=(lambda p, ts=ts: np.linalg.norm(p - ts, axis=1) < 30.0,
                                          "only those within 30 mm of the trigonum (tubercle of the spine root)"))
        paths.append(m)

        m = Path("deltoid_anterior", s)
        m.attach("o", ["clavicle"], note="lateral third of the clavicle")
        m.attach("i", ["humerus"], where=below_head)
        m.via("v1", f"humerus_{s}", 0.3, note="over the front of the humeral head", outside=head_out)
        paths.append(m)

        m = Path("deltoid_middle", s)
        m.attach("o", ["scapula"], note="lateral border of the acromion")
        m.attach("i", ["humerus"], where=below_head)
        m.via("v1", f"humerus_{s}", 0.3, note="over the greater tubercle", outside=head_out)
        paths.append(m)

        m = Path("deltoid_posterior", s)
        cen, n = blade_frame(s)
        m.attach("o", ["scapula"], where=(lambda p, cen=cen, n=n: (p - cen) @ n > 10.0,
                                          "only those standing more than 10 mm off the blade plane (the spine)"))
        m.attach("i", ["humerus"], where=below_head)
        m.via("v1", f"humerus_{s}", 0.35, note="behind the humeral head", outside=head_out)
        paths.append(m)

        m = Path("levator_scapulae", s)
        m.attach("o", [VERTEBRAE["c1"], VERTEBRAE["c2"], VERTEBRAE["c3"], VERTEBRAE["c4"]],
                 per_bone=True, body="neck", note="transverse processes C1-C4")
        m.attach("i", ["scapula"], note="superior angle and medial border above the spine")
        paths.append(m)

        m = Path("serratus_anterior", s)
        m.attach("o", RIBS((4, 5, 6)), per_bone=True,
                 note="the middle digitations (ribs 4-6) stand for its origin on ribs 1-9: one actuator, the id "
                      "contract has one serratus mesh")
        m.attach("i", ["scapula"], note="costal surface of the medial border")
        m.via("v1", "thorax", 0.35, note="on the lateral chest wall")
        m.via("v2", "thorax", 0.7, note="between the ribs and the scapula")
        paths.append(m)

        m = Path("sternocleidomastoid", s)
        m.attach("o", ["manubrium", "clavicle"], body="thorax", tol=4.0,
                 note="sternal and clavicular heads; carried by the thorax")
        m.attach("i", ["temporal_bone", "occipital_bone"], body="head", note="mastoid process, superior nuchal line")
        paths.append(m)

        m = Path("splenius_capitis", s)
        m.attach("o", [VERTEBRAE[f"t{k}"] for k in range(1, 5)], per_bone=True, body="thorax",
                 note="spinous processes T1-T4 (the cervical part of its origin, the ligamentum nuchae, moves with "
                      "the neck)")
        m.attach("i", ["temporal_bone", "occipital_bone"], body="head")
        m.via("v1", "neck", 0.45, note="along the back of the neck")
        paths.append(m)

        m = Path("splenius_cervicis", s)
        m.attach("o", [VERTEBRAE[f"t{k}"] for k in range(3, 7)], per_bone=True, body="thorax")
        m.attach("i", [VERTEBRAE["c1"], VERTEBRAE["c2"], VERTEBRAE["c3"]], per_bone=True, body="neck",
                 note="posterior tubercles of the transverse processes C1-C3")
        m.via("v1", "thorax", 0.4, note="along the upper back")
        paths.append(m)

        m = Path("supraspinatus", s)
        m.attach("o", ["scapula"], note="supraspinous fossa")
        m.attach("i", ["humerus"], where=off_head)
        m.via("v1", f"humerus_{s}", 0.8, note="over the top of the humeral head", outside=head_out)
        paths.append(m)

        m = Path("infraspinatus", s)
        m.attach("o", ["scapula"], note="infraspinous fossa")
        m.attach("i", ["humerus"], where=off_head)
        m.via("v1", f"humerus_{s}", 0.8, note="behind the humeral head", outside=head_out)
        paths.append(m)

        m = Path("teres_minor", s)
        m.attach("o", ["scapula"], note="upper lateral border")
        m.attach("i", ["humerus"], where=off_head)
        m.via("v1", f"humerus_{s}", 0.75, note="behind the humeral head", outside=head_out)
        paths.append(m)

        m = Path("teres_major", s)
        m.attach("o", ["scapula"], note="dorsal surface near the inferior angle")
        m.attach("i", ["humerus"])
        paths.append(m)

        m = Path("subscapularis", s)
        m.attach("o", ["scapula"], note="subscapular fossa")
        m.attach("i", ["humerus"], where=off_head)
        m.via("v1", f"humerus_{s}", 0.8, note="in front of the humeral head", outside=head_out)
        paths.append(m)

        m = Path("latissimus_dorsi", s)
        m.attach("o", [VERTEBRAE[f"t{k}"] for k in range(7, 13)] + RIBS((10, 11, 12)), per_bone=True,
                 body="thorax", note="spinous processes T7-T12 and ribs 10-12 (its lumbar and iliac origin lies "
                                     "below the modelled thorax and is left out)")
        m.attach("i", ["humerus"])
        m.attach("v1", ["scapula"], body="thorax", note="where it passes over the inferior angle of the scapula; "
                                                         "carried by the thorax")
        m.via("v2", f"humerus_{s}", 0.85, a=m.points[2]["p"], note="posterior axillary fold (chord from v1)",
              outside=head_out)
        paths.append(m)

        m = Path("subclavius", s)
        m.attach("o", ["first_rib", "first_costal_cartilage"], note="first rib at its cartilage")
        m.attach("i", ["clavicle"], note="subclavian groove of the clavicle")
        paths.append(m)

        for m in paths:
            out[f"{m.mid}_{s}"] = m.record()
    return out


# ------------------------------------------------------------------------------------------------------------
# Scapulothoracic surface
# ------------------------------------------------------------------------------------------------------------


def ellipsoid_fit(p):
    """Axis-aligned ellipsoid a x^2 + b y^2 + c z^2 + d x + e y + f z = 1 by linear least squares: centre, radii,
    rms of the distance (approximated along the radial direction)."""
    A = np.c_[p * p, p]
    k = np.linalg.lstsq(A, np.ones(len(p)), rcond=None)[0]
    a, b, c, d, e, f = k
    centre = -np.array([d / (2 * a), e / (2 * b), f / (2 * c)])
    g = 1 + a * centre[0] ** 2 + b * centre[1] ** 2 + c * centre[2] ** 2
    radii = np.sqrt(g / np.array([a, b, c]))
    return centre, radii


def ellipsoid_gap(p, centre, radii):
    """Signed distance (mm, + outside) of points from an axis-aligned ellipsoid, by projection along the line to
    the centre scaled by the radii (accurate to a fraction of a mm near a smooth, nearly spherical patch)."""
    q = (np.atleast_2d(p) - centre) / radii
    rho = np.linalg.norm(q, axis=1)
    foot = centre + (q / rho[:, None]) * radii
    sign = np.sign(rho - 1.0)
    return sign * np.linalg.norm(np.atleast_2d(p) - foot, axis=1)


def pick_thorax_surface(s):
    """The rib cage under the scapula of one side: the outer surface of ribs 2-9 of that side (in 3 deg x 3 mm
    bins around the vertical axis through the ribs' centroid, the vertex farthest from it), behind x = -55 mm
    (the front edge of the scapula), more than 50 mm from the midline (lateral of the costotransverse gutter),
    between z 1190 and 1360 mm (the scapula's height, 1201-1360 mm); an axis-aligned ellipsoid fitted to it
    by linear least squares."""
    pts = np.vstack([verts(rib(k, s)) for k in range(2, 10)])
    axis_x = pts[:, 0].mean()
    sel = pts[(pts[:, 0] < -55.0) & (np.abs(pts[:, 1]) > 50.0) & (pts[:, 2] > 1190.0) & (pts[:, 2] < 1360.0)]
    phi = np.degrees(np.arctan2(sel[:, 1], sel[:, 0] - axis_x))
    rad = np.hypot(sel[:, 1], sel[:, 0] - axis_x)
    key = np.floor(phi / 3.0).astype(int) * 100000 + np.floor(sel[:, 2] / 3.0).astype(int)
    outer = np.array([sel[key == k][rad[key == k].argmax()] for k in np.unique(key)])
    centre, radii = ellipsoid_fit(outer)
    gap = ellipsoid_gap(outer, centre, radii)
    return {
        "centre": [round(float(x) / 1000.0, 5) for x in centre],
        "radii": [round(float(x) / 1000.0, 5) for x in radii],
        "rms_mm": round(float(np.sqrt((gap ** 2).mean())), 2),
        "max_abs_mm": round(float(np.abs(gap).max()), 2),
        "points": int(len(outer)),
        "mesh": ", ".join(FILES[rib(k, s)] for k in range(2, 10)),
        "method": " ".join(pick_thorax_surface.__doc__.split()) + " World metres; axes along the world's "
        "(x anterior, y left, z up); residuals are the rib relief (ribs are bars with gaps between them).",
    }


# ------------------------------------------------------------------------------------------------------------


def pick_all():
    POINTS.clear()
    pick_trunk()
    pick_head()
    pick_ribs()
    pick_shoulder()
    muscles = pick_muscles()
    surfaces = {f"scapulothoracic_{s}": pick_thorax_surface(s) for s in SIDES}
    checks = {}
    for s in SIDES:
        # The serratus anterior's rest-pose path against the ribs it lies on (ribs 1-9): the distance from 11
        # samples per segment to the nearest rib vertex (its path must hug the chest wall, not cut in front).
        ribs = np.vstack([verts(rib(k, s)) for k in range(1, 10)])
        pts = [np.array(q["world"]) * 1000.0 for q in muscles[f"serratus_anterior_{s}"]]
        samples = np.vstack([a + t * (b - a) for a, b in zip(pts[:-1], pts[1:]) for t in np.linspace(0, 1, 11)])
        d = nearest(samples, ribs)
        checks[f"serratus_anterior_{s}"] = {
            "max_distance_to_ribs_mm": round(float(d.max()), 1),
            "mean_distance_to_ribs_mm": round(float(d.mean()), 1),
            "method": "distance from 11 samples per segment of the rest-pose path (sites o, v1, v2, i) to the "
                      "nearest vertex of ribs 1-9 of its side",
        }
    vertex = P("vertex")
    return {
        "about": "Landmarks, joint centres, muscle path points and the scapulothoracic surfaces of myoview, picked "
                 "on the BodyParts3D meshes by tools/mjcf/pick_landmarks.py (generated: do not edit by hand). "
                 "Read by tools/mjcf/make_myoview_mjcf.py.",
        "frame": {
            "bp3d_mm": "BodyParts3D whole-body frame: millimetres, +X the subject's left, +Y posterior, +Z superior",
            "world": "myoview world: metres, x anterior, y left, z up; x = -(Y + 140)/1000, y = X/1000, z = Z/1000",
            "data": "/work/shared/anatomy-data/bodyparts3d (manifest.tsv; role=primary file where two exist)",
        },
        "subject": {
            "height_m": round(float(vertex[2]) / 1000.0, 3),
            "note": "height = the vertex's z (the data's z is height above the floor); one adult male scan",
        },
        "sides": "left and right picked on their own meshes (independent scans, not mirrored)",
        "points": {k: POINTS[k] for k in sorted(POINTS)},
        "surfaces": surfaces,
        "checks": checks,
        "muscles": {k: muscles[k] for k in sorted(muscles)},
    }


def main():
    doc = pick_all()
    text = json.dumps(doc, indent=1, sort_keys=False) + "\n"
    if "--check" in sys.argv:
        old = open(OUT).read() if os.path.exists(OUT) else ""
        if old != text:
            print(f"{OUT} differs from a fresh pick: rerun tools/mjcf/pick_landmarks.py", file=sys.stderr)
            return 1
        print(f"{OUT}: up to date")
        return 0
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {OUT}: {len(doc['points'])} points, {len(doc['muscles'])} muscle paths")
    return 0


if __name__ == "__main__":
    sys.exit(main())
