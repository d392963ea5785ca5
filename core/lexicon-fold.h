/* tamis — character classes, folding and tokens of the lexicon matcher. */
#pragma once

#include <tamis/lexicon.h>

G_BEGIN_DECLS

typedef enum {
  TAMIS_LEX_SPACE,  /* separates tokens, is part of none */
  TAMIS_LEX_SKIP,   /* invisible inside a word (soft hyphen, joiners) */
  TAMIS_LEX_LETTER, /* letters and combining marks */
  TAMIS_LEX_DIGIT,
  TAMIS_LEX_APOS,   /* joins words: aujourd'hui, d'OpenAI, Nvidia's */
  TAMIS_LEX_JOIN,   /* joins words: - and & */
  TAMIS_LEX_NUMSEP, /* joins digits only: . and , */
  TAMIS_LEX_PUNCT,  /* a token of its own */
} TamisLexClass;

/* A character's class and folded form, at most 6 bytes of UTF-8. */
typedef struct {
  guint8 cls;
  guint8 len;
  char s[6];
} TamisLexChar;

/* Folding is precomputed for the characters of Latin and Greek text and
 * general punctuation; the rest are folded on the fly with GLib, into the
 * caller's TamisLexChar (no allocation). */
#define TAMIS_LEX_LOW_END 0x0400
#define TAMIS_LEX_PUNCT_START 0x2000
#define TAMIS_LEX_PUNCT_END 0x2070

typedef struct {
  TamisLexiconFlags flags;
  TamisLexChar low[TAMIS_LEX_LOW_END];
  TamisLexChar punct[TAMIS_LEX_PUNCT_END - TAMIS_LEX_PUNCT_START];
} TamisLexFolder;

/* The longest folded word a lexicon accepts, in bytes. */
#define TAMIS_LEX_MAX_WORD 255

/* One token of text. Apostrophes are remembered for the elisions and the
 * possessive, found afterwards from the folded form. */
typedef struct {
  guint32 start, end;   /* bytes of the text */
  guint32 hash;         /* of the folded bytes */
  guint32 len;          /* folded length; > cap when the token did not fit */
  guint32 apos_first;   /* folded offset of the first apostrophe, or G_MAXUINT32 */
  guint32 apos_first_end; /* text offset just past it */
  guint32 apos_last;    /* folded offset of the last apostrophe */
  guint32 apos_last_text; /* text offset of it */
} TamisLexToken;

void tamis_lex_folder_init (TamisLexFolder *folder, TamisLexiconFlags flags);

/* Finds the token at or after *pos in text[0..length), folds it into buf
 * (cap bytes; a longer token gets len > cap and a meaningless buffer) and
 * moves *pos past it. Returns FALSE at the end of the text. */
gboolean tamis_lex_scan (const TamisLexFolder *folder, const char *text, gsize length,
                         gsize *pos, TamisLexToken *token, char *buf, gsize cap);

/* FNV-1a, the hash of folded tokens everywhere. */
#define TAMIS_LEX_HASH_INIT 2166136261u
#define TAMIS_LEX_HASH_STEP(h, b) (((h) ^ (guint8) (b)) * 16777619u)

static inline guint32
tamis_lex_hash (const char *s, gsize len)
{
  guint32 h = TAMIS_LEX_HASH_INIT;

  for (gsize i = 0; i < len; i++)
    h = TAMIS_LEX_HASH_STEP (h, s[i]);
  return h;
}

G_END_DECLS
