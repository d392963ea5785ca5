/* Tests of the plugin registry: search path, and modules that must be
 * refused cleanly (missing, no descriptor, another ABI). */
#include <string.h>

#include <glib/gstdio.h>
#include <tamis/tamis.h>

static char *modules;

static char *
module_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".la", NULL);
  return g_build_filename (modules, file, NULL);
}

static void
test_load_by_name (void)
{
  g_autoptr (GError) error = NULL;
  const TamisPluginEntry *entry;
  const char *extra[] = { modules, NULL };

  entry = tamis_registry_load (tamis_registry_get_default (), "probe", extra, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tamis_plugin_entry_get_plugin (entry)->name, ==, "probe");
  g_assert_cmpstr (tamis_plugin_entry_get_plugin (entry)->version, ==, "0.1");
  g_assert_cmpstr (tamis_plugin_entry_get_plugin (entry)->writes[0].name, ==, "probe");
  g_assert_cmpstr (tamis_plugin_entry_get_plugin (entry)->options[0].name, ==, "label");
  g_assert_false (tamis_plugin_entry_is_builtin (entry));
  g_assert_true (g_str_has_prefix (tamis_plugin_entry_get_path (entry), modules));
  /* loaded once */
  g_assert_true (tamis_registry_load (tamis_registry_get_default (), "probe", extra, NULL) == entry);
}

static void
test_missing (void)
{
  g_autoptr (GError) error = NULL;
  const char *extra[] = { modules, NULL };

  g_assert_null (tamis_registry_load (tamis_registry_get_default (), "nosuchplugin", extra, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
  g_assert_nonnull (strstr (error->message, "plugin 'nosuchplugin' not found"));
  g_assert_nonnull (strstr (error->message, modules));
  g_clear_error (&error);

  g_assert_null (tamis_registry_load (tamis_registry_get_default (), "../etc/x", extra, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
}

static void
test_no_descriptor (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = module_path ("nodesc");
  const char *extra[] = { modules, NULL };

  g_assert_null (tamis_registry_load_file (tamis_registry_get_default (), path, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
  g_assert_nonnull (strstr (error->message, "nodesc.la: not a tamis plugin"));
  g_assert_nonnull (strstr (error->message, "no symbol 'nodesc_LTX_tamis_plugin'"));
  g_clear_error (&error);
  g_assert_null (tamis_registry_load (tamis_registry_get_default (), "nodesc", extra, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
}

static void
test_wrong_abi (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = module_path ("wrongabi");
  g_autofree char *expected = g_strdup_printf ("ABI %d.0, but this tamis provides ABI %d.%d",
                                               TAMIS_ABI_MAJOR + 1, TAMIS_ABI_MAJOR, TAMIS_ABI_MINOR);

  g_assert_null (tamis_registry_load_file (tamis_registry_get_default (), path, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
  g_assert_nonnull (strstr (error->message, "wrongabi.la"));
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_not_a_module (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tamis-registry-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "junk.so", NULL);
  const char *extra[] = { dir, NULL };

  g_assert_true (g_file_set_contents (path, "not an ELF file", -1, NULL));
  g_assert_null (tamis_registry_load (tamis_registry_get_default (), "junk", extra, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
  g_assert_nonnull (strstr (error->message, "cannot load module"));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_scan_and_order (void)
{
  g_autoptr (GPtrArray) errors = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  const char *extra[] = { modules, NULL };
  g_auto (GStrv) dirs = NULL;
  gboolean probe = FALSE;

  entries = tamis_registry_scan (tamis_registry_get_default (), extra, &errors);
  for (guint i = 0; i < entries->len; i++)
    {
      const TamisPluginEntry *entry = g_ptr_array_index (entries, i);
      probe |= strcmp (tamis_plugin_entry_get_plugin (entry)->name, "probe") == 0;
      if (i > 0)
        g_assert_cmpstr (tamis_plugin_entry_get_plugin (g_ptr_array_index (entries, i - 1))->name, <,
                         tamis_plugin_entry_get_plugin (entry)->name);
    }
  g_assert_true (probe);
  /* the two broken modules are reported, not fatal */
  g_assert_cmpuint (errors->len, >=, 2);

  tamis_registry_prepend_dir (tamis_registry_get_default (), "/first");
  g_setenv ("TAMIS_PLUGIN_PATH", "/second:/third", TRUE);
  dirs = tamis_registry_get_dirs (tamis_registry_get_default (), extra);
  g_assert_cmpstr (dirs[0], ==, "/first");
  g_assert_cmpstr (dirs[1], ==, "/second");
  g_assert_cmpstr (dirs[2], ==, "/third");
  g_assert_cmpstr (dirs[3], ==, modules);
  g_assert_nonnull (dirs[4]); /* the built-in plugins come last */
  g_assert_null (dirs[5]);
  g_unsetenv ("TAMIS_PLUGIN_PATH");
}

static gboolean
upper_process (gpointer state, TamisDoc *doc, GError **error)
{
  g_autofree char *up = g_utf8_strup (tamis_doc_get_text (doc), -1);

  tamis_doc_set_string (doc, "upper", up);
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (upper, "1.0", "the text in capitals, from the test program itself",
                     .writes = TAMIS_WRITES (TAMIS_ATTR ("upper", TAMIS_VALUE_STRING, NULL)),
                     .process = upper_process)

static void
test_private_registry (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisRegistry) registry = tamis_registry_new (TAMIS_REGISTRY_NONE);
  g_autoptr (TamisPipeline) pipeline = NULL;
  g_autoptr (TamisDoc) doc = tamis_doc_new ("d", "Meta investit", -1, NULL);
  const TamisPluginEntry *entry;
  g_auto (GStrv) dirs = NULL;

  /* its own search path only: not $TAMIS_PLUGIN_PATH, not the installed plugins */
  dirs = tamis_registry_get_dirs (registry, NULL);
  g_assert_cmpuint (g_strv_length (dirs), ==, 0);
  g_assert_null (tamis_registry_load (registry, "probe", NULL, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
  g_clear_error (&error);

  entry = tamis_registry_register (registry, &upper_LTX_tamis_plugin, &error);
  g_assert_no_error (error);
  g_assert_true (tamis_plugin_entry_is_builtin (entry));
  g_assert_cmpstr (tamis_plugin_entry_get_path (entry), ==, "(registered by the program)");
  g_assert_null (tamis_registry_register (registry, &upper_LTX_tamis_plugin, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_PLUGIN);
  g_assert_nonnull (strstr (error->message, "already registered"));
  g_clear_error (&error);
  /* the process-wide registry does not know it */
  g_assert_null (tamis_registry_load (tamis_registry_get_default (), "upper", NULL, NULL));

  pipeline = tamis_pipeline_new_from_data ("tamis: 1\nstages: [upper]\n", -1, NULL, registry, &error);
  g_assert_no_error (error);
  g_clear_pointer (&registry, tamis_registry_unref); /* the pipeline keeps it */
  g_assert_true (tamis_pipeline_process (pipeline, doc, &error));
  g_assert_cmpstr (tamis_doc_get_string (doc, "upper"), ==, "META INVESTIT");

  /* a document runs once */
  g_assert_false (tamis_pipeline_process (pipeline, doc, &error));
  g_assert_error (error, TAMIS_ERROR, TAMIS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "processed already"));
  g_assert_null (tamis_doc_get_error_code (doc));
}

static void
test_private_registry_dirs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisRegistry) registry = tamis_registry_new (TAMIS_REGISTRY_NONE);
  g_autoptr (TamisRegistry) with_default = tamis_registry_new (TAMIS_REGISTRY_DEFAULT_PATH);
  g_auto (GStrv) dirs = NULL;

  tamis_registry_prepend_dir (registry, modules);
  g_assert_nonnull (tamis_registry_load (registry, "probe", NULL, &error));
  g_assert_no_error (error);
  /* with the default path, $TAMIS_PLUGIN_PATH is searched, then the installed plugins */
  g_setenv ("TAMIS_PLUGIN_PATH", modules, TRUE);
  g_assert_nonnull (tamis_registry_load (with_default, "probe", NULL, &error));
  g_assert_no_error (error);
  dirs = tamis_registry_get_dirs (with_default, NULL);
  g_assert_cmpuint (g_strv_length (dirs), ==, 2);
  g_assert_cmpstr (dirs[0], ==, modules);
  g_unsetenv ("TAMIS_PLUGIN_PATH");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("TAMIS_PLUGIN_PATH");
  modules = g_build_filename (g_getenv ("TAMIS_BUILDDIR"), "tests", "modules", NULL);
  g_test_add_func ("/registry/load-by-name", test_load_by_name);
  g_test_add_func ("/registry/missing", test_missing);
  g_test_add_func ("/registry/no-descriptor", test_no_descriptor);
  g_test_add_func ("/registry/wrong-abi", test_wrong_abi);
  g_test_add_func ("/registry/not-a-module", test_not_a_module);
  g_test_add_func ("/registry/scan-and-order", test_scan_and_order);
  g_test_add_func ("/registry/private", test_private_registry);
  g_test_add_func ("/registry/private-dirs", test_private_registry_dirs);
  return g_test_run ();
}
