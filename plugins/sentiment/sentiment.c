/* sentiment — opinion of sentences, documents and the entities they speak
 * of, for French and English news, with rules in the VADER tradition over
 * cue lexicons (data/LANG/directions.tsv, rules.tsv, lexicon.tsv).
 *
 * Options (the stage's `with:`):
 *   languages: [fr, en]        lexicons to load
 *   neutral_threshold: 0.1     |score| below it is neutral
 *   lexicons: {fr: FILE, all: [FILE, FILE]}  user lexicons (a file or a
 *                              list), added after (so overriding) those of
 *                              a language or of all
 *   targets: true              score the entities of an `entity` layer
 *   cues: true                 write the sentiment_cue layer
 */
#include <string.h>
#include <tamis/plugin.h>

#include "senti-lex.h"
#include "senti-score.h"

#define MAX_LANGS 8

typedef struct {
  SentiParams params;
  SentiLexicon *langs[MAX_LANGS + 1]; /* one per language, NULL-ended */
  SentiLexicon *all;                  /* every language, for a document of unknown language */
} Sentiment;

static void
sentiment_destroy (gpointer state)
{
  Sentiment *st = state;

  if (st == NULL)
    return;
  for (guint i = 0; st->langs[i] != NULL; i++)
    senti_lexicon_free (st->langs[i]);
  senti_lexicon_free (st->all);
  g_free (st);
}

static gboolean
lang_code_is_valid (const char *code)
{
  gsize len = strlen (code);

  if (len < 2 || len > 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (code[i]))
      return FALSE;
  return TRUE;
}

/* Adds to @files the user's lexicons for @key in `lexicons:`: one file
 * or a list of them, in the order given. */
static gboolean
user_lexicon (TamisConfig *user, const char *key, GPtrArray *files, GError **error)
{
  g_auto (GStrv) paths = NULL;

  if (user == NULL)
    return TRUE;
  if (!tamis_config_get_paths (user, key, &paths, error))
    return FALSE;
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (files, g_strdup (paths[i]));
  return TRUE;
}

/* The data files of @lang, in the order they override each other: emoji
 * (for every language, optional), more direction words and financial nouns
 * (optional; the rules decide for the words both list), the rules, the
 * polar lexicon. */
static gboolean
lang_files (TamisConfig *config, const char *lang, GPtrArray *files, GError **error)
{
  static const struct {
    const char *name;
    gboolean optional;
  } names[] = { { "common/emoji.tsv", TRUE }, { "directions.tsv", TRUE }, { "rules.tsv", FALSE },
                { "lexicon.tsv", FALSE } };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autofree char *rel = strchr (names[k].name, '/') ? g_strdup (names[k].name)
                                                          : g_strdup_printf ("%s/%s", lang, names[k].name);
      g_autoptr (GError) local = NULL;
      char *path = tamis_config_find_data (config, rel, &local);
      if (path == NULL && names[k].optional)
        continue;
      if (path == NULL)
        {
          tamis_config_set_error (config, "languages", error, "no %s for language '%s': %s",
                                  names[k].name, lang, local->message);
          return FALSE;
        }
      g_ptr_array_add (files, path);
    }
  return TRUE;
}

static gboolean
load_lexicons (Sentiment *st, TamisConfig *config, char **langs, GError **error)
{
  TamisConfig *user = NULL;
  g_autoptr (GPtrArray) every = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  if (!tamis_config_get_child (config, "lexicons", &user, error))
    return FALSE;
  if (langs == NULL || langs[0] == NULL)
    {
      tamis_config_set_error (config, "languages", error, "no language given (supported: fr, en)");
      return FALSE;
    }
  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      const char *code = langs[i];
      g_autoptr (GError) local = NULL;

      if (!lang_code_is_valid (code))
        {
          tamis_config_set_error (config, "languages", error,
                                  "'%s' is not a language code (expected a lowercase code such as fr or en)",
                                  code);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (strcmp (langs[j], code) == 0)
          {
            tamis_config_set_error (config, "languages", error, "language '%s' is listed twice", code);
            return FALSE;
          }
      if (n == MAX_LANGS)
        {
          tamis_config_set_error (config, "languages", error, "at most %d languages", MAX_LANGS);
          return FALSE;
        }
      if (!lang_files (config, code, files, error) ||
          !user_lexicon (user, "all", files, error) || !user_lexicon (user, code, files, error))
        return FALSE;
      for (guint k = 0; k < files->len; k++)
        g_ptr_array_add (every, g_strdup (files->pdata[k]));
      g_ptr_array_add (files, NULL);
      st->langs[n] = senti_lexicon_new (code, (const char *const *) files->pdata, &local);
      if (st->langs[n] == NULL)
        {
          tamis_config_set_error (config, user ? "lexicons" : "languages", error, "%s", local->message);
          return FALSE;
        }
      n++;
    }
  g_ptr_array_add (every, NULL);
  st->all = senti_lexicon_new (NULL, (const char *const *) every->pdata, error);
  return st->all != NULL;
}

static gpointer
sentiment_create (TamisConfig *config, GError **error)
{
  g_auto (GStrv) langs = NULL;
  Sentiment *st = g_new0 (Sentiment, 1);

  senti_score_init ();
  /* the defaults are declared with the options, below */
  if (!tamis_config_get_strv (config, "languages", &langs, error) ||
      !tamis_config_get_double (config, "neutral_threshold", &st->params.neutral_threshold, error) ||
      !tamis_config_get_bool (config, "targets", &st->params.targets, error) ||
      !tamis_config_get_bool (config, "cues", &st->params.cues, error) ||
      !load_lexicons (st, config, langs, error))
    {
      sentiment_destroy (st);
      return NULL;
    }
  if (!st->params.targets)
    {
      tamis_config_drop_output (config, "entity_sentiment");
      tamis_config_drop_output (config, "mention_sentiment");
    }
  if (!st->params.cues)
    tamis_config_drop_output (config, "sentiment_cue");
  return st;
}

/* The lexicon of the document's `lang` (region ignored; the attribute an
 * earlier stage set, else the field of the input record), else all of them. */
static const SentiLexicon *
doc_lexicon (const Sentiment *st, TamisDoc *doc)
{
  const char *lang = tamis_doc_get_string (doc, "lang");

  if (lang == NULL)
    lang = tamis_doc_get_meta (doc, "lang");
  if (lang != NULL)
    {
      gsize n = strcspn (lang, "-_");
      for (guint i = 0; st->langs[i] != NULL; i++)
        if (strlen (st->langs[i]->lang) == n && g_ascii_strncasecmp (lang, st->langs[i]->lang, n) == 0)
          return st->langs[i];
    }
  return st->all;
}

static gboolean
sentiment_process (gpointer state, TamisDoc *doc, GError **error)
{
  const Sentiment *st = state;
  gsize len = tamis_doc_get_length (doc);

  if (len >= G_MAXUINT32)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                   "document of %" G_GSIZE_FORMAT " bytes: sentiment handles up to 4 GiB", len);
      return FALSE;
    }
  senti_score_doc (&st->params, doc_lexicon (st, doc), doc);
  return TRUE;
}

#define POLARITIES TAMIS_NAMES ("positive", "negative", "neutral")

TAMIS_PLUGIN_DEFINE (sentiment, "0.1.0",
                     "Sentiment of sentences, documents and named entities, French and English, rules over cue lexicons",
                     .options = TAMIS_OPTIONS (
                       { "languages", TAMIS_OPTION_LIST, "[fr, en]",
                         .help = "lexicons to load (data/LANG/directions.tsv if present, rules.tsv, lexicon.tsv); a document's lang picks one" },
                       { "neutral_threshold", TAMIS_OPTION_DOUBLE, "0.1", .min = "0", .max = "1",
                         .help = "a score whose absolute value is below it is neutral" },
                       { "lexicons", TAMIS_OPTION_MAPPING, NULL,
                         .help = "user lexicon files (one or a list) by language code (or all), same format, read after the plugin's and overriding them" },
                       { "targets", TAMIS_OPTION_BOOL, "true",
                         .help = "score the entities of an entity layer, when an earlier stage wrote one" },
                       { "cues", TAMIS_OPTION_BOOL, "true",
                         .help = "write the sentiment_cue layer: the words that decided" }),
                     .reads = TAMIS_NAMES ("sentence"),
                     .writes = TAMIS_WRITES (
                       TAMIS_LAYER ("sentence_sentiment", POLARITIES, NULL,
                                    "one span per sentence; its score is the polarity in [-1, 1]"),
                       TAMIS_LAYER ("sentiment_cue", TAMIS_NAMES ("positive", "negative"),
                                    TAMIS_ATTRIBUTES (
                                      { "weight", TAMIS_VALUE_DOUBLE, "what the cue adds to its sentence, rules applied" },
                                      { "rule", TAMIS_VALUE_STRING, "lexicon (a polar word) or direction (a direction word and its financial noun)" },
                                      { "negated", TAMIS_VALUE_BOOL, "a negation flipped it" },
                                      { "intensity", TAMIS_VALUE_DOUBLE, "the factor of its intensifiers and dampeners, when not 1" }),
                                    "the words and expressions that decided"),
                       TAMIS_LAYER ("mention_sentiment", POLARITIES,
                                    TAMIS_ATTRIBUTES (
                                      { "canonical", TAMIS_VALUE_STRING, "the entity's canonical name" },
                                      { "type", TAMIS_VALUE_STRING, "the entity's label (PER, ORG, LOC, MISC)" }),
                                    "one span per entity mention: the polarity of its part of the sentence"),
                       TAMIS_ATTR ("sentiment", TAMIS_VALUE_STRING, "positive, negative or neutral"),
                       TAMIS_ATTR ("sentiment_score", TAMIS_VALUE_DOUBLE, "the document's polarity in [-1, 1]"),
                       TAMIS_ATTR ("entity_sentiment", TAMIS_VALUE_JSON,
                                   "per canonical entity name: label, score, sentences, mentions, type")),
                     .languages = TAMIS_NAMES ("fr", "en"),
                     .create = sentiment_create,
                     .process = sentiment_process,
                     .destroy = sentiment_destroy)
