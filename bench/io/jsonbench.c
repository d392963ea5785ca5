/* Measures a JSON parser on what the JSON Lines reader does with each
 * line: parse one record, take its "id" and "text" strings, and make the
 * other members into one compact JSON object text (the metadata).
 *
 *   jsonbench [SECONDS]
 *
 * Built once per parser: -DWITH_JSONC, -DWITH_JANSSON, or neither for
 * json-glib (json-c and jansson export functions of the same names, so
 * they cannot share one program).
 *
 * Two inputs, made here: one-line short records of 60 to 90 bytes, and
 * news records of about 3 KB with a few metadata fields. Each parser runs
 * over each input for about SECONDS of CPU time (default 1); the figure is
 * the best of three such passes, in MB and records per CPU-second.
 * Built by bench/io/run.sh (or by hand, see README.md), never by the
 * normal build. Prints how each keeps the numbers of the metadata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#if defined(WITH_JSONC)
# include <json-c/json.h>
# define NAME "json-c"
#elif defined(WITH_JANSSON)
# include <jansson.h>
# define NAME "jansson"
#else
# include <json-glib/json-glib.h>
# define NAME "json-glib"
#endif

typedef struct {
  char **lines;
  size_t *lens;
  size_t n;
  size_t bytes;
} Corpus;

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
corpus_add (Corpus *c, GString *line)
{
  c->lines = g_renew (char *, c->lines, c->n + 1);
  c->lens = g_renew (size_t, c->lens, c->n + 1);
  c->lines[c->n] = g_strndup (line->str, line->len);
  c->lens[c->n] = line->len;
  c->bytes += line->len + 1;
  c->n++;
}

static const char *const shorts[] = {
  "Meta dépense 65 milliards.",
  "Nvidia perd 17 % en une séance.",
  "La BCE baisse ses taux de 0,25 point.",
  "Airbus livre 766 avions en 2024.",
  "Le CAC 40 finit en hausse.",
};

static const char *const sentences[] = {
  "Le groupe a annoncé jeudi un plan d'investissement de 65 milliards de dollars pour ses centres de données.",
  "Les analystes attendaient un chiffre plus modeste, autour de 50 milliards, selon le consensus.",
  "\"Nous construisons l'infrastructure de la prochaine décennie\", a déclaré le directeur financier.",
  "L'action a reculé de 2,3 % à l'ouverture à New York avant de se reprendre en fin de séance.",
  "Les fournisseurs de puces, en premier lieu Nvidia et AMD, ont profité de l'annonce.",
  "À Paris, les valeurs technologiques ont suivi le mouvement, Capgemini gagnant 1,8 %.",
  "Le budget couvre aussi l'achat de terrains et de l'électricité sur quinze ans.",
};

static void
make_corpora (Corpus *small, Corpus *news)
{
  GString *line = g_string_new (NULL);

  for (unsigned i = 0; i < 20000; i++)
    {
      g_string_printf (line, "{\"id\":\"t%06u\",\"text\":\"%s\"}", i + 1,
                       shorts[i % G_N_ELEMENTS (shorts)]);
      corpus_add (small, line);
    }
  for (unsigned i = 0; i < 2000; i++)
    {
      g_string_printf (line, "{\"id\":\"news-%05u\",\"title\":\"Investissements : un plan record\","
                       "\"source\":\"Agence\",\"date\":\"2025-01-%02u\",\"score\":0.9962,"
                       "\"tags\":[\"tech\",\"bourse\"],\"words\":%u,\"text\":\"",
                       i, 1 + i % 28, 480 + i % 50);
      for (unsigned k = 0; line->len < 3000; k++)
        {
          const char *s = sentences[(i + k) % G_N_ELEMENTS (sentences)];

          for (const char *p = s; *p; p++)
            {
              if (*p == '"')
                g_string_append (line, "\\\"");
              else
                g_string_append_c (line, *p);
            }
          g_string_append (line, k % 4 == 3 ? "\\n" : " ");
        }
      g_string_append (line, "\"}");
      corpus_add (news, line);
    }
  g_string_free (line, TRUE);
}

/* What is kept of one record; the sums stop the compiler from dropping
 * the work. */
typedef struct {
  size_t text_bytes;
  size_t meta_bytes;
} Sink;

static void
keep (Sink *sink, char *id, char *text, char *meta)
{
  sink->text_bytes += strlen (text) + strlen (id);
  sink->meta_bytes += meta ? strlen (meta) : 0;
}

#if defined(WITH_JSONC)
/* ---- json-c, with a bound on nesting ---- */

static void
parse (const char *line, size_t len, Sink *sink)
{
  static json_tokener *tok;
  json_object *obj, *member;
  char *id, *text, *meta = NULL;

  if (tok == NULL)
    {
      tok = json_tokener_new_ex (64);
      json_tokener_set_flags (tok, JSON_TOKENER_STRICT);
    }
  json_tokener_reset (tok);
  obj = json_tokener_parse_ex (tok, line, (int) len);
  if (obj == NULL || !json_object_is_type (obj, json_type_object))
    abort ();
  json_object_object_get_ex (obj, "id", &member);
  id = g_strndup (json_object_get_string (member), json_object_get_string_len (member));
  json_object_object_get_ex (obj, "text", &member);
  text = g_strndup (json_object_get_string (member), json_object_get_string_len (member));
  json_object_object_del (obj, "id");
  json_object_object_del (obj, "text");
  if (json_object_object_length (obj) > 0)
    meta = g_strdup (json_object_to_json_string_ext (obj, JSON_C_TO_STRING_PLAIN
                                                          | JSON_C_TO_STRING_NOSLASHESCAPE));
  keep (sink, id, text, meta);
  g_free (id);
  g_free (text);
  g_free (meta);
  json_object_put (obj);
}

static void
show (const char *line)
{
  json_tokener *tok = json_tokener_new_ex (64);
  json_object *obj = json_tokener_parse_ex (tok, line, (int) strlen (line));

  printf ("  json-c:    %s\n", obj ? json_object_to_json_string_ext (obj, JSON_C_TO_STRING_PLAIN) : "(refused)");
  json_object_put (obj);
  json_tokener_free (tok);
}
#elif defined(WITH_JANSSON)
/* ---- jansson (its nesting bound is fixed when it is built) ---- */

static void
parse (const char *line, size_t len, Sink *sink)
{
  json_t *obj;
  char *id, *text, *meta = NULL;

  obj = json_loadb (line, len, JSON_REJECT_DUPLICATES, NULL);
  if (obj == NULL)
    abort ();
  id = g_strdup (json_string_value (json_object_get (obj, "id")));
  text = g_strndup (json_string_value (json_object_get (obj, "text")),
                    json_string_length (json_object_get (obj, "text")));
  json_object_del (obj, "id");
  json_object_del (obj, "text");
  if (json_object_size (obj) > 0)
    meta = json_dumps (obj, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION (17));
  keep (sink, id, text, meta);
  g_free (id);
  g_free (text);
  free (meta);
  json_decref (obj);
}

static void
show (const char *line)
{
  json_t *obj = json_loadb (line, strlen (line), 0, NULL);
  char *s = obj ? json_dumps (obj, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION (17)) : NULL;

  printf ("  jansson:   %s\n", s ? s : "(refused)");
  free (s);
  json_decref (obj);
}
#else
/* ---- json-glib, as the reader uses it today ---- */

static void
parse (const char *line, size_t len, Sink *sink)
{
  static JsonParser *parser;
  JsonNode *root;
  JsonObject *obj;
  char *id, *text, *meta = NULL;

  if (parser == NULL)
    parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, line, len, NULL))
    abort ();
  root = json_parser_steal_root (parser);
  obj = json_node_get_object (root);
  id = json_node_dup_string (json_object_get_member (obj, "id"));
  text = json_node_dup_string (json_object_get_member (obj, "text"));
  json_object_remove_member (obj, "id");
  json_object_remove_member (obj, "text");
  if (json_object_get_size (obj) > 0)
    meta = json_to_string (root, FALSE);
  keep (sink, id, text, meta);
  g_free (id);
  g_free (text);
  g_free (meta);
  json_node_unref (root);
}

static void
show (const char *line)
{
  JsonNode *node = json_from_string (line, NULL);
  char *s = node ? json_to_string (node, FALSE) : NULL;

  printf ("  json-glib: %s\n", s ? s : "(refused)");
  g_free (s);
}

#endif

static void
measure (const Corpus *c, const char *corpus_name,
         double seconds)
{
  double best = 1e300;
  Sink sink = { 0 };

  for (int pass = 0; pass < 3; pass++)
    {
      double t0 = cpu_seconds (), dt;
      size_t rounds = 0;

      do
        {
          for (size_t i = 0; i < c->n; i++)
            parse (c->lines[i], c->lens[i], &sink);
          rounds++;
          dt = cpu_seconds () - t0;
        }
      while (dt < seconds / 3);
      best = MIN (best, dt / rounds);
    }
  printf ("%-10s %-6s %8.1f MB/CPU-s %10.0f records/CPU-s  (%.0f ns/record)\n",
          NAME, corpus_name, c->bytes / best / 1e6, c->n / best, best / c->n * 1e9);
  if (sink.text_bytes == 0)
    abort ();
}

static void
show_meta (void)
{
  const char *line = "{\"id\":\"x\",\"text\":\"t\",\"score\":0.9962,\"v\":1.2450000000000001,"
                     "\"big\":35100000000.0,\"n\":12345678901234567890123}";

  printf ("numbers in metadata, from %s\n", line);
  show (line);
}

int
main (int argc, char **argv)
{
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 1.0;
  Corpus small = { 0 }, news = { 0 };

  make_corpora (&small, &news);
  printf ("short: %zu records, %.0f bytes each on average; news: %zu records, %.0f bytes each\n",
          small.n, (double) small.bytes / small.n, news.n, (double) news.bytes / news.n);
  measure (&small, "short", seconds);
  measure (&news, "news", seconds);
  show_meta ();
  return 0;
}
