/* segment — tokens and sentences for French and English news text.
 *
 * Options (the stage's `with:`):
 *   tokens: true|false         write the `token` layer (default true)
 *   sentences: true|false      write the `sentence` layer (default true)
 *   title_lines: true|false    a line without final punctuation followed by a
 *                              capitalised line ends a sentence (default true)
 *   languages: [fr, en]        abbreviation lists to load (data/LANG/abbreviations.txt)
 *   abbreviations: FILE        an extra list, same format, for every language
 */
#include <string.h>
#include <tamis/plugin.h>

#include "abbrev.h"
#include "scan.h"

typedef struct {
  SegRules rules;
  SegAbbrevs *abbrevs;
  gboolean tokens;
  gboolean sentences;
  char *langs[SEG_MAX_LANGS + 1]; /* loaded languages; index = bit in the masks */
} Segment;

static void
segment_destroy (gpointer state)
{
  Segment *seg = state;

  if (seg == NULL)
    return;
  seg_abbrevs_free (seg->abbrevs);
  for (guint i = 0; seg->langs[i] != NULL; i++)
    g_free (seg->langs[i]);
  g_free (seg);
}

static gboolean
lang_code_is_valid (const char *code)
{
  gsize len = strlen (code);

  if (len < 2 || len > 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (code[i]) && !(i > 0 && code[i] == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
load_languages (Segment *seg, TamisConfig *config, char **langs, GError **error)
{
  guint n = 0;

  for (guint i = 0; langs[i] != NULL; i++) {
    const char *code = langs[i];
    if (!lang_code_is_valid (code)) {
      tamis_config_set_error (config, "languages", error,
                              "'%s' is not a language code (expected a lowercase code such as fr or en)",
                              code);
      return FALSE;
    }
    if (n == SEG_MAX_LANGS) {
      tamis_config_set_error (config, "languages", error, "at most %d languages", SEG_MAX_LANGS);
      return FALSE;
    }
    g_autofree char *rel = g_strdup_printf ("%s/abbreviations.txt", code);
    g_autoptr(GError) local = NULL;
    g_autofree char *path = tamis_config_find_data (config, rel, &local);
    if (path == NULL) {
      tamis_config_set_error (config, "languages", error,
                              "no abbreviation list for language '%s': %s", code, local->message);
      return FALSE;
    }
    if (!seg_abbrevs_load (seg->abbrevs, path, 1u << n, error))
      return FALSE;
    seg->langs[n++] = g_strdup (code);
  }
  return TRUE;
}

static gpointer
segment_create (TamisConfig *config, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) langs = NULL;
  g_autofree char *extra = NULL;
  Segment *seg = g_new0 (Segment, 1);

  seg->abbrevs = seg_abbrevs_new ();
  seg->rules.abbrevs = seg->abbrevs;

  /* the defaults are declared with the options, below */
  if (!tamis_config_get_bool (config, "tokens", &seg->tokens, error) ||
      !tamis_config_get_bool (config, "sentences", &seg->sentences, error) ||
      !tamis_config_get_bool (config, "title_lines", &seg->rules.title_lines, error) ||
      !tamis_config_get_strv (config, "languages", &langs, error) ||
      !tamis_config_get_path (config, "abbreviations", &extra, error))
    goto fail;

  if (!seg->tokens && !seg->sentences) {
    tamis_config_set_error (config, "tokens", error,
                            "tokens and sentences are both off: the stage would do nothing");
    goto fail;
  }
  if (!seg->tokens)
    tamis_config_drop_output (config, "token");
  if (!seg->sentences)
    tamis_config_drop_output (config, "sentence");
  if (!load_languages (seg, config, langs, error))
    goto fail;
  if (extra != NULL && !seg_abbrevs_load (seg->abbrevs, extra, SEG_LANG_ALL, &local)) {
    tamis_config_set_error (config, "abbreviations", error, "%s", local->message);
    goto fail;
  }
  return seg;

fail:
  segment_destroy (seg);
  return NULL;
}

/* The lists of the document's language when an earlier stage set `lang`
 * and it is loaded, else all of them. */
static guint
doc_langs (const Segment *seg, TamisDoc *doc)
{
  const char *lang = tamis_doc_get_string (doc, "lang");

  if (lang != NULL)
    for (guint i = 0; seg->langs[i] != NULL; i++)
      if (g_str_equal (lang, seg->langs[i]))
        return (1u << i) | (1u << SEG_MAX_LANGS);
  return SEG_LANG_ALL;
}

static gboolean
segment_process (gpointer state, TamisDoc *doc, GError **error)
{
  const Segment *seg = state;
  gsize len = tamis_doc_get_length (doc);

  if (len >= G_MAXUINT32) {
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_INPUT,
                 "document of %" G_GSIZE_FORMAT " bytes: segment handles up to 4 GiB", len);
    return FALSE;
  }
  seg_scan (&seg->rules, doc_langs (seg, doc), tamis_doc_get_text (doc), len,
            seg->tokens ? tamis_doc_ensure_layer (doc, "token") : NULL,
            seg->sentences ? tamis_doc_ensure_layer (doc, "sentence") : NULL);
  return TRUE;
}

TAMIS_PLUGIN_DEFINE (segment, "1.1.0",
                     "Tokens (word, number, punct, symbol, url, email) and sentences for French and English",
                     .options = TAMIS_OPTIONS (
                       { "tokens", TAMIS_OPTION_BOOL, "true",
                         .help = "write the token layer" },
                       { "sentences", TAMIS_OPTION_BOOL, "true",
                         .help = "write the sentence layer" },
                       { "title_lines", TAMIS_OPTION_BOOL, "true",
                         .help = "a line without final punctuation followed by a capitalised line ends a sentence" },
                       { "languages", TAMIS_OPTION_LIST, "[fr, en]",
                         .help = "abbreviation lists to load (data/LANG/abbreviations.txt)" },
                       { "abbreviations", TAMIS_OPTION_PATH, NULL,
                         .help = "an extra abbreviation list, same format, used for every language" }),
                     .writes = TAMIS_WRITES (
                       TAMIS_LAYER ("token", TAMIS_NAMES ("word", "number", "punct", "symbol", "url", "email"),
                                    NULL, "tokens; the label is their kind"),
                       TAMIS_LAYER ("sentence", NULL, NULL, "sentences")),
                     .languages = TAMIS_NAMES ("fr", "en"),
                     .create = segment_create,
                     .process = segment_process,
                     .destroy = segment_destroy)
