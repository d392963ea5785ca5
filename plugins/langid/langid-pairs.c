/* langid — close pairs (see langid-pairs.h).
 *
 * The character model shares most of its features between Croatian and
 * Serbian, or Indonesian and Malay, and on a message of a few words its
 * margin is noise. Whole words often settle it ("vrijeme"/"vreme",
 * "karena"/"kerana", "åpne"/"åbne"), so a table of word weights per pair,
 * learnt from the same training text as the model, has the last word when
 * the two best languages are a pair and the words are clear.
 *
 * The tables hold some 50,000 words: each pair's is one open-addressing
 * array whose keys point into the file's own text, so loading costs one
 * read and no allocation per word, and a word of the text is hashed as it
 * is lower-cased, then found with one comparison. */
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
  guint32 hash;       /* 0: an empty slot */
  gint32 weight;
  guint32 word;       /* offset of the word (NUL-terminated) in the file's text */
  guint32 len;
} Slot;

typedef struct {
  int first, second;  /* model languages; -1 when the model lacks one */
  char first_code[8], second_code[8];
  Slot *slots;        /* mask + 1 of them, half full at most */
  guint32 mask, n;
} Pair;

struct _LangidPairs {
  char *data;         /* the file, its lines cut in place */
  GArray *pairs;      /* Pair */
  guint n_langs;
  gint8 *pair_of;     /* [best * n_langs + second]: index in pairs, -1: none */
};

/* FNV-1a, one byte at a time, as a word is lower-cased; never 0. */
#define HASH_START 2166136261u
static inline guint32
hash_byte (guint32 h, guchar c)
{
  return (h ^ c) * 16777619u;
}

static inline guint32
hash_final (guint32 h)
{
  return h ? h : 1;
}

static void
pair_clear (gpointer data)
{
  Pair *p = data;

  g_clear_pointer (&p->slots, g_free);
}

void
langid_pairs_free (LangidPairs *pairs)
{
  if (pairs == NULL)
    return;
  g_array_unref (pairs->pairs);
  g_free (pairs->pair_of);
  g_free (pairs->data);
  g_free (pairs);
}

static Slot *
find_slot (const Pair *pair, const char *data, guint32 hash, const char *word, gsize len)
{
  for (guint32 i = hash & pair->mask;; i = (i + 1) & pair->mask)
    {
      Slot *s = &pair->slots[i];
      if (s->hash == 0
          || (s->hash == hash && s->len == len && memcmp (data + s->word, word, len) == 0))
        return s;
    }
}

/* Adds @word, or replaces its weight when it is there already (the last
 * line of a word counts, as it always has). */
static void
pair_add (Pair *pair, const char *data, guint32 word, gsize len, gint32 weight)
{
  guint32 h = HASH_START;
  for (gsize i = 0; i < len; i++)
    h = hash_byte (h, data[word + i]);
  h = hash_final (h);
  if (2 * (pair->n + 1) > pair->mask + 1)
    {
      Slot *old = pair->slots;
      guint32 old_size = pair->slots ? pair->mask + 1 : 0;
      pair->mask = old_size ? 2 * old_size - 1 : 1023;
      pair->slots = g_new0 (Slot, pair->mask + 1);
      for (guint32 i = 0; i < old_size; i++)
        if (old[i].hash)
          *find_slot (pair, data, old[i].hash, data + old[i].word, old[i].len) = old[i];
      g_free (old);
    }
  Slot *s = find_slot (pair, data, h, data + word, len);
  if (s->hash == 0)
    pair->n++;
  *s = (Slot) { h, weight, word, (guint32) len };
}

LangidPairs *
langid_pairs_load (const char *path, const LangidModel *model, GError **error)
{
  gsize len;
  LangidPairs *self;
  Pair *cur = NULL;
  guint line_no = 0;

  self = g_new0 (LangidPairs, 1);
  self->pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
  g_array_set_clear_func (self->pairs, pair_clear);
  if (!g_file_get_contents (path, &self->data, &len, error))
    goto fail;
  if (len >= G_MAXUINT32)
    goto bad;
  for (char *line = self->data, *next; line < self->data + len; line = next)
    {
      char *nl = memchr (line, '\n', self->data + len - line);
      char *tab;

      next = nl ? nl + 1 : self->data + len;
      if (nl)
        *nl = '\0';
      line_no++;
      if (*line == '#' || *line == '\0')
        continue;
      if (line[0] == '@')
        {
          g_auto(GStrv) codes = g_strsplit (g_strstrip (line + 1), " ", 3);

          if (g_strv_length (codes) != 2 || self->pairs->len >= G_MAXINT8)
            goto bad;
          /* filled in place: the array owns the table from the start */
          g_array_set_size (self->pairs, self->pairs->len + 1);
          cur = &g_array_index (self->pairs, Pair, self->pairs->len - 1);
          cur->first = langid_model_find_lang (model, codes[0]);
          cur->second = langid_model_find_lang (model, codes[1]);
          g_strlcpy (cur->first_code, codes[0], sizeof cur->first_code);
          g_strlcpy (cur->second_code, codes[1], sizeof cur->second_code);
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
            || !g_utf8_validate (line, tab - line, NULL))
          goto bad;
        pair_add (cur, self->data, line - self->data, tab - line, (gint32) weight);
      }
    }

  /* Which pair the best two languages make, by code (both of Serbian's
   * profiles are "sr"): the first pair of the file that names them. */
  self->n_langs = langid_model_get_n_langs (model);
  self->pair_of = g_new (gint8, self->n_langs * self->n_langs);
  memset (self->pair_of, -1, self->n_langs * self->n_langs);
  for (guint k = self->pairs->len; k-- > 0; )
    {
      const Pair *q = &g_array_index (self->pairs, Pair, k);

      if (q->first < 0 || q->second < 0)
        continue;
      for (guint i = 0; i < self->n_langs; i++)
        for (guint j = 0; j < self->n_langs; j++)
          if (strcmp (langid_model_get_lang (model, i)->code, q->first_code) == 0
              && strcmp (langid_model_get_lang (model, j)->code, q->second_code) == 0)
            self->pair_of[i * self->n_langs + j] = self->pair_of[j * self->n_langs + i] = k;
    }
  return self;

bad:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%u: not a line of a pairs table",
               path, line_no);
fail:
  langid_pairs_free (self);
  return NULL;
}

int
langid_pairs_resolve (const LangidPairs *pairs, const LangidModel *model, const char *text,
                      gsize len, int lang, int second, double margin)
{
  const Pair *pair;
  const guchar *p, *end;
  char word[WORD_MAX];
  gsize wl = 0;
  guint32 h = HASH_START;
  long sum = 0;

  if (pairs == NULL || lang < 0 || second < 0
      || (guint) lang >= pairs->n_langs || (guint) second >= pairs->n_langs
      || pairs->pair_of[lang * pairs->n_langs + second] < 0)
    return lang;
  pair = &g_array_index (pairs->pairs, Pair, pairs->pair_of[lang * pairs->n_langs + second]);
  if (pair->n == 0)
    return lang;

  /* the words of the text, lower-cased as the table's were: letters and
   * marks, ASCII ones without a call */
  end = (const guchar *) text + MIN (len, READ_MAX);
  for (p = (const guchar *) text; p <= end; )
    {
      gunichar c;
      gboolean letter;
      const guchar *next;

      if (p == end)
        {
          c = 0;
          letter = FALSE;
          next = p;
        }
      else if (*p < 0x80)
        {
          c = *p | 0x20;          /* lower case, for letters */
          letter = c >= 'a' && c <= 'z';
          next = p + 1;
        }
      else
        {
          c = g_utf8_get_char_validated ((const char *) p, end - p);
          /* a cut or invalid sequence ends the word and is stepped over */
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              letter = FALSE;
              next = p + 1;
            }
          else
            {
              letter = g_unichar_isalpha (c) || g_unichar_ismark (c);
              c = g_unichar_tolower (c);
              next = (const guchar *) g_utf8_next_char (p);
            }
        }
      if (letter)
        {
          char buf[6];
          gint n = c < 0x80 ? (buf[0] = (char) c, 1) : g_unichar_to_utf8 (c, buf);

          if (wl + n < WORD_MAX)
            {
              for (gint i = 0; i < n; i++)
                {
                  word[wl + i] = buf[i];
                  h = hash_byte (h, buf[i]);
                }
            }
          wl += n;
        }
      else if (wl > 0)
        {
          if (wl < WORD_MAX)
            sum += find_slot (pair, pairs->data, hash_final (h), word, wl)->weight;
          wl = 0;
          h = HASH_START;
        }
      if (p == end)
        break;
      p = next;
    }
  /* the runner-up is the pair's other language: it takes its place */
  if (strcmp (pair->first_code, langid_model_get_lang (model, lang)->code) == 0)
    sum = -sum;
  if (sum * WORD_SHARE > margin * 100)
    return second;
  return lang;
}
