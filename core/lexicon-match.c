/* tamis — matching a lexicon over text: tokens are folded once each into a
 * small ring (as many as the longest term has words) and the trie is walked
 * from each token; the longest term found wins and the walk resumes after
 * it. Nothing is allocated per token. */
#include "config.h"

#include <string.h>

#include "lexicon-private.h"

enum {
  ELIDE_FR = 1 << 0,
  ELIDE_IT = 1 << 1,
  ELIDE_CA = 1 << 2,
  POSSESSIVE = 1 << 3,
  ELIDE_ANY = ELIDE_FR | ELIDE_IT | ELIDE_CA,
};

typedef struct {
  guint mode;
  const char *const *words; /* without the apostrophe, lower case */
} Elisions;

static const char *const elisions_fr[] = {
  "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", NULL
};
static const char *const elisions_it[] = {
  "l", "un", "d", "dell", "all", "dall", "nell", "sull", "coll", "quell", "quest", "c", NULL
};
static const char *const elisions_ca[] = { "l", "d", "m", "t", "s", "n", NULL };

static const Elisions elisions[] = {
  { ELIDE_FR, elisions_fr },
  { ELIDE_IT, elisions_it },
  { ELIDE_CA, elisions_ca },
};

static guint
lang_mode (const char *lang)
{
  static const struct { const char code[3]; guint mode; } langs[] = {
    { "fr", ELIDE_FR }, { "it", ELIDE_IT }, { "ca", ELIDE_CA }, { "en", POSSESSIVE },
  };

  if (lang == NULL)
    return ELIDE_ANY | POSSESSIVE;
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    if (g_ascii_strncasecmp (lang, langs[i].code, 2) == 0
        && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
      return langs[i].mode;
  return 0;
}

static gboolean
is_elision (guint mode, const char *word, gsize len)
{
  for (guint i = 0; i < G_N_ELEMENTS (elisions); i++)
    {
      if (!(mode & elisions[i].mode))
        continue;
      for (const char *const *e = elisions[i].words; *e; e++)
        if (strlen (*e) == len && g_ascii_strncasecmp (*e, word, len) == 0)
          return TRUE;
    }
  return FALSE;
}

/* The forms a token may match in, tried in this order: as written, without
 * its elision (first token of a match only), without its possessive (which
 * ends the match), without either. */
enum { FORM_WHOLE, FORM_ELIDED, FORM_POSSESSIVE, FORM_BOTH, N_FORMS };

typedef struct {
  TamisLexToken token;
  char *buf;
  guint forms;             /* bit set of the forms beyond FORM_WHOLE */
  guint32 offset[N_FORMS]; /* in buf */
  guint32 len[N_FORMS];
  guint32 hash[N_FORMS];
} Slot;

typedef struct {
  const TamisLexicon *lex;
  const char *text;
  gsize length;
  gsize pos;
  guint mode;
  Slot *ring;
  guint64 mask;
  guint64 produced;
  gsize cap;
  gboolean eof;
} Matcher;

static void
set_form (Slot *slot, guint form, guint32 offset, guint32 len)
{
  slot->forms |= 1u << form;
  slot->offset[form] = offset;
  slot->len[form] = len;
  slot->hash[form] = tamis_lex_hash (slot->buf + offset, len);
}

/* Rare: only words with an apostrophe get here. */
static void
find_forms (Slot *slot, guint mode)
{
  const TamisLexToken *t = &slot->token;
  guint32 elided = 0, kept = t->len;

  if ((mode & ELIDE_ANY) && is_elision (mode, slot->buf, t->apos_first))
    {
      elided = t->apos_first + 1;
      set_form (slot, FORM_ELIDED, elided, t->len - elided);
    }
  if ((mode & POSSESSIVE) && t->apos_last + 2 == t->len && t->apos_last > 0
      && (slot->buf[t->len - 1] | 0x20) == 's')
    {
      kept = t->apos_last;
      set_form (slot, FORM_POSSESSIVE, 0, kept);
      if (elided && kept > elided)
        set_form (slot, FORM_BOTH, elided, kept - elided);
    }
}

/* Makes token j available in the ring; FALSE past the last token. */
static inline gboolean
fill (Matcher *m, guint64 j)
{
  while (m->produced <= j)
    {
      Slot *slot = &m->ring[m->produced & m->mask];

      if (m->eof)
        return FALSE;
      if (!tamis_lex_scan (&m->lex->folder, m->text, m->length, &m->pos,
                           &slot->token, slot->buf, m->cap))
        {
          m->eof = TRUE;
          return FALSE;
        }
      if (slot->token.len == 0)
        continue;
      slot->forms = 0;
      if (slot->token.apos_first != G_MAXUINT32 && slot->token.len <= m->cap && m->mode)
        find_forms (slot, m->mode);
      m->produced++;
    }
  return TRUE;
}

static inline guint32
child_by_form (const TamisTrie *trie, guint32 node, const Slot *slot, guint form)
{
  return tamis_trie_child (trie, node, slot->hash[form], slot->buf + slot->offset[form],
                           slot->len[form]);
}

guint
tamis_lexicon_match (const TamisLexicon *lexicon, const char *text, gsize length,
                     const char *lang, TamisLexiconMatchFunc func, gpointer user_data)
{
  const TamisTrie *trie;
  Slot stack_ring[16];
  char stack_bufs[16 * 288];
  g_autofree Slot *heap_ring = NULL;
  g_autofree char *heap_bufs = NULL;
  Matcher m = { 0 };
  guint64 size = 2, i = 0;
  guint n = 0;
  char *bufs;

  g_return_val_if_fail (lexicon != NULL, 0);
  g_return_val_if_fail (text != NULL || length == 0, 0);
  g_return_val_if_fail (length <= G_MAXUINT32, 0);
  g_return_val_if_fail (func != NULL, 0);

  trie = &lexicon->trie;
  if (trie->nodes[0].n_children == 0)
    return 0;

  while (size < (guint64) trie->max_depth + 1)
    size *= 2;
  m.lex = lexicon;
  m.text = text;
  m.length = length;
  m.mode = lang_mode (lang);
  m.mask = size - 1;
  /* room for an elision and a possessive around the longest word */
  m.cap = trie->max_word + 16;
  if (size <= G_N_ELEMENTS (stack_ring) && m.cap <= 288)
    {
      m.ring = stack_ring;
      bufs = stack_bufs;
    }
  else
    {
      m.ring = heap_ring = g_new (Slot, size);
      bufs = heap_bufs = g_malloc (size * m.cap);
    }
  for (guint64 s = 0; s < size; s++)
    m.ring[s].buf = bufs + s * m.cap;

  while (fill (&m, i))
    {
      guint32 node = 0, best = 0, start = 0, best_end = 0;
      guint64 best_k = 0;

      for (guint64 k = 0; fill (&m, i + k); k++)
        {
          const Slot *slot = &m.ring[(i + k) & m.mask];
          const TamisLexToken *t = &slot->token;
          guint32 child = 0, end = t->end;
          guint form = FORM_WHOLE;

          if (t->len <= trie->max_word)
            child = tamis_trie_child (trie, node, t->hash, slot->buf, t->len);
          if (child == 0 && slot->forms)
            {
              static const guint first_forms[] = { FORM_ELIDED, FORM_POSSESSIVE, FORM_BOTH };
              static const guint next_forms[] = { FORM_POSSESSIVE };
              const guint *forms = k == 0 ? first_forms : next_forms;
              guint n_forms = k == 0 ? G_N_ELEMENTS (first_forms) : G_N_ELEMENTS (next_forms);

              for (guint f = 0; f < n_forms && child == 0; f++)
                if (slot->forms & (1u << forms[f]))
                  {
                    child = child_by_form (trie, node, slot, forms[f]);
                    form = forms[f];
                  }
            }
          if (child == 0)
            break;
          if (k == 0)
            start = form == FORM_ELIDED || form == FORM_BOTH ? t->apos_first_end : t->start;
          if (form == FORM_POSSESSIVE || form == FORM_BOTH)
            end = t->apos_last_text;
          node = child;
          if (trie->nodes[node].count > 0)
            {
              best = node;
              best_k = k;
              best_end = end;
            }
          if (form == FORM_POSSESSIVE || form == FORM_BOTH || trie->nodes[node].n_children == 0)
            break;
        }
      if (best == 0)
        {
          i++;
          continue;
        }
      for (guint32 e = 0; e < trie->nodes[best].count; e++)
        {
          n++;
          if (!func (lexicon, trie->entries[trie->nodes[best].first + e], start, best_end, user_data))
            return n;
        }
      i += best_k + 1;
    }
  return n;
}
