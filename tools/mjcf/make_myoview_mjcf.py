#!/usr/bin/env python3
"""Writes assets/anatomy/myoview.xml, the MJCF model of myoview (MuJoCo 2.2.2).

Why a generator: every landmark and muscle path point is given once, in WORLD coordinates of the rest pose
(metres, z up, x anterior, y to the patient's left), for the right side only; the left side is its mirror
image (y -> -y), and the joint axes are mirrored so that a positive angle means the same anatomical motion on
both sides. Bodies are not rotated at rest, so a site's local position is its world position minus the world
position of its body's origin. Edit the tables here and re-run:

    python3 tools/mjcf/make_myoview_mjcf.py > assets/anatomy/myoview.xml

Sources of the numbers are named next to them (and repeated as comments in the XML).
"""

import json
import math
import os
import sys

# Lengthranges computed by MuJoCo 2.2.2 at compile time (mode="muscle", from the joint limits), stored so
# that loading the model does not redo the ~1 s computation. Regenerate after any geometry change:
#   python3 tools/mjcf/make_myoview_mjcf.py --no-lengthrange > /tmp/m.xml
#   <compile it once and dump actuator_lengthrange as {"name": [lo, hi]} into lengthrange.json>
#   python3 tools/mjcf/make_myoview_mjcf.py > assets/anatomy/myoview.xml
LR_FILE = os.path.join(os.path.dirname(__file__), "lengthrange.json")
LENGTHRANGE = {}
if "--no-lengthrange" not in sys.argv and os.path.exists(LR_FILE):
    with open(LR_FILE) as f:
        LENGTHRANGE = json.load(f)

# --------------------------------------------------------------------------------------------------------
# Body origins (world, rest pose). Right side; left mirrored.
# Reference subject: adult male, 1.75 m, 73 kg (the reference body of de Leva 1996, J Biomech 29:1223).
# Heights scaled from Drillis & Contini (1966) segment proportions as tabulated by Winter (2009),
# "Biomechanics and Motor Control of Human Movement", Fig. 4.1: suprasternal notch / shoulder at 0.818 H,
# chin 0.870 H, top of head 1.000 H.
# --------------------------------------------------------------------------------------------------------
H = 1.75
BODY_ORIGIN = {
    "thorax": (0.0, 0.0, 0.0),            # world frame itself: thorax is welded to the world
    "neck": (-0.085, 0.0, 1.465),         # C7/T1 intervertebral joint centre (vertebral body, ~5 cm anterior of C7 spinous tip)
    "head": (-0.045, 0.0, 1.595),         # C0/C1 (occipital condyles), ~2 cm below and 1 cm posterior of the tragus
    "clavicle_r": (0.012, -0.024, 1.425), # sternoclavicular joint centre
    "scapula_r": (-0.030, -0.172, 1.447), # acromioclavicular joint centre (clavicle length 0.158 m; male mean ~0.15-0.16)
    "humerus_r": (-0.030, -0.170, 1.405), # glenohumeral joint centre (humeral head centre)
}

# --------------------------------------------------------------------------------------------------------
# Landmark sites: (name, body, world position of the RIGHT-side / midline landmark).
# --------------------------------------------------------------------------------------------------------
LANDMARKS = [
    # thorax. Sternal notch at 0.818 H = 1.431 m (Winter 2009, Drillis & Contini proportions), x = 0 by
    # definition of the frame (see README "Frame and origin"). Sternum length ~0.175 m (Selthofer et al.
    # 2006, Coll Antropol 30:43: male mean 17-18 cm incl. xiphoid). Thoracic spinous tips spaced ~0.023 m
    # (upper thoracic vertebral height incl. disc, ~2.3 cm; Panjabi 1991 Spine 16:888).
    ("sternal_notch", "thorax", (0.000, 0.0, 1.430)),
    ("xiphoid", "thorax", (0.030, 0.0, 1.255)),
    ("t1_spinous", "thorax", (-0.142, 0.0, 1.460)),
    ("t2_spinous", "thorax", (-0.146, 0.0, 1.437)),
    ("t3_spinous", "thorax", (-0.148, 0.0, 1.413)),
    ("t4_spinous", "thorax", (-0.149, 0.0, 1.389)),
    ("t5_spinous", "thorax", (-0.149, 0.0, 1.365)),
    ("t12_spinous", "thorax", (-0.120, 0.0, 1.140)),
    # anterior ribs near the costochondral junctions (Borstad & Ludewig 2005, JOSPT 35:227 measure pectoralis
    # minor length from the coracoid to the 4th rib's inferior edge one finger-width lateral of the sternum).
    ("rib3_r", "thorax", (0.012, -0.050, 1.355)),
    ("rib4_r", "thorax", (0.018, -0.055, 1.328)),
    ("rib5_r", "thorax", (0.024, -0.060, 1.300)),
    # neck: C7 spinous tip. Sternal notch to C7 ~0.14 m horizontally, C7 ~5 cm above the notch (notch lies at
    # T2 level; Moore, Clinically Oriented Anatomy 7th ed.).
    ("c7_spinous", "neck", (-0.138, 0.0, 1.482)),
    # head. Vertex at 1.0 H. Tragus 0.135 m below the vertex (head height ~0.23 m, tragus ~ at the
    # mid-height of the head; Gordon et al. 1989 ANSUR tragion-top of head ~0.13-0.14 m). Craniovertebral angle
    # of this rest pose: atan(0.133/0.103) = 52.2 deg, in the healthy 50-55 deg band (Yip et al. 2008,
    # Man Ther 13:148: 51-55 deg in controls; Ruivo et al. 2014 Man Ther 19:72 adolescents).
    ("vertex", "head", (-0.025, 0.0, 1.750)),
    ("nasion", "head", (0.078, 0.0, 1.660)),
    ("occiput", "head", (-0.118, 0.0, 1.625)),
    ("tragus_r", "head", (-0.035, -0.072, 1.615)),
    ("mastoid_r", "head", (-0.048, -0.055, 1.585)),
    # clavicle
    ("sc_joint_r", "clavicle_r", (0.012, -0.024, 1.425)),
    # scapula. Biacromial breadth 0.39 m (ANSUR 1988 male 50th pct ~0.40 m incl. soft tissue). Spine root
    # (trigonum) 0.082 m lateral of the midline at T3 (Sahrmann 2002: medial border ~7.5 cm from the spine).
    # Inferior angle at T7 level. Internal rotation of the TS->AA line ~32 deg, anterior tilt ~8-10 deg,
    # upward rotation ~5 deg (Struyf et al. 2011, Scand J Med Sci Sports 21:352; Ludewig et al. 2009 JBJS
    # 91:378 resting: IR 35-41, upward rotation 2-5, anterior tilt 9-13 deg).
    ("acromion_r", "scapula_r", (-0.012, -0.190, 1.447)),
    ("acromion_posterior_r", "scapula_r", (-0.048, -0.196, 1.432)),
    ("scapula_spine_root_r", "scapula_r", (-0.120, -0.082, 1.420)),
    ("scapula_superior_angle_r", "scapula_r", (-0.106, -0.085, 1.462)),
    ("scapula_inferior_angle_r", "scapula_r", (-0.136, -0.092, 1.285)),
    ("glenoid_r", "scapula_r", (-0.046, -0.147, 1.405)),
    ("coracoid_r", "scapula_r", (0.010, -0.155, 1.432)),
    # humerus (length GH centre to epicondyles 0.287 m; de Leva 1996 upper arm 0.2817 m shoulder-elbow)
    ("humeral_head_r", "humerus_r", (-0.030, -0.170, 1.405)),
    ("bicipital_groove_r", "humerus_r", (-0.004, -0.183, 1.380)),
    ("deltoid_tuberosity_r", "humerus_r", (-0.028, -0.198, 1.280)),
    ("epicondyle_lateral_r", "humerus_r", (-0.035, -0.205, 1.118)),
    ("epicondyle_medial_r", "humerus_r", (-0.045, -0.145, 1.118)),
]

# --------------------------------------------------------------------------------------------------------
# Muscles: id -> (source note, F0 in N, optimal fibre length L0 in m, [(site suffix, body, world pos)]).
# F0 / L0: Wu shoulder model (pyomeca/osim_to_biomod Wu_Shoulder_Model_via_points.osim, see REFERENCES.md)
# for shoulder muscles, Neck6D (Mortensen et al. 2018 PLOS ONE) for neck muscles. L0 is not used by MuJoCo
# directly (it derives L0 from lengthrange and range); engine/sim maps it at load (see tissue.cpp).
# --------------------------------------------------------------------------------------------------------
MUSCLES = [
    ("pec_major_clavicular", "Wu: pectoralis major clavicular", 983.4, 0.1025, [
        ("o", "clavicle_r", (0.012, -0.065, 1.430)),   # medial half of the clavicle, anterior surface
        ("v1", "humerus_r", (0.012, -0.180, 1.395)),   # in front of the humeral head (keeps the line off it)
        ("i", "humerus_r", (0.002, -0.192, 1.340)),    # lateral lip of the bicipital groove
    ]),
    ("pec_major_sternal", "Wu: pectoralis major sternal", 699.7, 0.140, [
        ("o", "thorax", (0.025, -0.012, 1.365)),       # anterior sternum, ribs 2-4 cartilages
        ("v1", "thorax", (0.055, -0.095, 1.350)),      # over the curved anterior chest wall (belly on the ribs):
                                                       # the last segment pulls the humerus forward and medially
        ("v2", "humerus_r", (0.010, -0.176, 1.370)),   # anterior to the humeral head, axillary fold
        ("i", "humerus_r", (0.001, -0.191, 1.330)),
    ]),
    ("pec_major_costal", "Wu: pectoralis major costal (lower)", 446.7, 0.1813, [
        ("o", "thorax", (0.045, -0.060, 1.255)),       # costal cartilages 5-6, external oblique aponeurosis
        ("v1", "thorax", (0.055, -0.105, 1.305)),      # over the anterior chest wall, lower axillary fold
        ("i", "humerus_r", (0.000, -0.190, 1.345)),    # twisted: the lowest fibres insert highest
    ]),
    ("pec_minor", "Wu: pectoralis minor", 218.7, 0.115, [
        ("o", "thorax", (0.035, -0.072, 1.320)),       # ribs 3-5 near the costal cartilages (centred on rib 4)
        ("i", "scapula_r", (0.008, -0.150, 1.428)),    # medial border of the coracoid process
    ]),
    ("rhomboid_major", "Wu: rhomboid major (two parts summed 185.9 + 111.6 N; L0 mean)", 297.5, 0.0885, [
        ("o", "thorax", (-0.150, -0.006, 1.400)),      # spinous processes T2-T5
        ("i", "scapula_r", (-0.132, -0.088, 1.330)),   # medial border below the spine root
    ]),
    ("rhomboid_minor", "Wu: rhomboid minor", 301.6, 0.107, [
        ("o", "thorax", (-0.144, -0.006, 1.462)),      # ligamentum nuchae, spinous C7-T1
        ("i", "scapula_r", (-0.124, -0.080, 1.412)),   # medial border at the spine root
    ]),
    ("trapezius_upper", "Wu: trapezius to clavicle", 280.6, 0.103, [
        ("o", "neck", (-0.112, -0.008, 1.555)),        # ligamentum nuchae C3-C5 (cervical part)
        ("i", "clavicle_r", (-0.022, -0.150, 1.452)),  # posterior border, lateral third of the clavicle
    ]),
    ("trapezius_middle", "Wu: trapezius middle", 155.3, 0.081, [
        ("o", "thorax", (-0.150, -0.006, 1.440)),      # spinous C7-T3
        ("v1", "scapula_r", (-0.128, -0.095, 1.430)),  # over the spine root (keeps the line above the blade)
        ("i", "scapula_r", (-0.075, -0.168, 1.448)),   # medial acromion, superior lip of the spine
    ]),
    ("trapezius_lower", "Wu: trapezius lower", 557.2, 0.128, [
        ("o", "thorax", (-0.140, -0.006, 1.240)),      # spinous T6-T12
        ("i", "scapula_r", (-0.124, -0.088, 1.398)),   # tubercle at the root of the spine
    ]),
    ("deltoid_anterior", "Holzbaur et al. 2005 (Ann Biomed Eng 33:829) DELT1; not in Wu table", 1142.6, 0.0976, [
        ("o", "clavicle_r", (-0.012, -0.158, 1.448)),  # lateral third of the clavicle
        ("v1", "humerus_r", (0.006, -0.195, 1.395)),   # over the front of the humeral head
        ("i", "humerus_r", (-0.026, -0.200, 1.282)),   # deltoid tuberosity
    ]),
    ("deltoid_middle", "Holzbaur et al. 2005 DELT2; not in Wu table", 1142.6, 0.1078, [
        ("o", "scapula_r", (-0.030, -0.200, 1.447)),   # lateral border of the acromion
        ("v1", "humerus_r", (-0.032, -0.210, 1.400)),  # over the greater tubercle
        ("i", "humerus_r", (-0.028, -0.201, 1.280)),
    ]),
    ("deltoid_posterior", "Wu: deltoid posterior", 944.7, 0.1228, [
        ("o", "scapula_r", (-0.085, -0.182, 1.437)),   # spine of the scapula
        ("v1", "humerus_r", (-0.068, -0.200, 1.392)),  # behind the humeral head
        ("i", "humerus_r", (-0.032, -0.200, 1.283)),
    ]),
    ("levator_scapulae", "Wu: levator scapulae", 170.0, 0.148, [
        ("o", "neck", (-0.068, -0.035, 1.575)),        # transverse processes C1-C4
        ("i", "scapula_r", (-0.110, -0.086, 1.458)),   # superior angle
    ]),
    ("serratus_anterior", "Wu: serratus anterior (upper+middle+lower summed 365.1+180.0+377.9 N; L0 of middle)",
     923.0, 0.128, [
        ("o", "thorax", (0.020, -0.120, 1.290)),       # outer surfaces of ribs 1-8, mid-axillary line
        ("v1", "thorax", (-0.035, -0.140, 1.300)),     # around the lateral chest wall
        ("v2", "thorax", (-0.090, -0.118, 1.305)),     # between ribs and scapula
        ("i", "scapula_r", (-0.118, -0.090, 1.310)),   # anterior (costal) surface of the medial border
    ]),
    ("sternocleidomastoid", "Neck6D: sternal 186.2 + clavicular 93.1 N summed; L0 of the sternal head", 279.3, 0.108, [
        ("o", "thorax", (0.012, -0.022, 1.440)),       # manubrium and medial clavicle
        ("i", "head", (-0.048, -0.058, 1.588)),        # mastoid process
    ]),
    ("splenius_capitis", "Neck6D: splenius capitis", 69.3, 0.095, [
        ("o", "thorax", (-0.146, -0.006, 1.450)),      # spinous C7-T3, lower ligamentum nuchae
        ("v1", "neck", (-0.110, -0.028, 1.530)),       # follows the posterior neck (lamina of C5)
        ("i", "head", (-0.065, -0.055, 1.605)),        # mastoid and lateral superior nuchal line
    ]),
]


# Scapulothoracic gliding plane: the trigonum (scapula_spine_root) keeps its rest distance from the centre of
# a sphere fitted to the posterior-lateral ribcage under the scapula (a bilateral distance constraint, MJCF
# <equality><tendon>). It stops the scapula from winging off the thorax, so that the pectorals' pull makes the
# shoulder girdle glide forward around the ribcage (protraction) instead of rotating in place. The inferior
# angle gets a one-sided limit (a limited tendon to the same centre): it cannot sink into the ribs, but it
# lifts off them in anterior tilt, as in people. Centre: mid-thorax at T4, 4 cm right of the midline.
ST_CENTRE_R = (-0.040, -0.040, 1.360)
# Centre for the inferior angle's one-sided limit: anterior-inferior of the inferior angle (inside the lower
# ribcage, T8 level), chosen so that the line to the inferior angle is the direction tilt moves it: posterior
# tilt (inferior angle forward) pushes it into the ribs and is stopped, anterior tilt lifts it off.
ST_CENTRE_INFERIOR_R = (-0.040, -0.040, 1.360)


def mirror(p):
    return (p[0], -p[1], p[2])


def side_name(name, side):
    return name[:-2] + "_" + side if name.endswith("_r") else name


def body_world(body):
    if body.endswith("_l"):
        return mirror(BODY_ORIGIN[body[:-2] + "_r"])
    return BODY_ORIGIN[body]


def local(body, world):
    b = body_world(body)
    return tuple(round(w - o, 4) for w, o in zip(world, b))


def fmt(v):
    return " ".join(f"{x:.4f}".rstrip("0").rstrip(".") if x != 0 else "0" for x in v)


# Sites per body, for both sides.
sites_by_body = {}
for name, body, pos in LANDMARKS:
    for side in ("r", "l"):
        if not name.endswith("_r") and side == "l":
            continue
        b = body[:-2] + "_" + side if body.endswith("_r") else body
        p = pos if side == "r" else mirror(pos)
        sites_by_body.setdefault(b, []).append((side_name(name, side) if name.endswith("_r") else name, p, "landmark"))
for mid, _src, _f, _l0, pts in MUSCLES:
    for side in ("r", "l"):
        for suf, body, pos in pts:
            b = body[:-2] + "_" + side if body.endswith("_r") else body
            p = pos if side == "r" else mirror(pos)
            sites_by_body.setdefault(b, []).append((f"{mid}_{side}_{suf}", p, "path"))


def emit_sites(out, body, indent):
    for name, p, kind in sites_by_body.get(body, []):
        cls = "landmark" if kind == "landmark" else "path"
        out.append(f'{indent}<site name="{name}" class="{cls}" pos="{fmt(local(body, p))}"/>')


def joint(out, indent, name, axis, lo, hi, cls):
    out.append(f'{indent}<joint name="{name}" class="{cls}" axis="{fmt(axis)}" range="{lo} {hi}"/>')


def arm_chain(out, side):
    s = side
    m = (lambda a: a) if s == "r" else (lambda a: (a[0] * -1, a[1], a[2] * -1)) 
    # Axis convention: positive angle = the named anatomical motion on both sides. For the left side the axes
    # about x and z flip sign (mirror in y), the axis about y stays.
    def ax(a):
        return a if s == "r" else (-a[0], a[1], -a[2])
    pc = body_world(f"clavicle_{s}")
    ps = body_world(f"scapula_{s}")
    ph = body_world(f"humerus_{s}")
    i1 = " " * 8
    out.append(f'{i1}<!-- ===== {"right" if s == "r" else "left"} shoulder girdle ===== -->')
    out.append(f'{i1}<body name="clavicle_{s}" pos="{fmt(pc)}">')
    i2 = i1 + "    "
    # Clavicle 0.156 kg, scapula 0.705 kg: Delft shoulder model (van der Helm 1994, J Biomech 27:551),
    # the values the Wu model inherits. Inertia of a slender rod / thin plate of the bone's size.
    out.append(f'{i2}<inertial pos="{fmt(local(f"clavicle_{s}", mirror((-0.009, -0.098, 1.436)) if s == "l" else (-0.009, -0.098, 1.436)))}" mass="0.156" diaginertia="0.00034 0.00003 0.00034"/>')
    # Sternoclavicular: elevation 0-35 deg, depression ~10, protraction/retraction ~+-25-30 deg
    # (Ludewig et al. 2009 JBJS 91:378; Kapandji, The Physiology of the Joints vol. 1). Degrees.
    joint(out, i2, f"sc_elevation_{s}", ax((-1, 0, 0)), -10, 40, "girdle_elevation")
    joint(out, i2, f"sc_protraction_{s}", ax((0, 0, 1)), -25, 30, "girdle")
    sc_geom_to = local(f"clavicle_{s}", ps)
    out.append(f'{i2}<geom class="bone" type="capsule" size="0.009" fromto="0 0 0 {fmt(sc_geom_to)}"/>')
    emit_sites(out, f"clavicle_{s}", i2)
    out.append(f'{i2}<body name="scapula_{s}" pos="{fmt(tuple(round(a - b, 4) for a, b in zip(ps, pc)))}">')
    i3 = i2 + "    "
    com_s = (-0.085, -0.125, 1.380)
    out.append(f'{i3}<inertial pos="{fmt(local(f"scapula_{s}", com_s if s == "r" else mirror(com_s)))}" mass="0.705" diaginertia="0.0012 0.0011 0.0008"/>')
    # Acromioclavicular / scapulothoracic rotations, relative to the rest orientation (which is already
    # internally rotated ~32 deg and anteriorly tilted ~9 deg). Ranges: Ludewig et al. 2009 (arm elevation to
    # 120 deg: upward rotation to ~40 deg, posterior tilt ~20 deg, internal rotation -15..+20 deg).
    joint(out, i3, f"scapula_internal_rotation_{s}", ax((0, 0, 1)), -20, 25, "scapula")
    joint(out, i3, f"scapula_upward_rotation_{s}", ax((-1, 0, 0)), -15, 50, "scapula")
    joint(out, i3, f"scapula_anterior_tilt_{s}", ax((0, 1, 0)), -30, 20, "scapula_tilt")
    # a flat blade: trigonum -> acromion angle -> inferior angle
    loc = lambda p: local(f"scapula_{s}", p if s == "r" else mirror(p))
    out.append(f'{i3}<geom class="bone" type="capsule" size="0.008" fromto="{fmt(loc((-0.120, -0.082, 1.405)))} {fmt(loc((-0.048, -0.196, 1.440)))}"/>')
    out.append(f'{i3}<geom class="bone" type="capsule" size="0.006" fromto="{fmt(loc((-0.106, -0.085, 1.462)))} {fmt(loc((-0.136, -0.092, 1.285)))}"/>')
    out.append(f'{i3}<geom class="bone" type="capsule" size="0.006" fromto="{fmt(loc((-0.136, -0.092, 1.285)))} {fmt(loc((-0.046, -0.147, 1.405)))}"/>')
    emit_sites(out, f"scapula_{s}", i3)
    out.append(f'{i3}<body name="humerus_{s}" pos="{fmt(tuple(round(a - b, 4) for a, b in zip(ph, ps)))}">')
    i4 = i3 + "    "
    # Whole arm, elbow extended, lumped on the humerus (the model has no forearm): upper arm 2.71 %, forearm
    # 1.62 %, hand 0.61 % of 73 kg (de Leva 1996) = 1.98 + 1.18 + 0.45 = 3.61 kg; centre of mass 0.30 m below
    # the GH centre; transverse inertia about it 0.118 kg m^2 (segment radii of gyration, de Leva 1996).
    out.append(f'{i4}<inertial pos="0 0 -0.3" mass="3.61" diaginertia="0.118 0.118 0.0045"/>')
    # Glenohumeral as three hinges (no gimbal trouble near the hanging rest pose). Ranges: adduction limited by
    # the trunk, abduction/flexion to 90 deg relative to the thorax is enough for a posture viewer,
    # rotation +-60..70 deg (Kapandji vol. 1).
    joint(out, i4, f"gh_abduction_{s}", ax((-1, 0, 0)), -10, 90, "gh")
    joint(out, i4, f"gh_flexion_{s}", (0, -1, 0), -40, 90, "gh")
    joint(out, i4, f"gh_internal_rotation_{s}", ax((0, 0, 1)), -60, 70, "gh")
    out.append(f'{i4}<geom class="bone" type="sphere" size="0.024"/>')
    out.append(f'{i4}<geom class="bone" type="capsule" size="0.012" fromto="0 0 -0.03 0 0 -0.28"/>')
    emit_sites(out, f"humerus_{s}", i4)
    out.append(f'{i3}</body>')
    out.append(f'{i2}</body>')
    out.append(f'{i1}</body>')


def main():
    out = []
    out.append('<?xml version="1.0" encoding="utf-8"?>')
    out.append('<!-- GENERATED by tools/mjcf/make_myoview_mjcf.py: edit the tables there, not this file. -->')
    out.append('<!--')
    out.append('  myoview: thorax, neck, head, clavicles, scapulae, humeri and 32 muscles (16 per side) for MuJoCo 2.2.2.')
    out.append('  Frame: metres, z up, x anterior, y to the patient\'s LEFT. Rest pose = upright healthy posture.')
    out.append('  Sternal notch at world (0, 0, 1.430): 0.818 x 1.75 m (Winter 2009 / Drillis & Contini segment')
    out.append('  proportions) for a 1.75 m, 73 kg male (de Leva 1996 reference body).')
    out.append('  Masses: de Leva 1996 (J Biomech 29:1223) for head+neck and arm; clavicle/scapula from the Delft')
    out.append('  shoulder model (van der Helm 1994). Muscles: Wu shoulder model (shoulder), Neck6D (neck), see per muscle.')
    out.append('  Joint ranges in degrees (compiler angle="degree"); every range has limited="true" (2.2.2 has no autolimits).')
    out.append('  Muscle gainprm lmin = 0 avoids the 2.2.2 active force-length bug below lmin (REFERENCES.md).')
    out.append('  Lengthranges: computed by MuJoCo 2.2.2 at compile time (mode="muscle", from the joint limits and the')
    out.append('  scapulothoracic constraint) and stored on each <muscle> (useexisting="true"); regenerate with the tool.')
    out.append('  Scapulothoracic gliding: tendon equality (trigonum) + one-sided tendon limit (inferior angle), see <equality>.')
    out.append('-->')
    out.append('<mujoco model="myoview">')
    out.append('    <compiler angle="degree" inertiafromgeom="false" autolimits="false">')
    # Lengthranges are computed at compile time from the joint limits (mode="muscle").
    out.append('        <lengthrange mode="muscle" useexisting="true" uselimit="false" inttotal="20" tolrange="0.1" timestep="0.01"/>')
    out.append('    </compiler>')
    # Euler with implicit joint damping; no contacts (all geoms have contype=conaffinity=0): the only
    # constraints are joint limits. timestep 10 ms is stable with the armature below (see engine/sim/README.md).
    out.append('    <!-- Euler with implicit joint damping, 10 ms fixed step; no contacts: the constraints are the joint limits')
    out.append('         and the scapulothoracic tendons. One simulated hour runs ~400-600x faster than real time. -->')
    out.append('    <option timestep="0.01" integrator="Euler" solver="Newton" iterations="20" tolerance="1e-8" gravity="0 0 -9.81">')
    out.append('        <flag contact="disable" energy="disable"/>')
    out.append('    </option>')
    out.append('    <size njmax="64" nconmax="8"/>')
    out.append('    <default>')
    out.append('        <geom contype="0" conaffinity="0" group="1" rgba="0.9 0.87 0.8 1"/>')
    out.append('        <site size="0.004" group="3"/>')
    out.append('        <joint type="hinge" limited="true" armature="0.01" damping="0.5"/>')
    out.append('        <default class="bone"><geom/></default>')
    out.append('        <default class="landmark"><site rgba="0.1 0.4 1 1" size="0.005"/></default>')
    out.append('        <default class="path"><site rgba="0.9 0.2 0.2 1" size="0.003" group="4"/></default>')
    # Passive joint stiffness stands for ligaments, capsules, the scapulothoracic gliding plane and the
    # unmodelled deep muscles at rest. Values chosen so that a 1 Nm disturbance moves a joint a few degrees.
    out.append('        <!-- Joint springs stand for ligaments, capsules, the scapulothoracic plane and unmodelled deep muscles.')
    out.append('             engine/sim sets their reference angles at load so that gravity and healthy resting muscle forces')
    out.append('             balance in the rest pose. Stiffness in Nm/rad: the clavicle resists depression (first rib,')
    out.append('             costoclavicular ligament) and the scapula tilt (coracoclavicular ligaments) far more than')
    out.append('             protraction. -->')
    out.append('        <default class="neck"><joint stiffness="25" damping="1.0" armature="0.02"/></default>')
    out.append('        <default class="girdle"><joint stiffness="0.8" damping="0.6" armature="0.02"/></default>')
    out.append('        <default class="scapula"><joint stiffness="2" damping="0.4" armature="0.02"/></default>')
    # Clavicular depression is checked by the first rib and the costoclavicular ligament: stiffer.
    out.append('        <default class="girdle_elevation"><joint stiffness="150" damping="0.6" armature="0.02"/></default>')
    # Tilt about the AC joint is held by the coracoclavicular (conoid, trapezoid) ligaments: stiffer.
    out.append('        <default class="scapula_tilt"><joint stiffness="10" damping="0.4" armature="0.02"/></default>')
    out.append('        <default class="gh"><joint stiffness="3" damping="0.8" armature="0.03"/></default>')
    out.append('        <!-- lmin="0" is written on each <muscle>: MuJoCo 2.2.2 does not take lmin from a default class. -->')
    out.append('        <default class="muscle"><muscle ctrllimited="true" ctrlrange="0 1" timeconst="0.01 0.04"/></default>')
    # lmin="0" is written on every <muscle>: MuJoCo 2.2.2 does not take lmin from a default class.
    out.append('    </default>')
    out.append('    <worldbody>')
    i1 = " " * 8
    out.append(f'{i1}<!-- thorax welded to the world; its frame is the world frame. Trunk mass is irrelevant for a fixed')
    out.append(f'{i1}     body; upper trunk 15.96 % of 73 kg (de Leva 1996) kept for completeness. -->')
    out.append(f'{i1}<body name="thorax" pos="0 0 0">')
    i2 = i1 + "    "
    out.append(f'{i2}<inertial pos="-0.06 0 1.30" mass="11.65" diaginertia="0.12 0.09 0.10"/>')
    out.append(f'{i2}<geom class="bone" type="ellipsoid" size="0.10 0.14 0.16" pos="-0.065 0 1.31"/>')
    emit_sites(out, "thorax", i2)
    out.append(f'{i2}<site name="scapulothoracic_centre_r" class="path" pos="{fmt(ST_CENTRE_R)}"/>')
    out.append(f'{i2}<site name="scapulothoracic_centre_l" class="path" pos="{fmt(mirror(ST_CENTRE_R))}"/>')
    out.append(f'{i2}<site name="scapulothoracic_inferior_centre_r" class="path" pos="{fmt(ST_CENTRE_INFERIOR_R)}"/>')
    out.append(f'{i2}<site name="scapulothoracic_inferior_centre_l" class="path" pos="{fmt(mirror(ST_CENTRE_INFERIOR_R))}"/>')
    pn = BODY_ORIGIN["neck"]
    out.append(f'{i2}<!-- neck: cervical spine C1-C7 as one body; head+neck 6.94 % of 73 kg = 5.07 kg (de Leva 1996), split')
    out.append(f'{i2}     0.77 kg neck / 4.30 kg head (Yoganandan et al. 2009, J Biomech 42:1177: head 4.3 kg male mean). -->')
    out.append(f'{i2}<body name="neck" pos="{fmt(pn)}">')
    i3 = i2 + "    "
    out.append(f'{i3}<inertial pos="0.005 0 0.065" mass="0.77" diaginertia="0.0012 0.0012 0.0008"/>')
    # Lower cervical flexion lumped at C7/T1 (C2-T1 sagittal range ~ -60..+40 deg; Bible et al. 2010 Spine 35)
    joint(out, i3, "neck_flexion", (0, 1, 0), -35, 40, "neck")
    out.append(f'{i3}<geom class="bone" type="capsule" size="0.018" fromto="0 0 0 {fmt(local("neck", BODY_ORIGIN["head"]))}"/>')
    emit_sites(out, "neck", i3)
    ph = BODY_ORIGIN["head"]
    out.append(f'{i3}<body name="head" pos="{fmt(tuple(round(a - b, 4) for a, b in zip(ph, pn)))}">')
    i4 = i3 + "    "
    # Head CoM ~1 cm anterior and 5.5 cm above the occipital condyles (Yoganandan et al. 2009); Ixx ~0.016,
    # Iyy ~0.022, Izz ~0.015 kg m^2 (Yoganandan 2009 Table 3, rounded).
    out.append(f'{i4}<inertial pos="0.012 0 0.055" mass="4.30" diaginertia="0.016 0.022 0.015"/>')
    # Upper cervical (C0-C2) flexion/extension ~ -25..+20 deg
    joint(out, i4, "head_flexion", (0, 1, 0), -30, 25, "neck")
    out.append(f'{i4}<geom class="bone" type="ellipsoid" size="0.095 0.075 0.11" pos="0.02 0 0.06"/>')
    emit_sites(out, "head", i4)
    out.append(f'{i3}</body>')
    out.append(f'{i2}</body>')
    out.append(f'{i1}<!-- shoulder girdles are children of the thorax (indented one level less for readability) -->')
    arm_lines = []
    for s in ("r", "l"):
        arm_chain(arm_lines, s)
    out.extend("    " + l for l in arm_lines)
    out.append(f'{i1}</body>')
    out.append('    </worldbody>')
    out.append('')
    out.append('    <tendon>')
    for mid, src, f0, l0, pts in MUSCLES:
        for s in ("r", "l"):
            out.append(f'        <spatial name="{mid}_{s}_path" width="0.004">')
            for suf, _b, _p in pts:
                out.append(f'            <site site="{mid}_{s}_{suf}"/>')
            out.append('        </spatial>')
    out.append('        <!-- scapulothoracic constraint tendons (not muscles): trigonum to the ribcage sphere centre -->')
    for sd in ("r", "l"):
        out.append(f'        <spatial name="scapulothoracic_{sd}">')
        out.append(f'            <site site="scapulothoracic_centre_{sd}"/>')
        out.append(f'            <site site="scapula_spine_root_{sd}"/>')
        out.append('        </spatial>')
        ai = [p for n, b, p in LANDMARKS if n == "scapula_inferior_angle_r"][0]
        ai_dist = math.dist(ai, ST_CENTRE_INFERIOR_R)
        out.append(f'        <spatial name="scapulothoracic_inferior_{sd}" limited="true" range="{ai_dist:.5f} 1">')
        out.append(f'            <site site="scapulothoracic_inferior_centre_{sd}"/>')
        out.append(f'            <site site="scapula_inferior_angle_{sd}"/>')
        out.append('        </spatial>')
    out.append('    </tendon>')
    out.append('')
    ts = [p for n, b, p in LANDMARKS if n == "scapula_spine_root_r"][0]
    dist = math.dist(ts, ST_CENTRE_R)
    out.append('    <equality>')
    out.append(f'        <!-- keeps the rest distance {dist:.4f} m = |scapula_spine_root - scapulothoracic_centre|: MuJoCo\'s tendon')
    out.append('             equality is relative to the length at qpos0 (tendon_length0), so polycoef[0] = 0 -->')
    for sd in ("r", "l"):
        out.append(f'        <tendon name="scapulothoracic_{sd}" tendon1="scapulothoracic_{sd}" polycoef="0 0 0 0 0" solref="0.02 1"/>')
    out.append('    </equality>')
    out.append('')
    out.append('    <actuator>')
    for mid, src, f0, l0, pts in MUSCLES:
        out.append(f'        <!-- {mid}: F0 {f0} N, L0 {l0} m ({src}) -->')
        for s in ("r", "l"):
            lr = LENGTHRANGE.get(f"{mid}_{s}")
            lr_attr = f' lengthrange="{lr[0]:.6f} {lr[1]:.6f}"' if lr else ""
            out.append(f'        <muscle name="{mid}_{s}" class="muscle" tendon="{mid}_{s}_path" force="{f0}" lmin="0"{lr_attr}/>')
    out.append('    </actuator>')
    out.append('</mujoco>')
    print("\n".join(out))


def landmarks_markdown():
    """The rest-pose landmark table for assets/anatomy/README.md."""
    rows = ["| site | body | x | y | z |", "|---|---|---|---|---|"]
    for name, body, pos in LANDMARKS:
        for side in ("r", "l"):
            if not name.endswith("_r") and side == "l":
                continue
            n = side_name(name, side) if name.endswith("_r") else name
            b = body[:-2] + "_" + side if body.endswith("_r") else body
            p = pos if side == "r" else mirror(pos)
            rows.append(f"| `{n}` | {b} | {p[0]:.3f} | {p[1]:.3f} | {p[2]:.3f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    if "--landmarks-md" in sys.argv:
        print(landmarks_markdown())
    else:
        main()
