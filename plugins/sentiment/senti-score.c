/* sentiment — scoring one document.
 *
 * The merged lexicon is matched once over the whole text. Then, sentence
 * by sentence, one walk over the bytes puts the matches and the clause
 * breaks (punctuation and break words) in order and counts the words
 * between them; a few passes over that short list apply the rules:
 *
 *   - direction words pair with the nearest financial noun of their clause
 *     (revenue fell, baisse des coûts) and take the sign of the product;
 *   - a negation flips the polar cues that follow it in its clause, within
 *     three words (VADER's factor, -0.74);
 *   - intensifiers and dampeners multiply the nearest cue (très bon, fell
 *     sharply);
 *   - contrast words weigh the clauses around them (mais, but: the part
 *     after weighs more; although, bien que: the clause they open less);
 *     conditionals and questions weigh less, exclamation marks stress; a
 *     cue between quotation marks on its own (scare quotes) weighs little.
 *
 * A sentence's score is VADER's normalisation of the sum of its cues,
 * sum / sqrt(sum² + 15); below the neutral threshold it is neutral, which
 * a sentence without cues always is. The document's score is the sum of
 * its sentences' scores over the square root of their number. Entity
 * mentions take the score of their part of the sentence (split at
 * semicolons, contrast and clause words), to which the parts without any
 * mention are added; an entity's score sums its sentences' as the
 * document's does. */
#include <math.h>
#include <string.h>
#include <tamis/plugin.h>

#include "senti-score.h"

#define NEGATION_FACTOR (-0.74)
#define NEGATED_PRAISE_MIN 1.2 /* "pas bon", "not good": negative enough to count */
#define NEGATION_WINDOW 3      /* words between a negation and its cue */
#define MODIFIER_WINDOW 2      /* words between an intensifier and its cue */
#define PAIR_WINDOW 5          /* words between a direction and its noun */
#define UNPAIRED_DIRECTION 0.6     /* a direction word with no noun: what rises is more often good */
#define PAIR_WEIGHT 1.5         /* a direction and its noun, both of weight 1 */
#define CLAUSE_PENALTY 1
#define ORG_WINDOW 2           /* words between an organisation and its verb */
#define ORG_FACTOR 0.8         /* an organisation's value, as a financial noun */       /* a comma between them counts as a word more */
#define QUESTION_FACTOR 0.5
#define EXCLAMATION_BOOST 0.292 /* per mark, up to three */
#define CONCESSIVE_MAIN 1.5    /* the main clause beside "although" */
#define SCARE_QUOTE_FACTOR 0.3
#define ALPHA 15.0

/* Item kinds beyond the lexicon classes: clause breaks from punctuation. */
enum {
  BREAK_SOFT = SENTI_N_CLASSES, /* , : – */
  BREAK_HARD,                   /* ; */
  ITEM_ORG,                     /* an organisation of the entity layer */
};

/* One match of the lexicon, its entries merged. */
typedef struct {
  guint32 start, end;
  guint8 cls;        /* the last rule class among the entries, or SENTI_NONE */
  gboolean has_polar;
  float polar;       /* the last POS, NEG or NEU weight */
  float factor;      /* the rule's weight */
} Match;

/* A match or a break inside one sentence, with what the rules make of it. */
typedef struct {
  guint32 start, end;       /* the cue as written (a pair covers both words) */
  guint32 own_start;        /* the word the rules measure from */
  guint32 word_start, word_end; /* word counts before and after it */
  guint8 cls;
  gboolean has_polar;
  gboolean paired;          /* a financial noun used by a direction word */
  gboolean direction;       /* a direction word paired with a noun */
  gboolean negated;
  gboolean scare_quoted;
  float polar, factor;
  float base;               /* polarity before the rules */
  float intensity;
  float value;              /* what it adds to the sentence */
  guint32 clause, segment;
} Item;

typedef struct {
  guint32 start, end;
  const char *canonical;
  const char *type;
  guint index;              /* in the entity layer */
} Mention;

typedef struct {
  double sum;               /* of sentence scores */
  guint sentences;
  guint mentions;
  int last_sentence;
  double sentence_sum;      /* mention scores in the current sentence */
  guint sentence_n;
  const char *type;
} Target;

typedef struct {
  const SentiParams *params;
  const SentiLexicon *lexicon;
  TamisDoc *doc;
  const char *text;
  GArray *matches;          /* Match */
  GArray *items;            /* Item, one sentence */
  GArray *clause_w;         /* double, per clause */
  GArray *seg_w;            /* double, per segment */
  GArray *seg_start;        /* guint32, where each segment starts */
  GArray *seg_val;          /* double, per segment */
  GArray *seg_has;          /* guint8, per segment: holds a mention */
  GArray *mention_seg;      /* guint, the part of each mention of a sentence */
  GArray *mentions;         /* Mention, the whole document */
  TamisLayer *sentences_out;
  TamisLayer *cues_out;
  TamisLayer *targets_out;
  GHashTable *targets;      /* canonical → Target */
  GPtrArray *target_order;  /* canonicals in order of first mention */
  double doc_sum;
  guint n_sentences;
  guint exclamations;       /* in the current sentence */
  guint target_mentions;    /* mentions scored so far */
  const char *last_canonical; /* the first name of the last sentence with names */
  const char *last_type;
  guint last_sentence;      /* that sentence's number */
} Scorer;

static void add_to_target (Scorer *s, const char *canonical, const char *type, double score);

double
senti_normalize (double raw)
{
  return raw / sqrt (raw * raw + ALPHA);
}

static const char *
label_for (double score, double threshold)
{
  if (score >= threshold && score > 0)
    return "positive";
  if (score <= -threshold && score < 0)
    return "negative";
  return "neutral";
}

static gboolean
on_match (const TamisLexicon *lexicon, guint entry, guint32 start, guint32 end, gpointer data)
{
  Scorer *s = data;
  const SentiEntry *e = &s->lexicon->entries[entry];
  Match *m = s->matches->len ? &g_array_index (s->matches, Match, s->matches->len - 1) : NULL;

  (void) lexicon;
  if (m == NULL || m->start != start || m->end != end)
    {
      Match fresh = { start, end, SENTI_NONE, FALSE, 0, 1 };
      g_array_append_val (s->matches, fresh);
      m = &g_array_index (s->matches, Match, s->matches->len - 1);
    }
  if (e->rule)
    {
      m->cls = e->cls;
      m->factor = e->weight;
    }
  else
    {
      m->has_polar = TRUE;
      m->polar = e->weight;
    }
  return TRUE;
}

static gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the bytes at @p open (or, @closing, close) a quotation. */
static gboolean
is_quote (const char *text, guint32 p, guint32 limit, gboolean closing)
{
  const guchar *t = (const guchar *) text;

  if (p < limit && t[p] == '"')
    return TRUE;
  if (p + 1 < limit && t[p] == 0xC2 && t[p + 1] == (closing ? 0xBB : 0xAB)) /* » « */
    return TRUE;
  if (p + 2 < limit && t[p] == 0xE2 && t[p + 1] == 0x80 && t[p + 2] == (closing ? 0x9D : 0x9C))
    return TRUE; /* ” “ */
  return FALSE;
}

/* A cue alone between quotation marks: « succès », "rescue". */
static gboolean
scare_quoted (const char *text, guint32 sent_start, guint32 sent_end, guint32 start, guint32 end)
{
  const guchar *t = (const guchar *) text;
  guint32 b = start, a = end;

  while (b > sent_start && (is_space (t[b - 1]) || (t[b - 1] == 0xA0 && b >= 2 && t[b - 2] == 0xC2)))
    b -= t[b - 1] == 0xA0 ? 2 : 1;
  while (a < sent_end && (is_space (t[a]) || (t[a] == 0xC2 && a + 1 < sent_end && t[a + 1] == 0xA0)))
    a += t[a] == 0xC2 ? 2 : 1;
  if (b == sent_start || !is_quote (text, a, sent_end, TRUE))
    return FALSE;
  return (t[b - 1] == '"') || (b >= 2 && is_quote (text, b - 2, sent_end, FALSE)) ||
         (b >= 3 && is_quote (text, b - 3, sent_end, FALSE));
}

static void
add_break (Scorer *s, guint32 at, guint words, guint8 kind)
{
  Item it = { 0 };

  it.start = it.end = it.own_start = at;
  it.word_start = it.word_end = words;
  it.cls = kind;
  g_array_append_val (s->items, it);
}

/* What the walk looks for in a byte. */
enum {
  BYTE_SPACE = 1,
  BYTE_WORD = 2,    /* a letter, a digit, or part of a non-ASCII character */
  BYTE_SPECIAL = 4, /* , : ; ? ! and the lead byte of – — */
};

static guint8 byte_kinds[256];

static void
init_byte_kinds (void)
{
  for (guint c = 0; c < 256; c++)
    {
      guint8 k = 0;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        k |= BYTE_SPACE;
      if (g_ascii_isalnum (c) || c >= 0x80)
        k |= BYTE_WORD;
      if (c == ',' || c == ':' || c == ';' || c == '?' || c == '!' || c == 0xE2)
        k |= BYTE_SPECIAL;
      byte_kinds[c] = k;
    }
}

void
senti_score_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      init_byte_kinds ();
      g_once_init_leave (&done, 1);
    }
}

/* A polar word inside an entity mention still counts when the mention is
 * likely the tagger's mistake: the word is in lower case (names capitalise
 * theirs: "les riverains de plus en plus inquiets"), or the mention is
 * that word alone opening the sentence ("Scandale au conseil …"). */
static gboolean
polar_despite_mention (const Scorer *s, const Match *m, const Mention *men, guint32 sent_start)
{
  const guchar *t = (const guchar *) s->text;

  if (m->cls != SENTI_NONE || !m->has_polar || m->polar == 0)
    return FALSE;
  if (g_unichar_islower (g_utf8_get_char (s->text + m->start)))
    return TRUE;
  if (men->start != m->start || men->end != m->end)
    return FALSE;
  for (guint32 q = sent_start; q < m->start; q++)
    if (t[q] >= 0x80 || g_ascii_isalnum (t[q]))
      return FALSE;
  return TRUE;
}

/* The walk: the matches of [start, end) and the breaks, in text order, with
 * word counts. @mi: the first match not before @start; @ment: the first
 * entity mention not before it. Returns whether the sentence is a
 * question. */
static gboolean
collect_items (Scorer *s, guint32 start, guint32 end, guint *mi, guint *ment)
{
  const guchar *t = (const guchar *) s->text;
  const Match *matches = (const Match *) s->matches->data;
  const Mention *mentions = (const Mention *) s->mentions->data;
  guint n_matches = s->matches->len, n_mentions = s->mentions->len;
  guint m_i = *mi, men_i = *ment;
  guint words = 0;
  gboolean counted = FALSE, question = FALSE;
  guint32 p = start;

  g_array_set_size (s->items, 0);
  s->exclamations = 0;
  while (p < end)
    {
      guint32 stop = m_i < n_matches ? MIN (matches[m_i].start, end) : end;

      while (men_i < n_mentions && mentions[men_i].end <= p)
        men_i++;
      if (men_i < n_mentions && mentions[men_i].start >= p && mentions[men_i].start < stop)
        stop = mentions[men_i].start;

      /* the bytes up to the next match: words and breaks */
      for (; p < stop; p++)
        {
          guchar c = t[p];
          guint8 k = byte_kinds[c];

          if (k & BYTE_SPACE)
            {
              counted = FALSE;
              continue;
            }
          /* a word is a run without spaces holding a letter or a digit:
           * punctuation set apart by spaces ("5 mn , up") is none */
          if ((k & BYTE_WORD) && !counted)
            {
              words++;
              counted = TRUE;
            }
          if (!(k & BYTE_SPECIAL))
            continue;
          if ((c == ',' || c == ':') && (p + 1 >= end || is_space (t[p + 1])))
            add_break (s, p, words, BREAK_SOFT);
          else if (c == ';')
            add_break (s, p, words, BREAK_HARD);
          else if (c == '?')
            question = TRUE;
          else if (c == '!')
            s->exclamations++;
          else if (c == 0xE2 && p + 2 < end && t[p + 1] == 0x80 && (t[p + 2] == 0x93 || t[p + 2] == 0x94))
            add_break (s, p, words, BREAK_SOFT);
        }
      if (p >= end)
        break;

      /* an organisation: a direction word without a noun moves its value
       * ("Meta a bondi de 8 %") */
      if (men_i < n_mentions && mentions[men_i].start == p &&
          (m_i >= n_matches || matches[m_i].start > p ||
           (matches[m_i].start == p && !polar_despite_mention (s, &matches[m_i], &mentions[men_i], start))))
        {
          const Mention *men = &mentions[men_i];
          if (men->type != NULL && strcmp (men->type, "ORG") == 0)
            {
              Item it = { 0 };
              it.start = it.own_start = men->start;
              it.end = men->end;
              it.word_start = words;
              for (guint32 q = men->start; q < men->end; q++)
                if (!is_space (t[q]) && (q == men->start || is_space (t[q - 1])))
                  words++;
              it.word_end = words;
              it.cls = ITEM_ORG;
              it.intensity = 1;
              g_array_append_val (s->items, it);
              counted = TRUE;
              p = MIN (men->end, end);
              continue;
            }
          if (m_i >= n_matches || matches[m_i].start >= men->end)
            {
              /* another kind of name: its words count, nothing else */
              for (; p < men->end && p < end; p++)
                if (!is_space (t[p]) && (p == men->start || is_space (t[p - 1])))
                  words++;
              counted = TRUE;
              continue;
            }
        }

      /* a match starts at or before p */
      const Match *m = &matches[m_i++];
      if (m->start < p)
        continue; /* begun in an earlier sentence */
      while (men_i < n_mentions && mentions[men_i].end <= m->start)
        men_i++;
      if (men_i < n_mentions && mentions[men_i].start < m->end && m->start < mentions[men_i].end &&
          !polar_despite_mention (s, m, &mentions[men_i], start))
        continue; /* part of a name: "Bon Marché" is no praise */

      Item it = { 0 };
      it.start = it.own_start = m->start;
      it.end = m->end;
      it.word_start = words;
      for (guint32 q = m->start; q < m->end; q++)
        if (!is_space (t[q]) && (q == m->start || is_space (t[q - 1])))
          words++;
      counted = TRUE;
      it.word_end = words;
      it.cls = m->cls;
      it.has_polar = m->has_polar;
      it.polar = m->polar;
      it.factor = m->factor;
      it.intensity = 1;
      g_array_append_val (s->items, it);
      p = m->end;
    }
  *mi = m_i;
  *ment = men_i;
  return question;
}

static double
darray (GArray *a, guint i)
{
  return g_array_index (a, double, i);
}

/* Clauses and segments, and their weights. */
static void
assign_clauses (Scorer *s)
{
  guint clause = 0, segment = 0;
  double one = 1;
  gboolean concessive = FALSE;

  g_array_set_size (s->clause_w, 0);
  g_array_set_size (s->seg_w, 0);
  g_array_set_size (s->seg_start, 0);
  g_array_append_val (s->clause_w, one);
  g_array_append_val (s->seg_w, one);
  {
    guint32 zero = 0;
    g_array_append_val (s->seg_start, zero);
  }
  for (guint i = 0; i < s->items->len; i++)
    {
      Item *it = &g_array_index (s->items, Item, i);
      gboolean new_clause = FALSE, new_segment = FALSE;
      double cw = 1, sw = 1;

      switch (it->cls)
        {
        case BREAK_SOFT:
          new_clause = TRUE;
          break;
        case BREAK_HARD:
        case SENTI_CLAUSE:
          new_clause = new_segment = TRUE;
          break;
        case SENTI_CONTRAST:
          new_clause = new_segment = TRUE;
          if (it->factor >= 1)
            {
              for (guint k = 0; k < s->seg_w->len; k++)
                g_array_index (s->seg_w, double, k) /= it->factor;
              sw = it->factor;
            }
          else
            {
              cw = -it->factor; /* marked; made positive below */
              concessive = TRUE;
            }
          break;
        case SENTI_CONDITIONAL:
          /* keeps the sign that marks a concessive clause */
          g_array_index (s->clause_w, double, clause) *= it->factor;
          break;
        default:
          break;
        }
      if (new_clause)
        {
          clause++;
          g_array_append_val (s->clause_w, cw);
        }
      if (new_segment)
        {
          segment++;
          g_array_append_val (s->seg_w, sw);
          g_array_append_val (s->seg_start, it->start);
        }
      it->clause = clause;
      it->segment = segment;
    }
  /* beside a concessive clause the main clause weighs as after "but" */
  for (guint k = 0; concessive && k < s->clause_w->len; k++)
    {
      double *w = &g_array_index (s->clause_w, double, k);
      *w = *w < 0 ? -*w : *w * CONCESSIVE_MAIN;
    }
}

static gboolean
is_direction (guint8 cls)
{
  return cls == SENTI_DIRECTION_UP || cls == SENTI_DIRECTION_DOWN;
}

static gboolean
is_fin (guint8 cls)
{
  return cls == SENTI_FIN_GOOD || cls == SENTI_FIN_BAD;
}

/* Words between two items, whichever comes first. */
static guint
gap (const Item *a, const Item *b)
{
  if (a->word_end <= b->word_start)
    return b->word_start - a->word_end;
  if (b->word_end <= a->word_start)
    return a->word_start - b->word_end;
  return 0;
}

/* Whether [from, to) of the text holds one of @words (each with the
 * spaces around it), ASCII case folded. */
static gboolean
between_holds (const char *text, guint32 from, guint32 to, const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);
      for (guint32 p = from; p + n <= to; p++)
        if (g_ascii_strncasecmp (text + p, words[i], n) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Between a direction word and a noun after it: the noun is the point of
 * comparison, not what moved ("up from a loss") */
static const char *const reference_words[] = {
  " from ", " than ", " compared ", " contre ", " par rapport ", " face à ", " versus ", NULL
};
/* the noun is where the value ended, bad or good in itself ("slipped to a
 * net loss", "est passé à une perte") */
static const char *const destination_words[] = {
  " to a ", " to an ", " into ", " à une ", " à un ", NULL
};

/* Reads a figure at @p: digits, a decimal mark and digits ("1,200" with
 * three digits after the comma is a thousand and two hundred), then a
 * scale word if any (million, mn, bn, milliards…). A year (1900 to 2100,
 * no decimals, no scale) is no figure. Returns where it ends, or 0. */
static guint32
read_figure (const char *t, guint32 p, guint32 end, double *value, double *scale)
{
  static const struct {
    const char *word;
    double scale;
  } scales[] = {
    { "million", 1e6 }, { "millions", 1e6 }, { "mn", 1e6 }, { "mln", 1e6 }, { "m", 1e6 },
    { "billion", 1e9 }, { "billions", 1e9 }, { "bn", 1e9 }, { "milliard", 1e9 },
    { "milliards", 1e9 }, { "md", 1e9 }, { "mds", 1e9 }, { "thousand", 1e3 }, { "k", 1e3 },
  };
  double v = 0, frac = 0.1;
  guint32 q = p, digits = 0;
  gboolean decimals = FALSE;

  for (; q < end && g_ascii_isdigit (t[q]); q++, digits++)
    v = v * 10 + (t[q] - '0');
  if (digits == 0)
    return 0;
  if (q + 1 < end && (t[q] == '.' || t[q] == ',') && g_ascii_isdigit (t[q + 1]))
    {
      guint32 r = q + 1, n = 0;
      while (r < end && g_ascii_isdigit (t[r]))
        r++, n++;
      if (t[q] == ',' && n == 3)
        for (r = q + 1; r < q + 4; r++)
          v = v * 10 + (t[r] - '0');
      else
        {
          decimals = TRUE;
          for (r = q + 1; r < end && g_ascii_isdigit (t[r]); r++, frac /= 10)
            v += (t[r] - '0') * frac;
        }
      q = r;
    }
  *scale = 1;
  {
    guint32 r = q;
    while (r < end && t[r] == ' ')
      r++;
    for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
      {
        gsize n = strlen (scales[i].word);
        if (r + n <= end && g_ascii_strncasecmp (t + r, scales[i].word, n) == 0 &&
            (r + n == end || !(g_ascii_isalpha (t[r + n]) || (guchar) t[r + n] >= 0x80)))
          {
            *scale = scales[i].scale;
            q = r + n;
            break;
          }
      }
  }
  if (*scale == 1 && !decimals && digits == 4 && v >= 1900 && v <= 2100)
    return 0;
  *value = v;
  return q;
}

/* The first figure in [p, limit), or 0. */
static guint32
next_figure (const char *t, guint32 p, guint32 limit, double *value, double *scale)
{
  for (; p < limit; p++)
    if (g_ascii_isdigit (t[p]) && (p == 0 || !g_ascii_isalnum (t[p - 1])))
      {
        guint32 q = read_figure (t, p, limit, value, scale);
        if (q)
          return q;
        while (p < limit && g_ascii_isalnum (t[p]))
          p++;
      }
  return 0;
}

/* Words that set a figure against an earlier one. */
static const char *const comparison_words[] = {
  " compared to ", " compared with ", " versus ", " vs ", " vs. ", " against ",
  " contre ", " par rapport à ", NULL
};

#define FIGURE_REACH 48  /* bytes after the noun where its figure may be */
#define COMPARISON_REACH 24 /* bytes after the figure where the comparison word may be */

/* A financial noun left unpaired whose figure is set against an earlier
 * one moved as the figures say: "operating profit was EUR 7.8 million
 * compared to EUR 11.2 million", "un bénéfice de 5 millions contre 3".
 * Returns whether it found one. */
static gboolean
compare_figures (Scorer *s, Item *f, guint32 sent_end)
{
  const char *t = s->text;
  guint32 limit = MIN (sent_end, f->end + FIGURE_REACH), after, cmp = 0, q;
  double now = 0, before = 0;
  double now_scale = 1, before_scale = 1;

  for (q = f->end; q < limit && t[q] != ';'; q++)
    ;
  limit = q;
  after = next_figure (t, f->end, limit, &now, &now_scale);
  if (after == 0)
    return FALSE;
  for (guint i = 0; comparison_words[i] != NULL && cmp == 0; i++)
    {
      gsize n = strlen (comparison_words[i]);
      for (q = after; q + n <= MIN (sent_end, after + COMPARISON_REACH + n) && cmp == 0; q++)
        if (t[q] == ';' || g_ascii_isdigit (t[q]))
          break;
        else if (g_ascii_strncasecmp (t + q, comparison_words[i], n) == 0)
          cmp = q + n - 1;
    }
  if (cmp == 0 || !next_figure (t, cmp, MIN (sent_end, cmp + COMPARISON_REACH), &before, &before_scale))
    return FALSE;
  /* "EUR 8.8 mn compared to EUR 7.0": a figure without a scale takes the
   * other's */
  if (before_scale == 1)
    before_scale = now_scale;
  if (now_scale == 1)
    now_scale = before_scale;
  now *= now_scale;
  before *= before_scale;
  if (now == before)
    return FALSE;
  f->direction = TRUE;
  f->base = PAIR_WEIGHT * f->factor * (now > before ? 1 : -1) * (f->cls == SENTI_FIN_BAD ? -1 : 1);
  return TRUE;
}

static void
pair_directions (Scorer *s, guint32 sent_end)
{
  Item *items = (Item *) s->items->data;
  guint n = s->items->len;
  gboolean any_pair = FALSE;

  for (guint i = 0; i < n; i++)
    {
      Item *d = &items[i];
      Item *best = NULL;
      guint best_gap = G_MAXUINT;

      if (!is_direction (d->cls))
        continue;
      for (guint j = 0; j < n; j++)
        {
          Item *f = &items[j];
          guint g;
          /* a comma may part them (profit was 5 million, up from 3) but
           * not a segment break */
          if (!is_fin (f->cls) || f->segment != d->segment || f->paired)
            continue; /* a noun moves once: "fell to its lowest" is one fall */
          if (f->start >= d->end && between_holds (s->text, d->end - 1, f->start + 1, reference_words))
            continue;
          g = gap (d, f) + (f->clause != d->clause ? CLAUSE_PENALTY : 0);
          /* at equal distance the noun before the verb (revenue fell) */
          if (g <= PAIR_WINDOW && (g < best_gap || (g == best_gap && f->start < d->start)))
            {
              best = f;
              best_gap = g;
            }
        }
      /* no noun: the organisation just before, whose value moved */
      for (guint j = i; best == NULL && j-- > 0;)
        {
          Item *f = &items[j];
          /* a word, not a sign: "Airbus + Safran" is a list */
          if (f->cls == ITEM_ORG && f->segment == d->segment && gap (f, d) <= ORG_WINDOW &&
              (g_ascii_isalpha (s->text[d->own_start]) || (guchar) s->text[d->own_start] >= 0x80))
            best = f;
        }
      if (best == NULL)
        continue;
      best->paired = TRUE;
      d->direction = TRUE;
      d->base = PAIR_WEIGHT * d->factor * (best->cls == ITEM_ORG ? ORG_FACTOR : best->factor) *
                (d->cls == SENTI_DIRECTION_UP ? 1 : -1) * (best->cls == SENTI_FIN_BAD ? -1 : 1);
      if (best->start >= d->end && best->cls != ITEM_ORG &&
          between_holds (s->text, d->end - 1, best->start + 1, destination_words))
        d->base = fabs (d->base) * (best->cls == SENTI_FIN_BAD ? -1 : 1);
      d->start = MIN (d->start, best->start);
      d->end = MAX (d->end, best->end);
      any_pair = TRUE;
    }
  /* a financial noun without a direction word may be compared by figures */
  for (guint i = 0; i < n; i++)
    if (is_fin (items[i].cls) && !items[i].paired && compare_figures (s, &items[i], sent_end))
      any_pair = TRUE;
  /* a direction word left alone counts faintly, unless the sentence
   * already pairs one with its noun: "fell to its lowest" is one move */
  for (guint i = 0; i < n; i++)
    {
      Item *it = &items[i];
      if (!it->direction && !it->paired && it->has_polar &&
          (it->cls == SENTI_NONE || is_direction (it->cls) || is_fin (it->cls)))
        it->base = it->polar;
      else if (!it->direction && is_direction (it->cls) && !any_pair)
        it->base = UNPAIRED_DIRECTION * it->factor * (it->cls == SENTI_DIRECTION_UP ? 1 : -1);
    }
}

static void
apply_modifiers (Scorer *s)
{
  Item *items = (Item *) s->items->data;
  guint n = s->items->len;

  for (guint i = 0; i < n; i++)
    {
      const Item *m = &items[i];

      if (m->cls == SENTI_NEGATION)
        {
          for (guint j = i + 1; j < n; j++)
            {
              Item *c = &items[j];
              if (c->clause != m->clause || c->word_start - m->word_end > NEGATION_WINDOW)
                break;
              if (c->base != 0)
                c->negated = !c->negated;
              if (c->base != 0 || c->cls == SENTI_NEGATION)
                break; /* one cue per negation; a second negation starts its own scope */
            }
        }
      else if (m->cls == SENTI_INTENSIFIER || m->cls == SENTI_DAMPENER)
        {
          Item *target = NULL;
          for (guint j = i + 1; j < n && target == NULL; j++)
            {
              Item *c = &items[j];
              if (c->clause != m->clause || c->word_start - m->word_end > MODIFIER_WINDOW)
                break;
              if (c->base != 0)
                target = c;
            }
          /* after its cue: "fell sharply", "a chuté fortement" */
          for (guint j = i; j-- > 0 && target == NULL;)
            {
              Item *c = &items[j];
              if (c->clause != m->clause || m->word_start - c->word_end > 1)
                break;
              if (c->base != 0)
                target = c;
            }
          if (target)
            target->intensity *= m->factor;
        }
    }
}

/* The entities of the document, from an `entity` layer, sorted by start. */
static void
collect_mentions (Scorer *s)
{
  const TamisLayer *layer = tamis_doc_get_layer (s->doc, "entity");
  guint n = layer ? tamis_layer_get_n_spans (layer) : 0;

  for (guint i = 0; i < n; i++)
    {
      Mention m;
      m.start = tamis_layer_get_start (layer, i);
      m.end = tamis_layer_get_end (layer, i);
      m.canonical = tamis_layer_get_string (layer, i, "canonical");
      if (m.canonical == NULL || *m.canonical == '\0')
        {
          g_autofree char *name = g_strndup (s->text + m.start, m.end - m.start);
          m.canonical = tamis_doc_intern (s->doc, name);
        }
      m.type = tamis_layer_get_label (layer, i);
      m.index = i;
      g_array_append_val (s->mentions, m);
    }
}

/* Scores the mentions of the sentence [start, end); returns whether one
 * of them is a person or an organisation. */
static gboolean
score_targets (Scorer *s, guint32 start, guint32 end, guint *mention)
{
  guint nseg = s->seg_w->len;
  guint first = *mention;
  guint last;
  double *val;
  guint8 *has;

  while (first < s->mentions->len && g_array_index (s->mentions, Mention, first).start < start)
    first++;
  last = first;
  while (last < s->mentions->len && g_array_index (s->mentions, Mention, last).start < end)
    last++;
  *mention = last;
  if (first == last)
    return FALSE;

  g_array_set_size (s->seg_val, nseg);
  g_array_set_size (s->seg_has, nseg);
  val = (double *) s->seg_val->data;
  has = (guint8 *) s->seg_has->data;
  memset (val, 0, nseg * sizeof (double));
  memset (has, 0, nseg);
  for (guint i = 0; i < s->items->len; i++)
    {
      const Item *it = &g_array_index (s->items, Item, i);
      val[it->segment] += it->value;
    }
  /* the part of each mention; mentions come in order of start */
  g_array_set_size (s->mention_seg, last - first);
  for (guint k = first, seg = 0; k < last; k++)
    {
      const Mention *m = &g_array_index (s->mentions, Mention, k);
      while (seg + 1 < nseg && g_array_index (s->seg_start, guint32, seg + 1) <= m->start)
        seg++;
      g_array_index (s->mention_seg, guint, k - first) = seg;
      has[seg] = TRUE;
    }
  /* a part without a name speaks of the names of the part before it (or,
   * before the first name, of the first name's part) */
  {
    int prev = -1;
    double pending = 0;
    for (guint seg = 0; seg < nseg; seg++)
      {
        if (has[seg])
          {
            val[seg] += pending;
            pending = 0;
            prev = (int) seg;
          }
        else if (prev >= 0)
          val[prev] += val[seg];
        else
          pending += val[seg];
      }
  }

  for (guint k = first; k < last; k++)
    {
      const Mention *m = &g_array_index (s->mentions, Mention, k);
      guint seg = g_array_index (s->mention_seg, guint, k - first);
      double score;

      score = senti_normalize (val[seg]);
      if (s->targets_out)
        {
          guint i = tamis_layer_add (s->targets_out, m->start, m->end,
                                     label_for (score, s->params->neutral_threshold));
          tamis_layer_set_score (s->targets_out, i, score);
          tamis_layer_set_string (s->targets_out, i, "canonical", m->canonical);
          if (m->type)
            tamis_layer_set_string (s->targets_out, i, "type", m->type);
        }
      add_to_target (s, m->canonical, m->type, score);
      s->target_mentions++;
    }
  /* the next sentence may refer back to the first person or organisation */
  for (guint k = first; k < last; k++)
    {
      const Mention *m = &g_array_index (s->mentions, Mention, k);
      if (g_strcmp0 (m->type, "ORG") == 0 || g_strcmp0 (m->type, "PER") == 0)
        {
          s->last_canonical = m->canonical;
          s->last_type = m->type;
          s->last_sentence = s->n_sentences;
          return TRUE;
        }
    }
  return FALSE;
}

/* Adds a score of the current sentence to an entity. */
static void
add_to_target (Scorer *s, const char *canonical, const char *type, double score)
{
  Target *t = g_hash_table_lookup (s->targets, canonical);

  if (t == NULL)
    {
      t = g_new0 (Target, 1);
      t->last_sentence = -1;
      t->type = type;
      g_hash_table_insert (s->targets, (gpointer) canonical, t);
      g_ptr_array_add (s->target_order, (gpointer) canonical);
    }
  if (t->last_sentence != (int) s->n_sentences)
    {
      if (t->sentence_n)
        t->sum += t->sentence_sum / t->sentence_n;
      t->sentence_sum = 0;
      t->sentence_n = 0;
      t->last_sentence = (int) s->n_sentences;
      t->sentences++;
    }
  t->sentence_sum += score;
  t->sentence_n++;
  t->mentions++;
}

/* Pronoun subjects that refer back to the name of the sentence before:
 * for a person (P), an organisation (O), or either. */
static const struct {
  const char *words;
  char kind;
} pronouns[] = {
  { "Il ", 0 }, { "Elle ", 0 }, { "It ", 'O' }, { "He ", 'P' }, { "She ", 'P' },
};

/* Nouns that, after a definite article, stand for an organisation named
 * before: le groupe, la start-up chinoise, the Chinese start-up. */
static const char *const org_nouns[] = {
  "groupe", "société", "entreprise", "firme", "start-up", "startup", "constructeur", "géant",
  "fabricant", "compagnie", "banque", "marque", "enseigne", "éditeur", "opérateur", "assureur",
  "laboratoire", "équipementier", "distributeur", "company", "group", "firm", "giant", "maker",
  "manufacturer", "carrier", "lender", "bank", "retailer", "insurer", "brand", "developer",
  "chipmaker", "automaker", "operator",
};

/* What follows an impersonal "il" or "it": il y a, il faut, it is… */
static gboolean
impersonal (const char *rest, gsize len)
{
  static const char *const words[] = { "y ", "faut", "s'agit", "s’agit", "est ", "semble",
                                       "reste ", "is ", "was ", "seems", "remains " };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) <= len && strncmp (rest, words[i], strlen (words[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the word [p, end) is one of org_nouns, ASCII case folded,
 * punctuation after it left out. */
static gboolean
is_org_noun (const char *p, const char *end)
{
  while (end > p && strchr (",.;:!?)\"", end[-1]) != NULL)
    end--;
  for (guint i = 0; i < G_N_ELEMENTS (org_nouns); i++)
    if ((gsize) (end - p) == strlen (org_nouns[i]) &&
        g_ascii_strncasecmp (p, org_nouns[i], end - p) == 0)
      return TRUE;
  return FALSE;
}

#define MAX_DESCRIPTION_WORDS 64 /* words of a sentence looked at */

/* Whether [text, text + len) holds a definite description of an
 * organisation: le, la, l' or the, then the noun (French: la start-up
 * chinoise) or up to two words then the noun (English: the Chinese
 * start-up). */
static gboolean
has_org_description (const char *text, gsize len)
{
  const char *end = text + len;
  const char *words[MAX_DESCRIPTION_WORDS];
  const char *ends[MAX_DESCRIPTION_WORDS];
  guint n = 0;

  for (const char *p = text; p < end && n < MAX_DESCRIPTION_WORDS;)
    {
      while (p < end && is_space (*p))
        p++;
      if (p >= end)
        break;
      words[n] = p;
      while (p < end && !is_space (*p))
        p++;
      ends[n++] = p;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *w = words[i];
      gsize wl = ends[i] - w;

      if (wl > 2 && g_ascii_tolower (w[0]) == 'l' && w[1] == '\'' && is_org_noun (w + 2, ends[i]))
        return TRUE;
      if (wl > 4 && g_ascii_tolower (w[0]) == 'l' && strncmp (w + 1, "’", 3) == 0 &&
          is_org_noun (w + 4, ends[i]))
        return TRUE;
      if (wl == 2 && (g_ascii_strncasecmp (w, "le", 2) == 0 || g_ascii_strncasecmp (w, "la", 2) == 0) &&
          i + 1 < n && is_org_noun (words[i + 1], ends[i + 1]))
        return TRUE;
      if (wl == 3 && g_ascii_strncasecmp (w, "the", 3) == 0)
        for (guint k = i + 1; k < n && k <= i + 3; k++)
          if (is_org_noun (words[k], ends[k]))
            return TRUE;
    }
  return FALSE;
}

/* A sentence that names no person or organisation, but whose subject is a
 * pronoun or which speaks of "the company", speaks of the first person or
 * organisation of the sentence just before. */
static void
score_anaphor (Scorer *s, guint32 start, guint32 end, double score)
{
  const char *text = s->text + start;
  gsize len = end - start;
  gboolean found = FALSE;
  char kind = 'O';

  if (s->last_canonical == NULL || s->last_sentence + 1 != s->n_sentences)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (pronouns) && !found; i++)
    {
      gsize n = strlen (pronouns[i].words);
      if (n > len || strncmp (text, pronouns[i].words, n) != 0)
        continue;
      if (impersonal (text + n, len - n))
        return;
      found = TRUE;
      kind = pronouns[i].kind;
    }
  if (!found && !has_org_description (text, len))
    return;
  if ((kind == 'O' && g_strcmp0 (s->last_type, "ORG") != 0) ||
      (kind == 'P' && g_strcmp0 (s->last_type, "PER") != 0) ||
      (kind == 0 && g_strcmp0 (s->last_type, "ORG") != 0 && g_strcmp0 (s->last_type, "PER") != 0))
    return;
  add_to_target (s, s->last_canonical, s->last_type, score);
  /* an anaphor is no mention: the count of mentions stays */
  ((Target *) g_hash_table_lookup (s->targets, s->last_canonical))->mentions--;
  s->last_sentence = s->n_sentences; /* a chain: "Il … Il …" */
}

static void
score_sentence (Scorer *s, guint32 start, guint32 end, guint *mi, guint *ment_skip,
                guint *ment_target)
{
  gboolean question = collect_items (s, start, end, mi, ment_skip);
  double raw = 0, score;
  Item *items;

  assign_clauses (s);
  pair_directions (s, end);
  apply_modifiers (s);
  items = (Item *) s->items->data;
  for (guint i = 0; i < s->items->len; i++)
    {
      Item *it = &items[i];
      double v = it->base;
      if (v == 0)
        continue;
      v *= it->intensity;
      /* negated praise is blame, even for a weak word; negated blame is
       * only a faint praise ("not bad") */
      if (it->negated)
        v = v > 0 ? -MAX (v * -NEGATION_FACTOR, NEGATED_PRAISE_MIN) : v * NEGATION_FACTOR;
      v *= darray (s->clause_w, it->clause) * darray (s->seg_w, it->segment);
      if (question)
        v *= QUESTION_FACTOR;
      if (!it->direction && scare_quoted (s->text, start, end, it->own_start, it->end))
        {
          it->scare_quoted = TRUE;
          v *= SCARE_QUOTE_FACTOR;
        }
      it->value = (float) v;
      raw += v;
      if (s->cues_out)
        {
          guint k = tamis_layer_add (s->cues_out, it->start, it->end, v > 0 ? "positive" : "negative");
          tamis_layer_set_double (s->cues_out, k, "weight", round (v * 1000) / 1000);
          tamis_layer_set_static (s->cues_out, k, "rule", it->direction ? "direction" : "lexicon");
          tamis_layer_set_bool (s->cues_out, k, "negated", it->negated);
          if (it->intensity != 1)
            tamis_layer_set_double (s->cues_out, k, "intensity", round (it->intensity * 1000) / 1000);
        }
    }
  /* exclamation marks stress what the sentence already says (VADER) */
  if (raw != 0 && s->exclamations > 0)
    raw += (raw > 0 ? 1 : -1) * EXCLAMATION_BOOST * MIN (s->exclamations, 3);
  score = senti_normalize (raw);
  {
    guint k = tamis_layer_add (s->sentences_out, start, end,
                               label_for (score, s->params->neutral_threshold));
    tamis_layer_set_score (s->sentences_out, k, score);
  }
  if (s->params->targets)
    {
      if (!score_targets (s, start, end, ment_target))
        score_anaphor (s, start, end, score);
    }
  s->doc_sum += score;
  s->n_sentences++;
}

static void
json_string (GString *out, const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p; p++)
    {
      guchar c = *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
write_targets (Scorer *s)
{
  g_autoptr (GString) json = g_string_new ("{");

  for (guint i = 0; i < s->target_order->len; i++)
    {
      const char *name = s->target_order->pdata[i];
      Target *t = g_hash_table_lookup (s->targets, name);
      double score;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (t->sentence_n)
        t->sum += t->sentence_sum / t->sentence_n;
      /* as for the document: a few opinions among many plain mentions
       * still show */
      score = t->sentences ? t->sum / sqrt (t->sentences) : 0;
      score = CLAMP (score, -1, 1);
      score = round (score * 1000) / 1000 + 0.0;
      if (score == 0)
        score = 0; /* not -0 */
      if (i > 0)
        g_string_append (json, ", ");
      json_string (json, name);
      g_string_append (json, ": {\"label\": ");
      json_string (json, label_for (score, s->params->neutral_threshold));
      g_string_append_printf (json, ", \"score\": %s, \"sentences\": %u, \"mentions\": %u",
                              g_ascii_formatd (buf, sizeof buf, "%.3f", score), t->sentences,
                              t->mentions);
      if (t->type)
        {
          g_string_append (json, ", \"type\": ");
          json_string (json, t->type);
        }
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, '}');
  tamis_doc_set_json (s->doc, "entity_sentiment", json->str);
}

void
senti_score_doc (const SentiParams *params, const SentiLexicon *lexicon, TamisDoc *doc)
{
  Scorer s = { 0 };
  const TamisLayer *sentences = tamis_doc_get_layer (doc, "sentence");
  gsize len = tamis_doc_get_length (doc);
  guint n = sentences ? tamis_layer_get_n_spans (sentences) : 0;
  guint mi = 0, ment_skip = 0, ment_target = 0;
  double score;

  s.params = params;
  s.lexicon = lexicon;
  s.doc = doc;
  s.text = tamis_doc_get_text (doc);
  s.matches = g_array_sized_new (FALSE, FALSE, sizeof (Match), 64);
  s.items = g_array_sized_new (FALSE, FALSE, sizeof (Item), 32);
  s.clause_w = g_array_sized_new (FALSE, FALSE, sizeof (double), 8);
  s.seg_w = g_array_sized_new (FALSE, FALSE, sizeof (double), 8);
  s.seg_start = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 8);
  s.seg_val = g_array_sized_new (FALSE, FALSE, sizeof (double), 8);
  s.seg_has = g_array_sized_new (FALSE, FALSE, 1, 8);
  s.mention_seg = g_array_sized_new (FALSE, FALSE, sizeof (guint), 8);
  s.mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  s.sentences_out = tamis_doc_ensure_layer (doc, "sentence_sentiment");
  s.cues_out = params->cues ? tamis_doc_ensure_layer (doc, "sentiment_cue") : NULL;

  if (params->targets && tamis_doc_get_layer (doc, "entity") != NULL)
    {
      collect_mentions (&s);
      s.targets_out = tamis_doc_ensure_layer (doc, "mention_sentiment");
      s.targets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      s.target_order = g_ptr_array_new ();
    }

  tamis_lexicon_match (lexicon->lexicon, s.text, len, lexicon->lang, on_match, &s);

  {
    SentiParams local = *params;
    local.targets = params->targets && s.targets != NULL;
    s.params = &local;
    if (n == 0 && len > 0)
      score_sentence (&s, 0, (guint32) len, &mi, &ment_skip, &ment_target);
    for (guint i = 0; i < n; i++)
      score_sentence (&s, tamis_layer_get_start (sentences, i), tamis_layer_get_end (sentences, i),
                      &mi, &ment_skip, &ment_target);
    if (s.targets)
      write_targets (&s);
    s.params = params;
  }

  score = s.n_sentences ? s.doc_sum / sqrt (s.n_sentences) : 0;
  score = CLAMP (score, -1, 1);
  score = round (score * 1000) / 1000;
  if (score == 0)
    score = 0; /* not -0 */
  tamis_doc_set_string (doc, "sentiment", label_for (score, params->neutral_threshold));
  tamis_doc_set_double (doc, "sentiment_score", score);

  g_array_unref (s.matches);
  g_array_unref (s.items);
  g_array_unref (s.clause_w);
  g_array_unref (s.seg_w);
  g_array_unref (s.seg_start);
  g_array_unref (s.seg_val);
  g_array_unref (s.seg_has);
  g_array_unref (s.mention_seg);
  g_array_unref (s.mentions);
  if (s.targets)
    {
      g_hash_table_unref (s.targets);
      g_ptr_array_unref (s.target_order);
    }
}
