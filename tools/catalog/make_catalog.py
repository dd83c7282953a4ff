#!/usr/bin/env python3
"""Writes assets/anatomy/catalog.json (to stdout, or to the file with --write).

The catalog is generated so that left and right stay identical, the numbered series (ribs, costal cartilages,
vertebrae) read naturally in both languages, and every fact sits next to its source. Edit the tables here, never
the JSON: a test (CatalogJson.CommittedJsonIsWhatTheGeneratorProduces) checks that the committed file is byte
for byte what this script writes.

Sources (keys of SOURCES; every entry lists the ones it was checked against):
  moore8  Moore, Clinically Oriented Anatomy 8th ed.: Table 3.2 (anterior axio-appendicular muscles), Table 3.4
          (superficial posterior axio-appendicular muscles), Table 3.5 (scapulohumeral muscles), Table 4.6 / the
          back chapter (splenius), the neck chapter (sternocleidomastoid), the thorax, back and upper-limb bones
          and their surface anatomy (sternal angle, vertebra prominens, scapular levels).
  gray42  Gray's Anatomy 42nd ed.: the same muscles and bones (parts of pectoralis major, splenius cervicis
          nerve supply, rib and vertebra features).
  ta2     Terminologia Anatomica 2nd ed.: Latin names, the parts of pectoralis major, trapezius and deltoid.
  travell_simons  trigger points and their referral maps (pectoral muscles, levator scapulae).
The ids, sides and MJCF bodies of the bones follow tools/bake/structures.tsv (a test checks they agree).
"""

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
CATALOG = ROOT / "assets" / "anatomy" / "catalog.json"

SOURCES = {
    "gray42": "Standring S (ed.). Gray's Anatomy: The Anatomical Basis of Clinical Practice, 42nd ed. Elsevier, 2020.",
    "moore8": "Moore KL, Dalley AF, Agur AMR. Clinically Oriented Anatomy, 8th ed. Wolters Kluwer, 2018.",
    "ta2": "FIPAT. Terminologia Anatomica, 2nd ed. Federative International Programme for Anatomical "
           "Terminology, 2019.",
    "travell_simons": "Simons DG, Travell JG, Simons LS. Travell & Simons' Myofascial Pain and Dysfunction: The "
                      "Trigger Point Manual, Vol. 1: Upper Half of Body, 2nd ed. Williams & Wilkins, 1999.",
    "borstad_ludewig_2005": "Borstad JD, Ludewig PM. The effect of long versus short pectoralis minor resting "
                            "length on scapular kinematics in healthy individuals. J Orthop Sports Phys Ther "
                            "2005;35(4):227-238.",
    "sanders_annest_2017": "Sanders RJ, Annest SJ. Pectoralis minor syndrome: subclavicular brachial plexus "
                           "compression. Diagnostics (Basel) 2017;7(3):46.",
    "lynch_2010": "Lynch SS, Thigpen CA, Mihalik JP, Prentice WE, Padua D. The effects of an exercise intervention "
                  "on forward head and rounded shoulder postures in elite swimmers. Br J Sports Med "
                  "2010;44(5):376-381.",
}

BONE_SOURCES = ["gray42", "moore8", "ta2"]
MUSCLE_SOURCES = ["gray42", "moore8", "ta2"]


def T(en, es):
    """Text in both catalog languages."""
    return {"en": en, "es": es}


# ------------------------------------------------------------------------------------------------------------
# Cautions (REFERENCES.md, "What the evidence supports"). The angina caution stays on every pectoral muscle with
# trigger points; the ulnar-finger caution goes where a referral map reaches the little-finger side of the hand
# (Travell & Simons; the overlap with nerve problems: Sanders & Annest 2017, Moore 8th ed. on the thoracic outlet
# and the ulnar nerve); the breast caution goes with the breast referral of the abdominal part.
# ------------------------------------------------------------------------------------------------------------
ANGINA = T(
    "Left-sided pectoral trigger points can mimic angina (heart pain): new, exertional or unexplained chest pain is "
    "checked by a doctor first, before anyone treats it as muscular.",
    "Los puntos gatillo pectorales del lado izquierdo pueden imitar una angina de pecho: el dolor torácico nuevo, de "
    "esfuerzo o sin explicación lo valora primero un médico, antes de tratarlo como muscular.")
ULNAR = T(
    "Pain, tingling or numbness toward the little-finger side of the hand can also come from nerve problems: C8/T1 "
    "nerve-root irritation (radiculopathy), thoracic outlet syndrome or a trapped ulnar nerve. Numbness or weakness "
    "needs a medical check.",
    "El dolor, el hormigueo o el adormecimiento hacia el lado del meñique también pueden deberse a problemas de los "
    "nervios: irritación de las raíces C8/T1 (radiculopatía), síndrome del desfiladero torácico o atrapamiento del "
    "nervio cubital. El adormecimiento o la debilidad necesitan una valoración médica.")
BREAST = T(
    "Breast pain or a lump is checked by a doctor first; only then can it be put down to the muscle.",
    "El dolor de mama o un bulto los valora primero un médico; solo después pueden atribuirse al músculo.")


def join(*texts):
    return T(" ".join(t["en"] for t in texts), " ".join(t["es"] for t in texts))


def referral(en, es):
    """A trigger point's referral zone, worded as what the map says, not as a certainty."""
    return T(f"May refer pain to {en} (according to Travell & Simons).",
             f"Puede referir dolor a {es} (según Travell y Simons).")


CN_XI = T("Spinal accessory nerve (CN XI, motor); C3, C4 ventral rami via the cervical plexus (pain and "
          "proprioception).",
          "Nervio accesorio (XI par craneal, motor); ramos ventrales de C3, C4 por el plexo cervical (dolor y "
          "propiocepción).")
ROTATOR_CUFF = T("as a rotator cuff muscle, holds the head of the humerus in the glenoid cavity",
                 "como músculo del manguito de los rotadores, mantiene la cabeza del húmero en la cavidad glenoidea")
RHOMBOID_ACTION = T(
    "Retracts the scapula and rotates it so that the glenoid cavity turns downward (downward rotation); holds the "
    "scapula against the thoracic wall.",
    "Retrae la escápula y la rota de modo que la cavidad glenoidea mira hacia abajo (rotación descendente); mantiene "
    "la escápula fija contra la pared torácica.")

# ------------------------------------------------------------------------------------------------------------
# Muscles, right side; the left side is the mirror ({s} in spans becomes _r / _l). Order: chest, upper back,
# shoulder, neck. Attachments, actions and nerves: Moore 8th ed. Tables 3.2, 3.4, 3.5 unless a comment says
# otherwise; Gray's 42nd ed. for the parts of pectoralis major and trapezius; TA2 for the Latin.
# ------------------------------------------------------------------------------------------------------------
MUSCLES = [
    dict(
        id="pec_major_clavicular", layer="superficial", group="chest", spans=["clavicle{s}", "humerus{s}"],
        name=T("Pectoralis major, clavicular part", "Pectoral mayor, porción clavicular"),
        latin="Musculus pectoralis major, pars clavicularis",
        origin=T("Anterior surface of the medial half of the clavicle.",
                 "Cara anterior de la mitad medial de la clavícula."),
        # Gray's 42nd: the clavicular fibres form the anterior lamina of the tendon and insert most distally.
        insertion=T("Lateral lip of the intertubercular sulcus (crest of the greater tubercle) of the humerus, "
                    "through the anterior lamina of the tendon; its fibres insert most distally.",
                    "Labio lateral del surco intertubercular (cresta del tubérculo mayor) del húmero, por la lámina "
                    "anterior del tendón; sus fibras son las de inserción más distal."),
        # Moore: acting alone, the clavicular head flexes the humerus; the whole muscle adducts and medially
        # rotates it. Gray's: the clavicular part flexes the arm and, with the sternocostal part, draws it forward
        # across the chest (horizontal adduction). It acts on the arm: it cannot pull the shoulder girdle down.
        action=T("Flexes the arm (brings it forward from extension); adducts and medially rotates the arm. "
                 "Horizontal adduction (bringing the arm, raised to the side, forward across the chest) is one of "
                 "its main actions.",
                 "Flexiona el brazo (lo lleva hacia delante desde la extensión); aduce y rota medialmente el brazo. "
                 "La aducción horizontal (llevar hacia delante, por delante del pecho, el brazo separado del "
                 "cuerpo) es una de sus acciones principales."),
        innervation=T("Lateral pectoral nerve; segmental supply of the clavicular part C5, C6.",
                      "Nervio pectoral lateral; inervación segmentaria de la porción clavicular C5, C6."),
        patient_line=T("The top strip of the chest muscle, from the collarbone to the arm: it lifts the arm forward "
                       "and brings it across the chest.",
                       "La franja superior del músculo del pecho, de la clavícula al brazo: eleva el brazo hacia "
                       "delante y lo lleva por delante del pecho."),
        trigger_points=[dict(
            location=T("Upper pectoralis major, just below the clavicle.",
                       "Parte alta del pectoral mayor, justo debajo de la clavícula."),
            referral=referral("the front of the shoulder (anterior deltoid area) and locally over the clavicular "
                              "fibres",
                              "la cara anterior del hombro (zona del deltoides anterior) y localmente sobre las "
                              "fibras claviculares"))],
        caution=ANGINA,
        sources=["gray42", "moore8", "ta2", "travell_simons"],
    ),
    dict(
        id="pec_major_sternal", layer="superficial", group="chest", spans=["thorax", "humerus{s}"],
        name=T("Pectoralis major, sternocostal part", "Pectoral mayor, porción esternocostal"),
        latin="Musculus pectoralis major, pars sternocostalis",
        # Gray's 42nd: manubrium and body of the sternum and the upper six costal cartilages.
        origin=T("Anterior surface of the manubrium and body of the sternum and the upper six costal cartilages.",
                 "Cara anterior del manubrio y del cuerpo del esternón y los seis primeros cartílagos costales."),
        insertion=T("Lateral lip of the intertubercular sulcus (crest of the greater tubercle) of the humerus; its "
                    "fibres twist so that the lower ones form the posterior lamina of the tendon and insert more "
                    "proximally.",
                    "Labio lateral del surco intertubercular (cresta del tubérculo mayor) del húmero; las fibras se "
                    "cruzan y las inferiores forman la lámina posterior del tendón, de inserción más proximal."),
        # Moore: adducts and medially rotates the humerus; the sternocostal head extends it from the flexed
        # position; the muscle draws the scapula anteriorly and inferiorly (through the humerus).
        action=T("Adducts and medially rotates the arm; extends the flexed arm back to the side of the body; "
                 "through the humerus it draws the shoulder girdle forward and down.",
                 "Aduce y rota medialmente el brazo; extiende el brazo flexionado hasta llevarlo junto al cuerpo; a "
                 "través del húmero lleva la cintura escapular hacia delante y hacia abajo."),
        innervation=T("Lateral and medial pectoral nerves; segmental supply of the sternocostal part C7, C8, T1.",
                      "Nervios pectorales lateral y medial; inervación segmentaria de la porción esternocostal C7, "
                      "C8, T1."),
        patient_line=T("The broad middle of the chest muscle, from the breastbone to the arm: it brings the arm in "
                       "toward the body and turns it inward, as in a hug.",
                       "La parte ancha y central del músculo del pecho, del esternón al brazo: acerca el brazo al "
                       "cuerpo y lo gira hacia dentro, como al abrazar."),
        trigger_points=[dict(
            location=T("Sternocostal fibres of pectoralis major, in the anterior axillary fold and near the sternum.",
                       "Fibras esternocostales del pectoral mayor, en el pliegue axilar anterior y cerca del "
                       "esternón."),
            referral=referral("the front of the chest and down the inner (ulnar) side of the arm to the medial "
                              "epicondyle; when intense, to the ulnar (little-finger) side of the hand",
                              "la cara anterior del tórax y, por la cara interna (cubital) del brazo, hasta el "
                              "epicóndilo medial; si es intenso, hasta el borde cubital de la mano (meñique)"))],
        caution=join(ANGINA, ULNAR),
        notes=T("Terminologia Anatomica divides pectoralis major into clavicular, sternocostal and abdominal parts; "
                "this entry is the sternocostal part (id pec_major_sternal, kept from earlier versions).",
                "La Terminologia Anatomica divide el pectoral mayor en porciones clavicular, esternocostal y "
                "abdominal; esta entrada es la porción esternocostal (id pec_major_sternal, conservado de versiones "
                "anteriores)."),
        sources=["gray42", "moore8", "ta2", "travell_simons", "sanders_annest_2017"],
    ),
    dict(
        id="pec_major_costal", layer="superficial", group="chest", spans=["thorax", "humerus{s}"],
        name=T("Pectoralis major, abdominal part", "Pectoral mayor, porción abdominal"),
        latin="Musculus pectoralis major, pars abdominalis",
        # Gray's 42nd: the abdominal part arises from the aponeurosis of external oblique (anterior rectus sheath).
        origin=T("Aponeurosis of the external oblique muscle (anterior layer of the rectus sheath), below the "
                 "sternocostal part.",
                 "Aponeurosis del músculo oblicuo externo del abdomen (hoja anterior de la vaina del recto), por "
                 "debajo de la porción esternocostal."),
        insertion=T("Lateral lip of the intertubercular sulcus of the humerus through the posterior lamina of the "
                    "tendon, the most proximal insertion of the muscle.",
                    "Labio lateral del surco intertubercular del húmero a través de la lámina posterior del tendón, "
                    "la inserción más proximal del músculo."),
        action=T("Adducts and medially rotates the arm; extends the flexed arm; through the humerus it depresses "
                 "the shoulder girdle.",
                 "Aduce y rota medialmente el brazo; extiende el brazo flexionado; a través del húmero hace "
                 "descender la cintura escapular."),
        innervation=T("Medial pectoral nerve (C8, T1), with the lateral pectoral nerve.",
                      "Nervio pectoral medial (C8, T1), junto con el nervio pectoral lateral."),
        patient_line=T("The lowest strip of the chest muscle, from the top of the belly wall to the arm: it pulls "
                       "the raised arm down and in.",
                       "La franja más baja del músculo del pecho, de la parte alta de la pared del abdomen al "
                       "brazo: baja el brazo levantado y lo acerca al cuerpo."),
        trigger_points=[dict(
            location=T("Lower lateral border of pectoralis major (abdominal and lowest sternocostal fibres).",
                       "Borde lateral inferior del pectoral mayor (fibras abdominales y esternocostales más "
                       "bajas)."),
            referral=referral("the breast, with tenderness and nipple hypersensitivity",
                              "la mama, con sensibilidad e hipersensibilidad del pezón"))],
        caution=join(ANGINA, BREAST),
        notes=T("The id pec_major_costal is kept from earlier versions of myoview; the structure is the abdominal "
                "part of pectoralis major (TA2 pars abdominalis), as segmented in BodyParts3D.",
                "El id pec_major_costal se conserva de versiones anteriores de myoview; la estructura es la porción "
                "abdominal del pectoral mayor (TA2 pars abdominalis), tal como la segmenta BodyParts3D."),
        sources=["gray42", "moore8", "ta2", "travell_simons"],
    ),
    dict(
        id="pec_minor", layer="deep", group="chest", spans=["thorax", "scapula{s}"],
        name=T("Pectoralis minor", "Pectoral menor"),
        latin="Musculus pectoralis minor",
        origin=T("Superior margins and outer surfaces of the 3rd–5th ribs near their costal cartilages, and the "
                 "fascia over the adjacent intercostal spaces.",
                 "Bordes superiores y caras externas de las costillas 3.ª–5.ª cerca de sus cartílagos costales, y "
                 "fascia de los espacios intercostales vecinos."),
        insertion=T("Medial border and superior surface of the coracoid process of the scapula.",
                    "Borde medial y cara superior de la apófisis coracoides de la escápula."),
        action=T("Stabilizes the scapula by drawing it inferiorly and anteriorly against the thoracic wall: "
                 "depression, protraction, internal rotation and anterior tilt of the scapula; with the scapula "
                 "fixed, elevates ribs 3–5 (accessory inspiration).",
                 "Estabiliza la escápula llevándola hacia abajo y hacia delante contra la pared torácica: descenso, "
                 "protracción, rotación interna e inclinación anterior de la escápula; con la escápula fija, eleva "
                 "las costillas 3.ª–5.ª (inspiración accesoria)."),
        innervation=T("Medial pectoral nerve (C8, T1), often with a contribution from the lateral pectoral nerve.",
                      "Nervio pectoral medial (C8, T1), a menudo con aporte del nervio pectoral lateral."),
        # Borstad & Ludewig 2005: a short pectoralis minor goes with more scapular internal rotation and less
        # posterior tilt (an association in healthy people, not a proven cause of posture).
        patient_line=T("A small, deep chest muscle from the 3rd to 5th ribs to the front of the shoulder blade. A "
                       "short one goes with a shoulder blade tipped forward and turned in: rounded shoulders.",
                       "Un pequeño músculo profundo del pecho, de las costillas 3.ª a 5.ª a la parte delantera del "
                       "omóplato. Un pectoral menor corto va unido a un omóplato inclinado hacia delante y girado "
                       "hacia dentro: hombros redondeados."),
        trigger_points=[
            dict(location=T("Near the coracoid insertion, below the clavicle.",
                            "Cerca de la inserción en la coracoides, bajo la clavícula."),
                 referral=referral("the front of the shoulder and chest, down the inner arm to the elbow and "
                                   "forearm, into the palm and the middle, ring and little fingers",
                                   "la cara anterior del hombro y del tórax y, por la cara interna del brazo, al "
                                   "codo, el antebrazo, la palma y los dedos medio, anular y meñique")),
            dict(location=T("Over the 3rd–5th ribs, near the muscle's costal origin.",
                            "Sobre las costillas 3.ª–5.ª, cerca del origen costal del músculo."),
                 referral=referral("the same areas: the front of the shoulder and chest, the inner arm, elbow, "
                                   "forearm, palm and the ulnar three fingers",
                                   "las mismas zonas: la cara anterior del hombro y del tórax, la cara interna del "
                                   "brazo, el codo, el antebrazo, la palma y los tres dedos cubitales")),
        ],
        caution=join(ANGINA, ULNAR),
        sources=["gray42", "moore8", "ta2", "travell_simons", "borstad_ludewig_2005", "sanders_annest_2017"],
    ),
    dict(
        id="subclavius", layer="deep", group="chest", spans=["thorax", "clavicle{s}"],
        name=T("Subclavius", "Subclavio"),
        latin="Musculus subclavius",
        origin=T("Junction of the 1st rib and its costal cartilage.",
                 "Unión de la 1.ª costilla con su cartílago costal."),
        insertion=T("Groove on the inferior surface of the middle third of the clavicle (groove for subclavius).",
                    "Surco de la cara inferior del tercio medio de la clavícula (surco del músculo subclavio)."),
        action=T("Anchors and depresses the clavicle, steadying it at the sternoclavicular joint during movements "
                 "of the shoulder.",
                 "Fija la clavícula y la hace descender, estabilizándola en la articulación esternoclavicular "
                 "durante los movimientos del hombro."),
        innervation=T("Nerve to subclavius (C5, C6).", "Nervio del subclavio (C5, C6)."),
        patient_line=T("A small muscle tucked under the collarbone, from the first rib: it steadies the collarbone.",
                       "Un pequeño músculo escondido bajo la clavícula, desde la primera costilla: estabiliza la "
                       "clavícula."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="serratus_anterior", layer="deep", group="chest", spans=["thorax", "scapula{s}"],
        name=T("Serratus anterior", "Serrato anterior"),
        latin="Musculus serratus anterior",
        origin=T("External surfaces of the lateral parts of the 1st–8th ribs.",
                 "Caras externas de las partes laterales de las costillas 1.ª–8.ª."),
        insertion=T("Anterior (costal) surface of the medial border of the scapula, from the superior to the "
                    "inferior angle.",
                    "Cara anterior (costal) del borde medial de la escápula, del ángulo superior al inferior."),
        action=T("Protracts the scapula and holds it against the thoracic wall; its lower fibres rotate the scapula "
                 "so that the glenoid cavity turns upward, allowing the arm to be raised above the head.",
                 "Protrae la escápula y la mantiene contra la pared torácica; sus fibras inferiores rotan la "
                 "escápula de modo que la cavidad glenoidea mira hacia arriba (rotación ascendente), lo que permite "
                 "elevar el brazo por encima de la cabeza."),
        innervation=T("Long thoracic nerve (C5, C6, C7).", "Nervio torácico largo (C5, C6, C7)."),
        patient_line=T("The muscle along the side of the ribs that keeps the shoulder blade flat on the chest and "
                       "helps lift the arm overhead.",
                       "El músculo del costado de las costillas que mantiene el omóplato pegado al tórax y ayuda a "
                       "levantar el brazo por encima de la cabeza."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="rhomboid_major", layer="deep", group="upper back", spans=["thorax", "scapula{s}"],
        name=T("Rhomboid major", "Romboides mayor"),
        latin="Musculus rhomboideus major",
        origin=T("Spinous processes of T2–T5 and the supraspinous ligaments between them.",
                 "Apófisis espinosas de T2–T5 y ligamentos supraespinosos correspondientes."),
        insertion=T("Medial border of the scapula from the level of the root of the spine to the inferior angle.",
                    "Borde medial de la escápula desde la altura de la raíz de la espina hasta el ángulo inferior."),
        action=RHOMBOID_ACTION,
        innervation=T("Dorsal scapular nerve (C4, C5).", "Nervio dorsal de la escápula (C4, C5)."),
        # Lynch et al. 2010: strengthening of the scapular retractors in an 8-week posture programme.
        patient_line=T("A flat muscle between the spine and the shoulder blade: it draws the shoulder blade back "
                       "toward the spine and holds it against the ribs. Upper-back exercise programmes strengthen "
                       "it.",
                       "Un músculo plano entre la columna y el omóplato: lleva el omóplato hacia la columna y lo "
                       "mantiene pegado a las costillas. Los programas de ejercicio de la espalda alta lo "
                       "fortalecen."),
        sources=["gray42", "moore8", "ta2", "lynch_2010"],
    ),
    dict(
        id="rhomboid_minor", layer="deep", group="upper back", spans=["thorax", "scapula{s}"],
        name=T("Rhomboid minor", "Romboides menor"),
        latin="Musculus rhomboideus minor",
        origin=T("Lower part of the nuchal ligament and spinous processes of C7 and T1.",
                 "Parte inferior del ligamento nucal y apófisis espinosas de C7 y T1."),
        # Gray's 42nd: the medial border at the root of the spine (the base of its smooth triangular area).
        insertion=T("Medial border of the scapula at the root of the spine of the scapula (the smooth triangular "
                    "area at the medial end of the spine), above rhomboid major.",
                    "Borde medial de la escápula en la raíz de la espina de la escápula (el área triangular lisa "
                    "del extremo medial de la espina), por encima del romboides mayor."),
        action=RHOMBOID_ACTION,
        innervation=T("Dorsal scapular nerve (C4, C5).", "Nervio dorsal de la escápula (C4, C5)."),
        patient_line=T("A narrow strap from the base of the neck to the shoulder blade, at the level of its spine: "
                       "it works with rhomboid major to draw the shoulder blade back.",
                       "Una banda estrecha desde la base del cuello hasta el omóplato, a la altura de su espina: "
                       "trabaja con el romboides mayor para llevar el omóplato hacia atrás."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="trapezius_upper", layer="superficial", group="neck", spans=["neck", "clavicle{s}"],
        name=T("Upper trapezius (descending part)", "Trapecio superior (porción descendente)"),
        latin="Musculus trapezius, pars descendens",
        origin=T("Medial third of the superior nuchal line, external occipital protuberance and the nuchal "
                 "ligament (ligamentum nuchae).",
                 "Tercio medial de la línea nucal superior, protuberancia occipital externa y ligamento nucal."),
        insertion=T("Posterior border of the lateral third of the clavicle.",
                    "Borde posterior del tercio lateral de la clavícula."),
        # Moore: the descending part elevates; descending and ascending parts together rotate the glenoid cavity
        # superiorly; bilaterally it extends the neck, unilaterally flexes it laterally. Gray's 42nd: acting
        # alone, the upper fibres turn the face to the opposite side.
        action=T("Elevates the shoulder girdle by lifting the lateral third of the clavicle, and with it the "
                 "scapula; with the ascending (lower) part, rotates the scapula upward (the glenoid cavity turns "
                 "up). Bilaterally, extends the head and neck; unilaterally, flexes the neck laterally to the same "
                 "side and rotates the face to the opposite side.",
                 "Eleva la cintura escapular al elevar el tercio lateral de la clavícula y, con ella, la escápula; "
                 "con la porción ascendente (inferior), rota la escápula hacia arriba (rotación ascendente: la "
                 "cavidad glenoidea mira hacia arriba). Bilateralmente, extiende la cabeza y el cuello; "
                 "unilateralmente, inclina el cuello hacia el mismo lado y gira la cara hacia el lado opuesto."),
        innervation=CN_XI,
        patient_line=T("The top of the shoulders up to the back of the skull: it shrugs the shoulders and helps "
                       "hold up and turn the head. Many people feel tension and soreness here.",
                       "La parte alta de los hombros hasta la parte posterior del cráneo: encoge los hombros y "
                       "ayuda a sostener y girar la cabeza. Mucha gente nota aquí tensión y dolor."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="trapezius_middle", layer="superficial", group="upper back", spans=["thorax", "scapula{s}"],
        name=T("Middle trapezius (transverse part)", "Trapecio medio (porción transversa)"),
        latin="Musculus trapezius, pars transversa",
        origin=T("Spinous processes and supraspinous ligaments of C7–T3.",
                 "Apófisis espinosas y ligamentos supraespinosos de C7–T3."),
        insertion=T("Medial margin of the acromion and superior lip of the spine of the scapula.",
                    "Borde medial del acromion y labio superior de la espina de la escápula."),
        action=T("Retracts the scapula (draws it toward the spine); steadies it during arm movements.",
                 "Retrae la escápula (la acerca a la columna); la estabiliza durante los movimientos del brazo."),
        innervation=CN_XI,
        patient_line=T("The band across the upper back that draws the shoulder blades together; exercises that "
                       "squeeze the shoulder blades back work it.",
                       "La banda que cruza la parte alta de la espalda y junta los omóplatos; los ejercicios que "
                       "llevan los omóplatos hacia atrás la trabajan."),
        sources=["gray42", "moore8", "ta2", "lynch_2010"],
    ),
    dict(
        id="trapezius_lower", layer="superficial", group="upper back", spans=["thorax", "scapula{s}"],
        name=T("Lower trapezius (ascending part)", "Trapecio inferior (porción ascendente)"),
        latin="Musculus trapezius, pars ascendens",
        origin=T("Spinous processes and supraspinous ligaments of T4–T12.",
                 "Apófisis espinosas y ligamentos supraespinosos de T4–T12."),
        insertion=T("Tubercle at the apex of the smooth triangular area at the medial end (root) of the spine of "
                    "the scapula.",
                    "Tubérculo del vértice del área triangular lisa del extremo medial (raíz) de la espina de la "
                    "escápula."),
        action=T("Depresses the scapula and, with the descending (upper) part, rotates it upward (the glenoid "
                 "cavity turns up); assists retraction.",
                 "Deprime la escápula (la hace descender) y, con la porción descendente (superior), la rota hacia "
                 "arriba (rotación ascendente); colabora en la retracción."),
        innervation=CN_XI,
        patient_line=T("The lower fan of the trapezius, which draws the shoulder blades down and back; "
                       "strengthening it is part of most posture exercise programmes.",
                       "El abanico inferior del trapecio, que lleva los omóplatos hacia abajo y atrás; fortalecerlo "
                       "forma parte de la mayoría de los programas de ejercicio postural."),
        sources=["gray42", "moore8", "ta2", "lynch_2010"],
    ),
    dict(
        id="latissimus_dorsi", layer="superficial", group="upper back", spans=["thorax", "humerus{s}"],
        name=T("Latissimus dorsi", "Dorsal ancho"),
        latin="Musculus latissimus dorsi",
        # Moore; Gray's 42nd adds the frequent slip from the inferior angle of the scapula.
        origin=T("Spinous processes of the lower six thoracic vertebrae (T7–T12), thoracolumbar fascia, iliac "
                 "crest and the lower three or four ribs; often a slip from the inferior angle of the scapula.",
                 "Apófisis espinosas de las seis últimas vértebras torácicas (T7–T12), fascia toracolumbar, "
                 "cresta ilíaca y las tres o cuatro últimas costillas; a menudo un fascículo del ángulo inferior "
                 "de la escápula."),
        insertion=T("Floor of the intertubercular sulcus of the humerus.",
                    "Fondo del surco intertubercular del húmero."),
        action=T("Extends, adducts and medially rotates the arm; raises the body toward the arms when climbing.",
                 "Extiende, aduce y rota medialmente el brazo; eleva el cuerpo hacia los brazos al trepar."),
        innervation=T("Thoracodorsal nerve (C6, C7, C8).", "Nervio toracodorsal (C6, C7, C8)."),
        patient_line=T("The broad muscle of the middle and lower back that sweeps up to the arm: it pulls the arm "
                       "down and back, as in rowing or climbing.",
                       "El músculo ancho de la parte media y baja de la espalda que sube hasta el brazo: tira del "
                       "brazo hacia abajo y hacia atrás, como al remar o trepar."),
        notes=T("The model has no pelvis: the origin from the iliac crest and the thoracolumbar fascia is carried "
                "by the thorax body.",
                "El modelo no tiene pelvis: el origen en la cresta ilíaca y la fascia toracolumbar lo lleva el "
                "cuerpo del tórax."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="deltoid_anterior", layer="superficial", group="shoulder", spans=["clavicle{s}", "humerus{s}"],
        name=T("Anterior deltoid (clavicular part)", "Deltoides anterior (porción clavicular)"),
        latin="Musculus deltoideus, pars clavicularis",
        origin=T("Anterior border and superior surface of the lateral third of the clavicle.",
                 "Borde anterior y cara superior del tercio lateral de la clavícula."),
        insertion=T("Deltoid tuberosity of the humerus.", "Tuberosidad deltoidea del húmero."),
        action=T("Flexes and medially rotates the arm; assists abduction and horizontal adduction.",
                 "Flexiona y rota medialmente el brazo; colabora en la abducción y en la aducción horizontal."),
        innervation=T("Axillary nerve (C5, C6).", "Nervio axilar (C5, C6)."),
        patient_line=T("The front of the shoulder cap, which lifts the arm forward and turns it inward.",
                       "La parte delantera del hombro, que eleva el brazo hacia delante y lo gira hacia dentro."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="deltoid_middle", layer="superficial", group="shoulder", spans=["scapula{s}", "humerus{s}"],
        name=T("Middle deltoid (acromial part)", "Deltoides medio (porción acromial)"),
        latin="Musculus deltoideus, pars acromialis",
        origin=T("Lateral margin and superior surface of the acromion.",
                 "Borde lateral y cara superior del acromion."),
        insertion=T("Deltoid tuberosity of the humerus.", "Tuberosidad deltoidea del húmero."),
        action=T("Abducts the arm at the glenohumeral joint, after supraspinatus has started the movement.",
                 "Abduce el brazo en la articulación glenohumeral, una vez que el supraespinoso ha iniciado el "
                 "movimiento."),
        innervation=T("Axillary nerve (C5, C6).", "Nervio axilar (C5, C6)."),
        patient_line=T("The side of the shoulder cap, which lifts the arm out to the side.",
                       "La parte lateral del hombro, que separa el brazo del cuerpo hacia el lado."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="deltoid_posterior", layer="superficial", group="shoulder", spans=["scapula{s}", "humerus{s}"],
        name=T("Posterior deltoid (spinal part)", "Deltoides posterior (porción espinal)"),
        latin="Musculus deltoideus, pars spinalis",
        origin=T("Inferior lip of the spine of the scapula.", "Labio inferior de la espina de la escápula."),
        insertion=T("Deltoid tuberosity of the humerus.", "Tuberosidad deltoidea del húmero."),
        # Moore: the spinal part extends and laterally rotates the arm. It crosses only the shoulder joint: it
        # moves the humerus and cannot hold the scapula back.
        action=T("Extends and laterally rotates the arm; horizontal abduction (draws the arm, raised to the side, "
                 "backward).",
                 "Extiende y rota lateralmente el brazo; abducción horizontal (lleva hacia atrás el brazo separado "
                 "del cuerpo)."),
        innervation=T("Axillary nerve (C5, C6).", "Nervio axilar (C5, C6)."),
        patient_line=T("The back of the shoulder cap, which draws the arm backward and turns it outward.",
                       "La parte trasera del hombro, que lleva el brazo hacia atrás y lo gira hacia fuera."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="supraspinatus", layer="deep", group="shoulder", spans=["scapula{s}", "humerus{s}"],
        name=T("Supraspinatus", "Supraespinoso"),
        latin="Musculus supraspinatus",
        origin=T("Supraspinous fossa of the scapula and its deep fascia.",
                 "Fosa supraespinosa de la escápula y su fascia profunda."),
        insertion=T("Superior facet of the greater tubercle of the humerus; its tendon passes under the acromion.",
                    "Carilla superior del tubérculo mayor del húmero; su tendón pasa bajo el acromion."),
        action=T("Initiates abduction of the arm and assists the deltoid through the rest of it; "
                 f"{ROTATOR_CUFF['en']}.",
                 "Inicia la abducción del brazo y ayuda al deltoides durante el resto del movimiento; "
                 f"{ROTATOR_CUFF['es']}."),
        innervation=T("Suprascapular nerve (C4, C5, C6).", "Nervio supraescapular (C4, C5, C6)."),
        patient_line=T("A rotator cuff muscle on top of the shoulder blade: it starts lifting the arm out to the "
                       "side and keeps the ball of the shoulder centred in its socket.",
                       "Un músculo del manguito de los rotadores, encima del omóplato: empieza a separar el brazo "
                       "hacia el lado y mantiene la cabeza del húmero centrada en su cavidad."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="infraspinatus", layer="deep", group="shoulder", spans=["scapula{s}", "humerus{s}"],
        name=T("Infraspinatus", "Infraespinoso"),
        latin="Musculus infraspinatus",
        origin=T("Infraspinous fossa of the scapula and its deep fascia.",
                 "Fosa infraespinosa de la escápula y su fascia profunda."),
        insertion=T("Middle facet of the greater tubercle of the humerus.",
                    "Carilla media del tubérculo mayor del húmero."),
        action=T(f"Laterally rotates the arm; {ROTATOR_CUFF['en']}.",
                 f"Rota lateralmente el brazo; {ROTATOR_CUFF['es']}."),
        innervation=T("Suprascapular nerve (C5, C6).", "Nervio supraescapular (C5, C6)."),
        patient_line=T("A rotator cuff muscle covering most of the back of the shoulder blade: it turns the arm "
                       "outward.",
                       "Un músculo del manguito de los rotadores que cubre casi toda la parte posterior del "
                       "omóplato: gira el brazo hacia fuera."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="teres_minor", layer="deep", group="shoulder", spans=["scapula{s}", "humerus{s}"],
        name=T("Teres minor", "Redondo menor"),
        latin="Musculus teres minor",
        origin=T("Middle part of the lateral border of the scapula.", "Parte media del borde lateral de la escápula."),
        insertion=T("Inferior facet of the greater tubercle of the humerus.",
                    "Carilla inferior del tubérculo mayor del húmero."),
        action=T(f"Laterally rotates the arm; {ROTATOR_CUFF['en']}.",
                 f"Rota lateralmente el brazo; {ROTATOR_CUFF['es']}."),
        innervation=T("Axillary nerve (C5, C6).", "Nervio axilar (C5, C6)."),
        patient_line=T("A small rotator cuff muscle along the outer edge of the shoulder blade: it helps turn the "
                       "arm outward.",
                       "Un pequeño músculo del manguito de los rotadores, a lo largo del borde externo del omóplato: "
                       "ayuda a girar el brazo hacia fuera."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="subscapularis", layer="deep", group="shoulder", spans=["scapula{s}", "humerus{s}"],
        name=T("Subscapularis", "Subescapular"),
        latin="Musculus subscapularis",
        origin=T("Subscapular fossa (most of the anterior, costal surface of the scapula).",
                 "Fosa subescapular (casi toda la cara anterior o costal de la escápula)."),
        insertion=T("Lesser tubercle of the humerus.", "Tubérculo menor del húmero."),
        action=T(f"Medially rotates the arm; {ROTATOR_CUFF['en']}.",
                 f"Rota medialmente el brazo; {ROTATOR_CUFF['es']}."),
        innervation=T("Upper and lower subscapular nerves (C5, C6, C7).",
                      "Nervios subescapulares superior e inferior (C5, C6, C7)."),
        patient_line=T("The rotator cuff muscle on the underside of the shoulder blade, against the ribs: it turns "
                       "the arm inward and steadies the front of the shoulder joint.",
                       "El músculo del manguito de los rotadores en la cara interna del omóplato, contra las "
                       "costillas: gira el brazo hacia dentro y estabiliza la parte delantera de la articulación "
                       "del hombro."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="teres_major", layer="superficial", group="shoulder", spans=["scapula{s}", "humerus{s}"],
        name=T("Teres major", "Redondo mayor"),
        latin="Musculus teres major",
        origin=T("Posterior surface of the inferior angle of the scapula.",
                 "Cara posterior del ángulo inferior de la escápula."),
        insertion=T("Medial lip (crest of the lesser tubercle) of the intertubercular sulcus of the humerus.",
                    "Labio medial (cresta del tubérculo menor) del surco intertubercular del húmero."),
        # Moore: adducts and medially rotates the arm; Gray's 42nd: also helps extend the flexed arm.
        action=T("Adducts and medially rotates the arm; helps extend it from the flexed position.",
                 "Aduce y rota medialmente el brazo; ayuda a extenderlo desde la flexión."),
        innervation=T("Lower subscapular nerve (C5, C6).", "Nervio subescapular inferior (C5, C6)."),
        patient_line=T("A thick, round muscle from the lower corner of the shoulder blade to the arm: it works with "
                       "latissimus dorsi to pull the arm down and in. It is not part of the rotator cuff.",
                       "Un músculo grueso y redondeado desde la esquina inferior del omóplato hasta el brazo: "
                       "trabaja con el dorsal ancho para bajar el brazo y acercarlo al cuerpo. No forma parte del "
                       "manguito de los rotadores."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="levator_scapulae", layer="deep", group="neck", spans=["neck", "scapula{s}"],
        name=T("Levator scapulae", "Elevador de la escápula"),
        latin="Musculus levator scapulae",
        origin=T("Transverse processes of C1 and C2 and posterior tubercles of the transverse processes of C3 "
                 "and C4.",
                 "Apófisis transversas de C1 y C2 y tubérculos posteriores de las apófisis transversas de C3 y C4."),
        insertion=T("Medial border of the scapula from the superior angle to the root of the spine.",
                    "Borde medial de la escápula desde el ángulo superior hasta la raíz de la espina."),
        action=T("Elevates the scapula and rotates it so that the glenoid cavity turns downward (downward "
                 "rotation); with the scapula fixed, flexes the neck laterally to the same side.",
                 "Eleva la escápula y la rota de modo que la cavidad glenoidea mira hacia abajo (rotación "
                 "descendente); con la escápula fija, inclina el cuello hacia el mismo lado."),
        innervation=T("Dorsal scapular nerve (C5) and branches of the cervical spinal nerves (C3, C4).",
                      "Nervio dorsal de la escápula (C5) y ramos de los nervios espinales cervicales (C3, C4)."),
        # Travell & Simons: one of the muscles most often involved in a stiff neck.
        patient_line=T("A strap from the side of the neck to the top corner of the shoulder blade: it lifts the "
                       "shoulder blade and bends the neck to the side. A common place to feel neck stiffness.",
                       "Una banda desde el lado del cuello hasta la esquina superior del omóplato: eleva el "
                       "omóplato e inclina el cuello hacia el lado. Un lugar frecuente de rigidez de cuello."),
        sources=["gray42", "moore8", "ta2", "travell_simons"],
    ),
    dict(
        id="sternocleidomastoid", layer="superficial", group="neck", spans=["thorax", "head"],
        name=T("Sternocleidomastoid", "Esternocleidomastoideo"),
        latin="Musculus sternocleidomastoideus",
        origin=T("Sternal head: anterior surface of the manubrium of the sternum; clavicular head: superior "
                 "surface of the medial third of the clavicle.",
                 "Cabeza esternal: cara anterior del manubrio del esternón; cabeza clavicular: cara superior del "
                 "tercio medial de la clavícula."),
        insertion=T("Lateral surface of the mastoid process of the temporal bone and lateral half of the superior "
                    "nuchal line.",
                    "Cara lateral de la apófisis mastoides del temporal y mitad lateral de la línea nucal "
                    "superior."),
        action=T("Unilaterally: flexes the neck laterally to the same side and rotates the head so the face turns "
                 "to the opposite side and upward. Bilaterally: flexes the cervical spine (chin toward the "
                 "sternum) or, with the upper neck extended at the atlanto-occipital joints, thrusts the head "
                 "forward; with the head fixed, elevates the sternum and clavicles in forced inspiration.",
                 "Unilateralmente: inclina el cuello hacia el mismo lado y rota la cabeza de modo que la cara se "
                 "gira hacia el lado contrario y hacia arriba. Bilateralmente: flexiona la columna cervical "
                 "(mentón hacia el esternón) o, con el cuello alto extendido en las articulaciones "
                 "atlantooccipitales, proyecta la cabeza hacia delante; con la cabeza fija, eleva el esternón y "
                 "las clavículas en la inspiración forzada."),
        innervation=T("Spinal accessory nerve (CN XI, motor); C2, C3 (pain and proprioception).",
                      "Nervio accesorio (XI par craneal, motor); C2, C3 (dolor y propiocepción)."),
        patient_line=T("The strap on each side of the front of the neck, from behind the ear to the breastbone and "
                       "collarbone: it turns and tilts the head; both together bend the neck forward.",
                       "La banda a cada lado de la parte delantera del cuello, de detrás de la oreja al esternón y "
                       "la clavícula: gira e inclina la cabeza; las dos juntas flexionan el cuello."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="splenius_capitis", layer="deep", group="neck", spans=["thorax", "head"],
        name=T("Splenius capitis", "Esplenio de la cabeza"),
        latin="Musculus splenius capitis",
        origin=T("Inferior half of the nuchal ligament and spinous processes of C7–T3 (or T4).",
                 "Mitad inferior del ligamento nucal y apófisis espinosas de C7–T3 (o T4)."),
        insertion=T("Lateral aspect of the mastoid process and lateral third of the superior nuchal line, deep to "
                    "sternocleidomastoid.",
                    "Cara lateral de la apófisis mastoides y tercio lateral de la línea nucal superior, por debajo "
                    "del esternocleidomastoideo."),
        action=T("Bilaterally: extends the head and neck; unilaterally: flexes the neck laterally and rotates the "
                 "head to the same side.",
                 "Bilateralmente: extiende la cabeza y el cuello; unilateralmente: inclina el cuello y rota la "
                 "cabeza hacia el mismo lado."),
        innervation=T("Lateral branches of the posterior (dorsal) rami of the middle cervical spinal nerves (mainly "
                      "C3, C4).",
                      "Ramos laterales de los ramos posteriores (dorsales) de los nervios espinales cervicales "
                      "medios (principalmente C3, C4)."),
        patient_line=T("A deep muscle at the back of the neck that holds the head up and turns it to its own side.",
                       "Un músculo profundo de la nuca que sostiene la cabeza y la gira hacia su propio lado."),
        sources=MUSCLE_SOURCES,
    ),
    dict(
        id="splenius_cervicis", layer="deep", group="neck", spans=["thorax", "neck"],
        name=T("Splenius cervicis", "Esplenio del cuello"),
        latin="Musculus splenius cervicis",
        origin=T("Spinous processes of T3–T6 and the supraspinous ligaments between them.",
                 "Apófisis espinosas de T3–T6 y ligamentos supraespinosos correspondientes."),
        insertion=T("Posterior tubercles of the transverse processes of C1–C3 (sometimes C4).",
                    "Tubérculos posteriores de las apófisis transversas de C1–C3 (a veces C4)."),
        action=T("Bilaterally: extends the neck; unilaterally: flexes the neck laterally and rotates it to the "
                 "same side.",
                 "Bilateralmente: extiende el cuello; unilateralmente: lo inclina y lo rota hacia el mismo lado."),
        # Gray's 42nd: lateral branches of the dorsal rami of the lower cervical spinal nerves; the levels given
        # differ between accounts (C5-C6 to C4-C8).
        innervation=T("Lateral branches of the posterior (dorsal) rami of the lower cervical spinal nerves (about "
                      "C5–C8; accounts differ).",
                      "Ramos laterales de los ramos posteriores (dorsales) de los nervios espinales cervicales "
                      "inferiores (aproximadamente C5–C8; las fuentes difieren)."),
        patient_line=T("A deep strap beside splenius capitis, from the upper back to the top of the neck: it holds "
                       "the neck upright and turns it.",
                       "Una banda profunda junto al esplenio de la cabeza, de la parte alta de la espalda a la parte "
                       "alta del cuello: mantiene el cuello erguido y lo gira."),
        sources=MUSCLE_SOURCES,
    ),
]

# ------------------------------------------------------------------------------------------------------------
# Bones. Landmarks (notes) are what a teacher points at; levels and features after Moore 8th ed. (surface anatomy
# of the thorax, back and upper limb) and Gray's 42nd ed.
# ------------------------------------------------------------------------------------------------------------
EN_ORDINAL = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
              "Eleventh", "Twelfth"]
ES_ORDINAL_F = ["Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava", "Novena",
                "Décima", "Undécima", "Duodécima"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
SIDES = [("_r", "right", T("right", "derech")), ("_l", "left", T("left", "izquierd"))]


def sided_name(name, gender, side_words):
    """'Clavicle (right)' / 'Clavícula derecha': gender 'f' or 'm' picks the Spanish ending."""
    ending = "a" if gender == "f" else "o"
    return T(f"{name['en']} ({side_words['en']})", f"{name['es']} {side_words['es']}{ending}")


def bone(id, body, group, name, latin, patient_line, notes=None, gender=None):
    return dict(id=id, kind="bone", body=body, group=group, name=name, latin=latin, patient_line=patient_line,
                notes=notes, gender=gender)


STERNUM = [
    bone("manubrium", "thorax", "thorax", T("Manubrium of the sternum", "Manubrio del esternón"), "Manubrium sterni",
         T("The top piece of the breastbone: the notch you feel at the base of the neck is its upper edge, and the "
           "collarbones meet it on either side.",
           "La pieza superior del esternón: la escotadura que se nota en la base del cuello es su borde superior, y "
           "las clavículas se unen a ella a cada lado."),
         T("Landmarks: jugular (suprasternal) notch; clavicular notches of the sternoclavicular joints; the 1st "
           "costal cartilage. Its joint with the body of the sternum (manubriosternal joint) forms the sternal "
           "angle, level with the 2nd costal cartilages and the T4/T5 intervertebral disc: the place to start "
           "counting ribs. The sternal head of sternocleidomastoid arises from its front.",
           "Referencias: escotadura yugular (supraesternal); escotaduras claviculares de las articulaciones "
           "esternoclaviculares; el 1.er cartílago costal. Su unión con el cuerpo del esternón (articulación "
           "manubrioesternal) forma el ángulo esternal, a la altura de los 2.os cartílagos costales y del disco "
           "intervertebral T4/T5: el punto de partida para contar las costillas. La cabeza esternal del "
           "esternocleidomastoideo se origina en su cara anterior.")),
    bone("sternum_body", "thorax", "thorax", T("Body of the sternum", "Cuerpo del esternón"), "Corpus sterni",
         T("The long middle piece of the breastbone; the cartilages of the 2nd to 7th ribs join its edges.",
           "La pieza central y larga del esternón; los cartílagos de las costillas 2.ª a 7.ª se unen a sus bordes."),
         T("Landmarks: the sternal angle at its upper end (manubriosternal joint, level with the 2nd costal "
           "cartilages and the T4/T5 disc); costal notches for the 2nd (in part) to 7th costal cartilages; the "
           "xiphisternal joint at its lower end (about the level of T9).",
           "Referencias: el ángulo esternal en su extremo superior (articulación manubrioesternal, a la altura de "
           "los 2.os cartílagos costales y del disco T4/T5); escotaduras costales para los cartílagos 2.º (en "
           "parte) a 7.º; la articulación xifoesternal en su extremo inferior (a la altura de T9, "
           "aproximadamente).")),
    bone("xiphoid_process", "thorax", "thorax", T("Xiphoid process", "Apófisis xifoides"), "Processus xiphoideus",
         T("The small tip at the lower end of the breastbone; its shape varies from person to person, and a small "
           "bump here is normal.",
           "La pequeña punta del extremo inferior del esternón; su forma varía de una persona a otra, y notar aquí "
           "un pequeño bulto es normal."),
         T("Landmarks: the xiphisternal joint (about the level of T9). Cartilaginous in young people, it ossifies "
           "in part in adults, often after 40. The linea alba and fibres of the diaphragm attach to it.",
           "Referencias: la articulación xifoesternal (a la altura de T9, aproximadamente). Cartilaginosa en los "
           "jóvenes, se osifica en parte en la edad adulta, a menudo después de los 40 años. En ella se fijan la "
           "línea alba y fibras del diafragma.")),
]


def rib_texts(n):
    """Patient line and landmarks of rib n (1-12): Moore 8th ed. (thoracic wall), Gray's 42nd ed."""
    en_ord, es_ord = EN_ORDINAL[n - 1].lower(), ES_ORDINAL_F[n - 1].lower()
    if n == 1:
        line = T("The first rib, short, flat and strongly curved, hidden under the collarbone; its cartilage joins "
                 "the top of the breastbone. Subclavius and serratus anterior arise from it.",
                 "La primera costilla, corta, plana y muy curvada, escondida bajo la clavícula; su cartílago se une "
                 "a la parte alta del esternón. En ella se originan el subclavio y el serrato anterior.")
        notes = T("Landmarks: scalene tubercle on its inner border (anterior scalene attaches); grooves for the "
                  "subclavian vein in front of it and the subclavian artery behind it; a single facet on the head, "
                  "for T1. Subclavius arises at its junction with the 1st costal cartilage; the first digitation "
                  "of serratus anterior arises from its outer surface.",
                  "Referencias: tubérculo del escaleno en su borde interno (se fija el escaleno anterior); surcos "
                  "de la vena subclavia por delante y de la arteria subclavia por detrás; una sola carilla en la "
                  "cabeza, para T1. El subclavio se origina en su unión con el 1.er cartílago costal; la primera "
                  "digitación del serrato anterior se origina en su cara externa.")
    elif n == 2:
        line = T("The second rib; its cartilage meets the breastbone at the ridge you can feel a few fingers below "
                 "the notch at the base of the neck (the sternal angle), where counting ribs starts. Serratus "
                 "anterior arises from it.",
                 "La segunda costilla; su cartílago se une al esternón en el relieve que se nota unos dedos por "
                 "debajo de la escotadura de la base del cuello (el ángulo esternal), donde se empieza a contar las "
                 "costillas. En ella se origina el serrato anterior.")
        notes = T("Landmarks: tuberosity for serratus anterior on its outer surface; its cartilage meets the "
                  "sternum at the sternal angle (T4/T5 disc level): count ribs and intercostal spaces down from "
                  "here.",
                  "Referencias: tuberosidad del serrato anterior en su cara externa; su cartílago se une al "
                  "esternón en el ángulo esternal (a la altura del disco T4/T5): desde aquí se cuentan hacia abajo "
                  "las costillas y los espacios intercostales.")
    else:
        if n <= 7:
            kind = T("A true rib: its own cartilage joins the breastbone.",
                     "Una costilla verdadera: su propio cartílago se une al esternón.")
        elif n <= 10:
            kind = T("A false rib: its cartilage joins the cartilage above it, not the breastbone.",
                     "Una costilla falsa: su cartílago se une al cartílago de encima, no al esternón.")
        else:
            kind = T("A floating rib: short, with no attachment at the front.",
                     "Una costilla flotante: corta, sin unión por delante.")
        # Muscles arising from the rib: pectoralis minor 3-5, serratus anterior 1-8 (Moore Table 3.2), latissimus
        # dorsi from the lower three or four ribs (Moore Table 3.4).
        muscles_en, muscles_es = [], []
        if 3 <= n <= 5:
            muscles_en.append("pectoralis minor")
            muscles_es.append("el pectoral menor")
        if n <= 8:
            muscles_en.append("serratus anterior")
            muscles_es.append("el serrato anterior")
        if n >= 9:
            muscles_en.append("latissimus dorsi")
            muscles_es.append("el dorsal ancho")
        often = T(" often", " a menudo") if n == 9 else T("", "")
        if len(muscles_en) == 2:
            arise = T(f" {muscles_en[0].capitalize()} and {muscles_en[1]} arise from it.",
                      f" En ella se originan {muscles_es[0]} y {muscles_es[1]}.")
        else:
            arise = T(f" {muscles_en[0].capitalize()}{often['en']} arises from it.",
                      f" En ella se origina{often['es']} {muscles_es[0]}.")
        line = T(f"The {en_ord} rib. {kind['en']}{arise['en']}", f"La {es_ord} costilla. {kind['es']}{arise['es']}")
        if n <= 9:
            notes = T("A typical rib: a head with two facets (for its own vertebra and the one above), neck, tubercle "
                      "(joint with the transverse process), angle, and a costal groove under the lower border for "
                      "the intercostal vein, artery and nerve.",
                      "Una costilla típica: cabeza con dos carillas (para su vértebra y la de encima), cuello, "
                      "tubérculo (articulación con la apófisis transversa), ángulo y surco costal bajo el borde "
                      "inferior para la vena, la arteria y el nervio intercostales.")
        elif n == 10:
            notes = T("Atypical: a single facet on its head, for T10. Its cartilage forms part of the costal margin.",
                      "Atípica: una sola carilla en la cabeza, para T10. Su cartílago forma parte del reborde costal.")
        else:
            notes = T(f"Atypical: short, with no neck or tubercle and a single facet on the head, for T{n}; its tip "
                      "ends in the muscles of the abdominal wall.",
                      f"Atípica: corta, sin cuello ni tubérculo y con una sola carilla en la cabeza, para T{n}; su "
                      "punta termina entre los músculos de la pared abdominal.")
    return line, notes


def rib_latin(n):
    kind = "costa vera" if n <= 7 else ("costa spuria" if n <= 10 else "costa fluctuans")
    if n == 1:
        return "Costa prima [costa I]"
    if n == 2:
        return "Costa secunda [costa II]"
    return f"Costa {ROMAN[n - 1]} ({kind})"


RIBS = [bone(f"rib_{n}", "thorax", "thorax",
             T(f"{EN_ORDINAL[n - 1]} rib", f"Costilla {n}.ª"), rib_latin(n), *rib_texts(n), gender="f")
        for n in range(1, 13)]


def cartilage_texts(n):
    """Costal cartilages 1-10 (Moore 8th ed.: sternocostal and interchondral joints, the costal margin)."""
    en_ord = EN_ORDINAL[n - 1].lower()
    es_ord = ["primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima", "octava", "novena",
              "décima"][n - 1]
    if n == 1:
        line = T("The cartilage of the first rib, joining it to the top piece of the breastbone; subclavius and the "
                 "sternocostal part of the chest muscle arise here.",
                 "El cartílago de la primera costilla, que la une a la pieza superior del esternón; aquí se originan "
                 "el subclavio y la porción esternocostal del pectoral mayor.")
        notes = T("Joins the manubrium by a synchondrosis (the 1st sternocostal joint has no joint cavity).",
                  "Se une al manubrio por una sincondrosis (la 1.ª articulación esternocostal no tiene cavidad "
                  "articular).")
    elif n == 2:
        line = T("The cartilage of the second rib; it joins the breastbone at the sternal angle, the ridge you can "
                 "feel near the top of the breastbone. Part of pectoralis major arises from it.",
                 "El cartílago de la segunda costilla; se une al esternón en el ángulo esternal, el relieve que se "
                 "nota cerca de la parte alta del esternón. En él se origina parte del pectoral mayor.")
        notes = T("Landmark: joins both the manubrium and the body of the sternum at the sternal angle (T4/T5 disc "
                  "level); the 2nd intercostal space lies just below it.",
                  "Referencia: se une al manubrio y al cuerpo del esternón en el ángulo esternal (a la altura del "
                  "disco T4/T5); el 2.º espacio intercostal queda justo debajo.")
    elif n <= 6:
        line = T(f"The cartilage of the {en_ord} rib, joining it to the breastbone; part of pectoralis major arises "
                 "from it.",
                 f"El cartílago de la {es_ord} costilla, que la une al esternón; en él se origina parte del pectoral "
                 "mayor.")
        notes = T("Joins the body of the sternum at a synovial sternocostal joint.",
                  "Se une al cuerpo del esternón por una articulación esternocostal sinovial.")
    elif n == 7:
        line = T("The cartilage of the seventh rib, the last to reach the breastbone, beside its lower tip.",
                 "El cartílago de la séptima costilla, el último que llega al esternón, junto a su punta inferior.")
        notes = T("Joins the sternum near the xiphisternal joint; the 7th to 10th cartilages form the costal margin.",
                  "Se une al esternón cerca de la articulación xifoesternal; los cartílagos 7.º a 10.º forman el "
                  "reborde costal.")
    else:
        line = T(f"The cartilage of the {en_ord} rib; it joins the cartilage above and forms part of the lower edge "
                 "of the rib cage (costal margin).",
                 f"El cartílago de la {es_ord} costilla; se une al cartílago de encima y forma parte del borde "
                 "inferior de la caja torácica (reborde costal).")
        notes = T("Joins the cartilage above at an interchondral joint; part of the costal margin.",
                  "Se une al cartílago de encima por una articulación intercondral; forma parte del reborde costal.")
    return line, notes


CARTILAGES = [bone(f"costal_cartilage_{n}", "thorax", "thorax",
                   T(f"{EN_ORDINAL[n - 1]} costal cartilage", f"Cartílago costal {n}.º"),
                   f"Cartilago costalis {ROMAN[n - 1]}", *cartilage_texts(n), gender="m")
              for n in range(1, 11)]


def cervical(n):
    """C1-C7: Moore 8th ed. (cervical vertebrae, surface anatomy of the back), Gray's 42nd ed."""
    if n == 1:
        return bone("vertebra_c1", "neck", "spine", T("Atlas (first cervical vertebra, C1)",
                                                      "Atlas (primera vértebra cervical, C1)"),
                    "Atlas [vertebra cervicalis I]",
                    T("The top bone of the neck, a ring that carries the skull: nodding 'yes' happens between it "
                      "and the skull.",
                      "El hueso más alto del cuello, un anillo que sostiene el cráneo: el gesto de asentir («sí») "
                      "ocurre entre él y el cráneo."),
                    T("Landmarks: no body and no spinous process; anterior and posterior arches; lateral masses "
                      "whose upper facets take the occipital condyles (atlanto-occipital joints); long transverse "
                      "processes, from which levator scapulae arises and on which splenius cervicis inserts.",
                      "Referencias: sin cuerpo ni apófisis espinosa; arcos anterior y posterior; masas laterales "
                      "cuyas carillas superiores reciben los cóndilos occipitales (articulaciones "
                      "atlantooccipitales); apófisis transversas largas, donde se origina el elevador de la "
                      "escápula y se inserta el esplenio del cuello."))
    if n == 2:
        return bone("vertebra_c2", "neck", "spine", T("Axis (second cervical vertebra, C2)",
                                                      "Axis (segunda vértebra cervical, C2)"),
                    "Axis [vertebra cervicalis II]",
                    T("The second neck bone, with an upward peg (the dens) that the atlas turns around: shaking "
                      "the head 'no' happens here.",
                      "El segundo hueso del cuello, con un saliente hacia arriba (la apófisis odontoides) alrededor "
                      "del cual gira el atlas: aquí ocurre el gesto de negar con la cabeza («no»)."),
                    T("Landmarks: the dens (odontoid process), pivot of the median atlanto-axial joint; a large "
                      "bifid spinous process, the first bony point felt in the midline below the occiput. Levator "
                      "scapulae arises from its transverse process; splenius cervicis inserts on it.",
                      "Referencias: la apófisis odontoides (diente), eje de la articulación atlantoaxial media; "
                      "una apófisis espinosa grande y bífida, el primer relieve óseo que se palpa en la línea media "
                      "por debajo del occipital. En su apófisis transversa se origina el elevador de la escápula y "
                      "se inserta el esplenio del cuello."))
    if n == 7:
        return bone("vertebra_c7", "neck", "spine", T("Seventh cervical vertebra (C7, vertebra prominens)",
                                                      "Séptima vértebra cervical (C7, vértebra prominente)"),
                    "Vertebra prominens [vertebra cervicalis VII]",
                    T("The bone at the base of the neck whose long spine you can see and feel when you bend your "
                      "head forward.",
                      "El hueso de la base del cuello cuya apófisis espinosa larga se ve y se palpa al inclinar la "
                      "cabeza hacia delante."),
                    T("Landmarks: vertebra prominens, with a long, non-bifid spinous process, usually the first "
                      "spine clearly felt at the base of the neck (T1's is often as prominent). Its transverse "
                      "foramina are small; the vertebral artery usually does not pass through them. Trapezius, "
                      "rhomboid minor and splenius capitis arise from its spinous process.",
                      "Referencias: vértebra prominente, con una apófisis espinosa larga y no bífida, normalmente la "
                      "primera que se palpa con claridad en la base del cuello (la de T1 suele ser igual de "
                      "prominente). Sus agujeros transversos son pequeños; la arteria vertebral no suele pasar por "
                      "ellos. En su apófisis espinosa se originan el trapecio, el romboides menor y el esplenio de "
                      "la cabeza."))
    extra = {
        3: T(" Levator scapulae arises from its posterior tubercles and splenius cervicis inserts on them.",
             " En sus tubérculos posteriores se origina el elevador de la escápula y se inserta el esplenio del "
             "cuello."),
        4: T(" Levator scapulae arises from its posterior tubercles.",
             " En sus tubérculos posteriores se origina el elevador de la escápula."),
        5: T("", ""),
        6: T(" The anterior tubercle of its transverse process (carotid tubercle) can be felt deep in the front of "
             "the neck; C6 lies at the level of the cricoid cartilage.",
             " El tubérculo anterior de su apófisis transversa (tubérculo carotídeo) se palpa en la profundidad de "
             "la parte anterior del cuello; C6 está a la altura del cartílago cricoides."),
    }[n]
    return bone(f"vertebra_c{n}", "neck", "spine",
                T(f"{EN_ORDINAL[n - 1]} cervical vertebra (C{n})", f"{ES_ORDINAL_F[n - 1]} vértebra cervical (C{n})"),
                f"Vertebra cervicalis {ROMAN[n - 1]}",
                T("One of the seven neck bones that carry the head; the neck bends and turns across the joints "
                  "between them.",
                  "Una de las siete vértebras del cuello que sostienen la cabeza; el cuello se flexiona y gira en "
                  "las articulaciones entre ellas."),
                T("A typical cervical vertebra: small body, transverse foramina for the vertebral artery, short "
                  "bifid spinous process." + extra["en"],
                  "Una vértebra cervical típica: cuerpo pequeño, agujeros transversos para la arteria vertebral, "
                  "apófisis espinosa corta y bífida." + extra["es"]))


def thoracic(n):
    """T1-T12: Moore 8th ed. (thoracic vertebrae; scapular and sternal levels), Gray's 42nd ed."""
    if n in (1, 10, 11, 12):
        typical = T("An atypical thoracic vertebra.", "Una vértebra torácica atípica.")
    else:
        typical = T("A typical thoracic vertebra: heart-shaped body with costal facets for the heads of the ribs, "
                    "costal facets on the transverse processes for the rib tubercles, and a long spinous process "
                    "sloping down.",
                    "Una vértebra torácica típica: cuerpo en forma de corazón con carillas costales para las "
                    "cabezas de las costillas, carillas costales en las apófisis transversas para los tubérculos "
                    "costales y una apófisis espinosa larga inclinada hacia abajo.")
    # Muscles arising from the spinous processes: trapezius C7-T12 (middle C7-T3, lower T4-T12), rhomboid minor
    # C7-T1, rhomboid major T2-T5, splenius capitis C7-T3/T4, splenius cervicis T3-T6, latissimus dorsi T7-T12.
    origins_en, origins_es = ["trapezius"], ["el trapecio"]
    if n == 1:
        origins_en.append("rhomboid minor")
        origins_es.append("el romboides menor")
    if 2 <= n <= 5:
        origins_en.append("rhomboid major")
        origins_es.append("el romboides mayor")
    if n <= 3:
        origins_en.append("splenius capitis")
        origins_es.append("el esplenio de la cabeza")
    if 3 <= n <= 6:
        origins_en.append("splenius cervicis")
        origins_es.append("el esplenio del cuello")
    if n >= 7:
        origins_en.append("latissimus dorsi")
        origins_es.append("el dorsal ancho")

    def listing(items, conj):
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conj} " + items[-1]

    arise = T(f" {listing(origins_en, 'and').capitalize()} arise from its spinous process.",
              f" En su apófisis espinosa se originan {listing(origins_es, 'y')}.")
    level = {
        1: T(" A full facet for the head of the 1st rib and a half facet for the 2nd; its spinous process is "
             "often as prominent as C7's.",
             " Una carilla completa para la cabeza de la 1.ª costilla y una semicarilla para la 2.ª; su apófisis "
             "espinosa suele ser tan prominente como la de C7."),
        2: T(" The superior angle of the scapula lies at about this level.",
             " El ángulo superior de la escápula queda aproximadamente a esta altura."),
        3: T(" The root of the spine of the scapula lies at about the level of its spinous process.",
             " La raíz de la espina de la escápula queda aproximadamente a la altura de su apófisis espinosa."),
        4: T(" The sternal angle lies level with the T4/T5 disc.",
             " El ángulo esternal queda a la altura del disco T4/T5."),
        7: T(" The inferior angle of the scapula lies at about the level of its spinous process, arms at the side.",
             " El ángulo inferior de la escápula queda aproximadamente a la altura de su apófisis espinosa, con "
             "los brazos junto al cuerpo."),
        9: T(" The xiphisternal joint lies at about its level.",
             " La articulación xifoesternal queda aproximadamente a su altura."),
        10: T(" A single full facet for the 10th rib on each side.",
              " Una sola carilla completa para la 10.ª costilla a cada lado."),
        11: T(" A single facet for the 11th rib and no costal facet on the transverse process.",
              " Una sola carilla para la 11.ª costilla y ninguna carilla costal en la apófisis transversa."),
        12: T(" A single facet for the 12th rib and no costal facet on the transverse process; a transitional "
              "vertebra whose lower articular processes are shaped like a lumbar vertebra's.",
              " Una sola carilla para la 12.ª costilla y ninguna carilla costal en la apófisis transversa; una "
              "vértebra de transición cuyas apófisis articulares inferiores tienen forma lumbar."),
    }.get(n, T("", ""))
    return bone(f"vertebra_t{n}", "thorax", "spine",
                T(f"{EN_ORDINAL[n - 1]} thoracic vertebra (T{n})", f"{ES_ORDINAL_F[n - 1]} vértebra torácica (T{n})"),
                f"Vertebra thoracica {ROMAN[n - 1]}",
                T("One of the twelve vertebrae of the upper and middle back; each carries a pair of ribs.",
                  "Una de las doce vértebras de la espalda alta y media; cada una sostiene un par de costillas."),
                T(typical["en"] + level["en"] + arise["en"], typical["es"] + level["es"] + arise["es"]))


VERTEBRAE = [cervical(n) for n in range(1, 8)] + [thoracic(n) for n in range(1, 13)]

HEAD = [
    bone("frontal_bone", "head", "head", T("Frontal bone", "Hueso frontal"), "Os frontale",
         T("The bone of the forehead and the roof of the eye sockets.",
           "El hueso de la frente y del techo de las órbitas."),
         T("Landmarks: glabella, superciliary arches, supra-orbital margins; the nasion, where it meets the nasal "
           "bones, is a point used to measure head posture.",
           "Referencias: glabela, arcos superciliares, bordes supraorbitarios; el nasion, donde se une a los huesos "
           "nasales, es un punto que se usa para medir la postura de la cabeza.")),
    bone("parietal_bone", "head", "head", T("Parietal bone", "Hueso parietal"), "Os parietale",
         T("One of the two bones that form the top and sides of the skull.",
           "Uno de los dos huesos que forman la parte superior y los lados del cráneo."),
         T("Meets its partner at the sagittal suture, the frontal bone at the coronal suture and the occipital bone "
           "at the lambdoid suture; the vertex of the skull lies on the sagittal suture.",
           "Se une a su par en la sutura sagital, al frontal en la sutura coronal y al occipital en la sutura "
           "lambdoidea; el vértex del cráneo está sobre la sutura sagital."), gender="m"),
    bone("temporal_bone", "head", "head", T("Temporal bone", "Hueso temporal"), "Os temporale",
         T("The bone at the side of the skull around the ear; the bump behind the ear (mastoid process) anchors "
           "neck muscles.",
           "El hueso del lado del cráneo alrededor del oído; el relieve de detrás de la oreja (apófisis mastoides) "
           "sujeta músculos del cuello."),
         T("Landmarks: mastoid process (sternocleidomastoid and splenius capitis insert), external acoustic meatus, "
           "zygomatic process, mandibular fossa of the temporomandibular joint, styloid process.",
           "Referencias: apófisis mastoides (se insertan el esternocleidomastoideo y el esplenio de la cabeza), "
           "conducto auditivo externo, apófisis cigomática, fosa mandibular de la articulación "
           "temporomandibular, apófisis estiloides."), gender="m"),
    bone("occipital_bone", "head", "head", T("Occipital bone", "Hueso occipital"), "Os occipitale",
         T("The back and base of the skull; the bump you feel at the back of the head anchors the upper trapezius "
           "and the nuchal ligament.",
           "La parte posterior y la base del cráneo; el relieve que se nota en la parte de atrás de la cabeza sujeta "
           "el trapecio superior y el ligamento nucal."),
         T("Landmarks: external occipital protuberance (inion) and the superior nuchal line (upper trapezius "
           "medially; sternocleidomastoid and splenius capitis laterally); foramen magnum; occipital condyles, "
           "which sit on the atlas (atlanto-occipital joints).",
           "Referencias: protuberancia occipital externa (inion) y línea nucal superior (trapecio superior en la "
           "parte medial; esternocleidomastoideo y esplenio de la cabeza en la lateral); agujero magno; cóndilos "
           "occipitales, que se apoyan en el atlas (articulaciones atlantooccipitales).")),
    bone("sphenoid_bone", "head", "head", T("Sphenoid bone", "Hueso esfenoides"), "Os sphenoidale",
         T("A butterfly-shaped bone in the middle of the skull base, behind the eyes.",
           "Un hueso con forma de mariposa en el centro de la base del cráneo, detrás de los ojos."),
         T("Landmarks: body with the sella turcica (pituitary gland), greater and lesser wings, pterygoid processes; "
           "its greater wing reaches the side of the skull at the pterion.",
           "Referencias: cuerpo con la silla turca (hipófisis), alas mayores y menores, apófisis pterigoides; su ala "
           "mayor llega al lado del cráneo en el pterion.")),
    bone("ethmoid_bone", "head", "head", T("Ethmoid bone", "Hueso etmoides"), "Os ethmoidale",
         T("A light, spongy bone between the eye sockets that forms the roof of the nose.",
           "Un hueso ligero y esponjoso entre las órbitas que forma el techo de la nariz."),
         T("Landmarks: cribriform plate (olfactory nerves), crista galli, perpendicular plate (part of the nasal "
           "septum), ethmoidal labyrinth with the ethmoidal cells.",
           "Referencias: lámina cribosa (nervios olfatorios), apófisis crista galli, lámina perpendicular (parte del "
           "tabique nasal), laberinto etmoidal con las celdillas etmoidales.")),
    bone("maxilla", "head", "head", T("Maxilla", "Maxilar"), "Maxilla",
         T("The upper jaw bone: it holds the upper teeth and forms the floor of the eye socket and the side of the "
           "nose.",
           "El hueso de la mandíbula superior: sostiene los dientes superiores y forma el suelo de la órbita y el "
           "lado de la nariz."),
         T("Landmarks: alveolar process (upper teeth), infra-orbital foramen, frontal process, palatine process "
           "(front of the hard palate), maxillary sinus.",
           "Referencias: apófisis alveolar (dientes superiores), agujero infraorbitario, apófisis frontal, apófisis "
           "palatina (parte anterior del paladar duro), seno maxilar."), gender="m"),
    bone("zygomatic_bone", "head", "head", T("Zygomatic bone", "Hueso cigomático"), "Os zygomaticum",
         T("The cheekbone.", "El pómulo."),
         T("Landmarks: with the zygomatic process of the temporal bone it forms the zygomatic arch; it forms the "
           "lateral rim and wall of the orbit; masseter arises from it.",
           "Referencias: con la apófisis cigomática del temporal forma el arco cigomático; forma el borde y la pared "
           "laterales de la órbita; en él se origina el masetero."), gender="m"),
    bone("nasal_bone", "head", "head", T("Nasal bone", "Hueso nasal"), "Os nasale",
         T("One of the two small bones that form the bridge of the nose.",
           "Uno de los dos huesos pequeños que forman el puente de la nariz."),
         T("Meets its partner in the midline and the frontal bone at the nasion.",
           "Se une a su par en la línea media y al frontal en el nasion."), gender="m"),
    bone("mandible", "head", "head", T("Mandible", "Mandíbula"), "Mandibula",
         T("The lower jaw, the only skull bone that moves, at the joint in front of each ear.",
           "La mandíbula inferior, el único hueso del cráneo que se mueve, en la articulación de delante de cada "
           "oreja."),
         T("Landmarks: body, ramus, angle, mental protuberance, condylar process (temporomandibular joint), "
           "coronoid process (temporalis inserts).",
           "Referencias: cuerpo, rama, ángulo, protuberancia mentoniana, apófisis condilar (articulación "
           "temporomandibular), apófisis coronoides (se inserta el temporal).")),
    bone("hyoid", "neck", "neck", T("Hyoid bone", "Hueso hioides"), "Os hyoideum",
         T("A small U-shaped bone in the front of the neck, above the voice box, that anchors the tongue; it "
           "touches no other bone.",
           "Un pequeño hueso en forma de U en la parte delantera del cuello, por encima de la laringe, que sujeta la "
           "lengua; no se articula con ningún otro hueso."),
         T("Landmarks: body, greater and lesser horns, at about the level of C3; the suprahyoid and infrahyoid "
           "muscles attach to it.",
           "Referencias: cuerpo, astas mayores y menores, a la altura de C3, aproximadamente; en él se fijan los "
           "músculos suprahioideos e infrahioideos.")),
]

LIMB = [
    bone("clavicle", "clavicle{s}", "shoulder girdle", T("Clavicle", "Clavícula"), "Clavicula",
         T("The collarbone, a strut that holds the shoulder out from the chest.",
           "La clavícula, un puntal que mantiene el hombro separado del tórax."),
         T("Landmarks: sternal end (sternoclavicular joint), acromial end (acromioclavicular joint), conoid "
           "tubercle and trapezoid line (coracoclavicular ligament), groove for subclavius on its underside. The "
           "medial two-thirds curve forward, the lateral third backward; their junction is its weakest point. "
           "Pectoralis major and deltoid attach in front, trapezius behind, sternocleidomastoid above.",
           "Referencias: extremo esternal (articulación esternoclavicular), extremo acromial (articulación "
           "acromioclavicular), tubérculo conoideo y línea trapezoidea (ligamento coracoclavicular), surco del "
           "subclavio en su cara inferior. Los dos tercios mediales se curvan hacia delante y el tercio lateral "
           "hacia atrás; su unión es su punto más débil. Por delante se fijan el pectoral mayor y el deltoides, "
           "por detrás el trapecio y por encima el esternocleidomastoideo."), gender="f"),
    bone("scapula", "scapula{s}", "shoulder girdle", T("Scapula", "Escápula (omóplato)"), "Scapula",
         T("The shoulder blade, a flat triangle that glides over the back of the rib cage and carries the shoulder "
           "joint. You can feel its spine, its outer tip (acromion) and its lower corner.",
           "El omóplato, un triángulo plano que se desliza sobre la parte posterior de la caja torácica y lleva la "
           "articulación del hombro. Se notan su espina, su extremo externo (acromion) y su esquina inferior."),
         T("Landmarks: acromion (point of the shoulder, acromioclavicular joint); coracoid process (pectoralis "
           "minor, short head of biceps, coracobrachialis); glenoid cavity (shoulder joint); spine of the scapula, "
           "its root at about the level of T3; superior angle (about T2) and inferior angle (about T7); medial and "
           "lateral borders; supraspinous, infraspinous and subscapular fossae (rotator cuff).",
           "Referencias: acromion (punta del hombro, articulación acromioclavicular); apófisis coracoides "
           "(pectoral menor, cabeza corta del bíceps, coracobraquial); cavidad glenoidea (articulación del "
           "hombro); espina de la escápula, con su raíz a la altura de T3, aproximadamente; ángulo superior "
           "(hacia T2) e inferior (hacia T7); bordes medial y lateral; fosas supraespinosa, infraespinosa y "
           "subescapular (manguito de los rotadores)."), gender="f"),
    bone("humerus", "humerus{s}", "arm", T("Humerus", "Húmero"), "Humerus",
         T("The upper-arm bone; the chest, back and shoulder muscles attach near its top.",
           "El hueso del brazo; los músculos del pecho, de la espalda y del hombro se insertan cerca de su extremo "
           "superior."),
         T("Landmarks: head (shoulder joint); anatomical and surgical necks; greater tubercle (supraspinatus, "
           "infraspinatus, teres minor); lesser tubercle (subscapularis); intertubercular sulcus (pectoralis major "
           "on its lateral lip, latissimus dorsi in its floor, teres major on its medial lip); deltoid tuberosity; "
           "medial and lateral epicondyles. The ulnar nerve runs behind the medial epicondyle.",
           "Referencias: cabeza (articulación del hombro); cuellos anatómico y quirúrgico; tubérculo mayor "
           "(supraespinoso, infraespinoso, redondo menor); tubérculo menor (subescapular); surco intertubercular "
           "(pectoral mayor en su labio lateral, dorsal ancho en su fondo, redondo mayor en su labio medial); "
           "tuberosidad deltoidea; epicóndilos medial y lateral. El nervio cubital pasa por detrás del epicóndilo "
           "medial."), gender="m"),
    bone("radius", "forearm{s}", "forearm", T("Radius", "Radio"), "Radius",
         T("The forearm bone on the thumb side; it turns around the ulna when you turn the palm up and down.",
           "El hueso del antebrazo del lado del pulgar; gira alrededor del cúbito al girar la palma hacia arriba y "
           "hacia abajo."),
         T("Landmarks: head (felt just below the lateral epicondyle as the forearm turns), radial tuberosity "
           "(biceps inserts), styloid process at the wrist.",
           "Referencias: cabeza (se palpa justo por debajo del epicóndilo lateral al girar el antebrazo), "
           "tuberosidad del radio (se inserta el bíceps), apófisis estiloides en la muñeca."), gender="m"),
    bone("ulna", "forearm{s}", "forearm", T("Ulna", "Cúbito (ulna)"), "Ulna",
         T("The forearm bone on the little-finger side; its upper end is the point of the elbow.",
           "El hueso del antebrazo del lado del meñique; su extremo superior es la punta del codo."),
         T("Landmarks: olecranon (point of the elbow, triceps inserts), coronoid process, trochlear notch (elbow "
           "joint with the humerus), head and styloid process at the wrist.",
           "Referencias: olécranon (punta del codo, se inserta el tríceps), apófisis coronoides, escotadura "
           "troclear (articulación del codo con el húmero), cabeza y apófisis estiloides en la muñeca."),
         gender="m"),
]

SKIN = dict(
    id="skin", kind="skin", side="midline", layer="skin", group="skin",
    name=T("Skin", "Piel"), latin="Cutis",
    patient_line=T("The outer layer; hide it to see the muscles underneath.",
                   "La capa exterior; ocúltala para ver los músculos de debajo."),
    has_mesh=True, sources=["gray42", "ta2"],
)

# Bones that come in pairs (an _r and an _l file each); the rest are midline.
PAIRED_BONES = {"rib", "costal_cartilage", "parietal_bone", "temporal_bone", "maxilla", "zygomatic_bone",
                "nasal_bone", "clavicle", "scapula", "humerus", "radius", "ulna"}


def paired(base_id):
    return base_id in PAIRED_BONES or base_id.rsplit("_", 1)[0] in PAIRED_BONES


def bone_entries(b):
    def entry(id, side, body, name):
        e = dict(id=id, kind="bone", side=side, layer="bone", body=body, group=b["group"], name=name,
                 latin=b["latin"], patient_line=b["patient_line"])
        if b["notes"]:
            e["notes"] = b["notes"]
        e["has_mesh"] = True
        e["sources"] = BONE_SOURCES
        return e

    if not paired(b["id"]):
        return [entry(b["id"], "midline", b["body"], b["name"])]
    assert b["gender"] in ("f", "m"), b["id"]
    return [entry(b["id"] + suffix, side, b["body"].format(s=suffix), sided_name(b["name"], b["gender"], words))
            for suffix, side, words in SIDES]


def muscle_entries(m):
    out = []
    for suffix, side, _ in SIDES:
        e = dict(id=m["id"] + suffix, kind="muscle", side=side, layer=m["layer"],
                 spans=[s.format(s=suffix) for s in m["spans"]], group=m["group"], name=m["name"],
                 latin=m["latin"])
        for key in ("origin", "insertion", "action", "innervation", "patient_line"):
            e[key] = m[key]
        if "trigger_points" in m:
            e["trigger_points"] = m["trigger_points"]
        for key in ("caution", "notes"):
            if key in m:
                e[key] = m[key]
        e["has_mesh"] = True
        e["sources"] = m["sources"]
        out.append(e)
    return out

# ------------------------------------------------------------------------------------------------------------
# Referred-pain zones: where the trigger points of the pectoral muscles may refer pain, drawn on the body outline
# when such a muscle is selected. Ids are the ones engine/sim's trigger points name (`referral.*`). Areas according
# to Travell & Simons' referral maps: where a trigger point may refer pain, not where it must; the catalog's
# cautions go with them (chest pain, breast pain or a lump, numbness or weakness toward the little finger: a medical
# check first). Each spot is a point ON the body outline (the baked `skin` mesh) in the rest pose, right side,
# world metres (the left side mirrors y), carried by the MJCF body it moves with: where a ray from a landmark of
# tools/mjcf/landmarks.json (humeral head, clavicle, ribs 4 and 5, points along the humerus toward the medial
# epicondyle, along the forearm from the elbow to the wrist) leaves the outline; `radius` in metres. The data has no
# hand, so the ulnar-finger referral stops at the distal forearm.
# ------------------------------------------------------------------------------------------------------------
def spot(body, point, radius):
    return dict(body=body, point=point, radius=radius)


FRONT_SHOULDER = spot("humerus_r", [-0.043, -0.163, 1.330], 0.050)
INNER_ARM_HIGH = spot("humerus_r", [-0.070, -0.160, 1.252], 0.035)
REFERRAL_ZONES = [
    dict(id="referral.front_shoulder_clavicular", sources=["travell_simons"], spots=[
        FRONT_SHOULDER,
        spot("clavicle_r", [0.017, -0.082, 1.330], 0.040),
    ]),
    dict(id="referral.chest_inner_arm_medial_elbow", sources=["travell_simons"], spots=[
        spot("thorax", [0.074, -0.095, 1.252], 0.060),
        INNER_ARM_HIGH,
        spot("humerus_r", [-0.070, -0.162, 1.154], 0.035),
        spot("humerus_r", [-0.066, -0.178, 1.056], 0.035),
    ]),
    dict(id="referral.breast", sources=["travell_simons"], spots=[
        spot("thorax", [0.068, -0.109, 1.173], 0.060),
    ]),
    dict(id="referral.front_shoulder_arm_ulnar_fingers", sources=["travell_simons"], spots=[
        FRONT_SHOULDER,
        spot("thorax", [0.074, -0.095, 1.252], 0.055),
        INNER_ARM_HIGH,
        spot("humerus_r", [-0.072, -0.173, 1.089], 0.035),
        spot("forearm_r", [-0.073, -0.198, 0.978], 0.035),
        spot("forearm_r", [-0.048, -0.215, 0.883], 0.035),
    ]),
]


def catalog():
    structures = []
    for b in STERNUM + RIBS + CARTILAGES + VERTEBRAE + HEAD + LIMB:
        structures += bone_entries(b)
    for m in MUSCLES:
        structures += muscle_entries(m)
    structures.append(SKIN)

    ids = [s["id"] for s in structures]
    assert len(ids) == len(set(ids)), "duplicate ids"
    used = {key for s in structures + REFERRAL_ZONES for key in s["sources"]}
    zone_ids = [z["id"] for z in REFERRAL_ZONES]
    assert len(zone_ids) == len(set(zone_ids)), "duplicate referral zone ids"
    assert used <= set(SOURCES), f"unknown source keys: {sorted(used - set(SOURCES))}"

    return {
        "schema_version": 1,
        "languages": ["en", "es"],
        "description": "myoview anatomy catalog, generated by tools/catalog/make_catalog.py (edit the script, not "
                       "this file): one entry per structure of tools/bake/structures.tsv (BodyParts3D parts) and "
                       "the skin. Muscle 'spans' lists the MJCF bodies of origin and insertion; bone 'body' is the "
                       "MJCF body that moves the bone; bone 'notes' hold the landmarks a teacher points at. Trigger "
                       "point referral zones according to Travell & Simons; 'referral_zones' places them as spots "
                       "on the body outline (rest pose, right side, world metres, carried by an MJCF body).",
        "sources": {key: SOURCES[key] for key in SOURCES if key in used},
        "structures": structures,
        "referral_zones": REFERRAL_ZONES,
    }


def render():
    return json.dumps(catalog(), indent=2, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {CATALOG.relative_to(ROOT)} instead of stdout")
    args = parser.parse_args()
    text = render()
    if args.write:
        CATALOG.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
