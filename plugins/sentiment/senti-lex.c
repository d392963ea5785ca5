/* sentiment — the cue lexicons.
 *
 * Each file is read with tamis_lexicon_load(), which checks its format and
 * reports "file:line: …"; the labels are checked here, with the same kind
 * of message. The entries of all the files of a language are then written
 * out again into one lexicon, so that a document is matched once per
 * language whatever the number of files (the loader's cache is per file).
 * Entries keep the order of the files: the matcher reports entries with the
 * same term in that order, and the scorer keeps the last, which is how a
 * later file overrides an earlier one. */
#include <math.h>
#include <string.h>
#include <tamis/plugin.h>

#include "senti-lex.h"

static const char *const class_names[SENTI_N_CLASSES] = {
  [SENTI_POS] = "POS",
  [SENTI_NEG] = "NEG",
  [SENTI_NEU] = "NEU",
  [SENTI_NEGATION] = "NEGATION",
  [SENTI_INTENSIFIER] = "INTENSIFIER",
  [SENTI_DAMPENER] = "DAMPENER",
  [SENTI_CONTRAST] = "CONTRAST",
  [SENTI_CLAUSE] = "CLAUSE",
  [SENTI_DIRECTION_UP] = "DIRECTION_UP",
  [SENTI_DIRECTION_DOWN] = "DIRECTION_DOWN",
  [SENTI_FIN_GOOD] = "FIN_GOOD",
  [SENTI_FIN_BAD] = "FIN_BAD",
  [SENTI_CONDITIONAL] = "CONDITIONAL",
};

SentiClass
senti_class_from_label (const char *label)
{
  if (label == NULL)
    return SENTI_NONE;
  for (guint i = 1; i < SENTI_N_CLASSES; i++)
    if (strcmp (label, class_names[i]) == 0)
      return i;
  return SENTI_NONE;
}

/* The weight an entry of @cls has in the merged lexicon: polarities keep
 * their sign by their label and stay within [-4, 4]; factors must be
 * positive. */
static gboolean
check_weight (SentiClass cls, double *weight)
{
  double w = *weight;

  switch (cls)
    {
    case SENTI_POS:
      *weight = MIN (fabs (w), 4.0);
      return TRUE;
    case SENTI_NEG:
      *weight = -MIN (fabs (w), 4.0);
      return TRUE;
    case SENTI_NEU:
      *weight = 0;
      return TRUE;
    case SENTI_INTENSIFIER:
    case SENTI_DAMPENER:
    case SENTI_CONTRAST:
    case SENTI_CONDITIONAL:
    case SENTI_DIRECTION_UP:
    case SENTI_DIRECTION_DOWN:
    case SENTI_FIN_GOOD:
    case SENTI_FIN_BAD:
      return w > 0 && w <= 10;
    default:
      return TRUE;
    }
}

static gboolean
append_file (GString *out, const char *path, GError **error)
{
  g_autoptr (TamisLexicon) lex = tamis_lexicon_load (path, TAMIS_LEXICON_FOLD_ALL, error);
  guint n;

  if (lex == NULL)
    return FALSE;
  n = tamis_lexicon_get_n_entries (lex);
  for (guint i = 0; i < n; i++)
    {
      const char *label = tamis_lexicon_get_label (lex, i);
      SentiClass cls = senti_class_from_label (label);
      double weight = tamis_lexicon_get_weight (lex, i);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (cls == SENTI_NONE)
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                       "%s:%u: label '%s' is not one of POS, NEG, NEU, NEGATION, INTENSIFIER, "
                       "DAMPENER, CONTRAST, CLAUSE, DIRECTION_UP, DIRECTION_DOWN, FIN_GOOD, "
                       "FIN_BAD, CONDITIONAL",
                       path, tamis_lexicon_get_line (lex, i), label ? label : "");
          return FALSE;
        }
      if (!check_weight (cls, &weight))
        {
          g_set_error (error, TAMIS_ERROR, TAMIS_ERROR_DATA,
                       "%s:%u: the weight of a %s entry is a factor, above 0 and at most 10",
                       path, tamis_lexicon_get_line (lex, i), label);
          return FALSE;
        }
      g_string_append (out, tamis_lexicon_get_term (lex, i));
      g_string_append_c (out, '\t');
      g_string_append (out, class_names[cls]);
      g_string_append_c (out, '\t');
      g_string_append (out, g_ascii_dtostr (buf, sizeof buf, weight));
      g_string_append_c (out, '\n');
    }
  return TRUE;
}

SentiLexicon *
senti_lexicon_new (const char *lang, const char *const *paths, GError **error)
{
  g_autoptr (GString) merged = g_string_new ("#term\tlabel\tweight\n");
  SentiLexicon *sl;
  guint n;

  for (guint i = 0; paths[i] != NULL; i++)
    if (!append_file (merged, paths[i], error))
      return NULL;

  sl = g_new0 (SentiLexicon, 1);
  sl->lang = g_strdup (lang);
  sl->lexicon = tamis_lexicon_new_from_data (lang ? lang : "all", merged->str, merged->len,
                                             TAMIS_LEXICON_FOLD_ALL, error);
  if (sl->lexicon == NULL)
    {
      senti_lexicon_free (sl);
      return NULL;
    }
  n = tamis_lexicon_get_n_entries (sl->lexicon);
  sl->entries = g_new0 (SentiEntry, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      SentiClass cls = senti_class_from_label (tamis_lexicon_get_label (sl->lexicon, i));
      sl->entries[i].cls = cls;
      sl->entries[i].rule = cls != SENTI_POS && cls != SENTI_NEG && cls != SENTI_NEU;
      sl->entries[i].weight = (float) tamis_lexicon_get_weight (sl->lexicon, i);
    }
  return sl;
}

void
senti_lexicon_free (SentiLexicon *sl)
{
  if (sl == NULL)
    return;
  tamis_lexicon_unref (sl->lexicon);
  g_free (sl->entries);
  g_free (sl->lang);
  g_free (sl);
}
