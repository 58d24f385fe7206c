#!/usr/bin/env python3
# landmarks.py -- how close sscard's measurements of a face come to hand-placed landmarks
# (the Face Research Lab's webmorph templates in fixtures/photos/landmarks), and how well
# the expression rule sees teeth (fixtures/photos/smiling/teeth.tsv, labelled by eye).
#   landmarks.py PHOTOTOOL SSCARD PHOTOS_DIR
# Template points: 0 and 1 the pupils (left and right as seen), 110 and 113 the cheek
# edges at the ear roots, 129 the chin, 151 the top of the hair.  Errors in the fixed
# photo's pixels are scaled as the fix scales: the true face width to 217 px, the middle
# of the national profile's 179-255 px.
import json
import os
import statistics
import subprocess
import sys
import tempfile

OUT_FACE = 217.0


def template(path):
    with open(path) as f:
        n = int(f.readline())
        pts = [tuple(float(v) for v in f.readline().split()[:2]) for _ in range(n)]
    return pts


def photo_of(folder, tem):
    base = os.path.basename(tem)[:-4]
    if base.startswith("canada_"):
        for p in (os.path.join(folder, "canada", base[7:] + ".jpg"),
                  os.path.join(folder, base + "_white_m_darktop_frontal.jpg"),
                  os.path.join(folder, base + "_white_f_headband.jpg")):
            if os.path.exists(p):
                return p
        return None
    for f in sorted(os.listdir(folder)):
        if f == base + ".jpg" or (f.startswith(base + "_") and f.endswith(".jpg")):
            return os.path.join(folder, f)
    return None


def scene(tool, photo, models=None):
    env = dict(os.environ)
    if models is not None:
        env["SSCARD_MODEL_DIR"] = models
    out = subprocess.run([tool, "scene", photo], capture_output=True, text=True,
                         env=env).stdout.split()
    if not out or out[0] != "eyes":
        return None
    v = dict(eyes=[float(x) for x in out[1:5]], face=[float(out[6]), float(out[7])],
             face_measured=out[9] == "1", crown=float(out[11]), crown_measured=out[13] == "1",
             chin=float(out[15]))
    return v


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def table(tool, folder, tems, title, models=None):
    """The scene's measures of every templated face against the template."""
    eye, eye_dx, eye_dy, face, crown, chin, missed = [], [], [], [], [], [], []
    for t in tems:
        photo = photo_of(folder, t)
        if photo is None:
            continue
        p = template(t)
        s = scene(tool, photo, models)
        if s is None:
            missed.append(os.path.basename(photo))
            continue
        (lx, ly), (rx, ry) = p[0], p[1]
        ied = ((rx - lx) ** 2 + (ry - ly) ** 2) ** 0.5
        for (tx, ty), (sx, sy) in (((lx, ly), s["eyes"][0:2]), ((rx, ry), s["eyes"][2:4])):
            eye.append(((sx - tx) ** 2 + (sy - ty) ** 2) ** 0.5 / ied * 100)
        # Outwards is positive: a steady bias shows as a mean away from zero.
        eye_dx.append((lx - s["eyes"][0]) / ied * 100)
        eye_dx.append((s["eyes"][2] - rx) / ied * 100)
        fw = p[113][0] - p[110][0]
        k = OUT_FACE / fw
        face.append(((s["face"][1] - s["face"][0]) - fw) * k)
        crown.append((s["crown"] - p[151][1]) * k)
        chin.append((s["chin"] - p[129][1]) * k)
        eye_dy.append(((s["eyes"][1] + s["eyes"][3]) - (ly + ry)) / 2 / ied * 100)
    print("== %s (%d faces%s)" % (title, len(face), ", no single face found in " +
                                  " ".join(missed) if missed else ""))
    if not face:
        return
    print("%-34s %8s %8s %8s %8s" % ("error", "median", "p90", "max", "mean"))
    for name, xs in (("eye centre, % of eye distance", eye),
                     ("face width, output px", face),
                     ("crown (hair top), output px", crown),
                     ("chin, output px", chin)):
        a = [abs(x) for x in xs]
        print("%-34s %8.1f %8.1f %8.1f %+8.1f" % (name, statistics.median(a), pct(a, 0.9),
                                                max(a), statistics.mean(xs)))
    print("eye centres: %+.1f %% of the eye distance outwards, %+.1f %% downwards on average" %
          (statistics.mean(eye_dx), statistics.mean(eye_dy)))
    face = [abs(x) for x in face]
    print("targets: eye centre median <= 2 %%: %s; face width p90 <= 3 px: %s" % (
        "yes" if statistics.median(eye) <= 2 else "NO",
        "yes" if pct(face, 0.9) <= 3 else "NO"))


def main():
    tool, sscard, folder = sys.argv[1:4]
    tems = sorted(os.path.join(folder, "landmarks", f)
                  for f in os.listdir(os.path.join(folder, "landmarks")) if f.endswith(".tem"))
    models = os.environ.get("SSCARD_MODEL_DIR", "")
    table(tool, folder, tems, "Measurements against hand-placed landmarks: FaceMesh, eyes "
          "on the irises (used)")
    with tempfile.TemporaryDirectory() as work:
        # The same without the iris network (eye rings' centres), then without any.
        rings = os.path.join(work, "rings")
        os.mkdir(rings)
        for n in ("facemesh", "selfie"):
            if os.path.exists(os.path.join(models, n + ".onnx")):
                os.symlink(os.path.join(models, n + ".onnx"), os.path.join(rings, n + ".onnx"))
        table(tool, folder, tems, "Without the iris network: eye rings' centres", rings)
        table(tool, folder, tems, "Without the networks: Haar detector and colour", work)
    labels = os.path.join(folder, "smiling", "teeth.tsv")
    if not os.path.exists(labels):
        return 0
    caught = teeth = false = closed = 0
    for line in open(labels):
        f, lab = line.rstrip("\n").split("\t")[:2]
        if f == "file":
            continue
        r = subprocess.run([sscard, "check", "--json", os.path.join(folder, "smiling", f)],
                           capture_output=True, text=True)
        try:
            v = {c["id"]: c["verdict"] for c in json.loads(r.stdout)["checks"]}
        except (ValueError, KeyError):
            v = {}
        seen = v.get("expression", "pass") != "pass"
        if lab == "T":
            teeth += 1
            caught += seen
        elif lab == "N":
            closed += 1
            false += seen
    print("== Teeth (smiling/teeth.tsv): caught %d of %d clearly visible (%.0f %%), "
          "false alarms %d of %d without (%.0f %%); targets >= 90 %%, <= 5 %%" % (
              caught, teeth, 100.0 * caught / max(1, teeth), false, closed,
              100.0 * false / max(1, closed)))
    return 0


sys.exit(main())
