/* Reads LANG<TAB>TEXT lines, runs the langid plugin on each through the
 * library (one thread), writes its answer (one code a line) and the CPU
 * time spent, document creation included, in seconds, on standard error:
 * the best of N passes (argument, default 5).
 *
 *   tamis-driver [N [--attributes]] < dev.tsv
 *
 * With --attributes, each line holds every attribute the plugin writes,
 * tab-separated (lang, lang_score, lang_alternatives, lang_mixed,
 * lang_shares, lang_romanized; "-" when absent): two builds give the same
 * answers when these lines are the same. */
#include <tamis/tamis.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of this thread, so that other work on the machine does not
 * count; the other drivers measure the same way. */
static double
cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The plugin's attributes of @doc, one line. */
static char *
attributes_line (const TamisDoc *doc)
{
  static const char *const keys[] = {
    "lang", "lang_score", "lang_alternatives", "lang_mixed", "lang_shares", "lang_romanized",
  };
  GString *s = g_string_new (NULL);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      TamisValue v;
      if (k)
        g_string_append_c (s, '\t');
      if (!tamis_doc_get_attr (doc, keys[k], &v))
        g_string_append_c (s, '-');
      else if (v.type == TAMIS_VALUE_DOUBLE)
        g_string_append_printf (s, "%.17g", v.d);
      else if (v.type == TAMIS_VALUE_BOOL)
        g_string_append (s, v.b ? "true" : "false");
      else if (v.type == TAMIS_VALUE_INT)
        g_string_append_printf (s, "%" G_GINT64_FORMAT, v.i);
      else
        g_string_append (s, v.s);
    }
  return g_string_free (s, FALSE);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *yaml = "tamis: 1\nstages:\n  - langid\n";
  g_autoptr(TamisPipeline) p = tamis_pipeline_new_from_data (yaml, -1, NULL, NULL, &error);
  if (!p)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  char *line = NULL;
  size_t len = 0;
  ssize_t got;
  while ((got = getline (&line, &len, stdin)) >= 0)
    {
      if (got > 0 && line[got - 1] == '\n')
        line[got - 1] = '\0';
      char *tab = strchr (line, '\t');
      g_ptr_array_add (texts, g_strdup (tab ? tab + 1 : line));
    }
  free (line);

  /* the best of a few passes: the machine may be busy with other work */
  int passes = argc > 1 ? MAX (1, atoi (argv[1])) : 5;
  gboolean all = argc > 2 && strcmp (argv[2], "--attributes") == 0;
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  double dt = G_MAXDOUBLE;
  for (int pass = 0; pass < passes; pass++)
    {
      double t0 = cpu_seconds ();
      for (guint i = 0; i < texts->len; i++)
        {
          g_autoptr(TamisDoc) doc = tamis_doc_new ("d", texts->pdata[i], -1, &error);
          if (!doc || !tamis_pipeline_process (p, doc, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          if (pass == 0)
            g_ptr_array_add (answers, all ? attributes_line (doc)
                                          : g_strdup (tamis_doc_get_string (doc, "lang")));
        }
      dt = MIN (dt, cpu_seconds () - t0);
    }
  for (guint i = 0; i < answers->len; i++)
    printf ("%s\n", (char *) answers->pdata[i]);
  fprintf (stderr, "seconds %.6f\n", dt);
  return 0;
}
