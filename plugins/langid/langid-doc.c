/* langid — the language of a whole document, from the runs it is made of.
 *
 * The head of a text (HEAD bytes at most) is read until its answer is
 * plain, as a short text is. The end of the text, and on a longer one a
 * grid of windows (at most GRID), are then read only until they confirm
 * the head's language — a few words each. Where two neighbours disagree,
 * the stretch between them is bisected, and near the switch every
 * sentence is read alone. So a 20 MB document costs a few dozen windows,
 * and its label is the language of most characters, not that of its
 * first lines. */
#include "langid-doc.h"

#include <math.h>
#include <string.h>
#include "langid-clean.h"
#include "langid-roman.h"

#define HEAD 1024
#define SHORT_TEXT 512
#define WINDOW 256
#define TAIL 128
/* grid windows at most, and their spacing at least */
#define GRID 16
#define GRID_STEP 512
/* A window stops reading once its best language leads by WINDOW_MARGIN
 * nats (the head: LANGID_EARLY_MARGIN), or once the language it is
 * expected to confirm leads by EXPECT_MARGIN. */
#define WINDOW_MARGIN 30.0
#define EXPECT_MARGIN 10.0
/* A text of one or two words needs this calibrated score. */
#define SHORT_MIN_SCORE 0.6
/* windows at most, grid and bisection together */
#define MAX_PROBES 96
/* Latin-script text whose best language holds fewer of its features than
 * this is checked for transcriptions. */
#define ROMAN_COVERAGE 0.8

typedef struct {
  int lang;                       /* -1: undetermined */
  const char *romanized;
  double conf;                    /* -1: confirmed what was expected */
  double chars_per_byte;          /* of what was read; 0 until needed */
  gsize start, read;
  LangidGuess g;
} Probe;

typedef struct {
  const LangidModel *model;
  const char *text;
  gsize len;
  const LangidParams *params;
  double min_score;
  guint n_probes;
  const char *romanized;          /* the last window found so */
  double chars[LANGID_MAX_LANGS];
  double conf[LANGID_MAX_LANGS];   /* best calibrated score of its windows */
} Ctx;

/* Logistic calibration, fitted on held-out text (see README.md):
 * logit P(right) = A + B·logit(score) + C·coverage + D·ln(letters)
 *                  + E·name share. */
#define CAL_A 0.812
#define CAL_B 1.269
#define CAL_C 0.328
#define CAL_D (-0.373)
#define CAL_E 0.179

double
langid_calibrate (const LangidGuess *g, double name_share)
{
  if (g->lang < 0)
    return 0;
  double s = CLAMP (g->score, 1e-6, 1 - 1e-6);
  double x = CAL_A + CAL_B * log (s / (1 - s)) + CAL_C * g->coverage
             + CAL_D * log (MAX (g->letters, 1)) + CAL_E * name_share;
  /* a script of its own language needs no n-gram to be sure */
  if (g->n_alts == 1 && g->coverage == 0)
    x = MAX (x, 4.0);
  return 1.0 / (1.0 + exp (-x));
}

static inline gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Identifies the bytes [@start, @end) (HEAD at most), stopping at
 * @margin nats (negative: reading them all) or when @expect leads. Noise
 * is blanked as the detector reads (LangidParams.clean). */
static void
probe_range (Ctx *c, gsize start, gsize end, double margin, int expect, Probe *out)
{
  const char *text = c->text + start, *read_text = text;
  char buf[HEAD];
  gsize n = end - start;
  LangidParams p = *c->params;
  p.margin = margin;
  p.expect = expect;
  p.expect_margin = expect >= 0 ? EXPECT_MARGIN : 0;
  p.steps = text;
  p.clean = TRUE;
  /* A window cut inside a character (a grid position between two
   * windows that disagree) is read as it always was, cleaned first: the
   * scanner decodes its first bytes out of step, and may take a space for
   * part of a character where the cleaner did not. */
  gboolean cut = ((guchar) text[0] & 0xc0) == 0x80;
  if (cut)
    {
      langid_clean (text, n, buf);
      read_text = buf;
      p.clean = FALSE;
    }
  langid_detect_params (c->model, read_text, n, &p, &out->g);
  c->n_probes++;

  /* only what was read */
  gsize read = (gsize) ((const char *) out->g.stop - read_text);
  out->start = start;
  out->read = read;
  out->chars_per_byte = 0;
  if (expect >= 0 && out->g.lang == expect)
    {
      /* confirmed: the expected language's own window scores it */
      out->conf = -1;
      out->romanized = NULL;
      out->lang = expect;
      return;
    }
  if (cut)
    out->g.name_share = langid_name_share (buf, read, &out->g.n_words);
  out->conf = langid_calibrate (&out->g, out->g.name_share);
  out->romanized = NULL;
  if (out->g.script == LANGID_SCRIPT_LATIN && out->g.coverage < ROMAN_COVERAGE)
    {
      /* the word lists read the text as the detector did, noise blanked
       * (up to a space, so that no token is judged cut); when the
       * detector found no noise, that is the text itself */
      const char *words = buf;
      if (!cut && out->g.n_noise == 0)
        words = text;
      else if (!cut)
        {
          gsize to = read;
          while (to > 0 && to < n && !is_space (text[to - 1]))
            to++;
          langid_clean (text, to, buf);
        }
      out->romanized = langid_romanized (words, read);
    }
  if (out->romanized)
    {
      out->conf = MIN (out->conf, 0.05);
      c->romanized = out->romanized;
    }
  out->lang = out->g.lang >= 0 && out->conf >= c->min_score ? out->g.lang : -1;
  /* Two words tell little among all the languages of a script ("ten
   * dollars" reads as Azerbaijani): only a plain answer, or one the prior
   * expects, stands. */
  if (out->lang >= 0 && out->g.n_words <= 2 && out->conf < SHORT_MIN_SCORE
      && out->g.script != LANGID_SCRIPT_HAN && out->g.script != LANGID_SCRIPT_KANA
      && out->g.script != LANGID_SCRIPT_THAI && out->g.script != LANGID_SCRIPT_KHMER
      && !(c->params->prior && c->params->prior[out->lang] > 0))
    out->lang = -1;
}

/* Identifies the window of @size bytes starting near @pos: from the next
 * line or sentence start within reach (else the next word), ending
 * between words. */
static void
probe (Ctx *c, gsize pos, gsize size, double margin, int expect, Probe *out)
{
  const guchar *t = (const guchar *) c->text;
  gsize start = pos, end;
  if (pos > 0)
    {
      gsize reach = MIN (c->len, pos + size / 4), i;
      for (i = pos; i < reach && t[i] != '\n' && !(i > 0 && t[i - 1] == '.' && t[i] == ' '); i++)
        ;
      if (i >= reach)
        for (i = pos; i < reach && !is_space (t[i]); i++)
          ;
      start = i < reach ? i : pos;
    }
  end = MIN (c->len, start + size);
  if (end < c->len)
    {
      gsize e = end;
      while (e > start + size / 2 && !is_space (t[e]))
        e--;
      if (e > start + size / 2)
        end = e;
      else
        while ((t[end] & 0xc0) == 0x80)   /* never cut a character */
          end--;
    }
  probe_range (c, start, end, margin, expect, out);
}

static void
attribute (Ctx *c, const Probe *p, double bytes)
{
  if (p->lang < 0 || bytes <= 0)
    return;
  double per_byte = p->chars_per_byte;
  if (per_byte == 0)
    {
      const guchar *t = (const guchar *) c->text + p->start;
      guint chars = 0;
      for (gsize i = 0; i < p->read; i++)
        chars += (t[i] & 0xc0) != 0x80;
      per_byte = p->read ? (double) chars / p->read : 1;
    }
  double chars = bytes * per_byte;
  c->chars[p->lang] += chars;
  if (p->conf >= 0)
    c->conf[p->lang] = MAX (c->conf[p->lang], p->conf);
}

/* The stretch [lo, hi) between two probes: one language when both agree,
 * else bisected down to a window. */
/* Where two windows disagree less than two windows apart: each sentence
 * between them is identified alone; one too short to tell goes with the
 * language before it. */
static void
switch_point (Ctx *c, gsize lo, const Probe *plo, gsize hi)
{
  const guchar *t = (const guchar *) c->text;
  Probe last = *plo, ps;
  gsize start = lo;
  for (gsize i = lo; i <= hi; i++)
    {
      gboolean end = i == hi || t[i] == '\n'
                     || (t[i] == ' ' && i > lo && (t[i - 1] == '.' || t[i - 1] == '!' || t[i - 1] == '?'));
      if (!end || (i < hi && i - start < 24))
        continue;
      if (i - start >= 24 && c->n_probes < MAX_PROBES)
        {
          gsize e = MIN (i, start + WINDOW);
          while (e < c->len && e > start && (t[e] & 0xc0) == 0x80)
            e--;
          probe_range (c, start, e, -1, -1, &ps);
          if (ps.lang >= 0)
            last = ps;
        }
      attribute (c, &last, i - start);
      start = i;
    }
}

static void
stretch (Ctx *c, gsize lo, const Probe *plo, gsize hi, const Probe *phi)
{
  if (plo->lang == phi->lang || hi - lo <= 2 * WINDOW || c->n_probes >= MAX_PROBES)
    {
      if (plo->lang == phi->lang)
        attribute (c, plo, hi - lo);
      else if (c->n_probes < MAX_PROBES)
        switch_point (c, lo, plo, hi);
      else
        {
          attribute (c, plo, (hi - lo) / 2.0);
          attribute (c, phi, (hi - lo) / 2.0);
        }
      return;
    }
  gsize mid = lo + (hi - lo) / 2;
  Probe pm;
  probe (c, mid, WINDOW, WINDOW_MARGIN, plo->lang, &pm);
  stretch (c, lo, plo, mid, &pm);
  stretch (c, mid, &pm, hi, phi);
}

static int
cmp_share (gconstpointer a, gconstpointer b)
{
  const LangidShare *x = a, *y = b;
  return x->share < y->share ? 1 : x->share > y->share ? -1 : x->lang - y->lang;
}

/* The head's own answer, with the detector's alternatives. */
static void
single (const Probe *p, LangidDocGuess *out)
{
  out->romanized = p->romanized;
  if (p->g.lang < 0)
    return;
  double k = p->conf / MAX (p->g.score, 1e-9);
  out->n_alts = p->g.n_alts;
  for (guint i = 0; i < p->g.n_alts; i++)
    {
      out->alts[i] = p->g.alts[i];
      out->alts[i].p = MIN (1.0, p->g.alts[i].p * k);
    }
  if (p->lang < 0)
    return;
  out->lang = p->lang;
  out->score = p->conf;
  out->shares[0] = (LangidShare) { p->lang, 1.0, p->conf };
  out->n_shares = 1;
}

void
langid_doc_detect (const LangidModel *model, const char *text, gsize len,
                   const LangidParams *params, double min_score, LangidDocGuess *out)
{
  /* (the per-language sums are zeroed only when windows beyond the head
   * are read: most texts need the head alone) */
  Ctx c;
  c.model = model;
  c.text = text;
  c.len = len;
  c.params = params;
  c.min_score = min_score;
  c.n_probes = 0;
  c.romanized = NULL;
  memset (out, 0, sizeof *out);
  out->lang = -1;

  Probe head;
  probe (&c, 0, HEAD, LANGID_EARLY_MARGIN, -1, &head);
  out->n_probes = 1;
  /* A head that read a third of the text or more weighed what it read:
   * a part in another language before the rest would have been
   * outweighed there. Nor can a tenth of a text of SHORT_TEXT bytes (a
   * sentence or two) settle the head alone. */
  if (head.read + TAIL >= len || 3 * head.read >= len || len <= SHORT_TEXT)
    {
      single (&head, out);
      return;
    }

  guint n_langs = langid_model_get_n_langs (model);
  memset (c.chars, 0, n_langs * sizeof c.chars[0]);
  memset (c.conf, 0, n_langs * sizeof c.conf[0]);

  /* a grid of windows on a long text, and its end */
  guint n_grid = CLAMP (len / GRID_STEP, 1, GRID);
  Probe grid[GRID + 1];
  gsize at[GRID + 1];
  at[0] = 0;
  grid[0] = head;
  for (guint i = 1; i < n_grid; i++)
    {
      at[i] = (gsize) ((double) len * i / n_grid);
      probe (&c, at[i], WINDOW, WINDOW_MARGIN, head.lang, &grid[i]);
    }
  at[n_grid] = len - TAIL;
  probe (&c, at[n_grid], TAIL, WINDOW_MARGIN, head.lang, &grid[n_grid]);
  gboolean agree = TRUE;
  for (guint i = 1; i <= n_grid; i++)
    agree = agree && grid[i].lang == head.lang;
  if (agree)
    {
      single (&head, out);
      out->n_probes = c.n_probes;
      return;
    }
  for (guint i = 0; i < n_grid; i++)
    stretch (&c, at[i], &grid[i], at[i + 1], &grid[i + 1]);
  attribute (&c, &grid[n_grid], len - at[n_grid]);
  out->n_probes = c.n_probes;

  double total = 0;
  for (guint l = 0; l < langid_model_get_n_langs (model); l++)
    total += c.chars[l];
  if (total <= 0)
    {
      out->romanized = c.romanized;
      return;
    }
  LangidShare all[LANGID_MAX_LANGS] = { { 0 } };
  guint n = 0;
  for (guint l = 0; l < langid_model_get_n_langs (model); l++)
    if (c.chars[l] > 0)
      all[n++] = (LangidShare) { l, c.chars[l] / total, c.conf[l] };
  qsort (all, n, sizeof all[0], cmp_share);
  if (n == 1 && all[0].lang == head.lang)
    {
      single (&head, out);   /* undetermined windows aside, one language */
      out->n_probes = c.n_probes;
      return;
    }
  out->n_shares = MIN (n, LANGID_MAX_SHARES);
  memcpy (out->shares, all, out->n_shares * sizeof all[0]);
  out->lang = all[0].lang;
  /* right for the characters of its own runs, and only for those */
  out->score = all[0].share * all[0].score;
  out->n_alts = MIN (n, LANGID_MAX_ALTS);
  for (guint i = 0; i < out->n_alts; i++)
    out->alts[i] = (LangidAlt) { all[i].lang, all[i].share * all[i].score };
}
