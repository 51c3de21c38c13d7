/*
 * output_limit: the physical limit for `zonecalc area --method planar -o OUT` on this machine.
 *
 * Reads a polygon layer with GDAL/OGR on 2 threads (each its own dataset handle, reading half of the
 * features by FID range), computes the planar area of every feature with GEOS (re-entrant API, one
 * context per thread), and writes one row per feature (id, area; the geometry too for formats that carry
 * one) with GDAL's driver for OUT's extension (.csv CSV, .gpkg GPKG, .xlsx XLSX), in layer order.
 *
 * --all-fields writes every source attribute after id and area, as ZoneCalc's ledger does (its
 *             sequence, FID and note columns aside), instead of id and area alone.
 * --validity  does the whole job ZoneCalc does: an invalid polygon (GEOSisValid) is made valid
 *             (GEOSMakeValid) before it is measured, so the total equals ZoneCalc's. Without it the
 *             area of an invalid polygon is GEOS's area of it as stored (a lower bound on the time,
 *             not the same total).
 *
 * build: cc -O2 -o output_limit Benchmarks/output_limit.c $(pkg-config --cflags --libs gdal geos) -lpthread
 * usage: output_limit IN.gpkg LAYER ID_FIELD OUT.(csv|gpkg|xlsx) [--validity] [--all-fields]
 * prints: rows N, total_m2 T, made_valid M, read+area s, write s
 */
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <geos_c.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define THREADS 2

typedef struct {
    const char *path, *layer, *id_field, *fid_column;
    GIntBig first, last; /* FIDs, inclusive */
    int keep_geometry, validity, all_fields;
    size_t count, made_valid;
    char **ids;
    double *areas;
    OGRGeometryH *geometries;
    OGRFeatureH *features; /* --all-fields: the source features, attributes and geometry */
    size_t capacity;
} Slice;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void die(const char *what) {
    fprintf(stderr, "output_limit: %s: %s\n", what, CPLGetLastErrorMsg());
    exit(1);
}

static void quiet(const char *fmt, ...) { (void)fmt; }

static void *read_slice(void *arg) {
    Slice *s = arg;
    GEOSContextHandle_t geos = GEOS_init_r();
    GEOSContext_setNoticeHandler_r(geos, quiet);
    GEOSContext_setErrorHandler_r(geos, quiet);
    GEOSWKBReader *reader = GEOSWKBReader_create_r(geos);
    GDALDatasetH ds = GDALOpenEx(s->path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!ds) die(s->path);
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, s->layer);
    if (!layer) die(s->layer);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    int id_index = OGR_FD_GetFieldIndex(defn, s->id_field);
    if (id_index < 0) die(s->id_field);
    if (!s->all_fields) { /* decode only the id field */
        int n_fields = OGR_FD_GetFieldCount(defn);
        char **ignored = NULL;
        for (int i = 0; i < n_fields; i++)
            if (i != id_index) ignored = CSLAddString(ignored, OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
        ignored = CSLAddString(ignored, "OGR_STYLE");
        OGR_L_SetIgnoredFields(layer, (const char **)ignored);
        CSLDestroy(ignored);
    }
    char filter[256];
    snprintf(filter, sizeof filter, "%s >= " CPL_FRMT_GIB " AND %s <= " CPL_FRMT_GIB, s->fid_column, s->first, s->fid_column, s->last);
    if (OGR_L_SetAttributeFilter(layer, filter) != OGRERR_NONE) die("attribute filter");
    OGR_L_ResetReading(layer);
    unsigned char *wkb = NULL;
    size_t wkb_capacity = 0;
    OGRFeatureH f;
    while ((f = OGR_L_GetNextFeature(layer)) != NULL) {
        if (s->count == s->capacity) {
            s->capacity = s->capacity ? s->capacity * 2 : 1 << 16;
            s->ids = realloc(s->ids, s->capacity * sizeof *s->ids);
            s->areas = realloc(s->areas, s->capacity * sizeof *s->areas);
            if (s->keep_geometry) s->geometries = realloc(s->geometries, s->capacity * sizeof *s->geometries);
            if (s->all_fields) s->features = realloc(s->features, s->capacity * sizeof *s->features);
        }
        double area = 0;
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (g) {
            size_t size = (size_t)OGR_G_WkbSize(g);
            if (size > wkb_capacity) { wkb_capacity = size * 2; wkb = realloc(wkb, wkb_capacity); }
            OGR_G_ExportToIsoWkb(g, wkbNDR, wkb);
            GEOSGeometry *geom = GEOSWKBReader_read_r(geos, reader, wkb, size);
            if (geom) {
                if (s->validity && GEOSisValid_r(geos, geom) != 1) {
                    GEOSGeometry *fixed = GEOSMakeValid_r(geos, geom);
                    if (fixed) { GEOSGeom_destroy_r(geos, geom); geom = fixed; s->made_valid++; }
                }
                GEOSArea_r(geos, geom, &area);
                GEOSGeom_destroy_r(geos, geom);
            }
        }
        s->ids[s->count] = CPLStrdup(OGR_F_GetFieldAsString(f, id_index));
        s->areas[s->count] = area;
        if (s->keep_geometry) s->geometries[s->count] = g ? OGR_F_StealGeometry(f) : NULL;
        if (s->all_fields) s->features[s->count] = f; else OGR_F_Destroy(f);
        s->count++;
    }
    free(wkb);
    GDALClose(ds);
    GEOSWKBReader_destroy_r(geos, reader);
    GEOS_finish_r(geos);
    return NULL;
}

static const char *driver_for(const char *out) {
    const char *dot = strrchr(out, '.');
    if (dot && !strcasecmp(dot, ".csv")) return "CSV";
    if (dot && !strcasecmp(dot, ".gpkg")) return "GPKG";
    if (dot && !strcasecmp(dot, ".xlsx")) return "XLSX";
    fprintf(stderr, "output_limit: %s: use .csv, .gpkg or .xlsx\n", out);
    exit(2);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: output_limit IN.gpkg LAYER ID_FIELD OUT.(csv|gpkg|xlsx) [--validity] [--all-fields]\n");
        return 2;
    }
    const char *in = argv[1], *layer_name = argv[2], *id_field = argv[3], *out = argv[4];
    int validity = 0, all_fields = 0;
    for (int i = 5; i < argc; i++) {
        if (!strcmp(argv[i], "--validity")) validity = 1;
        else if (!strcmp(argv[i], "--all-fields")) all_fields = 1;
        else { fprintf(stderr, "output_limit: unknown option %s\n", argv[i]); return 2; }
    }
    const char *driver_name = driver_for(out);
    int keep_geometry = !strcmp(driver_name, "GPKG");
    double started = now();
    GDALAllRegister();

    GDALDatasetH ds = GDALOpenEx(in, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!ds) die(in);
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, layer_name);
    if (!layer) die(layer_name);
    const char *fid_column = CPLStrdup(OGR_L_GetFIDColumn(layer));
    if (!*fid_column) die("layer has no FID column");
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    if (srs) srs = OSRClone(srs);
    OGRwkbGeometryType geometry_type = OGR_L_GetGeomType(layer);
    OGRFeatureDefnH source_defn = OGR_L_GetLayerDefn(layer); /* valid while ds is open */
    /* FID range: one query each for the first and the last FID */
    char sql[256];
    GIntBig first = 0, last = -1;
    snprintf(sql, sizeof sql, "SELECT MIN(%s), MAX(%s) FROM \"%s\"", fid_column, fid_column, layer_name);
    OGRLayerH range = GDALDatasetExecuteSQL(ds, sql, NULL, NULL);
    if (range) {
        OGRFeatureH f = OGR_L_GetNextFeature(range);
        if (f) { first = OGR_F_GetFieldAsInteger64(f, 0); last = OGR_F_GetFieldAsInteger64(f, 1); OGR_F_Destroy(f); }
        GDALDatasetReleaseResultSet(ds, range);
    }

    Slice slices[THREADS];
    pthread_t threads[THREADS];
    GIntBig span = last - first + 1, step = (span + THREADS - 1) / THREADS;
    for (int t = 0; t < THREADS; t++) {
        memset(&slices[t], 0, sizeof slices[t]);
        slices[t] = (Slice){.path = in, .layer = layer_name, .id_field = id_field, .fid_column = fid_column,
                            .first = first + t * step, .last = first + (t + 1) * step - 1,
                            .keep_geometry = keep_geometry, .validity = validity, .all_fields = all_fields};
        pthread_create(&threads[t], NULL, read_slice, &slices[t]);
    }
    for (int t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);
    double measured = now();

    GDALDriverH driver = GDALGetDriverByName(driver_name);
    if (!driver) die(driver_name);
    GDALDatasetH target = GDALCreate(driver, out, 0, 0, 0, GDT_Unknown, NULL);
    if (!target) die(out);
    OGRLayerH result = GDALDatasetCreateLayer(target, "area", keep_geometry ? srs : NULL,
                                              keep_geometry ? geometry_type : wkbNone, NULL);
    if (!result) die("create layer");
    OGRFieldDefnH id_defn = OGR_Fld_Create("id", OFTString), area_defn = OGR_Fld_Create("area_m2", OFTReal);
    OGR_L_CreateField(result, id_defn, TRUE);
    OGR_L_CreateField(result, area_defn, TRUE);
    OGR_Fld_Destroy(id_defn);
    OGR_Fld_Destroy(area_defn);
    int n_source = OGR_FD_GetFieldCount(source_defn);
    int *map = calloc(n_source, sizeof *map);
    for (int i = 0; i < n_source; i++) {
        map[i] = all_fields ? 2 + i : -1;
        if (all_fields) OGR_L_CreateField(result, OGR_FD_GetFieldDefn(source_defn, i), TRUE);
    }
    OGRFeatureDefnH result_defn = OGR_L_GetLayerDefn(result);
    int in_transaction = GDALDatasetStartTransaction(target, FALSE) == OGRERR_NONE; /* GPKG; CSV and XLSX have none */
    size_t rows = 0, made_valid = 0;
    double total = 0;
    for (int t = 0; t < THREADS; t++) {
        Slice *s = &slices[t];
        made_valid += s->made_valid;
        for (size_t i = 0; i < s->count; i++) {
            OGRFeatureH f = OGR_F_Create(result_defn);
            if (all_fields) { OGR_F_SetFromWithMap(f, s->features[i], TRUE, map); OGR_F_Destroy(s->features[i]); }
            OGR_F_SetFieldString(f, 0, s->ids[i]);
            OGR_F_SetFieldDouble(f, 1, s->areas[i]);
            if (keep_geometry && s->geometries[i]) OGR_F_SetGeometryDirectly(f, s->geometries[i]);
            if (OGR_L_CreateFeature(result, f) != OGRERR_NONE) die("write");
            OGR_F_Destroy(f);
            total += s->areas[i];
            rows++;
            CPLFree(s->ids[i]);
        }
        free(s->ids);
        free(s->areas);
        free(s->geometries);
        free(s->features);
    }
    free(map);
    if (in_transaction && GDALDatasetCommitTransaction(target) != OGRERR_NONE) die("commit");
    GDALClose(target);
    GDALClose(ds);
    double written = now();
    if (srs) OSRDestroySpatialReference(srs);
    printf("rows %zu, total_m2 %.6f, made_valid %zu, read+area %.3f s, write %.3f s\n",
           rows, total, made_valid, measured - started, written - measured);
    return 0;
}
