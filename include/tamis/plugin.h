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
 * TamisOptionType:
 * @TAMIS_OPTION_STRING: one scalar, read with tamis_config_get_string()
 * @TAMIS_OPTION_INT: a whole number, read with tamis_config_get_int()
 * @TAMIS_OPTION_DOUBLE: a number, read with tamis_config_get_double()
 * @TAMIS_OPTION_BOOL: true or false (also yes/no, on/off), read with
 *   tamis_config_get_bool()
 * @TAMIS_OPTION_LIST: a list of scalars (one scalar reads as a list of one),
 *   read with tamis_config_get_strv()
 * @TAMIS_OPTION_PATH: a file name, relative to the pipeline file, read with
 *   tamis_config_get_path()
 * @TAMIS_OPTION_MAPPING: nested options, read with tamis_config_get_child();
 *   their keys are checked as the plugin asks for them
 *
 * The type of a declared option; the core checks it before create().
 */
typedef enum {
  TAMIS_OPTION_STRING = 1,
  TAMIS_OPTION_INT,
  TAMIS_OPTION_DOUBLE,
  TAMIS_OPTION_BOOL,
  TAMIS_OPTION_LIST,
  TAMIS_OPTION_PATH,
  TAMIS_OPTION_MAPPING,
} TamisOptionType;

/**
 * TamisOption:
 * @name: the key, as pipelines spell it
 * @type: a #TamisOptionType
 * @default_value: (nullable): the default written as in a pipeline
 *   ("20", "true", "[fr, en]", "USD"), or %NULL for none. When the key is
 *   absent the config getters read this value, so the default shown by
 *   `tamis plugins NAME` is the one in effect
 * @choices: (nullable): %NULL-terminated values allowed for a string or for
 *   each item of a list; %NULL allows any
 * @min: (nullable): the lowest value allowed for a number, as text
 * @max: (nullable): the highest value allowed for a number, as text
 * @help: one line saying what the option does
 *
 * One option a plugin accepts. A plugin lists its options in
 * #TamisPlugin.options, ended by an entry whose @name is %NULL; keys it does
 * not list are refused with a did-you-mean hint, and values of the wrong
 * type, out of range or not among @choices are refused with the position of
 * the value, all before create() runs.
 */
typedef struct {
  const char *name;
  TamisOptionType type;
  const char *default_value;
  const char *const *choices;
  const char *min;
  const char *max;
  const char *help;
  /*< private >*/
  gpointer _tamis_reserved[4];
} TamisOption;

/**
 * TamisAttribute:
 * @name: the attribute's key
 * @type: its #TamisValueType; %TAMIS_VALUE_NONE accepts any type
 * @help: one line saying what it holds
 *
 * A typed attribute that a plugin writes on the spans of a layer. Lists of
 * them end with an entry whose @name is %NULL.
 */
typedef struct {
  const char *name;
  TamisValueType type;
  const char *help;
  /*< private >*/
  gpointer _tamis_reserved[2];
} TamisAttribute;

/**
 * TamisOutputKind:
 * @TAMIS_OUTPUT_LAYER: a layer of spans
 * @TAMIS_OUTPUT_ATTRIBUTE: a document attribute
 *
 * What a #TamisOutput describes.
 */
typedef enum {
  TAMIS_OUTPUT_LAYER = 1,
  TAMIS_OUTPUT_ATTRIBUTE,
} TamisOutputKind;

/**
 * TamisOutput:
 * @kind: a layer or a document attribute
 * @name: its name
 * @type: for a document attribute, its #TamisValueType (%TAMIS_VALUE_NONE:
 *   any); unused for a layer
 * @labels: (nullable): for a layer, the %NULL-terminated labels its spans
 *   may carry; %NULL allows any label
 * @attributes: (nullable): for a layer, the attributes of its spans, ended
 *   by an entry whose name is %NULL; %NULL means the spans carry none
 * @help: one line saying what it holds
 *
 * Something a plugin writes. A plugin lists its outputs in
 * #TamisPlugin.writes, ended by an entry whose @name is %NULL. `tamis check`
 * proves pipelines with them (every layer in `output: {layers:}`, every
 * `when:` attribute and every name a stage reads must be written by an
 * earlier stage), `tamis plugins NAME` prints them, and the core holds a
 * stage to them: a span with an undeclared label, an undeclared attribute or
 * an attribute of another type makes the document fail with the error code
 * `plugin-contract`. create() may narrow the list with
 * tamis_config_drop_output().
 */
typedef struct {
  TamisOutputKind kind;
  const char *name;
  TamisValueType type;
  const char *const *labels;
  const TamisAttribute *attributes;
  const char *help;
  /*< private >*/
  gpointer _tamis_reserved[4];
} TamisOutput;

/**
 * TamisPlugin:
 * @abi_major: %TAMIS_ABI_MAJOR the plugin was built with
 * @abi_minor: %TAMIS_ABI_MINOR the plugin was built with
 * @size: sizeof (TamisPlugin) as the plugin saw it
 * @name: the plugin's name, as pipelines spell it; a C identifier
 * @version: the plugin's own version
 * @summary: one line saying what it does
 * @flags: #TamisPluginFlags
 * @options: (nullable): the options it accepts (see #TamisOption); %NULL
 *   for none
 * @reads: (nullable): %NULL-terminated names of the layers and document
 *   attributes an earlier stage must write
 * @writes: (nullable): what it writes (see #TamisOutput)
 * @languages: (nullable): %NULL-terminated codes of the languages it knows,
 *   %NULL when it does not depend on the language; shown by `tamis plugins`
 * @create: parses the options; may be %NULL for a plugin without state
 * @process: analyses one document
 * @destroy: (nullable): frees the state
 *
 * The descriptor a plugin module exports, as `NAME_LTX_tamis_plugin`.
 * Declare it with TAMIS_PLUGIN_DEFINE(). In C++, where designated
 * initialisers must follow the order of the fields, give them in the order
 * above, and point @options, @reads and @writes at named static arrays
 * (TAMIS_NAMES() and compound literals are C only).
 */
typedef struct {
  guint16 abi_major;
  guint16 abi_minor;
  guint32 size;
  const char *name;
  const char *version;
  const char *summary;
  guint flags;
  const TamisOption *options;
  const char *const *reads;
  const TamisOutput *writes;
  const char *const *languages;
  TamisPluginCreateFunc create;
  TamisPluginProcessFunc process;
  TamisPluginDestroyFunc destroy;
  /*< private >*/
  gpointer _tamis_reserved[16];
} TamisPlugin;

/**
 * TAMIS_NAMES:
 * @...: string literals
 *
 * A %NULL-terminated list of names, for @reads, @languages, @choices and
 * @labels (C only).
 */
#define TAMIS_NAMES(...) ((const char *const[]) { __VA_ARGS__, NULL })

/**
 * TAMIS_OPTIONS:
 * @...: #TamisOption initialisers, such as `{ "min_chars", TAMIS_OPTION_INT,
 *   "20", .min = "0", .help = "…" }`
 *
 * The %NULL-ended option list of a descriptor (C only).
 */
#define TAMIS_OPTIONS(...) ((const TamisOption[]) { __VA_ARGS__, { NULL } })

/**
 * TAMIS_ATTRIBUTES:
 * @...: #TamisAttribute initialisers: `{ "value", TAMIS_VALUE_DOUBLE, "…" }`
 *
 * The %NULL-ended attribute list of a layer output (C only).
 */
#define TAMIS_ATTRIBUTES(...) ((const TamisAttribute[]) { __VA_ARGS__, { NULL } })

/**
 * TAMIS_WRITES:
 * @...: #TamisOutput initialisers, usually TAMIS_LAYER() and TAMIS_ATTR()
 *
 * The %NULL-ended output list of a descriptor (C only).
 */
#define TAMIS_WRITES(...) ((const TamisOutput[]) { __VA_ARGS__, { (TamisOutputKind) 0 } })

/**
 * TAMIS_LAYER:
 * @name_: the layer's name
 * @labels_: its labels (TAMIS_NAMES()) or %NULL for any
 * @attributes_: its span attributes (TAMIS_ATTRIBUTES()) or %NULL for none
 * @help_: one line
 *
 * A layer output, for TAMIS_WRITES().
 */
#define TAMIS_LAYER(name_, labels_, attributes_, help_) \
  { TAMIS_OUTPUT_LAYER, name_, TAMIS_VALUE_NONE, labels_, attributes_, help_, { NULL } }

/**
 * TAMIS_ATTR:
 * @name_: the document attribute's name
 * @type_: its #TamisValueType
 * @help_: one line
 *
 * A document attribute output, for TAMIS_WRITES().
 */
#define TAMIS_ATTR(name_, type_, help_) \
  { TAMIS_OUTPUT_ATTRIBUTE, name_, type_, NULL, NULL, help_, { NULL } }

#if defined(_WIN32)
#define TAMIS_PLUGIN_EXPORT __declspec (dllexport)
#else
#define TAMIS_PLUGIN_EXPORT __attribute__ ((visibility ("default")))
#endif

/* In C++ the descriptor keeps its C name, for libltdl to find it. */
#ifdef __cplusplus
#define TAMIS_PLUGIN_C_BEGIN extern "C" {
#define TAMIS_PLUGIN_C_END }
#define TAMIS_PLUGIN_EXPORT_AGAIN /* g++ takes visibility from the declaration only */
#else
#define TAMIS_PLUGIN_C_BEGIN
#define TAMIS_PLUGIN_C_END
#define TAMIS_PLUGIN_EXPORT_AGAIN TAMIS_PLUGIN_EXPORT
#endif

/**
 * TAMIS_PLUGIN_DEFINE:
 * @name_: the plugin name, a bare C identifier (not a string)
 * @version_: the plugin version, a string
 * @summary_: one line saying what it does
 * @...: designated initialisers for the other #TamisPlugin fields
 *   (.flags, .options, .reads, .writes, .languages, .create, .process,
 *   .destroy)
 *
 * Defines and exports the plugin's descriptor as `name_LTX_tamis_plugin`,
 * the libltdl naming that lets the module also be linked into a program
 * and preloaded (`./configure --enable-builtin-plugins`).
 */
#define TAMIS_PLUGIN_DEFINE(name_, version_, summary_, ...)                   \
  TAMIS_PLUGIN_C_BEGIN                                                         \
  TAMIS_PLUGIN_EXPORT extern const TamisPlugin name_##_LTX_tamis_plugin;       \
  TAMIS_PLUGIN_EXPORT_AGAIN const TamisPlugin name_##_LTX_tamis_plugin = {     \
    .abi_major = TAMIS_ABI_MAJOR,                                              \
    .abi_minor = TAMIS_ABI_MINOR,                                              \
    .size = sizeof (TamisPlugin),                                              \
    .name = #name_,                                                            \
    .version = version_,                                                       \
    .summary = summary_,                                                       \
    __VA_ARGS__                                                                \
  };                                                                           \
  TAMIS_PLUGIN_C_END

G_END_DECLS
