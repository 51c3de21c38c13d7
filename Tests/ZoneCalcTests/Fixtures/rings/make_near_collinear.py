#!/usr/bin/env python3
"""Rings where the plain floating-point orientation sign is wrong, for CertainlySimpleRingTests.

Each ring p, q, A, v, B has a vertex v within rounding of the edge pq: exactly (rational arithmetic,
fractions.Fraction) v lies on one side of pq, while the plain double-precision determinant says the
other side. A ring test that trusted the plain sign would call the ring simple; GEOS calls it invalid
(the edges through v cross pq).
Coordinates are written as text (Python's shortest round-trip repr), read back with Double(String).
Recorded with: python3 make_near_collinear.py > near_collinear.json  (shapely 2.x, GEOS validity)
"""
import json
import random
from fractions import Fraction as F

import shapely
from shapely.geometry import Polygon


def exact(a, b, c):
    d = (F(a[0]) - F(c[0])) * (F(b[1]) - F(c[1])) - (F(a[1]) - F(c[1])) * (F(b[0]) - F(c[0]))
    return (d > 0) - (d < 0)


def plain(a, b, c):
    d = (a[0] - c[0]) * (b[1] - c[1]) - (a[1] - c[1]) * (b[0] - c[0])
    return (d > 0) - (d < 0)


rnd = random.Random(7)
rings = []
while len(rings) < 20:
    p = (rnd.random() * 1e3, rnd.random() * 1e3)
    q = (rnd.random() * 1e3, rnd.random() * 1e3)
    s = rnd.random()
    v = (p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1]))
    e, n = exact(p, q, v), plain(p, q, v)
    if n == 0 or e == n:
        continue
    # A and B on the side the plain sign claims, so the ring looks simple to the plain test.
    nx, ny = -(q[1] - p[1]), q[0] - p[0]
    a = (q[0] + n * nx, q[1] + n * ny)
    b = (p[0] + n * nx, p[1] + n * ny)
    ring = [p, q, a, v, b, p]
    if shapely.is_valid(Polygon(ring)):
        continue  # keep only rings GEOS calls invalid
    rings.append([[repr(x), repr(y)] for x, y in ring])  # as text: read back exactly
print(json.dumps({"source": "make_near_collinear.py, seed 7; every ring invalid by GEOS (shapely.is_valid)", "rings": rings}, indent=1))
