/* entities — cutting text into the tokens the tagger labels. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a token looks like, computed once when it is cut. */
typedef enum {
  ENT_TOK_UPPER_FIRST = 1 << 0, /* starts with an upper-case letter */
  ENT_TOK_ALL_UPPER = 1 << 1,   /* has letters, all upper case */
  ENT_TOK_HAS_UPPER = 1 << 2,   /* some letter is upper case */
  ENT_TOK_HAS_DIGIT = 1 << 3,
  ENT_TOK_HAS_LETTER = 1 << 4,
  ENT_TOK_WORD = 1 << 5,        /* letters or digits, not punctuation */
  ENT_TOK_ELISION = 1 << 6,     /* a French elided article: l’ d’ qu’ */
  ENT_TOK_POSSESSIVE = 1 << 7,  /* English ’s */
  ENT_TOK_SENT_START = 1 << 8,  /* first token of a sentence */
  ENT_TOK_OPEN = 1 << 9,        /* ( [ « " opening */
  ENT_TOK_CLOSE = 1 << 10,      /* ) ] » closing */
} EntTokFlags;

typedef struct {
  guint32 start;
  guint32 end;
  guint32 flags;
  guint32 sentence;  /* index of its sentence */
} EntTok;

/* Cuts text[0..len) into tokens, appended to @tokens (an array of
 * EntTok). Words are runs of letters, digits and marks joined by
 * apostrophes, hyphens, `&` and, between digits, `.` and `,`; dotted
 * initials (`U.S.`) are one token; French elisions (`d’`, `l’`) and the
 * English possessive (`’s`) are tokens of their own; any other character
 * that is not a space is a token. @sentence is stored in each token and
 * the first one is flagged ENT_TOK_SENT_START. */
void ent_tokenize (const char *text, guint32 start, guint32 end, guint32 sentence, GArray *tokens);

/* Whether the word @len bytes at @word joins the words of a name (`de`,
 * `of the`, `d’`, `et`, `&`…), whatever its case. */
gboolean ent_is_connector (const char *word, gsize len);

/* A word's lower-case, accent-free form, for features and comparisons,
 * written into @out (cleared first). */
void ent_fold (const char *word, gsize len, GString *out);

/* The shape of a word: X for upper-case letters, x for lower-case ones, d
 * for digits, runs of the same class cut to two, other characters as
 * they are ("Xx", "XX", "Xx-Xx", "dd.dd", "xXx"), into @out (cleared). */
void ent_shape (const char *word, gsize len, GString *out);

G_END_DECLS
