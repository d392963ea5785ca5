/* langid — the n-gram model file and the detector built on it. */
#pragma once

#include <glib.h>
#include "langid-text.h"

G_BEGIN_DECLS

/* Language index 127 is a sink for unused slot entries. */
#define LANGID_MAX_LANGS 127
#define LANGID_NO_LANG 127
#define LANGID_MAX_ALTS 5
#define LANGID_SLOT_ENTRIES 6

#define LANGID_BUCKET_SLOTS 4

/* Model file (all integers little-endian; see README.md):
 *   header   "TMSLANGID\0\0\0" magic (12 bytes), u32 version, u32 n_langs,
 *            u32 n_buckets, u32 slots per bucket (4), u32 entries per slot
 *            (6), u32 quant (units per nat), u32 max_order, u32 max_word,
 *            u32 orders (bit o set when features of order o are in the
 *            table)  (48 bytes)
 *   langs    n_langs x { char code[8]; u32 script; f32 floor[5] }  (32 bytes)
 *   buckets  n_buckets x { u32 key[4]; { u8 lang[6]; u8 value[6] } entry[4] }
 *            (64 bytes: one cache line); key: a feature's fingerprint,
 *            0 for an empty slot; lang 127: no language
 */
#define LANGID_MAGIC "TMSLANGID\0\0\0"
#define LANGID_MAGIC_LEN 12
#define LANGID_VERSION 3
#define LANGID_HEADER_SIZE 48
#define LANGID_LANG_SIZE 32
#define LANGID_ENTRY_SIZE (2 * LANGID_SLOT_ENTRIES)
#define LANGID_BUCKET_SIZE (LANGID_BUCKET_SLOTS * (4 + LANGID_ENTRY_SIZE))

typedef struct {
  char code[8];
  guint32 script;
  float floor[LANGID_N_ORDERS];   /* log P of a feature the language lacks */
} LangidLang;

/* What a feature tells: the languages that use it most and by how much
 * more than the others (in 1/quant nats). Unused places name
 * LANGID_NO_LANG. */
typedef struct {
  guint8 lang[LANGID_SLOT_ENTRIES];
  guint8 value[LANGID_SLOT_ENTRIES];
} LangidEntry;

/* Keys and what they tell share one cache line. */
typedef struct {
  guint32 key[LANGID_BUCKET_SLOTS];
  LangidEntry entry[LANGID_BUCKET_SLOTS];
} LangidBucket;

typedef struct _LangidModel LangidModel;

LangidModel *langid_model_load (const char *path, GError **error);
void langid_model_free (LangidModel *model);
guint langid_model_get_n_langs (const LangidModel *model);
const LangidLang *langid_model_get_lang (const LangidModel *model, guint index);
int langid_model_find_lang (const LangidModel *model, const char *code);

/* The table is a two-choice cuckoo hash of buckets of four slots: a feature
 * lives in one of two buckets, both read at once, so a lookup never walks. */
static inline guint32
langid_bucket1 (guint64 hash, guint32 n_buckets)
{
  return (guint32) (((hash & 0xffffffffu) * (guint64) n_buckets) >> 32);
}

static inline guint32
langid_bucket2 (guint64 hash, guint32 n_buckets)
{
  return (guint32) ((((hash >> 16) & 0xffffffffu) * (guint64) n_buckets) >> 32);
}

static inline guint32
langid_key (guint64 hash)
{
  return (guint32) (hash >> 32) | 1u;
}

typedef struct {
  int lang;                       /* model index, -1 for undetermined */
  double p;
} LangidAlt;

typedef struct {
  int lang;                       /* best language, -1 for "und" */
  double score;                   /* its share of the posterior, 0..1 */
  LangidAlt alts[LANGID_MAX_ALTS];/* best first, alts[0] is lang */
  guint n_alts;
  guint letters;                  /* weighted letter count */
  LangidScript script;
  guint n_features;               /* features read (found in the table or not) */
  double coverage;                /* share of them the best language uses */
  double margin;                  /* nats between the two best, before tempering */
  const guchar *stop;             /* where reading stopped (the end, or earlier) */
  double name_share;              /* clean reading only: langid_name_share() of */
  guint n_words;                  /* what was read, and its number of words */
  guint n_noise;                  /* clean reading only: noise tokens blanked */
} LangidGuess;

/* How to read a text. */
typedef struct {
  const guint8 *allowed;          /* NULL, or non-zero per model language allowed */
  const float *prior;             /* NULL, or nats added per model language */
  guint min_chars;                /* fewer (weighted) letters: undetermined */
  double margin;                  /* stop reading once the best leads by this
                                   * many nats; 0: LANGID_EARLY_MARGIN;
                                   * negative: read everything */
  int expect;                     /* a language expected (model index), or -1 */
  double expect_margin;           /* stop as soon as @expect leads by this much */
  const char *steps;              /* NULL, or read in steps ending after the
                                   * spaces of this text (the text itself, or
                                   * what it was before langid_clean()) */
  gboolean clean;                 /* with @steps: read the text as langid_clean()
                                   * leaves it, and measure its names */
} LangidParams;

#define LANGID_EARLY_MARGIN 60.0

/* @allowed: NULL, or one byte per model language, non-zero when allowed.
 * Thread-safe: reads the model only. */
void langid_detect (const LangidModel *model, const char *text, gsize len,
                    const guint8 *allowed, guint min_chars, LangidGuess *guess);

/* langid_detect() with a prior and an early-stop margin of one's own.
 * Thread-safe: reads the model only. */
void langid_detect_params (const LangidModel *model, const char *text, gsize len,
                           const LangidParams *params, LangidGuess *guess);

G_END_DECLS
