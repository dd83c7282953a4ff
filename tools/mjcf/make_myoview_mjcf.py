#!/usr/bin/env python3
"""Writes assets/anatomy/myoview.xml, the MJCF model of myoview (MuJoCo 2.2.2), from the landmarks picked on the
BodyParts3D meshes (tools/mjcf/landmarks.json, written by tools/mjcf/pick_landmarks.py).

    /usr/bin/python3 tools/mjcf/make_myoview_mjcf.py > assets/anatomy/myoview.xml
    /usr/bin/python3 tools/mjcf/make_myoview_mjcf.py --landmarks-md     # the table of assets/anatomy/README.md

The rest pose (qpos0, every joint at 0) IS the scan's pose: every body's origin sits on the joint centre picked
on the meshes, every body's rest orientation is the identity (so a body's rest frame is a pure translation and
a site's local position is its world position minus its body's origin), and every site is where it was picked.
Left and right come from their own meshes (independent scans, not mirrored). The bake skins the meshes to these
rest frames, so a change here moves the skeleton the bake produces.

This file holds no landmark coordinates: they live in landmarks.json, each with the mesh it was picked on and
the method. Here: the body tree, joint axes and ranges, masses, muscle parameters, each with its source.
"""

import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
LM = json.load(open(os.path.join(HERE, "landmarks.json")))

# Lengthranges computed by MuJoCo 2.2.2 at compile time (mode="muscle", from the joint limits and the
# scapulothoracic constraint), stored so that loading the model does not redo the computation. Regenerate after
# any geometry change:
#   /usr/bin/python3 tools/mjcf/make_myoview_mjcf.py --no-lengthrange > /tmp/m.xml
#   g++ -O2 -o /tmp/dump_lengthrange tools/mjcf/dump_lengthrange.cpp -lmujoco && /tmp/dump_lengthrange /tmp/m.xml \
#       > tools/mjcf/lengthrange.json
#   /usr/bin/python3 tools/mjcf/make_myoview_mjcf.py > assets/anatomy/myoview.xml
LR_FILE = os.path.join(HERE, "lengthrange.json")
LENGTHRANGE = {}
if "--no-lengthrange" not in sys.argv and os.path.exists(LR_FILE):
    LENGTHRANGE = json.load(open(LR_FILE))

SIDES = ("r", "l")


def W(name):
    """World position (m) of a picked point."""
    return np.array(LM["points"][name]["world"], float)


# --------------------------------------------------------------------------------------------------------------
# Body origins: the picked joint centres (landmarks.json says how each was picked).
# --------------------------------------------------------------------------------------------------------------
BODY_ORIGIN = {
    "thorax": W("t12_l1_joint"),   # thorax_flexion hinge at the thoracolumbar junction
    "neck": W("c7_t1_joint"),
    "head": W("c0_c1_joint"),
}
PARENT = {"thorax": None, "neck": "thorax", "head": "neck"}
for _s in SIDES:
    BODY_ORIGIN[f"clavicle_{_s}"] = W(f"sc_joint_{_s}")
    BODY_ORIGIN[f"scapula_{_s}"] = W(f"ac_joint_{_s}")
    BODY_ORIGIN[f"humerus_{_s}"] = W(f"humeral_head_{_s}")
    BODY_ORIGIN[f"forearm_{_s}"] = W(f"elbow_centre_{_s}")
    PARENT.update({f"clavicle_{_s}": "thorax", f"scapula_{_s}": f"clavicle_{_s}", f"humerus_{_s}": f"scapula_{_s}",
                   f"forearm_{_s}": f"humerus_{_s}"})

# --------------------------------------------------------------------------------------------------------------
# Landmark sites of the id contract (assets/anatomy/README.md) and the body that carries each.
# --------------------------------------------------------------------------------------------------------------
LANDMARK_SITES = [
    ("sternal_notch", "thorax"), ("xiphoid", "thorax"),
    ("t1_spinous", "thorax"), ("t2_spinous", "thorax"), ("t3_spinous", "thorax"), ("t4_spinous", "thorax"),
    ("t5_spinous", "thorax"), ("t12_spinous", "thorax"),
    ("rib3_r", "thorax"), ("rib3_l", "thorax"), ("rib4_r", "thorax"), ("rib4_l", "thorax"),
    ("rib5_r", "thorax"), ("rib5_l", "thorax"),
    ("c7_spinous", "neck"),
    ("vertex", "head"), ("nasion", "head"), ("occiput", "head"),
]
for _s in SIDES:
    LANDMARK_SITES += [
        (f"tragus_{_s}", "head"), (f"mastoid_{_s}", "head"),
        (f"sc_joint_{_s}", f"clavicle_{_s}"),
        (f"acromion_{_s}", f"scapula_{_s}"), (f"acromion_posterior_{_s}", f"scapula_{_s}"),
        (f"scapula_spine_root_{_s}", f"scapula_{_s}"), (f"scapula_superior_angle_{_s}", f"scapula_{_s}"),
        (f"scapula_inferior_angle_{_s}", f"scapula_{_s}"), (f"glenoid_{_s}", f"scapula_{_s}"),
        (f"coracoid_{_s}", f"scapula_{_s}"),
        (f"humeral_head_{_s}", f"humerus_{_s}"), (f"bicipital_groove_{_s}", f"humerus_{_s}"),
        (f"deltoid_tuberosity_{_s}", f"humerus_{_s}"), (f"epicondyle_lateral_{_s}", f"humerus_{_s}"),
        (f"epicondyle_medial_{_s}", f"humerus_{_s}"),
    ]
# Joint-centre helper sites (not in the contract; tests measure joint gaps with them).
HELPER_SITES = [("c7_t1_joint", "thorax"), ("c0_c1_joint", "neck"), ("t12_l1_joint", "thorax")]
for _s in SIDES:
    HELPER_SITES += [(f"pec_minor_rib4_{_s}", "thorax"), (f"sc_sternum_{_s}", "thorax"),
                     (f"ac_joint_{_s}", f"clavicle_{_s}"),
                     (f"acromion_ac_{_s}", f"scapula_{_s}"), (f"gh_glenoid_{_s}", f"scapula_{_s}"),
                     (f"elbow_centre_{_s}", f"forearm_{_s}"), (f"wrist_centre_{_s}", f"forearm_{_s}"),
                     (f"meatus_{_s}", "head")]

# --------------------------------------------------------------------------------------------------------------
# Muscles: id -> (F0 N, L0 m, source). One source per muscle.
# Wu: the Wu shoulder model (Wu et al. 2016, J Biomech 49:3626), values read from its bioMod conversion
#     pyomeca/osim_to_biomod example/Models/Wu_Shoulder_Model_via_points.bioMod (commit 577c3fd6), which is
#     converted from example/Models/Wu_Shoulder_Model_via_points.osim (REFERENCES.md). Names in brackets are
#     the model's muscle names.
# Neck6D: Mortensen, Vasavada & Merryweather 2018 (PLOS ONE), MyoHub/myoconverter
#     models/osim/Neck6D/neck6d.osim (commit d080ad43).
# L0 is used by engine/sim (kOptimalFibreLength), which sets each muscle's range so that its optimal length
# is L0; MuJoCo's tendons are rigid, so tendon slack lengths are not used.
# --------------------------------------------------------------------------------------------------------------
MUSCLES = {
    "pec_major_clavicular": (983.4, 0.1025, "Wu [PECM1]"),
    "pec_major_sternal": (699.7, 0.140, "Wu [PECM2]"),
    "pec_major_costal": (446.7, 0.1813, "Wu [PECM3]"),
    "pec_minor": (218.7, 0.1151, "Wu [PMN]"),
    "rhomboid_major": (297.5, 0.0884, "Wu [RMJ1 185.9 + RMJ2 111.6 N; L0 their mean]"),
    "rhomboid_minor": (301.6, 0.1073, "Wu [RMN]"),
    "trapezius_upper": (280.6, 0.1032, "Wu [TRP1, to the clavicle]"),
    "trapezius_middle": (317.7, 0.0847,
                         "Wu [TRP2 to the acromion 162.4 + TRP3 155.3 N; L0 force-weighted]: the transverse part "
                         "inserts on the acromion and the spine"),
    "trapezius_lower": (557.2, 0.1282, "Wu [TRP4]"),
    "deltoid_anterior": (556.8, 0.1752, "Wu [DELT1]"),
    "deltoid_middle": (1098.4, 0.1318, "Wu [DELT2]"),
    "deltoid_posterior": (944.7, 0.1228, "Wu [DELT3]"),
    "levator_scapulae": (170.0, 0.1475, "Wu [LVS]"),
    "serratus_anterior": (923.0, 0.1132, "Wu [SRA1 365.1 + SRA2 180.0 + SRA3 377.9 N; L0 force-weighted]: one "
                                         "actuator (one mesh, one id) on a path along the ribs"),
    "sternocleidomastoid": (279.3, 0.108, "Neck6D [sternal 186.2 + cleidomastoid 93.1 N; L0 of the sternal head]"),
    "splenius_capitis": (69.3, 0.095, "Neck6D [splen_cap_sklthx]"),
    "splenius_cervicis": (69.3, 0.095, "Neck6D [splen_cerv_c3thx]"),
    "supraspinatus": (410.7, 0.1165, "Wu [SUPSP]"),
    "infraspinatus": (864.6, 0.1323, "Wu [INFSP]"),
    "teres_minor": (605.4, 0.0453, "Wu [TMIN]"),
    "teres_major": (234.9, 0.1388, "Wu [TMAJ]"),
    "subscapularis": (944.3, 0.1632, "Wu [SUBSC]"),
    "latissimus_dorsi": (1129.7, 0.2317, "Wu [LAT]"),
    "subclavius": (195.8, 0.0241, "Wu [SBCL]"),
}

# --------------------------------------------------------------------------------------------------------------
# Masses: de Leva 1996 (J Biomech 29:1223), male segment parameters, for a subject of the scan's height
# (landmarks.json "subject": vertex height) and de Leva's reference male (73.0 kg, 1.741 m) scaled by height
# cubed. Clavicle and scapula: Delft shoulder model (van der Helm 1994, J Biomech 27:551).
# --------------------------------------------------------------------------------------------------------------
HEIGHT = LM["subject"]["height_m"]
MASS = round(73.0 * (HEIGHT / 1.741) ** 3, 1)
DE_LEVA = {  # % of body mass, CoM % from proximal end, radii of gyration % of length (sagittal, transverse, long)
    "head_neck": (6.94,),
    "upper_trunk": (15.96, 50.66),     # suprasternale -> xiphion; CoM from the top
    "middle_trunk": (16.33,),
    "upper_arm": (2.71, 57.72, (28.5, 26.9, 15.8)),
    "forearm": (1.62, 45.74, (27.6, 26.5, 12.1)),
    "hand": (0.61, 79.00, (62.8, 51.3, 40.1)),  # from the wrist, % of wrist -> 3rd metacarpale (86.2 mm ref.)
}
HAND_LENGTH = 0.0862 * HEIGHT / 1.741

# --------------------------------------------------------------------------------------------------------------
# Scapulothoracic gliding. The scapula glides on the rib cage: landmarks.json fits an ellipsoid per side to the
# outer surface of ribs 2-9 under the scapula. MuJoCo 2.2.2 has no point-on-ellipsoid constraint, so each
# scapular contact point glides on the sphere that osculates the (offset) ellipsoid in the horizontal direction
# at its rest position (the direction of protraction): a spatial tendon from the sphere's centre (a thorax site)
# to the point. The trigonum (TS) keeps its rest distance (tendon equality: it never leaves the thorax and never
# sinks into it); the inferior and superior angles cannot come closer than at rest (one-sided tendon limits) but
# may lift off (the inferior angle does in anterior tilt). tests/sim measure the gaps against the ellipsoid.
# --------------------------------------------------------------------------------------------------------------
ST_POINTS = [("scapula_spine_root", "equality"), ("scapula_inferior_angle", "limit"),
             ("scapula_superior_angle", "limit")]


def ellipsoid_foot(p, c, r):
    """Closest point of an axis-aligned ellipsoid to p (Newton on the Lagrange multiplier), and its outward
    unit normal."""
    p, c, r = np.asarray(p), np.asarray(c), np.asarray(r)
    q = p - c
    t = 0.0
    for _ in range(100):
        x = r * r * q / (r * r + t)
        f = np.sum((x / r) ** 2) - 1.0
        df = -2.0 * np.sum(x * x / (r * r * (r * r + t)))
        t_new = t - f / df
        if abs(t_new - t) < 1e-15:
            t = t_new
            break
        t = t_new
    x = r * r * q / (r * r + t)
    n = x / (r * r)
    return c + x, n / np.linalg.norm(n)


def horizontal_radius_of_curvature(foot, n, c, r, s=0.01):
    """Radius of the ellipsoid's normal section along the horizontal tangent at foot: sagitta of points 10 mm
    to either side, projected back onto the ellipsoid along the normal."""
    t = np.cross(n, [0.0, 0.0, 1.0])
    t /= np.linalg.norm(t)
    sag = []
    for sign in (-1, 1):
        q = foot + sign * s * t
        lo, hi = -0.05, 0.05  # q - lam n lies on the ellipsoid for some lam in [lo, hi]
        for _ in range(80):
            mid = 0.5 * (lo + hi)
            inside = np.sum(((q - mid * n - c) / r) ** 2) < 1.0
            lo, hi = (lo, mid) if inside else (mid, hi)
        sag.append(0.5 * (lo + hi))
    return s * s / (2.0 * np.mean(sag))


def scapulothoracic(s):
    surf = LM["surfaces"][f"scapulothoracic_{s}"]
    c, r = np.array(surf["centre"]), np.array(surf["radii"])
    out = []
    for stem, kind in ST_POINTS:
        p = W(f"{stem}_{s}")
        foot, n = ellipsoid_foot(p, c, r)
        gap = float(np.dot(p - foot, n))
        rho = horizontal_radius_of_curvature(foot, n, c, r)
        centre = foot - rho * n
        out.append({"stem": stem, "kind": kind, "centre": centre, "length": float(np.linalg.norm(p - centre)),
                    "gap": gap, "rho": rho})
    return surf, out


# --------------------------------------------------------------------------------------------------------------
# Joint axes. Positive angles name the same anatomical motion on both sides.
# --------------------------------------------------------------------------------------------------------------


def unit(v):
    v = np.asarray(v, float)
    return v / np.linalg.norm(v)


def lateral(s):
    return np.array([0.0, -1.0 if s == "r" else 1.0, 0.0])


def isb_scapula_axes(s):
    """ISB scapula frame at rest (Wu et al. 2005, J Biomech 38:981) from TS, AA and AI: Zs from TS to AA
    (lateral), Xs perpendicular to the blade (AI, AA, TS) pointing forward, Ys up."""
    ts, aa, ai = W(f"scapula_spine_root_{s}"), W(f"acromion_posterior_{s}"), W(f"scapula_inferior_angle_{s}")
    zs = unit(aa - ts)
    xs = unit(np.cross(ai - ts, aa - ts))
    if xs[0] < 0:
        xs = -xs
    ys = unit(np.cross(zs, xs))
    if ys[2] < 0:
        ys = -ys
    return xs, ys, zs


def signed(axis, moving, origin, want):
    """axis or -axis, whichever turns `moving` (about `origin`) toward `want` for a positive angle."""
    axis = unit(axis)
    return axis if np.dot(np.cross(axis, moving - origin), want) > 0 else -axis


def joint_axes(s):
    lat = lateral(s)
    sc, ac = W(f"sc_joint_{s}"), W(f"ac_joint_{s}")
    clav_h = unit([ac[0] - sc[0], ac[1] - sc[1], 0.0])
    xs, ys, zs = isb_scapula_axes(s)
    ts, aa = W(f"scapula_spine_root_{s}"), W(f"acromion_posterior_{s}")
    sup = W(f"scapula_superior_angle_{s}")
    gh, el = W(f"humeral_head_{s}"), W(f"elbow_centre_{s}")
    up, fwd = np.array([0.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0])
    return {
        # sternoclavicular: elevation about the horizontal perpendicular to the clavicle; protraction about vertical
        f"sc_elevation_{s}": signed(np.cross(clav_h, up), ac, sc, up),
        f"sc_protraction_{s}": signed(up, ac, sc, fwd),
        # scapula at the AC joint, ISB Y-X-Z: internal rotation about Ys (AA forward), upward rotation about Xs
        # (AA up, the glenoid turns up), anterior tilt about Zs (the superior angle forward)
        f"scapula_internal_rotation_{s}": signed(ys, aa, ts, fwd),
        f"scapula_upward_rotation_{s}": signed(xs, aa, ts, up),
        f"scapula_anterior_tilt_{s}": signed(zs, sup, ts, fwd),
        # glenohumeral: abduction (elbow lateral) and flexion (elbow forward) about thorax axes (the arm hangs);
        # internal rotation about the humerus's long axis (ISB Yh, elbow centre to GH centre; the lateral
        # epicondyle turns forward)
        f"gh_abduction_{s}": signed(fwd, el, gh, lat),
        f"gh_flexion_{s}": signed(lat, el, gh, fwd),
        f"gh_internal_rotation_{s}": signed(gh - el, W(f"epicondyle_lateral_{s}"), el, fwd),
    }


# --------------------------------------------------------------------------------------------------------------


def fmt(v):
    return " ".join("0" if abs(x) < 5e-6 else f"{x:.5f}".rstrip("0").rstrip(".") for x in v)


def local(body, world):
    return np.asarray(world, float) - BODY_ORIGIN[body]


def muscle_paths():
    """(muscle id with side, [(site name, body, world)]) in path order."""
    out = []
    for mid in MUSCLES:
        for s in SIDES:
            pts = LM["muscles"][f"{mid}_{s}"]
            out.append((mid, s, [(f"{mid}_{s}_{q['site']}", q["body"], np.array(q["world"])) for q in pts]))
    return out


# Helper sites that sit on a joint centre from the other side of the joint (tests measure the joint gaps).
SAME_AS = {"sc_sternum": "sc_joint", "acromion_ac": "ac_joint", "gh_glenoid": "humeral_head"}


def site_world(name):
    stem, s = name[:-2], name[-1]
    if stem in SAME_AS:
        return W(f"{SAME_AS[stem]}_{s}")
    return W(name)


def body_sites():
    by_body = {}
    for name, body in LANDMARK_SITES:
        by_body.setdefault(body, []).append((name, site_world(name), "landmark"))
    for name, body in HELPER_SITES:
        by_body.setdefault(body, []).append((name, site_world(name), "helper"))
    for _mid, _s, pts in muscle_paths():
        for name, body, p in pts:
            by_body.setdefault(body, []).append((name, p, "path"))
    for s in SIDES:
        _surf, st = scapulothoracic(s)
        for q in st:
            by_body.setdefault("thorax", []).append((f"scapulothoracic_{q['stem']}_centre_{s}", q["centre"], "helper"))
    return by_body


def inertial(body):
    """Mass, CoM (world) and diagonal inertia of each body."""
    m_hn = DE_LEVA["head_neck"][0] / 100 * MASS
    if body == "thorax":
        m = (DE_LEVA["upper_trunk"][0] + 0.5 * DE_LEVA["middle_trunk"][0]) / 100 * MASS
        notch, xi = W("sternal_notch"), W("xiphoid")
        z = notch[2] + DE_LEVA["upper_trunk"][1] / 100 * (xi[2] - notch[2])
        x = 0.5 * (notch[0] + W("t4_spinous")[0])
        a, b, c = 0.5 * (notch[0] - W("t4_spinous")[0]), 0.14, 0.16
        return m, np.array([x, 0.0, z]), [m / 5 * (b * b + c * c), m / 5 * (a * a + c * c), m / 5 * (a * a + b * b)]
    if body == "neck":
        m = 0.152 * m_hn
        com = 0.5 * (W("c7_t1_joint") + W("c0_c1_joint"))
        return m, com, [0.0012 * m / 0.77, 0.0012 * m / 0.77, 0.0008 * m / 0.77]
    if body == "head":
        m = 0.848 * m_hn
        meatus = 0.5 * (W("meatus_r") + W("meatus_l"))
        com = meatus + np.array([0.010, 0.0, 0.020])
        return m, com, [0.016 * m / 4.3, 0.022 * m / 4.3, 0.015 * m / 4.3]
    s = body[-1]
    if body.startswith("clavicle"):
        m = 0.156
        return m, 0.5 * (W(f"sc_joint_{s}") + W(f"ac_joint_{s}")), [0.00034, 0.00003, 0.00034]
    if body.startswith("scapula"):
        m = 0.705
        tri = [W(f"scapula_spine_root_{s}"), W(f"acromion_posterior_{s}"), W(f"scapula_inferior_angle_{s}"),
               W(f"glenoid_{s}")]
        return m, np.mean(tri, axis=0), [0.0012, 0.0011, 0.0008]
    if body.startswith("humerus"):
        pct, com_pct, rg = DE_LEVA["upper_arm"]
        gh, el = W(f"humeral_head_{s}"), W(f"elbow_centre_{s}")
        L = np.linalg.norm(el - gh)
        m = pct / 100 * MASS
        k = np.array(rg) / 100 * L
        return m, gh + com_pct / 100 * (el - gh), [m * k[0] ** 2, m * k[1] ** 2, m * k[2] ** 2]
    if body.startswith("forearm"):
        el, wr = W(f"elbow_centre_{s}"), W(f"wrist_centre_{s}")
        L = np.linalg.norm(wr - el)
        d = unit(wr - el)
        pf, cf, rgf = DE_LEVA["forearm"]
        ph, ch, rgh = DE_LEVA["hand"]
        mf, mh = pf / 100 * MASS, ph / 100 * MASS
        cof = el + cf / 100 * (wr - el)
        coh = wr + ch / 100 * HAND_LENGTH * d
        m = mf + mh
        com = (mf * cof + mh * coh) / m
        kf = np.array(rgf) / 100 * L
        kh = np.array(rgh) / 100 * HAND_LENGTH
        it = mf * kf[0] ** 2 + mf * np.sum((cof - com) ** 2) + mh * kh[0] ** 2 + mh * np.sum((coh - com) ** 2)
        il = mf * kf[2] ** 2 + mh * kh[2] ** 2
        return m, com, [it, it, il]
    raise KeyError(body)


# Joint ranges (degrees) and spring classes. Ranges: Ludewig et al. 2009 (JBJS 91:378) for the shoulder girdle
# (arm elevation to 120 deg: upward rotation to ~40, posterior tilt ~20, internal rotation -15..+20 deg), Kapandji
# (The Physiology of the Joints, vol. 1) for the sternoclavicular and glenohumeral joints, Bible et al. 2010
# (Spine 35) for the cervical spine, Kapandji vol. 3 for the thoracolumbar junction.
JOINT_SPECS = {
    "sc_elevation": (-10, 40, "girdle_elevation"),
    "sc_protraction": (-25, 30, "girdle"),
    "scapula_internal_rotation": (-20, 25, "scapula"),
    "scapula_upward_rotation": (-15, 50, "scapula"),
    "scapula_anterior_tilt": (-30, 20, "scapula_tilt"),
    "gh_abduction": (-10, 90, "gh"),
    "gh_flexion": (-40, 90, "gh"),
    "gh_internal_rotation": (-60, 70, "gh"),
}


def emit_sites(out, body, indent, by_body):
    for name, p, kind in by_body.get(body, []):
        cls = {"landmark": "landmark", "helper": "helper", "path": "path"}[kind]
        out.append(f'{indent}<site name="{name}" class="{cls}" pos="{fmt(local(body, p))}"/>')


def emit_inertial(out, indent, body):
    m, com, di = inertial(body)
    out.append(f'{indent}<inertial pos="{fmt(local(body, com))}" mass="{m:.4g}" diaginertia="{fmt(di)}"/>')


def emit_joint(out, indent, name, axis, lo, hi, cls):
    out.append(f'{indent}<joint name="{name}" class="{cls}" axis="{fmt(axis)}" range="{lo} {hi}"/>')


def arm_chain(out, s, i1, by_body):
    axes = joint_axes(s)
    i2, i3, i4, i5 = (i1 + "    " * k for k in (1, 2, 3, 4))
    rel = lambda b: BODY_ORIGIN[b] - BODY_ORIGIN[PARENT[b]]  # noqa: E731
    out.append(f'{i1}<!-- {"right" if s == "r" else "left"} shoulder girdle and arm: own meshes of this side -->')
    out.append(f'{i1}<body name="clavicle_{s}" pos="{fmt(rel(f"clavicle_{s}"))}">')
    emit_inertial(out, i2, f"clavicle_{s}")
    for j in ("sc_elevation", "sc_protraction"):
        lo, hi, cls = JOINT_SPECS[j]
        emit_joint(out, i2, f"{j}_{s}", axes[f"{j}_{s}"], lo, hi, cls)
    out.append(f'{i2}<geom class="bone" type="capsule" size="0.008" fromto="0 0 0 '
               f'{fmt(local(f"clavicle_{s}", W(f"ac_joint_{s}")))}"/>')
    emit_sites(out, f"clavicle_{s}", i2, by_body)
    out.append(f'{i2}<body name="scapula_{s}" pos="{fmt(rel(f"scapula_{s}"))}">')
    emit_inertial(out, i3, f"scapula_{s}")
    out.append(f'{i3}<!-- AC joint; axes = the ISB scapula frame at rest (Ys, Xs, Zs; Wu et al. 2005) -->')
    for j in ("scapula_internal_rotation", "scapula_upward_rotation", "scapula_anterior_tilt"):
        lo, hi, cls = JOINT_SPECS[j]
        emit_joint(out, i3, f"{j}_{s}", axes[f"{j}_{s}"], lo, hi, cls)
    loc = lambda n: fmt(local(f"scapula_{s}", W(n)))  # noqa: E731
    out.append(f'{i3}<geom class="bone" type="capsule" size="0.006" fromto="{loc(f"scapula_spine_root_{s}")} '
               f'{loc(f"acromion_posterior_{s}")}"/>')
    out.append(f'{i3}<geom class="bone" type="capsule" size="0.005" fromto="{loc(f"scapula_superior_angle_{s}")} '
               f'{loc(f"scapula_inferior_angle_{s}")}"/>')
    out.append(f'{i3}<geom class="bone" type="capsule" size="0.005" fromto="{loc(f"scapula_inferior_angle_{s}")} '
               f'{loc(f"glenoid_{s}")}"/>')
    emit_sites(out, f"scapula_{s}", i3, by_body)
    out.append(f'{i3}<body name="humerus_{s}" pos="{fmt(rel(f"humerus_{s}"))}">')
    emit_inertial(out, i4, f"humerus_{s}")
    for j in ("gh_abduction", "gh_flexion", "gh_internal_rotation"):
        lo, hi, cls = JOINT_SPECS[j]
        emit_joint(out, i4, f"{j}_{s}", axes[f"{j}_{s}"], lo, hi, cls)
    out.append(f'{i4}<geom class="bone" type="sphere" size="0.02"/>')
    out.append(f'{i4}<geom class="bone" type="capsule" size="0.01" fromto="0 0 0 '
               f'{fmt(local(f"humerus_{s}", W(f"elbow_centre_{s}")))}"/>')
    emit_sites(out, f"humerus_{s}", i4, by_body)
    out.append(f'{i4}<!-- forearm: radius, ulna and hand, welded to the humerus (no joint): the elbow keeps the '
               f'scan\'s angle -->')
    out.append(f'{i4}<body name="forearm_{s}" pos="{fmt(rel(f"forearm_{s}"))}">')
    emit_inertial(out, i5, f"forearm_{s}")
    out.append(f'{i5}<geom class="bone" type="capsule" size="0.009" fromto="0 0 0 '
               f'{fmt(local(f"forearm_{s}", W(f"wrist_centre_{s}")))}"/>')
    emit_sites(out, f"forearm_{s}", i5, by_body)
    out.append(f'{i4}</body>')
    out.append(f'{i3}</body>')
    out.append(f'{i2}</body>')
    out.append(f'{i1}</body>')


def main():
    by_body = body_sites()
    n_mus = 2 * len(MUSCLES)
    out = []
    out.append('<?xml version="1.0" encoding="utf-8"?>')
    out.append('<!-- GENERATED by tools/mjcf/make_myoview_mjcf.py from tools/mjcf/landmarks.json: edit those, not '
               'this file. -->')
    out.append('<!--')
    out.append(f'  myoview: thorax, neck, head, clavicles, scapulae, humeri, forearms and {n_mus} muscles '
               f'({len(MUSCLES)} per side) for MuJoCo 2.2.2.')
    out.append("  Frame: metres, z up, x anterior, y to the patient's LEFT; the BodyParts3D scan's frame mapped by")
    out.append("  x = -(Y + 140)/1000, y = X/1000, z = Z/1000. Rest pose (qpos0) = the scan's pose: body origins on the")
    out.append("  joint centres picked on the meshes (tools/mjcf/pick_landmarks.py), every rest orientation identity.")
    out.append(f'  Subject: the scan, height {HEIGHT:.3f} m; mass {MASS} kg (de Leva 1996 reference male scaled by '
               'height cubed).')
    out.append('  Masses: de Leva 1996 (J Biomech 29:1223); clavicle/scapula: Delft shoulder model (van der Helm 1994).')
    out.append('  Muscles: Wu shoulder model (shoulder), Neck6D (neck), see per muscle.')
    out.append('  Joint ranges in degrees (compiler angle="degree"); every range has limited="true" (2.2.2 has no '
               'autolimits).')
    out.append('  Muscle gainprm lmin = 0 avoids the 2.2.2 active force-length bug below lmin (REFERENCES.md).')
    out.append('  Lengthranges: computed by MuJoCo 2.2.2 at compile time (mode="muscle") and stored on each <muscle>.')
    out.append('  Scapulothoracic gliding: see <tendon> and <equality>.')
    out.append('-->')
    out.append('<mujoco model="myoview">')
    out.append('    <compiler angle="degree" inertiafromgeom="false" autolimits="false">')
    out.append('        <lengthrange mode="muscle" useexisting="true" uselimit="false" inttotal="20" tolrange="0.1" '
               'timestep="0.01"/>')
    out.append('    </compiler>')
    out.append('    <!-- Euler with implicit joint damping, 10 ms fixed step; no contacts: the constraints are the joint')
    out.append('         limits and the scapulothoracic tendons. -->')
    out.append('    <option timestep="0.01" integrator="Euler" solver="Newton" iterations="30" tolerance="1e-8" '
               'gravity="0 0 -9.81">')
    out.append('        <flag contact="disable" energy="disable"/>')
    out.append('    </option>')
    out.append('    <size njmax="96" nconmax="8"/>')
    out.append('    <default>')
    out.append('        <geom contype="0" conaffinity="0" group="1" rgba="0.9 0.87 0.8 1"/>')
    out.append('        <site size="0.004" group="3"/>')
    out.append('        <joint type="hinge" limited="true" armature="0.01" damping="0.5"/>')
    out.append('        <default class="bone"><geom/></default>')
    out.append('        <default class="landmark"><site rgba="0.1 0.4 1 1" size="0.005"/></default>')
    out.append('        <default class="helper"><site rgba="0.2 0.8 0.2 1" size="0.003" group="5"/></default>')
    out.append('        <default class="path"><site rgba="0.9 0.2 0.2 1" size="0.003" group="4"/></default>')
    out.append('        <!-- Joint springs stand for ligaments, capsules, the scapulothoracic plane and unmodelled deep')
    out.append('             muscles. engine/sim sets their reference angles at load so that gravity and healthy resting')
    out.append('             muscle forces balance in the rest pose. Stiffness in Nm/rad. -->')
    out.append('        <!-- thorax: passive thoracolumbar flexion stiffness of the trunk, well above the gravity')
    out.append('             toppling stiffness of the upper body (m g h ~ 25 kg x 9.81 x 0.25 m ~ 60 Nm/rad) -->')
    out.append('        <default class="thorax"><joint stiffness="600" damping="20" armature="0.5"/></default>')
    out.append('        <default class="neck"><joint stiffness="25" damping="1.0" armature="0.02"/></default>')
    out.append('        <default class="girdle"><joint stiffness="0.8" damping="0.6" armature="0.02"/></default>')
    out.append('        <default class="scapula"><joint stiffness="2" damping="0.4" armature="0.02"/></default>')
    out.append('        <!-- clavicular depression is checked by the first rib and the costoclavicular ligament -->')
    out.append('        <default class="girdle_elevation"><joint stiffness="150" damping="0.6" armature="0.02"/></default>')
    out.append('        <!-- tilt about the AC joint is held by the coracoclavicular (conoid, trapezoid) ligaments -->')
    out.append('        <default class="scapula_tilt"><joint stiffness="10" damping="0.4" armature="0.02"/></default>')
    out.append('        <default class="gh"><joint stiffness="3" damping="0.8" armature="0.03"/></default>')
    out.append('        <!-- lmin="0" is written on each <muscle>: MuJoCo 2.2.2 does not take lmin from a default class. -->')
    out.append('        <default class="muscle"><muscle ctrllimited="true" ctrlrange="0 1" timeconst="0.01 0.04"/></default>')
    out.append('    </default>')
    out.append('    <worldbody>')
    i1 = " " * 8
    i2, i3, i4 = i1 + "    ", i1 + "    " * 2, i1 + "    " * 3
    out.append(f'{i1}<!-- thorax (ribs, sternum, thoracic spine): one rigid body hinged at T12/L1 (thorax_flexion, the')
    out.append(f'{i1}     slump of sitting); the world below it (lumbar spine, pelvis) is fixed. Mass: upper trunk +')
    out.append(f'{i1}     half the middle trunk (de Leva 1996: the part above L1). -->')
    out.append(f'{i1}<body name="thorax" pos="{fmt(BODY_ORIGIN["thorax"])}">')
    emit_inertial(out, i2, "thorax")
    emit_joint(out, i2, "thorax_flexion", (0, 1, 0), -15, 30, "thorax")
    for s in SIDES:
        surf = LM["surfaces"][f"scapulothoracic_{s}"]
        out.append(f'{i2}<!-- rib cage under the {"right" if s == "r" else "left"} scapula: ellipsoid fitted to ribs 2-9 '
                   f'(rms {surf["rms_mm"]} mm, landmarks.json) -->')
        out.append(f'{i2}<geom name="scapulothoracic_{s}" class="bone" type="ellipsoid" size="{fmt(surf["radii"])}" '
                   f'pos="{fmt(local("thorax", surf["centre"]))}" rgba="0.9 0.87 0.8 0.3" group="2"/>')
    emit_sites(out, "thorax", i2, by_body)
    out.append(f'{i2}<!-- neck: cervical spine C1-C7 and hyoid as one body, hinged at C7/T1; head + neck 6.94 % of the')
    out.append(f'{i2}     mass (de Leva 1996), 15 % neck / 85 % head (Yoganandan et al. 2009, J Biomech 42:1177) -->')
    out.append(f'{i2}<body name="neck" pos="{fmt(BODY_ORIGIN["neck"] - BODY_ORIGIN["thorax"])}">')
    emit_inertial(out, i3, "neck")
    emit_joint(out, i3, "neck_flexion", (0, 1, 0), -35, 40, "neck")
    emit_joint(out, i3, "neck_lateral_flexion", (-1, 0, 0), -35, 35, "neck")
    out.append(f'{i3}<geom class="bone" type="capsule" size="0.015" fromto="0 0 0 '
               f'{fmt(BODY_ORIGIN["head"] - BODY_ORIGIN["neck"])}"/>')
    emit_sites(out, "neck", i3, by_body)
    out.append(f'{i3}<!-- head: hinged at C0/C1; centre of mass just anterosuperior of the external acoustic meatus')
    out.append(f'{i3}     (+10 mm anterior, +20 mm superior: model assumption after Yoganandan et al. 2009) -->')
    out.append(f'{i3}<body name="head" pos="{fmt(BODY_ORIGIN["head"] - BODY_ORIGIN["neck"])}">')
    emit_inertial(out, i4, "head")
    emit_joint(out, i4, "head_flexion", (0, 1, 0), -30, 25, "neck")
    meat = 0.5 * (W("meatus_r") + W("meatus_l"))
    out.append(f'{i4}<geom class="bone" type="ellipsoid" size="0.09 0.07 0.1" '
               f'pos="{fmt(local("head", meat + np.array([0.005, 0, 0.03])))}"/>')
    emit_sites(out, "head", i4, by_body)
    out.append(f'{i3}</body>')
    out.append(f'{i2}</body>')
    for s in SIDES:
        arm_chain(out, s, i2, by_body)
    out.append(f'{i1}</body>')
    out.append('    </worldbody>')
    out.append('')
    out.append('    <tendon>')
    for mid, s, pts in muscle_paths():
        out.append(f'        <spatial name="{mid}_{s}_path" width="0.004">')
        for name, _b, _p in pts:
            out.append(f'            <site site="{name}"/>')
        out.append('        </spatial>')
    out.append('        <!-- scapulothoracic constraint tendons (not muscles): from the centre of the sphere that')
    out.append('             osculates the fitted rib-cage ellipsoid (offset by the rest gap) horizontally at the')
    out.append('             point, to the point. The trigonum keeps its length (equality below); the inferior and')
    out.append('             superior angles may lift off but not sink in (one-sided limits). -->')
    eq = []
    for s in SIDES:
        _surf, st = scapulothoracic(s)
        for q in st:
            name = f"scapulothoracic_{q['stem']}_{s}"
            comment = (f'rest gap to the ellipsoid {1000 * q["gap"]:.1f} mm, horizontal radius of curvature '
                       f'{1000 * q["rho"]:.0f} mm')
            if q["kind"] == "limit":
                out.append(f'        <spatial name="{name}" limited="true" range="{q["length"]:.5f} 1"> '
                           f'<!-- {comment} -->')
            else:
                out.append(f'        <spatial name="{name}"> <!-- {comment} -->')
                eq.append((name, q))
            out.append(f'            <site site="scapulothoracic_{q["stem"]}_centre_{s}"/>')
            out.append(f'            <site site="{q["stem"]}_{s}"/>')
            out.append('        </spatial>')
    out.append('    </tendon>')
    out.append('')
    out.append('    <equality>')
    out.append("        <!-- the trigonum keeps its rest distance from its sphere centre: MuJoCo's tendon equality is")
    out.append('             relative to the length at qpos0 (tendon_length0), so polycoef[0] = 0 -->')
    for name, q in eq:
        out.append(f'        <tendon name="{name}" tendon1="{name}" polycoef="0 0 0 0 0" solref="0.02 1"/>')
    out.append('    </equality>')
    out.append('')
    out.append('    <actuator>')
    for mid, (f0, l0, src) in MUSCLES.items():
        out.append(f'        <!-- {mid}: F0 {f0} N, L0 {l0} m ({src}) -->')
        for s in SIDES:
            lr = LENGTHRANGE.get(f"{mid}_{s}")
            lr_attr = f' lengthrange="{lr[0]:.6f} {lr[1]:.6f}"' if lr else ""
            out.append(f'        <muscle name="{mid}_{s}" class="muscle" tendon="{mid}_{s}_path" force="{f0}" '
                       f'lmin="0"{lr_attr}/>')
    out.append('    </actuator>')
    out.append('</mujoco>')
    print("\n".join(out))


def landmarks_markdown():
    """The rest-pose landmark table for assets/anatomy/README.md."""
    rows = ["| site | body | x | y | z | picked on (method in landmarks.json) |", "|---|---|---|---|---|---|"]
    for name, body in LANDMARK_SITES:
        p = site_world(name)
        mesh = LM["points"][name]["mesh"].split(", ")[0].split("/")[-1]
        rows.append(f"| `{name}` | {body} | {p[0]:.4f} | {p[1]:.4f} | {p[2]:.4f} | {mesh} |")
    return "\n".join(rows)


def bodies_markdown():
    rows = ["| body | parent | rest origin (world, m) | joint centre (landmarks.json) |", "|---|---|---|---|"]
    what = {"thorax": "t12_l1_joint", "neck": "c7_t1_joint", "head": "c0_c1_joint"}
    for b, p in BODY_ORIGIN.items():
        key = what.get(b) or {"clavicle": "sc_joint", "scapula": "ac_joint", "humerus": "humeral_head",
                              "forearm": "elbow_centre"}[b[:-2]] + b[-2:]
        rows.append(f"| `{b}` | {PARENT[b] or 'world'} | {fmt(np.round(p, 4))} | `{key}` |")
    return "\n".join(rows)


if __name__ == "__main__":
    if "--landmarks-md" in sys.argv:
        print(bodies_markdown())
        print()
        print(landmarks_markdown())
    else:
        main()
