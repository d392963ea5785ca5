/* langid — tells the language of a document, and optionally of its parts.
 *
 * The script of the text settles most languages at once (Greek, Thai,
 * Hangul, Kana, …); within a shared script (Latin, Cyrillic, Arabic,
 * Devanagari, Han) a naive Bayes model over hashed character n-grams and
 * whole words decides. See README.md. */
#include <tamis/plugin.h>

#include <math.h>
#include <string.h>
#include "langid-doc.h"
#include "langid-pairs.h"

#define DEFAULT_MODEL "langid.model"
#define PAIRS_TABLE "pairs.tsv"
#define DEFAULT_MIN_CHARS 8
/* Below this calibrated score a text is 'und'. */
#define DEFAULT_MIN_SCORE 0.2
/* The odds a language of the prior option gets before the text is read. */
#define PRIOR_ODDS 8.0
/* A language holding this share of a document makes it mixed. */
#define MIXED_SHARE 0.1
/* A segment switches language only when it is this sure of it, and finds
 * the document's language at least this many times less likely. */
#define SPAN_MIN_SCORE 0.6
#define SPAN_MIN_RATIO 2.5

typedef struct {
  LangidModel *model;
  guint8 *allowed;          /* NULL: every language of the model */
  float *prior;             /* NULL, or nats per model language */
  LangidPairs *pairs;       /* NULL when the pairs option is off */
  guint min_chars;
  double min_score;
  gboolean spans;
} Langid;

static void
langid_destroy (gpointer data)
{
  Langid *self = data;
  if (!self)
    return;
  langid_model_free (self->model);
  g_free (self->allowed);
  g_free (self->prior);
  langid_pairs_free (self->pairs);
  g_free (self);
}

static char *
known_languages (const LangidModel *model)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < langid_model_get_n_langs (model); i++)
    {
      const char *code = langid_model_get_lang (model, i)->code;
      if (langid_model_find_lang (model, code) == (int) i)   /* once per language */
        g_string_append_printf (s, "%s%s", i ? " " : "", code);
    }
  return g_string_free (s, FALSE);
}

/* Sets @mark[k] for every profile of the languages @codes (Serbian has one
 * per script); an unknown code is an error on @key. */
static gboolean
mark_languages (TamisConfig *config, const char *key, const LangidModel *model,
                char **codes, guint8 *mark, GError **error)
{
  guint n = langid_model_get_n_langs (model);
  for (guint i = 0; codes[i]; i++)
    {
      int l = langid_model_find_lang (model, codes[i]);
      if (l < 0)
        {
          g_autofree char *known = known_languages (model);
          tamis_config_set_error (config, key, error,
                                  "unknown language '%s' — the model knows: %s", codes[i], known);
          return FALSE;
        }
      for (guint k = l; k < n; k++)
        if (strcmp (langid_model_get_lang (model, k)->code, codes[i]) == 0)
          mark[k] = 1;
    }
  return TRUE;
}

static gpointer
langid_create (TamisConfig *config, GError **error)
{
  g_autofree char *model_path = NULL;
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) prior = NULL;
  gint64 min_chars = DEFAULT_MIN_CHARS;
  double min_score = DEFAULT_MIN_SCORE;
  gboolean spans = FALSE, pairs = TRUE;

  if (!tamis_config_get_path (config, "model", &model_path, error)
      || !tamis_config_get_strv (config, "languages", &languages, error)
      || !tamis_config_get_strv (config, "prior", &prior, error)
      || !tamis_config_get_int (config, "min_chars", &min_chars, error)
      || !tamis_config_get_double (config, "min_score", &min_score, error)
      || !tamis_config_get_bool (config, "spans", &spans, error)
      || !tamis_config_get_bool (config, "pairs", &pairs, error))
    return NULL;

  if (!spans)
    tamis_config_drop_output (config, "language");

  g_autoptr(GError) local = NULL;
  LangidModel *model;
  if (model_path)
    {
      if (!(model = langid_model_load (model_path, &local)))
        {
          tamis_config_set_error (config, "model", error, "%s", local->message);
          return NULL;
        }
    }
  else
    {
      g_autofree char *found = tamis_config_find_data (config, DEFAULT_MODEL, error);
      if (!found || !(model = langid_model_load (found, error)))
        return NULL;
    }

  Langid *self = g_new0 (Langid, 1);
  self->model = model;
  self->min_chars = min_chars;
  self->min_score = min_score;
  self->spans = spans;
  guint n = langid_model_get_n_langs (model);
  if (languages && languages[0])
    {
      self->allowed = g_new0 (guint8, n);
      if (!mark_languages (config, "languages", model, languages, self->allowed, error))
        {
          langid_destroy (self);
          return NULL;
        }
    }
  if (prior && prior[0])
    {
      g_autofree guint8 *mark = g_new0 (guint8, n);
      if (!mark_languages (config, "prior", model, prior, mark, error))
        {
          langid_destroy (self);
          return NULL;
        }
      self->prior = g_new0 (float, n);
      for (guint k = 0; k < n; k++)
        self->prior[k] = mark[k] ? log (PRIOR_ODDS) : 0;
    }
  if (pairs)
    {
      g_autofree char *found = tamis_config_find_data (config, PAIRS_TABLE, error);

      if (!found || !(self->pairs = langid_pairs_load (found, model, error)))
        {
          langid_destroy (self);
          return NULL;
        }
    }
  return self;
}

static const char *
code_of (const Langid *self, int lang)
{
  return lang < 0 ? "und" : langid_model_get_lang (self->model, lang)->code;
}

/* Writes a share 0..1 with four decimals: printf is slow for so little. */
static char *
put_share (char *out, double p)
{
  long v = lround (CLAMP (p, 0.0, 1.0) * 10000);
  if (v >= 10000)
    {
      *out++ = '1';
      return out;
    }
  *out++ = '0';
  *out++ = '.';
  for (int d = 1000; d >= 1; d /= 10)
    *out++ = '0' + (v / d) % 10;
  return out;
}

/* {"en":0.9,"fr":0.1}: the shares of the languages of a mixed document,
 * three decimals. */
static char *
shares_json (const Langid *self, const LangidDocGuess *g)
{
  GString *s = g_string_new ("{");
  for (guint i = 0; i < g->n_shares; i++)
    g_string_append_printf (s, "%s\"%s\":%.3f", i ? "," : "",
                            code_of (self, g->shares[i].lang), g->shares[i].share);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* [{"lang":"fr","score":0.9731},…] into @buf */
static void
alternatives_json (const Langid *self, const LangidAlt *alts, guint n_alts, char *buf)
{
  char *p = buf;
  *p++ = '[';
  for (guint i = 0; i < n_alts; i++)
    {
      const char *code = code_of (self, alts[i].lang);
      if (i)
        *p++ = ',';
      memcpy (p, "{\"lang\":\"", 9);
      p += 9;
      while (*code)
        *p++ = *code++;
      memcpy (p, "\",\"score\":", 10);
      p += 10;
      p = put_share (p, alts[i].p);
      *p++ = '}';
    }
  *p++ = ']';
  *p = '\0';
}

/* ---- language spans ---- */

typedef struct {
  guint32 start, end;
} Segment;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Sentences by line breaks and final punctuation, when no earlier stage
 * cut them. */
static GArray *
split_segments (const char *text, gsize len)
{
  GArray *segs = g_array_new (FALSE, FALSE, sizeof (Segment));
  gsize start = 0;
  for (gsize i = 0; i <= len; i++)
    {
      gsize cut = 0;
      if (i == len || text[i] == '\n')
        cut = i;
      else if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 1 < len && is_space (text[i + 1]))
        cut = i + 1;
      else if (i + 2 < len && (guchar) text[i] == 0xe3 && (guchar) text[i + 1] == 0x80
               && (guchar) text[i + 2] == 0x82)   /* 。 */
        cut = i + 3;
      else if (i + 2 < len && (guchar) text[i] == 0xef && (guchar) text[i + 1] == 0xbc
               && ((guchar) text[i + 2] == 0x81 || (guchar) text[i + 2] == 0x9f))   /* ！？ */
        cut = i + 3;
      if (!cut && i != len)
        continue;
      Segment s = { start, cut };
      if (s.end > s.start)
        g_array_append_val (segs, s);
      start = cut;
      if (i < cut)
        i = cut - 1;
    }
  return segs;
}

static void
add_language_spans (const Langid *self, TamisDoc *doc, int doc_lang)
{
  const char *text = tamis_doc_get_text (doc);
  gsize len = tamis_doc_get_length (doc);
  const TamisLayer *sentences = tamis_doc_get_layer (doc, "sentence");
  g_autoptr(GArray) segs = NULL;

  if (sentences)
    {
      guint n = tamis_layer_get_n_spans (sentences);
      segs = g_array_sized_new (FALSE, FALSE, sizeof (Segment), n);
      for (guint i = 0; i < n; i++)
        {
          Segment s = { tamis_layer_get_start (sentences, i), tamis_layer_get_end (sentences, i) };
          g_array_append_val (segs, s);
        }
    }
  else
    segs = split_segments (text, len);

  TamisLayer *layer = tamis_doc_ensure_layer (doc, "language");
  int run_lang = -1;
  guint32 run_start = 0, run_end = 0;
  double run_score = 0;
  guint run_n = 0;

  for (guint i = 0; i <= segs->len; i++)
    {
      int lang = doc_lang;
      double score = 0;
      Segment s = { 0, 0 };
      if (i < segs->len)
        {
          s = g_array_index (segs, Segment, i);
          while (s.start < s.end && is_space (text[s.start]))
            s.start++;
          while (s.end > s.start && is_space (text[s.end - 1]))
            s.end--;
          if (s.end == s.start)
            continue;
          LangidGuess g;
          langid_detect (self->model, text + s.start, s.end - s.start, self->allowed,
                         MAX (self->min_chars, 6), &g);
          double doc_p = 0;
          for (guint k = 0; k < g.n_alts; k++)
            if (g.alts[k].lang == doc_lang)
              doc_p = g.alts[k].p;
          if (g.lang >= 0 && g.lang != doc_lang && g.score >= SPAN_MIN_SCORE
              && g.score >= SPAN_MIN_RATIO * doc_p)
            {
              lang = g.lang;
              score = g.score;
            }
        }
      /* close the current run when the language changes */
      if (run_lang >= 0 && (i == segs->len || lang != run_lang))
        {
          guint k = tamis_layer_add (layer, run_start, run_end,
                                     tamis_doc_intern (doc, code_of (self, run_lang)));
          tamis_layer_set_score (layer, k, run_score / run_n);
          run_lang = -1;
        }
      if (i == segs->len || lang == doc_lang)
        continue;
      if (run_lang < 0)
        {
          run_lang = lang;
          run_start = s.start;
          run_score = 0;
          run_n = 0;
        }
      run_end = s.end;
      run_score += score;
      run_n++;
    }
}

static gboolean
langid_process (gpointer data, TamisDoc *doc, GError **error)
{
  const Langid *self = data;
  LangidDocGuess g;
  LangidParams params = { .allowed = self->allowed, .prior = self->prior,
                          .min_chars = self->min_chars };

  langid_doc_detect (self->model, tamis_doc_get_text (doc), tamis_doc_get_length (doc),
                     &params, self->min_score, &g);
  /* a close pair among the two best: the words may overrule the n-grams;
   * a mixed document is left as its windows made it */
  if (self->pairs && g.lang >= 0 && g.n_alts >= 2 && g.alts[0].lang == g.lang && g.n_shares <= 1)
    {
      double margin = log (MAX (g.alts[0].p, 1e-4) / MAX (g.alts[1].p, 1e-4));
      int lang = langid_pairs_resolve (self->pairs, self->model, tamis_doc_get_text (doc),
                                       tamis_doc_get_length (doc), g.lang, g.alts[1].lang,
                                       margin);
      if (lang != g.lang)
        {
          g.alts[1].lang = g.lang;
          g.alts[0].lang = g.lang = lang;
          if (g.n_shares == 1)
            g.shares[0].lang = lang;
        }
    }
  tamis_doc_set_string (doc, "lang", code_of (self, g.lang));
  tamis_doc_set_double (doc, "lang_score", g.lang < 0 ? 0 : round (g.score * 1e4) / 1e4);
  char alts[LANGID_MAX_ALTS * 48 + 4];
  alternatives_json (self, g.alts, g.n_alts, alts);
  tamis_doc_set_json (doc, "lang_alternatives", alts);
  guint n_big = 0;
  for (guint i = 0; i < g.n_shares; i++)
    n_big += g.shares[i].share >= MIXED_SHARE;
  tamis_doc_set_bool (doc, "lang_mixed", n_big > 1);
  if (g.romanized)
    tamis_doc_set_string (doc, "lang_romanized", g.romanized);
  if (n_big > 1)
    {
      g_autofree char *shares = shares_json (self, &g);
      tamis_doc_set_json (doc, "lang_shares", shares);
    }
  if (self->spans && g.lang >= 0)
    add_language_spans (self, doc, g.lang);
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (langid, "1.3.2",
                     "Identifies the language of documents (and of their sentences) from script and character n-grams",
                     .options = TAMIS_OPTIONS (
                       { "languages", TAMIS_OPTION_LIST, NULL,
                         .help = "only these languages (codes of the model); default: all 69" },
                       { "prior", TAMIS_OPTION_LIST, NULL,
                         .help = "languages expected (codes of the model): raised, the others still possible" },
                       { "min_chars", TAMIS_OPTION_INT, G_STRINGIFY (DEFAULT_MIN_CHARS), .min = "0", .max = "100000",
                         .help = "texts with fewer letters are 'und'" },
                       { "min_score", TAMIS_OPTION_DOUBLE, G_STRINGIFY (DEFAULT_MIN_SCORE), .min = "0", .max = "1",
                         .help = "texts whose calibrated score is lower are 'und'" },
                       { "pairs", TAMIS_OPTION_BOOL, "true",
                         .help = "let the words of a text decide between close languages (hr/sr, id/ms, no/da, cs/sk, pt/gl)" },
                       { "spans", TAMIS_OPTION_BOOL, "false",
                         .help = "also write a language layer for the runs of sentences in another language" },
                       { "model", TAMIS_OPTION_PATH, NULL,
                         .help = "a model file made by tamis-train-langid; default: the shipped " DEFAULT_MODEL }),
                     .writes = TAMIS_WRITES (
                       TAMIS_ATTR ("lang", TAMIS_VALUE_STRING, "ISO 639-1 code of the language, or und"),
                       TAMIS_ATTR ("lang_score", TAMIS_VALUE_DOUBLE, "calibrated probability that lang is right, 0 to 1 (0 for und)"),
                       TAMIS_ATTR ("lang_alternatives", TAMIS_VALUE_JSON,
                                   "the likeliest languages with their probabilities"),
                       TAMIS_ATTR ("lang_romanized", TAMIS_VALUE_STRING,
                                   "when a text is 'und' for being typed in Latin letters: the language it transcribes (hi, ru, ar, ja, el, zh)"),
                       TAMIS_ATTR ("lang_mixed", TAMIS_VALUE_BOOL,
                                   "true when a second language holds a tenth of the text or more"),
                       TAMIS_ATTR ("lang_shares", TAMIS_VALUE_JSON,
                                   "mixed documents only: language -> share of the characters, 3 decimals"),
                       TAMIS_LAYER ("language", NULL, NULL,
                                    "runs of sentences in another language than the document's; "
                                    "label: the language, score: its probability")),
                     .create = langid_create,
                     .process = langid_process,
                     .destroy = langid_destroy)
