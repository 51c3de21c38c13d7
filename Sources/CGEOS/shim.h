// Only the re-entrant GEOS API compiles: every call takes an explicit context.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
