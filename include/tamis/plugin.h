/* tamis — what a plugin module exports. A plugin includes this header only. */
#pragma once

#include <glib.h>
#include <tamis/version.h>
#include <tamis/error.h>
#include <tamis/document.h>
#include <tamis/config.h>

G_BEGIN_DECLS

/**
 * TamisPluginFlags:
 * @TAMIS_PLUGIN_FLAGS_NONE: process() may run on several documents at once
 * @TAMIS_PLUGIN_SERIAL: process() is not thread-safe; the core calls it from
 *   one thread at a time
 */
typedef enum {
  TAMIS_PLUGIN_FLAGS_NONE = 0,
  TAMIS_PLUGIN_SERIAL = 1 << 0,
} TamisPluginFlags;

/**
 * TamisPluginCreateFunc:
 * @config: the stage's options
 * @error: return location for a #GError
 *
 * Called once per pipeline stage, before any document is read: reads the
 * options, loads data files, and returns the stage's state.
 *
 * Returns: the state passed to process() and destroy() (may be any non-%NULL
 *   pointer), or %NULL with @error set
 */
typedef gpointer (*TamisPluginCreateFunc) (TamisConfig *config, GError **error);

/**
 * TamisPluginProcessFunc:
 * @state: what create() returned
 * @doc: the document; read its text and earlier layers, add layers and attributes
 * @error: return location for a #GError
 *
 * Analyses one document. Unless the plugin is %TAMIS_PLUGIN_SERIAL, it is
 * called from several threads at once on different documents: @state must be
 * read-only here (or guarded, or per thread).
 *
 * Returns: %FALSE with @error set when this document cannot be processed; the
 *   document gets an error record and the run goes on with the others
 */
typedef gboolean (*TamisPluginProcessFunc) (gpointer state, TamisDoc *doc, GError **error);

/**
 * TamisPluginDestroyFunc:
 * @state: what create() returned
 *
 * Frees a stage's state when its pipeline is freed.
 */
typedef void (*TamisPluginDestroyFunc) (gpointer state);

/**
 * TamisPlugin:
 * @abi_major: %TAMIS_ABI_MAJOR the plugin was built with
 * @abi_minor: %TAMIS_ABI_MINOR the plugin was built with
 * @size: sizeof (TamisPlugin) as the plugin saw it
 * @name: the plugin's name, as pipelines spell it; a C identifier
 * @version: the plugin's own version
 * @summary: one line saying what it does
 * @provides: (nullable): %NULL-terminated names of the layers and document
 *   attributes it writes
 * @requires: (nullable): %NULL-terminated names that an earlier stage must provide
 * @flags: #TamisPluginFlags
 * @create: parses the options; may be %NULL for a plugin without state or options
 * @process: analyses one document
 * @destroy: (nullable): frees the state
 *
 * The descriptor a plugin module exports, as `NAME_LTX_tamis_plugin`.
 * Declare it with TAMIS_PLUGIN_DEFINE(). New fields only ever appear in the
 * reserved space at the end, with a new %TAMIS_ABI_MINOR.
 */
typedef struct {
  guint16 abi_major;
  guint16 abi_minor;
  guint32 size;
  const char *name;
  const char *version;
  const char *summary;
  const char *const *provides;
  const char *const *requires;
  guint flags;
  TamisPluginCreateFunc create;
  TamisPluginProcessFunc process;
  TamisPluginDestroyFunc destroy;
  /*< private >*/
  gpointer _tamis_reserved[12];
} TamisPlugin;

/**
 * TAMIS_NAMES:
 * @...: string literals
 *
 * A %NULL-terminated list of names for the @provides and @requires fields.
 */
#define TAMIS_NAMES(...) ((const char *const[]) { __VA_ARGS__, NULL })

#if defined(_WIN32)
#define TAMIS_PLUGIN_EXPORT __declspec (dllexport)
#else
#define TAMIS_PLUGIN_EXPORT __attribute__ ((visibility ("default")))
#endif

/**
 * TAMIS_PLUGIN_DEFINE:
 * @name_: the plugin name, a bare C identifier (not a string)
 * @version_: the plugin version, a string
 * @summary_: one line saying what it does
 * @...: designated initialisers for the other #TamisPlugin fields
 *   (.provides, .requires, .flags, .create, .process, .destroy)
 *
 * Defines and exports the plugin's descriptor as `name_LTX_tamis_plugin`,
 * the libltdl naming that lets the module also be linked in statically and
 * preloaded.
 */
#define TAMIS_PLUGIN_DEFINE(name_, version_, summary_, ...)                   \
  TAMIS_PLUGIN_EXPORT extern const TamisPlugin name_##_LTX_tamis_plugin;       \
  TAMIS_PLUGIN_EXPORT const TamisPlugin name_##_LTX_tamis_plugin = {           \
    .abi_major = TAMIS_ABI_MAJOR,                                              \
    .abi_minor = TAMIS_ABI_MINOR,                                              \
    .size = sizeof (TamisPlugin),                                              \
    .name = #name_,                                                            \
    .version = version_,                                                       \
    .summary = summary_,                                                       \
    __VA_ARGS__                                                                \
  };

G_END_DECLS
