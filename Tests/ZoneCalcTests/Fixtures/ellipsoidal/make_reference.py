#!/usr/bin/env python3
"""Independent reference values for the converged ellipsoidal area of 国土调查办发〔2008〕32号.

Run once, from this folder:  python3 make_reference.py > reference.json
(pyproj 3.7.2 with PROJ 9.5.1, geographiclib 2.1, numpy 2, mpmath 1.3). ZoneCalc's tests read the
JSON; nothing here is ZoneCalc code.

Method, written from the circular's text and independent of ZoneCalc: every edge is straight in the
data's own coordinates (the Gauss–Krüger plane for projected data, longitude/latitude for geographic
data). Each edge is cut into 2^k equal pieces in those coordinates, the points are inverse-projected
with pyproj, and the signed ellipsoidal trapezoids between each piece and the ring's first meridian
are summed (the circular's narrow strips). k grows, with Romberg extrapolation of the strip sums,
until two successive estimates of the edge differ by less than 1e-7 m². Holes are subtracted.
The strip series is checked against the exact closed form b²ΔL[q(B2) − q(B1)]/2 in 50-digit mpmath.
Karney's geodesic area (geographiclib) of the same vertices is recorded beside it, as is the
one-trapezoid-per-edge sum, for comparison only.
"""
import json, math, sys
import numpy as np
import mpmath
from pyproj import CRS, Transformer
from geographiclib.geodesic import Geodesic

def ellipsoid(crs):
    e = crs.ellipsoid
    return e.semi_major_metre, e.inverse_flattening

class Series:
    def __init__(self, a, invf):
        f = 1 / invf; e2 = f * (2 - f); self.b = a * (1 - f); self.e2 = e2
        e4, e6, e8 = e2 ** 2, e2 ** 3, e2 ** 4
        self.A = 1 + (3 / 6) * e2 + (30 / 80) * e4 + (35 / 112) * e6 + (630 / 2304) * e8
        self.B = (1 / 6) * e2 + (15 / 80) * e4 + (21 / 112) * e6 + (420 / 2304) * e8
        self.C = (3 / 80) * e4 + (7 / 112) * e6 + (180 / 2304) * e8
        self.D = (1 / 112) * e6 + (45 / 2304) * e8
        self.E = (5 / 2304) * e8
    def strip(self, b1, b2):
        """S / (b² ΔL) for latitudes b1, b2 in radians (the circular's bracket times 2)."""
        h = (b2 - b1) / 2; m = (b1 + b2) / 2
        return 2 * (self.A * np.sin(h) * np.cos(m) - self.B * np.sin(3 * h) * np.cos(3 * m)
                    + self.C * np.sin(5 * h) * np.cos(5 * m) - self.D * np.sin(7 * h) * np.cos(7 * m)
                    + self.E * np.sin(9 * h) * np.cos(9 * m))
    def closed_form(self, b1, b2):
        mpmath.mp.dps = 50
        e2 = mpmath.mpf(self.e2); e = mpmath.sqrt(e2)
        def q(phi):
            s = mpmath.sin(phi)
            return s / (1 - e2 * s * s) + mpmath.log((1 + e * s) / (1 - e * s)) / (2 * e)
        return (q(mpmath.mpf(b2)) - q(mpmath.mpf(b1))) / 2  # same scale as strip(): S/(b²ΔL)

def converged_edge(p, q, to_lonlat, series, lon0, geographic):
    rows = []
    for k in range(0, 20):
        t = np.linspace(0.0, 1.0, 2 ** k + 1)
        x = p[0] + (q[0] - p[0]) * t; y = p[1] + (q[1] - p[1]) * t
        lon, lat = (x, y) if geographic else to_lonlat.transform(x, y)
        L = np.radians(np.asarray(lon) - lon0); B = np.radians(np.asarray(lat))
        s = series.b ** 2 * float(np.sum((L[:-1] + L[1:]) / 2 * series.strip(B[:-1], B[1:])))
        row = [s]
        for j in range(1, len(rows) + 1):
            row.append(row[j - 1] + (row[j - 1] - rows[-1][j - 1]) / (4 ** j - 1))
        rows.append(row)
        if k >= 3 and abs(row[-1] - rows[-2][-1]) < 1e-7:
            return row[-1], rows[0][0]
    raise RuntimeError("edge did not converge")

def ring_areas(ring, crs, to_lonlat, series, geod):
    geographic = crs.is_geographic
    lon0 = ring[0][0] if geographic else to_lonlat.transform(*ring[0])[0]
    exact = one = 0.0
    for p, q in zip(ring[:-1], ring[1:]):
        e, o = converged_edge(p, q, to_lonlat, series, lon0, geographic)
        exact += e; one += o
    poly = geod.Polygon()
    for v in ring[:-1]:
        lon, lat = v if geographic else to_lonlat.transform(*v)
        poly.AddPoint(lat, lon)
    _, _, geodesic = poly.Compute(False, True)
    return abs(exact), abs(one), abs(geodesic)

def rotated_rectangle(cx, cy, w, h, degrees):
    r = math.radians(degrees); c, s = math.cos(r), math.sin(r)
    pts = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    ring = [(cx + u * c - v * s, cy + u * s + v * c) for u, v in pts]
    return ring + [ring[0]]

def closed(points):
    return [tuple(map(float, p)) for p in points] + [tuple(map(float, points[0]))]

CASES = [
    # name, EPSG, shell, holes
    ("triangle_parcel_37N", 4547, closed([(440000.0, 4190000.0), (440180.0, 4190050.0), (440070.0, 4190210.0)]), []),
    ("rotated_6ha_parcel_30N_east", 4547, rotated_rectangle(620000.0, 3320000.0, 300.0, 200.0, 30.0), []),
    ("irregular_baopi_parcel_zone40_prefixed", 4528, closed([
        (40512034.512, 3545012.734), (40512231.884, 3544998.201), (40512318.460, 3545087.562),
        (40512301.117, 3545210.905), (40512198.650, 3545268.331), (40512077.032, 3545242.118),
        (40511990.705, 3545176.459), (40511972.218, 3545083.040), (40512001.356, 3545040.117)]), []),
    ("zone_km_edges_with_hole_31N", 4549, closed([
        (590000.0, 3485000.0), (593800.0, 3484400.0), (595200.0, 3487100.0), (594100.0, 3489900.0),
        (591300.0, 3490600.0), (589200.0, 3488300.0)]),
        [closed([(591500.0, 3486500.0), (592300.0, 3486900.0), (591900.0, 3487800.0)])]),
    ("triangle_20km_east_edge_40N", 4547, closed([(360000.0, 4430000.0), (380000.0, 4430000.0), (371000.0, 4436000.0)]), []),
    ("triangle_60km_edges_45N", 4547, closed([(360000.0, 4985000.0), (420000.0, 4985000.0), (380000.0, 5040000.0)]), []),
    ("sliver_20km_north_edge_east_of_cm", 4547, closed([(640000.0, 3900000.0), (640400.0, 3900000.0), (640400.0, 3920000.0)]), []),
    ("six_degree_zone_250km_from_cm_50N", 4509, closed([(250000.0, 5540000.0), (251300.0, 5540250.0), (250900.0, 5541400.0), (249800.0, 5541000.0)]), []),
    ("xian80_parcel_cm114", 2383, closed([(452300.0, 3860100.0), (452410.0, 3860080.0), (452460.0, 3860190.0), (452330.0, 3860230.0)]), []),
    ("utm50n_parcel", 32650, closed([(420000.0, 3500000.0), (420900.0, 3500150.0), (420700.0, 3500800.0), (419950.0, 3500600.0)]), []),
    ("lonlat_polygon_straight_in_lonlat", 4490, closed([(116.30, 39.90), (116.36, 39.905), (116.35, 39.95), (116.31, 39.94)]), []),
]

def main():
    out = {"generated_by": "python3 make_reference.py > reference.json",
           "software": "pyproj %s (PROJ %s), geographiclib %s, numpy %s, mpmath %s" % (
               __import__("pyproj").__version__, __import__("pyproj").proj_version_str,
               __import__("geographiclib").__version__, np.__version__, mpmath.__version__),
           "edges": "straight in the data's own coordinates (Gauss-Krüger plane, or longitude/latitude)",
           "cases": []}
    worst_series = 0.0
    for name, epsg, shell, holes in CASES:
        crs = CRS.from_epsg(epsg)
        geo = crs if crs.is_geographic else crs.geodetic_crs
        to_lonlat = Transformer.from_crs(crs, geo, always_xy=True)
        a, invf = ellipsoid(crs)
        series = Series(a, invf)
        geod = Geodesic(a, 1 / invf)
        total = [0.0, 0.0, 0.0]
        for i, ring in enumerate([shell] + holes):
            r = ring_areas(ring, crs, to_lonlat, series, geod)
            sign = 1 if i == 0 else -1
            total = [t + sign * v for t, v in zip(total, r)]
        for b1, b2 in [(0.5, 0.5000001), (0.66, 0.6601), (0.3, 0.9)]:
            worst_series = max(worst_series, abs(float(series.strip(b1, b2)) / float(series.closed_form(b1, b2)) - 1))
        out["cases"].append({"name": name, "epsg": epsg, "shell": shell, "holes": holes,
                             "ellipsoidal_converged_m2": round(total[0], 6),
                             "one_trapezoid_per_edge_m2": round(total[1], 6),
                             "geodesic_m2": round(total[2], 6)})
    out["series_vs_closed_form_max_relative_difference"] = worst_series
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")

if __name__ == "__main__":
    main()
