/* tamis — the error domain shared by the library and its plugins. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TAMIS_ERROR:
 *
 * The #GError domain of tamis.
 */
#define TAMIS_ERROR (tamis_error_quark ())

/**
 * TamisError:
 * @TAMIS_ERROR_FAILED: anything else
 * @TAMIS_ERROR_CONFIG: a pipeline or stage option is wrong; the message
 *   starts with "file:line:column: "
 * @TAMIS_ERROR_PLUGIN: a plugin cannot be found, loaded or accepted
 * @TAMIS_ERROR_INPUT: a document cannot be read or is not usable text
 * @TAMIS_ERROR_IO: reading or writing a file failed
 * @TAMIS_ERROR_DATA: a plugin's data file is missing or malformed
 */
typedef enum {
  TAMIS_ERROR_FAILED,
  TAMIS_ERROR_CONFIG,
  TAMIS_ERROR_PLUGIN,
  TAMIS_ERROR_INPUT,
  TAMIS_ERROR_IO,
  TAMIS_ERROR_DATA,
} TamisError;

/** tamis_error_quark: Returns: the quark of %TAMIS_ERROR. */
GQuark tamis_error_quark (void);

G_END_DECLS
