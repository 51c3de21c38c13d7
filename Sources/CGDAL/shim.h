#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <sqlite3.h>

/// SQLite (under GDAL's GeoPackage and SQLite drivers) keeps memory statistics behind one
/// process-wide mutex, which serialises concurrent readers. sqlite3_config is variadic and cannot
/// be called from Swift, hence this wrapper. Must run before SQLite initialises (before any open).
/// Returns SQLITE_OK (0) on success, SQLITE_MISUSE if SQLite was already initialised.
static inline int zonecalc_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
