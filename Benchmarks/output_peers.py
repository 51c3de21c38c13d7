#!/usr/bin/env python3
"""The job of `zonecalc area --method planar -o OUT`, done with geopandas or DuckDB spatial, for output_bench.py.

Reads the layer, makes invalid polygons valid (as ZoneCalc and the peer suite do, so the totals agree),
computes the planar area and writes one row per feature: the id and the area (m²), and the geometry
too in a GeoPackage. Run whole, as a process: `python3 output_peers.py TOOL IN.gpkg LAYER ID_FIELD OUT`,
TOOL geopandas or duckdb, OUT ending in .csv, .gpkg or .xlsx (DuckDB: .csv and .gpkg, written with
COPY … TO, the GeoPackage through its GDAL driver).

geopandas: geopandas.read_file (pyogrio, Arrow), shapely.make_valid on the invalid ones, GeoSeries.area,
DataFrame.to_csv / GeoDataFrame.to_file (GPKG, pyogrio) / DataFrame.to_excel (openpyxl).
DuckDB: ST_Read, ST_IsValid / ST_MakeValid, ST_Area, COPY … TO (HEADER) / (FORMAT GDAL, DRIVER 'GPKG').
"""
import glob
import os
import sys


def geopandas_job(source, layer, id_field, out):
    import geopandas as gpd
    import shapely

    gdf = gpd.read_file(source, layer=layer, columns=[id_field], engine="pyogrio", use_arrow=True)
    geometry = gdf.geometry.values
    valid = shapely.is_valid(geometry)
    fixed = geometry.copy()
    fixed[~valid] = shapely.make_valid(geometry[~valid])
    gdf["area_m2"] = shapely.area(fixed)
    if out.endswith(".csv"):
        gdf[[id_field, "area_m2"]].to_csv(out, index=False)
    elif out.endswith(".gpkg"):
        gdf[[id_field, "area_m2", "geometry"]].to_file(out, driver="GPKG", engine="pyogrio")
    elif out.endswith(".xlsx"):
        gdf[[id_field, "area_m2"]].to_excel(out, index=False, engine="openpyxl")
    else:
        sys.exit(f"{out}: use .csv, .gpkg or .xlsx")


def duckdb_job(source, layer, id_field, out):
    import duckdb

    con = duckdb.connect()
    try:
        import duckdb_extension_spatial as extension
        path = glob.glob(os.path.join(os.path.dirname(extension.__file__), "extensions", "*", "spatial.duckdb_extension"))[0]
        con.execute(f"LOAD '{path}'")
    except ImportError:
        con.execute("INSTALL spatial")
        con.execute("LOAD spatial")
    rows = f"""SELECT {id_field}, ST_Area(CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END) AS area_m2{{geometry}}
               FROM ST_Read('{source}', layer='{layer}')"""
    if out.endswith(".csv"):
        con.execute(f"COPY ({rows.format(geometry='')}) TO '{out}' (HEADER)")
    elif out.endswith(".gpkg"):
        con.execute(f"COPY ({rows.format(geometry=', geom')}) TO '{out}' WITH (FORMAT GDAL, DRIVER 'GPKG', SRS 'EPSG:4547')")
    else:
        sys.exit(f"{out}: use .csv or .gpkg")


if __name__ == "__main__":
    if len(sys.argv) != 6 or sys.argv[1] not in ("geopandas", "duckdb"):
        sys.exit("usage: output_peers.py geopandas|duckdb IN.gpkg LAYER ID_FIELD OUT")
    tool, source, layer, id_field, out = sys.argv[1:]
    (geopandas_job if tool == "geopandas" else duckdb_job)(source, layer, id_field, out)
