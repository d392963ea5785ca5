/* money — the tamis plugin: options, and one "money" layer per document. */
#include <tamis/plugin.h>

#include "money-private.h"

#include <string.h>

typedef struct {
  MoneyLexicon *lexicon;
  const MoneyLang *fallback;    /* NULL: guess from the text */
  const char *dollar;           /* what "$" means */
  double min_value;
  double min_lang_score;        /* a less sure "lang" is a hint only */
  gboolean qualifiers;
} MoneyState;

typedef struct {
  const MoneyState *state;
  TamisDoc *doc;
  TamisLayer *layer;
  const char *text;
} Emit;

static const char *const qual_names[] = { NULL, "over", "under", "approx", "exact" };
static const char *const part_names[] = { NULL, "from", "to", "by" };

static void
money_destroy (gpointer data)
{
  MoneyState *state = data;

  money_lexicon_free (state->lexicon);
  g_free (state);
}

static gboolean
read_options (TamisConfig *config, char ***langs, char **fallback, char **dollar,
              double *min_value, double *min_lang_score, gboolean *qualifiers, GError **error)
{
  return tamis_config_get_strv (config, "languages", langs, error)
         && tamis_config_get_string (config, "default_language", fallback, error)
         && tamis_config_get_string (config, "dollar_currency", dollar, error)
         && tamis_config_get_double (config, "min_value", min_value, error)
         && tamis_config_get_double (config, "min_lang_score", min_lang_score, error)
         && tamis_config_get_bool (config, "qualifiers", qualifiers, error);
}

static gpointer
money_create (TamisConfig *config, GError **error)
{
  /* the defaults are declared with the options, below */
  g_auto (GStrv) langs = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *dollar = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  double min_value = 0, min_lang_score = 0;
  gboolean qualifiers = TRUE;
  MoneyState *state;
  char *path;

  if (!read_options (config, &langs, &fallback, &dollar, &min_value, &min_lang_score,
                     &qualifiers, error))
    return NULL;
  if (!langs || !langs[0])
    {
      tamis_config_set_error (config, "languages", error, "no language given (supported: fr, en)");
      return NULL;
    }
  for (guint i = 0; langs[i]; i++)
    {
      g_autofree char *file = NULL;
      if (!money_lexicon_has_lang (langs[i]))
        {
          tamis_config_set_error (config, "languages", error,
                                  "unknown language '%s' (supported: fr, en)", langs[i]);
          return NULL;
        }
      for (guint j = 0; j < i; j++)
        if (strcmp (langs[i], langs[j]) == 0)
          {
            tamis_config_set_error (config, "languages", error,
                                    "language '%s' is listed twice", langs[i]);
            return NULL;
          }
    }
  if (strcmp (fallback, "auto") != 0 && !g_strv_contains ((const char *const *) langs, fallback))
    {
      tamis_config_set_error (config, "default_language", error,
                              "default language '%s' is not one of the languages "
                              "(or \"auto\" to guess it from the text)", fallback);
      return NULL;
    }

  if (!(path = tamis_config_find_data (config, "common.txt", error)))
    return NULL;
  g_ptr_array_add (files, path);
  for (guint i = 0; langs[i]; i++)
    {
      g_autofree char *name = g_strconcat (langs[i], ".txt", NULL);
      if (!(path = tamis_config_find_data (config, name, error)))
        return NULL;
      g_ptr_array_add (files, path);
    }
  g_ptr_array_add (files, NULL);

  state = g_new0 (MoneyState, 1);
  state->lexicon = money_lexicon_new ((const char *const *) langs,
                                      (const char *const *) files->pdata, error);
  if (!state->lexicon)
    {
      g_free (state);
      return NULL;
    }
  {
    g_autofree char *up = g_ascii_strup (dollar, -1);
    state->dollar = money_lexicon_code (state->lexicon, up);
    if (!state->dollar)
      {
        tamis_config_set_error (config, "dollar_currency", error,
                                "'%s' is not an ISO 4217 currency code", dollar);
        money_destroy (state);
        return NULL;
      }
  }
  if (strcmp (fallback, "auto") != 0)
    state->fallback = money_lexicon_get_lang (state->lexicon, fallback);
  state->min_value = min_value;
  state->min_lang_score = min_lang_score;
  state->qualifiers = qualifiers;
  return state;
}

static void
set_number (TamisLayer *layer, guint i, const char *key, const char *text_key, MoneyDec d,
            gboolean negative)
{
  char buf[64];

  /* zero stays unsigned */
  negative = negative && d.m != 0;
  tamis_layer_set_double (layer, i, key, negative ? -money_dec_to_double (d) : money_dec_to_double (d));
  buf[0] = '-';
  money_dec_format (d, buf + negative, sizeof buf - 1);
  tamis_layer_set_string (layer, i, text_key, buf);
}

static void
emit (const MoneyMention *m, gpointer data)
{
  Emit *e = data;
  const MoneyState *st = e->state;
  MoneyQual qual = st->qualifiers ? m->qual : MONEY_QUAL_NONE;
  guint32 start = qual ? m->start : m->amount_start;
  const char *cur = m->currency == MONEY_DOLLAR ? st->dollar
                    : m->currency == MONEY_UNKNOWN ? NULL : m->currency;
  double top = money_dec_to_double (m->has_value ? m->value : m->max);
  guint i;

  /* min_value is a size: a loss of 5 M€ is as large as a gain of 5 M€ */
  if (top < st->min_value)
    return;
  i = tamis_layer_add (e->layer, start, m->end, m->range ? "range" : "amount");
  if (m->has_value)
    set_number (e->layer, i, "value", "value_text", m->value, m->negative);
  if (m->has_min || (m->has_value && qual == MONEY_QUAL_OVER))
    set_number (e->layer, i, "min", "min_text", m->has_min ? m->min : m->value, m->negative);
  if (m->has_max || (m->has_value && qual == MONEY_QUAL_UNDER))
    set_number (e->layer, i, "max", "max_text", m->has_max ? m->max : m->value, m->negative);
  if (cur)
    tamis_layer_set_static (e->layer, i, "currency", cur);
  if (cur && m->inferred)
    tamis_layer_set_bool (e->layer, i, "currency_inferred", TRUE);
  if (qual)
    tamis_layer_set_static (e->layer, i, "qualifier", qual_names[qual]);
  if (m->part)
    tamis_layer_set_static (e->layer, i, "role", part_names[m->part]);
  tamis_layer_set_string_len (e->layer, i, "text", e->text + start, m->end - start);
}

/* The document's "lang" attribute, else the default language; NULL: guess.
 * A "lang" whose "lang_score" is below min_lang_score is not followed:
 * langid's scores are calibrated, so 0.45 on "dix dollars" means it is
 * wrong about as often as right, and the text's own clues ("dix" is a
 * French number) are the better judge. */
static const MoneyLang *
doc_lang (const MoneyState *state, TamisDoc *doc)
{
  const char *attr = tamis_doc_get_string (doc, "lang");

  if (attr && tamis_doc_get_double (doc, "lang_score", 1.0) < state->min_lang_score)
    return NULL;
  if (attr)
    {
      char code[8];
      gsize n = 0;
      const MoneyLang *lang;

      while (attr[n] && attr[n] != '-' && attr[n] != '_' && n + 1 < sizeof code)
        {
          code[n] = g_ascii_tolower (attr[n]);
          n++;
        }
      code[n] = '\0';
      if ((lang = money_lexicon_get_lang (state->lexicon, code)))
        return lang;
    }
  return state->fallback;
}

static gboolean
money_process (gpointer data, TamisDoc *doc, GError **error)
{
  const MoneyState *state = data;
  const char *text = tamis_doc_get_text (doc);
  gsize len = tamis_doc_get_length (doc);
  Emit e = { state, doc, tamis_doc_ensure_layer (doc, "money"), text };

  money_scan (state->lexicon, doc_lang (state, doc), text, len, emit, &e);
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (money, "1.3.0",
                     "Finds amounts of money in French and English text, normalised to ISO 4217",
                     .options = TAMIS_OPTIONS (
                       { "languages", TAMIS_OPTION_LIST, "[fr, en]", TAMIS_NAMES ("fr", "en"),
                         .help = "the languages whose number words and currency names are loaded" },
                       { "default_language", TAMIS_OPTION_STRING, "auto", TAMIS_NAMES ("auto", "fr", "en"),
                         .help = "the language of documents without a lang attribute; auto guesses from the text" },
                       { "dollar_currency", TAMIS_OPTION_STRING, "USD",
                         .help = "the ISO 4217 code a bare $ stands for" },
                       { "min_value", TAMIS_OPTION_DOUBLE, "0", .min = "0",
                         .help = "amounts below this value are left out" },
                       { "min_lang_score", TAMIS_OPTION_DOUBLE, "0.5", .min = "0", .max = "1",
                         .help = "a lang attribute whose lang_score is below this is not followed: "
                                 "the language is guessed from the text" },
                       { "qualifiers", TAMIS_OPTION_BOOL, "true",
                         .help = "include words such as 'plus de', 'about' in the span and say so in qualifier" }),
                     .writes = TAMIS_WRITES (
                       TAMIS_LAYER ("money", TAMIS_NAMES ("amount", "range"),
                                    TAMIS_ATTRIBUTES (
                                      { "value", TAMIS_VALUE_DOUBLE, "the amount, for an amount" },
                                      { "value_text", TAMIS_VALUE_STRING, "the amount as exact decimal text" },
                                      { "min", TAMIS_VALUE_DOUBLE, "the lower bound of a range or of 'over'" },
                                      { "min_text", TAMIS_VALUE_STRING, "min as exact decimal text" },
                                      { "max", TAMIS_VALUE_DOUBLE, "the upper bound of a range or of 'under'" },
                                      { "max_text", TAMIS_VALUE_STRING, "max as exact decimal text" },
                                      { "currency", TAMIS_VALUE_STRING, "ISO 4217 code, absent when unknown" },
                                      { "qualifier", TAMIS_VALUE_STRING, "over, under, approx or exact" },
                                      { "role", TAMIS_VALUE_STRING, "from, to or by: the part of an amount in a change of value" },
                                      { "currency_inferred", TAMIS_VALUE_BOOL, "true when the currency is that of an earlier amount of the sentence" },
                                      { "text", TAMIS_VALUE_STRING, "the words of the amount" }),
                                    "amounts of money and ranges of amounts")),
                     .languages = TAMIS_NAMES ("fr", "en"),
                     .create = money_create,
                     .process = money_process,
                     .destroy = money_destroy)
