/* Lexicon benchmark driver: loads a lexicon (timed), reads a text whose
 * documents are separated by form feeds, and matches every document
 * (timed, in CPU time: the figure does not depend on other work on the
 * machine as much as wall time does).
 *
 *   lexbench LEXICON TEXT [LANG]
 *
 * Prints one line of key=value pairs. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <tamis/tamis.h>

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gboolean
count (const TamisLexicon *lex, guint entry, guint32 start, guint32 end, gpointer data)
{
  guint64 *bytes = data;

  /* touch the match, as any caller would */
  *bytes += end - start;
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TamisLexicon) lex = NULL;
  g_autofree char *text = NULL;
  const char *lang;
  gsize length;
  double cpu0, cpu1;
  gint64 wall0, wall1;
  guint64 matched = 0, matches = 0, docs = 0;

  if (argc < 3 || argc > 4)
    {
      fprintf (stderr, "usage: lexbench LEXICON TEXT [LANG]\n");
      return 2;
    }
  lang = argc == 4 ? argv[3] : NULL;

  wall0 = g_get_monotonic_time ();
  cpu0 = cpu_seconds ();
  lex = tamis_lexicon_load (argv[1], TAMIS_LEXICON_FOLD_ALL, &error);
  cpu1 = cpu_seconds ();
  wall1 = g_get_monotonic_time ();
  if (lex == NULL)
    {
      fprintf (stderr, "lexbench: %s\n", error->message);
      return 1;
    }
  printf ("entries=%u load_ms=%.1f load_cpu_ms=%.1f",
          tamis_lexicon_get_n_entries (lex), (wall1 - wall0) / 1e3, (cpu1 - cpu0) * 1e3);

  if (!g_file_get_contents (argv[2], &text, &length, &error))
    {
      fprintf (stderr, "\nlexbench: %s\n", error->message);
      return 1;
    }

  wall0 = g_get_monotonic_time ();
  cpu0 = cpu_seconds ();
  for (const char *p = text, *end = text + length; p < end;)
    {
      const char *ff = memchr (p, '\f', end - p);
      const char *stop = ff ? ff : end;

      matches += tamis_lexicon_match (lex, p, stop - p, lang, count, &matched);
      docs++;
      p = ff ? ff + 1 : end;
    }
  cpu1 = cpu_seconds ();
  wall1 = g_get_monotonic_time ();
  printf (" bytes=%" G_GSIZE_FORMAT " docs=%" G_GUINT64_FORMAT " matches=%" G_GUINT64_FORMAT
          " match_cpu_s=%.3f mb_per_cpu_s=%.1f mb_per_s=%.1f\n",
          length, docs, matches, cpu1 - cpu0, length / 1e6 / (cpu1 - cpu0),
          length / 1e6 / ((wall1 - wall0) / 1e6));
  return 0;
}
