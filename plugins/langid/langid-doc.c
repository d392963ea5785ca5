/* langid — the language of a whole document, from the runs it is made of.
 *
 * A text up to WINDOW bytes is read as one window. A longer one is probed
 * on a grid of windows (at most GRID of them, the last one at the end of
 * the text); where two neighbours disagree, the stretch between them is
 * bisected until the switch is known within a window. Each window stops
 * reading as soon as its answer is plain, so a 20 MB document costs a few
 * dozen windows, and its label is the language of most characters, not
 * that of its first lines. */
#include "langid-doc.h"

#include <math.h>
#include <string.h>
#include "langid-clean.h"
#include "langid-roman.h"

#define WINDOW 256
#define GRID 16
/* A window stops reading once its best language leads by this many nats
 * (a whole document by LANGID_EARLY_MARGIN). */
#define WINDOW_MARGIN 30.0
/* probes at most, grid and bisection together */
#define MAX_PROBES 96

typedef struct {
  int lang;                       /* -1: undetermined */
  const char *romanized;
  double conf;
  double chars_per_byte;
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
  double conf_chars[LANGID_MAX_LANGS];
} Ctx;

/* Logistic calibration, fitted on held-out text (see README.md):
 * logit P(right) = A + B·logit(score) + C·coverage + D·ln(letters)
 *                  + E·name share. */
#define CAL_A (-1.0)
#define CAL_B 0.5
#define CAL_C 4.0
#define CAL_D 0.5
#define CAL_E (-2.0)

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

/* Identifies the bytes [@start, @end) (WINDOW at most), stopping at
 * @margin nats (negative: reading them all). */
static void
probe_range (Ctx *c, gsize start, gsize end, double margin, Probe *out)
{
  const guchar *t = (const guchar *) c->text;
  char buf[WINDOW];
  gsize n = end - start;
  langid_clean (c->text + start, n, buf);
  LangidParams p = *c->params;
  p.margin = margin;
  langid_detect_params (c->model, buf, n, &p, &out->g);
  c->n_probes++;

  guint chars = 0;
  for (gsize i = 0; i < n; i++)
    chars += (t[start + i] & 0xc0) != 0x80;
  out->chars_per_byte = n ? (double) chars / n : 1;
  out->conf = langid_calibrate (&out->g, langid_name_share (buf, n));
  out->romanized = out->g.script == LANGID_SCRIPT_LATIN ? langid_romanized (buf, n) : NULL;
  if (out->romanized)
    {
      out->conf = MIN (out->conf, 0.05);
      c->romanized = out->romanized;
    }
  out->lang = out->g.lang >= 0 && out->conf >= c->min_score ? out->g.lang : -1;
}

/* Identifies the window starting near @pos: from the next line or
 * sentence start within reach (else the next word), WINDOW bytes at most,
 * ending between words. */
static void
probe (Ctx *c, gsize pos, double margin, Probe *out)
{
  const guchar *t = (const guchar *) c->text;
  gsize start = pos, end;
  if (pos > 0)
    {
      gsize reach = MIN (c->len, pos + WINDOW / 4), i;
      for (i = pos; i < reach && t[i] != '\n' && !(i > 0 && t[i - 1] == '.' && t[i] == ' '); i++)
        ;
      if (i >= reach)
        for (i = pos; i < reach && !is_space (t[i]); i++)
          ;
      start = i < reach ? i : pos;
    }
  end = MIN (c->len, start + WINDOW);
  if (end < c->len)
    {
      gsize e = end;
      while (e > start + WINDOW / 2 && !is_space (t[e]))
        e--;
      if (e > start + WINDOW / 2)
        end = e;
      else
        while ((t[end] & 0xc0) == 0x80)   /* never cut a character */
          end--;
    }
  probe_range (c, start, end, margin, out);
}

static void
attribute (Ctx *c, const Probe *p, double bytes)
{
  if (p->lang < 0 || bytes <= 0)
    return;
  double chars = bytes * p->chars_per_byte;
  c->chars[p->lang] += chars;
  c->conf_chars[p->lang] += chars * p->conf;
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
          probe_range (c, start, e, -1, &ps);
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
  probe (c, mid, WINDOW_MARGIN, &pm);
  stretch (c, lo, plo, mid, &pm);
  stretch (c, mid, &pm, hi, phi);
}

static int
cmp_share (gconstpointer a, gconstpointer b)
{
  const LangidShare *x = a, *y = b;
  return x->share < y->share ? 1 : x->share > y->share ? -1 : x->lang - y->lang;
}

void
langid_doc_detect (const LangidModel *model, const char *text, gsize len,
                   const LangidParams *params, double min_score, LangidDocGuess *out)
{
  Ctx c = { .model = model, .text = text, .len = len, .params = params, .min_score = min_score };
  memset (out, 0, sizeof *out);
  out->lang = -1;

  if (len <= WINDOW)
    {
      /* one window: the detector's own alternatives, rescaled */
      Probe p;
      probe (&c, 0, LANGID_EARLY_MARGIN, &p);
      out->n_probes = 1;
      out->romanized = p.romanized;
      if (p.g.lang < 0)
        return;
      double k = p.conf / MAX (p.g.score, 1e-9);
      out->n_alts = p.g.n_alts;
      for (guint i = 0; i < p.g.n_alts; i++)
        {
          out->alts[i] = p.g.alts[i];
          out->alts[i].p = MIN (1.0, p.g.alts[i].p * k);
        }
      if (p.lang < 0)
        return;
      out->lang = p.lang;
      out->score = p.conf;
      out->shares[0] = (LangidShare) { p.lang, 1.0, p.conf };
      out->n_shares = 1;
      return;
    }

  /* a grid of windows, the last at the end of the text */
  guint n_grid = MIN (GRID, (len + WINDOW - 1) / WINDOW);
  Probe grid[GRID + 1];
  gsize at[GRID + 1];
  for (guint i = 0; i < n_grid; i++)
    {
      at[i] = i == 0 ? 0 : (gsize) ((double) len * i / n_grid);
      probe (&c, at[i], WINDOW_MARGIN, &grid[i]);
    }
  /* the end of the text, unless the last window of the grid reaches it */
  at[n_grid] = MAX (at[n_grid - 1], len - WINDOW / 2);
  if (at[n_grid] > at[n_grid - 1])
    probe (&c, at[n_grid], WINDOW_MARGIN, &grid[n_grid]);
  else
    {
      at[n_grid] = at[n_grid - 1];
      grid[n_grid] = grid[n_grid - 1];
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
  LangidShare all[LANGID_MAX_LANGS];
  guint n = 0;
  for (guint l = 0; l < langid_model_get_n_langs (model); l++)
    if (c.chars[l] > 0)
      all[n++] = (LangidShare) { l, c.chars[l] / total, c.conf_chars[l] / c.chars[l] };
  qsort (all, n, sizeof all[0], cmp_share);
  out->n_shares = MIN (n, LANGID_MAX_SHARES);
  memcpy (out->shares, all, out->n_shares * sizeof all[0]);
  out->lang = all[0].lang;
  /* right for the characters of its own runs, and only for those */
  out->score = all[0].share * all[0].score;
  out->n_alts = MIN (n, LANGID_MAX_ALTS);
  for (guint i = 0; i < out->n_alts; i++)
    out->alts[i] = (LangidAlt) { all[i].lang, all[i].share * all[i].score };
}
