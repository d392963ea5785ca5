/* tamis-train-langid — builds the langid model from plain text per language,
 * and measures a model on a labelled development set. */
#include "langid-clean.h"
#include "langid-model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define QUANT 16.0

/* ---- counting features: open addressing, the key is the 64-bit hash ---- */

typedef struct {
  guint64 hash;
  guint32 count;
  guint8 order;
} Cell;

typedef struct {
  Cell *cells;
  gsize size, used;
} Counts;

static void
counts_add (Counts *c, guint64 hash, guint8 order)
{
  if (hash == 0)
    hash = 1;
  if (c->used * 2 >= c->size)
    {
      Counts bigger = { g_new0 (Cell, c->size ? c->size * 2 : 1 << 20), c->size ? c->size * 2 : 1 << 20, 0 };
      for (gsize i = 0; i < c->size; i++)
        if (c->cells[i].hash)
          {
            gsize j = c->cells[i].hash & (bigger.size - 1);
            while (bigger.cells[j].hash)
              j = (j + 1) & (bigger.size - 1);
            bigger.cells[j] = c->cells[i];
            bigger.used++;
          }
      g_free (c->cells);
      *c = bigger;
    }
  gsize j = hash & (c->size - 1);
  while (c->cells[j].hash && c->cells[j].hash != hash)
    j = (j + 1) & (c->size - 1);
  if (!c->cells[j].hash)
    {
      c->cells[j].hash = hash;
      c->cells[j].order = order;
      c->used++;
    }
  c->cells[j].count++;
}

static int
cmp_cell_count (gconstpointer a, gconstpointer b)
{
  const Cell *x = a, *y = b;
  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* ---- one language ---- */

typedef struct {
  guint64 hash;
  float logp;
  guint8 lang;
  guint8 order;
} Record;

typedef struct {
  char code[8];
  LangidScript script;
  double floor[LANGID_N_ORDERS];
  GArray *records;   /* Record */
} Profile;

static guint top[LANGID_N_ORDERS] = { 2500, 0, 0, 0, 7500 };
static gsize max_bytes = 40u << 20;

static gboolean
profile_train (Profile *prof, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize len;
  if (!g_file_get_contents (path, &text, &len, error))
    return FALSE;
  if (len > max_bytes)
    {
      len = max_bytes;
      while (len > 0 && (text[len] & 0xc0) == 0x80)
        len--;
    }
  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not UTF-8", path);
      return FALSE;
    }

  Counts counts = { 0 };
  LangidScan scan = { 0 };
  LangidScanner s;
  guint64 hashes[128];
  guint8 orders[128];
  guint64 total[LANGID_N_ORDERS] = { 0 };
  guint n;

  langid_scanner_init (&s, text, len, (1u << LANGID_N_ORDERS) - 1);
  while ((n = langid_scanner_next (&s, &scan, hashes, orders, 128)) > 0)
    for (guint i = 0; i < n; i++)
      {
        if (orders[i] == LANGID_NO_FEATURE)
          continue;
        guint8 o = orders[i];
        counts_add (&counts, hashes[i], o);
        total[o]++;
      }
  prof->script = langid_scan_dominant (&scan);

  /* Keep the most frequent features of each order. */
  Cell *cells = g_new (Cell, counts.used);
  gsize nc = 0;
  for (gsize i = 0; i < counts.size; i++)
    if (counts.cells[i].hash && counts.cells[i].count >= 2)
      cells[nc++] = counts.cells[i];
  g_free (counts.cells);
  qsort (cells, nc, sizeof *cells, cmp_cell_count);

  guint kept[LANGID_N_ORDERS] = { 0 };
  guint32 last[LANGID_N_ORDERS] = { 0 };
  prof->records = g_array_new (FALSE, FALSE, sizeof (Record));
  for (gsize i = 0; i < nc; i++)
    {
      guint o = cells[i].order;
      if (kept[o] >= top[o])
        continue;
      kept[o]++;
      last[o] = cells[i].count;
      Record r = { cells[i].hash, log ((double) cells[i].count / total[o]), 0, o };
      g_array_append_val (prof->records, r);
    }
  for (guint o = 0; o < LANGID_N_ORDERS; o++)
    prof->floor[o] = total[o] ? log (0.5 * MAX (last[o], 1) / total[o]) : -20;
  g_free (cells);
  g_printerr ("%-4s %-10s %8.1f KiB  features %u/%u/%u/%u/%u\n", prof->code,
              langid_script_name (prof->script), len / 1024.0,
              kept[0], kept[1], kept[2], kept[3], kept[4]);
  return TRUE;
}

static int
cmp_record (gconstpointer a, gconstpointer b)
{
  const Record *x = a, *y = b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->lang - y->lang;
}

static void
put32 (GByteArray *b, guint32 v)
{
  guint8 x[4] = { v, v >> 8, v >> 16, v >> 24 };
  g_byte_array_append (b, x, 4);
}

static void
putf (GByteArray *b, float f)
{
  union { float f; guint32 u; } v = { .f = f };
  put32 (b, v.u);
}

static gboolean
write_model (Profile *profs, guint n, const char *out, GError **error)
{
  guint per_script[LANGID_N_SCRIPTS] = { 0 };
  for (guint i = 0; i < n; i++)
    per_script[profs[i].script]++;

  /* A language alone in its script is settled by the script: it needs no
   * n-grams. The others share one floor per order, the lowest of theirs:
   * a floor of its own would favour a language with little text for
   * whatever it has never seen. */
  for (guint o = 0; o < LANGID_N_ORDERS; o++)
    {
      double lowest = 0;
      for (guint i = 0; i < n; i++)
        if (per_script[profs[i].script] > 1)
          lowest = MIN (lowest, profs[i].floor[o]);
      for (guint i = 0; i < n; i++)
        profs[i].floor[o] = lowest;
    }

  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Record));
  for (guint i = 0; i < n; i++)
    {
      if (per_script[profs[i].script] < 2)
        continue;
      for (guint k = 0; k < profs[i].records->len; k++)
        {
          Record r = g_array_index (profs[i].records, Record, k);
          r.lang = i;
          g_array_append_val (all, r);
        }
    }
  g_array_sort (all, cmp_record);

  /* one entry per feature */
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) ents = g_array_new (FALSE, FALSE, sizeof (LangidEntry));
  guint cut = 0;
  for (guint k = 0; k < all->len;)
    {
      guint64 hash = g_array_index (all, Record, k).hash;
      double v[LANGID_MAX_LANGS];
      guint8 lang[LANGID_MAX_LANGS];
      guint count = 0;
      for (; k < all->len && g_array_index (all, Record, k).hash == hash; k++)
        {
          const Record *r = &g_array_index (all, Record, k);
          v[count] = (r->logp - profs[r->lang].floor[r->order]) * QUANT;
          lang[count] = r->lang;
          count++;
        }
      /* keep the languages that use the feature most; what the next one
       * gets is the baseline the others are assumed to share */
      for (guint x = 0; x < count; x++)
        for (guint y = x + 1; y < count; y++)
          if (v[y] > v[x])
            {
              double tv = v[x]; v[x] = v[y]; v[y] = tv;
              guint8 tl = lang[x]; lang[x] = lang[y]; lang[y] = tl;
            }
      double base = count > LANGID_SLOT_ENTRIES ? v[LANGID_SLOT_ENTRIES] : 0;
      cut += count > LANGID_SLOT_ENTRIES;
      LangidEntry e;
      for (guint j = 0; j < LANGID_SLOT_ENTRIES; j++)
        {
          e.lang[j] = j < count ? lang[j] : LANGID_NO_LANG;
          e.value[j] = j < count ? (guint8) CLAMP (lround (v[j] - base), 0, 255) : 0;
        }
      g_array_append_val (hashes, hash);
      g_array_append_val (ents, e);
    }
  guint n_keys = hashes->len;

  /* cuckoo placement; a table too tight to fill is grown a little */
  guint32 n_buckets = MAX (4, (guint32) (n_keys / (LANGID_BUCKET_SLOTS * 0.94)));
  g_autofree guint64 *slot_hash = NULL;
  g_autofree LangidEntry *slot_entry = NULL;
  for (;;)
    {
      gsize n_slots = (gsize) n_buckets * LANGID_BUCKET_SLOTS;
      g_free (slot_hash);
      g_free (slot_entry);
      slot_hash = g_new0 (guint64, n_slots);
      slot_entry = g_new0 (LangidEntry, n_slots);
      guint32 rng = 2463534242u;
      gboolean ok = TRUE;
      for (guint k = 0; k < n_keys && ok; k++)
        {
          guint64 h = g_array_index (hashes, guint64, k);
          LangidEntry e = g_array_index (ents, LangidEntry, k);
          for (guint kick = 0;; kick++)
            {
              guint32 s1 = langid_bucket1 (h, n_buckets) * LANGID_BUCKET_SLOTS;
              guint32 s2 = langid_bucket2 (h, n_buckets) * LANGID_BUCKET_SLOTS;
              gssize free_slot = -1;
              for (guint j = 0; j < LANGID_BUCKET_SLOTS && free_slot < 0; j++)
                if (!slot_hash[s1 + j])
                  free_slot = s1 + j;
              for (guint j = 0; j < LANGID_BUCKET_SLOTS && free_slot < 0; j++)
                if (!slot_hash[s2 + j])
                  free_slot = s2 + j;
              if (free_slot >= 0)
                {
                  slot_hash[free_slot] = h;
                  slot_entry[free_slot] = e;
                  break;
                }
              if (kick == 2000)
                {
                  ok = FALSE;
                  break;
                }
              rng ^= rng << 13;
              rng ^= rng >> 17;
              rng ^= rng << 5;
              guint32 victim = (rng & 4 ? s2 : s1) + (rng & 3);
              guint64 th = slot_hash[victim];
              LangidEntry te = slot_entry[victim];
              slot_hash[victim] = h;
              slot_entry[victim] = e;
              h = th;
              e = te;
            }
        }
      if (ok)
        break;
      n_buckets = n_buckets + n_buckets / 32 + 1;
    }

  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_byte_array_append (b, (const guint8 *) LANGID_MAGIC, LANGID_MAGIC_LEN);
  put32 (b, LANGID_VERSION);
  put32 (b, n);
  put32 (b, n_buckets);
  put32 (b, LANGID_BUCKET_SLOTS);
  put32 (b, LANGID_SLOT_ENTRIES);
  put32 (b, QUANT);
  put32 (b, LANGID_MAX_ORDER);
  put32 (b, LANGID_MAX_WORD);
  guint orders = 0;
  for (guint o = 0; o < LANGID_N_ORDERS; o++)
    orders |= top[o] ? 1u << o : 0;
  put32 (b, orders);
  for (guint i = 0; i < n; i++)
    {
      char code[8] = { 0 };
      strncpy (code, profs[i].code, 7);
      g_byte_array_append (b, (const guint8 *) code, 8);
      put32 (b, profs[i].script);
      for (guint o = 0; o < LANGID_N_ORDERS; o++)
        putf (b, profs[i].floor[o]);
    }
  gsize n_slots = (gsize) n_buckets * LANGID_BUCKET_SLOTS;
  for (gsize bk = 0; bk < n_slots; bk += LANGID_BUCKET_SLOTS)
    {
      for (gsize i = bk; i < bk + LANGID_BUCKET_SLOTS; i++)
        put32 (b, slot_hash[i] ? langid_key (slot_hash[i]) : 0);
      for (gsize i = bk; i < bk + LANGID_BUCKET_SLOTS; i++)
        {
          LangidEntry e = slot_entry[i];
          if (!slot_hash[i])
            {
              memset (e.lang, LANGID_NO_LANG, LANGID_SLOT_ENTRIES);
              memset (e.value, 0, LANGID_SLOT_ENTRIES);
            }
          g_byte_array_append (b, e.lang, LANGID_SLOT_ENTRIES);
          g_byte_array_append (b, e.value, LANGID_SLOT_ENTRIES);
        }
    }
  if (!g_file_set_contents (out, (const char *) b->data, b->len, error))
    return FALSE;
  g_printerr ("%s: %u languages, %u features (%u shared by more than %d languages), "
              "%.0f%% of the table used, %u bytes\n",
              out, n, n_keys, cut, LANGID_SLOT_ENTRIES, 100.0 * n_keys / n_slots, b->len);
  return TRUE;
}

/* ---- measuring a model on LANG<TAB>TEXT lines ---- */

static gint repeat = 3;

/* CPU time of this thread: a busy machine does not count against us. */
static double
cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gboolean
evaluate (const LangidModel *m, const char *path, gboolean verbose, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;

  guint n_langs = langid_model_get_n_langs (m);
  guint tp[LANGID_MAX_LANGS + 1] = { 0 }, fp[LANGID_MAX_LANGS + 1] = { 0 }, fn[LANGID_MAX_LANGS + 1] = { 0 };
  guint total = 0, right = 0;
  gsize bytes = 0;
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  for (guint i = 0; lines[i]; i++)
    {
      char *tab = strchr (lines[i], '\t');
      if (!tab)
        continue;
      *tab = '\0';
      int gold = langid_model_find_lang (m, lines[i]);
      if (gold < 0)
        continue;
      const char *text = tab + 1;
      LangidGuess g;
      langid_detect (m, text, strlen (text), NULL, 1, &g);
      g_ptr_array_add (texts, (gpointer) text);
      bytes += strlen (text);
      total++;
      /* a language may have a profile per script: compare codes */
      int got = g.lang < 0 ? (int) n_langs
                : langid_model_find_lang (m, langid_model_get_lang (m, g.lang)->code);
      if (got == gold)
        {
          right++;
          tp[gold]++;
        }
      else
        {
          fp[got]++;
          fn[gold]++;
          if (verbose)
            {
              printf ("  %s ->", lines[i]);
              for (guint k = 0; k < g.n_alts; k++)
                printf (" %s %.3f", langid_model_get_lang (m, g.alts[k].lang)->code, g.alts[k].p);
              printf (": %.80s\n", text);
            }
        }
    }

  /* throughput: the best of a few passes */
  double seconds = G_MAXDOUBLE;
  for (gint r = 0; r < repeat; r++)
    {
      double t0 = cpu_seconds ();
      for (guint i = 0; i < texts->len; i++)
        {
          LangidGuess g;
          langid_detect (m, texts->pdata[i], strlen (texts->pdata[i]), NULL, 1, &g);
        }
      seconds = MIN (seconds, cpu_seconds () - t0);
    }

  double f1sum = 0;
  guint nf1 = 0;
  GString *worst = g_string_new (NULL);
  for (guint l = 0; l < n_langs; l++)
    {
      if (tp[l] + fn[l] == 0)
        continue;
      double f1 = 2.0 * tp[l] / (2.0 * tp[l] + fp[l] + fn[l]);
      f1sum += f1;
      nf1++;
      if (f1 < 0.9)
        g_string_append_printf (worst, " %s:%.2f", langid_model_get_lang (m, l)->code, f1);
    }
  printf ("%s: %u samples, accuracy %.2f%%, macro-F1 %.2f%%, %.1f MB/s; F1 < 0.9:%s\n", path,
          total, 100.0 * right / MAX (total, 1), 100.0 * f1sum / MAX (nf1, 1),
          bytes / 1e6 / MAX (seconds, 1e-9), worst->str);
  g_string_free (worst, TRUE);
  return TRUE;
}

/* Writes, per LANG<TAB>TEXT line, what the calibration is fitted on:
 * gold language, answer, tempered score, coverage, letters, features read,
 * margin (nats), share of letters in names — the text cleaned as the
 * plugin cleans it. */
static gboolean
dump_features (const LangidModel *m, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  if (!g_file_get_contents (path, &data, NULL, error))
    return FALSE;
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *tab = strchr (lines[i], '\t');
      if (!tab)
        continue;
      *tab = '\0';
      const char *text = tab + 1;
      gsize len = strlen (text);
      g_autofree char *clean = g_malloc (len + 1);
      langid_clean (text, len, clean);
      /* a long text is read as the plugin reads one of its windows */
      LangidParams params = { .min_chars = 1, .margin = len > 256 ? 30 : 0 };
      if (len > 256)
        {
          len = 256;
          while (len > 128 && clean[len] != ' ')
            len--;
          while (len > 0 && (clean[len] & 0xc0) == 0x80)
            len--;
        }
      LangidGuess g;
      guint n_words;
      langid_detect_params (m, clean, len, &params, &g);
      printf ("%s\t%s\t%.6f\t%.4f\t%u\t%u\t%.2f\t%.4f\n", lines[i],
              g.lang < 0 ? "und" : langid_model_get_lang (m, g.lang)->code,
              g.score, g.coverage, g.letters, g.n_features, g.margin,
              langid_name_share (clean, len, &n_words));
    }
  return TRUE;
}

static int
cmp_path (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

int
main (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *model_path = NULL;
  g_autofree char *tops = NULL;
  g_autofree char *langs = NULL;
  gint64 max_mb = 40;
  gboolean eval = FALSE, verbose = FALSE, features = FALSE;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the model to FILE", "FILE" },
    { "languages", 'l', 0, G_OPTION_ARG_STRING, &langs, "Train only these languages (comma-separated)", "LIST" },
    { "top", 't', 0, G_OPTION_ARG_STRING, &tops, "Features kept per language: words,1,2,3,4-grams (default 2500,0,0,0,7500)", "LIST" },
    { "max-mb", 0, 0, G_OPTION_ARG_INT64, &max_mb, "Read at most N MB of text per language (default 40)", "N" },
    { "eval", 'e', 0, G_OPTION_ARG_NONE, &eval, "Measure MODEL on labelled files (LANG<TAB>TEXT lines)", NULL },
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, "The model to measure", "MODEL" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "List the mistakes", NULL },
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Time the best of N passes (default 3)", "N" },
    { "features", 0, 0, G_OPTION_ARG_NONE, &features, "With --eval: print what the score calibration is fitted on, per line", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("DIR | FILE...");
  g_option_context_set_summary (ctx,
    "Trains the langid model from one plain-text file per language, named LANG.txt\n"
    "(LANG: the ISO 639-1 code the plugin will answer), or with --eval measures a\n"
    "model on development files.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (eval)
    {
      if (!model_path || argc < 2)
        {
          g_printerr ("--eval needs --model MODEL and files to measure\n");
          return 2;
        }
      LangidModel *m = langid_model_load (model_path, &error);
      if (!m)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      int status = 0;
      for (int i = 1; i < argc && status == 0; i++)
        if (!(features ? dump_features (m, argv[i], &error) : evaluate (m, argv[i], verbose, &error)))
          {
            g_printerr ("%s\n", error->message);
            status = 1;
          }
      langid_model_free (m);
      return status;
    }

  if (!output || argc < 2)
    {
      g_printerr ("usage: %s -o MODEL DIR | FILE...\n", g_get_prgname ());
      return 2;
    }
  max_bytes = (gsize) max_mb << 20;
  if (tops)
    {
      g_auto(GStrv) v = g_strsplit (tops, ",", -1);
      if (g_strv_length (v) != LANGID_N_ORDERS)
        {
          g_printerr ("--top needs %d numbers\n", LANGID_N_ORDERS);
          return 2;
        }
      for (guint o = 0; o < LANGID_N_ORDERS; o++)
        top[o] = atoi (v[o]);
    }

  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
          if (!dir)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          const char *name;
          while ((name = g_dir_read_name (dir)))
            if (g_str_has_suffix (name, ".txt"))
              g_ptr_array_add (files, g_build_filename (argv[i], name, NULL));
        }
      else
        g_ptr_array_add (files, g_strdup (argv[i]));
    }
  g_ptr_array_sort (files, cmp_path);

  g_auto(GStrv) only = langs ? g_strsplit (langs, ",", -1) : NULL;
  Profile *profs = g_new0 (Profile, LANGID_MAX_LANGS);
  guint n = 0;
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      char *dot = strrchr (base, '.');
      if (dot)
        *dot = '\0';
      /* "sr-Latn.txt": a second profile (another script) answering "sr" */
      char *dash = strchr (base, '-');
      if (dash)
        *dash = '\0';
      if (strlen (base) == 0 || strlen (base) > 7)
        {
          g_printerr ("%s: the file name must be a language code of 1 to 7 letters\n", (char *) files->pdata[i]);
          return 1;
        }
      if (only && !g_strv_contains ((const char *const *) only, base))
        continue;
      if (n == LANGID_MAX_LANGS)
        {
          g_printerr ("at most %d languages\n", LANGID_MAX_LANGS);
          return 1;
        }
      strcpy (profs[n].code, base);
      if (!profile_train (&profs[n], files->pdata[i], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      n++;
    }
  if (n == 0)
    {
      g_printerr ("no training text\n");
      return 1;
    }
  if (!write_model (profs, n, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < n; i++)
    g_array_unref (profs[i].records);
  g_free (profs);
  return 0;
}
