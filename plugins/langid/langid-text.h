/* langid — scripts, case folding and the n-gram features of a text.
 *
 * The trainer and the plugin both include this header, so that a model is
 * always read with exactly the features it was trained on. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LANGID_SCRIPT_NONE,
  LANGID_SCRIPT_LATIN,
  LANGID_SCRIPT_CYRILLIC,
  LANGID_SCRIPT_GREEK,
  LANGID_SCRIPT_ARMENIAN,
  LANGID_SCRIPT_HEBREW,
  LANGID_SCRIPT_ARABIC,
  LANGID_SCRIPT_DEVANAGARI,
  LANGID_SCRIPT_BENGALI,
  LANGID_SCRIPT_GURMUKHI,
  LANGID_SCRIPT_GUJARATI,
  LANGID_SCRIPT_ORIYA,
  LANGID_SCRIPT_TAMIL,
  LANGID_SCRIPT_TELUGU,
  LANGID_SCRIPT_KANNADA,
  LANGID_SCRIPT_MALAYALAM,
  LANGID_SCRIPT_SINHALA,
  LANGID_SCRIPT_THAI,
  LANGID_SCRIPT_LAO,
  LANGID_SCRIPT_TIBETAN,
  LANGID_SCRIPT_MYANMAR,
  LANGID_SCRIPT_GEORGIAN,
  LANGID_SCRIPT_HANGUL,
  LANGID_SCRIPT_ETHIOPIC,
  LANGID_SCRIPT_KHMER,
  LANGID_SCRIPT_HAN,
  LANGID_SCRIPT_KANA,     /* Hiragana and Katakana */
  LANGID_SCRIPT_OTHER,
  LANGID_N_SCRIPTS
} LangidScript;

/* Highest n-gram order, and the longest word (in characters) that is also
 * a feature of its own. */
#define LANGID_MAX_ORDER 4
#define LANGID_MAX_WORD 16
/* Feature orders: 0 is a whole word, 1..LANGID_MAX_ORDER character n-grams. */
#define LANGID_N_ORDERS (LANGID_MAX_ORDER + 1)

typedef struct {
  guint32 letters;                     /* letters and marks seen */
  guint32 script[LANGID_N_SCRIPTS];    /* letters per script */
} LangidScan;

/* What langid_scanner_name_share() counts. */
typedef struct {
  guint32 words, letters, named;
  gboolean in_word, capital, stop;
} LangidNames;

/* Walks a text and cuts it into features, a batch at a time: no allocation,
 * and the caller can prefetch a whole batch of table slots at once. */
typedef struct {
  const guchar *p, *end;
  guint64 packed;                      /* last characters, 16 bits each, newest lowest */
  guint n_window;                      /* valid characters in it */
  guint64 word_hash;
  guint word_len;                      /* 0 between words */
  guint word_first;                    /* where the word's features start in the batch */
  guint orders;                        /* bit o set: emit features of order o */
  gboolean clean;                      /* noise tokens are blanked, names counted */
  const guchar *token;                 /* the token being read (clean) */
  guint8 token_any;                    /* its bytes' langid_suspect[] */
  gboolean token_kept;                 /* judged no noise already */
  guint32 n_noise;                     /* noise tokens taken back */
  LangidNames names;
} LangidScanner;

const char *langid_script_name (LangidScript script);
LangidScript langid_script_from_name (const char *name);

/* Folds @cp to lower case and tells its script, or returns 0 for anything
 * that is not a letter or mark (a word boundary). */
guint32 langid_fold (gunichar cp, guint8 *script);

/* @orders: bit o set to emit the features of order o (0: words). */
void langid_scanner_init (LangidScanner *scanner, const char *text, gsize len, guint orders);

/* langid_scanner_init() for a scanner that reads the text as
 * langid_clean() would leave it — noise tokens give neither features nor
 * letters — without copying it, and counts what langid_name_share() would
 * of what it read (langid_scanner_name_share()). */
void langid_scanner_init_clean (LangidScanner *scanner, const char *text, gsize len, guint orders);

/* langid_name_share() of the cleaned text a clean scanner has read so far. */
double langid_scanner_name_share (const LangidScanner *scanner, guint *n_words);

/* In @orders: a place that holds no feature (a word found too long). */
#define LANGID_NO_FEATURE 0xff

/* Stores at most @max (>= 100) features in @hashes/@orders,
 * adds the letters read to @scan, and returns how many were stored; 0 at
 * the end of the text. */
guint langid_scanner_next (LangidScanner *scanner, LangidScan *scan,
                           guint64 *hashes, guint8 *orders, guint max);

/* The script of most letters; Han characters count as Kana (Japanese) in a
 * text where a tenth of them are Kana. */
LangidScript langid_scan_dominant (const LangidScan *scan);

G_END_DECLS
