/* langid — close pairs (see langid-pairs.h).
 *
 * The character model shares most of its features between Croatian and
 * Serbian, or Indonesian and Malay, and on a message of a few words its
 * margin is noise. Whole words often settle it ("vrijeme"/"vreme",
 * "karena"/"kerana", "åpne"/"åbne"), so a table of word weights per pair,
 * learnt from the same training text as the model, has the last word when
 * the two best languages are a pair and the words are clear. */
#include "langid-pairs.h"

#include <stdlib.h>
#include <string.h>

/* Words past this are not read: the pairs matter on short text, and on a
 * long one the character model has long settled them. */
#define READ_MAX 2048
/* The words' weights are naive-Bayes log ratios: the words of a message
 * are not independent, so their sum overstates the evidence; half of it
 * is set against the character model's own log odds. */
#define WORD_SHARE 0.5
#define WORD_MAX 64

typedef struct {
  int first, second;  /* model languages; -1 when the model lacks one */
  char first_code[8], second_code[8];
  GHashTable *words;  /* folded word -> weight, as GINT_TO_POINTER */
} Pair;

struct _LangidPairs {
  GArray *pairs;      /* Pair */
};

static void
pair_clear (gpointer data)
{
  Pair *p = data;

  g_clear_pointer (&p->words, g_hash_table_unref);
}

void
langid_pairs_free (LangidPairs *pairs)
{
  if (pairs == NULL)
    return;
  g_array_unref (pairs->pairs);
  g_free (pairs);
}

/* Every profile of @code in @model (Serbian has a Cyrillic and a Latin one)
 * answers the same code, so the first one stands for it. */
static int
lang_of (const LangidModel *model, const char *code)
{
  return langid_model_find_lang (model, code);
}

LangidPairs *
langid_pairs_load (const char *path, const LangidModel *model, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  LangidPairs *self;
  Pair *cur = NULL;
  guint line_no = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  self = g_new0 (LangidPairs, 1);
  self->pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
  g_array_set_clear_func (self->pairs, pair_clear);
  for (char *line = data, *next; line < data + len; line = next)
    {
      char *nl = memchr (line, '\n', data + len - line);
      char *tab;

      next = nl ? nl + 1 : data + len;
      if (nl)
        *nl = '\0';
      line_no++;
      if (*line == '#' || *line == '\0')
        continue;
      if (line[0] == '@')
        {
          g_auto(GStrv) codes = g_strsplit (g_strstrip (line + 1), " ", 3);

          if (g_strv_length (codes) != 2)
            goto bad;
          /* filled in place: the array owns the table from the start */
          g_array_set_size (self->pairs, self->pairs->len + 1);
          cur = &g_array_index (self->pairs, Pair, self->pairs->len - 1);
          cur->first = lang_of (model, codes[0]);
          cur->second = lang_of (model, codes[1]);
          g_strlcpy (cur->first_code, codes[0], sizeof cur->first_code);
          g_strlcpy (cur->second_code, codes[1], sizeof cur->second_code);
          cur->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          continue;
        }
      tab = strchr (line, '\t');
      if (cur == NULL || tab == NULL || tab == line || tab - line >= WORD_MAX)
        goto bad;
      *tab = '\0';
      {
        char *end;
        long weight = strtol (tab + 1, &end, 10);

        if (*end != '\0' || end == tab + 1 || weight == 0 || weight < -100000 || weight > 100000
            || !g_utf8_validate (line, -1, NULL))
          goto bad;
        g_hash_table_insert (cur->words, g_strdup (line), GINT_TO_POINTER ((int) weight));
      }
    }
  return self;

bad:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%u: not a line of a pairs table",
               path, line_no);
  langid_pairs_free (self);
  return NULL;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

int
langid_pairs_resolve (const LangidPairs *pairs, const LangidModel *model, const char *text,
                      gsize len, int lang, int second, double margin)
{
  const char *lang_code, *second_code;
  const Pair *pair = NULL;
  const char *p, *end;
  char word[WORD_MAX];
  gsize wl = 0;
  long sum = 0;

  if (pairs == NULL || lang < 0 || second < 0)
    return lang;
  /* by code: both of Serbian's profiles are "sr" */
  lang_code = langid_model_get_lang (model, lang)->code;
  second_code = langid_model_get_lang (model, second)->code;
  for (guint i = 0; i < pairs->pairs->len && pair == NULL; i++)
    {
      const Pair *q = &g_array_index (pairs->pairs, Pair, i);

      if (q->first < 0 || q->second < 0)
        continue;
      if ((strcmp (q->first_code, lang_code) == 0 && strcmp (q->second_code, second_code) == 0)
          || (strcmp (q->first_code, second_code) == 0 && strcmp (q->second_code, lang_code) == 0))
        pair = q;
    }
  if (pair == NULL)
    return lang;

  /* the words of the text, lower-cased as the table's were */
  end = text + MIN (len, READ_MAX);
  for (p = text; p <= end; )
    {
      gunichar c = p < end ? g_utf8_get_char_validated (p, end - p) : 0;

      if (p < end && c != (gunichar) -1 && c != (gunichar) -2 && is_word_char (c))
        {
          char buf[6];
          gint n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);

          if (wl + n < WORD_MAX)
            memcpy (word + wl, buf, n);
          wl += n;
        }
      else if (wl > 0)
        {
          if (wl < WORD_MAX)
            {
              word[wl] = '\0';
              sum += GPOINTER_TO_INT (g_hash_table_lookup (pair->words, word));
            }
          wl = 0;
        }
      if (p == end)
        break;
      /* a cut or invalid sequence ends the word and is stepped over */
      p = (c == (gunichar) -1 || c == (gunichar) -2) ? p + 1 : g_utf8_next_char (p);
    }
  /* the runner-up is the pair's other language: it takes its place */
  if (strcmp (pair->first_code, lang_code) == 0)
    sum = -sum;
  if (sum * WORD_SHARE > margin * 100)
    return second;
  return lang;
}
