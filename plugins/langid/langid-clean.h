/* langid — blanking the parts of a text that say nothing of its language. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies @len bytes of @text to @out (at least @len bytes), with every
 * token that is no evidence of a language replaced by spaces: hashtags,
 * @mentions, $cashtags, URLs, e-mail addresses and domain names, paths,
 * identifiers with '_', tokens mixing letters and digits (10k, USD3.14),
 * and base64-like runs. Offsets are kept: @out[i] comes from @text[i].
 * Returns the number of bytes blanked. */
gsize langid_clean (const char *text, gsize len, char *out);

/* Per byte, what it may tell of the token it is in: 0 for most, and for
 * all bytes beyond ASCII; LANGID_SUSPECT_SPACE for the spaces between
 * tokens; other bits for the bytes that may make a token noise. */
#define LANGID_SUSPECT_SPACE 2
extern const guint8 langid_suspect[256];

/* Whether the token @t of @n bytes (no space in it) is noise, as
 * langid_clean() judges it; @any is the OR of langid_suspect[] over its
 * bytes. A token with @any 0 and fewer than 16 bytes never is. */
gboolean langid_noise_token (const guchar *t, gsize n, guint8 any);

/* The share of the letters of @text that are in capitalised words other
 * than the first of a sentence: names, mostly ("Barack Obama met Angela
 * Merkel in Berlin" is mostly names, and names tell little of the
 * language around them). Sets @n_words to the number of words. */
double langid_name_share (const char *text, gsize len, guint *n_words);

G_END_DECLS
