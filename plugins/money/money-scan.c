/* money — the scanner: a small hand-written grammar over tokens.
 *
 *   mention  := [qualifier] [between|from] amount [(to|and) amount]
 *   amount   := [currency] number [scale] [[link] currency] [[and] cents [subunit]]
 *   number   := digits with their separators | spelled-out words
 *
 * An amount is money only when a currency (symbol, code or name) or a
 * subunit ("cents") stands beside it: "1,3 million de GPU" has none. A range
 * may name its currency once ("entre 114 et 119 milliards de dollars"), and
 * its first number then borrows the second one's scale word. After a verb
 * of change ("passé de 9 à 7 milliards", "fell $3 to $187.50") the two
 * amounts are where the value went from, to, or by how much; a bare number
 * compared with an earlier amount ("contre 9,4 milliards") takes its
 * currency. */
#include "money-private.h"

#include <string.h>

#define WINDOW 4096      /* tokens tokenised at a time */
#define LOOKAHEAD 64     /* a mention never spans more tokens than this */
#define KEY_SIZE 256

typedef struct {
  const MoneyLang *lang;
  const char *text;
  MoneyTok *t;
  guint n;
  const char *carry;    /* the currency of the sentence's last amount */
  gboolean carry_scaled;/* that amount had a scale word: "$3bn" */
} Scan;

typedef enum {
  CUR_NONE,
  CUR_SYMBOL,
  CUR_CODE,
  CUR_NAME,
  CUR_SUBUNIT,
} CurKind;

typedef struct {
  const char *cur;
  CurKind kind;
  guint start, end;     /* tokens */
  gint8 scale;          /* "MUSD": a million US dollars */
  gint8 sub_power;
} Cur;

typedef struct {
  guint start, end;     /* tokens, scale word included */
  MoneyDec value;       /* before the scale */
  int scale;
  gboolean has_scale;
  gboolean words;
  gboolean fraction;
  gboolean small;       /* a whole number below 100: may be cents */
  gboolean paren;       /* "(1,2) million": the number alone in brackets */
} Num;

typedef struct {
  guint start, end;     /* tokens */
  Num num;
  Cur cur;              /* cur.cur == NULL: a bare number */
  MoneyDec value;
  gboolean negative;
} Amount;

/* ---- tokens ---- */

static inline gboolean
is_punct (const MoneyTok *t, char ch)
{
  return t->kind == MONEY_TOK_PUNCT && t->ch == ch;
}

static inline guint
tok_len (const MoneyTok *t)
{
  return t->end - t->start;
}

static inline guint32
roles_at (const Scan *s, guint i)
{
  return i < s->n && s->t[i].lex ? s->t[i].lex->roles : 0;
}

/* within reach: on the same line or the next one */
static inline gboolean
near (const Scan *s, guint i)
{
  return i < s->n && s->t[i].gap <= MONEY_GAP_LINE;
}

static inline gboolean
close_by (const Scan *s, guint i)
{
  return i < s->n && s->t[i].gap <= MONEY_GAP_SPACE;
}

static inline gboolean
tight (const Scan *s, guint i)
{
  return i < s->n && (s->t[i].gap == MONEY_GAP_NONE || (s->t[i].flags & MONEY_TOK_ONE_SPACE));
}

static int
fold_tok (const Scan *s, guint i, char *buf, gsize size)
{
  return money_fold (s->text + s->t[i].start, tok_len (&s->t[i]), buf, size);
}

/* The longest phrase starting at token i with one of roles. */
static const MoneyLex *
phrase_at (const Scan *s, guint i, guint32 roles, guint *end)
{
  const MoneyLex *head, *best = NULL;
  char key[KEY_SIZE];
  int k;

  if (i >= s->n || !(head = s->t[i].lex))
    return NULL;
  if (head->roles & roles)
    {
      best = head;
      *end = i + 1;
    }
  if (head->max_len <= 1 || (k = fold_tok (s, i, key, sizeof key)) < 0)
    return best;
  for (guint j = i + 1; j < i + head->max_len && near (s, j); j++)
    {
      int w;
      const MoneyLex *lex;

      if (k + 2 >= KEY_SIZE)
        break;
      key[k++] = ' ';
      if ((w = fold_tok (s, j, key + k, sizeof key - k)) < 0)
        break;
      k += w;
      lex = money_lang_lookup_len (s->lang, key, k);
      if (lex && (lex->roles & roles))
        {
          best = lex;
          *end = j + 1;
        }
    }
  return best;
}

/* a short word that is a word of the language, not an abbreviation */
static gboolean
is_plain_word (const Scan *s, guint i)
{
  if (roles_at (s, i) & MONEY_ROLE_WORD)
    return TRUE;
  /* Penn-style "' s" */
  return i > 0 && is_punct (&s->t[i - 1], '\'');
}

/* ---- currencies ---- */

static gboolean
exact_text (const Scan *s, guint start, guint end, const char *want)
{
  gsize w = strlen (want), k = 0;

  for (guint i = start; i < end; i++)
    {
      guint l = tok_len (&s->t[i]);
      if (k + l > w || memcmp (s->text + s->t[i].start, want + k, l) != 0)
        return FALSE;
      k += l;
    }
  return k == w;
}

/* a blank inside a symbol only between parts of two letters or more:
 * "F CFA" is a symbol, "A $" is not */
static gboolean
spaced_ok (const Scan *s, guint start, guint end)
{
  for (guint j = start + 1; j < end; j++)
    {
      if (s->t[j].gap == MONEY_GAP_NONE)
        continue;
      /* "$ CA", "$ US": a sign, then a region or code in capitals */
      if (s->t[j].gap == MONEY_GAP_SPACE && s->t[j - 1].kind == MONEY_TOK_SYM
          && s->t[j].kind == MONEY_TOK_WORD && tok_len (&s->t[j]) >= 2
          && (s->t[j].flags & MONEY_TOK_UPPER))
        continue;
      if (s->t[j].gap > MONEY_GAP_SPACE
          || (s->t[j - 1].kind == MONEY_TOK_WORD && tok_len (&s->t[j - 1]) < 2)
          || (s->t[j].kind == MONEY_TOK_WORD && tok_len (&s->t[j]) < 2)
          || s->t[j - 1].kind == MONEY_TOK_SYM || s->t[j].kind == MONEY_TOK_SYM)
        return FALSE;
    }
  return TRUE;
}

static gboolean
code_ok (const Scan *s, guint i, const MoneyLex *lex, gboolean prefix)
{
  const MoneyTok *t = &s->t[i];

  if (lex->weak_code)
    return !prefix && (t->flags & MONEY_TOK_UPPER);
  return (t->flags & (MONEY_TOK_UPPER | MONEY_TOK_LOWER)) != 0;
}

/* "MUSD", "MEUR": millions of a currency, in engineering reports */
static gboolean
scaled_code (const Scan *s, guint i, Cur *c)
{
  const MoneyTok *t = &s->t[i];
  char key[8];
  const MoneyLex *lex;

  if (t->kind != MONEY_TOK_WORD || tok_len (t) != 4 || !(t->flags & MONEY_TOK_UPPER)
      || s->text[t->start] != 'M')
    return FALSE;
  if (money_fold (s->text + t->start + 1, 3, key, sizeof key) != 3
      || !(lex = money_lang_lookup (s->lang, key)) || !(lex->roles & MONEY_ROLE_CODE)
      || lex->weak_code)
    return FALSE;
  *c = (Cur) { lex->code, CUR_CODE, i, i + 1, 6, 0 };
  return TRUE;
}

/* "US$", "hk $", "usd$": a region or a code just before a dollar sign */
static gboolean
region_dollar (const Scan *s, guint i, Cur *c)
{
  const MoneyTok *t = &s->t[i];
  const MoneyLex *lex = t->lex;
  const char *cur = NULL;

  if (t->kind != MONEY_TOK_WORD || !lex || i + 1 >= s->n || s->t[i + 1].kind != MONEY_TOK_SYM
      || s->text[s->t[i + 1].start] != '$' || !tight (s, i + 1))
    return FALSE;
  if ((lex->roles & MONEY_ROLE_CODE) && !lex->weak_code)
    cur = lex->code;
  else if ((lex->roles & MONEY_ROLE_REGION)
           && ((t->flags & MONEY_TOK_UPPER) || !is_plain_word (s, i)))
    cur = lex->region_cur;
  if (!cur)
    return FALSE;
  *c = (Cur) { cur, CUR_SYMBOL, i, i + 2, 0, 0 };
  return TRUE;
}

/* A currency at token i: symbol, code, name or subunit. prefix: it stands
 * before the number. */
static gboolean
match_currency (const Scan *s, guint i, gboolean prefix, Cur *c)
{
  const MoneyLex *lex;
  guint end = 0;

  if (i >= s->n)
    return FALSE;
  if (region_dollar (s, i, c) || scaled_code (s, i, c))
    return TRUE;
  lex = phrase_at (s, i, MONEY_ROLES_CURRENCY, &end);
  if (!lex)
    return FALSE;
  *c = (Cur) { NULL, CUR_NONE, i, end, 0, 0 };
  if (lex->roles & MONEY_ROLE_SYMBOL)
    {
      /* "C$" as written; "c $" of lower-cased, re-spaced text only when the
       * letter cannot be a word ("a $5 bill" is not Australian) */
      if (exact_text (s, i, end, lex->sym_text) && spaced_ok (s, i, end))
        c->cur = lex->sym_cur, c->kind = CUR_SYMBOL;
      /* "250 G$": billions, after a number only */
      if (lex->sym_scale && c->cur)
        {
          if (prefix)
            c->cur = NULL;
          else
            c->scale = lex->sym_scale;
        }
      else if (end > i + 1 && !is_plain_word (s, i) && s->t[i].kind == MONEY_TOK_WORD
               && g_ascii_strncasecmp (s->text + s->t[i].start, lex->sym_text, tok_len (&s->t[i])) == 0)
        c->cur = lex->sym_cur, c->kind = CUR_SYMBOL;
    }
  if (!c->cur && (lex->roles & MONEY_ROLE_CODE) && end == i + 1 && code_ok (s, i, lex, prefix))
    c->cur = lex->code, c->kind = CUR_CODE;
  if (!c->cur && (lex->roles & MONEY_ROLE_NAME))
    c->cur = lex->name_cur, c->kind = CUR_NAME;
  if (!c->cur && (lex->roles & MONEY_ROLE_SUBUNIT) && !prefix)
    {
      /* a one-letter subunit ("43c") only glued to its number */
      if (tok_len (&s->t[i]) > 1 || s->t[i].gap == MONEY_GAP_NONE)
        c->cur = lex->sub_cur, c->kind = CUR_SUBUNIT, c->sub_power = lex->sub_power;
    }
  if (!c->cur)
    return FALSE;

  /* "$ hk", "$CAD", "$ usd": a dollar sign made precise after it */
  if (c->kind == CUR_SYMBOL && c->cur == MONEY_DOLLAR && tight (s, end)
      && s->t[end].kind == MONEY_TOK_WORD && s->t[end].lex)
    {
      const MoneyLex *next = s->t[end].lex;
      if ((next->roles & MONEY_ROLE_CODE) && code_ok (s, end, next, FALSE))
        c->cur = next->code, c->end = end + 1;
      else if ((next->roles & MONEY_ROLE_REGION)
               && ((s->t[end].flags & MONEY_TOK_UPPER) || !is_plain_word (s, end))
               && (end + 1 >= s->n || !is_punct (&s->t[end + 1], '\'')))
        c->cur = next->region_cur, c->end = end + 1;
    }
  return TRUE;
}

/* ---- numbers ---- */

static gboolean
digits_of (const Scan *s, guint i, char *buf, gsize *k, gsize size)
{
  guint l = tok_len (&s->t[i]);

  if (*k + l >= size)
    return FALSE;
  memcpy (buf + *k, s->text + s->t[i].start, l);
  *k += l;
  return TRUE;
}

/* Digits with their separators, read by the language's conventions:
 * "1 000 000", "1,000.50", "1.000,50", "5,576" (French: a decimal),
 * "94.000" (French: thousands), "12,34,567.89"; and the "1, 3 million" of
 * machine-converted text. Fails on versions, dates and times. */
static gboolean
parse_digits (const Scan *s, guint i, gboolean after_sign, Num *n)
{
  guint groups[12], ngroups = 1;
  char seps[12];
  guint j = i + 1;
  guint commas = 0, dots = 0, spaces = 0;
  int decimal = -1;           /* index of the group after the decimal mark */
  char buf[40];
  gsize k = 0;
  const char dec = s->lang->decimal;

  groups[0] = i;
  while (ngroups < G_N_ELEMENTS (groups))
    {
      if (j + 1 < s->n && s->t[j].kind == MONEY_TOK_PUNCT && s->t[j].gap == MONEY_GAP_NONE
          && (s->t[j].ch == ',' || s->t[j].ch == '.' || s->t[j].ch == '\'')
          && s->t[j + 1].kind == MONEY_TOK_NUM && s->t[j + 1].gap == MONEY_GAP_NONE)
        {
          seps[ngroups - 1] = s->t[j].ch;
          groups[ngroups++] = j + 1;
          j += 2;
        }
      else if (j < s->n && s->t[j].kind == MONEY_TOK_NUM && (s->t[j].flags & MONEY_TOK_ONE_SPACE)
               && tok_len (&s->t[j]) == 3 && tok_len (&s->t[i]) <= 3
               && commas + dots == 0)
        {
          seps[ngroups - 1] = ' ';
          groups[ngroups++] = j;
          j++;
        }
      else
        break;
    }
  for (guint g = 0; g + 1 < ngroups; g++)
    {
      if (seps[g] == ',')
        commas++;
      else if (seps[g] == '.')
        dots++;
      else if (seps[g] == ' ')
        spaces++;
    }

  /* where is the decimal mark? */
  if (commas && dots)
    {
      char last = seps[ngroups - 2];
      if ((last == ',' ? commas : dots) != 1)
        return FALSE;
      decimal = ngroups - 1;
    }
  else if (commas + dots == 1)
    {
      char c = seps[ngroups - 2];
      guint after = tok_len (&s->t[groups[ngroups - 1]]);
      /* "US$ 48,000" in French text: a sign before the number is the
       * English way of writing, and so is the comma of thousands */
      if (spaces || (c == dec && !(after_sign && c == ',')) || after != 3 || c == '\'')
        decimal = ngroups - 1;
    }
  else if (commas + dots >= 2 && spaces)
    return FALSE;

  /* every thousands group has three digits (two in the Indian lakh style) */
  for (guint g = 1; g < ngroups; g++)
    {
      guint l = tok_len (&s->t[groups[g]]);
      if ((int) g == decimal)
        continue;
      if (l != 3 && !(l == 2 && seps[g - 1] == ',' && commas >= 2 && (int) g + 1 < (decimal < 0 ? (int) ngroups : decimal)))
        return FALSE;
    }
  if (ngroups > 1 && decimal != 1 && tok_len (&s->t[i]) > 3)
    return FALSE;

  /* "1, 3 million": a decimal comma followed by a blank, before a scale */
  if (ngroups == 1 && j + 2 < s->n && is_punct (&s->t[j], dec) && s->t[j].gap == MONEY_GAP_NONE
      && s->t[j + 1].kind == MONEY_TOK_NUM && (s->t[j + 1].flags & MONEY_TOK_ONE_SPACE)
      && tok_len (&s->t[i]) <= 3 && tok_len (&s->t[j + 1]) <= 3
      && (roles_at (s, j + 2) & MONEY_ROLE_SCALE) && close_by (s, j + 2))
    {
      groups[ngroups++] = j + 1;
      decimal = 1;
      j += 2;
    }

  for (guint g = 0; g < ngroups; g++)
    if (!digits_of (s, groups[g], buf, &k, sizeof buf))
      return FALSE;
  if (!money_dec_parse (buf, k, &n->value))
    return FALSE;
  n->fraction = decimal >= 0;
  if (n->fraction)
    {
      guint fl = tok_len (&s->t[groups[decimal]]);
      for (guint g = decimal + 1; g < ngroups; g++)
        fl += tok_len (&s->t[groups[g]]);
      n->value = money_dec_shift (n->value, -(int) fl);
    }
  n->start = i;
  n->end = j;
  n->words = FALSE;
  n->small = !n->fraction && ngroups == 1 && tok_len (&s->t[i]) <= 2;

  /* dates, times and versions: "29/01", "10:30", "1.2.3" */
  if (j + 1 < s->n && s->t[j].gap == MONEY_GAP_NONE && s->t[j].kind == MONEY_TOK_PUNCT
      && strchr ("/:.,", s->t[j].ch) && s->t[j].ch
      && s->t[j + 1].kind == MONEY_TOK_NUM && s->t[j + 1].gap == MONEY_GAP_NONE)
    return FALSE;
  return TRUE;
}

/* "et demi", "and a half" at token i: a half to add to the number before */
static gboolean
half_at (const Scan *s, guint i, guint *end)
{
  const MoneyLex *lex;
  guint j = i + 1;

  if (!(roles_at (s, i) & MONEY_ROLE_AND) || !close_by (s, i) || !close_by (s, j))
    return FALSE;
  if (s->t[j].lex && s->t[j].lex->weak_number && close_by (s, j + 1))
    j++;   /* "a half" */
  lex = j < s->n ? s->t[j].lex : NULL;
  if (!lex || !(lex->roles & MONEY_ROLE_NUMBER) || lex->weak_number
      || money_dec_cmp (lex->number, (MoneyDec) { 5, -1 }) != 0)
    return FALSE;
  *end = j + 1;
  return TRUE;
}

/* Spelled-out numbers: "soixante-cinq", "two hundred and five",
 * "quatre-vingt-dix", "a", "three quarters". Scale words from a million up
 * are left to the caller. */
static gboolean
parse_words (const Scan *s, guint i, Num *n)
{
  MoneyDec total = { 0, 0 }, group = { 0, 0 };
  gboolean any = FALSE, group_set = FALSE;
  guint j = i, end = i;

  while (j < s->n)
    {
      guint pend = j + 1;
      const MoneyLex *lex = s->t[j].kind == MONEY_TOK_WORD
                            ? phrase_at (s, j, MONEY_ROLE_NUMBER, &pend) : NULL;
      MoneyDec v;

      if (!lex)
        break;
      v = lex->number;
      if (lex->weak_number)
        {
          /* "a"/"un" only before what makes it a number */
          guint32 next = roles_at (s, pend);
          const MoneyLex *nl = pend < s->n ? s->t[pend].lex : NULL;
          gboolean multiplier = nl && (nl->roles & MONEY_ROLE_NUMBER) && !nl->weak_number
                                && (money_dec_cmp (nl->number, (MoneyDec) { 100, 0 }) >= 0
                                    || money_dec_cmp (nl->number, (MoneyDec) { 1, 0 }) < 0);
          if (!close_by (s, pend)
              || !(multiplier || (next & (MONEY_ROLE_SCALE | MONEY_ROLE_NAME | MONEY_ROLE_SUBUNIT))))
            break;
          if (any && !(j > i && (roles_at (s, j - 1) & MONEY_ROLE_AND)))
            break;
        }
      if (money_dec_cmp (v, (MoneyDec) { 1, 0 }) < 0 && v.m != 0)
        {
          /* "half", "quarter": only before a scale ("half a million" aside) */
          if (close_by (s, pend) && pend + 1 < s->n && s->t[pend].lex
              && s->t[pend].lex->weak_number && close_by (s, pend + 1)
              && (roles_at (s, pend + 1) & MONEY_ROLE_SCALE))
            pend++;   /* "half a million" */
          else if (!close_by (s, pend) || !(roles_at (s, pend) & MONEY_ROLE_SCALE))
            break;
          /* a fraction multiplies what comes before: "three quarters" */
          if (!money_dec_mul (group_set ? group : (MoneyDec) { 1, 0 }, v, &group))
            return FALSE;
          group_set = TRUE;
        }
      else if (v.m == 1 && v.e == 2)
        {
          /* "cents" is also a subunit: a hundred only before more of a
           * number or a currency ("deux cents dollars", not "45 cents") */
          guint32 next = close_by (s, pend) ? roles_at (s, pend) : 0;
          if ((roles_at (s, j) & MONEY_ROLE_SUBUNIT)
              && !(next & (MONEY_ROLE_NUMBER | MONEY_ROLE_SCALE | MONEY_ROLE_NAME | MONEY_ROLE_LINK
                           | MONEY_ROLE_SYMBOL | MONEY_ROLE_CODE)))
            break;
          group = money_dec_shift (group_set ? group : (MoneyDec) { 1, 0 }, 2);
          group_set = TRUE;
        }
      else if (v.m == 1 && v.e == 3)
        {
          MoneyDec g = money_dec_shift (group_set ? group : (MoneyDec) { 1, 0 }, 3);
          if (!money_dec_add (total, g, &total))
            return FALSE;
          group = (MoneyDec) { 0, 0 };
          group_set = FALSE;
        }
      else
        {
          if (!money_dec_add (group, v, &group))
            return FALSE;
          group_set = TRUE;
        }
      any = TRUE;
      end = j = pend;

      /* "two and a half (billion)" */
      if (money_dec_cmp (v, (MoneyDec) { 1, 0 }) >= 0 && half_at (s, j, &pend))
        {
          if (!money_dec_add (group, (MoneyDec) { 5, -1 }, &group))
            return FALSE;
          end = pend;
          break;
        }
      /* joiners: "soixante-cinq", "vingt et un", "hundred and five" */
      if (j + 1 < s->n && is_punct (&s->t[j], '-') && s->t[j].gap == MONEY_GAP_NONE
          && s->t[j + 1].gap == MONEY_GAP_NONE && (roles_at (s, j + 1) & MONEY_ROLE_NUMBER))
        j++;
      else if (j + 1 < s->n && (roles_at (s, j) & MONEY_ROLE_AND) && close_by (s, j)
               && (roles_at (s, j + 1) & MONEY_ROLE_NUMBER) && close_by (s, j + 1)
               && (money_dec_cmp (v, (MoneyDec) { 100, 0 }) >= 0
                   || (s->t[j + 1].lex->weak_number
                       || money_dec_cmp (s->t[j + 1].lex->number, (MoneyDec) { 11, 0 }) == 0)))
        j++;
      else if (!close_by (s, j))
        break;
    }
  if (!any)
    return FALSE;
  if (!money_dec_add (total, group, &n->value))
    return FALSE;
  n->start = i;
  n->end = end;
  n->words = TRUE;
  n->fraction = n->value.e < 0;
  n->small = !n->fraction && money_dec_cmp (n->value, (MoneyDec) { 100, 0 }) < 0;
  return TRUE;
}

/* A number at token i and its scale word. glued_ok: a currency glued
 * before it ("USD3.2m") rather than a word ("Q4", "A320"). */
static gboolean
parse_number (const Scan *s, guint i, gboolean glued_ok, gboolean after_sign, Num *n)
{
  const MoneyTok *t;
  guint j;

  if (i >= s->n)
    return FALSE;
  t = &s->t[i];
  memset (n, 0, sizeof *n);
  if (t->kind == MONEY_TOK_NUM)
    {
      if (t->gap == MONEY_GAP_NONE && i > 0 && !glued_ok)
        {
          const MoneyTok *p = &s->t[i - 1];
          if (p->kind == MONEY_TOK_WORD || p->kind == MONEY_TOK_NUM)
            return FALSE;
          if (p->kind == MONEY_TOK_PUNCT && strchr ("/:.,", p->ch) && p->ch && i > 1
              && s->t[i - 1].gap == MONEY_GAP_NONE
              && (s->t[i - 2].kind == MONEY_TOK_NUM || s->t[i - 2].kind == MONEY_TOK_WORD))
            return FALSE;
        }
      if (!parse_digits (s, i, after_sign, n))
        return FALSE;
      /* "(1,2) million d'euros": an accounting negative, brackets around
       * the number alone, its scale or currency after them */
      j = n->end;
      if (!glued_ok && i > 0 && is_punct (&s->t[i - 1], '(') && t->gap == MONEY_GAP_NONE
          && j + 1 < s->n && is_punct (&s->t[j], ')') && s->t[j].gap == MONEY_GAP_NONE
          && close_by (s, j + 1)
          && (roles_at (s, j + 1) & (MONEY_ROLE_SCALE | MONEY_ROLES_CURRENCY)))
        {
          n->paren = TRUE;
          n->end = j + 1;
        }
    }
  else if (t->kind == MONEY_TOK_WORD)
    {
      if (!parse_words (s, i, n))
        return FALSE;
    }
  else
    return FALSE;

  j = n->end;
  if (j < s->n && is_punct (&s->t[j], '%') && close_by (s, j))
    return FALSE;
  if (near (s, j) && (roles_at (s, j) & MONEY_ROLE_SCALE) && s->t[j].kind == MONEY_TOK_WORD)
    {
      /* one-letter abbreviations ("m", "k", "B") only right after the number */
      if (tok_len (&s->t[j]) > 1 || tight (s, j))
        {
          n->scale = s->t[j].lex->scale;
          n->has_scale = TRUE;
          n->end = j + 1;
          /* "2 lakh crore": a larger scale word multiplies the first */
          if (close_by (s, j + 1) && s->t[j + 1].kind == MONEY_TOK_WORD
              && tok_len (&s->t[j + 1]) > 1 && (roles_at (s, j + 1) & MONEY_ROLE_SCALE)
              && s->t[j + 1].lex->scale > n->scale)
            {
              n->scale += s->t[j + 1].lex->scale;
              n->end = j + 2;
            }
          /* "deux milliards et demi", "a billion and a half" */
          if (half_at (s, n->end, &j) && !n->fraction)
            {
              MoneyDec v;
              if (money_dec_add (n->value, (MoneyDec) { 5, -1 }, &v))
                {
                  n->value = v;
                  n->fraction = TRUE;
                  n->end = j;
                }
            }
        }
    }
  /* "4th", "5G", "10x": a word glued to digits makes them something else */
  if (t->kind == MONEY_TOK_NUM && !n->has_scale && n->end < s->n
      && s->t[n->end].gap == MONEY_GAP_NONE && s->t[n->end].kind == MONEY_TOK_WORD
      && !(roles_at (s, n->end) & (MONEY_ROLES_CURRENCY | MONEY_ROLE_REGION))
      && !(s->t[n->end].flags & MONEY_TOK_UPPER && tok_len (&s->t[n->end]) == 4))
    return FALSE;
  return TRUE;
}

/* ---- amounts ---- */

static gboolean
compatible (const char *a, const char *b)
{
  return a == b || a == MONEY_DOLLAR || b == MONEY_DOLLAR;
}

static gboolean
starts_number (const Scan *s, guint i)
{
  return i < s->n && (s->t[i].kind == MONEY_TOK_NUM || (roles_at (s, i) & MONEY_ROLE_NUMBER));
}

/* "15 dollars 50", "13 euros et 45 centimes", "3 GBP 1 pence" */
static void
add_cents (const Scan *s, Amount *a)
{
  guint c = a->end, after;
  Num cn;
  Cur sub;
  MoneyDec part;

  if (!a->cur.cur || a->cur.kind == CUR_SUBUNIT || a->num.has_scale || a->num.fraction
      || a->cur.scale)
    return;
  if ((roles_at (s, c) & MONEY_ROLE_AND) && close_by (s, c))
    c++;
  if (!close_by (s, c))
    return;
  memset (&cn, 0, sizeof cn);
  if (s->t[c].kind == MONEY_TOK_NUM)
    {
      if (tok_len (&s->t[c]) > 2 || !parse_digits (s, c, FALSE, &cn) || cn.end != c + 1)
        return;
    }
  else if (!parse_words (s, c, &cn))
    return;
  if (!cn.small || cn.value.m == 0)
    return;
  after = cn.end;
  if (near (s, after) && match_currency (s, after, FALSE, &sub) && sub.kind == CUR_SUBUNIT)
    {
      if (!money_dec_add (a->value, money_dec_shift (cn.value, sub.sub_power), &part))
        return;
      a->value = part;
      a->end = sub.end;
      return;
    }
  /* bare cents: two digits or words, then nothing that would make them a
   * count of something else */
  if (s->t[c].kind == MONEY_TOK_NUM && tok_len (&s->t[c]) != 2)
    return;
  if (after < s->n && s->t[after].gap < MONEY_GAP_PARA
      && !(s->t[after].kind == MONEY_TOK_PUNCT && !is_punct (&s->t[after], '%')
           && !is_punct (&s->t[after], '-'))
      && !(roles_at (s, after) & MONEY_ROLE_AND))
    return;
  if (!money_dec_add (a->value, money_dec_shift (cn.value, -2), &part))
    return;
  a->value = part;
  a->end = after;
}

static gboolean
is_year (const Num *n, const Scan *s)
{
  return !n->words && !n->fraction && n->end == n->start + 1 && tok_len (&s->t[n->start]) == 4
         && n->value.e == 0 && n->value.m >= 1800 && n->value.m <= 2199;
}

/* A minus sign glued before token i: "-3,2 millions", "−$450m". Only a
 * hyphen-minus or U+2212 after a blank or an opening mark: never the dash
 * of "2020-2021", "5-6 milliards" or of a word, nor an en dash. */
static gboolean
minus_before (const Scan *s, guint i)
{
  const MoneyTok *d;

  if (i == 0 || s->t[i].gap != MONEY_GAP_NONE)
    return FALSE;
  d = &s->t[i - 1];
  if (!is_punct (d, '-'))
    return FALSE;
  if (!(tok_len (d) == 1 || (tok_len (d) == 3 && memcmp (s->text + d->start, "\xe2\x88\x92", 3) == 0)))
    return FALSE;
  if (d->gap != MONEY_GAP_NONE)
    return TRUE;
  return i >= 2 && s->t[i - 2].kind == MONEY_TOK_PUNCT
         && (s->t[i - 2].ch == 0 || strchr ("([{\"':;=", s->t[i - 2].ch));
}

/* An amount at token i. bare_ok: a number without currency is accepted,
 * for the first end of a range. */
static gboolean
parse_amount (const Scan *s, guint i, gboolean bare_ok, Amount *a)
{
  Cur pre = { 0 }, suf = { 0 };
  gboolean has_pre = FALSE;
  guint j = i, k;

  memset (a, 0, sizeof *a);
  if (i >= s->n)
    return FALSE;
  if (s->t[i].kind != MONEY_TOK_NUM && match_currency (s, i, TRUE, &pre)
      && pre.kind != CUR_SUBUNIT)
    {
      k = pre.end;
      /* "Rs. 20" */
      if (k < s->n && is_punct (&s->t[k], '.') && s->t[k].gap == MONEY_GAP_NONE
          && s->t[k - 1].kind == MONEY_TOK_WORD)
        k++;
      if (close_by (s, k) && starts_number (s, k))
        {
          j = k;
          has_pre = TRUE;
        }
    }
  if (!parse_number (s, j, has_pre, has_pre && pre.kind == CUR_SYMBOL, &a->num))
    return FALSE;
  if (has_pre && pre.kind == CUR_NAME && (a->num.words || is_year (&a->num, s)))
    return FALSE;

  k = a->num.end;
  if (near (s, k))
    {
      guint k2 = k;
      /* "12-cent", "one-yen" */
      if (is_punct (&s->t[k], '-') && s->t[k].gap == MONEY_GAP_NONE && k + 1 < s->n
          && s->t[k + 1].gap == MONEY_GAP_NONE && s->t[k + 1].kind == MONEY_TOK_WORD)
        k2 = k + 1;
      if (match_currency (s, k2, FALSE, &suf) && suf.end < s->n
          && s->t[suf.end].gap == MONEY_GAP_NONE && s->t[suf.end].kind == MONEY_TOK_NUM)
        suf.cur = NULL;   /* "3 USD50", "1 $10": the prefix of the next amount */
      else if (!suf.cur
          && (a->num.has_scale || a->num.words) && (roles_at (s, k) & MONEY_ROLE_LINK)
          && close_by (s, k + 1))
        {
          /* "65 milliards de dollars", "5 millions d'euros" */
          if (!match_currency (s, k + 1, FALSE, &suf) || suf.kind == CUR_SUBUNIT)
            suf.cur = NULL;
        }
    }
  /* "75 USD million" */
  if (suf.cur && suf.kind == CUR_CODE && !a->num.has_scale && close_by (s, suf.end)
      && (roles_at (s, suf.end) & MONEY_ROLE_SCALE) && tok_len (&s->t[suf.end]) > 1)
    {
      a->num.has_scale = TRUE;
      a->num.scale = s->t[suf.end].lex->scale;
      suf.end++;
    }
  if (has_pre && suf.cur
      && (suf.kind == CUR_SUBUNIT || !compatible (pre.cur, suf.cur)
          || (close_by (s, suf.end) && starts_number (s, suf.end))))
    suf.cur = NULL;

  a->start = i;
  if (has_pre)
    {
      a->cur = pre;
      if (suf.cur)
        {
          if (pre.cur == MONEY_DOLLAR)
            a->cur.cur = suf.cur;
          a->cur.end = suf.end;
        }
    }
  else if (suf.cur)
    a->cur = suf;
  a->end = a->cur.cur ? MAX (a->cur.end, a->num.end) : a->num.end;
  if (!a->cur.cur && !bare_ok)
    return FALSE;
  if (!a->cur.cur && is_year (&a->num, s))
    return FALSE;

  a->value = money_dec_shift (a->num.value, a->num.has_scale ? a->num.scale : a->cur.scale);
  if (a->cur.kind == CUR_SUBUNIT)
    a->value = money_dec_shift (a->value, a->cur.sub_power);
  if (a->cur.cur)
    add_cents (s, a);

  /* signs: "-3,2 millions d'euros", "(1,2) million d'euros", "($450m)" */
  if (a->num.paren && !has_pre)
    {
      a->negative = TRUE;
      a->start = i - 1;
    }
  else if (has_pre && a->cur.cur && i > 0 && is_punct (&s->t[i - 1], '(')
           && s->t[i].gap == MONEY_GAP_NONE && a->end < s->n && is_punct (&s->t[a->end], ')')
           && s->t[a->end].gap == MONEY_GAP_NONE
           && (pre.kind == CUR_SYMBOL || pre.kind == CUR_CODE))
    {
      a->negative = TRUE;
      a->start = i - 1;
      a->end++;
    }
  if (minus_before (s, a->start))
    {
      a->negative = !a->negative;
      a->start--;
    }
  return TRUE;
}

/* ---- mentions ---- */

static gboolean
make_range (const Scan *s, Amount *a, Amount *b, guint32 range_role, gboolean change)
{
  if (!a->cur.cur && !b->cur.cur)
    return FALSE;
  if (a->negative || b->negative)
    return FALSE;
  if (a->cur.cur && b->cur.cur && !compatible (a->cur.cur, b->cur.cur))
    return FALSE;
  if (!b->cur.cur && !b->num.has_scale)
    {
      /* "5 $ à 10 heures" */
      if (b->end < s->n && s->t[b->end].gap < MONEY_GAP_PARA
          && (s->t[b->end].kind == MONEY_TOK_WORD || s->t[b->end].kind == MONEY_TOK_NUM
              || is_punct (&s->t[b->end], '%')))
        return FALSE;
      if (a->num.has_scale)
        return FALSE;
    }
  /* "60 à 65 milliards": the first number borrows the scale */
  if (!a->num.has_scale && b->num.has_scale && a->cur.kind != CUR_SUBUNIT
      && (money_dec_cmp (a->num.value, b->num.value) <= 0
          || money_dec_cmp (a->num.value, (MoneyDec) { 1, 3 }) < 0))
    a->value = money_dec_shift (a->value, b->num.scale);
  if (!a->cur.cur && b->cur.kind == CUR_SUBUNIT)
    a->value = money_dec_shift (a->value, b->cur.sub_power);
  if (change)
    return TRUE;
  if (range_role && money_dec_cmp (b->value, a->value) < 0)
    {
      /* "de 65 à 39 milliards": a fall, reported as the interval it spans */
      MoneyDec t = a->value;
      a->value = b->value;
      b->value = t;
    }
  return money_dec_cmp (a->value, b->value) < 0;
}

/* The verb of change just before token i, with at most gap words between:
 * "est passé de", "raised its forecast from", "fell by" */
static const MoneyLex *
change_before (const Scan *s, guint i, guint gap)
{
  for (guint k = 1; k <= gap + 1 && k <= i; k++)
    {
      const MoneyTok *t = &s->t[i - k];
      if (t->kind != MONEY_TOK_WORD || s->t[i - k + 1].gap > MONEY_GAP_SPACE)
        return NULL;
      if (t->lex && (t->lex->roles & MONEY_ROLE_CHANGE))
        return t->lex;
    }
  return NULL;
}

/* A bare number that may take the currency of the sentence's earlier
 * amount: with a scale word from a million up ("contre 9,4 milliards un an
 * plus tôt"), or any number after a comparison ("versus 12"); then nothing
 * that would make it a count of something else ("9,4 milliards de GPU"). */
static gboolean
may_carry (const Scan *s, const Amount *a)
{
  guint k = a->end, end = 0;
  gboolean compared = FALSE;

  if (!s->carry || a->negative || is_year (&a->num, s))
    return FALSE;
  /* a comparison of one to three words just before */
  for (guint back = 1; back <= 3 && back <= a->start && !compared; back++)
    compared = phrase_at (s, a->start - back, MONEY_ROLE_COMPARE, &end) && end == a->start
               && close_by (s, a->start);
  if (!(a->num.has_scale && a->num.scale >= 6) && !compared)
    return FALSE;
  /* "$3bn, versus 2.1": 2.1 what? */
  if (!a->num.has_scale && s->carry_scaled)
    return FALSE;
  if (k >= s->n || s->t[k].gap == MONEY_GAP_PARA)
    return TRUE;
  if (s->t[k].kind == MONEY_TOK_PUNCT)
    return !is_punct (&s->t[k], '%') && !is_punct (&s->t[k], '-');
  return (roles_at (s, k) & (MONEY_ROLE_WORD | MONEY_ROLE_LINK)) == MONEY_ROLE_WORD;
}

static void
fill_amount (const Scan *s, const Amount *a, guint first, MoneyMention *m)
{
  m->start = s->t[first].start;
  m->amount_start = s->t[a->start].start;
  m->end = s->t[a->end - 1].end;
  m->has_value = TRUE;
  m->value = a->value;
  m->currency = a->cur.cur;
  m->negative = a->negative;
}

/* The mention at token i, or a change of value as two mentions; returns
 * the token after them, or 0. */
static guint
parse_mention (const Scan *s, guint i, MoneyMention *m, guint *count)
{
  /* b is read only once a range parsed it; zeroed for the checkers */
  Amount a, b = { 0 };
  const MoneyLex *q, *r, *verb = NULL;
  guint j = i, qend = 0, rend = 0, k, end;
  guint32 range_role = 0;
  gboolean ranged = FALSE;
  guint amount_start;

  memset (m, 0, 2 * sizeof *m);
  *count = 1;
  q = phrase_at (s, i, MONEY_ROLE_QUALIFIER, &qend);
  if (q && close_by (s, qend))
    {
      m->qual = q->qual;
      j = qend;
    }
  r = phrase_at (s, j, MONEY_ROLE_BETWEEN | MONEY_ROLE_FROM, &rend);
  if (r && close_by (s, rend) && parse_amount (s, rend, TRUE, &a))
    range_role = r->roles & (MONEY_ROLE_BETWEEN | MONEY_ROLE_FROM);
  else if (!parse_amount (s, j, TRUE, &a))
    return 0;

  k = a.end;
  if (k + 1 < s->n && s->t[k].gap <= MONEY_GAP_SPACE)
    {
      guint32 rk = roles_at (s, k);
      gboolean to = (rk & MONEY_ROLE_TO) != 0;
      gboolean sep = is_punct (&s->t[k], '-') || to
                     || ((range_role & MONEY_ROLE_BETWEEN) && (rk & MONEY_ROLE_AND));

      /* a verb of change before "de A à B", "from A to B", "by A to B" or
       * "A to B": where the value went, not a range */
      if (to && !(range_role & MONEY_ROLE_BETWEEN))
        verb = change_before (s, range_role & MONEY_ROLE_FROM ? j : i, range_role ? 3 : 1);
      if (sep && s->t[k + 1].gap <= MONEY_GAP_SPACE && parse_amount (s, k + 1, TRUE, &b))
        ranged = make_range (s, &a, &b, range_role, verb != NULL);
    }
  /* "ont diminué de 1 à 2 milliards": how much it fell, a range */
  if (ranged && verb && (range_role & MONEY_ROLE_FROM) && (r->roles & MONEY_ROLE_LINK)
      && verb->direction < 0 && !a.cur.cur && money_dec_cmp (a.value, b.value) < 0
      && money_dec_cmp (money_dec_shift (a.value, 1), b.value) >= 0)
    verb = NULL;
  if (ranged && verb)
    {
      MoneyPart first = MONEY_PART_BY;
      MoneyDec tenfold = money_dec_shift (a.value, 1);

      /* "de A à B" is from A to B, but after a fall to more than A it can
       * only be by A to B ("a chuté de 5 dollars à 120 dollars"), and after
       * a rise to more than ten times A it is by A ("a grimpé de 5 dollars
       * à 120 dollars") */
      if ((range_role & MONEY_ROLE_FROM)
          && !((r->roles & MONEY_ROLE_LINK)
               && ((verb->direction < 0 && money_dec_cmp (a.value, b.value) < 0)
                   || (verb->direction > 0 && money_dec_cmp (tenfold, b.value) < 0))))
        first = MONEY_PART_FROM;
      if (!a.cur.cur)
        a.cur.cur = b.cur.cur;
      if (!b.cur.cur)
        b.cur.cur = a.cur.cur;
      fill_amount (s, &a, m->qual ? i : a.start, &m[0]);
      m[0].part = first;
      m[0].qual = m->qual;
      fill_amount (s, &b, b.start, &m[1]);
      m[1].part = MONEY_PART_TO;
      m[1].scaled = b.num.has_scale || b.cur.scale;
      *count = 2;
      return b.end;
    }
  if (!ranged && !a.cur.cur)
    {
      if (!may_carry (s, &a))
        return 0;
      a.cur.cur = s->carry;
      m->inferred = TRUE;
    }

  amount_start = ranged && range_role ? j : a.start;
  end = ranged ? b.end : a.end;
  m->start = s->t[m->qual ? i : amount_start].start;
  m->amount_start = s->t[amount_start].start;
  m->end = s->t[end - 1].end;
  m->range = ranged;
  if (ranged)
    {
      m->has_min = m->has_max = TRUE;
      m->min = a.value;
      m->max = b.value;
      m->currency = a.cur.cur ? a.cur.cur : b.cur.cur;
    }
  else
    {
      m->has_value = TRUE;
      m->value = a.value;
      m->currency = a.cur.cur;
      m->negative = a.negative;
    }
  m->scaled = ranged ? b.num.has_scale || b.cur.scale : a.num.has_scale || a.cur.scale;
  return end;
}

static gboolean
could_start (const Scan *s, guint i)
{
  const MoneyTok *t = &s->t[i];

  if (t->kind == MONEY_TOK_NUM)
    return TRUE;
  if (t->lex)
    return t->lex->max_len > 1
           || (t->lex->roles & (MONEY_ROLE_NUMBER | MONEY_ROLE_QUALIFIER | MONEY_ROLE_BETWEEN
                                | MONEY_ROLE_FROM | MONEY_ROLES_CURRENCY | MONEY_ROLE_REGION));
  return t->kind == MONEY_TOK_WORD && tok_len (t) == 4 && (t->flags & MONEY_TOK_UPPER)
         && s->text[t->start] == 'M';
}

static void
look_up (const MoneyLang *lang, const char *text, MoneyTok *t)
{
  char key[64];
  int len;

  if ((t->kind == MONEY_TOK_WORD || t->kind == MONEY_TOK_SYM) && t->end - t->start < 40
      && (len = money_fold (text + t->start, t->end - t->start, key, sizeof key)) > 0)
    t->lex = money_lang_lookup_len (lang, key, len);
}

/* The language of a text without a usable "lang": a word the lexicon of
 * one language only knows is a clue of that language (a frequent word,
 * "ten", "milliards", "about", "rupees", the "qatari" of "qatari riyals"),
 * and so is the way numbers
 * are written: "1,5" or "10 €" in languages with a decimal comma, "1.5",
 * "10,000" or "$10" in those with a decimal point. Ties go to the first
 * language of the options. */
static const MoneyLang *
guess_from_tokens (const MoneyLexicon *lexicon, const char *text, const MoneyTok *toks, guint n,
                   gboolean *decided)
{
  guint nl = MIN (lexicon->langs->len, 8);
  guint scores[8] = { 0 };
  const MoneyLang *best = lexicon->langs->pdata[0];
  guint best_score = 0;
  gboolean tie = FALSE;

  if (decided != NULL)
    *decided = TRUE;
  if (nl == 1)
    return best;
  for (guint i = 0; i < n; i++)
    {
      char key[24];
      int kl;
      guint hits = 0, last = 0;
      char mark = 0;

      if (toks[i].kind == MONEY_TOK_NUM)
        {
          /* "1,5" / "1.5": a decimal mark; "10,000": thousands */
          if (i + 2 < n && toks[i + 1].kind == MONEY_TOK_PUNCT && toks[i + 1].gap == MONEY_GAP_NONE
              && (toks[i + 1].ch == ',' || toks[i + 1].ch == '.')
              && toks[i + 2].kind == MONEY_TOK_NUM && toks[i + 2].gap == MONEY_GAP_NONE)
            {
              guint after = toks[i + 2].end - toks[i + 2].start;
              if (after <= 2)
                mark = toks[i + 1].ch;
              else if (after == 3 && toks[i + 1].ch == ',')
                mark = '.';
            }
          /* "$10" / "10 $" */
          else if (i > 0 && toks[i - 1].kind == MONEY_TOK_SYM && toks[i].gap == MONEY_GAP_NONE)
            mark = '.';
          else if (i + 1 < n && toks[i + 1].kind == MONEY_TOK_SYM && toks[i + 1].gap == MONEY_GAP_SPACE)
            mark = ',';
          if (mark)
            for (guint l = 0; l < nl; l++)
              if (((const MoneyLang *) lexicon->langs->pdata[l])->decimal == mark)
                scores[l]++;
          continue;
        }
      if (toks[i].kind != MONEY_TOK_WORD || toks[i].end - toks[i].start > 16
          || (kl = money_fold (text + toks[i].start, toks[i].end - toks[i].start, key, sizeof key)) <= 0)
        continue;
      for (guint l = 0; l < nl; l++)
        {
          const MoneyLex *lex = money_lang_lookup_len (lexicon->langs->pdata[l], key, kl);
          if (lex)
            {
              hits++;
              last = l;
            }
        }
      if (hits == 1)
        {
          /* a clear lead settles it: the rest of the text is not read */
          scores[last]++;
          if (scores[last] >= 8)
            {
              guint second = 0;
              for (guint l = 0; l < nl; l++)
                if (l != last)
                  second = MAX (second, scores[l]);
              if (scores[last] >= 2 * second + 8)
                return lexicon->langs->pdata[last];
            }
        }
    }
  for (guint l = 0; l < nl; l++)
    if (scores[l] > best_score)
      {
        best = lexicon->langs->pdata[l];
        best_score = scores[l];
        tie = FALSE;
      }
    else if (scores[l] == best_score)
      tie = TRUE;
  if (decided != NULL)
    *decided = !tie;
  return best;
}

/* ---- texts without a clue of their language ---- */

/* Above this size a text without a clue is read with the first language's
 * rules only: reading it once per language would cost too much, and so
 * long a text without a single clue hardly holds words. */
#define UNDECIDED_MAX 4096

typedef struct {
  GArray *mentions; /* MoneyMention */
  gsize covered;    /* bytes inside the mentions */
} Reading;

static void
collect (const MoneyMention *mention, gpointer user_data)
{
  Reading *r = user_data;

  g_array_append_val (r->mentions, *mention);
  r->covered += mention->end - mention->start;
}

/* "a dollar", "20 dollar 43c": nothing says which language it is, and the
 * first language's rules may read less of it than another's ("a" is a
 * number in English only). Each language reads it, and the reading that
 * covers the most text wins; ties go to the first language. */
static const MoneyLang *
scan_undecided (const MoneyLexicon *lexicon, const char *text, gsize len,
                MoneyMentionFunc func, gpointer user_data)
{
  guint nl = MIN (lexicon->langs->len, 8);
  Reading best = { NULL, 0 };
  const MoneyLang *best_lang = NULL;

  for (guint l = 0; l < nl; l++)
    {
      const MoneyLang *lang = lexicon->langs->pdata[l];
      Reading r = { g_array_new (FALSE, FALSE, sizeof (MoneyMention)), 0 };

      money_scan (lexicon, lang, text, len, collect, &r);
      if (best_lang == NULL || r.covered > best.covered)
        {
          if (best.mentions)
            g_array_unref (best.mentions);
          best = r;
          best_lang = lang;
        }
      else
        g_array_unref (r.mentions);
    }
  for (guint i = 0; i < best.mentions->len; i++)
    func (&g_array_index (best.mentions, MoneyMention, i), user_data);
  g_array_unref (best.mentions);
  return best_lang;
}

const MoneyLang *
money_scan (const MoneyLexicon *lexicon, const MoneyLang *lang, const char *text, gsize len,
            MoneyMentionFunc func, gpointer user_data)
{
  guint cap = len + 1 < WINDOW ? (guint) len + 1 : WINDOW;
  MoneyTok *toks = g_new (MoneyTok, cap);
  Scan s = { lang, text, toks, 0, NULL, FALSE };
  gsize pos = 0;

  while (pos < len)
    {
      guint n = money_tokenize (text, len, &pos, toks, cap);
      gboolean last = pos >= len;
      guint limit = last ? n : n - LOOKAHEAD;
      guint i = 0;

      if (!lang)
        {
          gboolean decided;

          s.lang = lang = guess_from_tokens (lexicon, text, toks, MIN (n, 400), &decided);
          if (!decided && last && len <= UNDECIDED_MAX)
            {
              g_free (toks);
              return scan_undecided (lexicon, text, len, func, user_data);
            }
        }
      s.n = n;
      for (guint t = 0; t < n; t++)
        look_up (lang, text, &toks[t]);
      while (i < limit)
        {
          MoneyMention m[2];
          guint end, count;

          /* an earlier amount's currency is carried within its sentence */
          if (toks[i].gap == MONEY_GAP_PARA)
            s.carry = NULL;
          if (could_start (&s, i) && (end = parse_mention (&s, i, m, &count)) > 0)
            {
              for (guint c = 0; c < count; c++)
                func (&m[c], user_data);
              if (m[count - 1].currency != MONEY_UNKNOWN)
                {
                  s.carry = m[count - 1].currency;
                  s.carry_scaled = m[count - 1].scaled;
                }
              i = end;
            }
          else
            {
              if (toks[i].kind == MONEY_TOK_PUNCT && (toks[i].ch == '.' || toks[i].ch == '!'
                                                       || toks[i].ch == '?'))
                s.carry = NULL;
              i++;
            }
        }
      if (last || n == 0)
        break;
      pos = toks[i - 1].end;
    }
  g_free (toks);
  return lang;
}

const MoneyLang *
money_guess_lang (const MoneyLexicon *lexicon, const char *text, gsize len)
{
  MoneyTok toks[400];
  gsize pos = 0;
  guint n = money_tokenize (text, MIN (len, 4096), &pos, toks, G_N_ELEMENTS (toks));

  return guess_from_tokens (lexicon, text, toks, n, NULL);
}
