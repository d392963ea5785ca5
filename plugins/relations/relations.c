/* relations — amounts of money tied to the entity they belong to, with
 * the relation between them (spends, invests, earns, loses, raises, is
 * fined, values, other), by rules over the sentence in French and
 * English and cue lists in data/LANG/cues.tsv.
 *
 * Options (the stage's `with:`):
 *   languages: [fr, en]   cue lists to load; documents in another language
 *                         get nothing
 *   min_score: 0.5        ties scored lower are not written
 *   window: 20            most words between a cue and the amount after it
 *   sentences: 4          most sentences back for a pronoun or description
 *   coreference: true     pronouns, descriptions and repeated amounts
 */
#include <string.h>
#include <tamis/plugin.h>

#include "rel-cues.h"
#include "rel-tie.h"

typedef struct {
  RelParams params;
  char **langs;
  RelCues **cues; /* by language of @langs */
} Relations;

static void
relations_destroy (gpointer state)
{
  Relations *st = state;

  if (st == NULL)
    return;
  for (guint i = 0; st->cues != NULL && st->langs[i] != NULL; i++)
    rel_cues_free (st->cues[i]);
  g_free (st->cues);
  g_strfreev (st->langs);
  g_free (st);
}

static gpointer
relations_create (TamisConfig *config, GError **error)
{
  Relations *st = g_new0 (Relations, 1);
  gint64 window = 0, sentences = 0;

  if (!tamis_config_get_strv (config, "languages", &st->langs, error) ||
      !tamis_config_get_double (config, "min_score", &st->params.min_score, error) ||
      !tamis_config_get_int (config, "window", &window, error) ||
      !tamis_config_get_int (config, "sentences", &sentences, error) ||
      !tamis_config_get_bool (config, "coreference", &st->params.coreference, error))
    goto fail;
  st->params.window = (guint) window;
  st->params.sentences = (guint) sentences;
  if (st->langs == NULL || st->langs[0] == NULL)
    {
      tamis_config_set_error (config, "languages", error, "no language given (supported: fr, en)");
      goto fail;
    }
  st->cues = g_new0 (RelCues *, g_strv_length (st->langs) + 1);
  for (guint i = 0; st->langs[i] != NULL; i++)
    {
      g_autofree char *rel = g_strdup_printf ("%s/cues.tsv", st->langs[i]);
      g_autofree char *path = NULL;
      g_autoptr (GError) local = NULL;

      for (guint j = 0; j < i; j++)
        if (g_str_equal (st->langs[j], st->langs[i]))
          {
            tamis_config_set_error (config, "languages", error, "language '%s' is listed twice", st->langs[i]);
            goto fail;
          }
      path = tamis_config_find_data (config, rel, &local);
      if (path == NULL || (st->cues[i] = rel_cues_load (path, &local)) == NULL)
        {
          tamis_config_set_error (config, "languages", error, "no cue list for '%s': %s", st->langs[i],
                                  local->message);
          goto fail;
        }
    }
  return st;

fail:
  relations_destroy (st);
  return NULL;
}

/* The cue list for the document's `lang` (a region such as fr-CA
 * ignored); without one, the stage's only language; else none. */
static const RelCues *
doc_cues (const Relations *st, TamisDoc *doc)
{
  const char *lang = tamis_doc_get_string (doc, "lang");

  if (lang == NULL)
    lang = tamis_doc_get_meta (doc, "lang");
  if (lang == NULL)
    return st->langs[1] == NULL ? st->cues[0] : NULL;
  gsize n = strcspn (lang, "-_");
  for (guint i = 0; st->langs[i] != NULL; i++)
    if (strlen (st->langs[i]) == n && g_ascii_strncasecmp (lang, st->langs[i], n) == 0)
      return st->cues[i];
  return NULL;
}

static gboolean
relations_process (gpointer state, TamisDoc *doc, GError **error)
{
  const Relations *st = state;
  const RelCues *cues = doc_cues (st, doc);

  if (tamis_doc_get_length (doc) >= G_MAXUINT32)
    {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                   "document of %" G_GSIZE_FORMAT " bytes: relations handles up to 4 GiB",
                   tamis_doc_get_length (doc));
      return FALSE;
    }
  if (cues != NULL)
    rel_tie_doc (&st->params, cues, doc);
  return TRUE;
}

#define RELATIONS \
  TAMIS_NAMES ("spends", "invests", "earns", "loses", "raises", "is fined", "values", "other")

TAMIS_PLUGIN_DEFINE (relations, "0.1.0",
                     "Amounts of money tied to the person or organisation they belong to, with the relation (spends, invests, earns…), French and English",
                     .options = TAMIS_OPTIONS (
                       { "languages", TAMIS_OPTION_LIST, "[fr, en]",
                         .help = "cue lists to load (data/LANG/cues.tsv); documents whose lang is another get nothing" },
                       { "min_score", TAMIS_OPTION_DOUBLE, "0.5", .min = "0", .max = "1",
                         .help = "ties scored lower are not written" },
                       { "window", TAMIS_OPTION_INT, "20", .min = "1", .max = "100",
                         .help = "most words between a cue and the amount after it" },
                       { "sentences", TAMIS_OPTION_INT, "4", .min = "0", .max = "20",
                         .help = "most sentences back where a pronoun or description may find its name" },
                       { "coreference", TAMIS_OPTION_BOOL, "true",
                         .help = "tie through pronouns, descriptions (the company) and amounts repeated in the document" }),
                     .reads = TAMIS_NAMES ("sentence", "entity", "money"),
                     .writes = TAMIS_WRITES (
                       TAMIS_LAYER ("relation", RELATIONS,
                                    TAMIS_ATTRIBUTES (
                                      { "entity", TAMIS_VALUE_STRING, "the canonical name of the entity the amount belongs to" },
                                      { "entity_type", TAMIS_VALUE_STRING, "its label: PER, ORG or LOC" },
                                      { "cue", TAMIS_VALUE_STRING, "the verb or noun that decided the relation; empty for other without one" },
                                      { "rule", TAMIS_VALUE_STRING, "apposition, possessive, agent, object, subject, clause, leader, repeat or coreference" }),
                                    "one span per amount tied, over the money span; the score is the rule's confidence"),
                       TAMIS_LAYER ("relation_cue", RELATIONS,
                                    TAMIS_ATTRIBUTES (
                                      { "entity", TAMIS_VALUE_STRING, "the canonical name of the entity tied" }),
                                    "the cue words, labelled with the relation they decided")),
                     .languages = TAMIS_NAMES ("fr", "en"),
                     .create = relations_create,
                     .process = relations_process,
                     .destroy = relations_destroy)
