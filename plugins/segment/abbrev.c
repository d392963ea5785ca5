/* segment — lists of abbreviations whose period does not end a sentence.
 *
 * A list file holds one abbreviation per line, with its final period.
 * "[continues]" and "[may-end]" lines switch between the two kinds (the
 * default is "continues"); "#" starts a comment. */
#include <string.h>
#include <tamis/plugin.h>

#include "abbrev.h"

/* Entries are keyed by the word without its final period; the value packs
 * the languages that list it (low 16 bits) and those where it may end a
 * sentence (high 16 bits). */
struct _SegAbbrevs {
  GHashTable *words;
  gsize max_len;
  gboolean has_dotted;
};

#define KEY_MAX 64

SegAbbrevs *
seg_abbrevs_new (void)
{
  SegAbbrevs *a = g_new0 (SegAbbrevs, 1);
  a->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return a;
}

void
seg_abbrevs_free (SegAbbrevs *abbrevs)
{
  if (abbrevs == NULL)
    return;
  g_hash_table_unref (abbrevs->words);
  g_free (abbrevs);
}

static gboolean
entry_is_valid (const char *entry, gsize len)
{
  if (len < 2 || len > KEY_MAX || entry[len - 1] != '.' || entry[0] == '.')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isspace (entry[i]))
      return FALSE;
  return g_utf8_validate (entry, len, NULL);
}

gboolean
seg_abbrevs_add (SegAbbrevs *abbrevs, const char *entry, SegAbbrevKind kind, guint langs,
                 GError **error)
{
  gsize len = strlen (entry);

  if (!entry_is_valid (entry, len)) {
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                 "'%s' is not an abbreviation: one word of at most %d bytes ending with a period",
                 entry, KEY_MAX);
    return FALSE;
  }

  char *key = g_strndup (entry, len - 1);
  guint32 value = GPOINTER_TO_UINT (g_hash_table_lookup (abbrevs->words, key));
  value |= langs & SEG_LANG_ALL;
  if (kind == SEG_ABBREV_MAY_END)
    value |= (langs & SEG_LANG_ALL) << 16;
  if (strchr (key, '.') != NULL)
    abbrevs->has_dotted = TRUE;
  abbrevs->max_len = MAX (abbrevs->max_len, len - 1);
  g_hash_table_replace (abbrevs->words, key, GUINT_TO_POINTER (value));
  return TRUE;
}

gboolean
seg_abbrevs_load (SegAbbrevs *abbrevs, const char *path, guint langs, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  SegAbbrevKind kind = SEG_ABBREV_CONTINUES;

  if (!g_file_get_contents (path, &contents, NULL, &local)) {
    g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s", local->message);
    return FALSE;
  }

  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    char *line = g_strstrip (lines[i]);
    char *hash = strchr (line, '#');
    if (hash != NULL) {
      *hash = '\0';
      g_strchomp (line);
    }
    if (*line == '\0')
      continue;
    if (g_str_equal (line, "[continues]")) {
      kind = SEG_ABBREV_CONTINUES;
      continue;
    }
    if (g_str_equal (line, "[may-end]")) {
      kind = SEG_ABBREV_MAY_END;
      continue;
    }
    if (!seg_abbrevs_add (abbrevs, line, kind, langs, &local)) {
      g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA, "%s:%u: %s", path, i + 1, local->message);
      return FALSE;
    }
  }
  return TRUE;
}

SegAbbrevKind
seg_abbrevs_lookup (const SegAbbrevs *abbrevs, const char *word, gsize len, guint langs)
{
  char key[KEY_MAX + 1];

  if (len == 0 || len > abbrevs->max_len)
    return SEG_ABBREV_NONE;
  memcpy (key, word, len);
  key[len] = '\0';

  guint32 value = GPOINTER_TO_UINT (g_hash_table_lookup (abbrevs->words, key));
  if ((value & langs) == 0)
    return SEG_ABBREV_NONE;
  return ((value >> 16) & langs) ? SEG_ABBREV_MAY_END : SEG_ABBREV_CONTINUES;
}

gboolean
seg_abbrevs_has_dotted (const SegAbbrevs *abbrevs)
{
  return abbrevs->has_dotted;
}

gsize
seg_abbrevs_max_len (const SegAbbrevs *abbrevs)
{
  return abbrevs->max_len;
}
