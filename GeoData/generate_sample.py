#!/usr/bin/env python3
"""Deterministic generator of a synthetic sample development zone (开发区) for ZoneCalc.

Python 3 standard library only.  Run from the repository root:

    python3 GeoData/generate_sample.py

It (re)writes, next to this script, in ``demo/``:

* ``zone.gpkg``      OGC GeoPackage 1.2, CRS EPSG:4528 (CGCS2000 / 3-degree Gauss-Kruger
                     zone 40, easting with zone prefix), layers kfqfw, zd, jzw, dltb,
                     yjjbnt, stbhhx, czkfbj, kqfw, tqfw, qtkfq, sjfw;
* ``kfqfw.txt``, ``kqfw.txt``, ``tqfw.txt``  boundary-point files (部标界址点坐标 txt,
                     GBK, CRLF) of the zone boundary and the two proposals;
* ``manifest.json``  the planted cases (ground truth for tests) and feature counts.

Everything is synthetic.  The zone lies near 119.95E 31.75N (武进, 常州).  Geometry is
built in a local metric frame (east, north) around the projected anchor point and shifted
to Gauss-Kruger coordinates on output; all coordinates are rounded to 1 mm.  The same
script run twice gives byte-identical files (fixed seed, no timestamps).  See README.md.
"""
import datetime as dt
import json
import math
import os
import random
import sqlite3
import struct

SEED = 20261122
AS_OF = dt.date(2026, 6, 30)            # reference date of the data set
ANCHOR_LON, ANCHOR_LAT = 119.95, 31.75  # centre of the main zone part
SRS_ID = 4528
LAST_CHANGE = "2026-01-01T00:00:00.000Z"
MU = 2000.0 / 3.0                       # m² per 亩
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo")

ZONE_CODE, ZONE_NAME = "G320401", "常州示范经济开发区"
ZONE_DOC = "国办函〔2013〕88号"
PRODUCER = "常州示范经济开发区管理委员会"
STATE_OWNER = "常州示范经济开发区（国有）"

WKT_4528 = (
    'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 40",GEOGCS["China Geodetic Coordinate System 2000",'
    'DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],'
    'AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]],'
    'PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],'
    'PARAMETER["central_meridian",120],PARAMETER["scale_factor",1],PARAMETER["false_easting",40500000],'
    'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","4528"]]')
WKT_4490 = (
    'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,'
    '298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AUTHORITY["EPSG","4490"]]')
WKT_4326 = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],'
    'AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]')

# 三调 work classification (TD/T 1055-2019 表A.2) names of the codes used here
DL_NAMES = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地", "0201": "果园", "0301": "乔木林地",
    "0404": "其他草地", "05H1": "商业服务业设施用地", "0508": "物流仓储用地", "0601": "工业用地",
    "0701": "城镇住宅用地", "0702": "农村宅基地", "08H2": "科教文卫用地", "0809": "公用设施用地",
    "0810": "公园与绿地", "1003": "公路用地", "1004": "城镇村道路用地", "1101": "河流水面",
    "1104": "坑塘水面", "1107": "沟渠", "1201": "空闲地", "1203": "田坎",
}
VILLAGES = ["东庄村", "西蒋村", "南塘村", "北渠村", "葛家村", "石桥村", "芦墅村", "漕溪村"]
HOLE_VILLAGE = "柳塘村"


# --------------------------------------------------------------------------- projection
def gk_forward(lon, lat, lon0=120.0, fe=40500000.0, a=6378137.0, inv_f=298.257222101):
    """Gauss-Kruger (transverse Mercator, k0 = 1) forward series on CGCS2000.

    Returns (easting with zone prefix, northing) in metres.  Series after Snyder,
    USGS PP 1395 (8-9, 8-10); sub-mm within a 3-degree zone.
    """
    f = 1.0 / inv_f
    e2 = f * (2 - f)
    ep2 = e2 / (1 - e2)
    phi, lam = math.radians(lat), math.radians(lon - lon0)
    s, c = math.sin(phi), math.cos(phi)
    n = a / math.sqrt(1 - e2 * s * s)
    t = (s / c) ** 2
    cc = ep2 * c * c
    aa = lam * c
    m = a * ((1 - e2 / 4 - 3 * e2 ** 2 / 64 - 5 * e2 ** 3 / 256) * phi
             - (3 * e2 / 8 + 3 * e2 ** 2 / 32 + 45 * e2 ** 3 / 1024) * math.sin(2 * phi)
             + (15 * e2 ** 2 / 256 + 45 * e2 ** 3 / 1024) * math.sin(4 * phi)
             - (35 * e2 ** 3 / 3072) * math.sin(6 * phi))
    x = n * (aa + (1 - t + cc) * aa ** 3 / 6 + (5 - 18 * t + t * t + 72 * cc - 58 * ep2) * aa ** 5 / 120)
    y = m + n * (s / c) * (aa ** 2 / 2 + (5 - t + 9 * cc + 4 * cc * cc) * aa ** 4 / 24
                           + (61 - 58 * t + t * t + 600 * cc - 330 * ep2) * aa ** 6 / 720)
    return fe + x, y


# --------------------------------------------------------------------------- planar geometry
def signed_area(ring):
    """Shoelace area of an open ring (list of (x, y)); > 0 when counter-clockwise."""
    x0, y0 = ring[0]
    s = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        s += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
    return s / 2.0


def bbox(ring):
    """(minx, miny, maxx, maxy) of a list of points."""
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def point_in_ring(p, ring):
    """Even-odd ray test."""
    x, y = p
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _orient(a, b, c):
    """Twice the signed area of triangle abc (> 0: counter-clockwise)."""
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def segments_meet(a, b, c, d):
    """True if closed segments ab and cd share at least one point."""
    d1, d2, d3, d4 = _orient(c, d, a), _orient(c, d, b), _orient(a, b, c), _orient(a, b, d)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 and d2 and d3 and d4:
        return True
    return min(seg_dist(a, c, d), seg_dist(b, c, d), seg_dist(c, a, b), seg_dist(d, a, b)) < 1e-9


def seg_dist(p, a, b):
    """Distance from point p to segment ab."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _edges(ring):
    """Edges (p, q) of an open ring, including the closing edge."""
    return [(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring))]


def rings_distance(r1, r2):
    """0 if the boundaries of r1 and r2 meet, else the smallest boundary distance."""
    e1, e2 = _edges(r1), _edges(r2)
    for a, b in e1:
        for c, d in e2:
            if segments_meet(a, b, c, d):
                return 0.0
    return min(min(seg_dist(p, c, d) for p in r1 for c, d in e2),
               min(seg_dist(p, a, b) for p in r2 for a, b in e1))


def ring_inside(inner, outer, margin=0.0):
    """inner lies inside outer, at least `margin` metres from its boundary."""
    if not all(point_in_ring(p, outer) for p in inner):
        return False
    return rings_distance(inner, outer) >= max(margin, 1e-6)


def ring_disjoint(r1, r2, margin=0.0):
    """r1 and r2 are disjoint and at least `margin` metres apart."""
    b1, b2 = bbox(r1), bbox(r2)
    if b1[0] > b2[2] + margin or b2[0] > b1[2] + margin or b1[1] > b2[3] + margin or b2[1] > b1[3] + margin:
        return True
    if point_in_ring(r1[0], r2) or point_in_ring(r2[0], r1):
        return False
    return rings_distance(r1, r2) >= max(margin, 1e-6)


def star_ring(rng, cx, cy, rx, ry, n, amp, noise):
    """Irregular star-shaped (hence simple) CCW ring around (cx, cy).

    Returns (points, angles, radii) so that sectors of the ring can be offset radially.
    """
    harm = [(h, rng.uniform(0.4, 1.0) * amp / (h - 1), rng.uniform(0, 2 * math.pi)) for h in range(2, 6)]
    pts, angs, rads = [], [], []
    for i in range(n):
        th = 2 * math.pi * (i + rng.uniform(-0.3, 0.3)) / n
        r = rx * ry / math.hypot(ry * math.cos(th), rx * math.sin(th))
        r *= (1 + sum(a * math.sin(h * th + p) for h, a, p in harm)) * (1 + rng.uniform(-noise, noise))
        pts.append((cx + r * math.cos(th), cy + r * math.sin(th)))
        angs.append(th)
        rads.append(r)
    return pts, angs, rads


def radial(c, p, dr):
    """Point p moved by dr metres along the ray from c through p."""
    dx, dy = p[0] - c[0], p[1] - c[1]
    L = math.hypot(dx, dy)
    return (p[0] + dx / L * dr, p[1] + dy / L * dr)


def sector_indices(angs, a0, a1):
    """Indices of the ring vertices whose polar angle lies in [a0, a1] degrees."""
    return [i for i, a in enumerate(angs) if math.radians(a0) <= a <= math.radians(a1)]


def offset_sector(pts, c, idx, depth, outward, mids=False):
    """Strip between ring vertices idx (consecutive, CCW) and their radial offsets.

    The strip shares the ring's edges exactly (same vertices), so it touches the ring
    (outward) or lies inside it (inward).  depth(k) gives the offset of the k-th vertex.
    """
    chain = [pts[i] for i in idx]
    off = []
    for k, p in enumerate(chain):
        off.append(radial(c, p, depth(k) if outward else -depth(k)))
        if mids and k + 1 < len(chain):
            q = chain[k + 1]
            m = ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
            off.append(radial(c, m, 0.5 * (depth(k) + depth(k + 1)) * (1.1 if k % 2 else 0.9)))
    return off + chain[::-1] if outward else chain + off[::-1]


# --------------------------------------------------------------------------- zone layout
def build_zone(rng):
    """Zone parts, hole, proposals and control lines in the local metric frame."""
    c = (0.0, 0.0)
    main, angs, _ = star_ring(rng, 0, 0, 1500, 1220, 64, 0.15, 0.03)
    hole_c = (330.0, 260.0)
    hole = star_ring(rng, hole_c[0], hole_c[1], 150, 140, 16, 0.08, 0.03)[0]
    p2c = (1950.0, -1500.0)
    for _ in range(50):  # the detached part must be x-monotone (river follows its south side)
        part2 = star_ring(rng, p2c[0], p2c[1], 410, 380, 28, 0.1, 0.02)[0]
        il = min(range(28), key=lambda i: part2[i][0])
        ir = max(range(28), key=lambda i: part2[i][0])
        low = [part2[(il + k) % 28] for k in range((ir - il) % 28 + 1)]
        up = [part2[(ir + k) % 28] for k in range((il - ir) % 28 + 1)]
        if all(low[k][0] < low[k + 1][0] for k in range(len(low) - 1)) and \
                all(up[k][0] > up[k + 1][0] for k in range(len(up) - 1)):
            break
    else:
        raise SystemExit("could not build an x-monotone second part")
    assert ring_inside(hole, main, 300)

    def area_for(idx, outward, target, shape):
        lo, hi = 10.0, 2000.0
        for _ in range(60):
            mid = (lo + hi) / 2
            a = abs(signed_area(offset_sector(main, c, idx, lambda k: mid * shape(k), outward, mids=outward)))
            lo, hi = (mid, hi) if a < target else (lo, mid)
        return lo

    # expansion (扩区): ~1 km² strip on the north-east, sharing the main part's boundary
    kq_idx = sector_indices(angs, 25, 70)
    kq_shape = [1 + 0.18 * math.sin(1.3 * k + 0.5) + rng.uniform(-0.05, 0.05) for k in range(len(kq_idx))]
    kq_d = area_for(kq_idx, True, 1.0e6, lambda k: kq_shape[k])
    kq = offset_sector(main, c, kq_idx, lambda k: kq_d * kq_shape[k], True, mids=True)
    # adjustment (调区): area taken out on the west edge, equal area added on the north-north-west
    tc_idx = sector_indices(angs, 170, 196)
    tc = offset_sector(main, c, tc_idx, lambda k: 190.0 + 15 * math.sin(k), False)
    tc_area = abs(signed_area(tc))
    tr_idx = sector_indices(angs, 100, 128)
    tr_shape = [1 + 0.1 * math.cos(0.9 * k) for k in range(len(tr_idx))]
    tr_d = area_for(tr_idx, True, tc_area, lambda k: tr_shape[k])
    tr = offset_sector(main, c, tr_idx, lambda k: tr_d * tr_shape[k], True, mids=True)

    # river corridor (生态保护红线): an 80 m band whose north edge follows the south side of part 2
    y_top = min(p[1] for p in main) - 330
    x_w, x_e = min(p[0] for p in main) - 900, max(p[0] for p in part2) + 700
    north = [(x_w + k * (low[0][0] - 250 - x_w) / 6, y_top + 25 * math.sin(k * 1.7)) for k in range(7)]
    north += low
    north += [(low[-1][0] + 180 + k * (x_e - low[-1][0] - 180) / 4, low[-1][1] - 60 - 40 * k) for k in range(5)]
    river = north + [(x, y - 80.0) for x, y in north[::-1]]
    river = river[::-1]  # counter-clockwise

    # urban development boundary (城镇开发边界): zone shells + margin, covers 调入 and half of 扩区
    def udb_margin(i):
        a = math.degrees(angs[i])
        if i in kq_idx and a <= 47:
            return kq_d * kq_shape[kq_idx.index(i)] + 70
        if i in tr_idx:
            return tr_d * tr_shape[tr_idx.index(i)] + 60
        return 160.0
    udb_main = [radial(c, p, udb_margin(i)) for i, p in enumerate(main)]
    low_set = set(low)
    udb_p2 = [p if p in low_set else radial(p2c, p, 90.0) for p in part2]

    # permanent basic farmland (永久基本农田)
    farms = []
    mid_tc = tc_idx[len(tc_idx) // 2]
    farms.append(star_ring(rng, main[mid_tc][0], main[mid_tc][1], 75, 60, 14, 0.08, 0.05)[0])
    k_out = [i for i in kq_idx if math.degrees(angs[i]) > 52]
    kp = radial(c, main[k_out[len(k_out) // 2]], kq_d * kq_shape[kq_idx.index(k_out[len(k_out) // 2])])
    farms.append(star_ring(rng, kp[0], kp[1], 190, 150, 20, 0.1, 0.04)[0])
    avoid = [udb_main, udb_p2, kq, tr, river, farms[1]]
    bx = bbox(udb_main + udb_p2 + kq + river)
    tries = 0
    while len(farms) < 10 and tries < 5000:
        tries += 1
        fc = (rng.uniform(bx[0] - 300, bx[2] + 300), rng.uniform(bx[1] - 300, bx[3] + 300))
        f = star_ring(rng, fc[0], fc[1], rng.uniform(130, 320), rng.uniform(100, 260), 22, 0.12, 0.04)[0]
        if all(ring_disjoint(f, o, 40) for o in avoid + farms[2:]):
            farms.append(f)
    return {"main": main, "hole": hole, "part2": part2, "kq": kq, "tc": tc, "tr": tr, "river": river,
            "udb": [udb_main, udb_p2], "farms": farms}


# --------------------------------------------------------------------------- parcels
ROT = math.radians(8.0)  # the road grid is turned 8° from grid north


def to_local(u, v):
    """Road-grid frame (u along the roads, v across) → local east/north metres."""
    return (u * math.cos(ROT) - v * math.sin(ROT), u * math.sin(ROT) + v * math.cos(ROT))


def to_grid(p):
    """Local east/north metres → road-grid frame (inverse of to_local)."""
    return (p[0] * math.cos(ROT) + p[1] * math.sin(ROT), -p[0] * math.sin(ROT) + p[1] * math.cos(ROT))


def road_lines(rng, lo, hi, size_lo, size_hi):
    """Blocks [(start, end)] along one axis separated by roads (every 3rd road is a 36 m trunk)."""
    blocks, x, k = [], lo, 0
    while x < hi:
        w = rng.uniform(size_lo, size_hi)
        blocks.append((x, x + w))
        x += w + (36.0 if k % 3 == 2 else 24.0)
        k += 1
    return blocks


def split_widths(rng, total):
    """Split a block width into parcel widths of 80..250 m (mostly ~100 m, some double plots)."""
    k = max(1, round(total / rng.uniform(90, 115)))
    for _ in range(30):
        w = [rng.uniform(0.75, 1.25) for _ in range(k)]
        if k > 2 and rng.random() < 0.3:
            w[rng.randrange(k)] *= 2
        out = [total * x / sum(w) for x in w]
        if all(80 <= x <= 250 for x in out):
            return out
    return [total / k] * k


def block_parcels(rng, u0, u1, v0, v1):
    """Tessellate one block into rows of quadrilateral / pentagonal parcels (grid frame).

    Rows are separated by a 6 m service lane; parcels in a row share their side lines exactly.
    Some corner parcels get a splayed corner, some shared sides a kink (both => pentagons).
    """
    rows = [(v0, v1)]
    if v1 - v0 > 200:
        vm = v0 + (v1 - v0) * rng.uniform(0.45, 0.55)
        rows = [(v0, vm - 3), (vm + 3, v1)]
    out = []
    for r, (b, t) in enumerate(rows):
        widths = split_widths(rng, u1 - u0)
        cuts = [u0]
        for w in widths[:-1]:
            cuts.append(cuts[-1] + w)
        cuts.append(u1)
        skew = [(0.0, 0.0)] + [(rng.uniform(-12, 12), rng.uniform(-12, 12)) for _ in cuts[1:-1]] + [(0.0, 0.0)]
        sides = [[(cu + sb, b), (cu + st, t)] for cu, (sb, st) in zip(cuts, skew)]
        extra = [0] * len(widths)
        chamfer = {}
        for k in (0, len(widths) - 1):
            if rng.random() < 0.4:
                chamfer[k] = rng.uniform(10, 20)
                extra[k] += 1
        for s in range(1, len(sides) - 1):  # kink a shared side (both neighbours stay ≤ 5 vertices)
            if extra[s - 1] == 0 and extra[s] == 0 and rng.random() < 0.2:
                (x0, y0), (x1, y1) = sides[s]
                sides[s] = [(x0, y0), ((x0 + x1) / 2 + rng.choice((-1, 1)) * rng.uniform(6, 12), (y0 + y1) / 2),
                            (x1, y1)]
                extra[s - 1] = extra[s] = 1
        for k in range(len(widths)):
            left, right = sides[k], sides[k + 1]
            ring = [left[0]] + right + left[:0:-1]  # bottom-left, right side upwards, left side downwards
            if k in chamfer:
                d = chamfer[k]
                outer_bottom = r == 0
                corner = ring.index(left[0] if k == 0 else right[0]) if outer_bottom else \
                    ring.index(left[-1] if k == 0 else right[-1])
                p = ring[corner]
                prv, nxt = ring[corner - 1], ring[(corner + 1) % len(ring)]
                a = (p[0] + (prv[0] - p[0]) * d / math.dist(p, prv), p[1] + (prv[1] - p[1]) * d / math.dist(p, prv))
                z = (p[0] + (nxt[0] - p[0]) * d / math.dist(p, nxt), p[1] + (nxt[1] - p[1]) * d / math.dist(p, nxt))
                ring[corner:corner + 1] = [a, z]
            out.append({"ring_g": ring, "row": r, "col": k, "chamfer": chamfer.get(k, 0.0)})
    return out


def build_parcels(rng, z):
    """Lay the road grid over the zone and keep the parcels that fit inside it."""
    g = [to_grid(p) for p in z["main"] + z["part2"]]
    gb = bbox(g)
    ublocks = road_lines(rng, gb[0] - 40, gb[2], 330, 470)
    vblocks = road_lines(rng, gb[1] - 40, gb[3], 190, 245)
    blocks, parcels = [], []
    for bj, (v0, v1) in enumerate(vblocks):
        for bi, (u0, u1) in enumerate(ublocks):
            kept = []
            for p in block_parcels(rng, u0, u1, v0, v1):
                ring = [to_local(*q) for q in p["ring_g"]]
                if ring_inside(ring, z["main"], 6):
                    ok = ring_disjoint(ring, z["hole"], 20) and ring_disjoint(ring, z["tc"], 6) and \
                        ring_disjoint(ring, z["farms"][0], 10)
                    p["part"] = 1
                elif ring_inside(ring, z["part2"], 6):
                    ok, p["part"] = True, 2
                else:
                    ok = False
                if ok:
                    p.update(ring=ring, bi=bi, bj=bj)
                    kept.append(p)
            if kept:
                blocks.append(kept)
    # leave three interior blocks and ~3 % of single parcels unsupplied (vacant, 批而未供)
    big = [b for b in blocks if len(b) >= 5 and b[0]["part"] == 1]
    vacant = set(id(b) for b in rng.sample(big, 3))
    for b in blocks:
        if id(b) in vacant:
            continue
        parcels.extend(p for p in b if rng.random() >= 0.03)
    return parcels, ublocks, vblocks


# --------------------------------------------------------------------------- attributes
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(rng, head, region="320412"):
    """18-char unified social credit code (GB 32100-2015) with valid check characters."""
    if rng.random() < 0.5:
        body = "MA" + "".join(rng.choice(USCC_CHARS[:-1]) for _ in range(6))
    else:
        body = str(rng.randint(6, 7)) + "".join(rng.choice("0123456789") for _ in range(7))
    val = lambda ch: int(ch) if ch.isdigit() else ord(ch) - 55  # noqa: E731  (GB 11714: A=10 … Z=35)
    s = sum(val(ch) * w for ch, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    c9 = 11 - s % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    code = head + region + org
    c18 = 31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(code, USCC_W)) % 31
    return code + USCC_CHARS[0 if c18 == 31 else c18]


BRAND = "恒瑞泰华鼎晟锐诺嘉达博润凯铭宏昌安盛科航源信聚远立创天力顺康海新精森佳永德"
TRADE = {"0601": ["精密机械", "新材料", "电子科技", "汽车零部件", "智能装备", "光伏科技", "医疗器械",
                  "纺织科技", "电机", "环保设备", "新能源科技", "模具", "轨道交通设备", "塑业"],
         "0508": ["物流", "供应链管理", "仓储服务"], "05H1": ["商业管理", "酒店管理", "商贸"],
         "0701": ["置业", "房地产开发"]}
PUBLIC = {"08H2": [("常州示范经济开发区实验学校", "12"), ("常州示范职业技术学院", "12"),
                   ("常州示范经济开发区人民医院", "12")],
          "0809": [("常州示范经济开发区水务有限公司", "91"), ("常州示范经济开发区市政公用事业管理处", "12"),
                   ("常州示范能源服务有限公司", "91")],
          "0810": [("常州示范经济开发区园林绿化管理所", "12")],
          "1004": [("常州示范经济开发区建设局", "11")]}
MIX = {"industry": {"0601": 74, "0508": 11, "0809": 5, "0810": 4, "1004": 6},
       "logistics": {"0508": 60, "0601": 30, "0809": 5, "1004": 5},
       "town": {"0701": 45, "05H1": 30, "08H2": 15, "0810": 10},
       "service": {"05H1": 40, "08H2": 30, "0809": 15, "0810": 15}}
PRICE = {"0601": (18, 45), "0508": (25, 55), "05H1": (250, 700), "0701": (600, 1600)}   # 万元/亩, 出让
INVEST = {"0601": (200, 650), "0508": (150, 400), "05H1": (800, 2500), "0701": (1200, 3000),
          "08H2": (300, 900), "0809": (100, 500), "0810": (20, 60), "1004": (50, 150)}  # 万元/亩
FAR = {"0601": (0.7, 2.0), "0508": (0.6, 1.5), "05H1": (1.5, 3.5), "0701": (1.8, 2.8), "08H2": (0.6, 1.4),
       "0809": (0.2, 0.6)}
FLOORS = {"0601": (1, 5), "0508": (1, 3), "05H1": (3, 16), "0701": (6, 18), "08H2": (2, 6), "0809": (1, 2)}


def pick(rng, weights):
    """Weighted choice from {key: weight} (keys sorted for determinism)."""
    keys = sorted(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def day(d0, d1, rng):
    """Random date in [d0, d1]."""
    return d0 + dt.timedelta(days=rng.randint(0, (d1 - d0).days))


def add(d, lo, hi, rng):
    """Date d plus a random number of days in [lo, hi]."""
    return d + dt.timedelta(days=rng.randint(lo, hi))


def assign_codes(rng, parcels, z):
    """Land-use code per parcel from the block's function (town blocks near the village)."""
    keys = sorted({(p["bi"], p["bj"]) for p in parcels})
    hc = bbox(z["hole"])
    hc = ((hc[0] + hc[2]) / 2, (hc[1] + hc[3]) / 2)
    cen = {}
    for p in parcels:
        cen.setdefault((p["bi"], p["bj"]), []).append(p["ring"][0])
    mid = {k: (sum(q[0] for q in v) / len(v), sum(q[1] for q in v) / len(v)) for k, v in cen.items()}
    by_dist = sorted(keys, key=lambda k: math.dist(mid[k], hc))
    kind = {k: "industry" for k in keys}
    for k in by_dist[:7]:
        kind[k] = "town"
    for k in by_dist[7:11]:
        kind[k] = "service"
    for k in sorted((k for k in keys if kind[k] == "industry"), key=lambda k: mid[k][1])[:6]:
        kind[k] = "logistics"
    for p in parcels:
        p["DLBM"] = pick(rng, MIX[kind[(p["bi"], p["bj"])]])


def assign_parties(rng, parcels):
    """Land user (QYDM/QYMC): firms may hold 2-3 neighbouring parcels; public users hold many."""
    names, firms, public = set(), {}, {}
    prev = None
    for p in parcels:
        code = p["DLBM"]
        if code in PUBLIC:
            name, head = rng.choice(PUBLIC[code])
            if name not in public:
                public[name] = uscc(rng, head, "320400")
            p["QYMC"], p["QYDM"] = name, public[name]
        elif prev and prev["DLBM"] == code and (prev["bi"], prev["bj"], prev["row"]) == (p["bi"], p["bj"], p["row"]) \
                and firms[prev["QYMC"]][1] < 3 and rng.random() < 0.2:
            p["QYMC"], p["QYDM"] = prev["QYMC"], prev["QYDM"]
            firms[p["QYMC"]][1] += 1
        else:
            while True:
                area = rng.choice(["常州", "常州", "江苏", "武进"])
                name = area + "".join(rng.sample(BRAND, 2)) + rng.choice(TRADE[code]) + \
                    ("股份有限公司" if rng.random() < 0.1 else "有限公司")
                if name not in names:
                    break
            names.add(name)
            firms[name] = [uscc(rng, "91"), 1]
            p["QYMC"], p["QYDM"] = name, firms[name][0]
        prev = p


def assign_history(rng, parcels):
    """Supply, contract and actual dates and the life-cycle state of every parcel."""
    n = len(parcels)
    sold = [p for p in parcels if p["DLBM"] in PRICE]
    order = rng.sample(sold, len(sold))
    n_idle = round(0.08 * n)
    plan = ["idle2"] * (n_idle // 2 + 2) + ["idle1"] * (n_idle - n_idle // 2 - 2) + ["stalled"] * 5 + \
        ["pending"] * round(0.04 * n) + ["building"] * round(0.05 * n) + ["unused"] * round(0.03 * n)
    for p, st in zip(order, plan):
        p["state"] = st
    for p in parcels:
        p.setdefault("state", "done")
        st = p["state"]
        d = lambda a, b: day(dt.date(*a), dt.date(*b), rng)  # noqa: E731
        if st == "idle2":
            yk = d((2016, 3, 1), (2024, 6, 10))
        elif st == "idle1":
            yk = d((2024, 7, 20), (2025, 6, 10))
        elif st == "pending":
            yk = d((2025, 7, 20), (2026, 11, 30))
        elif st == "building":
            sk = d((2024, 5, 1), (2025, 11, 30))
            yk = add(sk, -120, 60, rng)
        elif st == "stalled":
            sk = d((2017, 3, 1), (2022, 6, 30))
            yk = add(sk, -150, 0, rng)
        else:
            yk = d((2013, 1, 1), (2022, 6, 30))
            sk = add(yk, -60, 240, rng)
        gy = min(add(yk, -360, -90, rng), dt.date(2025, 12, 20))
        p["GYRQ"], p["YDKGRQ"] = gy, yk
        p["YDJGRQ"] = add(yk, 540, 1095, rng)
        p["SJKGRQ"] = sk if st in ("building", "stalled", "done", "unused") else None
        p["SJJGRQ"] = None
        if st in ("done", "unused"):
            p["SJJGRQ"] = min(add(sk, 300, 1000, rng), dt.date(2025, 12, 15))
        code = p["DLBM"]
        p["GYFS"] = "划拨" if code in PUBLIC else ("租赁" if code == "0601" and st == "done" and rng.random() < 0.05
                                                 else "出让")


def assign_numbers(rng, parcels):
    """Prices, investment, declared area, standard-land flags, output and tax."""
    mism = rng.sample([p for p in parcels if p["state"] == "done"], 3)
    for k, p in enumerate(mism):
        p["sbmj_err"] = (0.073, -0.091, 0.125)[k]
    for p in parcels:
        code, st = p["DLBM"], p["state"]
        mu = p["area"] / MU
        p["SBMJ"] = round(mu * (1 + p.get("sbmj_err", rng.uniform(-0.012, 0.012))), 4)
        if p["GYFS"] == "划拨":
            price = rng.uniform(8, 20)
        elif p["GYFS"] == "租赁":
            price = rng.uniform(2, 6)
        else:
            price = rng.uniform(*PRICE[code])
        p["TDJG"] = round(p["SBMJ"] * price, 2)
        p["XYTZ"] = round(p["SBMJ"] * rng.uniform(*INVEST[code]), 2)
        share = {"done": rng.uniform(0.55, 1.35), "unused": rng.uniform(0.7, 1.1), "building": rng.uniform(0.3, 0.8),
                 "stalled": rng.uniform(0.05, 0.22)}.get(st, 0.0)
        p["SJTZ"] = round(p["XYTZ"] * share, 2)
        p["BZD"] = 1 if code in ("0601", "0508") and p["GYFS"] == "出让" and p["GYRQ"] >= dt.date(2019, 1, 1) \
            and rng.random() < 0.85 else 0
        p["RJLXX"] = rng.choice((1.0, 1.2, 1.5) if code == "0601" else (0.8, 1.0)) if p["BZD"] else None
        ss = cz = 0.0
        if st == "done" and code in ("0601", "0508", "05H1"):
            per_mu = {"0601": math.exp(rng.uniform(math.log(40), math.log(900))),
                      "0508": rng.uniform(50, 300), "05H1": rng.uniform(100, 800)}[code]
            cz = per_mu * p["SBMJ"]
            ss = cz * rng.uniform(0.02, 0.08)
        p["CZ"], p["SS"] = round(cz, 2), round(ss, 2)


def make_buildings(rng, parcels):
    """Rectangular buildings (grid frame, then rotated) in ~70 % of the started parcels."""
    out = []
    for p in parcels:
        code, st = p["DLBM"], p["state"]
        p["JZMJ"] = p["JZZDMJ"] = 0.0
        started = p["SJKGRQ"] is not None
        if not started or code in ("0810", "1004"):
            if started and code == "0810":
                p["JZZDMJ"] = p["JZMJ"] = round(p["area"] * rng.uniform(0.005, 0.02), 2)
            continue
        target_far = p["RJLXX"] * rng.uniform(0.9, 1.6) if p["RJLXX"] else rng.uniform(*FAR[code])
        target_far *= 0.5 if st == "building" else 1.0
        if st == "stalled" or rng.random() >= 0.82:
            cover = rng.uniform(0.05, 0.15) if st == "stalled" else rng.uniform(0.25, 0.55)
            p["JZZDMJ"] = round(p["area"] * cover, 2)
            p["JZMJ"] = round(p["area"] * (cover if st == "stalled" else target_far), 2)
            continue
        ring = p["ring_g"]
        xs, ys = sorted(q[0] for q in ring), sorted(q[1] for q in ring)
        half_u, half_v = (xs[0] + xs[-1]) / 2, (ys[0] + ys[-1]) / 2
        u0 = max(q[0] for q in ring if q[0] < half_u) + 6
        u1 = min(q[0] for q in ring if q[0] >= half_u) - 6
        v0 = max(q[1] for q in ring if q[1] < half_v) + 6
        v1 = min(q[1] for q in ring if q[1] >= half_v) - 6
        k = 1 if u1 - u0 < 70 else rng.randint(1, 3 if u1 - u0 > 120 else 2)
        slot = (u1 - u0 - 12 * (k - 1)) / k
        rects = []
        for j in range(k):
            w, h = slot * rng.uniform(0.7, 0.95), (v1 - v0) * rng.uniform(0.6, 0.92)
            a = u0 + j * (slot + 12) + rng.uniform(0, slot - w)
            b = v0 + rng.uniform(0, v1 - v0 - h)
            while True:  # shrink about its centre until it keeps 5 m from the parcel boundary
                rect = [(a, b), (a + w, b), (a + w, b + h), (a, b + h)]
                if ring_inside(rect, ring, 5):
                    break
                a, b, w, h = a + 0.05 * w, b + 0.05 * h, 0.9 * w, 0.9 * h
            rects.append([to_local(*q) for q in rect])
        foot = [abs(signed_area(r)) for r in rects]
        floors_lo, floors_hi = FLOORS[code]
        need = target_far * p["area"] / sum(foot)  # standard-land parcels build up to their plot-ratio floor
        floors = [max(floors_lo, min(floors_hi, math.ceil(need) if p["BZD"] else round(need * rng.uniform(0.8, 1.2))))
                  for _ in rects]
        for j, (r, cs) in enumerate(zip(rects, floors)):
            out.append({"ring": r, "JZWBH": f"{p['ZDBH']}F{j + 1:04d}", "ZDBH": p["ZDBH"], "CS": cs, "parcel": p})
        p["has_jzw"] = True
    return out


# --------------------------------------------------------------------------- 三调 land use
def build_dltb(rng, z, parcels, ublocks, vblocks, extent):
    """Gap-free tessellation of `extent` into jittered cells merged into row strips."""
    x0, y0, x1, y1 = extent
    cell = 150.0
    nx, ny = round((x1 - x0) / cell), round((y1 - y0) / cell)
    node = {}
    for j in range(ny + 1):
        for i in range(nx + 1):
            jx = 0.0 if i in (0, nx) else rng.uniform(-25, 25)
            jy = 0.0 if j in (0, ny) else rng.uniform(-25, 25)
            node[i, j] = (x0 + i * (x1 - x0) / nx + jx, y0 + j * (y1 - y0) / ny + jy)
    villages = []
    while len(villages) < len(VILLAGES):
        q = (rng.uniform(x0, x1), rng.uniform(y0, y1))
        if all(ring_disjoint([q, (q[0] + 1, q[1]), (q[0], q[1] + 1)], r, 250) for r in z["udb"] + [z["kq"], z["river"]]) \
                and all(math.dist(q, v) > 700 for v in villages):
            villages.append(q)
    hw_col = round((min(p[0] for p in z["main"]) - 350 - x0) / cell)
    pb = [(bbox(p["ring"]), p) for p in parcels]

    def in_road(q):
        u, v = to_grid(q)
        return not any(a <= u <= b for a, b in ublocks) or not any(a <= v <= b for a, b in vblocks)

    def code_at(i, j, q):
        if point_in_ring(q, z["river"]) or min(seg_dist(q, a, b) for a, b in _edges(z["river"])) < 45:
            return "1101"
        if any(point_in_ring(q, f) for f in z["farms"]):
            return "0101"
        if point_in_ring(q, z["hole"]):
            return "1104" if rng.random() < 0.15 else "0702"
        if point_in_ring(q, z["main"]) or point_in_ring(q, z["part2"]):
            for b, p in pb:
                if b[0] <= q[0] <= b[2] and b[1] <= q[1] <= b[3] and point_in_ring(q, p["ring"]):
                    return p["DLBM"] if p["SJKGRQ"] else "1201"
            return "1004" if in_road(q) else pick(rng, {"0101": 40, "0103": 15, "0404": 20, "1201": 25})
        near = min(math.dist(q, v) for v in villages)
        if near < 170:
            return "0702"
        if i == hw_col:
            return "1003"
        if point_in_ring(q, z["kq"]):
            return pick(rng, {"0101": 45, "0102": 15, "1104": 12, "1107": 8, "0301": 10, "0201": 10})
        if any(point_in_ring(q, u) for u in z["udb"]):
            return pick(rng, {"0101": 35, "0702": 20, "0601": 15, "1201": 15, "0404": 15})
        return pick(rng, {"0101": 52, "0102": 8, "0103": 7, "0201": 6, "0301": 6, "1104": 8, "1107": 5,
                          "1203": 3, "0404": 5})

    def owner(q):
        if point_in_ring(q, z["hole"]):
            return HOLE_VILLAGE
        if point_in_ring(q, z["main"]) or point_in_ring(q, z["part2"]) or point_in_ring(q, z["river"]):
            return STATE_OWNER
        return VILLAGES[min(range(len(villages)), key=lambda k: math.dist(q, villages[k]))]

    out = []
    for j in range(ny):
        codes = []
        for i in range(nx):
            q = tuple(sum(node[a][t] for a in ((i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1))) / 4 for t in (0, 1))
            codes.append((code_at(i, j, q), owner(q)))
        i = 0
        while i < nx:
            k = i
            while k + 1 < nx and codes[k + 1] == codes[i] and k - i < 3:
                k += 1
            ring = [node[a, j] for a in range(i, k + 2)] + [node[a, j + 1] for a in range(k + 1, i - 1, -1)]
            out.append({"ring": ring, "DLBM": codes[i][0], "QSDWMC": codes[i][1]})
            i = k + 1
    return out, villages


# --------------------------------------------------------------------------- output
class Frame:
    """Local metric frame (east, north) → EPSG:4528 (easting with zone prefix, northing), rounded to 1 mm."""

    def __init__(self):
        e, n = gk_forward(ANCHOR_LON, ANCHOR_LAT)
        self.e0, self.n0 = round(e), round(n)

    def ring(self, ring, ccw=True):
        """Open ring in EPSG:4528, counter-clockwise (ccw=True) or clockwise."""
        r = [(round(self.e0 + x, 3), round(self.n0 + y, 3)) for x, y in ring]
        return r if (signed_area(r) > 0) == ccw else r[::-1]


def wkb_polygon(rings):
    """ISO WKB (little endian) of a polygon given as open rings; rings are closed here."""
    out = [struct.pack("<BII", 1, 3, len(rings))]
    for r in rings:
        pts = r + [r[0]]
        out.append(struct.pack("<I", len(pts)))
        out.append(b"".join(struct.pack("<dd", x, y) for x, y in pts))
    return b"".join(out)


def gpkg_geom(polys, multi):
    """GeoPackage binary: header (little endian, envelope [minx,maxx,miny,maxy]) + ISO WKB."""
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    head = b"GP" + bytes([0, 0b00000011]) + struct.pack("<i4d", SRS_ID, min(xs), max(xs), min(ys), max(ys))
    if multi:
        body = struct.pack("<BII", 1, 6, len(polys)) + b"".join(wkb_polygon(p) for p in polys)
    else:
        body = wkb_polygon(polys[0])
    return head + body


def write_gpkg(path, layers):
    """Write all layers into a fresh GeoPackage 1.2 (temporary file, then rename)."""
    tmp = path + ".tmp"
    for f in (tmp, tmp + "-journal"):
        if os.path.exists(f):
            os.remove(f)
    con = sqlite3.connect(tmp, isolation_level=None)
    con.execute("PRAGMA page_size = 4096")
    con.execute("PRAGMA application_id = 1196444487")
    con.execute("PRAGMA user_version = 10200")
    con.execute("BEGIN")
    con.execute("""CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
        organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
        description TEXT)""")
    con.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
        ("WGS 84 geodetic", 4326, "EPSG", 4326, WKT_4326,
         "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
        ("China Geodetic Coordinate System 2000", 4490, "EPSG", 4490, WKT_4490, "CGCS2000 geographic"),
        ("CGCS2000 / 3-degree Gauss-Kruger zone 40", 4528, "EPSG", 4528, WKT_4528,
         "CGCS2000 / 3-degree Gauss-Kruger zone 40 (central meridian 120E, false easting 40500000)")])
    con.execute("""CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
        identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT
        (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
        srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""")
    con.execute("""CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
        geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""")
    for name, (desc, gtype, fields, feats) in layers.items():
        cols = ", ".join(f'"{f}" {t}' for f, t in fields)
        con.execute(f'CREATE TABLE "{name}" ("fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "geom" {gtype}, {cols})')
        allx = [p[0] for f in feats for poly in f["polys"] for p in poly[0]]
        ally = [p[1] for f in feats for poly in f["polys"] for p in poly[0]]
        con.execute("INSERT INTO gpkg_contents VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (name, "features", name, desc, LAST_CHANGE, min(allx), min(ally), max(allx), max(ally), SRS_ID))
        con.execute("INSERT INTO gpkg_geometry_columns VALUES (?,?,?,?,0,0)", (name, "geom", gtype, SRS_ID))
        marks = ",".join("?" * (len(fields) + 1))
        names = ", ".join(f'"{f}"' for f, _ in fields)
        con.executemany(f'INSERT INTO "{name}" ("geom", {names}) VALUES ({marks})',
                        [[gpkg_geom(f["polys"], gtype == "MULTIPOLYGON")] +
                         [f[k].isoformat() if isinstance(f[k], dt.date) else f[k] for k, _ in fields] for f in feats])
    con.execute("COMMIT")
    con.close()
    for f in (path, path + "-wal", path + "-shm", path + "-journal"):  # stale side files would be replayed
        if os.path.exists(f):
            os.remove(f)
    os.replace(tmp, path)


def txt_ring(ring_en, clockwise):
    """Boundary-point ring: (X=northing, Y=easting) starting at the vertex nearest the NW corner."""
    r = ring_en if (signed_area(ring_en) < 0) == clockwise else ring_en[::-1]
    b = bbox(r)
    s = min(range(len(r)), key=lambda i: ((r[i][0] - b[0]) ** 2 + (r[i][1] - b[3]) ** 2, i))
    return r[s:] + r[:s]


def write_txt(path, parcels):
    """部标 boundary-point txt (界址点坐标交换格式), GBK + CRLF.  parcels: (id, name, [(ring, is_hole)])."""
    lines = ["[属性描述]", "格式版本号=1.01版本", f"数据产生单位={PRODUCER}", "数据产生日期=2026-1-1",
             "坐标系=2000国家大地坐标系", "几度分带=3", "投影类型=高斯克吕格", "计量单位=米", "带号=40",
             "精度=0.001", "转换参数=,,,,,,", "[地块坐标]"]
    for pid, pname, rings in parcels:
        body, no = [], 0
        area = sum(-abs(signed_area(r)) if hole else abs(signed_area(r)) for r, hole in rings)
        for q, (r, hole) in enumerate(rings, start=1):
            pts = txt_ring(r, clockwise=not hole)
            first = no + 1
            for e, n in pts:
                no += 1
                body.append(f"J{no},{q},{n:.3f},{e:.3f}")
            body.append(f"J{first},{q},{pts[0][1]:.3f},{pts[0][0]:.3f}")
        lines.append(f"{len(body)},{area / 10000:.4f},{pid},{pname},面,,,,@")
        lines.extend(body)
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("gbk"))


def main():
    """Build every layer in the local frame, convert to EPSG:4528 and write all outputs."""
    rng = random.Random(SEED)
    streams = [random.Random(rng.getrandbits(64)) for _ in range(7)]  # one stream per stage
    z = build_zone(streams[0])
    parcels, ublocks, vblocks = build_parcels(streams[1], z)
    fr = Frame()
    # ZDBH: 6-digit county + 地籍区 001 + 地籍子区 (one per block row) + GB + 5-digit number in that sub-area
    seq = {}
    for p in parcels:
        p["ring_abs"] = fr.ring(p["ring"])
        p["area"] = abs(signed_area(p["ring_abs"]))  # planar area of the stored (rounded) geometry
        sub = p["bj"] + 1
        seq[sub] = seq.get(sub, 0) + 1
        p["ZDBH"] = f"320401001{sub:03d}GB{seq[sub]:05d}"
    assign_codes(streams[2], parcels, z)
    assign_parties(streams[2], parcels)
    assign_history(streams[2], parcels)
    assign_numbers(streams[2], parcels)
    tenants = assign_economics(streams[6], parcels)
    for p in parcels:
        p["DLMC"] = DL_NAMES[p["DLBM"]]
    bld = make_buildings(streams[3], parcels)
    for b in bld:
        b["ring_abs"] = fr.ring(b["ring"])
        b["JZZDMJ"] = round(abs(signed_area(b["ring_abs"])), 2)
        b["JZMJ"] = round(b["JZZDMJ"] * b["CS"], 2)
        p = b["parcel"]
        p["JZMJ"] = round(p["JZMJ"] + b["JZMJ"], 2)
        p["JZZDMJ"] = round(p["JZZDMJ"] + b["JZZDMJ"], 2)
    for p in parcels:  # declared footprint of industrial parcels includes structures and yards (堆场)
        if p.get("has_jzw") and p["DLBM"] in ("0601", "0508"):
            p["JZZDMJ"] = round(p["JZZDMJ"] * (1 + streams[3].uniform(0.0, 0.15)), 2)
    allpts = z["main"] + z["part2"] + z["kq"] + z["tr"] + z["river"] + [q for f in z["farms"] for q in f] + \
        [q for u in z["udb"] for q in u]
    bb = bbox(allpts)
    extent = (math.floor(bb[0] / 50) * 50 - 300, math.floor(bb[1] / 50) * 50 - 300,
              math.ceil(bb[2] / 50) * 50 + 300, math.ceil(bb[3] / 50) * 50 + 300)
    tb, villages = build_dltb(streams[4], z, parcels, ublocks, vblocks, extent)
    layers, txt = make_layers(z, parcels, bld, tb, villages, fr)
    os.makedirs(OUT_DIR, exist_ok=True)
    write_gpkg(os.path.join(OUT_DIR, "zone.gpkg"), layers)
    for name, items in txt.items():
        write_txt(os.path.join(OUT_DIR, name), items)
    write_tenants(os.path.join(OUT_DIR, "qyxx.csv"), tenants)
    write_manifest(parcels, layers, fr, tenants)


ECON_FIELDS = ["YYSR", "ZJZ", "NH", "PF", "CYRS", "YFJF", "YDL", "GM"]


def assign_economics(rng, parcels):
    """Per-mu evaluation figures of producing firms (营业收入, 增加值, 能耗, 排放, 职工, 研发, 用电, 规模), and two
    multi-tenant parcels whose firms share the land (returned as rows of the enterprise table qyxx.csv)."""
    producing = []
    for p in parcels:
        for f in ECON_FIELDS:
            p[f] = None
        if p["CZ"] <= 0:
            continue
        producing.append(p)
        p["YYSR"] = round(p["CZ"] * rng.uniform(0.9, 1.1), 2)
        p["ZJZ"] = round(p["CZ"] * rng.uniform(0.18, 0.35), 2)
        p["NH"] = round(p["ZJZ"] / rng.uniform(1.0, 6.0), 2)
        p["PF"] = round(p["ZJZ"] / rng.uniform(1500, 9000), 4) if rng.random() < 0.9 else None
        p["CYRS"] = max(3, round(p["ZJZ"] / rng.uniform(8, 30)))
        p["YFJF"] = round(p["YYSR"] * rng.uniform(0.005, 0.05), 2)
        p["YDL"] = round(p["SS"] / rng.uniform(0.1, 0.4), 2)
        p["GM"] = "规上" if p["YYSR"] >= 2000 else "规下"
    tenants = []
    shared = sorted(rng.sample([p for p in producing if p["DLBM"] == "0601"], 2), key=lambda p: p["ZDBH"])
    for k, p in enumerate(shared):
        shares = (0.6, 0.25, 0.15) if k == 0 else (0.7, 0.3)
        for j, share in enumerate(shares):
            name, code = (p["QYMC"], p["QYDM"]) if j == 0 else (f"{p['QYMC'][:2]}园区入驻企业{k + 1}{j}", uscc(rng, "92"))
            row = {"QYDM": code, "QYMC": name, "ZDBH": p["ZDBH"], "YDFE": share}
            for f in ("SS", "CZ", "YYSR", "ZJZ", "NH", "PF", "YFJF", "YDL"):
                row[f] = None if p[f] is None else round(p[f] * share * rng.uniform(0.8, 1.2), 2)
            row["CYRS"] = max(1, round(p["CYRS"] * share))
            row["GM"] = "规上" if (row["YYSR"] or 0) >= 2000 else "规下"
            tenants.append(row)
    return tenants


def write_tenants(path, rows):
    """The enterprise table (企业信息): firms sharing a parcel, with their use share (用地份额) and figures."""
    cols = ["QYDM", "QYMC", "ZDBH", "YDFE", "SS", "CZ", "YYSR", "ZJZ", "NH", "PF", "CYRS", "YFJF", "YDL", "GM"]
    lines = [",".join(cols)] + [",".join("" if r[c] is None else str(r[c]) for c in cols) for r in rows]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def make_layers(z, parcels, bld, tb, villages, fr):
    """Layer table {name: (description, geometry type, [(field, SQL type)], features)} and txt contents."""
    A = fr.ring
    zone_polys = [[A(z["main"]), A(z["hole"], ccw=False)], [A(z["part2"])]]
    zone_area = sum(abs(signed_area(r)) * (-1 if k else 1) for poly in zone_polys for k, r in enumerate(poly))
    kq, tc, tr = A(z["kq"]), A(z["tc"]), A(z["tr"])
    # Another zone (其他开发区) 1.5 km east of everything else: a fixed pentagon, no overlap with the proposals.
    bx = bbox(z["main"] + z["part2"] + z["kq"] + z["tr"])
    ox, oy = bx[2] + 1500, (bx[1] + bx[3]) / 2
    oz = A([(ox, oy - 450), (ox + 1200, oy - 450), (ox + 1200, oy + 450), (ox + 600, oy + 700), (ox, oy + 450)])
    kq_name, tq_name = f"{ZONE_NAME}东北片区扩区方案", f"{ZONE_NAME}区位调整方案"
    near = lambda r: VILLAGES[min(range(len(villages)), key=lambda k: math.dist(r[0], villages[k]))]  # noqa: E731
    ha = lambda r: round(abs(signed_area(r)) / 10000, 2)  # noqa: E731
    D, T, R, I32 = "DATE", "TEXT", "REAL", "MEDIUMINT"
    zd_fields = [("ZDBH", T), ("DLBM", T), ("DLMC", T), ("QYDM", T), ("QYMC", T), ("GYFS", T), ("GYRQ", D),
                 ("TDJG", R), ("YDKGRQ", D), ("YDJGRQ", D), ("SJKGRQ", D), ("SJJGRQ", D), ("XYTZ", R), ("SJTZ", R),
                 ("JZMJ", R), ("JZZDMJ", R), ("SS", R), ("CZ", R), ("SBMJ", R), ("BZD", I32), ("RJLXX", R),
                 ("YYSR", R), ("ZJZ", R), ("NH", R), ("PF", R), ("CYRS", I32), ("YFJF", R), ("YDL", R), ("GM", T)]
    for f in parcels + bld:
        f["polys"] = [[f["ring_abs"]]]
    # 三调 扣除地类 on cultivated land (耕地 0101–0103): 田坎 (1203) at a 扣除系数 from a fixed cycle of
    # typical values (no random draw, so every other field stays as it was); TBMJ here is the planar area
    # of the stored ring (the survey's is ellipsoidal), KCMJ = TBMJ × KCXS, TBDLMJ = TBMJ − KCMJ.
    deduction_cycle = (0.05, 0.08, 0.10, 0.12)
    for k, t in enumerate(tb, start=1):
        t.update(polys=[[A(t["ring"])]], BSM=f"3204011{k:06d}", DLMC=DL_NAMES[t["DLBM"]])
        tbmj = round(abs(signed_area(t["polys"][0][0])), 2)
        kcxs = deduction_cycle[k % 4] if t["DLBM"] in ("0101", "0102", "0103") else 0.0
        kcmj = round(tbmj * kcxs, 2)
        t.update(KCDLBM="1203" if kcxs else "", KCXS=kcxs, KCMJ=kcmj, TBMJ=tbmj, TBDLMJ=round(tbmj - kcmj, 2))
    layers = {
        "kfqfw": ("开发区范围 approved zone boundary (核准范围)", "MULTIPOLYGON",
                  [("KFQDM", T), ("KFQMC", T), ("PZWH", T), ("PZMJ", R)],
                  [{"polys": zone_polys, "KFQDM": ZONE_CODE, "KFQMC": ZONE_NAME, "PZWH": ZONE_DOC,
                    "PZMJ": round(zone_area / 10000, 2)}]),
        "zd": ("宗地 land parcels", "POLYGON", zd_fields, parcels),
        "jzw": ("建筑物 buildings", "POLYGON", [("JZWBH", T), ("ZDBH", T), ("CS", I32), ("JZZDMJ", R), ("JZMJ", R)], bld),
        "dltb": ("地类图斑 三调 land-use polygons", "POLYGON", [("BSM", T), ("DLBM", T), ("DLMC", T), ("QSDWMC", T),
                                                            ("KCDLBM", T), ("KCXS", R), ("KCMJ", R), ("TBMJ", R), ("TBDLMJ", R)], tb),
        "yjjbnt": ("永久基本农田 permanent basic farmland", "POLYGON", [("BSM", T), ("MC", T), ("DLBM", T)],
                   [{"polys": [[A(f)]], "BSM": f"3204012{k:06d}", "MC": f"{near(f)}永久基本农田保护片{k}",
                     "DLBM": "0101"} for k, f in enumerate(z["farms"], start=1)]),
        "stbhhx": ("生态保护红线 ecological protection red line", "POLYGON", [("BSM", T), ("MC", T)],
                   [{"polys": [[A(z["river"])]], "BSM": "3204013000001", "MC": "漕溪河河流生态廊道生态保护红线"}]),
        "czkfbj": ("城镇开发边界 urban development boundary", "MULTIPOLYGON", [("BSM", T), ("MC", T)],
                   [{"polys": [[A(u)] for u in z["udb"]], "BSM": "3204014000001", "MC": "武进区城镇开发边界"}]),
        "kqfw": ("扩区范围 expansion proposal", "POLYGON", [("FAMC", T), ("TZLX", T), ("MJ", R)],
                 [{"polys": [[kq]], "FAMC": kq_name, "TZLX": "扩区", "MJ": ha(kq)}]),
        "tqfw": ("调区范围 boundary adjustment proposal", "POLYGON", [("FAMC", T), ("TZLX", T), ("MJ", R)],
                 [{"polys": [[r]], "FAMC": tq_name, "TZLX": lx, "MJ": ha(r)} for r, lx in ((tc, "调出"), (tr, "调入"))]),
        "qtkfq": ("其他开发区 other development zones (核准范围)", "POLYGON", [("KFQDM", T), ("KFQMC", T), ("PZMJ", R)],
                  [{"polys": [[oz]], "KFQDM": "S320412", "KFQMC": "武进示范高新技术产业园区", "PZMJ": ha(oz)}]),
    }
    # 数据范围: where the control-line layers' data are complete (the county excerpt they were delivered
    # for), 2 km around everything in the sample; the project file gives it as their coverage.
    xs = [x for layer in layers.values() for f in layer[3] for poly in f["polys"] for ring in poly for x, _ in ring]
    ys = [y for layer in layers.values() for f in layer[3] for poly in f["polys"] for ring in poly for _, y in ring]
    x1, y1 = round(min(xs) - 2000), round(min(ys) - 2000)
    x2, y2 = round(max(xs) + 2000), round(max(ys) + 2000)
    layers["sjfw"] = ("数据范围 coverage of the control-line layers", "POLYGON", [("MC", T)],
                      [{"polys": [[[(x1, y1), (x2, y1), (x2, y2), (x1, y2)]]], "MC": "武进区控制线数据范围"}])
    txt = {"kfqfw.txt": [(ZONE_CODE, ZONE_NAME, [(zone_polys[0][0], False), (zone_polys[0][1], True),
                                                 (zone_polys[1][0], False)])],
           "kqfw.txt": [("KQ1", kq_name, [(kq, False)])],
           "tqfw.txt": [("TC1", tq_name + "调出地块", [(tc, False)]), ("TR1", tq_name + "调入地块", [(tr, False)])]}
    return layers, txt


def write_manifest(parcels, layers, fr, tenants):
    """Ground truth of the planted situations, for tests."""
    zone = layers["kfqfw"][3][0]["polys"]
    zone_area = sum(abs(signed_area(r)) * (-1 if k else 1) for poly in zone for k, r in enumerate(poly))
    by = lambda st: sorted(p["ZDBH"] for p in parcels if p["state"] == st)  # noqa: E731
    codes = {}
    for p in parcels:
        codes[p["DLBM"]] = codes.get(p["DLBM"], 0) + 1
    started = [p for p in parcels if p["SJKGRQ"]]
    man = {
        "generator": "GeoData/generate_sample.py", "seed": SEED, "as_of": AS_OF.isoformat(), "crs": "EPSG:4528",
        "local_origin_epsg4528": [fr.e0, fr.n0], "anchor_lon_lat": [ANCHOR_LON, ANCHOR_LAT],
        "feature_counts": {k: len(v[3]) for k, v in layers.items()},
        "zone_area_m2_planar": round(zone_area, 3),
        "parcel_codes": dict(sorted(codes.items())),
        "started_parcels": len(started), "started_parcels_with_buildings": sum(1 for p in started if p.get("has_jzw")),
        "planted": {
            "not_started_overdue_1_to_2_years": by("idle1"),
            "not_started_overdue_2_years_or_more": by("idle2"),
            "not_started_within_grace_or_not_yet_due": by("pending"),
            "started_stalled": by("stalled"),
            "under_construction": by("building"),
            "completed_not_in_production": by("unused"),
            "sbmj_mismatch_over_5pct": sorted(p["ZDBH"] for p in parcels if "sbmj_err" in p),
        },
        "multi_tenant_parcels": sorted({r["ZDBH"] for r in tenants}),
        "producing_parcels": sum(1 for p in parcels if p["CZ"] > 0),
    }
    with open(os.path.join(OUT_DIR, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(man, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
