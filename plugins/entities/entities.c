/* entities — people, organisations, places and other names (products,
 * events, works, nationalities) in French and English text.
 *
 * Each sentence is cut into tokens, matched against name lists and cue
 * lists, and tagged by a linear model over features of the tokens and of
 * what the lists say of them; rules then clean the names found, and
 * mentions of the same entity in the document are linked and share a
 * canonical name. */
#include <string.h>
#include <tamis/plugin.h>

#include "ent-tagger.h"

typedef struct {
  EntGaz *gaz;
  EntModel *model;        /* for any language */
  EntModel **lang_models; /* by language of @langs: data/model-LANG.bin, or NULL */
  char **langs;
  guint labels;       /* bit per entity label written */
  double min_score;
  gboolean coreference;
  GAsyncQueue *spare;  /* EntAnalysis buffers kept from document to document */
} Entities;

static void
analysis_free (gpointer data)
{
  EntAnalysis *an = data;
  ent_analysis_clear (an);
  g_free (an);
}

static void
entities_destroy (gpointer state)
{
  Entities *ent = state;

  if (ent == NULL)
    return;
  ent_gaz_free (ent->gaz);
  ent_model_free (ent->model);
  for (guint i = 0; ent->lang_models != NULL && ent->langs[i] != NULL; i++)
    ent_model_free (ent->lang_models[i]);
  g_free (ent->lang_models);
  if (ent->spare != NULL)
    g_async_queue_unref (ent->spare);
  g_strfreev (ent->langs);
  g_free (ent);
}

/* The plugin's lists: data/common/ then data/LANG/ for each language. */
static gboolean
default_lists (TamisConfig *config, char **langs, GPtrArray *files, GError **error)
{
  g_autoptr(GPtrArray) dirs = g_ptr_array_new ();

  g_ptr_array_add (dirs, (gpointer) "common");
  for (guint i = 0; langs[i] != NULL; i++) {
    const char *l = langs[i];
    if (strlen (l) < 2 || strlen (l) > 3 || strspn (l, "abcdefghijklmnopqrstuvwxyz") != strlen (l)) {
      tamis_config_set_error (config, "languages", error,
                              "'%s' is not a language code (expected a lowercase code such as fr or en)", l);
      return FALSE;
    }
    g_ptr_array_add (dirs, langs[i]);
  }
  for (guint i = 0; i < dirs->len; i++) {
    g_autoptr(GError) local = NULL;
    g_autofree char *dir = tamis_config_find_data (config, dirs->pdata[i], &local);
    if (dir == NULL) {
      tamis_config_set_error (config, "languages", error, "no name lists for '%s': %s",
                              (const char *) dirs->pdata[i], local->message);
      return FALSE;
    }
    if (!ent_gaz_list_dir (dir, files, error))
      return FALSE;
  }
  return TRUE;
}

static gpointer
entities_create (TamisConfig *config, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) user = NULL;
  g_autofree char *model_path = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Entities *ent = g_new0 (Entities, 1);

  ent->spare = g_async_queue_new_full (analysis_free);
  if (!tamis_config_get_strv (config, "languages", &ent->langs, error)
      || !tamis_config_get_strv (config, "labels", &labels, error)
      || !tamis_config_get_paths (config, "gazetteers", &user, error)
      || !tamis_config_get_path (config, "model", &model_path, error)
      || !tamis_config_get_double (config, "min_score", &ent->min_score, error)
      || !tamis_config_get_bool (config, "coreference", &ent->coreference, error))
    goto fail;

  for (guint i = 0; labels[i] != NULL; i++)
    for (guint l = 0; l < 4; l++)
      if (g_str_equal (labels[i], ent_entity_labels[l]))
        ent->labels |= 1u << l;

  for (guint i = 0; user != NULL && user[i] != NULL; i++)
    if (!g_file_test (user[i], G_FILE_TEST_IS_REGULAR)) {
      tamis_config_set_error (config, "gazetteers", error, "'%s' is not a file", user[i]);
      goto fail;
    }
  if (!default_lists (config, ent->langs, files, error))
    goto fail;
  g_ptr_array_add (files, NULL);
  ent->gaz = ent_gaz_new ((const char *const *) files->pdata, (const char *const *) user, &local);
  if (ent->gaz == NULL) {
    tamis_config_set_error (config, user != NULL ? "gazetteers" : "languages", error, "%s", local->message);
    goto fail;
  }

  ent->lang_models = g_new0 (EntModel *, g_strv_length (ent->langs) + 1);
  if (model_path == NULL) {
    /* a language may have a model of its own, trained on its text alone */
    for (guint i = 0; ent->langs[i] != NULL; i++) {
      g_autofree char *rel = g_strdup_printf ("model-%s.bin", ent->langs[i]);
      g_autofree char *path = tamis_config_find_data (config, rel, NULL);
      if (path != NULL && (ent->lang_models[i] = ent_model_load (path, &local)) == NULL) {
        tamis_config_set_error (config, "model", error, "%s", local->message);
        goto fail;
      }
    }
    model_path = tamis_config_find_data (config, "model.bin", &local);
    if (model_path == NULL) {
      tamis_config_set_error (config, "model", error, "no entity model: %s", local->message);
      goto fail;
    }
  }
  ent->model = ent_model_load (model_path, &local);
  if (ent->model == NULL) {
    tamis_config_set_error (config, "model", error, "%s", local->message);
    goto fail;
  }
  return ent;

fail:
  entities_destroy (ent);
  return NULL;
}

/* The index of @lang ("fr", "fr-CA") in the stage's languages, -1 when
 * it is not one of them. */
static int
language_index (const Entities *ent, const char *lang)
{
  for (guint i = 0; ent->langs[i] != NULL; i++)
    if (g_str_equal (ent->langs[i], lang)
        || (g_str_has_prefix (lang, ent->langs[i]) && lang[strlen (ent->langs[i])] == '-'))
      return (int) i;
  return -1;
}

static gboolean
entities_process (gpointer state, TamisDoc *doc, GError **error)
{
  const Entities *ent = state;
  gsize len = tamis_doc_get_length (doc);
  const char *text = tamis_doc_get_text (doc);
  const TamisLayer *sentences = tamis_doc_get_layer (doc, "sentence");

  const char *lang = tamis_doc_get_string (doc, "lang");
  int li = lang != NULL ? language_index (ent, lang) : -1;
  if (lang != NULL && li < 0)
    return TRUE;
  /* a stage given one language reads every document as that language */
  if (lang == NULL && ent->langs[0] != NULL && ent->langs[1] == NULL)
    li = 0;
  const EntModel *model = li >= 0 && ent->lang_models[li] != NULL ? ent->lang_models[li] : ent->model;
  if (len >= G_MAXUINT32) {
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                 "document of %" G_GSIZE_FORMAT " bytes: entities handles up to 4 GiB", len);
    return FALSE;
  }

  guint ns = sentences ? tamis_layer_get_n_spans (sentences) : 0;
  g_autofree guint32 *bounds = g_new (guint32, 2 * (gsize) ns + 2);
  for (guint s = 0; s < ns; s++) {
    bounds[2 * s] = tamis_layer_get_start (sentences, s);
    bounds[2 * s + 1] = tamis_layer_get_end (sentences, s);
  }

  EntAnalysis *an = g_async_queue_try_pop (ent->spare);
  if (an == NULL) {
    an = g_new (EntAnalysis, 1);
    ent_analysis_init (an);
  }
  ent_analysis_prepare (an, ent->gaz, text, len, sentences ? bounds : NULL, ns);
  ent_analysis_tag (an, ent->gaz, model);
  if (ent->coreference)
    ent_coref (an, ent->gaz);

  TamisLayer *layer = tamis_doc_ensure_layer (doc, "entity");
  const EntTok *tok = (const EntTok *) an->tokens->data;
  for (guint i = 0; i < an->mentions->len; i++) {
    const EntMention *m = &g_array_index (an->mentions, EntMention, i);
    if (!(ent->labels & (1u << m->label)) || m->score < ent->min_score)
      continue;
    guint span = tamis_layer_add (layer, tok[m->first].start, tok[m->last].end,
                                  ent_entity_labels[m->label]);
    tamis_layer_set_score (layer, span, CLAMP (m->score, 0, 1));
    if (m->canonical != NULL)
      tamis_layer_set_string (layer, span, "canonical", m->canonical);
    else {
      g_autofree char *self = ent_span_text (an, m->first, m->last);
      tamis_layer_set_string (layer, span, "canonical", self);
    }
  }
  g_async_queue_push (ent->spare, an);
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (entities, "1.0.0",
                     "People, organisations, places and other names (PER, ORG, LOC, MISC) in French and English, with canonical names",
                     .options = TAMIS_OPTIONS (
                       { "languages", TAMIS_OPTION_LIST, "[fr, en]",
                         .help = "name and cue lists to load (data/common and data/LANG); documents whose lang is another are left alone, and with one language, documents without lang are read as that language" },
                       { "labels", TAMIS_OPTION_LIST, "[PER, ORG, LOC, MISC]",
                         .choices = TAMIS_NAMES ("PER", "ORG", "LOC", "MISC"),
                         .help = "which labels to write" },
                       { "gazetteers", TAMIS_OPTION_LIST, NULL,
                         .help = "extra name lists (files relative to the pipeline, lexicon format: term, label, weight, canonical); their entries replace the plugin's for the same term" },
                       { "model", TAMIS_OPTION_PATH, NULL,
                         .help = "a model made by tamis-train-entities, for every language (default: the plugin's model-LANG.bin for a language that has one, else model.bin)" },
                       { "min_score", TAMIS_OPTION_DOUBLE, "0.5", .min = "0", .max = "1",
                         .help = "names scored lower are left out" },
                       { "coreference", TAMIS_OPTION_BOOL, "true",
                         .help = "link mentions of the same entity (family names, acronyms, short names) and give them one canonical name and label" }),
                     .reads = TAMIS_NAMES ("sentence"),
                     .writes = TAMIS_WRITES (
                       TAMIS_LAYER ("entity", TAMIS_NAMES ("PER", "ORG", "LOC", "MISC"),
                                    TAMIS_ATTRIBUTES (
                                      { "canonical", TAMIS_VALUE_STRING,
                                                  "the name shared by every mention of the same entity in the document" }),
                                    "names; the label is their kind, the score the model's confidence")),
                     .languages = TAMIS_NAMES ("fr", "en"),
                     .create = entities_create,
                     .process = entities_process,
                     .destroy = entities_destroy)
