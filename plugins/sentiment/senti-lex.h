/* sentiment — the cue lexicons: files read with the core's loader, merged
 * into one matcher per language. */
#pragma once

#include <glib.h>
#include <tamis/lexicon.h>

G_BEGIN_DECLS

/* What a lexicon entry does; the file spells it as its label. */
typedef enum {
  SENTI_NONE = 0,
  SENTI_POS,            /* a positive word: weight in (0, 4] */
  SENTI_NEG,            /* a negative word: weight in [-4, 0) */
  SENTI_NEU,            /* no polarity: cancels a POS or NEG entry of an earlier file */
  SENTI_NEGATION,       /* flips the polar words that follow in its clause */
  SENTI_INTENSIFIER,    /* multiplies the next polar word by its weight (> 1) */
  SENTI_DAMPENER,       /* multiplies the next polar word by its weight (< 1) */
  SENTI_CONTRAST,       /* weight >= 1: what follows weighs that much, what
                         * precedes 1 / weight ("but"); weight < 1: the clause
                         * it opens weighs that much ("although") */
  SENTI_CLAUSE,         /* starts a new clause without contrast ("while") */
  SENTI_DIRECTION_UP,   /* rise, hausse: turns a financial noun by its polarity */
  SENTI_DIRECTION_DOWN, /* fall, baisse */
  SENTI_FIN_GOOD,       /* financial nouns good when they rise: sales, bénéfice */
  SENTI_FIN_BAD,        /* financial nouns bad when they rise: costs, dette */
  SENTI_CONDITIONAL,    /* multiplies its clause by its weight (< 1): could, si */
  SENTI_N_CLASSES
} SentiClass;

/* The meaning of one entry of a merged lexicon. */
typedef struct {
  guint8 cls;           /* a SentiClass */
  gboolean rule;        /* a rule class rather than a polarity (POS, NEG, NEU) */
  float weight;
} SentiEntry;

typedef struct {
  char *lang;           /* "fr", "en", or NULL for the union of all languages */
  TamisLexicon *lexicon;
  SentiEntry *entries;  /* indexed like the lexicon's entries */
} SentiLexicon;

/* Reads @paths (lexicon files; later files override earlier ones) and
 * merges them into one lexicon. Errors are TAMIS_ERROR_DATA "file:line: …". */
SentiLexicon *senti_lexicon_new (const char *lang, const char *const *paths, GError **error);
void senti_lexicon_free (SentiLexicon *lexicon);

/* The class a label names, or SENTI_NONE. */
SentiClass senti_class_from_label (const char *label);

G_END_DECLS
