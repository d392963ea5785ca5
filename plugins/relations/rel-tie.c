/* relations — tying amounts of money to the entities they belong to.
 *
 * Each amount of the `money` layer is read in its sentence, cut into
 * words and matched with the cue lists. The relation is the cue nearest
 * the amount: a noun right after it (`5 milliards de pertes`), else the
 * nearest verb or noun before it in its clause, else one shortly after.
 * The owner is found by the first rule that gives one, most precise
 * first:
 *
 *   apposition   `DeepSeek, dont le modèle a coûté 5,6 millions`
 *   possessive   `Meta's $65bn`, `les 65 milliards de Meta`,
 *                `la capitalisation de Nvidia … 3 000 milliards`
 *   agent        `38 milliards dépensés par Meta`
 *   subject      the nearest name before the cue that no preposition
 *                governs: `Microsoft plans to spend $80bn`
 *   clause       the one organisation (else person) of the clause
 *
 * A person whose document calls them the head of an organisation (`Mark
 * Zuckerberg, le PDG de Meta`) hands that organisation the money spent,
 * invested, raised, earned or lost in their name, or announced without a
 * cue (rule `leader`). Who is fined is the object of the verb when there
 * is one (`object`). Then,
 * for the amounts still alone, in document order: an amount already tied
 * in the document, repeated (`entre 60 et 65 milliards` twice), goes to
 * the same entity (`repeat`); a pronoun or description as subject (`il`,
 * `le groupe`, `the company`) takes the first name of its kind in the
 * sentence, else in the nearest sentence before that has one
 * (`coreference`). Places own nothing unless a government word stands
 * beside them; other names (products, events) never. */
#include <math.h>
#include <string.h>

#include "rel-tie.h"

#define SCORE_APPOSITION 0.9
#define SCORE_POSSESSIVE 0.9
#define SCORE_AGENT 0.85
#define SCORE_SUBJECT 0.8
#define SCORE_LEADER_FACTOR 0.95
#define SCORE_CLAUSE 0.55
#define SCORE_REPEAT 0.7
#define SCORE_COREF_SENTENCE 0.75
#define SCORE_COREF_BEFORE 0.6
#define AFTER_CUE_WINDOW 6

typedef enum { ENT_OTHER, ENT_PER, ENT_ORG, ENT_LOC } EntKind;

typedef struct {
  guint32 start, end;
  const char *label;
  const char *canonical;
  EntKind kind;
  gboolean upper;      /* starts with a capital: a lower-case "name" is a tagger's slip */
} Mention;

typedef struct {
  guint32 start, end;
  gboolean ready;
  GArray *toks;             /* RelTok */
  const RelCueInfo **cue;   /* per token: the entry starting there */
  guint8 *cue_len;
  const RelCueInfo **role;  /* per token: the entry covering it */
  int *mention;             /* per token: the mention covering it, or -1 */
} Sent;

typedef struct {
  guint index;              /* in the money layer */
  guint32 start, end;
  guint sent;
  guint m0, m1;             /* its tokens */
  double value, min, max;
  const char *currency;
  /* the decision */
  int mention;              /* the owner's mention, or -1 */
  const char *entity;
  const char *entity_type;
  const char *rule;
  double score;
  const char *relation;
  int cue0, cue1;           /* the cue's tokens, or -1 */
  int anaphor;              /* token of a pronoun or description subject, or -1 */
  EntKind anaphor_kind;     /* ENT_OTHER: a person or an organisation */
  gboolean description;     /* the anaphor is a description (`le groupe`), not a pronoun */
} Amount;

typedef struct {
  const RelParams *params;
  const RelCues *cues;
  TamisDoc *doc;
  const char *text;
  Sent *sents;
  guint n_sents;
  GArray *mentions;         /* Mention */
  GHashTable *leaders;      /* person's canonical → organisation's mention index (+1) */
  GHashTable *leaders_read; /* the persons whose sentences were read for it */
} Ctx;

/* ---- sentences ---- */

static void
sent_prepare (Ctx *cx, Sent *s)
{
  guint n;

  if (s->ready)
    return;
  s->ready = TRUE;
  s->toks = g_array_new (FALSE, FALSE, sizeof (RelTok));
  rel_tokenize (cx->text, s->start, s->end, s->toks);
  n = s->toks->len;
  s->cue = g_new0 (const RelCueInfo *, n + 1);
  s->cue_len = g_new0 (guint8, n + 1);
  s->role = g_new0 (const RelCueInfo *, n + 1);
  s->mention = g_new (int, n + 1);
  for (guint i = 0; i < n; i++)
    s->mention[i] = -1;

  /* mentions: a token inside one belongs to it */
  guint lo = 0, hi = cx->mentions->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (cx->mentions, Mention, mid).start < s->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0 && g_array_index (cx->mentions, Mention, lo - 1).end > s->start)
    lo--;
  for (guint m = lo, i = 0; m < cx->mentions->len && i < n; m++)
    {
      const Mention *me = &g_array_index (cx->mentions, Mention, m);
      if (me->start >= s->end)
        break;
      if (me->end <= s->start)
        continue;
      while (i < n && g_array_index (s->toks, RelTok, i).end <= me->start)
        i++;
      for (guint j = i; j < n; j++)
        {
          const RelTok *t = &g_array_index (s->toks, RelTok, j);
          if (t->start >= me->end)
            break;
          /* an elision or a possessive glued to a name is not part of it */
          if (t->start < me->start || (t->end > me->end && !g_str_equal (t->fold, "'s")))
            continue;
          if (t->start >= me->start && t->end <= me->end)
            s->mention[j] = (int) m;
        }
    }

  /* cues, longest first, never inside a name: a cue ends before the
   * next name (`la` before `Banque de France` is no `la banque`) */
  const RelTok *toks = (const RelTok *) s->toks->data;
  guint limit = 0;
  for (guint i = 0; i < n;)
    {
      const RelCueInfo *info = NULL;
      guint len;

      if (s->mention[i] >= 0)
        {
          i++;
          continue;
        }
      if (limit <= i)
        for (limit = i; limit < n && s->mention[limit] < 0;)
          limit++;
      len = rel_cues_match (cx->cues, toks, limit, i, &info);
      if (len == 0)
        {
          i++;
          continue;
        }
      s->cue[i] = info;
      s->cue_len[i] = (guint8) MIN (len, 255);
      for (guint k = 0; k < len; k++)
        s->role[i + k] = info;
      i += len;
    }
}

static void
sent_clear (Sent *s)
{
  if (!s->ready)
    return;
  rel_tokens_clear (s->toks);
  g_array_unref (s->toks);
  g_free (s->cue);
  g_free (s->cue_len);
  g_free (s->role);
  g_free (s->mention);
}

static RelRole
role_at (const Sent *s, int i)
{
  if (i < 0 || (guint) i >= s->toks->len || s->role[i] == NULL)
    return REL_ROLE_NONE;
  return s->role[i]->role;
}

static const RelTok *
tok (const Sent *s, int i)
{
  return &g_array_index (s->toks, RelTok, i);
}

static gboolean
is_punct (const Sent *s, int i, const char *p)
{
  return i >= 0 && (guint) i < s->toks->len && !tok (s, i)->word && g_str_equal (tok (s, i)->fold, p);
}

/* A token where a clause ends: a contrast or clause word, `;`, `:`, a dash. */
static gboolean
is_break (const Sent *s, int i)
{
  if (role_at (s, i) == REL_ROLE_BREAK)
    return TRUE;
  if (tok (s, i)->word)
    return FALSE;
  return is_punct (s, i, ";") || is_punct (s, i, ":") || is_punct (s, i, "\xe2\x80\x93") ||
         is_punct (s, i, "\xe2\x80\x94");
}

/* ---- names ---- */

static const Mention *
mention (const Ctx *cx, int m)
{
  return &g_array_index (cx->mentions, Mention, m);
}

/* The first and last tokens of the mention at token @i. */
static void
mention_bounds (const Sent *s, int i, int *first, int *last)
{
  int m = s->mention[i];
  *first = *last = i;
  while (*first > 0 && s->mention[*first - 1] == m)
    (*first)--;
  while ((guint) *last + 1 < s->toks->len && s->mention[*last + 1] == m)
    (*last)++;
}

/* What governs the mention starting at token @first: the role of the word
 * before it, articles and titles skipped (`de la société X`, `du
 * président X`), or REL_ROLE_NONE. */
static RelRole
governor (const Sent *s, int first)
{
  int i = first - 1;
  while (i >= 0 && s->mention[i] < 0 &&
         (role_at (s, i) == REL_ROLE_ARTICLE || role_at (s, i) == REL_ROLE_TITLE))
    i--;
  if (i < 0 || s->mention[i] >= 0)
    return REL_ROLE_NONE;
  return role_at (s, i);
}

/* Whether a government word stands beside a place: `le gouvernement du
 * Canada`, `the UK government`. */
static gboolean
government_place (const Sent *s, int first, int last)
{
  int i = first - 1;
  while (i >= 0 && (role_at (s, i) == REL_ROLE_OF || role_at (s, i) == REL_ROLE_ARTICLE))
    i--;
  if (i >= 0 && role_at (s, i) == REL_ROLE_GOVERNMENT)
    return TRUE;
  return role_at (s, last + 1) == REL_ROLE_GOVERNMENT;
}

/* Whether the mention at token @i may own money. */
static gboolean
usable (const Ctx *cx, const Sent *s, int i)
{
  int first, last;
  const Mention *me;

  if (i < 0 || (guint) i >= s->toks->len || s->mention[i] < 0)
    return FALSE;
  me = mention (cx, s->mention[i]);
  if (!me->upper || me->canonical == NULL)
    return FALSE;
  if (me->kind == ENT_ORG || me->kind == ENT_PER)
    return TRUE;
  if (me->kind != ENT_LOC)
    return FALSE;
  mention_bounds (s, i, &first, &last);
  return government_place (s, first, last);
}

static void
tie (Amount *a, const Ctx *cx, int m, const char *rule, double score)
{
  const Mention *me = mention (cx, m);
  a->mention = m;
  a->entity = me->canonical;
  a->entity_type = me->label;
  a->rule = rule;
  a->score = score;
}

/* ---- leaders: `Mark Zuckerberg, le PDG de Meta` ---- */

/* Skips a title from token @i (forwards when @dir is 1, backwards when
 * -1) with the articles beside it; returns the token past it, or -1 when
 * there is no title there. */
static int
skip_title (const Sent *s, int i, int dir)
{
  int n = (int) s->toks->len;
  gboolean seen = FALSE;

  while (i >= 0 && i < n && s->mention[i] < 0)
    {
      RelRole r = role_at (s, i);
      if (r == REL_ROLE_TITLE)
        seen = TRUE;
      else if (r != REL_ROLE_ARTICLE)
        break;
      i += dir;
    }
  return seen ? i : -1;
}

static void
add_leader (Ctx *cx, const Sent *s, int per, int org)
{
  const Mention *p, *o;
  if (per < 0 || org < 0 || s->mention[per] < 0 || s->mention[org] < 0)
    return;
  p = mention (cx, s->mention[per]);
  o = mention (cx, s->mention[org]);
  if (p->kind != ENT_PER || o->kind != ENT_ORG || !o->upper || o->canonical == NULL || p->canonical == NULL)
    return;
  if (!g_hash_table_contains (cx->leaders, p->canonical))
    g_hash_table_insert (cx->leaders, (gpointer) p->canonical, GINT_TO_POINTER (s->mention[org] + 1));
}

/* Reads the sentences that name the person @canonical for the patterns
 * that make them the head of an organisation. */
static void
find_leaders (Ctx *cx, const char *canonical)
{
  guint m = 0;

  g_hash_table_add (cx->leaders_read, (gpointer) canonical);
  for (guint si = 0; si < cx->n_sents; si++)
    {
      Sent *s = &cx->sents[si];
      gboolean named = FALSE;
      for (; m < cx->mentions->len && mention (cx, m)->start < s->end; m++)
        {
          const Mention *me = mention (cx, m);
          if (me->kind == ENT_PER && me->start >= s->start && g_strcmp0 (me->canonical, canonical) == 0)
            named = TRUE;
        }
      if (!named)
        continue;
      sent_prepare (cx, s);
      int n = (int) s->toks->len;
      for (int i = 0; i < n; i++)
        {
          int first, last, j, k;
          if (s->mention[i] < 0 || (i > 0 && s->mention[i - 1] == s->mention[i]))
            continue;
          if (mention (cx, s->mention[i])->kind != ENT_PER)
            continue;
          mention_bounds (s, i, &first, &last);
          /* PER, (le) PDG de ORG  |  PER, ORG's CEO  |  PER, ORG CEO */
          if (is_punct (s, last + 1, ","))
            {
              j = skip_title (s, last + 2, 1);
              if (j >= 0 && role_at (s, j) == REL_ROLE_OF)
                {
                  k = j + 1;
                  while (k < n && role_at (s, k) == REL_ROLE_ARTICLE && s->mention[k] < 0)
                    k++;
                  add_leader (cx, s, first, k);
                }
              else if (last + 2 < n && s->mention[last + 2] >= 0)
                {
                  int of, ol;
                  mention_bounds (s, last + 2, &of, &ol);
                  k = ol + 1;
                  if (k < n && g_str_equal (tok (s, k)->fold, "'s"))
                    k++;
                  if (skip_title (s, k, 1) >= 0)
                    add_leader (cx, s, first, of);
                }
            }
          /* le PDG de ORG, PER  |  ORG('s) CEO PER */
          j = first - 1;
          if (is_punct (s, j, ","))
            j--;
          if (j >= 0 && s->mention[j] >= 0)
            {
              int of, ol;
              mention_bounds (s, j, &of, &ol);
              k = of - 1;
              while (k >= 0 && role_at (s, k) == REL_ROLE_ARTICLE && s->mention[k] < 0)
                k--;
              if (role_at (s, k) == REL_ROLE_OF && role_at (s, k - 1) == REL_ROLE_TITLE)
                add_leader (cx, s, first, of);
            }
          else if (j >= 0 && j == first - 1 && role_at (s, j) == REL_ROLE_TITLE)
            {
              k = j;
              while (k >= 0 && role_at (s, k) == REL_ROLE_TITLE)
                k--;
              if (k >= 0 && g_str_equal (tok (s, k)->fold, "'s"))
                k--;
              if (k >= 0 && s->mention[k] >= 0)
                {
                  int of, ol;
                  mention_bounds (s, k, &of, &ol);
                  add_leader (cx, s, first, of);
                }
              else
                {
                  /* `le PDG Mark Zuckerberg` in a sentence that names one
                   * organisation: he leads it */
                  int org = -1;
                  gboolean several = FALSE;
                  for (int q = 0; q < n; q++)
                    if (s->mention[q] >= 0 && mention (cx, s->mention[q])->kind == ENT_ORG)
                      {
                        if (org >= 0 && !g_str_equal (mention (cx, s->mention[org])->canonical,
                                                      mention (cx, s->mention[q])->canonical))
                          several = TRUE;
                        org = q;
                      }
                  if (org >= 0 && !several)
                    add_leader (cx, s, first, org);
                }
            }
        }
    }
}

/* A person tied to money spent, invested, raised, earned or lost hands it
 * to the organisation the document says they lead. */
static void
apply_leader (Ctx *cx, Amount *a)
{
  gpointer org;

  if (a->mention < 0 || mention (cx, a->mention)->kind != ENT_PER || a->relation == NULL)
    return;
  if (!g_str_equal (a->relation, "spends") && !g_str_equal (a->relation, "invests") &&
      !g_str_equal (a->relation, "raises") && !g_str_equal (a->relation, "earns") &&
      !g_str_equal (a->relation, "loses") && !g_str_equal (a->relation, "other"))
    return;
  if (!g_hash_table_contains (cx->leaders_read, a->entity))
    find_leaders (cx, a->entity);
  org = g_hash_table_lookup (cx->leaders, a->entity);
  if (org != NULL)
    tie (a, cx, GPOINTER_TO_INT (org) - 1, "leader", a->score * SCORE_LEADER_FACTOR);
}

/* ---- the relation ---- */

static gboolean
is_relation (const Sent *s, int i)
{
  return s->cue[i] != NULL && s->cue[i]->role == REL_ROLE_RELATION;
}

static void
find_cue (const Ctx *cx, const Sent *s, Amount *a)
{
  int n = (int) s->toks->len;
  int m0 = (int) a->m0, m1 = (int) a->m1;
  int i;

  a->cue0 = a->cue1 = -1;
  /* a verb right before the amount: `a perdu 150 milliards de dollars de
   * valeur boursière` loses, whatever follows */
  for (i = m0 - 1; i >= 0 && m0 - i <= 2 && tok (s, i)->word; i--)
    if (is_relation (s, i))
      goto found;
  /* a noun or participle right after the amount: `de pertes`, `in funding`, `dépensés` */
  i = m1 + 1;
  if (i < n && !is_relation (s, i) && (role_at (s, i) == REL_ROLE_OF || g_str_equal (tok (s, i)->fold, "in")))
    i++;
  if (i < n && is_relation (s, i))
    goto found;
  /* the nearest before, in the clause */
  for (i = m0 - 1; i >= 0 && m0 - i <= (int) cx->params->window; i--)
    {
      if (is_break (s, i))
        break;
      if (is_relation (s, i))
        goto found;
      /* inside a longer cue: go to its start */
    }
  /* shortly after */
  for (i = m1 + 1; i < n && i - m1 <= AFTER_CUE_WINDOW; i++)
    {
      if (is_break (s, i) || is_punct (s, i, ",") || is_punct (s, i, "."))
        break;
      if (is_relation (s, i))
        goto found;
    }
  a->relation = "other";
  return;

found:
  a->relation = s->cue[i]->relation;
  a->cue0 = i;
  a->cue1 = i + s->cue_len[i] - 1;
}

/* ---- the owner ---- */

/* `DeepSeek, dont le modèle a coûté …`, `Acme, une start-up qui a levé …`:
 * the relative word opening the amount's clause follows a comma that
 * follows a name, with at most a few words of apposition between. */
static gboolean
rule_apposition (const Ctx *cx, const Sent *s, Amount *a, int left)
{
  for (int r = (int) a->m0 - 1; r > left; r--)
    {
      if (role_at (s, r) != REL_ROLE_RELATIVE)
        continue;
      int c = r - 1;
      for (int k = 0; k < 5 && c > left && !is_punct (s, c, ","); k++, c--)
        if (!tok (s, c)->word || s->mention[c] >= 0)
          break;
      if (!is_punct (s, c, ","))
        return FALSE;
      int e = c - 1;
      if (is_punct (s, e, ")"))
        {
          while (e > left && !is_punct (s, e, "("))
            e--;
          e--;
        }
      if (usable (cx, s, e))
        {
          tie (a, cx, s->mention[e], "apposition", SCORE_APPOSITION);
          return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* `Meta's $65bn`, `Meta's planned $65bn`. */
static gboolean
rule_possessive_before (const Ctx *cx, const Sent *s, Amount *a, int left)
{
  for (int i = (int) a->m0 - 1; i > left && (int) a->m0 - i <= 4; i--)
    {
      if (!tok (s, i)->word)
        return FALSE;
      if (g_str_equal (tok (s, i)->fold, "'s") && usable (cx, s, i - 1))
        {
          tie (a, cx, s->mention[i - 1], "possessive", SCORE_POSSESSIVE);
          return TRUE;
        }
    }
  return FALSE;
}

/* After @from, through `de`, `of`, `par`, `by`, articles and cue words
 * only: `65 milliards de Meta`, `600 milliards de la capitalisation
 * boursière de Nvidia`, `38 milliards dépensés par Meta`. */
static gboolean
rule_owner_after (const Ctx *cx, const Sent *s, Amount *a, int from, int right)
{
  gboolean participle = FALSE;

  for (int i = from + 1; i < right && i - from <= 8; i++)
    {
      RelRole r = role_at (s, i);
      /* `les revenus globaux de la société`: its owner is named before */
      if (r == REL_ROLE_DESCRIPTION && s->cue[i] != NULL && role_at (s, i - 1) == REL_ROLE_OF)
        {
          a->anaphor = i;
          a->anaphor_kind = ENT_ORG;
          a->description = TRUE;
          return FALSE;
        }
      /* one adjective after a cue noun: `revenus globaux` */
      if (r == REL_ROLE_NONE && tok (s, i)->word && !tok (s, i)->upper && s->mention[i] < 0 &&
          role_at (s, i - 1) == REL_ROLE_RELATION)
        continue;
      if (s->mention[i] >= 0)
        {
          RelRole g;
          int k = i - 1;
          while (k > from && role_at (s, k) == REL_ROLE_ARTICLE)
            k--;
          g = role_at (s, k);
          /* `par X` names the agent of a participle only (`dépensés par
           * Meta`), and never the one who was fined */
          if (g == REL_ROLE_BY && (!participle || g_strcmp0 (a->relation, "is fined") == 0))
            return FALSE;
          if ((g == REL_ROLE_OF || g == REL_ROLE_BY) && usable (cx, s, i))
            {
              if (g == REL_ROLE_BY)
                tie (a, cx, s->mention[i], "agent", SCORE_AGENT);
              else
                tie (a, cx, s->mention[i], "possessive", SCORE_POSSESSIVE);
              return TRUE;
            }
          return FALSE;
        }
      if (r != REL_ROLE_OF && r != REL_ROLE_BY && r != REL_ROLE_ARTICLE && r != REL_ROLE_RELATION)
        return FALSE;
      if (r == REL_ROLE_RELATION)
        participle = TRUE;
    }
  return FALSE;
}

/* Who is fined: the object of an active verb, between the cue and the
 * amount (`the EU fined Apple €1.8bn`), or the name behind `à`, `to`,
 * `on` after the amount (`une amende de 1,8 milliard à Apple`). */
static gboolean
rule_fined (const Ctx *cx, const Sent *s, Amount *a, int right)
{
  if (g_strcmp0 (a->relation, "is fined") != 0 || a->cue0 < 0)
    return FALSE;
  for (int i = a->cue1 + 1; i < (int) a->m0; i++)
    if (usable (cx, s, i))
      {
        int first, last;
        mention_bounds (s, i, &first, &last);
        if (governor (s, first) == REL_ROLE_NONE)
          {
            tie (a, cx, s->mention[first], "object", SCORE_SUBJECT);
            return TRUE;
          }
      }
  for (int i = (int) a->m1 + 1; i < right && i - (int) a->m1 <= 3; i++)
    {
      if (s->mention[i] >= 0)
        {
          int k = i - 1;
          while (k > (int) a->m1 && role_at (s, k) == REL_ROLE_ARTICLE)
            k--;
          if (role_at (s, k) == REL_ROLE_PREP && usable (cx, s, i))
            {
              tie (a, cx, s->mention[i], "object", SCORE_SUBJECT);
              return TRUE;
            }
          return FALSE;
        }
      if (!tok (s, i)->word)
        return FALSE;
    }
  return FALSE;
}

/* `Tesla's revenue`, `Walmart's quarterly sales`: the owner of a cue noun. */
static gboolean
rule_cue_possessive (const Ctx *cx, const Sent *s, Amount *a)
{
  for (int i = a->cue0 - 1; i >= 1 && a->cue0 - i <= 2; i--)
    {
      if (g_str_equal (tok (s, i)->fold, "'s"))
        {
          if (usable (cx, s, i - 1))
            {
              tie (a, cx, s->mention[i - 1], "possessive", SCORE_POSSESSIVE);
              return TRUE;
            }
          return FALSE;
        }
      if (!tok (s, i)->word || s->mention[i] >= 0)
        return FALSE;
    }
  return FALSE;
}

/* The nearest name before @anchor that no preposition governs; a pronoun
 * or description met first is noted as the subject, to be resolved. */
static gboolean
rule_subject (const Ctx *cx, const Sent *s, Amount *a, int anchor, int left)
{
  for (int i = anchor - 1; i > left; i--)
    {
      RelRole r = role_at (s, i);
      if (s->mention[i] >= 0)
        {
          int first, last;
          mention_bounds (s, i, &first, &last);
          i = first;
          RelRole g = governor (s, first);
          if (g == REL_ROLE_OF || g == REL_ROLE_BY || g == REL_ROLE_PREP || g == REL_ROLE_SOURCE)
            continue;
          if (last + 1 < (int) s->toks->len && g_str_equal (tok (s, last + 1)->fold, "'s"))
            continue;
          if (!usable (cx, s, first))
            continue;
          tie (a, cx, s->mention[first], "subject", SCORE_SUBJECT);
          return TRUE;
        }
      if (r == REL_ROLE_PRONOUN || r == REL_ROLE_PRONOUN_ORG || r == REL_ROLE_PRONOUN_PER ||
          r == REL_ROLE_DESCRIPTION)
        {
          int first = i;
          while (first > 0 && s->cue[first] == NULL)
            first--;
          RelRole g = governor (s, first);
          if (g == REL_ROLE_OF || g == REL_ROLE_BY || g == REL_ROLE_PREP || g == REL_ROLE_SOURCE)
            {
              i = first;
              continue;
            }
          a->anaphor = first;
          a->anaphor_kind = r == REL_ROLE_PRONOUN_PER ? ENT_PER : r == REL_ROLE_PRONOUN ? ENT_OTHER : ENT_ORG;
          a->description = r == REL_ROLE_DESCRIPTION;
          return FALSE;
        }
    }
  return FALSE;
}

/* The one organisation of the clause (else the one person), unless a
 * source word governs it (`selon X`) or a preposition after the amount. */
static gboolean
rule_clause (const Ctx *cx, const Sent *s, Amount *a, int left, int right)
{
  int org = -1, per = -1;
  gboolean orgs = FALSE, pers = FALSE;

  for (int i = left + 1; i < right; i++)
    {
      int first, last;
      /* after the amount, the clause ends at a comma: `…, qui a bénéficié
       * d'investissements d'OpenAI et SoftBank` speaks of others */
      if (i > (int) a->m1 && (is_punct (s, i, ",") || role_at (s, i) == REL_ROLE_RELATIVE))
        break;
      if (s->mention[i] < 0)
        continue;
      mention_bounds (s, i, &first, &last);
      i = last;
      RelRole g = governor (s, first);
      if (!usable (cx, s, first) || g == REL_ROLE_SOURCE)
        continue;
      /* behind a preposition, only a name fronted as the topic: `Pour
       * Carrefour, …`, not `analysts at Westbrook` */
      if (g == REL_ROLE_PREP && first - 1 != left + 1)
        continue;
      /* behind a preposition after the amount, a name lends, fines or
       * sells to the owner: `50 millions de la BEI`, `$4bn from Amazon` */
      if (first > (int) a->m1 && (g == REL_ROLE_OF || g == REL_ROLE_BY || g == REL_ROLE_PREP))
        continue;
      const Mention *me = mention (cx, s->mention[first]);
      if (me->kind == ENT_PER)
        {
          if (per >= 0 && !g_str_equal (mention (cx, per)->canonical, me->canonical))
            pers = TRUE;
          per = s->mention[first];
        }
      else
        {
          if (org >= 0 && !g_str_equal (mention (cx, org)->canonical, me->canonical))
            orgs = TRUE;
          org = s->mention[first];
        }
    }
  if (org >= 0 && !orgs)
    tie (a, cx, org, "clause", SCORE_CLAUSE);
  else if (org < 0 && per >= 0 && !pers)
    tie (a, cx, per, "clause", SCORE_CLAUSE);
  return a->mention >= 0;
}

static gboolean
kind_fits (EntKind want, EntKind got)
{
  return want == ENT_OTHER ? (got == ENT_ORG || got == ENT_PER) : want == got;
}

/* The first name of the right kind in sentence @si before token @before
 * (all of it when -1), unless a source word governs it. */
static int
first_subject (Ctx *cx, guint si, int before, EntKind want)
{
  Sent *s = &cx->sents[si];
  sent_prepare (cx, s);
  int n = before >= 0 ? before : (int) s->toks->len;
  for (int i = 0; i < n; i++)
    {
      int first, last;
      if (s->mention[i] < 0)
        continue;
      mention_bounds (s, i, &first, &last);
      i = last;
      /* a name behind `de` or `pour` is still what the text speaks of
       * (`les ambitions de Meta`), not one a source names */
      if (governor (s, first) == REL_ROLE_SOURCE)
        continue;
      if (!usable (cx, s, first) || !kind_fits (want, mention (cx, s->mention[first])->kind))
        continue;
      return s->mention[first];
    }
  return -1;
}

/* The owner by the rules that read the amount's own sentence. */
static void
tie_in_sentence (Ctx *cx, Amount *a)
{
  Sent *s = &cx->sents[a->sent];
  int n = (int) s->toks->len;
  int left = -1, right = n;

  for (int i = (int) a->m0 - 1; i >= 0; i--)
    if (is_break (s, i))
      {
        left = i;
        break;
      }
  for (int i = (int) a->m1 + 1; i < n; i++)
    if (is_break (s, i))
      {
        right = i;
        break;
      }
  find_cue (cx, s, a);
  /* `a levé 10 millions de X`, `un prêt de 50 millions de la BEI`: X lends */
  gboolean lender = g_strcmp0 (a->relation, "raises") == 0 && a->cue0 >= 0 && a->cue0 < (int) a->m0;
  if (rule_apposition (cx, s, a, left) || rule_possessive_before (cx, s, a, left) ||
      rule_fined (cx, s, a, right) || (!lender && rule_owner_after (cx, s, a, (int) a->m1, right)))
    return;
  if (a->cue0 >= 0 && a->cue0 < (int) a->m0)
    {
      /* `la capitalisation de Nvidia … 3 000 milliards` */
      if (rule_cue_possessive (cx, s, a) || rule_owner_after (cx, s, a, a->cue1, MIN ((int) a->m0, right)))
        return;
      if (a->anaphor >= 0)
        goto anaphor;
      if (rule_subject (cx, s, a, a->cue0, left))
        return;
    }
  else if (rule_subject (cx, s, a, (int) a->m0, left))
    return;
anaphor:
  if (a->anaphor >= 0)
    {
      int m = first_subject (cx, a->sent, a->anaphor, a->anaphor_kind);
      if (m >= 0)
        tie (a, cx, m, "coreference", SCORE_COREF_SENTENCE);
      return;
    }
  rule_clause (cx, s, a, left, right);
}

static gboolean
same_amount (const Amount *a, const Amount *b)
{
  if (g_strcmp0 (a->currency, b->currency) != 0)
    return FALSE;
  if (!isnan (a->value) && a->value == b->value)
    return TRUE;
  return isnan (a->value) && isnan (b->value) && a->min == b->min && a->max == b->max;
}

/* A mention of sentence @si, an organisation that is the owner of an
 * amount tied by the sentence rules, or -1. */
static int
owner_in (Ctx *cx, guint si, const Amount *amounts, guint n)
{
  Sent *s = &cx->sents[si];
  for (guint i = 0; i < s->toks->len; i++)
    {
      int m = s->mention[i];
      if (m < 0 || !usable (cx, s, (int) i) || mention (cx, m)->kind != ENT_ORG ||
          governor (s, (int) i) == REL_ROLE_SOURCE)
        continue;
      for (guint k = 0; k < n; k++)
        if (amounts[k].mention >= 0 && g_strcmp0 (amounts[k].rule, "coreference") != 0 &&
            g_strcmp0 (amounts[k].rule, "repeat") != 0 &&
            g_str_equal (mention (cx, amounts[k].mention)->canonical, mention (cx, m)->canonical))
          return m;
    }
  return -1;
}

/* Amounts the sentence alone did not tie: a repeated amount, then a
 * pronoun or description resolved in the sentences before. */
static void
tie_across (Ctx *cx, Amount *amounts, guint n)
{
  for (guint k = 0; k < n; k++)
    {
      Amount *a = &amounts[k];
      if (a->mention >= 0)
        continue;
      for (guint j = 0; j < n; j++)
        if (j != k && amounts[j].mention >= 0 && same_amount (a, &amounts[j]) &&
            g_strcmp0 (amounts[j].rule, "repeat") != 0)
          {
            tie (a, cx, amounts[j].mention, "repeat", SCORE_REPEAT);
            break;
          }
    }
  for (guint k = 0; k < n; k++)
    {
      Amount *a = &amounts[k];
      if (a->mention >= 0 || a->anaphor < 0)
        continue;
      /* another amount of the sentence with the same subject, tied */
      for (guint j = 0; j < n; j++)
        if (j != k && amounts[j].sent == a->sent && amounts[j].anaphor == a->anaphor &&
            amounts[j].mention >= 0)
          {
            tie (a, cx, amounts[j].mention, "coreference", amounts[j].score);
            break;
          }
      if (a->mention >= 0)
        continue;
      /* a pronoun takes the nearest sentence's first name; a description
       * (`le groupe`, `the company`) the article's protagonist when one of
       * the sentences within reach names an organisation that owns money
       * elsewhere in the document */
      int nearest = -1;
      for (guint back = 1; back <= cx->params->sentences && back <= a->sent; back++)
        {
          int m = first_subject (cx, a->sent - back, -1, a->anaphor_kind);
          if (m < 0)
            continue;
          if (nearest < 0)
            nearest = m;
          if (!a->description)
            break;
          int owner = owner_in (cx, a->sent - back, amounts, n);
          if (owner >= 0)
            {
              nearest = owner;
              break;
            }
        }
      if (nearest >= 0)
        tie (a, cx, nearest, "coreference", SCORE_COREF_BEFORE);
    }
}

/* ---- the document ---- */

static EntKind
kind_of (const char *label)
{
  if (g_strcmp0 (label, "ORG") == 0)
    return ENT_ORG;
  if (g_strcmp0 (label, "PER") == 0)
    return ENT_PER;
  if (g_strcmp0 (label, "LOC") == 0)
    return ENT_LOC;
  return ENT_OTHER;
}

static guint
sentence_of (const Ctx *cx, guint32 start)
{
  guint lo = 0, hi = cx->n_sents;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (cx->sents[mid].start <= start)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static void
write_spans (Ctx *cx, Amount *amounts, guint n)
{
  TamisLayer *rel = tamis_doc_ensure_layer (cx->doc, "relation");
  TamisLayer *cues = tamis_doc_ensure_layer (cx->doc, "relation_cue");
  g_autoptr (GHashTable) cue_seen = g_hash_table_new (NULL, NULL);

  for (guint k = 0; k < n; k++)
    {
      Amount *a = &amounts[k];
      const Sent *s = &cx->sents[a->sent];
      guint span;
      const char *cue_text = "";
      g_autofree char *owned = NULL;

      if (a->mention < 0 || a->score < cx->params->min_score)
        continue;
      if (a->cue0 >= 0)
        {
          guint32 cs = tok (s, a->cue0)->start, ce = tok (s, a->cue1)->end;
          cue_text = owned = g_strndup (cx->text + cs, ce - cs);
          if (!g_hash_table_contains (cue_seen, GUINT_TO_POINTER (cs + 1)))
            {
              g_hash_table_add (cue_seen, GUINT_TO_POINTER (cs + 1));
              guint c = tamis_layer_add (cues, cs, ce, a->relation);
              tamis_layer_set_string (cues, c, "entity", a->entity);
            }
        }
      span = tamis_layer_add (rel, a->start, a->end, a->relation);
      tamis_layer_set_score (rel, span, a->score);
      tamis_layer_set_string (rel, span, "entity", a->entity);
      tamis_layer_set_static (rel, span, "entity_type", a->entity_type);
      tamis_layer_set_string (rel, span, "cue", cue_text);
      tamis_layer_set_static (rel, span, "rule", a->rule);
    }
}

void
rel_tie_doc (const RelParams *params, const RelCues *cues, TamisDoc *doc)
{
  const TamisLayer *sentences = tamis_doc_get_layer (doc, "sentence");
  const TamisLayer *entities = tamis_doc_get_layer (doc, "entity");
  const TamisLayer *money = tamis_doc_get_layer (doc, "money");
  Ctx cx = { params, cues, doc, tamis_doc_get_text (doc), NULL, 0, NULL, NULL, NULL };
  guint n_money;
  g_autoptr (GArray) amounts = NULL;

  /* the layers are there, empty, for every document read: a record
   * without ties says so the same way whether or not it had amounts */
  tamis_doc_ensure_layer (doc, "relation");
  tamis_doc_ensure_layer (doc, "relation_cue");
  if (money == NULL || entities == NULL || (n_money = tamis_layer_get_n_spans (money)) == 0)
    return;
  cx.mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  for (guint i = 0; i < tamis_layer_get_n_spans (entities); i++)
    {
      Mention me = { tamis_layer_get_start (entities, i), tamis_layer_get_end (entities, i),
                     tamis_layer_get_label (entities, i), tamis_layer_get_string (entities, i, "canonical"),
                     ENT_OTHER, FALSE };
      me.kind = kind_of (me.label);
      me.upper = !g_unichar_islower (g_utf8_get_char (cx.text + me.start));
      if (me.canonical == NULL)
        {
          g_autofree char *self = g_strndup (cx.text + me.start, me.end - me.start);
          me.canonical = tamis_doc_intern (doc, self);
        }
      g_array_append_val (cx.mentions, me);
    }

  /* sentences; without a sentence layer the text is one */
  if (sentences != NULL && tamis_layer_get_n_spans (sentences) > 0)
    {
      cx.n_sents = tamis_layer_get_n_spans (sentences);
      cx.sents = g_new0 (Sent, cx.n_sents);
      for (guint i = 0; i < cx.n_sents; i++)
        {
          cx.sents[i].start = tamis_layer_get_start (sentences, i);
          cx.sents[i].end = tamis_layer_get_end (sentences, i);
        }
    }
  else
    {
      cx.n_sents = 1;
      cx.sents = g_new0 (Sent, 1);
      cx.sents[0].end = tamis_doc_get_length (doc);
    }
  cx.leaders = g_hash_table_new (g_str_hash, g_str_equal);
  cx.leaders_read = g_hash_table_new (g_str_hash, g_str_equal);

  amounts = g_array_new (FALSE, TRUE, sizeof (Amount));
  for (guint i = 0; i < n_money; i++)
    {
      Amount a = { 0 };
      a.index = i;
      a.start = tamis_layer_get_start (money, i);
      a.end = tamis_layer_get_end (money, i);
      a.sent = sentence_of (&cx, a.start);
      a.value = tamis_layer_get_double (money, i, "value", NAN);
      a.min = tamis_layer_get_double (money, i, "min", NAN);
      a.max = tamis_layer_get_double (money, i, "max", NAN);
      a.currency = tamis_layer_get_string (money, i, "currency");
      a.mention = a.anaphor = a.cue0 = a.cue1 = -1;
      Sent *s = &cx.sents[a.sent];
      if (a.end > s->end || a.start < s->start)
        continue;
      sent_prepare (&cx, s);
      guint t = 0, n = s->toks->len;
      while (t < n && tok (s, t)->end <= a.start)
        t++;
      if (t == n)
        continue;
      a.m0 = a.m1 = t;
      while (a.m1 + 1 < n && tok (s, a.m1 + 1)->end <= a.end)
        a.m1++;
      tie_in_sentence (&cx, &a);
      g_array_append_val (amounts, a);
    }
  Amount *as = (Amount *) amounts->data;
  /* leaders first, so that a description finds the organisation that
   * owns money through its head */
  for (guint k = 0; k < amounts->len; k++)
    apply_leader (&cx, &as[k]);
  if (params->coreference)
    tie_across (&cx, as, amounts->len);
  else
    for (guint k = 0; k < amounts->len; k++)
      if (g_strcmp0 (as[k].rule, "coreference") == 0)
        as[k].mention = -1;
  for (guint k = 0; k < amounts->len; k++)
    apply_leader (&cx, &as[k]);
  write_spans (&cx, as, amounts->len);

  for (guint i = 0; i < cx.n_sents; i++)
    sent_clear (&cx.sents[i]);
  g_free (cx.sents);
  g_array_unref (cx.mentions);
  g_hash_table_unref (cx.leaders);
  g_hash_table_unref (cx.leaders_read);
}
