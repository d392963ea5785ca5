/* relations — the words of a sentence, folded for the cue lists. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One token of a sentence: a word (letters and digits, joined by inner
 * hyphens, by `.` or `,` between digits, an elision keeping its
 * apostrophe: `d'`, `qu'`), an English possessive `'s`, or one character
 * of punctuation. */
typedef struct {
  guint32 start;   /* bytes in the document */
  guint32 end;
  char *fold;      /* lower case, accents dropped, apostrophes as ' */
  guint word : 1;  /* letters or digits, not punctuation */
  guint upper : 1; /* starts with an upper-case letter */
} RelTok;

/* Appends to @toks (an array of RelTok) the tokens of @text between
 * @start and @end. */
void rel_tokenize (const char *text, guint32 start, guint32 end, GArray *toks);

/* Frees the folded strings of the tokens of @toks and empties it. */
void rel_tokens_clear (GArray *toks);

/* @s folded as tokens are: a newly allocated string. */
char *rel_fold (const char *s, gssize len);

G_END_DECLS
