/* tamis — error domain. */
#include "config.h"

#include <tamis/error.h>

G_DEFINE_QUARK (tamis-error-quark, tamis_error)
