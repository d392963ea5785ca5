/* tamis — runs a fuzz target over saved inputs, without libFuzzer.
 *
 *   replay-TARGET [DIR|FILE...]
 *
 * Calls LLVMFuzzerInitialize() once, then LLVMFuzzerTestOneInput() on every
 * file (directories: their files, sorted); without arguments, on the
 * target's corpus, $TAMIS_SRCDIR/tests/fuzz/corpus/TARGET. Prints TAP, one
 * test for the whole set, so that make check runs each corpus as one test:
 * a crash or a sanitizer report ends the program before the plan, which the
 * TAP driver reports as an error. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
list (const char *path, GPtrArray *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_build_filename (path, names->pdata[i], NULL));
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *program = g_path_get_basename (argv[0]);
  const char *target = g_str_has_prefix (program, "replay-") ? program + 7 : program;
  gboolean named = FALSE;
  guint failed = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--tap") != 0)     /* what tests/run-test.sh adds */
      {
        list (argv[i], files);
        named = TRUE;
      }
  if (!named)
    {
      const char *srcdir = g_getenv ("TAMIS_SRCDIR");
      g_autofree char *corpus = g_build_filename (srcdir ? srcdir : ".", "tests", "fuzz",
                                                  "corpus", target, NULL);

      list (corpus, files);
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize size;

      if (!g_file_get_contents (files->pdata[i], &data, &size, &error))
        {
          printf ("# %s\n", error->message);
          failed++;
          continue;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
    }

  printf ("%s %d - %s: %u inputs replayed\n1..1\n", failed || files->len == 0 ? "not ok" : "ok",
          1, target, files->len);
  return 0;
}
