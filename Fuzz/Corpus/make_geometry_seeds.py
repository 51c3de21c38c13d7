#!/usr/bin/env python3
"""Seed WKB for the FuzzGeometry target (shapely 2.x): real-shaped parcels, the defects ZoneCalc must
survive, and hand-written curve types. Run once from this folder: python3 make_geometry_seeds.py"""
import math
import struct

import shapely
from shapely.geometry import MultiPolygon, Polygon

x, y = 500000.0, 3500000.0
shapes = {
    "square": Polygon([(x, y), (x + 100, y), (x + 100, y + 100), (x, y + 100)]),
    "rotated": Polygon([(x + 50 * math.cos(a), y + 40 * math.sin(a)) for a in (0.3, 1.9, 3.4, 5.0)]),
    "holed": Polygon([(x, y), (x + 100, y), (x + 100, y + 100), (x, y + 100)], [[(x + 20, y + 20), (x + 40, y + 20), (x + 40, y + 40), (x + 20, y + 40)]]),
    "bowtie": Polygon([(x, y), (x + 10, y + 10), (x + 10, y), (x, y + 10)]),
    "flat": Polygon([(x, y), (x + 50, y), (x + 100, y)]),
    "multi": MultiPolygon([Polygon([(0, 0), (1, 0), (1, 1)]), Polygon([(5, 5), (6, 5), (6, 6)])]),
    "empty": Polygon(),
    "huge": Polygon([(1e25, 0), (1e25 + 1e10, 0), (1e25, 1e10)]),
}
for name, shape in shapes.items():
    open(f"geometry/{name}.wkb", "wb").write(shapely.to_wkb(shape, byte_order=1))
    open(f"geometry/{name}-be.wkb", "wb").write(shapely.to_wkb(shape, byte_order=0))


def points(*xy):
    return b"".join(struct.pack("<dd", *p) for p in xy)


circle = points((x - 50, y), (x, y + 50), (x + 50, y), (x, y - 50), (x - 50, y))
open("geometry/curvepolygon.wkb", "wb").write(struct.pack("<BII", 1, 10, 1) + struct.pack("<BII", 1, 8, 5) + circle)
open("geometry/nan.wkb", "wb").write(struct.pack("<BIII", 1, 3, 1, 4) + points((x, y), (float("nan"), y), (x, y + 1), (x, y)))
