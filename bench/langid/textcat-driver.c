/* Reads LANG<TAB>TEXT lines, writes libexttextcat's answer for each (its
 * first guess, or "und") and the CPU time spent detecting, in seconds, on
 * standard error: the best of N passes (second argument, default 5).
 * Built by bench/langid/run.sh, never by the normal build. */
#include <libexttextcat/textcat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);   /* CPU time, as for the others */
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int argc, char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "/usr/share/libexttextcat/";
  char conf[4096];
  snprintf (conf, sizeof conf, "%s/fpdb.conf", dir);
  void *tc = special_textcat_Init (conf, dir);
  if (!tc)
    {
      fprintf (stderr, "cannot load %s\n", conf);
      return 1;
    }

  size_t cap = 1024, n = 0;
  char **texts = malloc (cap * sizeof *texts);
  char *line = NULL;
  size_t len = 0;
  ssize_t got;
  while ((got = getline (&line, &len, stdin)) >= 0)
    {
      if (got > 0 && line[got - 1] == '\n')
        line[got - 1] = '\0';
      char *tab = strchr (line, '\t');
      if (n == cap)
        texts = realloc (texts, (cap *= 2) * sizeof *texts);
      texts[n++] = strdup (tab ? tab + 1 : line);
    }
  /* the best of a few passes: the machine may be busy with other work */
  int passes = argc > 2 ? atoi (argv[2]) : 5;
  char **answers = calloc (n + 1, sizeof *answers);
  double dt = 1e300;
  for (int pass = 0; pass < (passes < 1 ? 1 : passes); pass++)
    {
      double t0 = now ();
      for (size_t i = 0; i < n; i++)
        {
          const char *r = textcat_Classify (tc, texts[i], strlen (texts[i]));
          if (pass > 0)
            continue;
          /* "[fr--utf8][ca--utf8]": keep the language of the first guess */
          char code[16] = "und";
          if (r[0] == '[')
            {
              size_t k = 0;
              for (const char *p = r + 1; *p && *p != '-' && *p != ']' && k < sizeof code - 1; p++)
                code[k++] = *p;
              code[k] = '\0';
            }
          answers[i] = strdup (code);
        }
      double t = now () - t0;
      if (t < dt)
        dt = t;
    }
  for (size_t i = 0; i < n; i++)
    printf ("%s\n", answers[i]);
  fprintf (stderr, "seconds %.6f\n", dt);
  textcat_Done (tc);
  return 0;
}
